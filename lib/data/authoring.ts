import "server-only";

import { randomUUID } from "node:crypto";
import { parseEnum, QUESTION_TYPES, type ModerationStatus } from "@/lib/domain/enums";
import { db } from "@/lib/server/db";
import { parseTags } from "./question-tags";
import type { ReviewQuestionRecord } from "./questions";

export type ReviewStatus = ModerationStatus;

export type EditableFields = {
  type: string;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
};

export async function getDocumentAccess(id: string) {
  return db().document.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      ownerId: true,
      text: true,
      origin: true,
      generationStatus: true,
      generationError: true,
    },
  });
}

/** Every question of a document a reviewer can act on (retired ones are gone from the text). */
export async function listQuestionsForReview(documentId: string): Promise<ReviewQuestionRecord[]> {
  const rows = await db().question.findMany({
    where: { documentId, status: { not: "retired" } },
    orderBy: [{ sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
  });
  return rows.map(({ tags, ...r }) => ({
    ...r,
    type: parseEnum(QUESTION_TYPES, r.type, "question type"),
    choices: (r.choices as string[] | null) ?? null,
    tagList: parseTags(tags),
  }));
}

export async function setQuestionStatus(documentId: string, ids: string[], status: ReviewStatus): Promise<number> {
  const { count } = await db().question.updateMany({
    where: { documentId, id: { in: ids }, status: { not: "retired" } },
    data: { status },
  });
  return count;
}

/** Publishes every draft at or above `minScore`, optionally of one fact type. */
export async function approveDraftsAbove(documentId: string, minScore: number, factType: string | null) {
  const { count } = await db().question.updateMany({
    where: { documentId, status: "draft", score: { gte: minScore }, ...(factType ? { factType } : {}) },
    data: { status: "published" },
  });
  return count;
}

export async function updateQuestionContent(documentId: string, id: string, fields: EditableFields, now: Date) {
  const { count } = await db().question.updateMany({
    where: { id, documentId, status: { not: "retired" } },
    data: { ...fields, choices: fields.choices ?? undefined, editedAt: now },
  });
  return count > 0;
}

/** A hand-written question: no source sentence (index -1), published at once unless told otherwise. */
export async function createAuthoredQuestion(
  documentId: string,
  fields: EditableFields & { factType: string },
  status: ReviewStatus,
  now: Date,
): Promise<string> {
  const id = `a_${randomUUID()}`;
  await db().question.create({
    data: {
      id,
      documentId,
      ...fields,
      choices: fields.choices ?? undefined,
      sentenceIndex: -1,
      sentenceStart: 0,
      sentenceEnd: 0,
      sentence: "",
      score: 1,
      status,
      origin: "authored",
      editedAt: now,
    },
  });
  return id;
}
