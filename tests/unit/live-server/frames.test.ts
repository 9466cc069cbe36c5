import { describe, expect, it } from "vitest";
import { advance, closeQuestion, endGame, playerView, startGame, submitAnswer } from "@/lib/live";
import { playerFrame, sharedFrame } from "@/lib/server/live/frames";
import type { GameEntry } from "@/lib/server/live/registry";
import { T0, gameWithPlayers } from "../live/helpers";

const START = T0 + 10_000;

function entryWith(names: string[]) {
  const { game, ids } = gameWithPlayers(names);
  return { entry: { id: "g1", game } as unknown as GameEntry, ids };
}

describe("pre-serialised player frames", () => {
  it("parse to exactly each player's own view, in every phase", () => {
    const { entry, ids } = entryWith(["Ann", "Ben", "Cy"]);
    const { game } = entry;
    const check = (now: number) => {
      for (const id of ids) expect(JSON.parse(playerFrame(entry, id, now).text)).toEqual(playerView(game, id, now));
    };
    check(T0 + 5);
    startGame(game, START);
    check(START + 1);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    check(START + 1001);
    closeQuestion(game, START + 2000);
    check(START + 2001);
    advance(game, START + 3000);
    check(START + 3001);
    advance(game, START + 4000);
    check(START + 4001);
    endGame(game, START + 4200);
    check(START + 4201);
  });

  it("never carry the correct answer before the reveal", () => {
    const { entry, ids } = entryWith(["Ann", "Ben"]);
    startGame(entry.game, START);
    submitAnswer(entry.game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    for (const id of ids) expect(playerFrame(entry, id, START + 1001).text).not.toContain("correctIndex");
  });

  it("reuse the shared part while another player's answer changes nothing that players see", () => {
    const { entry, ids } = entryWith(["Ann", "Ben", "Cy"]);
    startGame(entry.game, START);
    const before = sharedFrame(entry, START + 1);
    const benBefore = playerFrame(entry, ids[1]!, START + 1);
    submitAnswer(entry.game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    const after = sharedFrame(entry, START + 1001);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.json).toBe(before.json);
    // Ben's own part did not change either, so his stream can skip this change.
    expect(playerFrame(entry, ids[1]!, START + 1001).personal).toBe(benBefore.personal);
    expect(playerFrame(entry, ids[0]!, START + 1001).personal).toContain('"myAnswer":{"choiceIndex":2');
  });
});
