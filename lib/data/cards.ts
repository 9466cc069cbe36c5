import type { StudyQuestion } from "@/lib/api/study-contract";
import { Prisma } from "@/lib/generated/prisma/client";
import { CARD_STATES, parseEnum, QUESTION_TYPES, RATINGS } from "@/lib/domain/enums";
import { cardFromRow, type CardState, type CardStateName } from "@/lib/scheduling";
import { db } from "@/lib/server/db";
import { num } from "./dashboard";
import { parseTags } from "./question-tags";

export type StoredCard = CardState & { id: string; learnerId: string; questionId: string };

export const STUDY_QUESTION_SELECT = {
  id: true,
  noteId: true,
  type: true,
  prompt: true,
  answer: true,
  choices: true,
  statementIsTrue: true,
  factType: true,
  documentId: true,
  sentenceIndex: true,
  sentence: true,
  status: true,
  tags: true,
  explanation: true,
  tolerance: true,
  document: { select: { title: true } },
} as const satisfies Prisma.QuestionSelect;

export type StudyQuestionRow = Prisma.QuestionGetPayload<{ select: typeof STUDY_QUESTION_SELECT }>;

// The hot reads (an answer's question and card, a deck's due cards) are raw SQL through
// Prisma: Prisma 6 compiles every query, about 2 ms of CPU for a model query and a fifth of
// that for a tagged template. Quoted identifiers and bound values only, so the same SQL
// runs on SQLite and PostgreSQL.

/** The Card columns a StoredCard holds, quoted. */
export const CARD_COLUMN_NAMES = ["id", "learnerId", "questionId", "due", "stability", "difficulty", "elapsedDays"]
  .concat(["scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"])
  .map((column) => `"${column}"`);

/**
 * STUDY_QUESTION_SELECT's columns and the card's (prefixed `card_`), for raw
 * statements over `"Question" q JOIN "Document" d` and a `"Card" c`.
 */
const QUESTION_COLUMN_LIST = `q."id", q."noteId", q."type", q."prompt", q."answer", q."choices", q."statementIsTrue",
   q."factType", q."documentId", q."sentenceIndex", q."sentence", q."status", q."tags", q."explanation", q."tolerance",
   d."title" AS "documentTitle"`;

/** STUDY_QUESTION_SELECT's columns alone, over `"Question" q JOIN "Document" d`. */
const QUESTION_COLUMNS = Prisma.raw(QUESTION_COLUMN_LIST);

export const QUESTION_AND_CARD_COLUMNS = Prisma.raw(
  `${QUESTION_COLUMN_LIST}, ` +
    CARD_COLUMN_NAMES.map((column) => `c.${column} AS "card_${column.slice(1, -1)}"`).join(", "),
);

type CardRow = Omit<StoredCard, "state"> & { state: string };
export type RawQuestionAndCard = Omit<StudyQuestionRow, "document"> & { documentTitle: string } & {
  [K in keyof CardRow as `card_${K}`]: CardRow[K] | null;
};

/** A row read with QUESTION_AND_CARD_COLUMNS: the question as STUDY_QUESTION_SELECT's payload, and its card if any. */
export function questionAndCardFromRaw(row: RawQuestionAndCard): {
  question: StudyQuestionRow;
  card: StoredCard | null;
} {
  const question: Record<string, unknown> = {};
  const card: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("card_")) card[key.slice(5)] = value;
    else if (key !== "documentTitle") question[key] = value;
  }
  return {
    question: { ...(question as Omit<StudyQuestionRow, "document">), document: { title: row.documentTitle } },
    card: card.id === null || card.id === undefined ? null : toCardState(card as CardRow),
  };
}

