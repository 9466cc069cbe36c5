import { describe, expect, it } from "vitest";
import {
  createGame,
  hostView,
  joinGame,
  playerView,
  startGame,
  submitAnswer,
  tick,
  type LiveGame,
  type LiveQuestionInput,
} from "@/lib/live";
import { DURATION, SECONDS, T0, counterTokens, sampleQuestions } from "./helpers";

const START = T0 + 10_000;

/**
 * Two games that differ only in the secret under test, driven through the
 * same calls. A view that does not leak the secret must serialise identically.
 */
function twin(options: { correctIndex: number; benChoice: number }) {
  const questions: LiveQuestionInput[] = sampleQuestions();
  const first = questions[0];
  if (first?.type !== "multiple_choice") throw new Error("fixture changed");
  questions[0] = { ...first, correctIndex: options.correctIndex };
  const game = createGame(
    { questions, secondsPerQuestion: SECONDS },
    { code: "123456", hostToken: "host-secret-token", now: T0 },
  );
  const tokens = counterTokens();
  const ann = joinGame(game, "Ann", T0, tokens).player.id;
  const ben = joinGame(game, "Ben", T0, tokens).player.id;
  joinGame(game, "Cy", T0, tokens);
  startGame(game, START);
  submitAnswer(game, ann, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
  submitAnswer(game, ben, { questionIndex: 0, choiceIndex: options.benChoice }, START + 2000);
  return { game, ann, ben };
}

const json = (value: unknown) => JSON.stringify(value);
const annView = (g: { game: LiveGame; ann: string }, at: number) => json(playerView(g.game, g.ann, at));

describe("views before the reveal", () => {
  it("do not depend on which choice is correct", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    const b = twin({ correctIndex: 0, benChoice: 1 });
    expect(annView(a, START + 3000)).toBe(annView(b, START + 3000));
    expect(json(hostView(a.game, START + 3000))).toBe(json(hostView(b.game, START + 3000)));
    // Exactly at the deadline the question is still open and still secret.
    expect(annView(a, START + DURATION)).toBe(annView(b, START + DURATION));
  });

  it("do not depend on what other players answered", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    const b = twin({ correctIndex: 2, benChoice: 3 });
    expect(annView(a, START + 3000)).toBe(annView(b, START + 3000));
    expect(json(hostView(a.game, START + 3000))).toBe(json(hostView(b.game, START + 3000)));
  });

  it("show the player's own answer and the open question, but no result or points yet", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    const view = playerView(a.game, a.ann, START + 3000);
    expect(view.phase).toBe("question");
    expect(view.myAnswer).toEqual({ choiceIndex: 2, responseMs: 1000 });
    expect(view.result).toBeNull();
    expect(view.me.score).toBe(0);
    expect(view.question).toMatchObject({
      index: 0,
      deadline: START + DURATION,
      choices: ["Berlin", "Madrid", "Paris", "Rome"],
    });
    expect(view.serverNow).toBe(START + 3000);
    expect(hostView(a.game, START + 3000)).toMatchObject({ answeredCount: 2, reveal: null });
  });
});

describe("views after the reveal", () => {
  it("give the player their own result and the host the distribution", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    const b = twin({ correctIndex: 0, benChoice: 1 });
    const after = START + DURATION + 1;
    tick(a.game, after);
    tick(b.game, after);
    // The twins now differ, so the comparison above was able to see a leak.
    expect(annView(a, after)).not.toBe(annView(b, after));
    expect(playerView(a.game, a.ann, after).result).toEqual({
      answered: true,
      choiceIndex: 2,
      correct: true,
      points: 975,
      correctIndex: 2,
    });
    expect(playerView(a.game, a.ann, after).me.score).toBe(975);
    expect(hostView(a.game, after).reveal).toEqual({
      correctIndex: 2,
      distribution: [0, 1, 1, 0],
      answeredCount: 2,
      correctCount: 1,
      closedBy: "deadline",
    });
  });

  it("close an expired question themselves, without a separate tick", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    expect(playerView(a.game, a.ann, START + DURATION).phase).toBe("question");
    expect(playerView(a.game, a.ann, START + DURATION + 1).phase).toBe("reveal");
  });

  it("survive a JSON round trip unchanged (plain data for SSE)", () => {
    const a = twin({ correctIndex: 2, benChoice: 1 });
    const view = hostView(a.game, START + DURATION + 1);
    expect(JSON.parse(json(view))).toEqual(view);
  });
});

describe("lobby view", () => {
  it("lists players for the host and hides the roster from players", () => {
    const game = createGame(
      { questions: sampleQuestions(), secondsPerQuestion: SECONDS },
      { code: "654321", hostToken: "host-secret-token", now: T0 },
    );
    const tokens = counterTokens();
    const { player } = joinGame(game, "Ann", T0, tokens);
    joinGame(game, "Ben", T0, tokens);
    expect(hostView(game, T0).lobby).toEqual([
      { id: "p1", nickname: "Ann", connected: true },
      { id: "p2", nickname: "Ben", connected: true },
    ]);
    const view = playerView(game, player.id, T0);
    expect(view).toMatchObject({ phase: "lobby", question: null, playerCount: 2, questionCount: 3, questionIndex: -1 });
    expect(json(view)).not.toContain("Ben");
  });
});
