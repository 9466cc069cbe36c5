/**
 * One test per file a teacher brings (issue: "Import what teachers really
 * have"). Fixtures are built by tests/fixtures/interchange/build-fixtures.ts.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readBankFile, sniffText, type ImportSuccess } from "@/lib/interchange";
import { gradeAnswer } from "@/lib/study/grade";
import { fixtureBytes } from "./samples";

async function read(name: string, bytes = fixtureBytes(name)): Promise<ImportSuccess> {
  const r = await readBankFile(name, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("files teachers bring", () => {
  it("reads a current Anki package: the zstd collection.anki21b, not the placeholder collection.anki2", async () => {
    const r = await read("anki-current-format.apkg");
    expect(r.readAs).toBe("Anki package (.apkg), current format (collection.anki21b, zstd)");
    expect(r.title).toBe("Geography::Capitals");
    expect(r.questions.map((q) => q.prompt)).not.toContain(expect.stringMatching(/Please update/));
    expect(r.questions).toEqual([
      {
        type: "flashcard",
        prompt: "What is the capital of Japan?",
        answer: "Tokyo",
        tags: ["geography", "asia"],
        noteId: expect.any(String),
      },
      {
        type: "cloze",
        prompt: "_____ is the capital of Australia.",
        answer: "Canberra",
        tags: ["geography"],
        explanation: "Not Sydney, which is larger.",
        noteId: r.questions[2]!.noteId,
      },
      {
        type: "cloze",
        prompt: "Canberra is the capital of _____.",
        answer: "Australia",
        tags: ["geography"],
        explanation: "Not Sydney, which is larger.",
        noteId: expect.any(String),
      },
      {
        type: "flashcard",
        prompt: "[image:flag-of-japan.png]",
        answer: "Japan",
        tags: ["flags"],
        noteId: expect.any(String),
      },
      { type: "flashcard", prompt: "Whose flag is this?", answer: "Nobody's", noteId: expect.any(String) },
    ]);
  });

  it("imports images within caps, with a sniffed image type, and lists those it leaves out", async () => {
    const r = await read("anki-current-format.apkg");
    expect(r.media?.map((m) => [m.name, m.mime])).toEqual([["flag-of-japan.png", "image/png"]]);
    expect(Array.from(r.media![0]!.bytes.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(r.changes).toContain("Image script.svg left out: it is not a PNG, JPEG, GIF or WebP image in 1 note");
    const capped = await readBankFile("x.apkg", fixtureBytes("anki-current-format.apkg"), {
      apkg: { maxImageBytes: 10 },
    });
    if (!capped.ok) throw new Error("import failed");
    expect(capped.media).toBeUndefined();
    expect(capped.skipped).toContainEqual({ record: 3, reason: "one side held only an image that was left out" });
    expect(capped.changes).toContain(
      "Image flag-of-japan.png left out: it is larger than 10 bytes or damaged in 1 note",
    );
  });

  it("lists every Anki note it skips, with the reason", async () => {
    const r = await read("anki-current-format.apkg");
    expect(r.skipped).toEqual([
      { record: 5, reason: "card “Card 1”: one side is empty (sound only or blank)" },
      { record: 6, reason: "image occlusion note (“Image Occlusion”)" },
    ]);
  });

  it("recognises a two-field note type by its templates, in any language and with genanki's field names", async () => {
    const r = await read("anki-other-languages.apkg");
    expect(r.title).toBe("Erdkunde");
    expect(r.questions.map((q) => [q.prompt, q.answer, q.tags])).toEqual([
      ["Hauptstadt von Österreich?", "Wien", ["geografie", "europa"]],
      ["Größter See der Schweiz?", "Genfersee", ["geografie"]],
      ["Capital of Argentina", "Buenos Aires", undefined],
      ["Capital of Chile", "Santiago", undefined], // "Basic (type in the answer)"
    ]);
    expect(r.skipped).toBeUndefined();
  });

  it("gives a reversed-card note two variants sharing one note id; an optional reverse only when ticked", async () => {
    const r = await read("anki-reversed.apkg");
    expect(r.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["der Hund", "the dog"],
      ["the dog", "der Hund"],
      ["die Katze", "the cat"],
      ["the cat", "die Katze"],
      ["das Pferd", "the horse"],
    ]);
    const ids = r.questions.map((q) => q.noteId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(new Set(ids).size).toBe(3);
    expect(r.changes ?? []).toEqual([]); // "Add Reverse" is a switch, not lost content
  });

  it("reads Anki's Notes in Plain Text export by its headers: HTML to text, cloze, reversed, tags, deck", async () => {
    const r = await read("anki-notes-in-plain-text.txt");
    expect(r.readAs).toBe("Anki “Notes in Plain Text” export, UTF-8");
    expect(r.title).toBe("Spanish");
    expect(r.questions).toEqual([
      { type: "flashcard", prompt: "el perro", answer: "the dog", tags: ["vocab", "animals"], noteId: "anki-Ab1{cD2e" },
      { type: "flashcard", prompt: "el gato", answer: "the cat", tags: ["vocab"], noteId: "anki-Fg3/hI4j" },
      { type: "flashcard", prompt: "the cat", answer: "el gato", tags: ["vocab"], noteId: "anki-Fg3/hI4j" },
      {
        type: "cloze",
        prompt: "_____ is the capital of Spain.",
        answer: "Madrid",
        explanation: "Since 1561.",
        tags: ["geography"],
        noteId: "anki-Kl5#mN6o",
      },
      {
        type: "cloze",
        prompt: "Madrid is the capital of _____.",
        answer: "Spain",
        explanation: "Since 1561.",
        tags: ["geography"],
        noteId: "anki-Kl5#mN6o",
      },
      { type: "flashcard", prompt: "What dish is this?", answer: "Paella", tags: ["food"], noteId: "anki-Pq7+rS8t" },
    ]);
    expect(r.changes).toEqual([
      "HTML converted to text in 3 notes",
      "Images left out (a text export carries none) in 1 note",
    ]);
  });

  it("reads a Quizlet export saved as .txt (term TAB definition), not as GIFT", async () => {
    const r = await read("quizlet-export.txt");
    expect(r.readAs).toBe("Tab-separated text (Quizlet, Anki's older text export), UTF-8");
    expect(r.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["photosynthesis", "the process by which plants make food from light"],
      ["chlorophyll", "the green pigment in leaves"],
      ["stomata", "pores on the underside of leaves"],
    ]);
  });

  it("keeps the gap of Moodle missing-word questions, as Moodle's own parser does", async () => {
    const r = await read("moodle-examples.txt");
    expect(r.readAs).toBe("Moodle GIFT, UTF-8");
    expect(r.title).toBe("Examples");
    expect(r.questions[0]).toEqual({
      type: "multiple_choice",
      prompt: "Grant is _____ in Grant's tomb.",
      answer: "entombed",
      choices: ["buried", "entombed", "living"],
      tags: ["history", "usa"],
    });
    expect(r.questions[1]).toMatchObject({ type: "cloze", prompt: "Two plus _____ equals four.", answer: "two" });
  });

  it("converts Moodle [html] to text, drops [plain], and keeps feedback as the explanation", async () => {
    const r = await read("moodle-examples.txt");
    const byTitle = (start: string) => r.questions.find((q) => q.prompt.startsWith(start))!;
    expect(byTitle("Which city")).toMatchObject({
      prompt: "Which city is the capital of France? See the map.",
      answer: "Paris",
    });
    expect(byTitle("What colour")).toMatchObject({ prompt: "What colour is a clear sky?", answer: "blue" });
    expect(r.questions.some((q) => /<a |\[plain\]|\[html\]/.test(q.prompt))).toBe(false);
    expect(byTitle("Who's buried")).toMatchObject({
      answer: "no one",
      explanation: "Right: it is a tomb above ground\n\nNobody is buried there.",
    });
    expect(byTitle("Grant was buried")).toMatchObject({ answer: "true", explanation: "Yes, in Manhattan." });
  });

  it("reads numerical questions as typed answers with Moodle's tolerance; lists matching, essay, description", async () => {
    const r = await read("moodle-examples.txt");
    const numeric = r.questions.filter((q) => q.prompt.endsWith("_____") && q.type === "cloze");
    expect(numeric.map((q) => [q.prompt, q.answer, q.tolerance])).toEqual([
      ["When was Ulysses S. Grant born? _____", "1822", undefined],
      ["What is the value of pi (to 3 decimal places)? _____", "3.1415", 0.0005],
      ["What is the value of e? _____", "2.718", 0.001],
    ]);
    expect(r.skipped?.map((s) => s.reason)).toEqual([
      "matching question",
      "essay question",
      "description item (no answers)",
    ]);
    // The study grader honours the tolerance, as Moodle does.
    const pi = { ...numeric[1]!, choices: null, statementIsTrue: null };
    const grade = (response: string) => gradeAnswer(pi, { response, durationMs: 4000 }).correct;
    expect([grade("3.142"), grade("3.141"), grade("3,1416"), grade("3.143"), grade("3")]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("decodes a Windows-1252 CSV and recognises its German header by name and shape", async () => {
    const r = await read("german-windows-1252.csv");
    expect(r.readAs).toBe("CSV, Windows-1252");
    expect(r.questions).toEqual([
      {
        type: "flashcard",
        prompt: "Hauptstadt von Österreich?",
        answer: "Wien",
        tags: ["geografie", "europa"],
        explanation: "Seit 1918 Hauptstadt der Republik.",
      },
      { type: "flashcard", prompt: "Größter See der Schweiz?", answer: "Genfersee", tags: ["geografie"] },
      { type: "flashcard", prompt: 'Wie heißt "Käse" auf Englisch?', answer: "cheese", tags: ["vokabeln"] },
    ]);
    expect(r.changes).toContain("HTML converted to text in 1 row");
  });

  it("detects a header in a language it has no names for by its shape", async () => {
    const text = "Kysymys;Vastaus\nMikä on Suomen pääkaupunki?;Helsinki\nMikä on Ruotsin pääkaupunki?;Tukholma\n";
    const r = await read("kysymykset.csv", new TextEncoder().encode(text));
    expect(r.questions.map((q) => q.prompt)).toEqual(["Mikä on Suomen pääkaupunki?", "Mikä on Ruotsin pääkaupunki?"]);
  });

  it("decodes UTF-16 (with and without BOM) and UTF-8 with BOM", async () => {
    const text = "Hund\tdog\nKätzchen\tkitten\n";
    for (const bytes of [
      new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf16le")]),
      new Uint8Array(iconv.encode(text, "utf16le")),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    ]) {
      const r = await read("words.txt", bytes);
      expect(r.questions.map((q) => q.prompt)).toEqual(["Hund", "Kätzchen"]);
    }
  });

  it("keeps tags from every format", async () => {
    expect((await read("tags.gift")).questions.map((q) => q.tags)).toEqual([["rivers", "europe"], ["space"]]);
    expect((await read("tags.csv")).questions.map((q) => q.tags)).toEqual([["geography", "europe"], ["space"]]);
    expect((await read("anki-other-languages.apkg")).questions[0]!.tags).toEqual(["geografie", "europa"]);
    expect((await read("bank-choices-and-tags.json")).questions.map((q) => q.tags)).toEqual([
      ["planets"],
      ["planets", "moons"],
      undefined,
    ]);
  });

  it("imports JSON banks with 3- and 5-choice questions and their explanations", async () => {
    const r = await read("bank-choices-and-tags.json");
    expect(r.title).toBe("Planets");
    expect(r.questions.map((q) => q.choices?.length)).toEqual([3, 5, undefined]);
    expect(r.questions[0]).toMatchObject({
      factType: "place",
      score: 0.9,
      explanation: "Mercury orbits at about 0.39 AU.",
    });
  });

  it("sniffs by content whatever the extension says", () => {
    expect(sniffText("Q {=a}\n", "x.csv")).toBe("gift");
    expect(sniffText("#separator:tab\n#html:false\na\tb\n", "x.csv")).toBe("ankiText");
    expect(sniffText("a\tb\nc\td\n", "x.gift")).toBe("tab");
    expect(sniffText("front,back\na,b\n", "x.txt")).toBe("csv");
    expect(sniffText('{"version":1,"questions":[]}', "x.txt")).toBe("json");
  });
});
