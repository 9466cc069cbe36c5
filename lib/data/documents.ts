import type { GenerationStatus } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PoolScope } from "@/lib/server/generation/pool";
import type { Sentence } from "@/lib/text/sentences";
import { db } from "@/lib/server/db";
import { writeInBatches, WRITE_BATCH_ROWS } from "./batches";

export type DocumentSummary = {
  id: string;
  title: string;
  origin: string;
  /** pending | ready | failed */
  generationStatus: string;
  ownerId: string | null;
  fileName: string;
  source: string | null;
  importedAt: Date;
  sentenceCount: number;
};

/** All documents, or only the given ones. */
export async function listDocuments(ids?: readonly string[]): Promise<DocumentSummary[]> {
  const rows = await db().document.findMany({
    where: ids ? { id: { in: [...ids] } } : undefined,
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      origin: true,
      generationStatus: true,
      ownerId: true,
      fileName: true,
      source: true,
      importedAt: true,
      _count: { select: { sentences: true } },
    },
  });
  return rows.map(({ _count, ...d }) => ({ ...d, sentenceCount: _count.sentences }));
}

export async function getDocumentWithSentences(id: string) {
  return db().document.findUnique({
    where: { id },
    include: {
      sentences: { orderBy: { index: "asc" } },
      // Its own deck first (the one-document deck made with it), for "Study this document".
      decks: { select: { deckId: true }, orderBy: { deck: { createdAt: "asc" } }, take: 1, where: { deck: { kind: { not: "sample" } } } },
    },
  });
}

export async function getDocumentByContentPath(contentPath: string) {
  return db().document.findUnique({
    where: { contentPath },
    select: { id: true, sha256: true },
  });
}

export type DocumentInput = {
  contentPath: string | null;
  fileName: string;
  title: string;
  source: string | null;
  text: string;
  sha256: string;
  sentences: Sentence[];
  /** Uploads: the teacher who owns the document, and how it arrived. */
  ownerId?: string | null;
  origin?: "content" | "upload" | "paste";
};

/** Inserts or replaces a document and its sentences in one transaction. */
export async function saveDocument(input: DocumentInput, existingId?: string): Promise<string> {
  const { sentences, ...fields } = input;
  const rows = (documentId: string) =>
    sentences.map((s) => ({
      documentId,
      index: s.index,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      text: s.text,
      hash: s.hash,
      repeatOf: s.repeatOf,
    }));
  // New text has not been through generation yet.
  const pending = { generationStatus: "pending", generationError: null };
  if (!existingId && sentences.length > WRITE_BATCH_ROWS) return saveLargeDocument(fields, rows, pending);
  return db().$transaction(async (tx) => {
    if (existingId) {
      await tx.sentence.deleteMany({ where: { documentId: existingId } });
      await tx.document.update({
        where: { id: existingId },
        data: { ...fields, ...pending, importedAt: new Date() },
      });
      await tx.sentence.createMany({ data: rows(existingId) });
      return existingId;
    }
    const { id } = await tx.document.create({ data: { ...fields, ...pending }, select: { id: true } });
    await tx.sentence.createMany({ data: rows(id) });
    return id;
  });
}

/**
 * A new document with many sentences (an uploaded book): written in batches
 * (lib/data/batches.ts) so the server keeps answering. It is marked failed
 * until its last sentence is stored, so an interrupted save (a crash) leaves a
 * document that generation skips and its owner can delete, never a silently
 * partial one; a save that fails removes it.
 */
async function saveLargeDocument(
  fields: Omit<DocumentInput, "sentences">,
  rows: (documentId: string) => Prisma.SentenceCreateManyInput[],
  done: { generationStatus: string; generationError: null },
): Promise<string> {
  const interrupted = { generationStatus: "failed", generationError: SAVE_INTERRUPTED };
  const { id } = await db().document.create({ data: { ...fields, ...interrupted }, select: { id: true } });
  try {
    await writeInBatches(rows(id), (data) => db().sentence.createMany({ data }));
    await db().document.update({ where: { id }, data: done });
  } catch (err) {
    await db().document.deleteMany({ where: { id } });
    throw err;
  }
  return id;
}

const SAVE_INTERRUPTED = "Saving this document was interrupted. Delete it and upload it again.";

export async function pingDatabase(): Promise<void> {
  await db().$queryRaw`SELECT 1`;
}

/** A document's file names, to name it in messages; null when it does not exist. */
export async function findDocumentName(id: string) {
  return db().document.findUnique({ where: { id }, select: { fileName: true, contentPath: true } });
}

/** One document as generation needs it: its text and where each sentence starts. */
export async function getDocumentForGeneration(id: string) {
  return db().document.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      fileName: true,
      contentPath: true,
      origin: true,
      ownerId: true,
      sentences: { select: { index: true, start: true, text: true }, orderBy: { index: "asc" } },
    },
  });
}

function poolWhere(scope: PoolScope): Prisma.DocumentWhereInput {
  return scope.kind === "content" ? { origin: "content" } : { id: { in: [...scope.ids] } };
}

/**
 * The documents of a pool in a stable order, each with the end offset of its
 * sentence number `capIndex` (null when it has fewer), so callers can cut the
 * text. Failed documents are left out, except `includeId`.
 */
export async function listPoolDocuments(scope: PoolScope, includeId: string, capIndex: number) {
  return db().document.findMany({
    where: { AND: [poolWhere(scope), { OR: [{ generationStatus: { not: "failed" } }, { id: includeId }] }] },
    orderBy: [{ contentPath: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      contentPath: true,
      fileName: true,
      text: true,
      sha256: true,
      sentences: { where: { index: capIndex }, select: { end: true } },
    },
  });
}

export async function findSentenceIndex(documentId: string, start: number): Promise<number | null> {
  const row = await db().sentence.findFirst({ where: { documentId, start }, select: { index: true } });
  return row?.index ?? null;
}

export async function setGenerationStatus(id: string, status: Exclude<GenerationStatus, "pending">, error: string | null) {
  await db().document.update({ where: { id }, data: { generationStatus: status, generationError: error } });
}

/** Content documents whose generation has not run since their text changed. */
export async function listPendingContentDocuments(): Promise<string[]> {
  const rows = await db().document.findMany({
    where: { origin: "content", generationStatus: "pending" },
    orderBy: [{ contentPath: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function deleteDocument(id: string): Promise<void> {
  await db().document.delete({ where: { id } });
}


/** Documents that came from content/, in path order. */
export async function listContentDocuments() {
  return db().document.findMany({
    where: { contentPath: { not: null }, ownerId: null },
    orderBy: { contentPath: "asc" },
    select: { id: true, title: true },
  });
}

/** An earlier upload of the same bytes by the same owner (never another teacher's document). */
export async function findOwnDocumentBySha(ownerId: string | null, sha256: string) {
  return db().document.findFirst({ where: { sha256, ownerId }, select: { id: true, title: true, ownerId: true } });
}
