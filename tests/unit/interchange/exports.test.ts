/**
 * What Quarry writes, checked against the other tool's own rules with an
 * independent reader: gift-pegjs for GIFT, sql.js reading the Anki
 * collection for .apkg. And round trips that keep every field.
 */
import { unzipSync } from "fflate";
import { parse as parseGift } from "gift-pegjs";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import {
  fromApkg,
  fromCsv,
  fromGift,
  fromQuarryJson,
  readBankFile,
  toApkg,
  toCsv,
  toGift,
  toQuarryJson,
  type InterchangeQuestion,
  type MediaFile,
} from "@/lib/interchange";
import { fixtureBytes, fixtureText, SAMPLE, TRICKY } from "./samples";

const NOW = new Date("2026-03-01T12:00:00Z");

/** Every field the round trips must keep, on every type. */
const RICH: InterchangeQuestion[] = [
  {
    type: "flashcard",
    prompt: "What is the capital of Japan?",
    answer: "Tokyo",
    tags: ["geography", "asia"],
    explanation: "Since 1868.",
    factType: "place",
    score: 0.82,
  },
  {
    type: "cloze",
    prompt: "The Treaty of _____ ended the war in 1648.",
    answer: "Westphalia",
    tags: ["history"],
    explanation: "Two treaties, signed in Osnabrück and Münster.",
    factType: "term",
    score: 0.4,
  },
  {
    type: "multiple_choice",
    prompt: "Which planet is largest?",
    answer: "Jupiter",
    choices: ["Mars", "Jupiter", "Venus"],
    tags: ["space"],
    explanation: "Jupiter is more than twice as massive as all other planets together.",
    factType: "place",
    score: 0.9,
  },
  {
    type: "multiple_choice",
    prompt: "Pick the even number",
    answer: "4",
    choices: ["1", "3", "4", "5", "7"],
    factType: "quantity",
    score: 0.5,
  },
  {
    type: "true_false",
    prompt: "Pluto is a planet.",
    answer: "false",
    statementIsTrue: false,
    explanation: "A dwarf planet since 2006.",
    factType: "term",
    score: 0.61,
  },
  // Syntax of the other tools inside the text.
  { type: "flashcard", prompt: "// not a comment", answer: "a -> b", factType: "term", score: 0.3 },
  { type: "multiple_choice", prompt: "Weights?", answer: "%50% off", choices: ["%50% off", "-> no"], score: 0.2 },
  { type: "cloze", prompt: "An empty object is _____ in JSON.", answer: "{}", score: 0.7, factType: "term" },
  { type: "cloze", prompt: "Write _____ for a vector.", answer: "std::vector", score: 0.7, factType: "term" },
];

const fields = (qs: readonly InterchangeQuestion[]) =>
  qs.map((q) => ({
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.choices,
    tags: q.tags ?? [],
    explanation: q.explanation,
    factType: q.factType ?? "term",
    score: q.score ?? 0.5,
  }));

describe("round trips keep type, prompt, answer, choices, tags, explanation, fact type and score", () => {
  it("Quarry JSON", () => {
    const out = toQuarryJson(RICH);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const back = fromQuarryJson(out.json);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(fields(back.questions)).toEqual(fields(RICH));
  });

  it("CSV", () => {
    const back = fromCsv(toCsv(RICH));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(fields(back.questions)).toEqual(fields(RICH));
  });

  it("GIFT", () => {
    const back = fromGift(toGift(RICH));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(fields(back.questions)).toEqual(fields(RICH));
  });

  it(".apkg", async () => {
    const back = await fromApkg(await toApkg(RICH, { deckName: "Rich", now: NOW }));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(fields(back.questions)).toEqual(fields(RICH));
  });

  it(".apkg with images: media written and read back", async () => {
    const png = fixtureBytes("anki-current-format.apkg"); // any bytes carry through; the reader sniffs the type
    const imported = await readBankFile("a.apkg", png);
    if (!imported.ok) throw new Error("import failed");
    const media: MediaFile[] = imported.media ?? [];
    const apkg = await toApkg(imported.questions, { deckName: "Flags", now: NOW, media });
    const files = unzipSync(apkg);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: "flag-of-japan.png" });
    expect(files["0"]).toEqual(media[0]!.bytes);
    const back = await fromApkg(apkg);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.questions.find((q) => q.answer === "Japan")?.prompt).toBe("[image:flag-of-japan.png]");
    expect(back.media?.map((m) => m.name)).toEqual(["flag-of-japan.png"]);
  });
});

