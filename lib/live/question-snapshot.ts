import { durationMs } from "./game";
import type { LiveGame } from "./types";

/** What every screen may see of the current question. Never the correct answer. */
export type QuestionSnapshot = {
  index: number;
  type: "multiple_choice" | "true_false";
  prompt: string;
  choices: string[];
  startedAt: number;
  /** Epoch ms (server clock); answers are accepted up to and including this instant. */
  deadline: number;
  durationMs: number;
  /** Set once the question has closed. */
  closedAt: number | null;
};

export function questionSnapshot(game: LiveGame): QuestionSnapshot | null {
  if (game.phase === "lobby" || game.phase === "finished") return null;
  const q = game.questions[game.questionIndex];
  const round = game.rounds[game.questionIndex];
  if (!q || !round) return null;
  return {
    index: game.questionIndex,
    type: q.type,
    prompt: q.prompt,
    choices: q.choices.slice(),
    startedAt: round.startedAt,
    deadline: round.deadline,
    durationMs: durationMs(game),
    closedAt: round.closedAt,
  };
}
