import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

/** All Prisma access for decks. The service layer (lib/server/decks.ts) decides who sees what. */

export type DeckRecord = {
  id: string;
  ownerId: string | null;
  title: string;
  description: string;
  visibility: string;
  shareToken: string | null;
  kind: string;
  sourceHash: string | null;
  createdAt: Date;
  /** The deck's documents, in deck order. */
  documentIds: string[];
};

const DECK_SELECT = {
  id: true,
  ownerId: true,
  title: true,
  description: true,
  visibility: true,
  shareToken: true,
  kind: true,
  sourceHash: true,
  createdAt: true,
  documents: { select: { documentId: true }, orderBy: [{ position: "asc" }, { documentId: "asc" }] },
} as const satisfies Prisma.DeckSelect;

function toRecord({ documents, ...d }: Prisma.DeckGetPayload<{ select: typeof DECK_SELECT }>): DeckRecord {
  return { ...d, documentIds: documents.map((x) => x.documentId) };
}

export async function getDeck(id: string): Promise<DeckRecord | null> {
  const row = await db().deck.findUnique({ where: { id }, select: DECK_SELECT });
  return row ? toRecord(row) : null;
}

export async function getDeckByShareToken(shareToken: string): Promise<DeckRecord | null> {
  const row = await db().deck.findUnique({ where: { shareToken }, select: DECK_SELECT });
  return row ? toRecord(row) : null;
}

/** An earlier import of the same file by the same owner. */
export async function findDeckBySourceHash(ownerId: string | null, sourceHash: string): Promise<DeckRecord | null> {
  const row = await db().deck.findFirst({
    where: { ownerId, sourceHash },
    orderBy: { createdAt: "asc" },
    select: DECK_SELECT,
  });
  return row ? toRecord(row) : null;
}

/** Decks the viewer may list: their own, public ones, the given ids (assigned) and link-shared ones they hold. */
export async function listDecksWhere(filter: {
  ownerId: string | null;
  ids: string[];
  shareTokens: string[];
  includeOwnerless: boolean;
}): Promise<DeckRecord[]> {
  const or: Prisma.DeckWhereInput[] = [{ visibility: "public" }];
  if (filter.ownerId) or.push({ ownerId: filter.ownerId });
  if (filter.includeOwnerless) or.push({ ownerId: null });
  if (filter.ids.length) or.push({ id: { in: filter.ids } });
  if (filter.shareTokens.length) or.push({ visibility: "link", shareToken: { in: filter.shareTokens } });
  const rows = await db().deck.findMany({
    where: { OR: or },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: DECK_SELECT,
  });
  return rows.map(toRecord);
}

export async function listDecksByIds(ids: string[]): Promise<DeckRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db().deck.findMany({ where: { id: { in: ids } }, select: DECK_SELECT });
  return rows.map(toRecord);
}

export type NewDeck = {
  id?: string;
  ownerId: string | null;
  title: string;
  description?: string;
  visibility?: string;
  shareToken?: string | null;
  kind: string;
  sourceHash?: string | null;
  documentIds: string[];
};

export async function createDeck(input: NewDeck, tx: Prisma.TransactionClient = db()): Promise<string> {
  const { documentIds, ...fields } = input;
  const { id } = await tx.deck.create({
    data: { ...fields, documents: { create: documentIds.map((documentId, position) => ({ documentId, position })) } },
    select: { id: true },
  });
  return id;
}

export async function updateDeckFields(
  id: string,
  fields: { title?: string; description?: string; visibility?: string; shareToken?: string | null },
): Promise<void> {
  await db().deck.update({ where: { id }, data: fields });
}

/** Adds a document at the end of a deck; adding it twice is harmless. */
export async function addDocumentToDeck(deckId: string, documentId: string): Promise<void> {
  const position = await db().deckDocument.count({ where: { deckId } });
  await db().deckDocument.upsert({
    where: { deckId_documentId: { deckId, documentId } },
    create: { deckId, documentId, position },
    update: {},
  });
}

export async function ensureDeck(input: NewDeck & { id: string }): Promise<void> {
  const existing = await db().deck.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!existing) await createDeck(input);
}

/** The documents' decks, for "which decks hold this document". */
export async function listDecksOfDocuments(documentIds: string[]): Promise<DeckRecord[]> {
  if (documentIds.length === 0) return [];
  const rows = await db().deck.findMany({
    where: { documents: { some: { documentId: { in: documentIds } } } },
    select: DECK_SELECT,
  });
  return rows.map(toRecord);
}

/** Question counts per document and status (retired ones left out), for deck labels. */
export async function countQuestionsByDocumentAndStatus(documentIds: string[]) {
  if (documentIds.length === 0) return [];
  const rows = await db().question.groupBy({
    by: ["documentId", "status"],
    where: { documentId: { in: documentIds }, status: { in: ["published", "draft"] } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ documentId: r.documentId, status: r.status, count: r._count._all }));
}

/** Deck ids assigned to classes the learner is in or the teacher owns. */
export async function listAssignedDeckIds(learnerId: string | null, teacherId: string | null): Promise<string[]> {
  const or: Prisma.AssignmentWhereInput[] = [];
  if (learnerId) or.push({ classroom: { members: { some: { learnerId } } } });
  if (teacherId) or.push({ classroom: { teacherId } });
  if (or.length === 0) return [];
  const rows = await db().assignment.findMany({ where: { OR: or }, select: { deckId: true }, distinct: ["deckId"] });
  return rows.map((r) => r.deckId);
}

/** Is the deck assigned to a class the learner is in or the teacher owns? */
export async function isDeckAssignedTo(deckId: string, learnerId: string | null, teacherId: string | null) {
  const or: Prisma.AssignmentWhereInput[] = [];
  if (learnerId) or.push({ classroom: { members: { some: { learnerId } } } });
  if (teacherId) or.push({ classroom: { teacherId } });
  if (or.length === 0) return false;
  return (await db().assignment.count({ where: { deckId, OR: or }, take: 1 })) > 0;
}

/** The owner's documents (not imported banks), for building a deck from them. */
export async function listOwnedDocuments(ownerId: string | null) {
  return db().document.findMany({
    where: { ownerId, origin: { notIn: ["import", "authored"] } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, fileName: true, ownerId: true },
  });
}

export async function getDocumentsOwners(ids: string[]) {
  return db().document.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true, title: true } });
}

/**
 * A deck for hand-written questions: they need a document to belong to, so
 * the deck gets one of its own (origin "authored", no text), both in one transaction.
 */
export async function createAuthoredDeck(input: {
  ownerId: string | null;
  title: string;
  description: string;
  visibility: string;
  shareToken: string | null;
}): Promise<{ deckId: string; documentId: string }> {
  return db().$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        title: input.title,
        fileName: "written by hand",
        text: "",
        sha256: randomUUID(),
        origin: "authored",
        ownerId: input.ownerId,
      },
      select: { id: true },
    });
    const deckId = await createDeck({ ...input, kind: "authored", documentIds: [doc.id] }, tx);
    return { deckId, documentId: doc.id };
  });
}
