import { currentRound, tick } from "./game";
import { buildReport, type GameReport } from "./report";
import { questionSnapshot, type QuestionSnapshot } from "./question-snapshot";
import { topEntries, type LeaderboardEntry } from "./standings";
import { toMs, type CloseReason, type LiveGame, type Now, type Phase } from "./types";

export type HostReveal = {
  correctIndex: number;
  /** Answers per choice, in display order. */
  distribution: number[];
  answeredCount: number;
  correctCount: number;
  closedBy: CloseReason | null;
};

/**
 * The host's snapshot. The host screen is usually projected to the class, so
 * it too holds the correct answer only from the reveal on.
 */
export type HostView = {
  role: "host";
  code: string;
  phase: Phase;
  version: number;
  serverNow: number;
  questionIndex: number;
  questionCount: number;
  playerCount: number;
  connectedCount: number;
  settings: { secondsPerQuestion: number; allowLateJoin: boolean; maxPlayers: number };
  /** Roster, in join order; only in the lobby (later phases send counts, not 2,500 names). */
  lobby: { id: string; nickname: string; connected: boolean }[] | null;
  question: QuestionSnapshot | null;
  answeredCount: number;
  reveal: HostReveal | null;
  leaderboard: LeaderboardEntry[] | null;
  podium: LeaderboardEntry[] | null;
  report: GameReport | null;
};

/** Applies tick(now) first, like playerView. */
export function hostView(game: LiveGame, now: Now, options: { topN?: number } = {}): HostView {
  const at = toMs(now);
  tick(game, at);
  const round = game.phase === "lobby" || game.phase === "finished" ? null : currentRound(game);
  const question = game.questions[game.questionIndex];
  const revealed = game.phase === "reveal" || game.phase === "leaderboard";
  let reveal: HostReveal | null = null;
  if (revealed && round && question) {
    let correctCount = 0;
    for (const a of round.answers.values()) if (a.correct) correctCount++;
    reveal = {
      correctIndex: question.correctIndex,
      distribution: round.counts.slice(),
      answeredCount: round.answers.size,
      correctCount,
      closedBy: round.closedBy,
    };
  }
  return {
    role: "host",
    code: game.code,
    phase: game.phase,
    version: game.version,
    serverNow: at,
    questionIndex: game.questionIndex,
    questionCount: game.questions.length,
    playerCount: game.players.size,
    connectedCount: game.connectedCount,
    settings: {
      secondsPerQuestion: game.config.secondsPerQuestion,
      allowLateJoin: game.config.allowLateJoin,
      maxPlayers: game.config.maxPlayers,
    },
    lobby:
      game.phase === "lobby"
        ? Array.from(game.players.values(), (p) => ({ id: p.id, nickname: p.nickname, connected: p.connected }))
        : null,
    question: questionSnapshot(game),
    answeredCount: round?.answers.size ?? 0,
    reveal,
    leaderboard: game.phase === "leaderboard" ? topEntries(game, options.topN ?? 10) : null,
    podium: game.phase === "finished" ? topEntries(game, 3) : null,
    report: game.phase === "finished" ? buildReport(game) : null,
  };
}
