/** Epoch milliseconds or a Date; every time-dependent call takes one of these. */
export type Now = Date | number;

export function toMs(now: Now): number {
  return typeof now === "number" ? now : now.getTime();
}

/** A question as the caller hands it in (from the question bank). */
export type LiveQuestionInput =
  | {
      id: string;
      type: "multiple_choice";
      prompt: string;
      /** 2–6 choices, in bank order. */
      choices: readonly string[];
      /** Index into `choices` of the single correct choice. */
      correctIndex: number;
    }
  | { id: string; type: "true_false"; prompt: string; correct: boolean };

/** A question as played: choices in display order, correctIndex refers to that order. */
export type LiveQuestion = {
  id: string;
  type: "multiple_choice" | "true_false";
  prompt: string;
  choices: string[];
  correctIndex: number;
};

export type LiveConfigInput = {
  questions: readonly LiveQuestionInput[];
  /** 10–120. */
  secondsPerQuestion: number;
  /** Shuffle question order and multiple-choice order, deterministically from `seed`. */
  shuffle?: boolean;
  seed?: number;
  allowLateJoin?: boolean;
  maxPlayers?: number;
};

export type LiveConfig = {
  secondsPerQuestion: number;
  shuffle: boolean;
  seed: number;
  allowLateJoin: boolean;
  maxPlayers: number;
};

export type Phase = "lobby" | "question" | "reveal" | "leaderboard" | "finished";

export type Player = {
  id: string;
  nickname: string;
  /** Case-folded nickname used for uniqueness. */
  nicknameKey: string;
  resumeToken: string;
  joinOrder: number;
  joinedAt: number;
  /** First question index this player is counted in (the open one if joined mid-question). */
  firstRound: number;
  connected: boolean;
  /** Points from revealed questions only, so the score never hints at correctness early. */
  score: number;
  correctCount: number;
  /** Revealed questions this player was present for (the accuracy denominator). */
  roundsPlayed: number;
  /** Sum of response times over roundsPlayed; an unanswered question counts its full duration. */
  totalResponseMs: number;
};

export type Answer = {
  playerId: string;
  choiceIndex: number;
  at: number;
  responseMs: number;
  correct: boolean;
  points: number;
};

export type CloseReason = "deadline" | "all_answered" | "host";

export type Round = {
  questionIndex: number;
  startedAt: number;
  deadline: number;
  closedAt: number | null;
  closedBy: CloseReason | null;
  answers: Map<string, Answer>;
  /** Answers per choice, kept incrementally; shown only after the reveal. */
  counts: number[];
  /** Connected players who have answered, for the all-answered check (with graceUntil). */
  answeredConnected: number;
  /** Players present when the round closed. */
  eligibleCount: number;
};

export type LiveGame = {
  code: string;
  hostToken: string;
  config: LiveConfig;
  questions: LiveQuestion[];
  phase: Phase;
  /** -1 in the lobby; otherwise the current or last played question. */
  questionIndex: number;
  rounds: Round[];
  players: Map<string, Player>;
  playerIdByToken: Map<string, string>;
  nicknameKeys: Set<string>;
  connectedCount: number;
  /**
   * Players whose connection dropped, with the time their grace period ends.
   * Until then they count as present: the round waits for their answer.
   */
  graceUntil: Map<string, number>;
  createdAt: number;
  finishedAt: number | null;
  /** Bumped on every state change; the server can skip broadcasts when unchanged. */
  version: number;
  /** Cached ranking; null when it must be recomputed. */
  standingsCache: Player[] | null;
  rankCache: Map<string, number> | null;
};
