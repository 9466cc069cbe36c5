import type { Sentence } from "@/lib/text/sentences";
import { db } from "@/lib/server/db";

export type DocumentSummary = {
  id: string;
  title: string;
  origin: string;
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
  return db().$transaction(async (tx) => {
    if (existingId) {
      await tx.sentence.deleteMany({ where: { documentId: existingId } });
      await tx.document.update({ where: { id: existingId }, data: { ...fields, importedAt: new Date() } });
      await tx.sentence.createMany({ data: rows(existingId) });
      return existingId;
    }
    const { id } = await tx.document.create({ data: fields, select: { id: true } });
    await tx.sentence.createMany({ data: rows(id) });
    return id;
  });
}

export async function countDocuments(): Promise<number> {
  return db().document.count();
}

export async function pingDatabase(): Promise<void> {
  await db().$queryRaw`SELECT 1`;
}

/** Every document's text, in a stable order, for generating the question bank. */
export async function listDocumentsForGeneration() {
  const rows = await db().document.findMany({
    orderBy: [{ contentPath: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      contentPath: true,
      fileName: true,
      origin: true,
      text: true,
      sha256: true,
      sentences: { select: { index: true, start: true }, orderBy: { index: "asc" } },
    },
  });
  return rows;
}

export async function getDocumentTitle(id: string) {
  return db().document.findUnique({ where: { id }, select: { id: true, title: true } });
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
