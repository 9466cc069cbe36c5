import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countQuestionsBySentence, listDocumentQuestions } from "@/lib/data/questions";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { setupTestDatabase } from "./helpers/test-db";

const testDb = setupTestDatabase();

const HISTORY = [
  "The Treaty of Westphalia was signed in 1648, ending the Thirty Years' War.",
  "Cardinal Mazarin represented France at the negotiations in Münster.",
  "The settlement recognised the independence of the Dutch Republic.",
].join(" ");
const SCIENCE = [
  "Marie Curie won the Nobel Prize in Chemistry in 1911 for discovering radium and polonium.",
  "She worked at the University of Paris, where she became the first woman professor.",
].join(" ");

describe("the question bank in the database", () => {
  it("stores grounded questions for the sample corpus, each linking to its sentence", async () => {
    const report = await importContent(path.resolve("content"));
    expect(report.questions.created).toBeGreaterThan(50);
    const docs = await db().document.findMany({ include: { sentences: true } });
    for (const doc of docs) {
      const questions = await listDocumentQuestions(doc.id);
      expect(questions.length).toBeGreaterThan(10);
      for (const q of questions) {
        const sentence = doc.sentences.find((s) => s.index === q.sentenceIndex)!;
        expect(sentence.text).toBe(q.sentence);
        expect(doc.text.slice(q.sentenceStart, q.sentenceEnd)).toBe(q.sentence);
      }
      const counts = await countQuestionsBySentence(doc.id);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(questions.length);
    }
  });

  it("writes nothing when nothing changed", async () => {
    const before = await db().question.findMany({ orderBy: { id: "asc" } });
    const report = await importContent(path.resolve("content"));
    expect(report.questions).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(await db().question.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("never stores two questions for a repeated sentence", async () => {
    const preview = await db().document.findFirstOrThrow({ where: { contentPath: "ishiba-trump-meeting-preview.md" } });
    const repeats = await db().sentence.findMany({ where: { documentId: preview.id, repeatOf: { not: null } } });
    expect(repeats.length).toBeGreaterThan(0);
    const onRepeats = await db().question.count({
      where: { documentId: preview.id, sentenceIndex: { in: repeats.map((r) => r.index) }, status: "published" },
    });
    expect(onRepeats).toBe(0);
    const prompts = await db().question.findMany({
      where: { status: "published" },
      select: { type: true, prompt: true, answer: true },
    });
    const keys = prompts.map((q) => `${q.type}|${q.prompt}|${q.answer}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps the ids of unchanged questions when a document is edited, retires the rest, and adds drafts", async () => {
    const dir = path.join(testDb.dir(), "content");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "history.txt"), `${HISTORY}\n${SCIENCE}\n`);
    await importContent(dir);
    const doc = await db().document.findFirstOrThrow({ where: { contentPath: "history.txt" } });
    const before = await listDocumentQuestions(doc.id);
    const curieBefore = before
      .filter((q) => q.sentence.includes("Marie Curie"))
      .map((q) => q.id)
      .sort();
    const westphaliaBefore = before.filter((q) => q.sentence.includes("Westphalia")).map((q) => q.id);
    expect(curieBefore.length).toBeGreaterThan(0);
    expect(westphaliaBefore.length).toBeGreaterThan(0);

    // Edit only the history paragraph: 1648 becomes 1649.
    fs.writeFileSync(path.join(dir, "history.txt"), `${HISTORY.replace("1648", "1649")}\n${SCIENCE}\n`);
    const report = await importContent(dir);
    expect(report.updated).toEqual(["history.txt"]);
    const after = await listDocumentQuestions(doc.id);
    const curieAfter = after
      .filter((q) => q.sentence.includes("Marie Curie"))
      .map((q) => q.id)
      .sort();
    expect(curieAfter).toEqual(curieBefore);
    const retired = await db().question.findMany({ where: { id: { in: westphaliaBefore } } });
    expect(retired.every((q) => q.status === "retired")).toBe(true);
    // Only a first import publishes; questions on the edited sentence wait for review.
    expect(after.some((q) => q.sentence.includes("1649"))).toBe(false);
    const drafts = await db().question.findMany({ where: { documentId: doc.id, status: "draft" } });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((q) => q.sentence.includes("1649"))).toBe(true);
  });
});
