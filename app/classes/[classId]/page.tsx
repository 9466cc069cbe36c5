import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClassCharts } from "@/components/dashboard/class-charts";
import { LearnerTable } from "@/components/dashboard/learner-table";
import { QuestionTable } from "@/components/dashboard/question-table";
import { percent } from "@/lib/dashboard/charts";
import { LOW_RETENTION } from "@/lib/dashboard/filters";
import { OVERDUE_AFTER_DAYS, RECENT_REVIEW_DAYS, RETENTION_WINDOW_DAYS } from "@/lib/dashboard/types";
import { loadClassDashboard } from "@/lib/server/dashboard";
import { currentViewer } from "@/lib/server/viewer";
import { MASTERY_STABILITY_DAYS } from "@/lib/study/progress";
import "../../dashboard.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class dashboard" };

export default async function ClassDashboardPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const now = new Date();
  const dashboard = await loadClassDashboard(await currentViewer(), classId, now);
  if (!dashboard) notFound();
  const { classroom, learners, questions, charts, totals } = dashboard;
  const rows = learners.rows;

  return (
    <div className="dashboard">
      <nav aria-label="Breadcrumb" className="meta">
        <Link href="/classes">Classes</Link> › {classroom.name}
      </nav>
      <h1>{classroom.name}</h1>
      {classroom.isDemo && (
        <p className="notice">This is a demo class: its learners and their answers are generated sample data.</p>
      )}
      <p className="dashboard-actions">
        <Link href={`/classes/${classroom.id}/manage`}>Manage class and assignments</Link>
        <a href={`/api/classes/${classroom.id}/learners.csv`} download>
          Download learners (CSV)
        </a>
        <a href={`/api/classes/${classroom.id}/questions.csv`} download>
          Download questions (CSV)
        </a>
      </p>
      <dl className="stat-row">
        <div>
          <dt>Learners</dt>
          <dd>{rows.length}</dd>
        </div>
        <div>
          <dt>Reviews, {RECENT_REVIEW_DAYS} days</dt>
          <dd>{totals.recentReviews}</dd>
        </div>
        <div>
          <dt>Class retention, {RETENTION_WINDOW_DAYS} days</dt>
          <dd>{percent(totals.retention)}</dd>
        </div>
        <div>
          <dt>Learners with overdue cards</dt>
          <dd>{totals.learnersOverdue}</dd>
        </div>
      </dl>

      <h2>Assigned decks</h2>
      {learners.decks.length === 0 ? (
        <p>
          No decks are assigned yet. <Link href={`/classes/${classroom.id}/manage`}>Assign a deck</Link> to see mastery
          and question statistics.
        </p>
      ) : (
        <ul className="deck-list">
          {learners.decks.map((d) => (
            <li key={d.id}>
              <Link href={`/decks/${d.id}`}>{d.title}</Link>{" "}
              <span className="meta">
                {d.questionCount} questions
                {d.dueAt && <>, due {d.dueAt.slice(0, 10)}</>}
              </span>
            </li>
          ))}
        </ul>
      )}

      <ClassCharts charts={charts} />
      <LearnerTable classId={classroom.id} decks={learners.decks} rows={rows} now={now.toISOString()} />
      <QuestionTable rows={questions.rows} />

      <section aria-labelledby="definitions-heading" className="definitions">
        <h2 id="definitions-heading">How these numbers are measured</h2>
        <dl>
          <dt>Retention</dt>
          <dd>
            True retention over the last {RETENTION_WINDOW_DAYS} days: of the answers to cards that were due for review
            (learning steps left out), the share not marked “Again”. Below {LOW_RETENTION * 100}% usually means cards
            come back too late or were learned too shallowly.
          </dd>
          <dt>Mastery</dt>
          <dd>
            The share of a deck&apos;s published questions whose card is in review with a memory stability of at least{" "}
            {MASTERY_STABILITY_DAYS} days: the scheduler expects the learner to still recall it three weeks after the
            last review.
          </dd>
          <dt>Due now and overdue</dt>
          <dd>
            Cards waiting for review now; overdue ones fell due more than {OVERDUE_AFTER_DAYS} day ago. Counts cover
            every published question the learner has started, assigned or not.
          </dd>
          <dt>Right first try</dt>
          <dd>
            Of the learners who answered a question, the share whose first answer was right (self-graded flashcards:
            anything but “Again”). The number in brackets is how many learners answered.
          </dd>
          <dt>Days</dt>
          <dd>Activity is counted per calendar day in UTC. Undone answers are never counted.</dd>
        </dl>
      </section>
    </div>
  );
}
