import "server-only";

import { randomUUID } from "node:crypto";
import { FACT_TYPES, parseEnum, QUESTION_TYPES } from "@/lib/domain/enums";
import type { InterchangeQuestion, MediaFile } from "@/lib/interchange";
import { db } from "@/lib/server/db";
import { sha256Hex } from "@/lib/text/normalize";
import { parseTags, serializeTags } from "./question-tags";
import { deckQuestionWhere } from "./cards";

/** Published questions of a deck, in reading order, in the neutral interchange shape. */
export async function listDeckQuestionsForExport(documentIds: readonly string[]): Promise<InterchangeQuestion[]> {
  const rows = await db().question.findMany({
    where: deckQuestionWhere(documentIds),
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }],
    select: {
      id: true,
      documentId: true,
      noteId: true,
      type: true,
      prompt: true,
      answer: true,
      choices: true,
      statementIsTrue: true,
      factType: true,
      score: true,
      sentence: true,
      sentenceStart: true,
      sentenceEnd: true,
      tags: true,
      explanation: true,
      tolerance: true,
    },
  });
  return rows.map((r) => ({
    type: parseEnum(QUESTION_TYPES, r.type, "question type"),
    ...(r.noteId ? { noteId: r.noteId } : {}),
    prompt: r.prompt,
    answer: r.answer,
    ...(r.type === "multiple_choice" ? { choices: (r.choices as string[]) ?? [] } : {}),
    ...(r.type === "true_false" ? { statementIsTrue: r.statementIsTrue ?? r.answer === "true" } : {}),
    ...(parseTags(r.tags).length ? { tags: parseTags(r.tags) } : {}),
    ...(r.explanation ? { explanation: r.explanation } : {}),
    ...(r.tolerance ? { tolerance: r.tolerance } : {}),
    factType: parseEnum(FACT_TYPES, r.factType, "fact type"),
    score: r.score,
    quarry: {
      id: r.id,
      ...(r.sentence
        ? { source: { documentId: r.documentId, sentence: r.sentence, start: r.sentenceStart, end: r.sentenceEnd } }
        : {}),
    },
  }));
}

/** Notes get fresh ids, as questions do, so two imports of one file never share a note. */
function freshNoteIds(): (noteId: string | undefined) => string | null {
  const notes = new Map<string, string>();
  return (noteId) => {
    if (!noteId) return null;
    if (!notes.has(noteId)) notes.set(noteId, `n_${randomUUID()}`);
    return notes.get(noteId)!;
  };
}

const questionKey = (q: { type: string; prompt: string; answer: string }) => `${q.type}\u0000${q.prompt}\u0000${q.answer}`;

function importedRow(documentId: string, q: InterchangeQuestion, noteId: string | null) {
  return {
    id: `i_${randomUUID()}`,
    noteId,
    documentId,
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.type === "multiple_choice" ? (q.choices ?? []) : undefined,
    statementIsTrue: q.type === "true_false" ? q.answer === "true" : null,
    factType: q.factType ?? "term",
    sentenceIndex: -1,
    sentenceStart: 0,
    sentenceEnd: 0,
    sentence: q.quarry?.source?.sentence ?? "",
    score: q.score ?? 1,
    tags: serializeTags(q.tags),
    explanation: q.explanation ?? null,
    tolerance: q.tolerance ?? null,
    status: "published",
    origin: "imported",
  };
}

export type ImportedBankInput = {
  title: string;
  fileName: string;
  ownerId: string | null;
  questions: InterchangeQuestion[];
  /** Images the questions refer to, already checked against the size caps. */
  media?: MediaFile[];
  /** sha256 of the file, kept on the deck so the same file is recognised next time. */
  sourceHash: string;
};

/**
 * Writes an imported bank as a deck of its own (a private deck over a
 * document holding the questions), all in one transaction: the whole file or
 * nothing. Imported questions are published; the teacher chose them.
 */
