import { unzipSync, zipSync } from "fflate";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { fromApkg, toApkg } from "@/lib/interchange";
import { checksum } from "@/lib/interchange/anki-export";
import { ANKI_SCHEMA_SQL } from "@/lib/interchange/anki-schema";
import { lieAboutSizes } from "../ingest/helpers";
import { core, fixtureBytes, SAMPLE, TRICKY } from "./samples";

const NOW = new Date("2026-03-01T12:00:00Z");

async function openCollection(apkg: Uint8Array) {
  const files = unzipSync(apkg);
  const SQL = await initSqlJs();
  return { files, db: new SQL.Database(files["collection.anki2"]) };
}

describe("Anki export", () => {
  it("builds a package with Anki's tables, Basic and Cloze models, and an empty media map", async () => {
    const { files, db } = await openCollection(await toApkg(SAMPLE, { deckName: "Geography", now: NOW }));
    try {
      expect(new TextDecoder().decode(files.media)).toBe("{}");
      const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0]!.values.flat();
      expect(tables).toEqual(["cards", "col", "graves", "notes", "revlog"]);
      const [ver, modelsJson, decksJson] = db.exec("SELECT ver, models, decks FROM col")[0]!.values[0]!;
      expect(ver).toBe(11);
      const models = Object.values(JSON.parse(String(modelsJson))) as {
        type: number;
        flds: { name: string }[];
        tmpls: { qfmt: string }[];
      }[];
      const basic = models.find((m) => m.type === 0)!;
      const cloze = models.find((m) => m.type === 1)!;
      expect(basic.flds.map((f) => f.name).slice(0, 2)).toEqual(["Front", "Back"]);
      expect(basic.tmpls[0]!.qfmt).toBe("{{Front}}");
      expect(cloze.flds.map((f) => f.name).slice(0, 2)).toEqual(["Text", "Back Extra"]);
      expect(cloze.tmpls[0]!.qfmt).toBe("{{cloze:Text}}");
      // The hidden field is used by no template.
      for (const m of models) for (const t of m.tmpls) expect(JSON.stringify(t)).not.toContain("Quarry");
      expect(Object.values(JSON.parse(String(decksJson))).map((d) => (d as { name: string }).name)).toContain(
        "Geography",
      );

      const notes = db.exec("SELECT id, guid, mod, usn, flds, sfld, csum, tags FROM notes ORDER BY id")[0]!.values;
      expect(notes).toHaveLength(SAMPLE.length);
      const cards = db.exec("SELECT nid, ord, type, queue FROM cards ORDER BY nid")[0]!.values;
      expect(cards.map((c) => c[0])).toEqual(notes.map((n) => n[0]));
      for (const [, guid, mod, usn, flds, sfld, csum] of notes) {
        expect(String(guid)).toMatch(/^[\x21-\x7e]{1,11}$/);
        expect(mod).toBe(Math.floor(NOW.getTime() / 1000));
        expect(usn).toBe(-1);
        const first = String(flds).split("\x1f")[0]!;
        expect(sfld).toBe(first.replace(/<[^>]*>/g, ""));
        expect(csum).toBe(checksum(String(sfld)));
      }
      const fields = notes.map((n) => String(n[4]).split("\x1f"));
      expect(fields[0]!.slice(0, 2)).toEqual(["What is the capital of France?", "Paris"]);
      expect(fields[1]![0]).toBe("The {{c1::Danube}} flows through ten countries.");
      expect(fields[2]![0]).toBe(
        "Which gas do plants absorb?<br><br>A. Oxygen<br>B. Carbon dioxide<br>C. Nitrogen<br>D. Helium",
      );
      expect(fields[2]![1]).toBe("B. Carbon dioxide");
      expect(fields[3]!.slice(0, 2)).toEqual(["Water boils at 100 °C at sea level.<br><br>True or false?", "True"]);
      expect(notes[0]![7]).toBe(" geography europe ");
    } finally {
      db.close();
    }
  });

  it("computes the checksum as Anki does: first 8 hex digits of SHA-1", () => {
    // `printf Paris | sha1sum` → 22390ad1…; 0x22390ad1 = 574163665.
    expect(checksum("Paris")).toBe(574163665);
  });

  it("gives the same question the same guid across exports", async () => {
    const guids = async (now: Date) => {
      const { db } = await openCollection(await toApkg(SAMPLE, { deckName: "D", now }));
      const v = db.exec("SELECT guid FROM notes ORDER BY id")[0]!.values.flat();
      db.close();
      return v;
    };
    expect(await guids(NOW)).toEqual(await guids(new Date("2027-01-01T00:00:00Z")));
  });
});

