import { tick } from "./game";
import { getPlayer } from "./players";
import { buildReport, type GameReport, type PlayerReport } from "./report";
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

/** The part of a player's view that is the same for every player: built once per change, not once per player. */
export type PlayerShared = Pick<
  PlayerView,
  "role" | "code" | "phase" | "questionIndex" | "questionCount" | "playerCount" | "question" | "podium"
>;

/** The part that is this player's own. */
export type PlayerPersonal = Pick<PlayerView, "me" | "myAnswer" | "result" | "leaderboard" | "report">;

/** Game-wide inputs of the personal parts (the top of the board, the final report), computed once per change. */
export type PersonalContext = { top: LeaderboardEntry[] | null; report: GameReport | null };

/** Applies tick(now) first, so no view shows a question open past its deadline. */
export function playerShared(game: LiveGame, now: Now): PlayerShared {
  tick(game, toMs(now));
  return {
    role: "player",
    code: game.code,
    phase: game.phase,
    questionIndex: game.questionIndex,
    questionCount: game.questions.length,
    playerCount: game.players.size,
    question: questionSnapshot(game),
    podium: game.phase === "finished" ? topEntries(game, 3) : null,
  };
}

export function personalContext(game: LiveGame, options: { topN?: number } = {}): PersonalContext {
  const showBoard = game.phase === "leaderboard" || game.phase === "finished";
  return {
    top: showBoard ? topEntries(game, options.topN ?? 5) : null,
    report: game.phase === "finished" ? buildReport(game) : null,
  };
}

/** Call after playerShared (which ticks) for the same state. */
export function playerPersonal(game: LiveGame, playerId: string, context: PersonalContext): PlayerPersonal {
  const player = getPlayer(game, playerId);
  const rank = rankOf(game, player.id) ?? game.players.size;
  const round = game.phase === "lobby" || game.phase === "finished" ? null : (game.rounds[game.questionIndex] ?? null);
  const answer = round?.answers.get(player.id) ?? null;
  const question = game.questions[game.questionIndex];
  const revealed = game.phase === "reveal" || game.phase === "leaderboard";
  const counted = game.questionIndex >= player.firstRound;
  return {
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
    leaderboard: context.top ? { top: context.top, me: toEntry(player, rank) } : null,
    report: context.report ? (context.report.players[rank - 1] ?? null) : null,
  };
}

/** Applies tick(now) first, so a view never shows a question open past its deadline. */
export function playerView(game: LiveGame, playerId: string, now: Now, options: { topN?: number } = {}): PlayerView {
  const at = toMs(now);
  const shared = playerShared(game, at);
  getPlayer(game, playerId);
  return {
    ...shared,
    version: game.version,
    serverNow: at,
    ...playerPersonal(game, playerId, personalContext(game, options)),
  };
}
