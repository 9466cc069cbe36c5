// Generating one document's questions from its pool: pure, no database.
// question-bank.ts runs it inside the document's worker job (document-job.ts).
import { generateBank, type Conflict, type Question, type SourceDocument } from "../../qgen";

export type GenerateJob = {
  /** The document's pool in a stable order, the target among them (texts already cut to the sentence cap). */
  docs: SourceDocument[];
  target: string;
  seed: number;
  maxQuestions: number;
  /** Makes the job use memory until its limit stops it: the real failure path, for tests. */
  exhaustMemory?: boolean;
};

export type GenerateResult = { questions: Question[]; conflicts: Conflict[]; warnings: string[]; capped: boolean };

export function generateQuestions(job: GenerateJob): GenerateResult {
  if (job.exhaustMemory) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1_000_000).fill(hog.length));
  }
  const warnings: string[] = [];
  // The pool is one group: its documents lend each other distractor values.
  const docs = job.docs.map((d) => ({ ...d, group: d.group ?? "pool" }));
  const bank = generateBank(docs, {
    seed: job.seed,
    only: [job.target],
    onWarning: (w) => warnings.push(w.message),
  });
  // Cap by whole notes, in reading order, so no fact loses some of its variants.
  const questions: Question[] = [];
  let capped = false;
  for (const q of bank.questions) {
    const last = questions.at(-1);
    if (questions.length >= job.maxQuestions && (!last || !q.noteId || q.noteId !== last.noteId)) {
      capped = true;
      break;
    }
    questions.push(q);
  }
  return { questions, conflicts: bank.conflicts, warnings, capped };
}
