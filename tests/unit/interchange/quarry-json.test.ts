import { describe, expect, it } from "vitest";
import { portableBankSchema } from "@/lib/qgen/bank";
import { fromQuarryJson, toQuarryJson } from "@/lib/interchange";
import { core, fixtureText, SAMPLE } from "./samples";

describe("Quarry JSON bank", () => {
  it("imports a bank into the neutral shape, keeping the bank-only fields", () => {
    const r = fromQuarryJson(fixtureText("bank.json"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.questions.map((q) => q.type)).toEqual(["cloze", "multiple_choice", "flashcard", "true_false"]);
    expect(r.questions[1]).toMatchObject({ answer: "Danube", choices: ["Rhine", "Danube", "Elbe", "Volga"] });
    expect(r.questions[3]).toMatchObject({ answer: "false", statementIsTrue: false });
    expect(r.questions[0]).toMatchObject({ factType: "place", score: 0.8, quarry: { id: "q1" } });
    expect(r.bank.documents[0]!.title).toBe("Rivers");
  });

  it("re-exports an imported version-1 bank unchanged, each question its own note", () => {
    const text = fixtureText("bank.json"); // written before notes: no noteId
    const r = fromQuarryJson(text);
    if (!r.ok) throw new Error("import failed");
    expect(r.questions.every((q) => q.noteId === undefined)).toBe(true);
    const out = toQuarryJson(r.questions, { documentId: "doc-1", title: "Rivers" });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const original = JSON.parse(text).questions as Array<{ id: string }>;
    expect(out.bank.questions).toEqual(original.map((q) => ({ ...q, noteId: q.id })));
  });

  it("keeps notes: variants of one fact share a noteId through export and import", () => {
    const bank = JSON.parse(fixtureText("bank.json"));
    for (const q of bank.questions) q.noteId = "danube-fact";
    const r = fromQuarryJson(JSON.stringify(bank));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.questions.map((q) => q.noteId)).toEqual(["danube-fact", "danube-fact", "danube-fact", "danube-fact"]);
    const out = toQuarryJson(r.questions, { documentId: "doc-1", title: "Rivers" });
    expect(out.ok && out.bank.questions.map((q) => q.noteId)).toEqual(r.questions.map(() => "danube-fact"));
  });

  it("exports questions from elsewhere as a valid bank with stable ids", () => {
    const out = toQuarryJson(SAMPLE);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(portableBankSchema.safeParse(JSON.parse(out.json)).success).toBe(true);
    const again = toQuarryJson(SAMPLE);
    expect(again.ok && again.bank.questions.map((q) => q.id)).toEqual(out.bank.questions.map((q) => q.id));
    expect(new Set(out.bank.questions.map((q) => q.id)).size).toBe(SAMPLE.length);
    // Questions from other tools were made from no sentence: none is invented (a false statement is no source).
    expect(out.bank.questions.every((q) => q.source === undefined)).toBe(true);
    expect(out.bank.questions.map((q) => [q.factType, q.score])).toEqual(SAMPLE.map(() => ["term", 0.5]));
  });

  it("round-trips all four types", () => {
    const out = toQuarryJson(SAMPLE);
    if (!out.ok) throw new Error("export failed");
    const back = fromQuarryJson(out.json);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(core(back.questions)).toEqual(core(SAMPLE));
  });

  it("writes 2 to 6 choices and refuses what the format cannot hold", () => {
    const two = toQuarryJson([{ type: "multiple_choice", prompt: "2+2?", answer: "4", choices: ["3", "4"] }]);
    expect(two.ok).toBe(true);
    const seven = ["1", "2", "3", "4", "5", "6", "7"];
    const out = toQuarryJson([{ type: "multiple_choice", prompt: "Pick", answer: "4", choices: seven }]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ record: 1 });
  });

  it("reports invalid JSON with its line", () => {
    const r = fromQuarryJson('{\n  "version": 1,\n  "documents": [\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBe(4);
  });

  it("reports every schema problem with the question number and field", () => {
    const bank = JSON.parse(fixtureText("bank.json"));
    bank.questions[1].choices = ["Danube"];
    delete bank.questions[3].answer;
    bank.questions[2].type = "essay";
    const r = fromQuarryJson(JSON.stringify(bank));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.record).sort()).toEqual([2, 3, 4]);
    expect(r.errors.find((e) => e.record === 2)!.message).toMatch(/^Question 2: choices: /);
    expect("questions" in r).toBe(false); // all or nothing
  });

  it("applies the import checks beyond the schema (one correct choice, no duplicates)", () => {
    const bank = JSON.parse(fixtureText("bank.json"));
    bank.questions[1].choices = ["Rhine", "danube", "Danube", "Volga"];
    const r = fromQuarryJson(JSON.stringify(bank));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ record: 2, message: "Two choices are the same" }]);
  });

  it("refuses wrong versions and non-bank JSON", () => {
    expect(fromQuarryJson('{"version": 2, "documents": [], "questions": [], "conflicts": []}').ok).toBe(false);
    expect(fromQuarryJson("[1,2,3]").ok).toBe(false);
    expect(fromQuarryJson("").ok).toBe(false);
  });
});