/** A question row as the study contract shows it, its enum and JSON columns checked. */
export function toStudyQuestion(q: StudyQuestionRow): StudyQuestion {
  return {
    id: q.id,
    type: parseEnum(QUESTION_TYPES, q.type, "question type"),
    prompt: q.prompt,
    answer: q.answer,
    choices: (q.choices as string[] | null) ?? null,
    statementIsTrue: q.statementIsTrue,
    factType: q.factType,
    documentId: q.documentId,
    documentTitle: q.document.title,
    sentenceIndex: q.sentenceIndex,
    sentence: q.sentence,
    ...(q.tags ? { tags: parseTags(q.tags) } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
    ...(q.tolerance ? { tolerance: q.tolerance } : {}),
  };
}

/** Published questions of a deck: those of its documents (one index range per document). */
export function deckQuestionWhere(documentIds: readonly string[]): Prisma.QuestionWhereInput {
  return { status: "published", documentId: documentIds.length === 1 ? documentIds[0] : { in: [...documentIds] } };
}

const toCardState = (row: CardRow): StoredCard => cardFromRow(row);

/** Up to this many documents, a deck's due cards are found from its questions (see getDueCards). */
const FEW_DOCUMENTS = 4;

/**
 * The learner's due cards in `states` among the deck's published questions, oldest
 * due first, with their questions, in one statement whatever the history. CROSS JOIN
 * fixes SQLite's join order (PostgreSQL plans it as an inner join). The `|| ''` keep
 * SQLite off the indexes that would cost a sort of every due card (state) or a walk of
 * the deck's documents for every card (documentId); PostgreSQL plans from its statistics.
 */
export async function getDueCards(
  learnerId: string,
  documentIds: readonly string[],
  now: Date,
  limit: number,
  states: CardStateName[] = ["learning", "relearning", "review"],
) {
  if (documentIds.length === 0 || states.length === 0 || limit <= 0) return [];
  const inDeck = Prisma.join(documentIds);
  // A deck of a few documents: its published questions (documentId, status index), each
  // with the learner's card by key, then sorted; cost follows the deck, not the history.
  const fromDeck = Prisma.sql`"Question" q CROSS JOIN "Card" c CROSS JOIN "Document" d
    WHERE q."documentId" IN (${inDeck}) AND q."status" = 'published'
      AND c."learnerId" = ${learnerId} AND c."questionId" = q."id"`;
  // A deck of many documents: the learner's due cards in due order, stopping after `limit`.
  const fromCards = Prisma.sql`"Card" c CROSS JOIN "Question" q CROSS JOIN "Document" d
    WHERE c."learnerId" = ${learnerId}
      AND q."id" = c."questionId" AND q."status" = 'published' AND (q."documentId" || '') IN (${inDeck})`;
  const rows = await db().$queryRaw<RawQuestionAndCard[]>`
    SELECT ${QUESTION_AND_CARD_COLUMNS}
    FROM ${documentIds.length <= FEW_DOCUMENTS ? fromDeck : fromCards}
      AND c."due" <= ${now} AND (c."state" || '') IN (${Prisma.join(states)}) AND d."id" = q."documentId"
    ORDER BY c."due" ASC
    LIMIT ${limit}`;
  return rows.map((row) => {
    const { question, card } = questionAndCardFromRaw(row);
    return { card: card!, question };
  });
}

/**
 * Questions the learner has never answered (or whose answer was undone), in reading order. Only
 * documents with a question left that is new to the learner are walked: a first statement compares
 * each document's published questions ("DocumentQuestionTotal") with the learner's cards out of the
 * new state on them ("LearnerDocumentTotal"), both kept by triggers, so a learner who has started
 * every question of a document never walks it again, however large the deck. Two statements at most.
 */
export async function getNewQuestions(learnerId: string | null, documentIds: readonly string[], limit: number) {
  if (documentIds.length === 0 || limit <= 0) return [];
  let open = documentIds;
  if (learnerId) {
    const rows = await db().$queryRaw<Array<{ documentId: string }>>`
      SELECT t."documentId" AS "documentId" FROM "DocumentQuestionTotal" t
      LEFT JOIN "LearnerDocumentTotal" l ON l."learnerId" = ${learnerId} AND l."documentId" = t."documentId"
      WHERE t."documentId" IN (${Prisma.join(documentIds)}) AND t."published" > COALESCE(l."started", 0)`;
    open = rows.map((r) => r.documentId);
    if (open.length === 0) return [];
  }
  const notStarted = learnerId
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Card" c
        WHERE c."learnerId" = ${learnerId} AND c."questionId" = q."id" AND c."state" <> 'new')`
    : Prisma.empty;
  const rows = await db().$queryRaw<RawQuestionAndCard[]>`
    SELECT ${QUESTION_COLUMNS}
    FROM "Question" q JOIN "Document" d ON d."id" = q."documentId"
    WHERE q."documentId" IN (${Prisma.join(open)}) AND q."status" = 'published' ${notStarted}
    ORDER BY q."documentId" ASC, q."sentenceIndex" ASC, q."score" DESC, q."id" ASC
    LIMIT ${limit}`;
  return rows.map((row) => questionAndCardFromRaw(row).question);
}

/**
 * The questions of the given notes that a learner answered since `since` (the start of their day),
 * with their notes, for sibling burying: one raw statement over the range of today's logs in
 * ReviewLog's (learnerId, reviewedAt, …) index. Only the notes of a session's candidates matter, so
 * a learner with thousands of answers today gets back only those few.
 */
export async function listQuestionsAnsweredSince(learnerId: string, since: Date, noteIds: readonly string[]) {
  if (noteIds.length === 0) return [];
  return db().$queryRaw<Array<{ id: string; noteId: string | null }>>`
    SELECT DISTINCT r."questionId" AS "id", q."noteId"
    FROM "ReviewLog" r JOIN "Question" q ON q."id" = r."questionId"
    WHERE r."learnerId" = ${learnerId} AND r."reviewedAt" >= ${since} AND r."undoneAt" IS NULL
      AND q."noteId" IN (${Prisma.join(noteIds)})`;
}

/**
 * Answers since `since` (the start of the learner's day) that count against the daily limits: to
 * new cards and to review-state cards, in one statement over today's range of the learner's logs.
 */
export async function countCardsStudiedSince(
  learnerId: string,
  since: Date,
): Promise<{ newCards: number; reviews: number }> {
  const [row] = await db().$queryRaw<Array<{ newCards: unknown; reviews: unknown }>>`
    SELECT SUM(CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END) AS "newCards",
      SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END) AS "reviews"
    FROM "ReviewLog" r
    WHERE r."learnerId" = ${learnerId} AND r."reviewedAt" >= ${since} AND r."undoneAt" IS NULL`;
  return { newCards: num(row?.newCards), reviews: num(row?.reviews) };
}

export async function countReviews(learnerId: string): Promise<number> {
  return db().reviewLog.count({ where: { learnerId, undoneAt: null } });
}

export async function getProgressData(learnerId: string) {
  const [reviews, cards] = await Promise.all([
    db().reviewLog.findMany({
      where: { learnerId, undoneAt: null },
      select: { reviewedAt: true, rating: true, stateBefore: true },
      orderBy: { reviewedAt: "asc" },
    }),
    db().card.findMany({
      where: { learnerId },
      select: { state: true, stability: true, due: true, question: { select: { documentId: true } } },
    }),
  ]);
  return {
    reviews: reviews.map((r) => ({
      ...r,
      rating: parseEnum(RATINGS, r.rating, "rating"),
      stateBefore: parseEnum(CARD_STATES, r.stateBefore, "card state"),
    })),
    cards: cards.map((c) => ({
      state: parseEnum(CARD_STATES, c.state, "card state"),
      stability: c.stability,
      due: c.due,
      documentId: c.question.documentId,
    })),
  };
}
