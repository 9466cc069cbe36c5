import { afterEach, describe, expect, it, vi } from "vitest";
import type { LiveAnswerRow, LivePlayerRow } from "@/lib/data/live";
import { GameWriter } from "@/lib/server/live/writer";

const player = (id: string): LivePlayerRow => ({
  id,
  gameId: "g",
  nickname: id,
  resumeTokenHash: `h${id}`,
  learnerId: null,
  joinedAt: new Date(0),
});
const answer = (playerId: string): LiveAnswerRow => ({
  gameId: "g",
  playerId,
  questionId: "q",
  questionIndex: 0,
  choiceIndex: 0,
  correct: true,
  points: 900,
  responseMs: 1000,
  answeredAt: new Date(0),
});

describe("GameWriter", () => {
  it("writes rows accepted before a task ahead of it, players before answers, in one batch each", async () => {
    const log: string[] = [];
    const writer = new GameWriter(
      {
        savePlayers: async (rows) => void log.push(`players:${rows.map((r) => r.id).join("+")}`),
        saveAnswers: async (rows) => void log.push(`answers:${rows.map((r) => r.playerId).join("+")}`),
      },
      () => log.push("error"),
      60_000,
    );
    writer.addPlayer(player("a"));
    writer.addAnswer(answer("a"));
    writer.addPlayer(player("b"));
    void writer.enqueue(async () => void log.push("scores"));
    writer.addAnswer(answer("b"));
    await writer.idle();
    // "b"'s answer arrived after the task was queued but before it ran: it rides along, ahead of the task.
    expect(log).toEqual(["players:a+b", "answers:a+b", "scores"]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("flushes on its own after the batch window", async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const writer = new GameWriter(
      { savePlayers: async (rows) => void saved.push(...rows.map((r) => r.id)), saveAnswers: async () => undefined },
      () => undefined,
      5,
    );
    writer.addPlayer(player("a"));
    writer.addPlayer(player("b"));
    await vi.advanceTimersByTimeAsync(4);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["a", "b"]);
  });

  it("reports a failed write and keeps going", async () => {
    const errors: unknown[] = [];
    const done: string[] = [];
    const writer = new GameWriter(
      {
        savePlayers: async () => {
          throw new Error("disk full");
        },
        saveAnswers: async (rows) => void done.push(...rows.map((r) => r.playerId)),
      },
      (e) => errors.push(e),
      0,
    );
    writer.addPlayer(player("a"));
    await writer.idle();
    writer.addAnswer(answer("a"));
    await writer.idle();
    expect(errors).toHaveLength(1);
    expect(done).toEqual(["a"]);
  });
});
