import { sqlDate, type SqliteDb } from "./sqlite";
import { DAY_MS } from "../../lib/time";

const RATINGS = ["again", "hard", "good", "good", "good", "easy"] as const;

/**
 * Returns addCard(learnerId, questionNumber, reps): one Card row and `reps`
 * ReviewLog rows leading up to it, with dates spread around `now`.
 */
export function cardWriter(db: SqliteDb, random: () => number, nowDate: Date) {
  const now = nowDate.getTime();
  const stamp = sqlDate(nowDate);
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const insertCard = db.prepare(
    `INSERT INTO "Card" (id, learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays,
       learningSteps, reps, lapses, state, lastReview, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" (id, learnerId, cardId, questionId, rating, stateBefore, elapsedDays, scheduledDays,
       reviewedAt, durationMs, response, correct, source, previousCard, undoneAt, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'study', ?, ?, ?)`,
  );
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(random() * 2 ** 32)
        .toString(16)
        .padStart(8, "0"),
    ).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };

  // A spread like a long-running learner's: most review cards due in the coming months, a few overdue,
  // learning cards due within the hour, and a sliver reset to "new" by an undo.
  function cardState(): { state: string; due: number; scheduledDays: number } {
    const r = random();
    if (r < 0.01) return { state: "new", due: now - between(0, 30) * DAY_MS, scheduledDays: 0 };
    if (r < 0.09) return { state: "learning", due: now + between(-120, 60) * 60_000, scheduledDays: 0 };
    if (r < 0.11) return { state: "relearning", due: now + between(-120, 60) * 60_000, scheduledDays: 0 };
    if (r < 0.16)
      return { state: "review", due: now - between(0, 30) * DAY_MS, scheduledDays: Math.ceil(between(1, 60)) };
    const days = 365 * random() ** 2;
    return { state: "review", due: now + days * DAY_MS, scheduledDays: Math.ceil(days + between(1, 30)) };
  }

  function addCard(learnerId: string, q: number, reps: number): void {
    const { state, due, scheduledDays } = cardState();
    const lastReview = Math.min(now, due - scheduledDays * DAY_MS);
    const cardId = `bench-card-${learnerId}-${q}`;
    const lapses = Math.floor(random() * Math.min(3, reps));
    const stability = Math.max(0.1, scheduledDays * between(0.8, 1.2));
    const difficulty = between(2, 8);
    insertCard.run(
      cardId,
      learnerId,
      `bench-q-${q}`,
      sqlDate(new Date(due)),
      stability,
      difficulty,
      scheduledDays,
      scheduledDays,
      state === "learning" ? 1 : 0,
      reps,
      lapses,
      state,
      reps > 0 ? sqlDate(new Date(lastReview)) : null,
      stamp,
      stamp,
    );
    let at = lastReview;
    for (let k = reps - 1; k >= 0; k--) {
      const previous =
        k === 0
          ? null
          : {
              due: new Date(at).toISOString(),
              stability,
              difficulty,
              elapsedDays: 3,
              scheduledDays: 3,
              learningSteps: 0,
              reps: k,
              lapses: 0,
              state: "review",
              lastReview: new Date(at - 3 * DAY_MS).toISOString(),
            };
      const rating = RATINGS[Math.floor(random() * RATINGS.length)]!;
      insertLog.run(
        uuid(),
        learnerId,
        cardId,
        `bench-q-${q}`,
        rating,
        k === 0 ? "new" : "review",
        k === 0 ? 0 : 3,
        3,
        sqlDate(new Date(at)),
        Math.floor(between(1500, 20_000)),
        null,
        rating === "again" ? 0 : 1,
        previous ? JSON.stringify(previous) : "null",
        random() < 0.005 ? sqlDate(new Date(at + 5_000)) : null,
        sqlDate(new Date(at)),
      );
      at -= between(1, 10) * DAY_MS;
    }
  }

  return addCard;
}
