import "server-only";

import { AppError, STATUS } from "@/lib/errors";
import {
  approveDraftsAbove,
  createAuthoredQuestion,
  getDocumentAccess,
  listQuestionsForReview,
  setQuestionStatus,
  updateQuestionContent,
  type EditableFields,
  type ReviewStatus,
} from "@/lib/data/authoring";
import { countTeachers } from "@/lib/data/classes";
import { validateQuestion } from "@/lib/interchange/validate";
import { canEditDocument, canReadDrafts, type Viewer } from "@/lib/permissions";
import { generateDocumentQuestions, removeDocument } from "./question-bank";

export type { ConflictRecord, QuestionRecord } from "@/lib/data/questions";

export class AuthoringError extends AppError {
  constructor(
    override readonly code: "not_found" | "invalid",
    message: string,
    readonly problems: string[] = [],
  ) {
    super(code, message, code === "not_found" ? STATUS.notFound : STATUS.invalid);
    this.name = "AuthoringError";
  }
}

export async function loadEditableDocument(viewer: Viewer, documentId: string) {
  const doc = await getDocumentAccess(documentId);
  if (!doc || !canEditDocument(viewer, doc, (await countTeachers()) > 0)) {
    throw new AuthoringError("not_found", "That document does not exist.");
  }
  return doc;
}

/** Same rules as importing: one correct choice, no two choices alike, a cloze has one gap. */
export function checkQuestion(fields: EditableFields): EditableFields {
  const result = validateQuestion({
    type: fields.type as never,
    prompt: fields.prompt,
    answer: fields.answer,
    choices: fields.choices ?? undefined,
    statementIsTrue: fields.statementIsTrue ?? undefined,
  });
  if (!result.ok) {
    throw new AuthoringError("invalid", `Check the question: ${result.problems.join("; ")}.`, result.problems);
  }
  const q = result.question;
  return {
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.type === "multiple_choice" ? (q.choices ?? null) : null,
    statementIsTrue: q.type === "true_false" ? q.answer === "true" : null,
  };
}

export async function reviewQuestions(viewer: Viewer, documentId: string, ids: string[], status: ReviewStatus) {
  await loadEditableDocument(viewer, documentId);
  return setQuestionStatus(documentId, ids, status);
}

export async function bulkApprove(viewer: Viewer, documentId: string, minScore: number, factType: string | null) {
  await loadEditableDocument(viewer, documentId);
  return approveDraftsAbove(documentId, minScore, factType);
}

export async function editQuestion(viewer: Viewer, documentId: string, id: string, fields: EditableFields, now: Date) {
  await loadEditableDocument(viewer, documentId);
  const clean = checkQuestion(fields);
  if (!(await updateQuestionContent(documentId, id, clean, now))) {
    throw new AuthoringError("not_found", "That question does not exist.");
  }
  return clean;
}

export async function authorQuestion(
  viewer: Viewer,
  documentId: string,
  fields: EditableFields & { factType: string },
  now: Date,
) {
  await loadEditableDocument(viewer, documentId);
  return createAuthoredQuestion(documentId, { ...checkQuestion(fields), factType: fields.factType }, "published", now);
}

/** Runs a document's generation again (after a failure, or to pick up generator changes as drafts). */
export async function retryGeneration(viewer: Viewer, documentId: string) {
  await loadEditableDocument(viewer, documentId);
  return generateDocumentQuestions(documentId);
}

/** Deletes an uploaded document; the content/ corpus comes back from its files, so it is not deleted here. */
export async function deleteUploadedDocument(viewer: Viewer, documentId: string) {
  const doc = await loadEditableDocument(viewer, documentId);
  if (doc.origin === "content")
    throw new AuthoringError("invalid", "Documents from content/ are removed by deleting their file.");
  await removeDocument(documentId);
}

/** The moderation page: a document the viewer may edit, with its questions (all but retired); null otherwise. */
export async function loadModeration(viewer: Viewer, documentId: string) {
  const doc = await getDocumentAccess(documentId);
  if (!doc || !canReadDrafts(viewer, doc, (await countTeachers()) > 0)) return null;
  return { doc, questions: await listQuestionsForReview(documentId) };
}
