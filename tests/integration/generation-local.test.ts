import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { UploadEvent } from "@/lib/api/uploads";
import { saveDocument } from "@/lib/data/documents";
import { createUserWithPassword } from "@/lib/data/users";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { generateDocumentQuestions } from "@/lib/server/question-bank";
import { ingestUploads } from "@/lib/server/uploads";
import { sha256Hex } from "@/lib/text/normalize";
import { splitSentences } from "@/lib/text/sentences";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

let alice: string;
let bob: string;
let carol: string;

// Names and values that appear nowhere else, so a distractor drawn from here is recognisable.
const ALICE_TEXT = [
  "In 1823, Zebulon Quillfeather founded the Marrowvale Observatory in Tarnhollow.",
  "Ottoline Brackenridge became its director in 1851 and catalogued 4,200 comets.",
  "The observatory's great refractor was built by Hesketh Wimbleworth in 1862.",
  "Cornelius Fairweather-Dunmore replaced the refractor's lens in 1907.",
].join("\n");
const BOB_TEXT = [
  "The Treaty of Westphalia was signed in 1648, ending the Thirty Years' War.",
  "Cardinal Mazarin represented France at the negotiations in Münster.",
  "Marie Curie won the Nobel Prize in Chemistry in 1911 for discovering radium.",
  "Isaac Newton published the Principia in 1687 with the support of Edmond Halley.",
].join("\n");

async function upload(ownerId: string, name: string, text: string) {
  const events: UploadEvent[] = [];
  await ingestUploads(ownerId, { files: [{ name, bytes: new TextEncoder().encode(text) }] }, (e) => events.push(e));
  const done = events.find((e) => e.type === "done");
  return { events, documentId: done?.type === "done" ? done.documentId : null };
}

async function questionsOutside(documentId: string) {
  return db().question.findMany({
    where: { documentId: { not: documentId } },
    orderBy: { id: "asc" },
    select: { id: true, documentId: true, prompt: true, answer: true, choices: true, status: true, updatedAt: true },
  });
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const user = (email: string) =>
    createUserWithPassword({ email, name: email, password: "long enough pw", role: "teacher" });
  alice = (await user("alice@s.org")).id;
  bob = (await user("bob@s.org")).id;
  carol = (await user("carol@s.org")).id;
});

afterEach(() => {
  delete process.env.QUARRY_FAIL_GENERATION_FOR;
  delete process.env.QUARRY_GENERATION_MEMORY_MB;
});

