import { randomUUID } from "node:crypto";
import type { StudyCard, StudySession } from "../../lib/api/study-contract";

export type BenchLearner = { cookie: string; cards: StudyCard["question"][]; answered: number };

/** Opens the all-documents deck as `count` new guests; each keeps its cookie and its session's cards. */
export async function createLearners(baseUrl: string, count: number, parallel = 4): Promise<BenchLearner[]> {
  const learners: BenchLearner[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      next++;
      learners.push(await openSession(baseUrl));
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return learners;
}

async function openSession(baseUrl: string): Promise<BenchLearner> {
  const res = await fetch(`${baseUrl}/api/decks/all/session?tz=UTC`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET /api/decks/all/session answered ${res.status}: ${await res.text()}`);
  const session = (await res.json()) as StudySession;
  if (session.cards.length === 0) throw new Error("The session has no cards: was content/ imported?");
  const learner: BenchLearner = { cookie: "", cards: session.cards.map((c) => c.question), answered: 0 };
  // The guest (and its cookie) is created with the first answer, not when a deck is opened.
  const first = await fetch(`${baseUrl}/api/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: nextReviewBody(learner, new Date()),
    signal: AbortSignal.timeout(30_000),
  });
  const token = first.headers
    .getSetCookie()
    .map((c) => /^quarry_guest=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  if (!first.ok || !token) throw new Error(`The first answer set no quarry_guest cookie (HTTP ${first.status}).`);
  learner.cookie = `quarry_guest=${token}`;
  return learner;
}

const RATINGS = ["good", "hard", "easy", "again"] as const;

/**
 * The next answer of this learner, cycling through its cards: a rating for
 * flashcards, a response for the auto-graded types (right or wrong, both valid).
 */
export function nextReviewBody(learner: BenchLearner, now: Date): string {
  const n = learner.answered++;
  const q = learner.cards[n % learner.cards.length]!;
  const round = Math.floor(n / learner.cards.length);
  const answer: { rating?: string; response?: string } =
    q.type === "flashcard"
      ? { rating: RATINGS[round % RATINGS.length] }
      : q.type === "multiple_choice"
        ? { response: q.choices?.[round % (q.choices.length || 1)] ?? q.answer }
        : q.type === "true_false"
          ? { response: round % 2 === 0 ? "true" : "false" }
          : { response: round % 3 === 2 ? "not it" : q.answer };
  return JSON.stringify({
    reviewId: randomUUID(),
    questionId: q.id,
    cardId: null,
    ...answer,
    answeredAt: now.toISOString(),
    durationMs: 4_000 + (n % 7) * 1_000,
  });
}
