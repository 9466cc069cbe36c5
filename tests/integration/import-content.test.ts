import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { setupTestDatabase } from "./helpers/test-db";

const testDb = setupTestDatabase();

async function snapshot() {
  const documents = await db().document.findMany({ orderBy: { contentPath: "asc" } });
  const sentences = await db().sentence.findMany({ orderBy: [{ documentId: "asc" }, { index: "asc" }] });
  return { documents, sentences };
}

function writeContent(dir: string, files: Record<string, string | Buffer>) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
}

describe("importing content/", () => {
  it("imports the sample corpus, and a second import leaves the same rows", async () => {
    const first = await importContent(path.resolve("content"));
    expect(first.added.sort()).toEqual(["ishiba-trump-meeting-preview.md", "trump-ishiba-summit-analysis.md"]);
    expect(first.failed).toEqual([]);
    const before = await snapshot();
    expect(before.documents).toHaveLength(2);
    expect(before.sentences.length).toBeGreaterThan(60);

    const second = await importContent(path.resolve("content"));
    expect(second.unchanged).toHaveLength(2);
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("stores the title, source, file name, text and sha256 of each document", async () => {
    const doc = await db().document.findUniqueOrThrow({ where: { contentPath: "ishiba-trump-meeting-preview.md" } });
    expect(doc.title).toBe("Ishiba Meets Trump: Trade, Defence Spending and a Personal Rapport");
    expect(doc.fileName).toBe("ishiba-trump-meeting-preview.md");
    expect(doc.source).toMatch(/Not stated/);
    expect(doc.text.startsWith("Japan’s Prime Minister Shigeru Ishiba")).toBe(true);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.importedAt).toBeInstanceOf(Date);
  });

  it("records seed 004's repeated paragraph as repeats, with offsets into the stored text", async () => {
    const doc = await db().document.findUniqueOrThrow({
      where: { contentPath: "ishiba-trump-meeting-preview.md" },
      include: { sentences: { orderBy: { index: "asc" } } },
    });
    for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);

    const alliance = doc.sentences.filter((s) => s.text.startsWith("The U.S.-Japan alliance has been a cornerstone"));
    expect(alliance).toHaveLength(2);
    expect(alliance[0]!.repeatOf).toBeNull();
    expect(alliance[1]!.repeatOf).toBe(alliance[0]!.index);

    // The whole paragraph repeats: every sentence of the later copy points back to the earlier one.
    const laterParagraph = doc.sentences.filter((s) => s.paragraph === alliance[1]!.paragraph);
    expect(laterParagraph.length).toBeGreaterThanOrEqual(3);
    for (const s of laterParagraph) {
      expect(s.repeatOf).not.toBeNull();
      expect(doc.sentences[s.repeatOf!]!.text).toBe(s.text);
    }
    // The analysis article has no repeats.
    const other = await db().sentence.count({
      where: { document: { contentPath: "trump-ishiba-summit-analysis.md" }, repeatOf: { not: null } },
    });
    expect(other).toBe(0);
  });

  it("updates a changed file in place and skips a bad file without losing stored data", async () => {
    const dir = path.join(testDb.dir(), "content");
    writeContent(dir, { "notes/photosynthesis.txt": "Plants make sugar from light. Chlorophyll absorbs red light.\n" });
    expect((await importContent(dir)).added).toEqual(["notes/photosynthesis.txt"]);
    const original = await db().document.findUniqueOrThrow({ where: { contentPath: "notes/photosynthesis.txt" } });

    writeContent(dir, {
      "notes/photosynthesis.txt": "Plants make sugar from light. Chlorophyll absorbs red and blue light.\n",
      "broken.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      "empty.txt": "   \n\t\n",
    });
    const report = await importContent(dir);
    expect(report.updated).toEqual(["notes/photosynthesis.txt"]);
    expect(report.failed.map((f) => f.file).sort()).toEqual(["broken.md", "empty.txt"]);
    expect(report.failed.find((f) => f.file === "broken.md")!.message).toMatch(/^broken\.md: .*binary/);
    expect(report.failed.find((f) => f.file === "empty.txt")!.message).toMatch(/^empty\.txt: has no text/);

    const updated = await db().document.findUniqueOrThrow({
      where: { contentPath: "notes/photosynthesis.txt" },
      include: { sentences: true },
    });
    expect(updated.id).toBe(original.id);
    expect(updated.text).toContain("red and blue");
    expect(updated.sentences.map((s) => s.text).sort()).toEqual([
      "Chlorophyll absorbs red and blue light.",
      "Plants make sugar from light.",
    ]);

    // A file that turns bad keeps its last good version.
    writeContent(dir, { "notes/photosynthesis.txt": Buffer.from([0, 1, 2, 3]) });
    const again = await importContent(dir);
    expect(again.failed.map((f) => f.file)).toContain("notes/photosynthesis.txt");
    const kept = await db().document.findUniqueOrThrow({ where: { contentPath: "notes/photosynthesis.txt" } });
    expect(kept.text).toBe(updated.text);
    expect(await db().document.count({ where: { contentPath: { in: ["broken.md", "empty.txt"] } } })).toBe(0);
  });
});