// Every upload starts worker threads (read, then generate); on a busy 2-core machine that takes seconds.
describe("generation is local to a document", { timeout: 120_000 }, () => {
  it("an upload changes no question outside its own document: same ids, prompts, choices and statuses", async () => {
    const before = await questionsOutside("none");
    expect(before.length).toBeGreaterThan(100);
    const { documentId } = await upload(alice, "observatory.txt", ALICE_TEXT);
    expect(documentId).not.toBeNull();
    expect(await questionsOutside(documentId!)).toEqual(before);
    expect(await db().question.count({ where: { documentId: documentId! } })).toBeGreaterThan(0);
  });

  it("distractors never come from another owner's documents", async () => {
    const { documentId } = await upload(bob, "history.txt", BOB_TEXT);
    const choices = await db().question.findMany({
      where: { documentId: documentId!, type: { in: ["multiple_choice", "true_false"] } },
      select: { choices: true, prompt: true },
    });
    expect(choices.length).toBeGreaterThan(0);
    const seen = JSON.stringify(choices);
    for (const name of ["Quillfeather", "Brackenridge", "Wimbleworth", "Fairweather", "Marrowvale", "Tarnhollow"])
      expect(seen).not.toContain(name);
  });

  it("re-running generation on an edited document leaves published questions untouched and adds drafts", async () => {
    const text = `${BOB_TEXT}\nThe Suez Canal opened in 1869 after ten years of construction.`;
    const docId = await saveDocument({
      contentPath: null,
      fileName: "edited.txt",
      title: "Edited",
      source: null,
      text,
      sha256: sha256Hex(text),
      sentences: splitSentences(text),
      ownerId: bob,
      origin: "upload",
    });
    expect((await generateDocumentQuestions(docId)).ok).toBe(true);
    // The teacher publishes everything.
    await db().question.updateMany({ where: { documentId: docId }, data: { status: "published" } });
    const published = await db().question.findMany({ where: { documentId: docId }, orderBy: { id: "asc" } });
    const suez = published.filter((q) => q.sentence.includes("Suez"));
    expect(suez.length).toBeGreaterThan(0);

    // Edit: the Suez sentence goes, a new one arrives, the rest stays.
    const edited = `${BOB_TEXT}\nThe Kiel Canal opened in 1895 and links the North Sea to the Baltic.`;
    await saveDocument(
      {
        contentPath: null,
        fileName: "edited.txt",
        title: "Edited",
        source: null,
        text: edited,
        sha256: sha256Hex(edited),
        sentences: splitSentences(edited),
      },
      docId,
    );
    const outcome = await generateDocumentQuestions(docId);
    expect(outcome.ok && outcome.report.created).toBeGreaterThan(0);

    const after = new Map((await db().question.findMany({ where: { documentId: docId } })).map((q) => [q.id, q]));
    for (const q of published) {
      const now = after.get(q.id)!;
      const { status, updatedAt, ...content } = q;
      const { status: statusNow, updatedAt: updatedNow, ...contentNow } = now;
      expect(contentNow).toEqual(content); // prompt, answer, choices untouched
      if (q.sentence.includes("Suez")) expect(statusNow).toBe("retired");
      else {
        expect([statusNow, status]).toEqual(["published", "published"]);
        expect(updatedNow).toEqual(updatedAt); // not even rewritten
      }
    }
    const added = [...after.values()].filter((q) => !published.some((p) => p.id === q.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((q) => q.status === "draft" && q.sentence.includes("Kiel"))).toBe(true);
  });

  it("the same sentence in two owners' documents gives each its own questions", async () => {
    const { documentId: first } = await upload(alice, "shared-a.txt", `${BOB_TEXT}\nExtra line for Alice in 1999.`);
    const firstQuestions = await db().question.findMany({ where: { documentId: first! }, orderBy: { id: "asc" } });
    const { documentId: second } = await upload(carol, "shared-b.txt", `${BOB_TEXT}\nExtra line for Bob in 2001.`);
    const secondQuestions = await db().question.findMany({ where: { documentId: second! } });
    expect(secondQuestions.length).toBeGreaterThan(0);
    expect(await db().question.findMany({ where: { documentId: first! }, orderBy: { id: "asc" } })).toEqual(
      firstQuestions,
    );
    // Variants of one fact still share a note, in each document.
    const notes = new Set(secondQuestions.map((q) => q.noteId));
    expect(notes.size).toBeLessThan(secondQuestions.length);
    expect(secondQuestions.every((q) => q.noteId !== null)).toBe(true);
  });
});

describe("a document whose generation fails", () => {
  it("is marked failed with the reason, skipped by its owner's other documents, and can be retried", async () => {
    process.env.QUARRY_FAIL_GENERATION_FOR = "doomed.txt";
    // A lower ceiling than the default makes the forced failure quick; small documents fit well within it.
    process.env.QUARRY_GENERATION_MEMORY_MB = "384";
    const doomedText = "Thaddeus Grimsworth-Pellingham built the Vexmoor Lighthouse in 1777 on Skerrow Point.";
    const { events } = await upload(alice, "doomed.txt", doomedText);
    const failed = events.find((e) => e.type === "failed");
    expect(failed).toMatchObject({ code: "generation_failed", file: "doomed.txt" });
    expect(failed?.type === "failed" && failed.message).toMatch(
      /^doomed\.txt: questions could not be generated: .*memory/,
    );
    const doc = await db().document.findFirstOrThrow({ where: { fileName: "doomed.txt" } });
    expect(doc.generationStatus).toBe("failed");
    expect(doc.generationError).toMatch(/memory/);
    expect(await db().question.count({ where: { documentId: doc.id } })).toBe(0);

    // Another of the owner's uploads still works, and never reads the failed document.
    const { documentId } = await upload(
      alice,
      "after.txt",
      "Hugo Lindqvist opened the Kestrel Museum in 1932 in Oslo.",
    );
    expect(documentId).not.toBeNull();
    const other = JSON.stringify(await db().question.findMany({ where: { documentId: documentId! } }));
    expect(other).not.toMatch(/Grimsworth|Vexmoor|Skerrow/);

    delete process.env.QUARRY_FAIL_GENERATION_FOR;
    const retry = await generateDocumentQuestions(doc.id);
    expect(retry.ok).toBe(true);
    expect(await db().document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({
      generationStatus: "ready",
      generationError: null,
    });
    expect(await db().question.count({ where: { documentId: doc.id } })).toBeGreaterThan(0);
  }, 120_000);
});