export async function saveImportedBank(
  input: ImportedBankInput,
): Promise<{ documentId: string; deckId: string; count: number }> {
  const summary = input.questions.map((q) => `${q.type}: ${q.prompt} → ${q.answer}`).join("\n");
  const noteFor = freshNoteIds();
  return db().$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        title: input.title,
        fileName: input.fileName,
        text: summary,
        sha256: sha256Hex(`${input.fileName}\n${summary}`),
        origin: "import",
        ownerId: input.ownerId,
      },
      select: { id: true },
    });
    await tx.question.createMany({ data: input.questions.map((q) => importedRow(doc.id, q, noteFor(q.noteId))) });
    if (input.media?.length) {
      await tx.media.createMany({
        data: input.media.map((m) => ({
          documentId: doc.id,
          name: m.name,
          mime: m.mime,
          size: m.bytes.length,
          sha256: sha256Hex(m.bytes),
          data: Buffer.from(m.bytes),
        })),
      });
    }
    const deck = await tx.deck.create({
      data: {
        ownerId: input.ownerId,
        title: input.title,
        kind: "imported",
        visibility: "private",
        sourceHash: input.sourceHash,
        documents: { create: [{ documentId: doc.id, position: 0 }] },
      },
      select: { id: true },
    });
    return { documentId: doc.id, deckId: deck.id, count: input.questions.length };
  });
}

/**
 * Brings an imported deck in line with a file: questions whose type, prompt
 * and answer are unchanged keep their ids (and learners' cards), new ones are
 * added, and ones the file no longer holds are retired, never deleted.
 */
export async function updateImportedBank(
  deckId: string,
  documentId: string,
  input: Pick<ImportedBankInput, "title" | "questions" | "sourceHash">,
): Promise<{ added: number; kept: number; retired: number }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.question.findMany({
      where: { documentId, origin: "imported" },
      select: { id: true, type: true, prompt: true, answer: true, status: true },
    });
    const byKey = new Map(rows.map((r) => [questionKey(r), r]));
    const wanted = new Set(input.questions.map(questionKey));
    const fresh = input.questions.filter((q) => !byKey.has(questionKey(q)));
    const noteFor = freshNoteIds();
    if (fresh.length) {
      await tx.question.createMany({ data: fresh.map((q) => importedRow(documentId, q, noteFor(q.noteId))) });
    }
    const revived = rows.filter((r) => wanted.has(questionKey(r)) && r.status === "retired").map((r) => r.id);
    if (revived.length) await tx.question.updateMany({ where: { id: { in: revived } }, data: { status: "published" } });
    const gone = rows.filter((r) => !wanted.has(questionKey(r)) && r.status !== "retired").map((r) => r.id);
    if (gone.length) await tx.question.updateMany({ where: { id: { in: gone } }, data: { status: "retired" } });
    await tx.deck.update({ where: { id: deckId }, data: { title: input.title, sourceHash: input.sourceHash } });
    return { added: fresh.length, kept: rows.length - gone.length, retired: gone.length };
  });
}

/** One image of a deck, by the name its questions use. */
export async function getDeckMedia(
  documentId: string,
  name: string,
): Promise<{ mime: string; data: Uint8Array; sha256: string } | null> {
  const row = await db().media.findUnique({
    where: { documentId_name: { documentId, name } },
    select: { mime: true, data: true, sha256: true },
  });
  return row ? { mime: row.mime, data: new Uint8Array(row.data), sha256: row.sha256 } : null;
}

/** A deck's images, for exporting it with its media. */
export async function listDeckMedia(documentIds: readonly string[]): Promise<MediaFile[]> {
  if (!documentIds.length) return [];
  const rows = await db().media.findMany({
    where: { documentId: { in: [...documentIds] } },
    select: { name: true, mime: true, data: true },
  });
  return rows.map((r) => ({ name: r.name, mime: r.mime as MediaFile["mime"], bytes: new Uint8Array(r.data) }));
}

/** The documents a deck's questions come from, as the bank format lists them. */
export async function listDeckDocumentsForExport(
  documentIds: readonly string[],
): Promise<{ id: string; title: string; path: string; sha256: string }[]> {
  const rows = await db().document.findMany({
    where: { id: { in: [...documentIds] } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, contentPath: true, fileName: true, sha256: true },
  });
  return rows.map((d) => ({ id: d.id, title: d.title, path: d.contentPath ?? d.fileName, sha256: d.sha256 }));
}
