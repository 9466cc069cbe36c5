import "server-only";

import type { DeckCounts, StudyCard, StudySession } from "@/lib/api/study-contract";
import type { LearnerRecord } from "@/lib/data/learners";
import {
  countCardsStudiedSince,
  getDueCards,
  getNewQuestions,
  listQuestionsAnsweredSince,
  toStudyQuestion,
  type StudyQuestionRow,
} from "@/lib/data/cards";
import { cardToJson, newCardState } from "@/lib/scheduling";
import { startOfDay } from "@/lib/time";
import { burySiblings } from "@/lib/study/siblings";
import { countPlan, planSession } from "@/lib/study/session-plan";
import type { Deck } from "./decks";

export const SESSION_SIZE = 50;
/** New questions read per session at least, before siblings and repeated sentences are set aside. */
const NEW_CANDIDATES = 200;
/** The schema's default daily new-card limit, shown to visitors who have not started yet. */
const DEFAULT_NEW_CARDS_PER_DAY = 20;
/** The schema's default desired retention, likewise. */
const DEFAULT_DESIRED_RETENTION = 0.9;
/** The schema's default daily review limit, likewise. */
const DEFAULT_MAX_REVIEWS_PER_DAY = 200;

/** The deck page's counts: a tally of the very plan the session would be built from now. */
export async function getDeckCounts(learner: LearnerRecord | null, deck: Deck, now: Date): Promise<DeckCounts> {
  return countPlan((await planFor(learner, deck, now)).plan);
}

async function allowances(learner: LearnerRecord, now: Date) {
  const since = startOfDay(now, learner.timeZone);
  const studied = await countCardsStudiedSince(learner.id, since);
  return {
    newAllowance: Math.max(0, learner.newCardsPerDay - studied.newCards),
    reviewAllowance: Math.max(0, learner.maxReviewsPerDay - studied.reviews),
  };
}

type DueRow = Awaited<ReturnType<typeof getDueCards>>[number];
type PlanDue = DueRow["card"] & { row: DueRow };

/**
 * Cards for one sitting (lib/study/session-plan.ts): due learning cards always, due
 * review cards up to the daily review limit, new questions up to the daily new-card
 * limit (one per source sentence, so siblings don't give each other away), in the
 * learner's study order. A note shows at most one of its variants per day, in this
 * session or an earlier one the same day (sibling burying). A visitor with no learner
 * yet sees new cards only; the learner is created with their first answer.
 */
async function planFor(learner: LearnerRecord | null, deck: Deck, now: Date) {
  const limits = learner
    ? await allowances(learner, now)
    : { newAllowance: DEFAULT_NEW_CARDS_PER_DAY, reviewAllowance: 0 };
  const newCap = Math.min(limits.newAllowance, SESSION_SIZE);
  // Fetch extra due cards: buried siblings drop out of the list. Enough new candidates that
  // buried siblings and repeated sentences still leave a full allowance.
  const [learning, review, candidates] = await Promise.all([
    learner ? getDueCards(learner.id, deck.documentIds, now, SESSION_SIZE * 2, ["learning", "relearning"]) : [],
    learner
      ? getDueCards(learner.id, deck.documentIds, now, Math.min(SESSION_SIZE, limits.reviewAllowance) * 2, ["review"])
      : [],
    newCap > 0
      ? getNewQuestions(learner?.id ?? null, deck.documentIds, Math.max(newCap * 8, NEW_CANDIDATES))
      : Promise.resolve([]),
  ]);
  const dueRows = [...learning, ...review].sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
  // Answers today bury only the notes among these candidates: read just those.
  const notes = [...new Set([...dueRows.map((r) => r.question.noteId), ...candidates.map((c) => c.noteId)])];
  const answeredToday = learner
    ? await listQuestionsAnsweredSince(
        learner.id,
        startOfDay(now, learner.timeZone),
        notes.filter((n): n is string => n !== null),
      )
    : [];
  // Only the review cards the daily limit lets through bury their siblings.
  let reviewsLeft = limits.reviewAllowance;
  const served = burySiblings(dueRows, (r) => r.question, answeredToday).filter(
    (r) => r.card.state !== "review" || reviewsLeft-- > 0,
  );
  const due: PlanDue[] = served.map((row) => ({ ...row.card, row }));
  const fresh = burySiblings(candidates, (c) => c, [...answeredToday, ...due.map((d) => d.row.question)]);
  const plan = planSession<PlanDue, StudyQuestionRow>({
    due,
    fresh,
    ...limits,
    size: SESSION_SIZE,
    order: learner?.studyOrder ?? "due-first",
    sentenceKey: ({ row: { question: q } }) => `${q.documentId}:${q.sentenceIndex}`,
  });
  return { plan };
}

export async function buildStudySession(
  learner: LearnerRecord | null,
  deck: Deck,
  now: Date,
  visitorTimeZone = "UTC",
): Promise<StudySession> {
  const { plan } = await planFor(learner, deck, now);
  const cards: StudyCard[] = plan.map((p) =>
    p.kind === "due"
      ? { cardId: p.item.id, question: toStudyQuestion(p.item.row.question), card: cardToJson(p.item.row.card) }
      : { cardId: null, question: toStudyQuestion(p.item), card: cardToJson(newCardState(now)) },
  );
  return {
    deck: { id: deck.id, title: deck.title },
    learner: learner
      ? {
          desiredRetention: learner.desiredRetention,
          newCardsPerDay: learner.newCardsPerDay,
          maxReviewsPerDay: learner.maxReviewsPerDay,
          studyOrder: learner.studyOrder,
          timeZone: learner.timeZone,
          fsrsWeights: learner.fsrsWeights,
        }
      : {
          desiredRetention: DEFAULT_DESIRED_RETENTION,
          newCardsPerDay: DEFAULT_NEW_CARDS_PER_DAY,
          maxReviewsPerDay: DEFAULT_MAX_REVIEWS_PER_DAY,
          studyOrder: "due-first",
          timeZone: visitorTimeZone,
          fsrsWeights: null,
        },
    serverNow: now.toISOString(),
    counts: countPlan(plan),
    cards,
  };
}
