import type { Metadata } from "next";
import Link from "next/link";
import { ProgressCharts } from "@/components/progress-charts";
import { MasteryTable } from "@/components/mastery-table";
import { currentLearner } from "@/lib/server/learner-session";
import { buildProgressReport } from "@/lib/server/progress";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const learner = await currentLearner();
  if (!learner) {
    return (
      <>
        <h1>Your progress</h1>
        <p>
          You have not studied yet. <Link href="/">Pick a deck</Link> to start.
        </p>
      </>
    );
  }
  const report = await buildProgressReport(learner.id, learner.timeZone, new Date());
  return (
    <>
      <h1>Your progress</h1>
      <dl className="stat-row">
        <div>
          <dt>Reviews</dt>
          <dd data-testid="total-reviews">{report.totalReviews}</dd>
        </div>
        <div>
          <dt>Today</dt>
          <dd>{report.reviewsToday}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>
            {report.streak.current} {report.streak.current === 1 ? "day" : "days"}
          </dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>
            {report.streak.longest} {report.streak.longest === 1 ? "day" : "days"}
          </dd>
        </div>
      </dl>
      <ProgressCharts report={report} />
      <h2>Mastery per document</h2>
      <MasteryTable rows={report.mastery} />
      <p className="meta">Days follow your time zone ({report.timeZone}).</p>
    </>
  );
}
