import type { Prisma } from "@/lib/generated/prisma/client";
import { parseEnum, QUESTION_TYPES, type QuestionType } from "@/lib/domain/enums";
import { db } from "@/lib/server/db";
import { writeInBatches } from "./batches";

export type QuestionRecord = {
  id: string;
  /** The fact this question tests; its variants share it. Null: a note of its own. */
  noteId: string | null;
  documentId: string;
  type: QuestionType;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  factType: string;
  sentenceIndex: number;
  sentenceStart: number;
  sentenceEnd: number;
  sentence: string;
  score: number;
  status: string;
  origin: string;
};

/** As the review page lists them: with imported tags and the explanation shown after answering. */
export type ReviewQuestionRecord = QuestionRecord & { tagList: string[]; explanation: string | null };

export type ConflictRecord = {
  id: string;
  factType: string;
  values: string[];
  sources: Array<{ documentId: string; sentence: string; sentenceIndex: number | null }>;
};

export type SyncReport = { created: number; updated: number; retired: number; unchanged: number; conflicts: number };

function toRecord(row: Prisma.QuestionGetPayload<object>): QuestionRecord {
  return { ...row, type: parseEnum(QUESTION_TYPES, row.type, "question type"), choices: (row.choices as string[] | null) ?? null };
}

/** A document's generated questions, every status, for planning a regeneration. */
export async function listGeneratedQuestions(documentId: string) {
  const rows = await db().question.findMany({ where: { documentId, origin: "generated" } });
  return rows.map((r) => ({ ...toRecord(r), editedAt: r.editedAt }));
}

/** Which document holds each of these question ids (ids nobody holds are absent). */
export async function findQuestionOwners(ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // Chunked: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db().question.findMany({
      where: { id: { in: ids.slice(i, i + 500) } },
      select: { id: true, documentId: true },
    });
    for (const r of rows) out.set(r.id, r.documentId);
  }
  return out;
}

export type QuestionChanges = { create: QuestionRecord[]; update: QuestionRecord[]; retire: string[] };

/**
 * Writes one document's regeneration: its questions (new and changed ones in
 * batches), then in one transaction the retired ones, its conflicts (those
 * naming it are replaced) and its generation status. Rows of other documents
 * are never written.
 */
export async function saveDocumentGeneration(
  documentId: string,
  changes: QuestionChanges,
  conflicts: ConflictRecord[],
): Promise<void> {
  const data = (q: QuestionRecord) => ({ ...q, choices: q.choices ?? undefined });
  // Thousands of questions are written in batches first, so the server keeps answering
  // (lib/data/batches.ts). Until the last step the document is not "ready": an interrupted
  // run is planned again from what was stored, and converges.
  await writeInBatches(changes.create, (batch) => db().question.createMany({ data: batch.map(data) }));
  await writeInBatches(changes.update, (batch) =>
    db().$transaction(async (tx) => {
      for (const q of batch) await tx.question.updateMany({ where: { id: q.id, documentId }, data: data(q) });
    }),
  );
  await db().$transaction(async (tx) => {
    if (changes.retire.length) {
      await tx.question.updateMany({ where: { documentId, id: { in: changes.retire } }, data: { status: "retired" } });
    }
    const stored = await tx.conflict.findMany({ select: { id: true, sources: true } });
    const names = (sources: unknown) =>
      Array.isArray(sources) && sources.some((x: { documentId?: string }) => x?.documentId === documentId);
    const replaced = [...stored.filter((c) => names(c.sources)).map((c) => c.id), ...conflicts.map((c) => c.id)];
    if (replaced.length) await tx.conflict.deleteMany({ where: { id: { in: replaced } } });
    if (conflicts.length) await tx.conflict.createMany({ data: conflicts });
    await tx.document.update({ where: { id: documentId }, data: { generationStatus: "ready", generationError: null } });
  });
}

/** Removes the conflicts that cite a document (before the document itself is deleted). */
export async function deleteConflictsOf(documentId: string): Promise<void> {
  const stored = await db().conflict.findMany({ select: { id: true, sources: true } });
  const ids = stored
    .filter((c) => Array.isArray(c.sources) && c.sources.some((x) => (x as { documentId?: string })?.documentId === documentId))
    .map((c) => c.id);
  if (ids.length) await db().conflict.deleteMany({ where: { id: { in: ids } } });
}

/** The published questions of a document, as learners see them. */
export async function listDocumentQuestions(documentId: string): Promise<QuestionRecord[]> {
  const rows = await db().question.findMany({
    where: { documentId, status: "published" },
    orderBy: [{ sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

/** Questions per source sentence of a document: sentence index → count. */
export async function countQuestionsBySentence(documentId: string): Promise<Map<number, number>> {
  const rows = await db().question.groupBy({
    by: ["sentenceIndex"],
    where: { documentId, status: "published" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sentenceIndex, r._count._all]));
}

/** Published questions per document, for deck listings. */
export async function countPublishedQuestionsByDocument(ids?: readonly string[]): Promise<Map<string, number>> {
  const rows = await db().question.groupBy({
    by: ["documentId"],
    where: { status: "published", ...(ids ? { documentId: { in: [...ids] } } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}

export async function listConflicts(): Promise<ConflictRecord[]> {
  const rows = await db().conflict.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    factType: r.factType,
    values: r.values as string[],
    sources: r.sources as ConflictRecord["sources"],
  }));
}

/** Questions (any status but retired) per document, for the given documents. */
export async function countQuestionsForDocuments(documentIds: string[]): Promise<Map<string, number>> {
  const rows = await db().question.groupBy({
    by: ["documentId"],
    where: { documentId: { in: documentIds }, status: { not: "retired" } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}
