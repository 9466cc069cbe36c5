import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fromApkg, textBankTitle, toApkg } from "@/lib/interchange";

describe("a bank file's own title", () => {
  it("GIFT: the last named part of $CATEGORY", () => {
    expect(textBankTitle("x.gift", "$CATEGORY: $course$/top/The Panama Canal\n\n::q:: Is it? {T}")).toBe(
      "The Panama Canal",
    );
    expect(textBankTitle("x.txt", "// c\n$CATEGORY: Geography\n\n::q:: Is it? {T}")).toBe("Geography");
    expect(textBankTitle("x.gift", "$CATEGORY: $course$/top\n")).toBeNull();
    expect(textBankTitle("x.gift", "::q:: Is it? {T}")).toBeNull();
  });

  it("Quarry JSON: the bank's document title, unless it is the generic one", () => {
    const bank = (title: string) => JSON.stringify({ version: 1, documents: [{ id: "d", title }], questions: [] });
    expect(textBankTitle("bank.json", bank("Suez Canal"))).toBe("Suez Canal");
    expect(textBankTitle("bank.json", bank("Imported questions"))).toBeNull();
    expect(textBankTitle("bank.json", "{not json")).toBeNull();
  });

  it("other formats name none", () => {
    expect(textBankTitle("bank.csv", "prompt,answer\nA,B")).toBeNull();
  });

  it("Anki: the name of the deck the cards are in, never “Default”", async () => {
    const questions = [{ type: "flashcard" as const, prompt: "Canal opened?", answer: "1914" }];
    const named = await toApkg(questions, { deckName: "History::The Panama Canal", now: new Date("2026-01-01") });
    // Anki's own `::` between levels, so a re-export lands in the same nested deck.
    expect(await fromApkg(named)).toMatchObject({ ok: true, title: "History::The Panama Canal" });
    // A package whose cards sit in Anki's default deck names none.
    const plain = await fromApkg(
      new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/interchange/plain-deck.apkg"))),
    );
    expect(plain.ok && plain.title).toBeFalsy();
  });
});
