import { normalizeForMatch, sha256Hex } from "../text/normalize";
import { readDocument } from "./read-document";
import type { Annotated } from "./annotate";
import { findAnaphor, namedSubject, subjectFix, type SubjectFix } from "./anaphora";
import { definiteFix, findDefiniteSubject, needsName, resolveDefinite } from "./definite";
import {
  ANAPHORIC_HEADS,
  findBareDefinites,
  findBareTitles,
  findFirstNames,
  datedMention,
  resolveBareDefinite,
} from "./naming";
import { BANK_VERSION, type Bank, type Question } from "./bank";
import { FACT_TYPES } from "../domain/enums";
import { findConflicts } from "./conflicts";
import { fnv1a } from "./random";
import { NearDuplicateIndex } from "./dedup";
import { buildPool, type DistractorPool } from "./distractors";
import { candidateSpans, resolveSpans, toFact, type Fact, type SentenceInfo } from "./facts";
import { containsWord, hasVerb, quickSentenceProblem, scoreSpan } from "./quality";
import { buildQuestions } from "./questions";
import { documentSubject, namesSubject, oneFlashcardPerSentence, type DocumentSubject } from "./variants";
import { tidyPrompt } from "./tidy";
import { documentTopic, leadFor, oneStatement, withLead } from "./context";
import { withoutAcronym } from "./span";
import { attributedSpeaker, leadToSkip, notStatement, sliceAnnotated, unnamedSpeaker } from "./statements";

export type SourceDocument = {
  id: string;
  title: string;
  path: string;
  text: string;
  sha256?: string;
  /**
   * Documents that share a group (a deck, an upload, an owner's topic) lend
   * each other distractors. Without one, a document's distractors come from
   * itself, `distractorDocuments`, same-kind lists and perturbed numbers only.
   */
  group?: string;
};

