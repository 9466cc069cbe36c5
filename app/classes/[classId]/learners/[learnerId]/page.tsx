import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MasteryTable } from "@/components/mastery-table";
import { ProgressCharts } from "@/components/progress-charts";
import { getClassroom } from "@/lib/data/classes";
import { getClassLearner } from "@/lib/data/dashboard";
import { canManageClass, canReadClassLearner } from "@/lib/permissions";
import { buildProgressReport } from "@/lib/server/progress";
import { currentViewer } from "@/lib/server/viewer";
import "../../../../dashboard.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Learner progress" };

export default async function ClassLearnerPage({
  params,
}: {
  params: Promise<{ classId: string; learnerId: string }>;
}) {
  const { classId, learnerId } = await params;
  const classroom = await getClassroom(classId);
  if (!classroom) notFound();
  const viewer = await currentViewer();
  if (!canManageClass(viewer, classroom)) notFound();
  const learner = await getClassLearner(classroom.id, learnerId);
  if (!learner || !canReadClassLearner(viewer, classroom, learner.membership)) notFound();

  const report = await buildProgressReport(learner.membership.learnerId, learner.timeZone, new Date());
  return (
    <div className="dashboard">
      <nav aria-label="Breadcrumb" className="meta">
        <Link href="/classes">Classes</Link> › <Link href={`/classes/${classroom.id}`}>{classroom.name}</Link> ›{" "}
        {learner.name}
      </nav>
      <h1>{learner.name}</h1>
      <dl className="stat-row">
        <div>
          <dt>Reviews</dt>
          <dd>{report.totalReviews}</dd>
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
      <p className="meta">Days follow the learner&apos;s time zone ({report.timeZone}).</p>
    </div>
  );
}
