import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listQuestionsForReview } from "@/lib/data/authoring";
import { createUserWithPassword } from "@/lib/data/users";
import type { Viewer } from "@/lib/permissions";
import { authorQuestion, bulkApprove, editQuestion, reviewQuestions } from "@/lib/server/authoring";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { generateDocumentQuestions } from "@/lib/server/question-bank";
import { saveDocument } from "@/lib/data/documents";
import { splitSentences } from "@/lib/text/sentences";
import { sha256Hex } from "@/lib/text/normalize";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const NOW = new Date("2026-04-01T10:00:00Z");
let owner: Viewer;
let stranger: Viewer;
let docId: string;

const TEXT = [
  "The Treaty of Westphalia was signed in 1648, ending the Thirty Years' War.",
  "Marie Curie won the Nobel Prize in Chemistry in 1911 for discovering radium.",
  "The Panama Canal opened in 1914 and cut the voyage from New York to San Francisco by 8,000 miles.",
].join("\n");

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const t = await createUserWithPassword({
    email: "own@s.org",
    name: "O",
    password: "long enough pw",
    role: "teacher",
  });
  const s = await createUserWithPassword({
    email: "str@s.org",
    name: "S",
    password: "long enough pw",
    role: "teacher",
  });
  owner = { user: { id: t.id, role: "teacher" }, learnerId: t.learnerId };
  stranger = { user: { id: s.id, role: "teacher" }, learnerId: s.learnerId };
  docId = await saveDocument({
    contentPath: null,
    fileName: "history.txt",
    title: "History notes",
    source: null,
    text: TEXT,
    sha256: sha256Hex(TEXT),
    sentences: splitSentences(TEXT),
  });
  await db().document.update({ where: { id: docId }, data: { ownerId: t.id, origin: "upload" } });
  await generateDocumentQuestions(docId);
});

describe("review before publishing", () => {
  it("uploads start as drafts that learners never see", async () => {
    const qs = await listQuestionsForReview(docId);
    expect(qs.length).toBeGreaterThan(3);
    expect(qs.every((q) => q.status === "draft")).toBe(true);
  });

  it("approves, rejects and bulk-approves above a score by fact type", async () => {
    const qs = await listQuestionsForReview(docId);
    await reviewQuestions(owner, docId, [qs[0]!.id], "published");
    await reviewQuestions(owner, docId, [qs[1]!.id], "rejected");
    const years = qs.filter((q) => q.status === "draft" && q.factType === "year" && q !== qs[0] && q !== qs[1]);
    const count = await bulkApprove(owner, docId, 0, "year");
    expect(count).toBe(years.length);
    const after = new Map((await listQuestionsForReview(docId)).map((q) => [q.id, q.status]));
    expect(after.get(qs[0]!.id)).toBe("published");
    expect(after.get(qs[1]!.id)).toBe("rejected");
    for (const y of years) expect(after.get(y.id)).toBe("published");
  });

  it("validates edits: one correct choice, no duplicate choices, one cloze gap", async () => {
    const q = (await listQuestionsForReview(docId))[2]!;
    const base = { type: "multiple_choice", prompt: "When was it signed?", statementIsTrue: null };
    await expect(
      editQuestion(owner, docId, q.id, { ...base, answer: "1648", choices: ["1648", "1648", "1650", "1700"] }, NOW),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/two choices are the same/) });
    await expect(
      editQuestion(owner, docId, q.id, { ...base, answer: "1649", choices: ["1648", "1650", "1700", "1600"] }, NOW),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not among the choices/) });
    await expect(
      editQuestion(
        owner,
        docId,
        q.id,
        { type: "cloze", prompt: "No gap here", answer: "x", choices: null, statementIsTrue: null },
        NOW,
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/exactly one gap/) });

    await editQuestion(owner, docId, q.id, { ...base, answer: "1648", choices: ["1648", "1650", "1700", "1600"] }, NOW);
    const saved = await db().question.findUniqueOrThrow({ where: { id: q.id } });
    expect(saved).toMatchObject({ type: "multiple_choice", prompt: "When was it signed?", answer: "1648" });
    expect(saved.editedAt).toEqual(NOW);

    // Regenerating the bank leaves the teacher's edit alone.
    await generateDocumentQuestions(docId);
    expect(await db().question.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({
      prompt: "When was it signed?",
    });
  });

  it("writes questions by hand, published at once", async () => {
    await authorQuestion(
      owner,
      docId,
      {
        type: "true_false",
        prompt: "The canal opened in 1914.",
        answer: "true",
        choices: null,
        statementIsTrue: true,
        factType: "year",
      },
      NOW,
    );
    const authored = await db().question.findFirstOrThrow({ where: { documentId: docId, origin: "authored" } });
    expect(authored).toMatchObject({ status: "published", statementIsTrue: true, sentenceIndex: -1 });
  });

  it("another teacher cannot see or change the drafts", async () => {
    const q = (await listQuestionsForReview(docId)).find((x) => x.status === "draft")!;
    await expect(reviewQuestions(stranger, docId, [q.id], "published")).rejects.toMatchObject({ code: "not_found" });
    await expect(bulkApprove(stranger, docId, 0, null)).rejects.toMatchObject({ code: "not_found" });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("draft");
  });
});
