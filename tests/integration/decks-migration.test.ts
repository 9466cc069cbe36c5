import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The decks migration converts rows that already exist: it is applied to a
 * database migrated to the migration before it and filled with documents,
 * questions, cards, reviews and assignments, as an install upgrading would be.
 */
const MIGRATIONS = path.resolve("prisma/migrations");
const DECKS = fs.readdirSync(MIGRATIONS).find((d) => d.endsWith("_decks"))!;
const earlier = fs
  .readdirSync(MIGRATIONS)
  .filter((d) => /^\d{14}_/.test(d) && d < DECKS)
  .sort();
const sqlOf = (dir: string) => fs.readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");

let dir = "";
let db: Database.Database;
const T = Date.parse("2026-03-01T10:00:00Z");

function fill() {
  const doc = db.prepare(
    `INSERT INTO "Document" (id, title, fileName, contentPath, ownerId, origin, text, sha256, importedAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 'Text.', ?, ?, ?)`,
  );
  doc.run("doc-sample-1", "Summit preview", "a.md", "a.md", null, "content", "h1", T, T);
  doc.run("doc-sample-2", "Summit analysis", "b.md", "b.md", null, "content", "h2", T + 1, T + 1);
  doc.run("doc-upload", "Teacher's PDF", "t.pdf", null, "teacher-1", "upload", "h3", T + 2, T + 2);
  doc.run("doc-import", "The Panama Canal", "canal.gift", null, "teacher-1", "import", "h4", T + 3, T + 3);
  const q = db.prepare(
    `INSERT INTO "Question" (id, documentId, type, prompt, answer, factType, sentenceIndex, sentenceStart, sentenceEnd,
       sentence, score, status, origin, createdAt, updatedAt)
     VALUES (?, ?, 'flashcard', ?, 'A', 'term', 0, 0, 5, 'Text.', 1, 'published', 'generated', ?, ?)`,
  );
  const questions = ["doc-sample-1", "doc-sample-2", "doc-upload", "doc-import"].map((d, i) => {
    q.run(`q${i}`, d, `Prompt ${i}`, T, T);
    return `q${i}`;
  });
  db.prepare(`INSERT INTO "Learner" (id, createdAt, lastSeenAt) VALUES ('learner-1', ?, ?)`).run(T, T);
  const card = db.prepare(
    `INSERT INTO "Card" (id, learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays,
       learningSteps, reps, lapses, state, createdAt, updatedAt)
     VALUES (?, 'learner-1', ?, ?, 3, 5, 0, 1, 0, 1, 0, 'review', ?, ?)`,
  );
  const log = db.prepare(
    `INSERT INTO "ReviewLog" (id, learnerId, cardId, questionId, rating, stateBefore, elapsedDays, scheduledDays,
       reviewedAt, durationMs, previousCard, createdAt)
     VALUES (?, 'learner-1', ?, ?, 'good', 'new', 0, 1, ?, 4000, '{}', ?)`,
  );
  questions.forEach((id, i) => {
    card.run(`card-${i}`, id, T, T, T);
    log.run(`review-${i}`, `card-${i}`, id, T, T);
  });
  db.prepare(
    `INSERT INTO "user" (id, name, email, role, createdAt, updatedAt) VALUES ('teacher-1', 'T', 't@x', 'teacher', ?, ?)`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO "Classroom" (id, name, teacherId, joinCode, createdAt) VALUES ('class-1', 'C', 'teacher-1', 'ABCDEF', ?)`,
  ).run(T);
  const assign = db.prepare(`INSERT INTO "Assignment" (id, classId, deckId, createdAt) VALUES (?, 'class-1', ?, ?)`);
  assign.run("as-all", "all", T);
  assign.run("as-doc", "doc-upload", T);
}

const snapshot = (table: string, cols: string) =>
  db.prepare(`SELECT ${cols} FROM "${table}" ORDER BY id`).all() as Array<Record<string, unknown>>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-migration-"));
  db = new Database(path.join(dir, "upgrade.db"));
  for (const m of earlier) db.exec(sqlOf(m));
  fill();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the decks migration on an existing database", () => {
  it("turns each document's deck and “All documents” into decks and keeps every card and review on its question", () => {
    const cardsBefore = snapshot("Card", "id, learnerId, questionId, stability, due");
    const logsBefore = snapshot("ReviewLog", "id, cardId, questionId, rating");
    expect(cardsBefore).toHaveLength(4);

    db.exec(sqlOf(DECKS));

    expect(snapshot("Card", "id, learnerId, questionId, stability, due")).toEqual(cardsBefore);
    expect(snapshot("ReviewLog", "id, cardId, questionId, rating")).toEqual(logsBefore);

    const decks = snapshot("Deck", "id, ownerId, title, visibility, kind, sourceHash");
    expect(decks).toEqual([
      {
        id: "doc-import",
        ownerId: "teacher-1",
        title: "The Panama Canal",
        visibility: "private",
        kind: "imported",
        sourceHash: "h4",
      },
      {
        id: "doc-sample-1",
        ownerId: null,
        title: "Summit preview",
        visibility: "public",
        kind: "documents",
        sourceHash: null,
      },
      {
        id: "doc-sample-2",
        ownerId: null,
        title: "Summit analysis",
        visibility: "public",
        kind: "documents",
        sourceHash: null,
      },
      {
        id: "doc-upload",
        ownerId: "teacher-1",
        title: "Teacher's PDF",
        visibility: "private",
        kind: "documents",
        sourceHash: null,
      },
      { id: "sample", ownerId: null, title: "Sample deck", visibility: "public", kind: "sample", sourceHash: null },
    ]);
    const members = db
      .prepare(`SELECT deckId, documentId, position FROM "DeckDocument" ORDER BY deckId, position`)
      .all();
    expect(members).toEqual([
      { deckId: "doc-import", documentId: "doc-import", position: 0 },
      { deckId: "doc-sample-1", documentId: "doc-sample-1", position: 0 },
      { deckId: "doc-sample-2", documentId: "doc-sample-2", position: 0 },
      { deckId: "doc-upload", documentId: "doc-upload", position: 0 },
      // The sample deck holds only the shared corpus, never a teacher's document.
      { deckId: "sample", documentId: "doc-sample-1", position: 0 },
      { deckId: "sample", documentId: "doc-sample-2", position: 1 },
    ]);
    // Each card's question is still in a deck that held it before: the same question, the same document.
    const reachable = db
      .prepare(
        `SELECT c.id AS card, q.id AS question, dd.deckId AS deck FROM "Card" c
         JOIN "Question" q ON q.id = c.questionId
         JOIN "DeckDocument" dd ON dd.documentId = q.documentId AND dd.deckId = q.documentId
         ORDER BY c.id`,
      )
      .all();
    expect(reachable).toEqual([
      { card: "card-0", question: "q0", deck: "doc-sample-1" },
      { card: "card-1", question: "q1", deck: "doc-sample-2" },
      { card: "card-2", question: "q2", deck: "doc-upload" },
      { card: "card-3", question: "q3", deck: "doc-import" },
    ]);
    // Assignments of "All documents" now name the sample deck; a document's deck keeps its id.
    expect(snapshot("Assignment", "id, deckId")).toEqual([
      { id: "as-all", deckId: "sample" },
      { id: "as-doc", deckId: "doc-upload" },
    ]);
  });
});
