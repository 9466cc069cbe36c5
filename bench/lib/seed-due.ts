import { seededRandom } from "../../lib/random";
import { cardWriter } from "./seed-cards";
import { sqlDate, type SqliteDb } from "./sqlite";

export type DueSeedOptions = {
  /** Cards (and so questions) of the learner under test. */
  mainCards: number;
  otherLearners: number;
  cardsPerOtherLearner: number;
  /** Review logs across every learner. */
  totalLogs: number;
  questionsPerDocument: number;
  now: Date;
  seed: number;
};

export type DueSeedResult = {
  mainLearnerId: string;
  documents: number;
  questions: number;
  cards: number;
  logs: number;
};

const TYPES = ["flashcard", "multiple_choice", "true_false", "cloze"] as const;
const MAIN_LEARNER = "bench-learner-main";

/**
 * Bulk-loads a study history with prepared statements in a few large
 * transactions. Rows look like the app's own: ids, ISO dates as the adapter
 * stores them, JSON snapshots of the previous card.
 */
export function seedDueHistory(db: SqliteDb, opts: DueSeedOptions): DueSeedResult {
  const random = seededRandom(opts.seed);
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const stamp = sqlDate(opts.now);

  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");

  const documents = Math.ceil(opts.mainCards / opts.questionsPerDocument);
  const insertDoc = db.prepare(
    `INSERT INTO "Document" (id, title, fileName, text, sha256, importedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = db.prepare(
    `INSERT INTO "Question" (id, documentId, type, prompt, answer, choices, statementIsTrue, factType, sentenceIndex,
       sentenceStart, sentenceEnd, sentence, score, status, origin, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'generated', ?, ?)`,
  );
  db.transaction(() => {
    for (let d = 0; d < documents; d++) {
      insertDoc.run(`bench-doc-${d}`, `Bench document ${d}`, `bench-${d}.md`, "Bench text.", `sha-${d}`, stamp, stamp);
    }
    for (let q = 0; q < opts.mainCards; q++) {
      const type = TYPES[q % TYPES.length]!;
      const sentence = `In ${1900 + (q % 120)}, the committee number ${q} met in Lisbon to sign the agreement.`;
      const choices = type === "multiple_choice" ? JSON.stringify(["1901", "1902", "1903", "1904"]) : null;
      // A few questions are retired: their cards stay but leave the deck.
      const status = q % 50 === 49 ? "retired" : "published";
      insertQuestion.run(
        `bench-q-${q}`,
        `bench-doc-${Math.floor(q / opts.questionsPerDocument)}`,
        type,
        `In ____, the committee number ${q} met in Lisbon.`,
        String(1900 + (q % 120)),
        choices,
        type === "true_false" ? (q % 2 === 0 ? 1 : 0) : null,
        "year",
        q % opts.questionsPerDocument,
        0,
        sentence.length,
        sentence,
        between(0.4, 1),
        status,
        stamp,
        stamp,
      );
    }
  })();

  const learners = [MAIN_LEARNER, ...Array.from({ length: opts.otherLearners }, (_, i) => `bench-learner-${i}`)];
  const insertLearner = db.prepare(`INSERT INTO "Learner" (id, createdAt, lastSeenAt) VALUES (?, ?, ?)`);
  db.transaction(() => learners.forEach((id) => insertLearner.run(id, stamp, stamp)))();

  // Log counts: the main learner's cards get 1-5 answers each; the other learners share what is left of totalLogs.
  if (opts.mainCards % 7 === 0) throw new Error("mainCards must not be a multiple of 7 (see the stride below).");
  const mainReps = Array.from({ length: opts.mainCards }, () => 1 + Math.floor(random() * 5));
  const mainLogs = mainReps.reduce((a, b) => a + b, 0);
  const otherCards = opts.otherLearners * opts.cardsPerOtherLearner;
  const otherLogs = Math.max(otherCards, opts.totalLogs - mainLogs);

  const addCard = cardWriter(db, random, opts.now);

  db.transaction(() => {
    for (let q = 0; q < opts.mainCards; q++) addCard(MAIN_LEARNER, q, mainReps[q]!);
  })();
  // Other learners: a stride of 7 visits distinct questions as long as mainCards is not a multiple of 7.
  const base = Math.floor(otherLogs / otherCards);
  let extra = otherLogs - base * otherCards;
  for (let l = 1; l < learners.length; l++) {
    db.transaction(() => {
      const start = Math.floor(random() * opts.mainCards);
      for (let j = 0; j < opts.cardsPerOtherLearner; j++) {
        const reps = base + (extra > 0 ? 1 : 0);
        if (extra > 0) extra--;
        addCard(learners[l]!, (start + j * 7) % opts.mainCards, reps);
      }
    })();
  }

  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = FULL");
  return {
    mainLearnerId: MAIN_LEARNER,
    documents,
    questions: opts.mainCards,
    cards: opts.mainCards + otherCards,
    logs: mainLogs + otherLogs,
  };
}
