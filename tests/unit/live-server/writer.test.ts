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

function batchLog() {
  const log: string[] = [];
  const sink = {
    saveRows: async (players: LivePlayerRow[], answers: LiveAnswerRow[]) =>
      void log.push(
        `players:${players.map((r) => r.id).join("+")} answers:${answers.map((r) => r.playerId).join("+")}`,
      ),
  };
  return { log, sink };
}

describe("GameWriter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes rows accepted before a task ahead of it, in one batch", async () => {
    const { log, sink } = batchLog();
    const writer = new GameWriter(sink, () => log.push("error"), 60_000);
    void writer.addPlayer(player("a"));
    void writer.addAnswer(answer("a"));
    void writer.addPlayer(player("b"));
    void writer.enqueue(async () => void log.push("scores"));
    void writer.addAnswer(answer("b"));
    await writer.idle();
    // "b"'s answer arrived after the task was queued but before it ran: it rides along, ahead of the task.
    expect(log).toEqual(["players:a+b answers:a+b", "scores"]);
  });

  it("acknowledges an answer only once its batch is committed", async () => {
    vi.useFakeTimers();
    const { log, sink } = batchLog();
    let release: () => void = () => undefined;
    const slow = {
      saveRows: async (players: LivePlayerRow[], answers: LiveAnswerRow[]) => {
        await new Promise<void>((r) => (release = r));
        await sink.saveRows(players, answers);
      },
    };
    const writer = new GameWriter(slow, () => undefined, 5);
    let acked = false;
    void writer.addAnswer(answer("a")).then(() => (acked = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(acked).toBe(false);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(["players: answers:a"]);
    expect(acked).toBe(true);
  });

  it("group-commits the answers that arrive while a write is running", async () => {
    vi.useFakeTimers();
    const batches: number[] = [];
    const releases: (() => void)[] = [];
    const writer = new GameWriter(
      {
        saveRows: async (_players, answers) => {
          batches.push(answers.length);
          await new Promise<void>((r) => releases.push(r));
        },
      },
      () => undefined,
      5,
    );
    const acks = [writer.addAnswer(answer("a"))];
    await vi.advanceTimersByTimeAsync(5); // first write starts with "a"
    for (const id of ["b", "c", "d"]) acks.push(writer.addAnswer(answer(id)));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toEqual([1]);
    releases.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([1, 3]);
    releases.shift()!();
    await Promise.all(acks);
  });

  it("flushes on its own after the batch window", async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const writer = new GameWriter(
      { saveRows: async (players) => void saved.push(...players.map((r) => r.id)) },
      () => undefined,
      5,
    );
    void writer.addPlayer(player("a"));
    void writer.addPlayer(player("b"));
    await vi.advanceTimersByTimeAsync(4);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["a", "b"]);
  });

  it("rejects the rows of a failed write, reports it and keeps going", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const done: string[] = [];
    const writer = new GameWriter(
      {
        saveRows: async (_players, answers) => {
          if (fail) throw new Error("disk full");
          done.push(...answers.map((r) => r.playerId));
        },
      },
      (e) => errors.push(e),
      0,
    );
    await expect(writer.addAnswer(answer("a"))).rejects.toThrow("disk full");
    fail = false;
    await writer.addAnswer(answer("b"));
    expect(errors).toHaveLength(1);
    expect(done).toEqual(["b"]);
  });
});
