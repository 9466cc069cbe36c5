import { describe, expect, it } from "vitest";
import { buildQuestions, createGame, validateConfig, type LiveQuestionInput } from "@/lib/live";
import { T0, expectLiveError, sampleQuestions } from "./helpers";

const base = { questions: sampleQuestions(), secondsPerQuestion: 20 };

describe("validateConfig", () => {
  it("fills defaults", () => {
    expect(validateConfig(base)).toEqual({
      secondsPerQuestion: 20,
      shuffle: false,
      seed: 0,
      allowLateJoin: false,
      maxPlayers: 2500,
    });
  });

  it("bounds seconds per question to 10–120 whole seconds", () => {
    expect(validateConfig({ ...base, secondsPerQuestion: 10 }).secondsPerQuestion).toBe(10);
    expect(validateConfig({ ...base, secondsPerQuestion: 120 }).secondsPerQuestion).toBe(120);
    for (const s of [9, 121, 15.5, Number.NaN]) {
      expectLiveError(() => validateConfig({ ...base, secondsPerQuestion: s }), "invalid_config");
    }
  });

  it("refuses no questions, a bad player cap or a fractional seed", () => {
    expectLiveError(() => validateConfig({ ...base, questions: [] }), "invalid_config");
    expectLiveError(() => validateConfig({ ...base, maxPlayers: 0 }), "invalid_config");
    expectLiveError(() => validateConfig({ ...base, seed: 0.5 }), "invalid_config");
  });

  it("refuses malformed questions", () => {
    const mc = (choices: string[], correctIndex: number): LiveQuestionInput[] => [
      { id: "x", type: "multiple_choice", prompt: "Q?", choices, correctIndex },
    ];
    expectLiveError(() => validateConfig({ ...base, questions: mc(["a"], 0) }), "invalid_question");
    expectLiveError(
      () => validateConfig({ ...base, questions: mc(["a", "b", "c", "d", "e", "f", "g"], 0) }),
      "invalid_question",
    );
    expectLiveError(() => validateConfig({ ...base, questions: mc(["a", "b"], 2) }), "invalid_question");
    expectLiveError(() => validateConfig({ ...base, questions: mc(["a", " "], 0) }), "invalid_question");
    expect(validateConfig({ ...base, questions: mc(["a", "b", "c", "d", "e", "f"], 5) }).secondsPerQuestion).toBe(20);
    const unsupported = [{ id: "x", type: "short_answer", prompt: "Q?" }] as unknown as LiveQuestionInput[];
    expectLiveError(() => validateConfig({ ...base, questions: unsupported }), "invalid_question");
  });
});

describe("shuffle", () => {
  const many: LiveQuestionInput[] = Array.from({ length: 12 }, (_, i) => ({
    id: `q${i}`,
    type: "multiple_choice",
    prompt: `Question ${i}`,
    choices: ["w", "x", "y", "z"],
    correctIndex: i % 4,
  }));

  it("is reproducible from the seed and keeps each correct choice pointing at the same text", () => {
    const config = validateConfig({ questions: many, secondsPerQuestion: 20, shuffle: true, seed: 42 });
    const a = buildQuestions(many, config);
    const b = buildQuestions(many, config);
    expect(a).toEqual(b);
    expect(a.map((q) => q.id)).not.toEqual(many.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(12);
    for (const q of a) {
      const source = many.find((m) => m.id === q.id);
      if (source?.type !== "multiple_choice") throw new Error("missing source");
      expect(q.choices[q.correctIndex]).toBe(source.choices[source.correctIndex]);
      expect([...q.choices].sort()).toEqual(["w", "x", "y", "z"]);
    }
    const other = buildQuestions(
      many,
      validateConfig({ questions: many, secondsPerQuestion: 20, shuffle: true, seed: 43 }),
    );
    expect(other.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });

  it("keeps true/false as True, False", () => {
    const tf: LiveQuestionInput[] = [{ id: "t", type: "true_false", prompt: "Sky is blue", correct: false }];
    const [q] = buildQuestions(tf, validateConfig({ questions: tf, secondsPerQuestion: 20, shuffle: true, seed: 7 }));
    expect(q).toMatchObject({ choices: ["True", "False"], correctIndex: 1 });
  });

  it("leaves order alone when off", () => {
    const game = createGame(
      { questions: many, secondsPerQuestion: 20 },
      { code: "111111", hostToken: "h-secret-1", now: T0 },
    );
    expect(game.questions.map((q) => q.id)).toEqual(many.map((q) => q.id));
    expect(game.questions.map((q) => q.correctIndex)).toEqual(many.map((_, i) => i % 4));
  });
});
