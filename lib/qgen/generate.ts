import { normalizeForMatch, sha256Hex } from "../text/normalize";
import { readDocument } from "./read-document";
import { BANK_VERSION, type Bank, type Question } from "./bank";
import { findConflicts } from "./conflicts";
import { NearDuplicateIndex } from "./dedup";
import { buildPool } from "./distractors";
import { candidateSpans, resolveSpans, toFact, type Fact, type SentenceInfo } from "./facts";
import { hasVerb, quickSentenceProblem, scoreSpan } from "./quality";
import { buildQuestions } from "./questions";

export type SourceDocument = { id: string; title: string; path: string; text: string; sha256?: string };

export type GenerateOptions = {
  /** Drives multiple-choice order, distractor choice and true/false statements. */
  seed?: number;
  /** Most fact spans asked about per sentence (each yields up to four questions); default 4, fewer in short sentences. */
  maxPerSentence?: number;
  /** Lowest score kept. */
  minScore?: number;
  /**
   * Ids of the documents to write questions for. The other documents are context only: their
   * values feed distractors and their sentences conflicts and repeats. Default: every document.
   */
  only?: readonly string[];
  /** Receives notes on documents that gave no questions (e.g. not English). */
  onWarning?: (warning: GenerateWarning) => void;
};

export type GenerateWarning = { documentId: string; code: "no_sentences" | "not_english"; message: string };

/** Builds a question bank from documents. Pure and deterministic: same documents and seed, same bank. */
export function generateBank(docs: SourceDocument[], opts: GenerateOptions = {}): Bank {
  const seed = opts.seed ?? 1;
  const maxPerSentence = opts.maxPerSentence ?? 4;
  const minScore = opts.minScore ?? 0.4;
  const sentences = readSentences(docs, opts.onWarning);
  const people = resolveSpans(sentences);

  // How many sentences mention each value: the topic itself makes a poor answer.
  const mentions = new Map<string, number>();
  const perSentence = sentences.map((s) => s.spans.map((span) => toFact(s, span, 0)));
  for (const facts of perSentence)
    for (const k of new Set(facts.map((f) => f.valueKey))) mentions.set(k, (mentions.get(k) ?? 0) + 1);

  const all: Fact[] = [];
  let lastPerson: { doc: string; name: string } | undefined;
  for (const [i, s] of sentences.entries()) {
    if (lastPerson?.doc === s.documentId) s.referent = lastPerson.name;
    for (const f of perSentence[i]!) {
      const count = mentions.get(f.valueKey) ?? 0;
      const score = scoreSpan(s.annotated, f.span, f.factType, count >= 4 ? count / sentences.length : 0);
      if (score !== null) all.push({ ...f, score });
      if (f.factType === "person") lastPerson = { doc: s.documentId, name: people.get(f.span.text) ?? f.span.text };
    }
  }

  // Distractor people by full name, so "Suga" and "Yoshihide Suga" never both appear.
  const pool = buildPool(
    all.map((f) => ({
      factType: f.factType,
      text: f.factType === "person" ? (people.get(f.span.text) ?? f.span.text) : f.span.text,
    })),
  );
  const questions: Question[] = [];
  const bySentence = new Map<SentenceInfo, Fact[]>();
  const emits = (documentId: string) => !opts.only || opts.only.includes(documentId);
  for (const f of all) {
    if (f.sentence.nearDuplicate || !emits(f.sentence.documentId)) continue;
    const list = bySentence.get(f.sentence);
    if (list) list.push(f);
    else bySentence.set(f.sentence, [f]);
  }
  for (const facts of bySentence.values()) {
    const best = facts
      .filter((f) => f.score >= minScore)
      .sort((x, y) => y.score - x.score || x.span.start - y.span.start)
      // Short sentences get fewer blanks: about one per six words.
      .slice(0, Math.min(maxPerSentence, Math.max(1, Math.ceil(wordCount(facts[0]!.sentence) / 6))))
      .sort((x, y) => x.span.start - y.span.start);
    let trueTaken = false;
    for (const f of best) {
      const qs = buildQuestions(f, pool, seed, trueTaken);
      trueTaken ||= qs.some((q) => q.type === "true_false" && q.statementIsTrue);
      questions.push(...qs);
    }
  }

  return {
    version: BANK_VERSION,
    documents: docs
      .filter((d) => emits(d.id))
      .map((d) => ({ id: d.id, title: d.title, path: d.path, sha256: d.sha256 ?? sha256Hex(d.text) })),
    questions: uniqueQuestions(questions),
    conflicts: findConflicts(all).filter((c) => c.sources.some((s) => emits(s.documentId))),
  };
}

// Two sentences can still yield the same front ("What does LDP stand for?"); keep the first.
function uniqueQuestions(questions: Question[]): Question[] {
  const seen = new Set<string>();
  return questions.filter((q) => {
    // Cloze and multiple-choice prompts come from distinct sentences already.
    if (q.type === "cloze" || q.type === "multiple_choice") return true;
    const key = `${q.type}\u0000${q.prompt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function wordCount(s: SentenceInfo): number {
  return s.annotated.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
}

function readSentences(docs: SourceDocument[], onWarning?: (w: GenerateWarning) => void): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  const seen = new Set<string>();
  const near = new NearDuplicateIndex();
  for (const doc of docs) {
    let kept = 0;
    let foreign = 0;
    for (const s of readDocument(doc.text)) {
      const problem = quickSentenceProblem(s.text);
      if (problem === "not_english") foreign++;
      if (problem) continue;
      const normalized = normalizeForMatch(s.text);
      const hash = sha256Hex(normalized); // as lib/text/sentences.ts hashes a sentence
      if (seen.has(hash)) continue; // exact repeat, here or in an earlier document
      seen.add(hash);
      const annotated = s.annotated;
      if (!hasVerb(annotated)) continue;
      const words = annotated.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).map((t) => t.lower);
      const { duplicateOf } = near.add(words);
      kept++;
      out.push({
        documentId: doc.id,
        text: s.text,
        start: s.start,
        end: s.end,
        hash,
        annotated,
        nearDuplicate: duplicateOf !== null,
        spans: candidateSpans(annotated),
      });
    }
    if (kept === 0 && onWarning) {
      const code = foreign > 0 ? "not_english" : "no_sentences";
      const message =
        code === "not_english"
          ? `${doc.path || doc.title}: the text does not look like English, so no questions were made`
          : `${doc.path || doc.title}: no complete sentences to ask about`;
      onWarning({ documentId: doc.id, code, message });
    }
  }
  return out;
}