export type GenerateOptions = {
  /** Drives multiple-choice order, distractor choice and true/false statements. */
  seed?: number;
  /** Most fact spans asked about per sentence (each yields up to four questions); default 4, fewer in short sentences. */
  maxPerSentence?: number;
  /** Lowest score kept. */
  minScore?: number;
  /**
   * Documents read only for distractor values, never asked about: the rest of
   * the deck or upload, or the owner's related documents. One with a `group`
   * serves only documents of that group; one without serves every document.
   */
  distractorDocuments?: SourceDocument[];
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
  const maxPerSentence = opts.maxPerSentence ?? 8;
  const minScore = opts.minScore ?? 0.4;
  const sentences = readSentences(docs, opts.onWarning);
  const people = resolveSpans(sentences);

  // How many sentences of its document mention each value: the topic itself makes a poor answer.
  // Counted per document, so a corpus of unrelated texts does not make "United States" a topic.
  const mentions = new Map<string, number>();
  const sentencesIn = new Map<string, number>();
  const perSentence = sentences.map((s) => s.spans.map((span) => toFact(s, span, 0)));
  for (const [i, facts] of perSentence.entries()) {
    const doc = sentences[i]!.documentId;
    sentencesIn.set(doc, (sentencesIn.get(doc) ?? 0) + 1);
    for (const k of new Set(facts.map((f) => f.valueKey)))
      mentions.set(`${doc}\u0000${k}`, (mentions.get(`${doc}\u0000${k}`) ?? 0) + 1);
  }

  // The document's own subject ("Everest" in an article on Mount Everest) shows up in sentences
  // where it is not a span too: count every sentence of the document that names it.
  const byDocument = new Map<string, string[]>();
  for (const s of sentences) {
    const list = byDocument.get(s.documentId);
    if (list) list.push(s.text.toLowerCase());
    else byDocument.set(s.documentId, [s.text.toLowerCase()]);
  }
  const shares = new Map<string, number>();
  const topicShare = (f: Fact): number => {
    if (f.factType !== "place" && f.factType !== "organization" && f.factType !== "term") return 0;
    const key = `${f.sentence.documentId}\u0000${f.span.text.toLowerCase()}`;
    let share = shares.get(key);
    if (share === undefined) {
      const texts = byDocument.get(f.sentence.documentId) ?? [];
      // "the United States" in a text that mostly says "U.S.": a country counts under its short forms too.
      const names = [f.span.text.toLowerCase(), ...(SHORT_FORMS[f.span.text.toLowerCase()] ?? [])];
      const n = texts.filter((t) => names.some((name) => containsWord(t, name))).length;
      // Named in the document's opening heading ("1930 FIFA World Cup", "Treaty of Versailles"): its subject.
      const title = f.sentence.title?.toLowerCase();
      const inTitle = !!title && /\s/.test(f.span.text) && containsWord(title, f.span.text.toLowerCase());
      share = n >= 4 || (inTitle && n >= 2) ? n / texts.length : 0;
      // "Mount Everest", which the text goes on calling "Everest": a titled place counted by its name.
      const titled = /^(?:Mount|Mt\.|Lake|Cape|River|Gulf of|Port)\s+(\p{Lu}\p{L}+)$/u.exec(f.span.text);
      if (titled) {
        const m = texts.filter((t) => containsWord(t, titled[1]!.toLowerCase())).length;
        if (m >= 5) share = Math.max(share, m / texts.length);
      }
      shares.set(key, share);
    }
    return share;
  };

  const all: Fact[] = [];
  let lastPerson: { doc: string; name: string } | undefined;
  // What a following "it" refers to: the last sentence's named subject, carried along a chain of "it"s.
  let thing: { doc: string; name: string } | undefined;
  for (const [i, s] of sentences.entries()) {
    if (lastPerson?.doc === s.documentId) s.referent = lastPerson.name;
    thing = resolveSubject(s, thing?.doc === s.documentId ? thing.name : undefined);
    // "This article, Article 231, later became …": the appositive is the name, the demonstrative a leftover.
    if (!s.fix) s.fix = appositiveName(s) ?? undefined;
    const anaphor = s.fix ? null : findAnaphor(s.annotated);
    const definite = s.fix ? null : findDefiniteSubject(s.annotated);
    if (definite) {
      // "The document was signed …", "These agreements constitute …": name which one.
      const referent = resolveDefinite(definite, earlierSentences(s), s.title);
      if (referent && referent.toLowerCase() !== s.text.slice(definite.start, definite.end).toLowerCase()) {
        s.fix = definiteFix(definite, referent);
        if (!definite.plural) thing = { doc: s.documentId, name: referent };
      }
    }
    // Nothing names it: the sentence before, shown with the prompt, does; without one the note scores low.
    if (!s.fix && (anaphor || (definite && needsName(definite)))) {
      const previous = s.docSentences[s.docIndex - 1];
      if (previous && usableContext(previous)) {
        s.fix = { start: 0, end: 0, text: tidyPrompt(previous.text) + " ", context: true };
        thing = undefined;
      } else s.unnamed = true;
    }
    const named = s.fix ? undefined : namedSubject(s.annotated);
    if (named && !findAnaphor(s.annotated)) thing = { doc: s.documentId, name: named };
    else if (!s.fix) thing = undefined;
    // "I am proud to join …": no prompt made from it says who is speaking.
    let speaker = unnamedSpeaker(s.annotated);
    if (speaker && !s.fix) {
      // The sentence before or after attributes the quotation: say who is speaking.
      const near = [s.docIndex - 1, s.docIndex + 1, s.docIndex - 2].map((k) => s.docSentences[k]?.text);
      const name = attributedSpeaker(near);
      if (name) {
        s.fix = { start: 0, end: 0, text: `${name} said: `, context: true };
        speaker = false;
      }
    }
    if (speaker) s.unnamed = true;
    nameDefinites(s);
    placeSentence(s);
    for (const f of perSentence[i]!) {
      const count = mentions.get(`${s.documentId}\u0000${f.valueKey}`) ?? 0;
      const score = scoreSpan(
        s.annotated,
        f.span,
        f.factType,
        Math.max(count >= 4 ? count / sentencesIn.get(s.documentId)! : 0, topicShare(f)),
        s.fix !== undefined && !speaker,
        s.unnamed,
      );
      if (score !== null) all.push({ ...f, score: s.vague ? Math.max(0, round(score - VAGUE_COST)) : score });
      if (f.factType === "person") lastPerson = { doc: s.documentId, name: people.get(f.span.text) ?? f.span.text };
    }
  }

  const pools = distractorPools(docs, all, people, opts.distractorDocuments ?? []);
  const questions: Question[] = [];
  const bySentence = new Map<SentenceInfo, Fact[]>();
  const emits = (documentId: string) => !opts.only || opts.only.includes(documentId);
  for (const f of all) {
    if (f.sentence.nearDuplicate || !emits(f.sentence.documentId)) continue;
    const list = bySentence.get(f.sentence);
    if (list) list.push(f);
    else bySentence.set(f.sentence, [f]);
  }
  // The document's own subject (its title's names, the name it repeats most) is no blank for a choice or a card.
  const subjects = new Map<string, DocumentSubject>();
  const subjectOf = (s: SentenceInfo): DocumentSubject => {
    let subject = subjects.get(s.documentId);
    if (!subject) {
      const title = docs.find((d) => d.id === s.documentId)?.title;
      subject = documentSubject(
        [title, s.title],
        all.filter((f) => f.sentence.documentId === s.documentId),
      );
      subjects.set(s.documentId, subject);
    }
    return subject;
  };
  for (const facts of bySentence.values()) {
    const best = facts
      .filter((f) => f.score >= minScore)
      .sort((x, y) => y.score - x.score || x.span.start - y.span.start)
      // About one note per five words, more where the sentence is dense with strong facts.
      .slice(0, notesPerSentence(facts, maxPerSentence))
      .sort((x, y) => x.span.start - y.span.start);
    let trueTaken = false;
    const made: Question[] = [];
    for (const f of best) {
      // A blank on the document's own subject (its title's name or year) is guessed without reading.
      if (/^\d{4}$/.test(f.span.text) && namesSubject(f.span.text, subjectOf(f.sentence))) continue;
      const qs: Question[] = buildQuestions(
        f,
        pools(f.sentence.documentId),
        seed,
        trueTaken,
        subjectOf(f.sentence),
      ).map((q) =>
        q.type === "true_false"
          ? judgedAlone(q, f)
          : { ...q, prompt: withLead(q.prompt, f.span.text, f.sentence.lead) },
      );
      trueTaken ||= qs.some((q) => q.type === "true_false" && q.statementIsTrue);
      made.push(...qs);
    }
    // One statement per sentence: a true and a false copy, or two false ones, give each other away.
    // The seed picks a true one about one sentence in four, else a false one where there is one.
    const statements = made.filter((q) => q.type === "true_false");
    const preferTrue = (fnv1a(`${seed}|tf|${facts[0]!.sentence.hash}`) & 3) === 0;
    let kept = statements.find((q) => q.type === "true_false" && q.statementIsTrue === preferTrue) ?? statements[0];
    // A true statement that names only places and common phrases ("The United States has signed an historic
    // trade deal with Japan") restates the gist: any student says true. It needs a checkable detail.
    // A short one ("“This is what strategic trade looks like,” said Secretary Lutnick.") gives nothing to check.
    if (
      kept?.type === "true_false" &&
      kept.statementIsTrue &&
      (!best.some(checkable) || wordCount(facts[0]!.sentence) < 12)
    )
      kept = statements.find((q) => q.type === "true_false" && !q.statementIsTrue);
    questions.push(...oneFlashcardPerSentence(made.filter((q) => q.type !== "true_false" || q === kept)));
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

/**
 * Makes a sentence led by "it"/"its" or "he"/"she" self-contained where the
 * referent is clear: the previous sentence's named subject (carried along
 * a chain of "it"s), or the person the text was last talking about.
 */
/**
 * "entered the tournament", "said the Prime Minister": definite phrases past the subject, named from the
 * document where it says which one; one that points back and stays unnamed marks the sentence vague.
 */
function nameDefinites(s: SentenceInfo): void {
  const earlier = earlierSentences(s);
  const names = findBareTitles(s.annotated, earlier);
  const clear = (start: number, end: number) =>
    !(s.fix && !s.fix.context && start < s.fix.end && end > s.fix.start) &&
    !names.some((n) => start < n.end && end > n.start);
  for (const d of findBareDefinites(s.annotated)) {
    if (!clear(d.start, d.end)) continue;
    const name = resolveBareDefinite(d, s.annotated, earlier, s.title) ?? datedMention(d, earlier);
    if (name) {
      const text = d.start === 0 ? name.charAt(0).toUpperCase() + name.slice(1) : name;
      names.push({ start: d.start, end: d.end, text });
    } else if (ANAPHORIC_HEADS.test(d.head) && !s.fix?.context) {
      s.vague = true;
      if (process.env.QGEN_DEBUG) console.error("VAGUE", d.words.join(" "), "|", s.text.slice(0, 100));
    }
  }
  if (names.length > 0) s.names = names.sort((x, y) => x.start - y.start);
}

/**
 * A first name alone ("Katherine") takes the full name the document gave, a quotation whose speaker is named into the
 * prompt keeps its quotation marks, and the sentence takes the document's label as a lead: a heading's label always,
 * a label guessed from the lead sentence only where the sentence cannot be placed alone.
 */
function placeSentence(s: SentenceInfo): void {
  const earlier = earlierSentences(s);
  const taken = [...(s.fix ? [s.fix] : []), ...(s.names ?? [])];
  const free = (start: number, end: number) => !taken.some((n) => start < n.end && end > n.start);
  const first = findFirstNames(s.annotated, earlier).filter((n) => free(n.start, n.end));
  const added: SubjectFix[] = [...first];
  // "Secretary Burgum said: “I am proud …": the quotation opens in the sentence and closes after it.
  const speakerNamed = namesSpeaker(s.fix);
  if (speakerNamed && unclosedQuote(s.text))
    added.push({ start: s.text.length, end: s.text.length, text: s.text.startsWith("“") ? "”" : '"' });
  if (added.length > 0) s.names = [...(s.names ?? []), ...added].sort((x, y) => x.start - y.start);
  if (s.fix?.context && !speakerNamed) return;
  // The label says what a phrase pointing back belongs to. Every prompt carries it (unless it names the topic or
  // the answer): a question is read alone, in a study session or a game, long after the document.
  const placing = leadFor(s.annotated, [...(s.fix ? [s.fix] : []), ...(s.names ?? [])], s.topic);
  if (placing) s.vague = false;
  s.lead = s.topic?.heading ? `${s.topic.label}: ` : placing;
}

/**
 * A statement to judge is one sentence. The sentence shown before a statement whose own subject is a name or a
 * definite phrase gives way to the document's label (or to nothing), and a statement the source ran together with a
 * quotation keeps the sentence that holds the fact.
 */
function judgedAlone(q: Question, f: Fact): Question {
  const s = f.sentence;
  let prompt = oneStatement(q.prompt, s.text, f.span.start) ?? q.prompt;
  let lead = s.lead;
  const context = s.fix?.context && !namesSpeaker(s.fix) ? s.fix.text.trim() : undefined;
  if (context && prompt.startsWith(context) && !findAnaphor(s.annotated)) {
    prompt = prompt.slice(context.length).trim();
    lead = leadFor(s.annotated, [], s.topic);
  }
  return { ...q, prompt: withLead(prompt, f.span.text, lead) };
}

// "Secretary Burgum said: “…": the context put before the sentence names the quotation's speaker.
const namesSpeaker = (fix: SubjectFix | undefined) => !!fix?.context && fix.text.endsWith(" said: ");

// "“I am proud … industry.": a quotation that opens the sentence and runs on past it.
const unclosedQuote = (text: string) =>
  text.startsWith("“") ? !text.includes("”") : text.startsWith('"') && !text.slice(1).includes('"');

/**
 * "This article, Article 231, later became …" → "Article 231 of the Treaty of Versailles later became …": the
 * appositive names the thing; a part of a document ("article", "clause") also says whose, where the document does.
 */
function appositiveName(s: SentenceInfo): SubjectFix | null {
  const m =
    /^(?:This|That|The) (\p{Ll}+), ((?:\p{Lu}[\p{L}.-]*|\d+[A-Za-z]?)(?: (?:\p{Lu}[\p{L}.-]*|\d+[A-Za-z]?|of|the))*), /u.exec(
      s.text,
    );
  if (!m || !/\d|\s/.test(m[2]!)) return null;
  let text = m[2]!;
  if (/^(?:article|clause|section|chapter|provision|paragraph)$/.test(m[1]!) && !/\bof\b/.test(text)) {
    const whole = resolveBareDefinite(
      { start: 0, end: 0, head: "treaty", words: ["treaty"] },
      s.annotated,
      earlierSentences(s),
      s.title,
    );
    if (whole && /\p{Lu}/u.test(whole)) text += ` of ${whole}`;
  }
  return { start: 0, end: m[0].length, text: `${text} ` };
}

/** The lead of the document and the sentences just before this one: where a referent is named. */
function earlierSentences(s: SentenceInfo): Annotated[] {
  const lead = s.docSentences.slice(0, Math.min(3, s.docIndex));
  return [...lead, ...s.docSentences.slice(Math.max(lead.length, s.docIndex - 20), s.docIndex)];
}

// A short statement of its own: not a heading, not a long passage that would bury the question.
function usableContext(a: Annotated): boolean {
  const words = a.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
  return words >= 6 && words <= 40 && /[.!]["”’]?\s*$/.test(a.text) && !/\?\s*$/.test(a.text);
}

function resolveSubject(s: SentenceInfo, thing: string | undefined): { doc: string; name: string } | undefined {
  const anaphor = findAnaphor(s.annotated);
  if (!anaphor) return undefined;
  const referent = anaphor.kind === "person" ? s.referent : anaphor.kind === "thing" ? thing : undefined;
  if (!referent) return undefined;
  s.fix = subjectFix(s.annotated, anaphor, referent);
  return anaphor.kind === "thing" ? { doc: s.documentId, name: referent } : undefined;
}

/**
 * The distractor pools of each document, in order of preference: its own
 * values, then those of documents in its group, then the extra related
 * documents. An unrelated document never lends a value.
 */
function distractorPools(
  docs: SourceDocument[],
  facts: Fact[],
  people: Map<string, string>,
  extra: SourceDocument[],
): (documentId: string) => DistractorPool[] {
  // Distractor people by full name, so "Suga" and "Yoshihide Suga" never both appear.
  const value = (f: Fact) => ({
    factType: f.factType,
    text: f.factType === "person" ? (people.get(f.span.text) ?? f.span.text) : withoutAcronym(f.span.text),
  });
  const byDoc = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byDoc.get(f.sentence.documentId);
    if (list) list.push(f);
    else byDoc.set(f.sentence.documentId, [f]);
  }
  const groupOf = new Map(docs.map((d) => [d.id, d.group]));
  const own = new Map<string, DistractorPool>();
  const grouped = new Map<string, DistractorPool>();
  let extraPools: { all: DistractorPool; byGroup: Map<string, DistractorPool> } | undefined;
  const extraFor = (group: string | undefined): DistractorPool | undefined => {
    if (extra.length === 0) return undefined;
    if (!extraPools) {
      const sentences = readSentences(extra);
      const extraPeople = resolveSpans(sentences);
      const facts = sentences.flatMap((s) => s.spans.map((span) => toFact(s, span, 0)));
      const valueOf = (f: Fact) => ({
        factType: f.factType,
        text: f.factType === "person" ? (extraPeople.get(f.span.text) ?? f.span.text) : withoutAcronym(f.span.text),
      });
      const docGroup = new Map(extra.map((d) => [d.id, d.group]));
      const byGroup = new Map<string, DistractorPool>();
      for (const g of new Set(extra.map((d) => d.group).filter((g): g is string => !!g)))
        byGroup.set(g, buildPool(facts.filter((f) => docGroup.get(f.sentence.documentId) === g).map(valueOf)));
      extraPools = {
        all: buildPool(facts.filter((f) => !docGroup.get(f.sentence.documentId)).map(valueOf)),
        byGroup,
      };
    }
    const pools = [extraPools.all];
    if (group && extraPools.byGroup.has(group)) pools.unshift(extraPools.byGroup.get(group)!);
    return mergePools(pools);
  };
  return (documentId) => {
    let mine = own.get(documentId);
    if (!mine) own.set(documentId, (mine = buildPool((byDoc.get(documentId) ?? []).map(value))));
    const out = [mine];
    const group = groupOf.get(documentId);
    if (group) {
      let g = grouped.get(group);
      if (!g) {
        // The whole group, own document included: its values come first anyway and repeats are skipped.
        const members = docs.filter((d) => d.group === group).map((d) => d.id);
        g = buildPool(members.flatMap((id) => byDoc.get(id) ?? []).map(value));
        grouped.set(group, g);
      }
      out.push(g);
    }
    const x = extraFor(group);
    if (x) out.push(x);
    return out;
  };
}

function mergePools(pools: DistractorPool[]): DistractorPool {
  if (pools.length === 1) return pools[0]!;
  const out: DistractorPool = new Map();
  for (const p of pools) for (const [k, v] of p) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
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

function notesPerSentence(facts: Fact[], max: number): number {
  const byLength = Math.ceil(wordCount(facts[0]!.sentence) / 4);
  const strong = facts.filter((f) => f.score >= STRONG_SCORE).length;
  return Math.min(max, Math.max(1, byLength, strong));
}
const STRONG_SCORE = 0.75;
/** Short forms a text uses for a country or union it names in full (matched on lower-cased text). */
const SHORT_FORMS: Record<string, string[]> = {
  // Not "America" for the United States: "South America" would count.
  "united states": ["u.s."],
  america: ["u.s.", "united states"],
  "united kingdom": ["u.k.", "britain", "british"],
  "european union": ["eu"],
};
// Facts a true statement can be checked on: a figure, a date or a person, which a student who did not read cannot
// tell from a changed one. An organisation or a term ("Congress has an interest in …") reads as true unread.
const CHECKABLE = new Set<Fact["factType"]>(
  FACT_TYPES.filter((t) => t !== "place" && t !== "term" && t !== "organization"),
);
const checkable = (f: Fact) => CHECKABLE.has(f.factType);
/** "to attend the event": a phrase that points back at something the document never names. */
const VAGUE_COST = 0.3;
const round = (x: number) => Math.round(x * 1000) / 1000;

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
    const firstOfDoc = out.length;
    let title: string | undefined;
    // Every statement of the document, long ones included: the context that names a later subject.
    const docSentences: Annotated[] = [];
    for (const read of readDocument(doc.text)) {
      const skip = leadToSkip(read.text);
      const s =
        skip > 0
          ? {
              ...read,
              start: read.start + skip,
              text: read.text.slice(skip),
              annotated: sliceAnnotated(read.annotated, skip),
            }
          : read;
      if (notStatement(s.text)) continue;
      const problem = quickSentenceProblem(s.text);
      if (problem === "not_english") foreign++;
      // The heading the document opens with names its subject.
      const headingLike = problem === "heading" || (problem === "fragment" && !/[.!?,;]\s*$/.test(s.text));
      if (headingLike && kept === 0 && title === undefined && /^[\p{Lu}\p{N}“"]/u.test(s.text)) title = s.text.trim();
      if (problem === null || problem === "too_long") docSentences.push(s.annotated);
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
        title,
        docSentences,
        docIndex: docSentences.length - 1,
      });
    }
    // The document's label, for the prompts of its sentences (see placeSentence).
    if (out.length > firstOfDoc) {
      // Without a heading that names a topic, the lead sentence's named subject may be.
      const lead = namedSubject(out[firstOfDoc]!.annotated);
      const topic = documentTopic(
        title,
        doc.text,
        docSentences.map((a) => a.text),
        lead,
      );
      for (const s of out.slice(firstOfDoc)) s.topic = topic;
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
