import "server-only";

import { accuracyOf, compareStanding, toEntry } from "@/lib/live/standings";
import type { GameReport, PlayerReport, QuestionReport } from "@/lib/live/report";
import type { LiveQuestion, Player } from "@/lib/live/types";

export type StoredGameData = {
  questions: LiveQuestion[];
  secondsPerQuestion: number;
  startedAt: number | null;
  players: { id: string; nickname: string; joinedAt: number }[];
  answers: {
    playerId: string;
    questionIndex: number;
    choiceIndex: number;
    correct: boolean;
    points: number;
    responseMs: number;
  }[];
};

/**
 * Rebuilds the report of a game from its stored rows, for a game no longer
 * in memory (finished long ago, or its process stopped). Questions up to the
 * last one anybody answered count as played. A player who joined after the
 * start counts from their first answer on (when they joined mid-game is not
 * stored); everyone else counts for every played question.
 */
export function reportFromStored(data: StoredGameData): GameReport {
  const duration = data.secondsPerQuestion * 1000;
  const played = data.answers.reduce((max, a) => Math.max(max, a.questionIndex), -1) + 1;
  const byPlayer = new Map<string, StoredGameData["answers"]>();
  for (const a of data.answers) byPlayer.set(a.playerId, [...(byPlayer.get(a.playerId) ?? []), a]);

  const firstRound = new Map<string, number>();
  const players: Player[] = data.players.map((p, i) => {
    const answers = byPlayer.get(p.id) ?? [];
    const lateJoiner = data.startedAt !== null && p.joinedAt > data.startedAt;
    const first = lateJoiner ? Math.min(...answers.map((a) => a.questionIndex), played) : 0;
    firstRound.set(p.id, first);
    const roundsPlayed = Math.max(0, played - first);
    const answeredMs = answers.reduce((sum, a) => sum + a.responseMs, 0);
    return {
      id: p.id,
      nickname: p.nickname,
      nicknameKey: p.nickname.toLowerCase(),
      resumeToken: "",
      joinOrder: i + 1,
      joinedAt: p.joinedAt,
      firstRound: first,
      connected: false,
      score: answers.reduce((sum, a) => sum + a.points, 0),
      correctCount: answers.filter((a) => a.correct).length,
      roundsPlayed,
      totalResponseMs: answeredMs + (roundsPlayed - answers.length) * duration,
    };
  });
  const standings = players.slice().sort(compareStanding);
  const playerReports: PlayerReport[] = standings.map((p, i) => {
    const answers = byPlayer.get(p.id) ?? [];
    return {
      ...toEntry(p, i + 1),
      accuracy: accuracyOf(p),
      answeredCount: answers.length,
      averageResponseMs: answers.length ? answers.reduce((s, a) => s + a.responseMs, 0) / answers.length : null,
    };
  });

  const questions: QuestionReport[] = [];
  for (let index = 0; index < played; index++) {
    const q = data.questions[index];
    if (!q) continue;
    const answers = data.answers.filter((a) => a.questionIndex === index);
    const distribution = q.choices.map((_, c) => answers.filter((a) => a.choiceIndex === c).length);
    const correctCount = answers.filter((a) => a.correct).length;
    const playerCount = players.filter((p) => (firstRound.get(p.id) ?? 0) <= index).length;
    questions.push({
      index,
      questionId: q.id,
      type: q.type,
      prompt: q.prompt,
      choices: q.choices.slice(),
      correctIndex: q.correctIndex,
      distribution,
      answeredCount: answers.length,
      playerCount,
      correctCount,
      accuracy: playerCount === 0 ? null : correctCount / playerCount,
      averageResponseMs: answers.length ? answers.reduce((s, a) => s + a.responseMs, 0) / answers.length : null,
      closedBy: null,
    });
  }
  return { players: playerReports, questions };
}
