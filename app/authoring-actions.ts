"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/api/text";
import { factTypeSchema, moderationStatusSchema, questionTypeSchema, type ModerationStatus } from "@/lib/domain/enums";
import { authorQuestion, bulkApprove, editQuestion, reviewQuestions } from "@/lib/server/authoring";
import { toFormState } from "@/lib/server/form-state";
import { currentViewer } from "@/lib/server/viewer";

export type ActionResult = { ok: true; count?: number } | { ok: false; message: string };

const ids = z.array(z.string().min(1).max(100)).min(1).max(5000);
const fields = z.object({
  type: questionTypeSchema,
  prompt: text().max(2000),
  answer: text().max(1000),
  choices: z.array(text().max(500)).max(6).nullable(),
  statementIsTrue: z.boolean().nullable(),
});
const factType = factTypeSchema;

async function run(documentId: string, work: () => Promise<number | void>): Promise<ActionResult> {
  try {
    const count = await work();
    revalidatePath(`/documents/${documentId}/review`);
    return { ok: true, ...(typeof count === "number" ? { count } : {}) };
  } catch (err) {
    return { ok: false, message: toFormState(err).message ?? "" };
  }
}

export async function setStatusAction(documentId: string, questionIds: string[], status: ModerationStatus) {
  return run(documentId, async () =>
    reviewQuestions(await currentViewer(), documentId, ids.parse(questionIds), moderationStatusSchema.parse(status)),
  );
}

export async function bulkApproveAction(documentId: string, minScore: number, type: string | null) {
  return run(documentId, async () =>
    bulkApprove(
      await currentViewer(),
      documentId,
      z.number().min(0).max(1).parse(minScore),
      type ? factType.parse(type) : null,
    ),
  );
}

export async function editQuestionAction(documentId: string, questionId: string, input: unknown) {
  return run(documentId, async () => {
    await editQuestion(await currentViewer(), documentId, questionId, fields.parse(input), new Date());
  });
}

export async function authorQuestionAction(documentId: string, input: unknown) {
  return run(documentId, async () => {
    const parsed = fields.extend({ factType }).parse(input);
    await authorQuestion(await currentViewer(), documentId, parsed, new Date());
  });
}