describe("Anki import", () => {
  it("reads Basic, reversed and Cloze notes from a plain Anki deck, listing what it skips", async () => {
    const r = await fromApkg(fixtureBytes("plain-deck.apkg"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.questions).toEqual([
      {
        type: "flashcard",
        prompt: "What is the capital of France?",
        answer: "Paris",
        tags: ["geography", "europe"],
        noteId: "anki-guid0",
      },
      {
        type: "cloze",
        prompt: "The _____ is the longest river in Africa.",
        answer: "Nile",
        tags: ["geography"],
        noteId: "anki-guid1",
      },
      {
        type: "cloze",
        prompt: "The Nile is the longest river in _____.",
        answer: "Africa",
        tags: ["geography"],
        noteId: "anki-guid1",
      },
      // "Basic (and reversed card)": one note, two variants.
      { type: "flashcard", prompt: "Hund", answer: "dog", tags: ["german"], noteId: "anki-guid2" },
      { type: "flashcard", prompt: "dog", answer: "Hund", tags: ["german"], noteId: "anki-guid2" },
      {
        type: "flashcard",
        prompt: "Water boils at 100 °C at sea level & 1 atm.\nTrue?",
        answer: "Yes",
        noteId: "anki-guid4",
      },
    ]);
    expect(r.skipped).toEqual([
      { record: 4, reason: "one side held only an image that was left out" },
      { record: 6, reason: "cloze c1 hides 2 gaps at once; Quarry questions have one gap" },
    ]);
    expect(r.changes).toContain("Image map.png left out: it is not in the package in 1 note");
  });

  it("reads collection.anki21 in preference to collection.anki2", async () => {
    const files = unzipSync(await toApkg(SAMPLE.slice(0, 1), { deckName: "D", now: NOW }));
    const legacy = unzipSync(fixtureBytes("plain-deck.apkg"))["collection.anki2"]!;
    const zip = zipSync({
      "collection.anki2": legacy,
      "collection.anki21": files["collection.anki2"]!,
      media: files.media!,
    });
    const r = await fromApkg(zip);
    expect(r.ok && r.questions.map((q) => q.prompt)).toEqual([SAMPLE[0]!.prompt]);
  });

  it("round-trips every type through a Quarry-exported package", async () => {
    for (const set of [SAMPLE, TRICKY]) {
      const r = await fromApkg(await toApkg(set, { deckName: "Round trip", now: NOW }));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.skipped).toBeUndefined();
      expect(core(r.questions)).toEqual(core(set));
      expect(r.questions.map((q) => q.tags ?? [])).toEqual(set.map((q) => q.tags ?? []));
    }
  });

  it("prefers edits made in Anki over the hidden copy of the question", async () => {
    const { files, db } = await openCollection(await toApkg(SAMPLE.slice(0, 3), { deckName: "D", now: NOW }));
    const row = db.exec("SELECT id, flds FROM notes ORDER BY id LIMIT 1")[0]!.values[0]!;
    const [id, flds] = [row[0]!, row[1]!];
    db.run("UPDATE notes SET flds = ? WHERE id = ?", [
      String(flds).replace("\x1fParis\x1f", "\x1fParis, France\x1f"),
      id,
    ]);
    const edited = zipSync({ "collection.anki2": db.export(), media: files.media! });
    db.close();
    const r = await fromApkg(edited);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.questions[0]).toEqual({
      type: "flashcard",
      prompt: SAMPLE[0]!.prompt,
      answer: "Paris, France",
      tags: ["geography", "europe"],
      noteId: expect.stringMatching(/^anki-/),
    });
    expect(core(r.questions.slice(1))).toEqual(core(SAMPLE.slice(1, 3)));
  });

  it("refuses a package whose collection declares more than the cap, before inflating it", async () => {
    const bomb = zipSync({
      "collection.anki2": new Uint8Array(3 * 1024 * 1024),
      media: new TextEncoder().encode("{}"),
    });
    expect(bomb.length).toBeLessThan(20_000);
    const r = await fromApkg(bomb, { limits: { maxTotalBytes: 1024 * 1024 } });
    expect(r).toMatchObject({ ok: false, errors: [{ code: "zip_bomb" }] });
  });

  it("stops inflating when an entry unpacks past its declared size", async () => {
    const liar = lieAboutSizes(zipSync({ "collection.anki2": new Uint8Array(3 * 1024 * 1024) }), 4096);
    const r = await fromApkg(liar);
    expect(r).toMatchObject({ ok: false, errors: [{ code: "zip_bomb" }] });
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/more than it declares/);
  });

  it("reports corrupt packages and collections clearly", async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode("not a zip at all"), /damaged|incomplete/],
      [zipSync({ "readme.txt": new TextEncoder().encode("hi") }), /not an Anki package/],
      [zipSync({ "collection.anki2": new TextEncoder().encode("SQLite format 3\0 but garbage after") }), /not a valid/],
      [zipSync({ "collection.anki21b": new Uint8Array([1, 2, 3]) }), /not zstd-compressed/],
      [zipSync({ "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 9, 9, 9]) }), /could not be read/],
      [fixtureBytes("plain-deck.apkg").subarray(0, 500), /damaged|incomplete/],
    ];
    for (const [bytes, pattern] of cases) {
      const r = await fromApkg(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(pattern);
    }
  });

  it("refuses an empty collection and lists validation errors by note", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(ANKI_SCHEMA_SQL);
    const basic = {
      name: "Basic",
      type: 0,
      flds: [{ name: "Front" }, { name: "Back" }],
      tmpls: [{ name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" }],
    };
    db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')", [
      JSON.stringify({ 1: basic }),
    ]);
    const empty = await fromApkg(zipSync({ "collection.anki2": db.export() }));
    expect(empty).toMatchObject({ ok: false, errors: [{ message: "The deck has no notes." }] });
    const note = "INSERT INTO notes VALUES (?, ?, 1, 0, -1, '', ?, '', 0, 0, '')";
    db.run(note, [1, "a", `Q\x1f${"x".repeat(5000)}`]);
    db.run(note, [2, "b", "Fine\x1fyes"]);
    const tooLong = await fromApkg(zipSync({ "collection.anki2": db.export() }));
    db.close();
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok)
      expect(tooLong.errors).toEqual([{ record: 1, message: "Note 1: The answer is longer than 1000 characters" }]);
  });
});
