import { readFileSync } from "node:fs";
import path from "node:path";
import type { InterchangeQuestion } from "@/lib/interchange";

export const fixtureText = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../fixtures/interchange", name), "utf8");
export const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, "../../fixtures/interchange", name)));

/** One of each type, with characters each format has to escape. */
export const SAMPLE: InterchangeQuestion[] = [
  { type: "flashcard", prompt: "What is the capital of France?", answer: "Paris", tags: ["geography", "europe"] },
  { type: "cloze", prompt: "The _____ flows through ten countries.", answer: "Danube", tags: ["rivers"] },
  {
    type: "multiple_choice",
    prompt: "Which gas do plants absorb?",
    answer: "Carbon dioxide",
    choices: ["Oxygen", "Carbon dioxide", "Nitrogen", "Helium"],
  },
  { type: "true_false", prompt: "Water boils at 100 °C at sea level.", answer: "true", statementIsTrue: true },
  { type: "true_false", prompt: "The Moon is a planet.", answer: "false", statementIsTrue: false, tags: ["space"] },
];

/** Awkward content: delimiters, quotes, GIFT specials, HTML, newlines, gap at either end. */
export const TRICKY: InterchangeQuestion[] = [
  { type: "flashcard", prompt: 'Say "hi"; then, wave twice', answer: "a, b; c", tags: ["two words", "x|y"] },
  { type: "flashcard", prompt: "Escape ~ = # { } : and \\ in GIFT", answer: "=x~y#z{}", tags: ["gift"] },
  { type: "flashcard", prompt: "Line one\nline two", answer: "<b>not bold</b> & more" },
  { type: "cloze", prompt: "_____ was the first emperor of Rome.", answer: "Augustus" },
  { type: "cloze", prompt: "The answer is at the end: _____", answer: "42" },
  { type: "cloze", prompt: "In 1492 {Columbus} sailed: _____ (blue).", answer: "the ocean" },
  { type: "multiple_choice", prompt: "Pick = or ~", answer: "~", choices: ["=", "~", "#"], tags: ["symbols"] },
  {
    type: "multiple_choice",
    prompt: "Formula-looking choices?",
    answer: "=SUM(A1)",
    choices: ["+1", "=SUM(A1)", "@home", "-x"],
  },
  {
    type: "true_false",
    prompt: "Zürich is in Switzerland; Kraków is in Poland.",
    answer: "true",
    statementIsTrue: true,
  },
];

/** The fields every format must carry across a round trip. */
export const core = (qs: readonly InterchangeQuestion[]) =>
  qs.map((q) => ({ type: q.type, prompt: q.prompt, answer: q.answer, choices: q.choices }));
