import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadEvent } from "@/lib/api/uploads";
import { listQuestionsForReview } from "@/lib/data/authoring";
import { createUserWithPassword } from "@/lib/data/users";
import { exportDeck, importBankFile, type ExportFormat } from "@/lib/server/banks";
import { db } from "@/lib/server/db";
import { loadReadableDeck } from "@/lib/server/decks";
import { ingestUploads } from "@/lib/server/uploads";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/ingest", name)));
let teacherId: string;

beforeAll(async () => {
  teacherId = (
    await createUserWithPassword({ email: "up@s.org", name: "U", password: "long enough pw", role: "teacher" })
  ).id;
});

async function upload(files: Array<{ name: string; bytes: Uint8Array }>, paste?: { title: string; text: string }) {
  const events: UploadEvent[] = [];
  await ingestUploads(teacherId, { files, paste }, (e) => events.push(e));
  return events;
}

// Each file is read, then generated, in a worker thread of its own; on a busy 2-core machine
// starting those workers takes a few seconds each, so the upload tests get a longer budget.
describe("uploading documents", { timeout: 120_000 }, () => {
  it("turns a PDF, a DOCX and an HTML page into draft questions, with progress per file and stage", async () => {
    const events = await upload([
      { name: "two-pages.pdf", bytes: fixture("two-pages.pdf") },
      { name: "handout.docx", bytes: fixture("handout.docx") },
      { name: "volcanoes.html", bytes: fixture("volcanoes.html") },
    ]);
    const done = events.filter((e) => e.type === "done");
    expect(done.map((e) => e.file).sort()).toEqual(["handout.docx", "two-pages.pdf", "volcanoes.html"]);
    const pdfStages = events
      .filter((e) => e.type === "progress" && e.file === "two-pages.pdf")
      .map((e) => (e as { stage: string }).stage);
    expect([...new Set(pdfStages)]).toEqual(["reading", "parsing", "extracting", "saving", "generating"]);
    for (const d of done) {
      if (d.type !== "done") continue;
      const doc = await db().document.findUniqueOrThrow({ where: { id: d.documentId } });
      expect(doc).toMatchObject({ ownerId: teacherId, origin: "upload" });
      expect(doc.text).not.toMatch(/<(p|b|nav|main|article|h1|script)>[^ ]/); // plain text, never markup
      const qs = await listQuestionsForReview(d.documentId);
      expect(qs.length).toBe(d.questions);
      expect(qs.every((q) => q.status === "draft")).toBe(true);
    }
    expect(events.at(-1)).toEqual({ type: "finished", added: 3, failed: 0 });
  });

  it("names each bad file and still takes the good ones", async () => {
    const before = await db().document.count();
    const events = await upload(
      [
        { name: "encrypted.pdf", bytes: fixture("encrypted.pdf") },
        { name: "fake.docx", bytes: new TextEncoder().encode("just text pretending to be Word") },
        { name: "empty.txt", bytes: new Uint8Array() },
        { name: "huge.txt", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61) },
        { name: "picture.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      ],
      { title: "Pasted notes", text: "The Eiffel Tower was completed in 1889 for the World's Fair in Paris." },
    );
    const failed = new Map(
      events.filter((e) => e.type === "failed").map((e) => [e.file, e as Extract<UploadEvent, { type: "failed" }>]),
    );
    expect(failed.get("encrypted.pdf")!.code).toBe("encrypted_pdf");
    expect(failed.get("fake.docx")!.code).toBe("type_mismatch");
    expect(failed.get("empty.txt")!.code).toBe("empty");
    expect(failed.get("huge.txt")!.code).toBe("too_large");
    expect(failed.get("picture.png")!.code).toBe("unsupported_type");
    for (const [file, e] of failed) expect(e.message.startsWith(file)).toBe(true);
    expect(events.some((e) => e.type === "done" && e.file === "Pasted notes")).toBe(true);
    expect(await db().document.count()).toBe(before + 1);
  });

  it("recognises a re-upload of the same file by its hash", async () => {
    const before = await db().document.count();
    const events = await upload([{ name: "copy-of-handout.docx", bytes: fixture("handout.docx") }]);
    expect(events.find((e) => e.type === "duplicate")).toMatchObject({ file: "copy-of-handout.docx" });
    expect(await db().document.count()).toBe(before);
  });
});

describe("bank import and export", () => {
  it("rejects a file with errors whole, listing each error's line, and writes nothing", async () => {
    const before = await db().question.count();
    const gift = "::ok:: The sky is blue. {T}\n\n::bad:: Pick one {=A ~A}\n\n::bad2:: Never closed {=yes\n";
    const result = await importBankFile(teacherId, "broken.gift", new TextEncoder().encode(gift));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThanOrEqual(2);
      expect(result.errors.every((e) => typeof e.line === "number")).toBe(true);
    }
    expect(await db().question.count()).toBe(before);
  });

  it("round-trips a deck through JSON, CSV, GIFT and Anki: same types, prompts, answers, choices, fact types, scores", async () => {
    // Publish the uploaded drafts so there is something to export.
    await db().question.updateMany({ where: { status: "draft" }, data: { status: "published" } });
    const deck = (await loadReadableDeck({ user: { id: teacherId, role: "teacher" }, learnerId: null }, "all"))!;
    const original = await db().question.findMany({ where: { status: "published" } });
    const key = (q: {
      type: string;
      prompt: string;
      answer: string;
      choices: unknown;
      factType: string;
      score: number;
      tags: string | null;
      explanation: string | null;
    }) =>
      JSON.stringify([
        q.type,
        q.prompt,
        q.answer,
        q.type === "multiple_choice" ? q.choices : null,
        q.factType,
        q.score,
        q.tags,
        q.explanation,
      ]);
    const expected = original.map(key).sort();
    expect(expected.length).toBeGreaterThan(10);

    for (const format of ["json", "csv", "gift", "apkg"] as ExportFormat[]) {
      const exported = await exportDeck(deck, format, new Date("2026-05-01T00:00:00Z"));
      expect(exported.ok).toBe(true);
      if (!exported.ok) continue;
      const bytes = typeof exported.body === "string" ? new TextEncoder().encode(exported.body) : exported.body;
      const imported = await importBankFile(teacherId, exported.fileName, bytes);
      expect(imported.ok, `${format} import`).toBe(true);
      if (!imported.ok) continue;
      const back = await db().question.findMany({ where: { documentId: imported.documentId } });
      expect(back.map(key).sort(), format).toEqual(expected);
      await db().document.delete({ where: { id: imported.documentId } });
    }
  });

  it("imports a current Anki package with its deck name, tags, explanations and images, and exports them again", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/interchange/anki-current-format.apkg")));
    const result = await importBankFile(teacherId, "capitals.apkg", bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report[0]).toBe(
      "capitals.apkg: read as Anki package (.apkg), current format (collection.anki21b, zstd)",
    );
    const doc = await db().document.findUniqueOrThrow({ where: { id: result.documentId } });
    expect(doc.title).toBe("Geography::Capitals");
    const rows = await db().question.findMany({ where: { documentId: result.documentId }, orderBy: { prompt: "asc" } });
    const canberra = rows.find((q) => q.answer === "Canberra")!;
    expect(JSON.parse(canberra.tags!)).toEqual(["geography"]);
    expect(canberra.explanation).toBe("Not Sydney, which is larger.");
    const media = await db().media.findMany({ where: { documentId: result.documentId } });
    expect(media.map((m) => [m.name, m.mime])).toEqual([["flag-of-japan.png", "image/png"]]);

    const deck = { id: result.deckId, title: "Geography::Capitals", documentIds: [result.documentId] };
    const exported = await exportDeck(deck, "apkg", new Date("2026-05-01T00:00:00Z"));
    if (!exported.ok || typeof exported.body === "string") throw new Error("export failed");
    const again = await importBankFile(teacherId, "again.apkg", exported.body);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(await db().media.count({ where: { documentId: again.documentId } })).toBe(1);
    const back = await db().question.findMany({ where: { documentId: again.documentId } });
    expect(back.find((q) => q.answer === "Canberra")?.explanation).toBe("Not Sydney, which is larger.");
  });

  it("names the deck after the file's GIFT $CATEGORY", async () => {
    const gift = "$CATEGORY: $course$/top/Rivers of Europe\n\nThe {=Danube} flows through ten countries.\n";
    const result = await importBankFile(teacherId, "quiz.txt", new TextEncoder().encode(gift));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect((await db().document.findUniqueOrThrow({ where: { id: result.documentId } })).title).toBe(
      "Rivers of Europe",
    );
  });
});
