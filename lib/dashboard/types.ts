/** Shapes of the teacher's class dashboard, shared by the server that builds them and the tables that show them. */

/** Retention is measured over this many days, so a term-old slump doesn't hide a recent recovery. */
export const RETENTION_WINDOW_DAYS = 30;
/** Reviews are counted over this many days in the learner table. */
export const RECENT_REVIEW_DAYS = 7;
/** A card is overdue when it fell due more than this long ago. */
export const OVERDUE_AFTER_DAYS = 1;
/** The activity chart covers this many days, today included. */
export const ACTIVITY_DAYS = 30;

export type DashboardDeck = {
  /** A deck id. */
  id: string;
  title: string;
  /** The deck's documents: its questions are their published ones. */
  documentIds: string[];
  /** Published questions in the deck. */
  questionCount: number;
  dueAt: string | null;
};

export type LearnerRow = {
  learnerId: string;
  name: string;
  /** Cards answered at least once (reps > 0). */
  cardsStudied: number;
  reviewsLast7Days: number;
  /** Review-state answers in the retention window, and how many were not "again". */
  retentionReviews: number;
  retentionPassed: number;
  /** retentionPassed / retentionReviews in 0..1; null without review-state answers. */
  retention: number | null;
  dueNow: number;
  overdue: number;
  /** Deck id → mastered share of the deck's published questions, 0..1. */
  mastery: Record<string, number>;
  /** ISO time of the latest answer, or null if never. */
  lastActiveAt: string | null;
  /** Scheduled with FSRS parameters fitted to their own reviews (they beat the defaults). */
  fittedParameters: boolean;
};

export type Distractor = { choice: string; count: number };

export type QuestionRow = {
  questionId: string;
  prompt: string;
  type: string;
  documentId: string;
  documentTitle: string;
  /** Non-undone answers by class members. */
  attempts: number;
  /** Learners who answered at all, and how many got their first answer right. */
  firstTryLearners: number;
  firstTryCorrect: number;
  /** firstTryCorrect / firstTryLearners, 0..1; null when nobody answered. */
  firstTryRate: number | null;
  /** Mean answer time in milliseconds; null without answers. */
  avgDurationMs: number | null;
  /** Typed answers the grader rejected and the learner marked right ("I was right"). */
  overrides: number;
  /** Wrong choices picked (multiple choice), most picked first. */
  distractors: Distractor[];
};

export type DayCount = { day: string; count: number };
export type HistogramBin = { label: string; from: number; to: number; count: number };

export type ClassCharts = {
  activity: DayCount[];
  retentionHistogram: HistogramBin[];
  /** Learners left out of the histogram because they have no review-state answers yet. */
  learnersWithoutRetention: number;
};
