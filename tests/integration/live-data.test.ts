import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createGuestLearner } from "@/lib/data/learners";
import { getLiveGame, getLiveGameReport } from "@/lib/data/live";
import { seededRandom } from "@/lib/random";
import { buildReport } from "@/lib/live/report";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { answer, createQuiz, hostCommand, joinByCode } from "@/lib/server/live/games";
import { registry } from "@/lib/server/live/registry";
import { loadHostReport } from "@/lib/server/live/report";
import { recordRoundReviews } from "@/lib/server/live/round-reviews";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const T0 = Date.parse("2026-03-02T09:00:00Z");
let tokenCounter = 0;
const newToken = () => `token-${++tokenCounter}-padding`;

beforeAll(async () => {
  await importContent(path.resolve("content"));
});

async function newGame(questionCount = 2) {
  return createQuiz(
    { deckId: "sample", questionCount, secondsPerQuestion: 20, shuffle: false, allowLateJoin: false },
    null,
    new Date(T0),
    { random: seededRandom(7), seed: 7, newToken },
    { viewer: { user: null, learnerId: null } },
  );
}

describe("live games saved as they are played", () => {
  it("stores players, answers, scores and the finish, and rebuilds the same report from the rows", async () => {
    const learner = await createGuestLearner("live-test-hash");
    const { entry, hostToken } = await newGame(2);
    expect(hostToken).toMatch(/^token-/);
    const stored = await getLiveGame(entry.id);
    expect(stored).toMatchObject({ code: entry.game.code, status: "lobby", deckId: "sample" });
    expect(stored?.hostTokenHash).not.toContain(hostToken);

    const ana = await joinByCode(entry.game.code, "Ana", () => null, learner.id, T0 + 1000, newToken);
    const bo = await joinByCode(entry.game.code, "Bo", () => null, null, T0 + 2000, newToken);
    hostCommand(entry, { type: "start" }, T0 + 3000);

    const q0 = entry.game.questions[0]!;
    const q1 = entry.game.questions[1]!;
    await answer(entry, ana.player, { questionIndex: 0, choiceIndex: q0.correctIndex }, T0 + 5000);
    await answer(
      entry,
      bo.player,
      { questionIndex: 0, choiceIndex: (q0.correctIndex + 1) % q0.choices.length },
      T0 + 6000,
    );
    // Nobody holds a stream in this test, so the host closes each question.
    hostCommand(entry, { type: "close_question" }, T0 + 7000);
    hostCommand(entry, { type: "next" }, T0 + 8000);
    hostCommand(entry, { type: "next" }, T0 + 9000);
    await answer(entry, bo.player, { questionIndex: 1, choiceIndex: q1.correctIndex }, T0 + 19_000);
    hostCommand(entry, { type: "close_question" }, T0 + 20_000);
    hostCommand(entry, { type: "next" }, T0 + 21_000);
    hostCommand(entry, { type: "next" }, T0 + 22_000);
    expect(entry.game.phase).toBe("finished");
    await entry.writer.idle();

    const rows = await getLiveGameReport(entry.id);
    expect(rows?.game.status).toBe("finished");
    expect(rows?.game.startedAt?.getTime()).toBe(T0 + 3000);
    expect(rows?.game.finishedAt?.getTime()).toBe(T0 + 22_000);
    const byNick = new Map(rows?.players.map((p) => [p.nickname, p]));
    expect(byNick.get("Ana")).toMatchObject({ learnerId: learner.id, score: ana.player.score });
    expect(byNick.get("Bo")).toMatchObject({ learnerId: null, score: bo.player.score });
    expect(byNick.get("Ana")?.joinedAt.getTime()).toBe(T0 + 1000);
    // Ana: instant-ish correct (2 s of 20) = 500 + round(500 × 18/20) = 950.
    expect(ana.player.score).toBe(950);
    expect(rows?.answers.map((a) => [a.questionIndex, a.correct, a.points, a.responseMs])).toEqual([
      [0, true, 950, 2000],
      [0, false, 0, 3000],
      [1, true, 500 + Math.round((500 * 10_000) / 20_000), 10_000],
    ]);

    // Ana has a learner: her answer became a "good" review from the live game; Bo's did not count anywhere.
    const logs = await db().reviewLog.findMany({ where: { source: "live" } });
    expect(logs.map((l) => [l.learnerId, l.questionId, l.rating, l.correct])).toEqual([
      [learner.id, q0.id, "good", true],
    ]);
    // Replaying the reveal records nothing new.
    const round0 = [...entry.game.rounds[0]!.answers.values()];
    await recordRoundReviews(entry, q0, 0, round0);
    expect(await db().reviewLog.count({ where: { source: "live" } })).toBe(1);

    // After the process forgets the game, the stored rows give the same report.
    const live = buildReport(entry.game);
    registry().games.delete(entry.id);
    const fromRows = await loadHostReport(entry.id, hostToken);
    expect(fromRows.report).toEqual({
      players: live.players,
      questions: live.questions.map((q) => ({ ...q, closedBy: null })),
    });
    await expect(loadHostReport(entry.id, "someone-else")).rejects.toMatchObject({ code: "not_host" });
  });

  it("drops the answers of a question the host ended before its reveal", async () => {
    const { entry } = await newGame(2);
    const ana = await joinByCode(entry.game.code, "Ana", () => null, null, T0 + 1000, newToken);
    hostCommand(entry, { type: "start" }, T0 + 2000);
    await answer(entry, ana.player, { questionIndex: 0, choiceIndex: 0 }, T0 + 3000);
    // Acknowledged means stored: the row is there without waiting for the writer.
    expect((await getLiveGameReport(entry.id))?.answers).toHaveLength(1);
    hostCommand(entry, { type: "end" }, T0 + 4000);
    await entry.writer.idle();
    const rows = await getLiveGameReport(entry.id);
    expect(rows?.answers).toEqual([]);
    expect(rows?.game.status).toBe("finished");
  });

  it("gives a device that already joined its own player back", async () => {
    const { entry } = await newGame(1);
    const first = await joinByCode(entry.game.code, "Ana", () => null, null, T0, newToken);
    const again = await joinByCode(entry.game.code, "Other name", () => first.resumeToken, null, T0 + 10, newToken);
    expect(again).toMatchObject({ resumed: true, player: { id: first.player.id, nickname: "Ana" } });
    expect(entry.game.players.size).toBe(1);
    hostCommand(entry, { type: "end" }, T0 + 20);
    await entry.writer.idle();
  });
});