describe("GIFT export read by an independent parser (gift-pegjs)", () => {
  // gift-pegjs keeps backslashes before characters GIFT has no escape for; Moodle shows them as typed.
  const plain = (s: string) => s.replace(/\\([>%])/g, "$1");

  it("gives every question the type, text, answers and feedback Quarry meant", () => {
    for (const set of [SAMPLE, TRICKY, RICH]) {
      const parsed = parseGift(toGift(set));
      expect(parsed).toHaveLength(set.length);
      parsed.forEach((question, i) => {
        const q = set[i]!;
        const g = question as typeof question & { stem: { text: string }; globalFeedback: { text: string } | null };
        const stem = plain(g.stem.text).replace("_____", "").replace(/\s+/g, " ").trim();
        if (q.type === "true_false") {
          expect(g.type).toBe("TF");
          expect((g as { isTrue: boolean }).isTrue).toBe(q.answer === "true");
        } else if (q.type === "multiple_choice") {
          expect(g.type).toBe("MC");
          const choices = (g as { choices: { isCorrect: boolean; text: { text: string } }[] }).choices;
          expect(choices.map((c) => plain(c.text.text))).toEqual(q.choices);
          expect(choices.filter((c) => c.isCorrect).map((c) => plain(c.text.text))).toEqual([q.answer]);
        } else {
          expect(g.type).toBe("Short");
          const choices = (g as { choices: { text: { text: string } }[] }).choices;
          expect(choices.map((c) => plain(c.text.text))).toEqual([q.answer]);
        }
        const expected = q.type === "cloze" ? q.prompt.replace("_____", "") : q.prompt;
        expect(stem).toBe(expected.replace(/\s+/g, " ").trim());
        expect(g.globalFeedback?.text ?? undefined).toBe(q.explanation);
      });
    }
  });

  it("escapes a prompt that starts with //, and -> and %50% in answers", () => {
    const gift = toGift(RICH.slice(5, 7));
    expect(gift).toContain("::// not a comment::// not a comment {=a -\\> b");
    expect(gift).toContain("=\\%50% off");
    const parsed = parseGift(gift);
    expect(parsed.map((g) => g.type)).toEqual(["Short", "MC"]);
  });

  it("reads Quarry's Moodle fixture the same way Quarry does for the kinds both support", () => {
    const parsed = parseGift(fixtureText("moodle-examples.txt"));
    const types = parsed.filter((g) => g.type !== "Category").map((g) => g.type);
    expect(types).toEqual([
      "MC",
      "Short",
      "MC",
      "MC",
      "Short",
      "Numerical",
      "Numerical",
      "Numerical",
      "TF",
      "Matching",
      "Essay",
      "Description",
    ]);
  });
});

describe(".apkg export checked against Anki's rules, reading the collection with sql.js", () => {
  async function notes(qs: readonly InterchangeQuestion[]) {
    const files = unzipSync(await toApkg(qs, { deckName: "D", now: NOW }));
    const SQL = await initSqlJs();
    const db = new SQL.Database(files["collection.anki2"]);
    const rows = db.exec("SELECT id, guid, flds FROM notes ORDER BY id")[0]!.values;
    const cards = db.exec("SELECT id, nid FROM cards")[0]!.values;
    db.close();
    return { rows, cards };
  }

  it("gives every note its own id and guid, even for identical questions", async () => {
    const bank = fromQuarryJson(fixtureText("bank-duplicates-and-braces.json"));
    if (!bank.ok) throw new Error("import failed");
    expect(bank.questions[0]).toMatchObject({ prompt: "What is H2O?" });
    expect(bank.questions[1]).toMatchObject({ prompt: "What is H2O?" });
    const { rows, cards } = await notes(bank.questions);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r[1])).size).toBe(rows.length);
    expect(new Set(cards.map((c) => c[0])).size).toBe(cards.length);
    // Re-exporting gives the same guids, so Anki updates the notes rather than adding copies.
    const again = await notes(bank.questions);
    expect(again.rows.map((r) => r[1])).toEqual(rows.map((r) => r[1]));
  });

  it("escapes cloze text so {, } and :: survive Anki's cloze syntax", async () => {
    const bank = fromQuarryJson(fixtureText("bank-duplicates-and-braces.json"));
    if (!bank.ok) throw new Error("import failed");
    const cloze = bank.questions.filter((q) => q.type === "cloze");
    const { rows } = await notes(cloze);
    // Anki's own cloze pattern (rslib/src/cloze.rs): {{c<n>::text[::hint]}}.
    const ANKI_CLOZE = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/gs;
    const decode = (html: string) =>
      html.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, "&");
    rows.forEach((row, i) => {
      const text = String(row[2]).split("\x1f")[0]!;
      const deletions = [...text.matchAll(ANKI_CLOZE)];
      expect(deletions).toHaveLength(1);
      expect(deletions[0]![1]).toBe("1");
      expect(deletions[0]![3]).toBeUndefined(); // no accidental hint
      expect(decode(deletions[0]![2]!)).toBe(cloze[i]!.answer);
      // What Anki shows around the gap is the prompt, braces and all.
      expect(decode(text.replace(ANKI_CLOZE, "_____"))).toBe(cloze[i]!.prompt);
    });
  });
});
