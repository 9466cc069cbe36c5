import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createGuestLearner } from "@/lib/data/learners";
import { mergeLearnerInto } from "@/lib/server/merge-learners";
import { createUserWithPassword } from "@/lib/data/users";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

let questions: string[];

beforeAll(async () => {
  await importContent(path.resolve("content"));
  questions = (await db().question.findMany({ take: 3, orderBy: { id: "asc" }, select: { id: true } })).map(
    (q) => q.id,
  );
});

async function card(learnerId: string, questionId: string, lastReview: Date, reps: number) {
  const c = await db().card.create({
    data: {
      learnerId,
      questionId,
      due: new Date(lastReview.getTime() + 86_400_000),
      stability: reps,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps,
      lapses: 0,
      state: "review",
      lastReview,
    },
  });
  await db().reviewLog.create({
    data: {
      id: randomUUID(),
      learnerId,
      cardId: c.id,
      questionId,
      rating: "good",
      stateBefore: "learning",
      elapsedDays: 0,
      scheduledDays: 1,
      reviewedAt: lastReview,
      durationMs: 1000,
      previousCard: {},
    },
  });
  return c;
}

describe("merging a guest's progress into an account", () => {
  it("keeps the card with the newest review for shared questions, and every log", async () => {
    const account = await createUserWithPassword({
      email: "merge@school.org",
      name: "M",
      password: "long enough password",
      role: "learner",
    });
    const guest = await createGuestLearner("guest-merge");
    const [q1, q2, q3] = questions as [string, string, string];
    // q1: both studied, the guest more recently → guest's card wins.
    const guestQ1 = await card(guest.id, q1, new Date("2026-03-05T10:00:00Z"), 7);
    const accountQ1 = await card(account.learnerId, q1, new Date("2026-03-01T10:00:00Z"), 2);
    // q2: both studied, the account more recently → account's card wins.
    const guestQ2 = await card(guest.id, q2, new Date("2026-03-02T10:00:00Z"), 3);
    const accountQ2 = await card(account.learnerId, q2, new Date("2026-03-04T10:00:00Z"), 9);
    // q3: only the guest studied it → moves across.
    const guestQ3 = await card(guest.id, q3, new Date("2026-03-03T10:00:00Z"), 4);

    const result = await mergeLearnerInto(guest.id, account.learnerId);
    expect(result.logs).toBe(3);

    const cards = await db().card.findMany({ where: { learnerId: account.learnerId }, orderBy: { questionId: "asc" } });
    const byQuestion = new Map(cards.map((c) => [c.questionId, c]));
    expect(cards).toHaveLength(3);
    expect(byQuestion.get(q1)!.id).toBe(guestQ1.id);
    expect(byQuestion.get(q1)!.reps).toBe(7);
    expect(byQuestion.get(q2)!.id).toBe(accountQ2.id);
    expect(byQuestion.get(q2)!.reps).toBe(9);
    expect(byQuestion.get(q3)!.id).toBe(guestQ3.id);
    expect(await db().card.findUnique({ where: { id: accountQ1.id } })).toBeNull();
    expect(await db().card.findUnique({ where: { id: guestQ2.id } })).toBeNull();

    // Every log survives, belongs to the account, and points at a surviving card.
    const logs = await db().reviewLog.findMany({ where: { learnerId: account.learnerId } });
    expect(logs).toHaveLength(5);
    const surviving = new Set(cards.map((c) => c.id));
    expect(logs.every((l) => surviving.has(l.cardId))).toBe(true);
    expect(logs.filter((l) => l.questionId === q1).every((l) => l.cardId === guestQ1.id)).toBe(true);
    expect(await db().learner.findUnique({ where: { id: guest.id } })).toBeNull();
  });

  it("is all or nothing", async () => {
    const account = await createUserWithPassword({
      email: "atomic@school.org",
      name: "A",
      password: "long enough password",
      role: "learner",
    });
    const guest = await createGuestLearner("guest-atomic");
    await card(guest.id, questions[0]!, new Date("2026-03-05T10:00:00Z"), 1);
    // Merging into a learner that does not exist fails, and leaves the guest untouched.
    await expect(mergeLearnerInto(guest.id, "missing-learner")).rejects.toThrow();
    expect(await db().card.count({ where: { learnerId: guest.id } })).toBe(1);
    expect(await db().reviewLog.count({ where: { learnerId: guest.id } })).toBe(1);
    expect(account.learnerId).toBeTruthy();
  });
});
