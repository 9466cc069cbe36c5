import { randomUUID } from "node:crypto";
import type { InterchangeQuestion, MediaFile } from "@/lib/interchange";
import { db } from "@/lib/server/db";
import { sha256Hex } from "@/lib/text/normalize";
import { parseTags, serializeTags } from "./question-tags";
import { deckQuestionWhere } from "./study";

/** Published questions of a deck, in reading order, in the neutral interchange shape. */
export async function listDeckQuestionsForExport(documentId: string | null): Promise<InterchangeQuestion[]> {
  const rows = await db().question.findMany({
    where: deckQuestionWhere(documentId),
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }],
    select: {
      id: true,
      documentId: true,
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
    type: r.type as InterchangeQuestion["type"],
    prompt: r.prompt,
    answer: r.answer,
    ...(r.type === "multiple_choice" ? { choices: (r.choices as string[]) ?? [] } : {}),
    ...(r.type === "true_false" ? { statementIsTrue: r.statementIsTrue ?? r.answer === "true" } : {}),
    ...(parseTags(r.tags).length ? { tags: parseTags(r.tags) } : {}),
    ...(r.explanation ? { explanation: r.explanation } : {}),
    ...(r.tolerance ? { tolerance: r.tolerance } : {}),
    factType: r.factType as InterchangeQuestion["factType"],
    score: r.score,
    quarry: {
      id: r.id,
      ...(r.sentence
        ? { source: { documentId: r.documentId, sentence: r.sentence, start: r.sentenceStart, end: r.sentenceEnd } }
        : {}),
    },
  }));
}


/**
 * Writes an imported bank as a deck of its own, all in one transaction: the
 * whole file or nothing. Imported questions are published; the teacher chose them.
 */
export async function saveImportedBank(input: {
  title: string;
  fileName: string;
  ownerId: string | null;
  questions: InterchangeQuestion[];
  media?: MediaFile[];
}): Promise<{ documentId: string; count: number }> {
  const summary = input.questions.map((q) => `${q.type}: ${q.prompt} → ${q.answer}`).join("\n");
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
    await tx.question.createMany({
      data: input.questions.map((q) => ({
        id: `i_${randomUUID()}`,
        documentId: doc.id,
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
      })),
    });
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
    return { documentId: doc.id, count: input.questions.length };
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
export async function listDeckMedia(documentId: string | null): Promise<MediaFile[]> {
  if (!documentId) return [];
  const rows = await db().media.findMany({ where: { documentId }, select: { name: true, mime: true, data: true } });
  return rows.map((r) => ({ name: r.name, mime: r.mime as MediaFile["mime"], bytes: new Uint8Array(r.data) }));
}

/** The documents a deck's questions come from, as the bank format lists them. */
export async function listDeckDocumentsForExport(
  documentId: string | null,
): Promise<{ id: string; title: string; path: string; sha256: string }[]> {
  const rows = await db().document.findMany({
    where: documentId ? { id: documentId } : { questions: { some: { status: "published" } } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, contentPath: true, fileName: true, sha256: true },
  });
  return rows.map((d) => ({ id: d.id, title: d.title, path: d.contentPath ?? d.fileName, sha256: d.sha256 }));
}
