import { z } from "zod";
import { factTypeSchema, type FactType } from "../domain/enums";

export { QUESTION_TYPES } from "../domain/enums";
export type { FactType };

/** Quarry's question-bank format: what the generator writes and the importer reads. */
export const BANK_VERSION = 1;

export const bankDocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  path: z.string(),
  sha256: z.string(),
  /** The document's text, when an export carries it so that sources can be shown again. */
  text: z.string().optional(),
});

export const questionSourceSchema = z.object({
  documentId: z.string().min(1),
  sentence: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const questionBase = {
  id: z.string().min(1),
  /** The fact (sentence and answer span) this question tests; its variants share it. Absent in older files. */
  noteId: z.string().min(1).optional(),
  prompt: z.string().min(1),
  answer: z.string().min(1),
  factType: factTypeSchema,
  source: questionSourceSchema,
  score: z.number().min(0).max(1),
  /** Optional in version 1: older files have neither. */
  tags: z.array(z.string().min(1)).max(20).optional(),
  /** Shown after answering (e.g. Anki's Back Extra, GIFT feedback). */
  explanation: z.string().min(1).optional(),
  /** Numerical answers: a typed number this close to the answer is right. */
  tolerance: z.number().positive().optional(),
};

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("cloze") }),
  z.object({ ...questionBase, type: z.literal("flashcard") }),
  z.object({
    ...questionBase,
    type: z.literal("multiple_choice"),
    choices: z.array(z.string().min(1)).min(2).max(6),
  }),
  z.object({
    ...questionBase,
    type: z.literal("true_false"),
    answer: z.enum(["true", "false"]),
    statementIsTrue: z.boolean(),
  }),
]);

export const conflictSchema = z.object({
  factType: factTypeSchema,
  values: z.array(z.string()).min(2),
  sources: z.array(z.object({ documentId: z.string(), sentence: z.string() })).min(2),
});

export const bankSchema = z.object({
  version: z.literal(BANK_VERSION),
  documents: z.array(bankDocumentSchema),
  questions: z.array(questionSchema),
  conflicts: z.array(conflictSchema),
});

export type BankDocument = z.infer<typeof bankDocumentSchema>;
export type QuestionSource = z.infer<typeof questionSourceSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type Bank = z.infer<typeof bankSchema>;

/**
 * A bank as Quarry exports and imports it: the same version-1 format, except
 * that a question imported from another tool (a GIFT or Anki deck) has no
 * source sentence, so `source` may be absent. The generator always writes it.
 */
const portable = { ...questionBase, source: questionSourceSchema.optional() };
export const portableQuestionSchema = z.discriminatedUnion("type", [
  z.object({ ...portable, type: z.literal("cloze") }),
  z.object({ ...portable, type: z.literal("flashcard") }),
  z.object({ ...portable, type: z.literal("multiple_choice"), choices: questionSchema.options[2].shape.choices }),
  z.object({
    ...portable,
    type: z.literal("true_false"),
    answer: z.enum(["true", "false"]),
    statementIsTrue: z.boolean(),
  }),
]);
export const portableBankSchema = bankSchema.extend({ questions: z.array(portableQuestionSchema) });
export type PortableQuestion = z.infer<typeof portableQuestionSchema>;
export type PortableBank = z.infer<typeof portableBankSchema>;
