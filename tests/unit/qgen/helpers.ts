import fs from "node:fs";
import path from "node:path";
import { parseDocumentFile } from "@/lib/text/document-file";
import { auditBank, generateBank, type Bank, type Question, type SourceDocument } from "@/lib/qgen";
import { normalizeForMatch } from "@/lib/text/normalize";

export const ROOT = path.resolve(__dirname, "../../..");

export function loadFolder(dir: string): SourceDocument[] {
  const abs = path.join(ROOT, dir);
  return fs
    .readdirSync(abs)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => {
      const parsed = parseDocumentFile(f, fs.readFileSync(path.join(abs, f)));
      return { id: f, title: parsed.title, path: path.join(dir, f), text: parsed.text, sha256: parsed.sha256 };
    });
}

export function doc(id: string, text: string): SourceDocument {
  return { id, title: id, path: `${id}.txt`, text };
}

export function bankOf(texts: string[], seed = 1): Bank {
  return generateBank(
    texts.map((t, i) => doc(`d${i}`, t)),
    { seed },
  );
}

/** Questions whose answer is (or contains) the given value, true/false excluded. */
export function asking(bank: Bank, value: string): Question[] {
  const v = normalizeForMatch(value);
  return bank.questions.filter((q) => q.type !== "true_false" && normalizeForMatch(q.answer).includes(v));
}

/** Sanity checks beyond auditBank: the things a reader would notice at once. */
export function sanityProblems(bank: Bank, docs: SourceDocument[]): string[] {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const problems = auditBank(bank, texts).map((d) => `${d.code}: ${d.message}`);
  for (const q of bank.questions) {
    if (q.score < 0 || q.score > 1) problems.push(`score out of range: ${q.id}`);
    if (q.type === "cloze" && q.prompt.split("_____").length !== 2)
      problems.push(`cloze needs exactly one blank: ${q.prompt}`);
    if (q.type === "flashcard" && !q.prompt.includes("_____") && !q.prompt.endsWith("?"))
      problems.push(`flashcard front is neither a question nor a cloze: ${q.prompt}`);
    if (q.source.sentence.split(/\s+/).length > 60) problems.push(`overlong source sentence: ${q.id}`);
  }
  return problems;
}
