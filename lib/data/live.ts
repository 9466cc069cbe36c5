import { Prisma } from "@/lib/generated/prisma/client";
import { databaseProvider } from "@/lib/server/database-url";
import { db } from "@/lib/server/db";
import { deckQuestionWhere } from "./cards";

/** All Prisma access for live games. Rows are plain data; the server layer owns the game logic. */

export type LiveQuestionRow = {
  id: string;
  noteId: string | null;
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
export async function listLiveQuestions(documentIds: readonly string[]): Promise<LiveQuestionRow[]> {
  return db().question.findMany({
    where: { ...deckQuestionWhere(documentIds), type: { in: LIVE_TYPES } },
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
    select: {
      id: true,
      noteId: true,
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

/** Where a running game stands, for another instance to take it over (see lib/server/live/restore.ts). */
export async function saveLiveProgress(id: string, progress: Prisma.InputJsonValue): Promise<void> {
  await db().liveGame.update({ where: { id }, data: { progress } });
}

export type LiveGameState = {
  game: LiveGameRecord & { progress: Prisma.JsonValue | null };
  players: {
    id: string;
    nickname: string;
    resumeTokenHash: string;
    learnerId: string | null;
    score: number;
    joinedAt: Date;
  }[];
  answers: LiveAnswerRow[];
};

/** Everything stored about a game that is needed to run it on: the game, its players and every answer. */
export async function getLiveGameState(id: string): Promise<LiveGameState | null> {
  const game = await db().liveGame.findUnique({
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
      progress: true,
    },
  });
  if (!game) return null;
  const [players, answers] = await Promise.all([
    db().livePlayer.findMany({
      where: { gameId: id },
      select: { id: true, nickname: true, resumeTokenHash: true, learnerId: true, score: true, joinedAt: true },
    }),
    db().liveAnswer.findMany({
      where: { gameId: id },
      select: ANSWER_ROW,
    }),
  ]);
  return { game, players, answers };
}

export async function markLiveGameStarted(id: string, at: Date): Promise<void> {
  await db().liveGame.update({ where: { id }, data: { status: "running", startedAt: at } });
}


/**
 * The live write path uses plain multi-row statements: measured on SQLite,
 * a createMany costs ~60–100 ms of blocked event loop whatever its size,
 * against ~10 ms for the same rows as one INSERT; a class answering at once
 * must not stall every other request. Statements are Prisma tagged templates,
 * so each database gets its own placeholders (`?` or `$n`). SQLite stores dates
 * the way Prisma's SQLite adapter does (ISO text, UTC offset) and booleans as
 * 0/1, so Prisma reads them back; PostgreSQL takes both as they are.
 */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const dateValue = (d: Date): Date | string => (databaseProvider() === "postgresql" ? d : sqliteDate(d));
const boolValue = (b: boolean): boolean | number => (databaseProvider() === "postgresql" ? b : b ? 1 : 0);
/** Rows per statement, far below SQLite's bound-parameter limit. */
const CHUNK = 200;

function insertStatements(table: string, columns: string[], rows: unknown[][]): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tuples = rows.slice(i, i + CHUNK).map((row) => Prisma.sql`(${Prisma.join(row)})`);
    out.push(Prisma.sql`${head}${Prisma.join(tuples)}`);
  }
  return out;
}

export type LivePlayerRow = {
  id: string;
  gameId: string;
  nickname: string;
  resumeTokenHash: string;
  learnerId: string | null;
  joinedAt: Date;
};

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

/** The columns of a stored answer that reports and rebuilt games read (a `LiveAnswerRow`). */
const ANSWER_ROW = {
  gameId: true,
  playerId: true,
  questionId: true,
  questionIndex: true,
  choiceIndex: true,
  correct: true,
  points: true,
  responseMs: true,
  answeredAt: true,
} as const;

/**
 * Players, then answers, in one transaction (one commit for a whole batch:
 * the caller acknowledges these rows only once this resolves).
 */
export async function saveLiveRows(players: readonly LivePlayerRow[], answers: readonly LiveAnswerRow[]): Promise<void> {
  const statements = [
    ...insertStatements(
      "LivePlayer",
      ["id", "gameId", "nickname", "resumeTokenHash", "learnerId", "score", "joinedAt"],
      players.map((r) => [r.id, r.gameId, r.nickname, r.resumeTokenHash, r.learnerId, 0, dateValue(r.joinedAt)]),
    ),
    ...insertStatements(
      "LiveAnswer",
      ["id", "gameId", "playerId", "questionId", "questionIndex", "choiceIndex", "correct", "points", "responseMs", "answeredAt"],
      answers.map((r) => [
        `${r.playerId}:${r.questionIndex}`,
        r.gameId,
        r.playerId,
        r.questionId,
        r.questionIndex,
        r.choiceIndex,
        boolValue(r.correct),
        r.points,
        r.responseMs,
        dateValue(r.answeredAt),
      ]),
    ),
  ];
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await db().$executeRaw(statements[0]!);
    return;
  }
  await db().$transaction(statements.map((s) => db().$executeRaw(s)));
}

/** Answers to a question the host ended before its reveal: not scored, so not kept. */
export async function discardLiveAnswers(gameId: string, questionIndex: number): Promise<void> {
  await db().liveAnswer.deleteMany({ where: { gameId, questionIndex } });
}

/** One UPDATE per chunk (a CASE over ids) rather than one per player, for the reason above. */
export async function saveLivePlayerScores(scores: readonly { id: string; score: number }[]): Promise<void> {
  for (let i = 0; i < scores.length; i += CHUNK) {
    const chunk = scores.slice(i, i + CHUNK);
    // The CAST types the score for PostgreSQL, which reads an untyped CASE branch as text.
    const cases = Prisma.join(
      chunk.map((s) => Prisma.sql`WHEN ${s.id} THEN CAST(${s.score} AS INTEGER)`),
      " ",
    );
    const ids = Prisma.join(chunk.map((s) => s.id));
    await db().$executeRaw`UPDATE "LivePlayer" SET "score" = CASE "id" ${cases} END WHERE "id" IN (${ids})`;
  }
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
      select: ANSWER_ROW,
    }),
  ]);
  return { game, players, answers };
}
