import type { ProgressReport as Report } from "@/lib/server/progress";
import { MasteryTable } from "./mastery-table";
import { ProgressCharts } from "./progress-charts";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** A learner's progress: the learner's own page and a teacher's drill-down show the same thing. */
export function ProgressReport({ report, whose }: { report: Report; whose: "your" | "the learner's" }) {
  return (
    <>
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
          <dd>{days(report.streak.current)}</dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>{days(report.streak.longest)}</dd>
        </div>
      </dl>
      <ProgressCharts report={report} />
      <h2>Mastery per document</h2>
      <MasteryTable rows={report.mastery} />
      <p className="meta">
        Days follow {whose} time zone ({report.timeZone}).
      </p>
    </>
  );
}
