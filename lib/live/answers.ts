import { LiveError } from "./errors";
import { closeIfAllAnswered, currentRound, durationMs, tick, touch } from "./game";
import { getPlayer } from "./players";
import { computePoints } from "./scoring";
import { toMs, type Answer, type LiveGame, type Now } from "./types";

export type AnswerInput = {
  /** The question the client is answering; guards against a stale screen. */
  questionIndex: number;
  /** Index into the choices as displayed (already shuffled). */
  choiceIndex: number;
};

/**
 * Records a player's one answer to the open question. Accepted iff
 * startedAt <= now <= deadline: exactly at the deadline is in time, 1 ms
 * later is `answer_late`. Correctness and points are computed here, never
 * taken from the client; the points reach the score only at the reveal.
 */
export function submitAnswer(game: LiveGame, playerId: string, input: AnswerInput, now: Now): Answer {
  const at = toMs(now);
  const player = getPlayer(game, playerId);
  if (game.phase === "lobby" || game.phase === "finished") {
    throw new LiveError("wrong_phase", "There is no question to answer right now.");
  }
  const round = currentRound(game);
  if (!round || input.questionIndex !== game.questionIndex) {
    throw new LiveError("wrong_question", "That question is no longer being played.");
  }
  if (round.answers.has(player.id)) {
    throw new LiveError("duplicate_answer", "You have already answered this question.");
  }
  if (at > round.deadline) {
    tick(game, at);
    throw new LiveError("answer_late", "Time is up: the answer arrived after the deadline.");
  }
  if (game.phase !== "question") throw new LiveError("question_closed", "This question is closed.");
  const question = game.questions[game.questionIndex];
  const { choiceIndex } = input;
  if (!question || !Number.isInteger(choiceIndex) || choiceIndex < 0 || choiceIndex >= question.choices.length) {
    throw new LiveError("invalid_choice", "That choice does not exist.");
  }
  const responseMs = Math.max(0, at - round.startedAt);
  const correct = choiceIndex === question.correctIndex;
  const answer: Answer = {
    playerId: player.id,
    choiceIndex,
    at,
    responseMs,
    correct,
    points: computePoints(correct, responseMs, durationMs(game)),
  };
  round.answers.set(player.id, answer);
  round.counts[choiceIndex] = (round.counts[choiceIndex] ?? 0) + 1;
  if (player.connected) round.answeredConnected++;
  touch(game);
  closeIfAllAnswered(game, at);
  return answer;
}
