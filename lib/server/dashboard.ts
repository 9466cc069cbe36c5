import { fillDays, retentionHistogram, utcDay } from "@/lib/dashboard/charts";
import type { Viewer } from "@/lib/permissions";
import { findManagedClass } from "./classes";
import {
  ACTIVITY_DAYS,
  OVERDUE_AFTER_DAYS,
  RECENT_REVIEW_DAYS,
  RETENTION_WINDOW_DAYS,
  type ClassCharts,
  type DashboardDeck,
  type LearnerRow,
  type QuestionRow,
} from "@/lib/dashboard/types";
import {
  classCardStats,
  classActivityByDay,
  classLearnerReviews,
  classMembersActivity,
  classQuestionTotals,
  classWrongChoices,
  listClassDeckRows,
  listDeckQuestions,
} from "@/lib/data/dashboard";
import { DAY_MS } from "@/lib/time";

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The class's assigned decks, in assignment order, with titles and sizes. */
export async function listClassDecks(classId: string): Promise<DashboardDeck[]> {
  const decks = new Map<string, DashboardDeck>();
  for (const row of await listClassDeckRows(classId)) {
    const deck = decks.get(row.deckId) ?? {
      id: row.deckId,
      title: row.title,
      documentIds: [],
      questionCount: 0,
      dueAt: row.dueAt,
    };
    if (row.documentId !== null) {
      deck.documentIds.push(row.documentId);
      deck.questionCount += row.publishedQuestions;
    }
    decks.set(row.deckId, deck);
  }
  return [...decks.values()];
}

/** Document ids the decks cover, each once. */
function deckDocuments(decks: readonly DashboardDeck[]): string[] {
  return [...new Set(decks.flatMap((d) => d.documentIds))];
}

export type LearnerTable = { decks: DashboardDeck[]; rows: LearnerRow[] };

/**
 * One row per class member. Reviews count the last 7 days; true retention
 * covers the last 30 days (answers to cards in review state not rated
 * "again"); mastery is the share of a deck's published questions whose card is
 * in review state with stability of at least MASTERY_STABILITY_DAYS.
 */
export async function buildLearnerTable(classId: string, now: Date): Promise<LearnerTable> {
  const [decks, members, cards, reviews] = await Promise.all([
    listClassDecks(classId),
    classMembersActivity(classId, now),
    classCardStats(classId, now, daysBefore(now, OVERDUE_AFTER_DAYS)),
    classLearnerReviews(classId, daysBefore(now, RETENTION_WINDOW_DAYS), daysBefore(now, RECENT_REVIEW_DAYS), now),
  ]);
  const rows = new Map<string, LearnerRow>(
    members.map((m) => [
      m.learnerId,
      {
        ...m,
        cardsStudied: 0,
        reviewsLast7Days: 0,
        retentionReviews: 0,
        retentionPassed: 0,
        retention: null,
        dueNow: 0,
        overdue: 0,
        mastery: {},
      },
    ]),
  );
  const mastered = new Map<string, Map<string, number>>();
  for (const c of cards) {
    const row = rows.get(c.learnerId);
    if (!row) continue;
    row.cardsStudied += c.studied;
    row.dueNow += c.dueNow;
    row.overdue += c.overdue;
    const perDoc = mastered.get(c.learnerId) ?? new Map<string, number>();
    perDoc.set(c.documentId, c.mastered);
    mastered.set(c.learnerId, perDoc);
  }
  for (const r of reviews) {
    const row = rows.get(r.learnerId);
    if (!row) continue;
    row.reviewsLast7Days = r.recent;
    row.retentionReviews = r.reviewStateAnswers;
    row.retentionPassed = r.reviewStatePassed;
  }
  for (const row of rows.values()) {
    row.retention = row.retentionReviews > 0 ? row.retentionPassed / row.retentionReviews : null;
    const perDoc = mastered.get(row.learnerId);
    for (const deck of decks) {
      const count = deck.documentIds.reduce((n, id) => n + (perDoc?.get(id) ?? 0), 0);
      row.mastery[deck.id] = deck.questionCount > 0 ? count / deck.questionCount : 0;
    }
  }
  return { decks, rows: [...rows.values()] };
}

