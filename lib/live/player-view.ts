import { tick } from "./game";
import { getPlayer } from "./players";
import { buildReport, type PlayerReport } from "./report";
import { questionSnapshot, type QuestionSnapshot } from "./question-snapshot";
import { accuracyOf, rankOf, toEntry, topEntries, type LeaderboardEntry } from "./standings";
import { toMs, type LiveGame, type Now, type Phase } from "./types";

export type PlayerResult = {
  answered: boolean;
  choiceIndex: number | null;
  correct: boolean;
  points: number;
  correctIndex: number;
};

/**
 * One player's snapshot, safe to send to that player's device. Before the
 * reveal it holds no correct answer, no other player's answer and no
 * points for the open question (scores only move at the reveal).
 */
export type PlayerView = {
  role: "player";
  code: string;
  phase: Phase;
  version: number;
  /** Server clock when the view was made, for clock sync. */
  serverNow: number;
  questionIndex: number;
  questionCount: number;
  playerCount: number;
  question: QuestionSnapshot | null;
  me: {
    id: string;
    nickname: string;
    score: number;
    /** 1-based; from the last reveal. */
    rank: number;
    accuracy: number | null;
    correctCount: number;
    roundsPlayed: number;
  };
  /** This player's answer to the current question, so a reconnecting device can show it. */
  myAnswer: { choiceIndex: number; responseMs: number } | null;
  /** This player's outcome for the current question; only from the reveal on. */
  result: PlayerResult | null;
  leaderboard: { top: LeaderboardEntry[]; me: LeaderboardEntry } | null;
  podium: LeaderboardEntry[] | null;
  report: PlayerReport | null;
};

/** Applies tick(now) first, so a view never shows a question open past its deadline. */
export function playerView(game: LiveGame, playerId: string, now: Now, options: { topN?: number } = {}): PlayerView {
  const at = toMs(now);
  tick(game, at);
  const player = getPlayer(game, playerId);
  const rank = rankOf(game, player.id) ?? game.players.size;
  const round = game.phase === "lobby" || game.phase === "finished" ? null : (game.rounds[game.questionIndex] ?? null);
  const answer = round?.answers.get(player.id) ?? null;
  const question = game.questions[game.questionIndex];
  const revealed = game.phase === "reveal" || game.phase === "leaderboard";
  const counted = game.questionIndex >= player.firstRound;
  const showBoard = game.phase === "leaderboard" || game.phase === "finished";
  return {
    role: "player",
    code: game.code,
    phase: game.phase,
    version: game.version,
    serverNow: at,
    questionIndex: game.questionIndex,
    questionCount: game.questions.length,
    playerCount: game.players.size,
    question: questionSnapshot(game),
    me: {
      id: player.id,
      nickname: player.nickname,
      score: player.score,
      rank,
      accuracy: accuracyOf(player),
      correctCount: player.correctCount,
      roundsPlayed: player.roundsPlayed,
    },
    myAnswer: answer ? { choiceIndex: answer.choiceIndex, responseMs: answer.responseMs } : null,
    result:
      revealed && question && counted
        ? {
            answered: answer !== null,
            choiceIndex: answer?.choiceIndex ?? null,
            correct: answer?.correct ?? false,
            points: answer?.points ?? 0,
            correctIndex: question.correctIndex,
          }
        : null,
    leaderboard: showBoard ? { top: topEntries(game, options.topN ?? 5), me: toEntry(player, rank) } : null,
    podium: game.phase === "finished" ? topEntries(game, 3) : null,
    report: game.phase === "finished" ? (buildReport(game).players[rank - 1] ?? null) : null,
  };
}
