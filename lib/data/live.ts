import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { deckQuestionWhere } from "./study";

/** All Prisma access for live games. Rows are plain data; the server layer owns the game logic. */

export type LiveQuestionRow = {
  id: string;
  type: string;
  prompt: string;
  answer: string;
  choices: Prisma.JsonValue;
  statementIsTrue: boolean | null;
  documentId: string;
  sentenceIndex: number;
};

const LIVE_TYPES = ["multiple_choice", "true_false"];

/** Published multiple-choice and true/false questions of a deck, in reading order. */
export async function listLiveQuestions(documentId: string | null): Promise<LiveQuestionRow[]> {
  return db().question.findMany({
    where: { ...deckQuestionWhere(documentId), type: { in: LIVE_TYPES } },
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      prompt: true,
      answer: true,
      choices: true,
      statementIsTrue: true,
      documentId: true,
      sentenceIndex: true,
    },
  });
}

/** Live-playable question counts per document. */
export async function countLiveQuestionsByDocument(): Promise<Map<string, number>> {
  const rows = await db().question.groupBy({
    by: ["documentId"],
    where: { status: "published", type: { in: LIVE_TYPES } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}

export type NewLiveGame = {
  code: string;
  hostTokenHash: string;
  hostId: string | null;
  deckId: string;
  deckTitle: string;
  config: Prisma.InputJsonValue;
  questions: Prisma.InputJsonValue;
  createdAt: Date;
};

export async function createLiveGame(input: NewLiveGame): Promise<string> {
  const row = await db().liveGame.create({ data: input, select: { id: true } });
  return row.id;
}

export type LiveGameRecord = {
  id: string;
  code: string;
  hostTokenHash: string;
  deckId: string;
  deckTitle: string;
  config: Prisma.JsonValue;
  questions: Prisma.JsonValue;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function getLiveGame(id: string): Promise<LiveGameRecord | null> {
  return db().liveGame.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      hostTokenHash: true,
      deckId: true,
      deckTitle: true,
      config: true,
      questions: true,
      status: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
}

/**
 * Games left unfinished by a process that stopped: their state lived in
 * memory, so they cannot continue. Marks them ended; returns how many.
 */
export async function endAbandonedLiveGames(keepIds: readonly string[], now: Date): Promise<number> {
  const result = await db().liveGame.updateMany({
    where: { status: { not: "finished" }, id: { notIn: [...keepIds] } },
    data: { status: "finished", finishedAt: now },
  });
  return result.count;
}

export async function markLiveGameStarted(id: string, at: Date): Promise<void> {
  await db().liveGame.update({ where: { id }, data: { status: "running", startedAt: at } });
}

export type LivePlayerRow = {
  id: string;
  gameId: string;
  nickname: string;
  resumeTokenHash: string;
  learnerId: string | null;
  joinedAt: Date;
};

export async function saveLivePlayers(rows: readonly LivePlayerRow[]): Promise<void> {
  if (rows.length > 0) await db().livePlayer.createMany({ data: [...rows] });
}

export type LiveAnswerRow = {
  gameId: string;
  playerId: string;
  questionId: string;
  questionIndex: number;
  choiceIndex: number;
  correct: boolean;
  points: number;
  responseMs: number;
  answeredAt: Date;
};

export async function recordLiveAnswers(rows: readonly LiveAnswerRow[]): Promise<void> {
  if (rows.length > 0) await db().liveAnswer.createMany({ data: [...rows] });
}

/** Answers to a question the host ended before its reveal: not scored, so not kept. */
export async function discardLiveAnswers(gameId: string, questionIndex: number): Promise<void> {
  await db().liveAnswer.deleteMany({ where: { gameId, questionIndex } });
}

export async function saveLivePlayerScores(scores: readonly { id: string; score: number }[]): Promise<void> {
  if (scores.length === 0) return;
  await db().$transaction(scores.map((s) => db().livePlayer.update({ where: { id: s.id }, data: { score: s.score } })));
}

export async function finishLiveGame(
  id: string,
  at: Date,
  scores: readonly { id: string; score: number }[],
): Promise<void> {
  await saveLivePlayerScores(scores);
  await db().liveGame.update({ where: { id }, data: { status: "finished", finishedAt: at } });
}

export type StoredLiveReport = {
  game: LiveGameRecord;
  players: { id: string; nickname: string; score: number; joinedAt: Date; learnerId: string | null }[];
  answers: LiveAnswerRow[];
};

/** Everything stored about a game, for a report that outlives the process. */
export async function getLiveGameReport(id: string): Promise<StoredLiveReport | null> {
  const game = await getLiveGame(id);
  if (!game) return null;
  const [players, answers] = await Promise.all([
    db().livePlayer.findMany({
      where: { gameId: id },
      orderBy: { joinedAt: "asc" },
      select: { id: true, nickname: true, score: true, joinedAt: true, learnerId: true },
    }),
    db().liveAnswer.findMany({
      where: { gameId: id },
      orderBy: [{ questionIndex: "asc" }, { answeredAt: "asc" }],
      select: {
        gameId: true,
        playerId: true,
        questionId: true,
        questionIndex: true,
        choiceIndex: true,
        correct: true,
        points: true,
        responseMs: true,
        answeredAt: true,
      },
    }),
  ]);
  return { game, players, answers };
}
