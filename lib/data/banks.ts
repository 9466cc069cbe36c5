import { randomUUID } from "node:crypto";
import type { InterchangeQuestion } from "@/lib/interchange";
import { db } from "@/lib/server/db";
import { sha256Hex } from "@/lib/text/normalize";
import { deckQuestionWhere } from "./study";

/** Published questions of a deck, in reading order, in the neutral interchange shape. */
export async function listDeckQuestionsForExport(documentId: string | null): Promise<InterchangeQuestion[]> {
  const rows = await db().question.findMany({
    where: deckQuestionWhere(documentId),
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }],
    select: {
      type: true,
      noteId: true,
      prompt: true,
      answer: true,
      choices: true,
      statementIsTrue: true,
      factType: true,
    },
  });
  return rows.map((r) => ({
    type: r.type as InterchangeQuestion["type"],
    ...(r.noteId ? { noteId: r.noteId } : {}),
    prompt: r.prompt,
    answer: r.answer,
    ...(r.type === "multiple_choice" ? { choices: (r.choices as string[]) ?? [] } : {}),
    ...(r.type === "true_false" ? { statementIsTrue: r.statementIsTrue ?? r.answer === "true" } : {}),
    tags: [r.factType],
  }));
}

/**
 * Writes an imported bank as a deck of its own, all in one transaction: the
 * whole file or nothing. Imported questions are published; the teacher chose them.
 */
export async function saveImportedBank(
  input: { title: string; fileName: string; ownerId: string | null; questions: InterchangeQuestion[] },
): Promise<{ documentId: string; count: number }> {
  const summary = input.questions.map((q) => `${q.type}: ${q.prompt} → ${q.answer}`).join("\n");
  // Notes get fresh ids, as questions do, so two imports of one file never share a note.
  const notes = new Map<string, string>();
  const noteFor = (noteId: string | undefined) => {
    if (!noteId) return null;
    if (!notes.has(noteId)) notes.set(noteId, `n_${randomUUID()}`);
    return notes.get(noteId)!;
  };
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
        noteId: noteFor(q.noteId),
        documentId: doc.id,
        type: q.type,
        prompt: q.prompt,
        answer: q.answer,
        choices: q.type === "multiple_choice" ? (q.choices ?? []) : undefined,
        statementIsTrue: q.type === "true_false" ? q.answer === "true" : null,
        factType: q.quarry?.factType ?? "term",
        sentenceIndex: -1,
        sentenceStart: 0,
        sentenceEnd: 0,
        sentence: q.quarry?.source.sentence ?? "",
        score: q.quarry?.score ?? 1,
        status: "published",
        origin: "imported",
      })),
    });
    return { documentId: doc.id, count: input.questions.length };
  });
}
