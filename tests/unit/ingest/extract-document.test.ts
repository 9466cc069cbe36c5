import { describe, expect, it } from "vitest";
import { extractDocument, extractPastedText, type ExtractResult, type IngestStage } from "@/lib/ingest";
import { sha256Hex } from "@/lib/text/normalize";
import { fixture, makeDocx, utf8 } from "./helpers";

function expectOk(r: ExtractResult) {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`);
  return r;
}

describe("extractDocument: supported files", () => {
  it("reads a two-page PDF: title from metadata, pages and paragraphs as blank-line-separated lines", async () => {
    const bytes = fixture("two-pages.pdf");
    const r = expectOk(await extractDocument({ fileName: "two-pages.pdf", bytes }));
    expect(r.kind).toBe("pdf");
    expect(r.title).toBe("Rivers and Mountains");
    expect(r.text.split("\n\n")).toEqual([
      "The Danube flows through ten countries. It is the second-longest river in Europe.",
      "The Rhine rises in the Swiss Alps.",
      "Mount Everest is 8,849 metres high. It lies on the border of Nepal and China.",
    ]);
    expect(r.sha256).toBe(sha256Hex(bytes));
  });

  it("reports progress per stage, and per page for a PDF", async () => {
    const events: [IngestStage, number][] = [];
    await extractDocument(
      { fileName: "two-pages.pdf", bytes: fixture("two-pages.pdf") },
      { onStage: (s, f) => events.push([s, f]) },
    );
    const stages = [...new Set(events.map(([s]) => s))];
    expect(stages).toEqual(["reading", "parsing", "extracting"]);
    const extracting = events.filter(([s]) => s === "extracting").map(([, f]) => f);
    expect(extracting).toContain(0.5); // page 1 of 2
    expect(extracting.at(-1)).toBe(1);
    for (const stage of stages) {
      const fs = events.filter(([s]) => s === stage).map(([, f]) => f);
      expect([...fs].sort((a, b) => a - b)).toEqual(fs); // never goes backwards
    }
  });

  it("reads a DOCX with its core-properties title", async () => {
    const r = expectOk(await extractDocument({ fileName: "handout.docx", bytes: fixture("handout.docx") }));
    expect(r).toMatchObject({ kind: "docx", title: "The French Revolution" });
    expect(r.text.split("\n\n")).toEqual([
      "The French Revolution began in 1789.",
      "The storming of the Bastille took place on 14 July 1789.",
      "Napoleon crowned himself emperor in 1804.",
    ]);
  });

  it("takes a DOCX title from the first line when there is no metadata", async () => {
    const r = expectOk(
      await extractDocument({ fileName: "x.docx", bytes: makeDocx(["Glaciers", "Ice moves slowly downhill."]) }),
    );
    expect(r.title).toBe("Glaciers");
  });

  it("keeps only the main text of a web page, as plain text with one paragraph per line", async () => {
    const r = expectOk(await extractDocument({ fileName: "volcanoes.html", bytes: fixture("volcanoes.html") }));
    expect(r.kind).toBe("html");
    expect(r.title).toContain("Volcanoes");
    const paragraphs = r.text.split("\n\n");
    expect(paragraphs[0]).toMatch(/^A volcano is an opening in the crust/);
    expect(paragraphs).toContain("Shield volcanoes have gentle slopes.");
    expect(r.text).not.toMatch(/Home|About|Copyright|tracking|font-family/);
    // Escaped markup in the page comes out as literal text, never as tags.
    expect(r.text).toContain("Reading <script> in the text must stay text & never run.");
  });

  it("reads a page fragment without html/body tags (.htm)", async () => {
    const r = expectOk(
      await extractDocument({ fileName: "clip.htm", bytes: utf8("<p>Sharks are fish.</p><p>Whales are mammals.</p>") }),
    );
    expect(r.text).toBe("Sharks are fish.\n\nWhales are mammals.");
  });

  it("reads Markdown with front matter and plain text", async () => {
    const md = expectOk(await extractDocument({ fileName: "photosynthesis.md", bytes: fixture("photosynthesis.md") }));
    expect(md).toMatchObject({ kind: "md", title: "Photosynthesis" });
    expect(md.text).toBe(
      "# Photosynthesis notes\n\nPlants convert light energy into chemical energy.\nChlorophyll absorbs mostly blue and red light.",
    );
    const txt = expectOk(await extractDocument({ fileName: "notes.txt", bytes: fixture("notes.txt") }));
    expect(txt).toMatchObject({ kind: "txt", title: "Notes" });
    expect(txt.text.startsWith("Cell biology\n\nCells are")).toBe(true);
  });

  it("decodes Windows-1252 text that is not valid UTF-8", async () => {
    const bytes = new Uint8Array([...utf8("Caf"), 0xe9, ...utf8(" au lait costs "), 0x80, ...utf8("3.")]);
    const r = expectOk(await extractDocument({ fileName: "menu.txt", bytes }));
    expect(r.text).toBe("Café au lait costs €3.");
  });

  it("decodes UTF-16 text saved with a byte-order mark", async () => {
    const text = "Tides follow the Moon.";
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    const r = expectOk(await extractDocument({ fileName: "tides.html", bytes: le }));
    expect(r.text).toBe(text);
  });

  it("accepts upper-case extensions", async () => {
    expectOk(await extractDocument({ fileName: "NOTES.TXT", bytes: utf8("Some words here.") }));
  });
});

describe("extractPastedText", () => {
  it("tidies pasted text and titles it from the first line unless given a title", () => {
    const r = expectOk(extractPastedText("  The Moon\r\n\r\n\r\nIt orbits the Earth.  \n"));
    expect(r).toMatchObject({ kind: "paste", title: "The Moon", text: "The Moon\n\nIt orbits the Earth." });
    expect(r.sha256).toBe(sha256Hex("  The Moon\r\n\r\n\r\nIt orbits the Earth.  \n"));
    expect(expectOk(extractPastedText("It orbits.", "Moon facts")).title).toBe("Moon facts");
  });

  it("refuses empty, oversized and non-Latin pasted text", () => {
    expect(extractPastedText(" \n\t")).toMatchObject({ ok: false, code: "empty" });
    expect(extractPastedText("abc ".repeat(10), undefined, { maxBytes: 20 })).toMatchObject({
      ok: false,
      code: "too_large",
    });
    expect(extractPastedText("Москва — столица России.", "Cities")).toMatchObject({
      ok: false,
      code: "unsupported_script",
      fileName: "Cities",
    });
  });
});