export type QuestionTable = { decks: DashboardDeck[]; rows: QuestionRow[] };

/** One row per published question in the assigned decks, in reading order. */
export async function buildQuestionTable(classId: string): Promise<QuestionTable> {
  const decks = await listClassDecks(classId);
  if (decks.length === 0) return { decks, rows: [] };
  const documentIds = deckDocuments(decks);
  const [questions, totals, wrongChoices] = await Promise.all([
    listDeckQuestions(documentIds),
    classQuestionTotals(classId, documentIds),
    classWrongChoices(classId, documentIds),
  ]);
  const rows = new Map<string, QuestionRow & { totalMs: number }>(
    questions.map((q) => [
      q.id,
      {
        questionId: q.id,
        prompt: q.prompt,
        type: q.type,
        documentId: q.documentId,
        documentTitle: q.documentTitle,
        attempts: 0,
        firstTryLearners: 0,
        firstTryCorrect: 0,
        firstTryRate: null,
        avgDurationMs: null,
        overrides: 0,
        distractors: [],
        totalMs: 0,
      },
    ]),
  );
  for (const t of totals) {
    const row = rows.get(t.questionId);
    if (!row) continue;
    row.attempts = t.answers;
    row.totalMs = t.durationMs;
    row.firstTryLearners = t.firstLearners;
    row.firstTryCorrect = t.firstCorrect;
    row.overrides = t.overrides;
  }
  for (const w of wrongChoices) rows.get(w.questionId)?.distractors.push({ choice: w.choice, count: w.count });
  return {
    decks,
    rows: [...rows.values()].map(({ totalMs, ...row }) => ({
      ...row,
      firstTryRate: row.firstTryLearners > 0 ? row.firstTryCorrect / row.firstTryLearners : null,
      avgDurationMs: row.attempts > 0 ? totalMs / row.attempts : null,
      distractors: row.distractors.sort((a, b) => b.count - a.count || (a.choice < b.choice ? -1 : 1)),
    })),
  };
}

/** Reviews per UTC day (the last 30 days, today included) and the spread of learners' 30-day true retention. */
export async function buildClassCharts(
  classId: string,
  learners: readonly LearnerRow[],
  now: Date,
): Promise<ClassCharts> {
  const since = new Date(`${utcDay(daysBefore(now, ACTIVITY_DAYS - 1))}T00:00:00Z`);
  const activity = fillDays(await classActivityByDay(classId, since, now), now, ACTIVITY_DAYS);
  return {
    activity,
    retentionHistogram: retentionHistogram(learners.map((l) => l.retention)),
    learnersWithoutRetention: learners.filter((l) => l.retention === null).length,
  };
}

export type ClassDashboard = { learners: LearnerTable; questions: QuestionTable; charts: ClassCharts };

/** Everything the dashboard page shows. */
export async function buildClassDashboard(classId: string, now: Date): Promise<ClassDashboard> {
  const [learners, questions] = await Promise.all([buildLearnerTable(classId, now), buildQuestionTable(classId)]);
  return { learners, questions, charts: await buildClassCharts(classId, learners.rows, now) };
}

/**
 * The class dashboard of a class the viewer manages (null otherwise), with the
 * class-wide figures of its header: reviews in the recent window, retention
 * over every learner's answers, and how many learners have overdue cards.
 */
export async function loadClassDashboard(viewer: Viewer, classId: string, now: Date) {
  const classroom = await findManagedClass(viewer, classId);
  if (!classroom) return null;
  const dashboard = await buildClassDashboard(classroom.id, now);
  const rows = dashboard.learners.rows;
  const passed = rows.reduce((n, r) => n + r.retentionPassed, 0);
  const answered = rows.reduce((n, r) => n + r.retentionReviews, 0);
  const totals = {
    recentReviews: rows.reduce((n, r) => n + r.reviewsLast7Days, 0),
    retention: answered > 0 ? passed / answered : null,
    learnersOverdue: rows.filter((r) => r.overdue > 0).length,
  };
  return { classroom, ...dashboard, totals };
}
