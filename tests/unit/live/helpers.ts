import { createGame, joinGame, type LiveConfigInput, type LiveGame, type LiveQuestionInput } from "@/lib/live";

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
export const SECONDS = 20;
export const DURATION = SECONDS * 1000;

/** Three questions; correct choices (unshuffled): q1 → 2, q2 → 0 ("True"), q3 → 1. */
export function sampleQuestions(): LiveQuestionInput[] {
  return [
    {
      id: "q1",
      type: "multiple_choice",
      prompt: "Capital of France?",
      choices: ["Berlin", "Madrid", "Paris", "Rome"],
      correctIndex: 2,
    },
    { id: "q2", type: "true_false", prompt: "Water boils at 100 °C at sea level.", correct: true },
    { id: "q3", type: "multiple_choice", prompt: "2 + 2 = ?", choices: ["3", "4", "5"], correctIndex: 1 },
  ];
}

/** Deterministic tokens: tok-0001, tok-0002, … */
export function counterTokens(prefix = "tok"): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, "0")}`;
}

export function makeGame(overrides: Partial<LiveConfigInput> = {}): LiveGame {
  return createGame(
    { questions: sampleQuestions(), secondsPerQuestion: SECONDS, ...overrides },
    { code: "123456", hostToken: "host-secret-token", now: T0 },
  );
}

/** A game with the named players joined in the lobby; returns their ids and tokens in order. */
export function gameWithPlayers(names: string[], overrides: Partial<LiveConfigInput> = {}) {
  const game = makeGame(overrides);
  const tokens = counterTokens();
  const joined = names.map((name, i) => joinGame(game, name, T0 + i, tokens));
  return { game, tokens, ids: joined.map((j) => j.player.id), resumeTokens: joined.map((j) => j.resumeToken) };
}

export function expectLiveError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  if (!caught) throw new Error(`expected LiveError ${code}, nothing was thrown`);
  const actual = (caught as { code?: unknown }).code;
  if (actual !== code) throw new Error(`expected LiveError ${code}, got ${String(actual)}: ${String(caught)}`);
}
