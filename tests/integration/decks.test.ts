import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_DECK_ID } from "@/lib/api/study-contract";
import type { UploadEvent } from "@/lib/api/uploads";
import { createGuestLearner } from "@/lib/data/learners";
import { createUserWithPassword } from "@/lib/data/users";
import type { Viewer } from "@/lib/permissions";
import { authorQuestion, loadEditableDocument } from "@/lib/server/authoring";
import { importBankFile } from "@/lib/server/banks";
import { assignDeckToClass, createClass, joinClassByCode } from "@/lib/server/classes";
import { db } from "@/lib/server/db";
import {
  buildLibrary,
  createDeckFromDocuments,
  createHandwrittenDeck,
  loadReadableDeck,
  loadReadableDocument,
  relatedDocumentIds,
  updateDeckSettings,
} from "@/lib/server/decks";
import { saveDocument } from "@/lib/data/documents";
import { importContent } from "@/lib/server/import-content";
import { generateDocumentQuestions } from "@/lib/server/question-bank";
import { sha256Hex } from "@/lib/text/normalize";
import { splitSentences } from "@/lib/text/sentences";
import { createQuiz } from "@/lib/server/live/games";
import { seededRandom } from "@/lib/random";
import { buildStudySession } from "@/lib/server/study-session";
import { ingestUploads } from "@/lib/server/uploads";
import { getLearner } from "@/lib/data/learners";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const fixture = (p: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures", p)));
const visitor: Viewer = { user: null, learnerId: null };
let owner: Viewer;
let otherTeacher: Viewer;
let classLearner: Viewer;
let outsider: Viewer;
let classId: string;
/** The owner's two uploaded documents and the deck made of both. */
let historyId: string;
let scienceId: string;
let historyDeckId: string;
let pairDeckId: string;
let tokenCount = 0;

async function teacher(email: string): Promise<Viewer> {
  const u = await createUserWithPassword({ email, name: email, password: "long enough password", role: "teacher" });
  return { user: { id: u.id, role: "teacher" }, learnerId: u.learnerId };
}

async function upload(ownerId: string, files: Array<{ name: string; bytes: Uint8Array }>) {
  const events: UploadEvent[] = [];
  await ingestUploads(ownerId, { files }, (e) => events.push(e));
  return events.filter((e) => e.type === "done") as Array<Extract<UploadEvent, { type: "done" }>>;
}

const questionState = (where: object) =>
  db().question.findMany({
    where,
    orderBy: { id: "asc" },
    select: { id: true, prompt: true, answer: true, choices: true, status: true, statementIsTrue: true },
  });

function newGame(viewer: Viewer, deckId: string) {
  return createQuiz(
    { deckId, questionCount: 2, secondsPerQuestion: 20, shuffle: false, allowLateJoin: false },
    viewer.learnerId,
    new Date("2026-03-02T09:00:00Z"),
    { random: seededRandom(3), seed: 3, newToken: () => `token-${++tokenCount}-long-enough` },
    { viewer },
  );
}

let sampleBefore: Awaited<ReturnType<typeof questionState>>;
let sampleAfter: Awaited<ReturnType<typeof questionState>>;

beforeAll(async () => {
  await importContent(path.resolve("content"));
  owner = await teacher("owner@school.org");
  otherTeacher = await teacher("other@school.org");
  classLearner = { user: null, learnerId: (await createGuestLearner("hash-class")).id };
  outsider = { user: null, learnerId: (await createGuestLearner("hash-outsider")).id };
  classId = (await createClass(owner, "History 9")).id;
  await joinClassByCode(classLearner, (await db().classroom.findUniqueOrThrow({ where: { id: classId } })).joinCode);

  sampleBefore = await questionState({ document: { ownerId: null } });
  const done = await upload(owner.user!.id, [
    { name: "history.md", bytes: fixture("qgen/history.md") },
    { name: "science.md", bytes: fixture("qgen/science.md") },
  ]);
  sampleAfter = await questionState({ document: { ownerId: null } });
  historyId = done.find((d) => d.file === "history.md")!.documentId;
  scienceId = done.find((d) => d.file === "science.md")!.documentId;
  historyDeckId = (await db().deckDocument.findFirstOrThrow({ where: { documentId: historyId } })).deckId;
  // The teacher publishes the drafts of one document; the other's stay drafts.
  await db().question.updateMany({ where: { documentId: historyId, status: "draft" }, data: { status: "published" } });
  pairDeckId = await createDeckFromDocuments(
    owner,
    { title: "History and science", description: "Two articles", visibility: "private" },
    [historyId, scienceId],
  );
});

describe("uploads and the sample deck", () => {
  it("an upload makes a private deck for each document, drafts only", async () => {
    const deck = await db().deck.findUniqueOrThrow({ where: { id: historyDeckId } });
    expect(deck).toMatchObject({ ownerId: owner.user!.id, visibility: "private", kind: "documents" });
    expect(await db().question.count({ where: { documentId: scienceId, status: "published" } })).toBe(0);
    expect(await db().question.count({ where: { documentId: scienceId, status: "draft" } })).toBeGreaterThan(0);
  });

  it("an upload changes no question outside its own documents: same ids, prompts, choices and statuses", () => {
    expect(sampleBefore.length).toBeGreaterThan(50);
    expect(sampleAfter).toEqual(sampleBefore);
  });
});

describe("re-running generation on an edited document", () => {
  it("leaves published questions untouched and adds drafts", async () => {
    const doc = await db().document.findUniqueOrThrow({ where: { id: historyId } });
    const published = await questionState({ documentId: historyId, status: "published" });
    expect(published.length).toBeGreaterThan(0);
    const text = `${doc.text}\n\nThe Peace of Augsburg was signed in 1555 by Emperor Charles V.\n`;
    await saveDocument(
      {
        contentPath: null,
        fileName: doc.fileName,
        title: doc.title,
        source: null,
        text,
        sha256: sha256Hex(text),
        sentences: splitSentences(text),
        ownerId: doc.ownerId,
        origin: "upload",
      },
      historyId,
    );
    await generateDocumentQuestions(historyId);
    expect(await questionState({ id: { in: published.map((q) => q.id) } })).toEqual(published);
    const drafts = await db().question.count({
      where: { documentId: historyId, status: "draft", sentence: { contains: "Augsburg" } },
    });
    expect(drafts).toBeGreaterThan(0);
  });
});

describe("who sees a private document", () => {
  const outsiders = () =>
    [
      ["a second teacher", otherTeacher],
      ["a learner outside the class", outsider],
      ["a signed-out visitor", visitor],
    ] as const;

  it("gets nothing for the document, its decks, its drafts, its export and a live game from it", async () => {
    for (const [who, viewer] of outsiders()) {
      expect(await loadReadableDocument(viewer, historyId), who).toBeNull();
      // The export route and the study routes answer 404 when this is null.
      expect(await loadReadableDeck(viewer, historyDeckId), who).toBeNull();
      expect(await loadReadableDeck(viewer, pairDeckId), who).toBeNull();
      await expect(loadEditableDocument(viewer, scienceId), who).rejects.toMatchObject({ code: "not_found" });
      await expect(newGame(viewer, pairDeckId), who).rejects.toMatchObject({ code: "deck_not_found" });
      const library = await buildLibrary(viewer);
      expect(library.documentIds, who).not.toContain(historyId);
      expect(
        library.decks.map((d) => d.id),
        who,
      ).not.toContain(pairDeckId);
    }
  });

  it("its owner sees and plays it; a class learner studies it once it is assigned, without its drafts", async () => {
    expect(await loadReadableDeck(owner, pairDeckId)).toMatchObject({ documentIds: [historyId, scienceId] });
    const { entry } = await newGame(owner, pairDeckId);
    expect(entry.game.questions.length).toBeGreaterThan(0);

    expect(await loadReadableDeck(classLearner, pairDeckId)).toBeNull();
    await assignDeckToClass(owner, classId, pairDeckId, null);
    const deck = await loadReadableDeck(classLearner, pairDeckId);
    expect(deck).not.toBeNull();
    expect(await loadReadableDocument(classLearner, historyId)).not.toBeNull();
    await expect(loadEditableDocument(classLearner, scienceId)).rejects.toMatchObject({ code: "not_found" });
    const learner = (await getLearner(classLearner.learnerId!))!;
    const session = await buildStudySession(learner, deck!, new Date("2026-03-02T09:00:00Z"));
    expect(session.cards.length).toBeGreaterThan(0);
    // Drafts never reach a learner.
    expect(session.cards.every((c) => c.question.documentId === historyId)).toBe(true);
    // Still nothing for the learner outside the class.
    expect(await loadReadableDeck(outsider, pairDeckId)).toBeNull();
  });

  it("public and link-shared decks", async () => {
    await updateDeckSettings(owner, historyDeckId, { title: "History", description: "", visibility: "link" });
    const { shareToken } = await db().deck.findUniqueOrThrow({ where: { id: historyDeckId } });
    expect(shareToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await loadReadableDeck(visitor, historyDeckId)).toBeNull();
    expect(
      await loadReadableDeck(visitor, historyDeckId, new Map([[historyDeckId, "wrong-token-xxxxxxxx"]])),
    ).toBeNull();
    expect(await loadReadableDeck(visitor, historyDeckId, new Map([[historyDeckId, shareToken!]]))).not.toBeNull();
    await updateDeckSettings(owner, historyDeckId, { title: "History", description: "", visibility: "public" });
    expect(await loadReadableDeck(visitor, historyDeckId)).not.toBeNull();
    // Making it public shares this deck, not the owner's other decks.
    expect(await loadReadableDeck(visitor, pairDeckId)).toBeNull();
    await expect(
      updateDeckSettings(otherTeacher, historyDeckId, { title: "Mine now", description: "", visibility: "private" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await updateDeckSettings(owner, historyDeckId, { title: "History", description: "", visibility: "private" });
  });

  it("a teacher cannot build a deck from someone else's document", async () => {
    await expect(
      createDeckFromDocuments(otherTeacher, { title: "Stolen", description: "", visibility: "public" }, [historyId]),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("distractors", () => {
  it("the distractor pool of a document is the other documents of its owner's decks", async () => {
    expect(await relatedDocumentIds(historyId)).toEqual([scienceId]);
    const sample = await db().document.findMany({ where: { ownerId: null }, select: { id: true } });
    const related = await relatedDocumentIds(sample[0]!.id);
    expect(related).not.toContain(historyId);
    expect(related).not.toContain(scienceId);
  });

  it("never come from another owner's documents", async () => {
    const docs = await db().document.findMany({ select: { id: true, ownerId: true, text: true } });
    const textOf = (ownerId: string | null) =>
      docs
        .filter((d) => d.ownerId === ownerId)
        .map((d) => d.text)
        .join("\n");
    const mcqs = await db().question.findMany({
      where: { type: "multiple_choice", factType: { in: ["person", "organization", "place", "term"] } },
      select: { id: true, answer: true, choices: true, document: { select: { ownerId: true } } },
    });
    const leaks: string[] = [];
    for (const q of mcqs) {
      const own = textOf(q.document.ownerId);
      for (const choice of (q.choices as string[]).filter((c) => c !== q.answer)) {
        // A wrong option found in another owner's text but nowhere in this owner's came from there.
        const elsewhere = docs.some((d) => d.ownerId !== q.document.ownerId && d.text.includes(choice));
        if (elsewhere && !own.includes(choice)) leaks.push(`${q.id}: ${choice}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe("imports a teacher can repeat", () => {
  it("takes the deck title from the file and recognises the same file instead of making a second deck", async () => {
    const bytes = fixture("interchange/sample.gift");
    const first = await importBankFile(owner.user!.id, "my-export-final-v2.gift", bytes);
    expect(first).toMatchObject({ ok: true, status: "created", title: "Geography" });
    const decksBefore = await db().deck.count();
    const questionsBefore = await db().question.count();

    const again = await importBankFile(owner.user!.id, "copy-of-export.gift", bytes);
    expect(again).toMatchObject({ ok: true, status: "duplicate" });
    if (!first.ok || !again.ok) throw new Error("unreachable");
    expect(again.deckId).toBe(first.deckId);
    expect(await db().deck.count()).toBe(decksBefore);
    expect(await db().question.count()).toBe(questionsBefore);

    // Updating that deck from the same file keeps every question (and its id).
    const ids = (await questionState({ documentId: first.documentId })).map((q) => q.id);
    const updated = await importBankFile(owner.user!.id, "copy-of-export.gift", bytes, { updateDeckId: first.deckId });
    expect(updated).toMatchObject({ ok: true, status: "updated", deckId: first.deckId, count: 0 });
    expect((await questionState({ documentId: first.documentId })).map((q) => q.id)).toEqual(ids);
    expect(await db().deck.count()).toBe(decksBefore);

    // Another teacher importing the same file gets a deck of their own, and cannot update the first one.
    const theirs = await importBankFile(otherTeacher.user!.id, "sample.gift", bytes);
    expect(theirs).toMatchObject({ ok: true, status: "created" });
    const hijack = await importBankFile(otherTeacher.user!.id, "sample.gift", bytes, { updateDeckId: first.deckId });
    expect(hijack.ok).toBe(false);
  });
});

describe("a deck written by hand", () => {
  it("holds questions its owner writes, and nobody else can write into it", async () => {
    const { deckId, documentId } = await createHandwrittenDeck(owner, {
      title: "Quick checks",
      description: "",
      visibility: "private",
    });
    await authorQuestion(
      owner,
      documentId,
      {
        type: "flashcard",
        prompt: "Capital of Peru?",
        answer: "Lima",
        choices: null,
        statementIsTrue: null,
        factType: "place",
      },
      new Date("2026-03-02T09:00:00Z"),
    );
    const deck = (await loadReadableDeck(owner, deckId))!;
    const learner = (await getLearner(owner.learnerId!))!;
    const session = await buildStudySession(learner, deck, new Date("2026-03-02T09:00:00Z"));
    expect(session.cards.map((c) => c.question.prompt)).toEqual(["Capital of Peru?"]);
    await expect(
      authorQuestion(
        otherTeacher,
        documentId,
        { type: "flashcard", prompt: "Mine?", answer: "No", choices: null, statementIsTrue: null, factType: "term" },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await loadReadableDeck(visitor, deckId)).toBeNull();
  });
});

describe("the library", () => {
  it("a teacher's own decks come first, then their classes', then public ones", async () => {
    const { decks } = await buildLibrary(owner);
    const sections = decks.map((d) => d.section);
    expect(sections.indexOf("public")).toBeGreaterThan(sections.lastIndexOf("mine"));
    expect(decks.filter((d) => d.section === "mine").map((d) => d.id)).toEqual(
      expect.arrayContaining([historyDeckId, pairDeckId]),
    );
    const science = decks.find((d) => d.documentIds.length === 1 && d.documentIds[0] === scienceId)!;
    expect(science.published).toBe(0);
    expect(science.drafts).toBeGreaterThan(0);
    expect(decks[decks.length - 1]!.section).toBe("public");
  });

  it("a learner sees their classes' decks first, then public ones, and never another class's", async () => {
    const learnerLib = await buildLibrary(classLearner);
    expect(learnerLib.decks[0]).toMatchObject({ id: pairDeckId, section: "class" });
    expect(learnerLib.decks.slice(1).every((d) => d.section === "public")).toBe(true);
    expect(learnerLib.decks.map((d) => d.id)).not.toContain(historyDeckId);

    const visitorLib = await buildLibrary(visitor);
    expect(visitorLib.decks.every((d) => d.visibility === "public")).toBe(true);
    expect(visitorLib.decks.map((d) => d.id)).toContain(SAMPLE_DECK_ID);
  });

  it("“Study everything” covers the decks the learner can see, each question once", async () => {
    const all = (await loadReadableDeck(classLearner, "all"))!;
    expect(new Set(all.documentIds).size).toBe(all.documentIds.length);
    expect(all.documentIds).toContain(historyId);
    const everything = await buildLibrary(classLearner);
    const published = await db().question.count({
      where: { status: "published", documentId: { in: all.documentIds } },
    });
    expect(everything.everything).toBe(published);
    const outsiderAll = (await loadReadableDeck(outsider, "all"))!;
    expect(outsiderAll.documentIds).not.toContain(historyId);
  });
});
