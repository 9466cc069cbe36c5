import { getStandings, toEntry, type LeaderboardEntry } from "./standings";
import type { CloseReason, LiveGame, Round } from "./types";

export type PlayerReport = LeaderboardEntry & {
  answeredCount: number;
  /** Mean over the questions this player answered; null if none. */
  averageResponseMs: number | null;
};

export type QuestionReport = {
  index: number;
  questionId: string;
  type: "multiple_choice" | "true_false";
  prompt: string;
  choices: string[];
  correctIndex: number;
  /** Answers per choice, in display order. */
  distribution: number[];
  answeredCount: number;
  /** Players present when the question closed; unanswered counts as wrong. */
  playerCount: number;
  correctCount: number;
  accuracy: number | null;
  averageResponseMs: number | null;
  closedBy: CloseReason | null;
};

export type GameReport = { players: PlayerReport[]; questions: QuestionReport[] };

/** Rounds that were played to a reveal (an open round discarded by "end" is not among them). */
export function closedRounds(game: LiveGame): Round[] {
  return game.rounds.filter((r) => r.closedAt !== null);
}

const cache = new WeakMap<LiveGame, { version: number; report: GameReport }>();

export function buildReport(game: LiveGame): GameReport {
  const hit = cache.get(game);
  if (hit && hit.version === game.version) return hit.report;
  const rounds = closedRounds(game);
  const report = { players: playerReports(game, rounds), questions: rounds.map((r) => questionReport(game, r)) };
  cache.set(game, { version: game.version, report });
  return report;
}

function playerReports(game: LiveGame, rounds: Round[]): PlayerReport[] {
  const answered = new Map<string, { count: number; totalMs: number }>();
  for (const round of rounds) {
    for (const a of round.answers.values()) {
      const s = answered.get(a.playerId) ?? { count: 0, totalMs: 0 };
      s.count++;
      s.totalMs += a.responseMs;
      answered.set(a.playerId, s);
    }
  }
  return getStandings(game).map((p, i) => {
    const s = answered.get(p.id);
    return {
      ...toEntry(p, i + 1),
      answeredCount: s?.count ?? 0,
      averageResponseMs: s ? s.totalMs / s.count : null,
    };
  });
}

function questionReport(game: LiveGame, round: Round): QuestionReport {
  const q = game.questions[round.questionIndex];
  if (!q) throw new RangeError(`no question at ${round.questionIndex}`);
  let correctCount = 0;
  let totalMs = 0;
  for (const a of round.answers.values()) {
    if (a.correct) correctCount++;
    totalMs += a.responseMs;
  }
  const answeredCount = round.answers.size;
  return {
    index: round.questionIndex,
    questionId: q.id,
    type: q.type,
    prompt: q.prompt,
    choices: q.choices.slice(),
    correctIndex: q.correctIndex,
    distribution: round.counts.slice(),
    answeredCount,
    playerCount: round.eligibleCount,
    correctCount,
    accuracy: round.eligibleCount === 0 ? null : correctCount / round.eligibleCount,
    averageResponseMs: answeredCount === 0 ? null : totalMs / answeredCount,
    closedBy: round.closedBy,
  };
}
