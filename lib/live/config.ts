import { LiveError } from "./errors";
import { seededRandom, shuffled, type Random } from "../random";
import type { LiveConfig, LiveConfigInput, LiveQuestion, LiveQuestionInput } from "./types";

export const MIN_SECONDS = 10;
export const MAX_SECONDS = 120;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 6;
export const DEFAULT_MAX_PLAYERS = 2500;
export const MAX_QUESTIONS = 200;
/**
 * A player whose connection drops still counts as present this long (a reload,
 * a Wi-Fi blip on a phone), so a drop never closes a round early.
 */
export const DISCONNECT_GRACE_MS = 15_000;
export const TRUE_FALSE_CHOICES = ["True", "False"] as const;

/** Validates the host's settings; throws LiveError("invalid_config" | "invalid_question"). */
export function validateConfig(input: LiveConfigInput): LiveConfig {
  const { secondsPerQuestion } = input;
  if (!Number.isInteger(secondsPerQuestion) || secondsPerQuestion < MIN_SECONDS || secondsPerQuestion > MAX_SECONDS) {
    throw new LiveError(
      "invalid_config",
      `Seconds per question must be a whole number from ${MIN_SECONDS} to ${MAX_SECONDS}.`,
    );
  }
  const maxPlayers = input.maxPlayers ?? DEFAULT_MAX_PLAYERS;
  if (!Number.isInteger(maxPlayers) || maxPlayers < 1 || maxPlayers > 10_000) {
    throw new LiveError("invalid_config", "Maximum players must be a whole number from 1 to 10000.");
  }
  if (input.questions.length < 1 || input.questions.length > MAX_QUESTIONS) {
    throw new LiveError("invalid_config", `A live quiz needs 1 to ${MAX_QUESTIONS} questions.`);
  }
  const seed = input.seed ?? 0;
  if (!Number.isSafeInteger(seed)) {
    throw new LiveError("invalid_config", "The shuffle seed must be an integer.");
  }
  input.questions.forEach(validateQuestion);
  return {
    secondsPerQuestion,
    shuffle: input.shuffle ?? false,
    seed,
    allowLateJoin: input.allowLateJoin ?? false,
    maxPlayers,
  };
}

function validateQuestion(q: LiveQuestionInput, index: number): void {
  const where = `Question ${index + 1}`;
  if (q.prompt.trim() === "") throw new LiveError("invalid_question", `${where} has no text.`);
  if (q.type === "true_false") {
    if (typeof q.correct !== "boolean") {
      throw new LiveError("invalid_question", `${where} needs a true or false answer.`);
    }
    return;
  }
  if (q.type !== "multiple_choice") {
    throw new LiveError("invalid_question", `${where} has an unsupported type for a live quiz.`);
  }
  if (q.choices.length < MIN_CHOICES || q.choices.length > MAX_CHOICES) {
    throw new LiveError("invalid_question", `${where} needs ${MIN_CHOICES} to ${MAX_CHOICES} choices.`);
  }
  if (q.choices.some((c) => c.trim() === "")) {
    throw new LiveError("invalid_question", `${where} has an empty choice.`);
  }
  if (!Number.isInteger(q.correctIndex) || q.correctIndex < 0 || q.correctIndex >= q.choices.length) {
    throw new LiveError("invalid_question", `${where} marks a choice that does not exist as correct.`);
  }
}

/**
 * Questions in play order. With shuffle on, question order and multiple-choice
 * order are permuted from the seed; true/false stays "True, False" so the
 * buttons never swap meaning.
 */
export function buildQuestions(inputs: readonly LiveQuestionInput[], config: LiveConfig): LiveQuestion[] {
  const random: Random | null = config.shuffle ? seededRandom(config.seed) : null;
  const ordered = random ? shuffled(inputs, random) : inputs.slice();
  return ordered.map((q) => {
    if (q.type === "true_false") {
      return {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        choices: [...TRUE_FALSE_CHOICES],
        correctIndex: q.correct ? 0 : 1,
      };
    }
    const order = q.choices.map((_, i) => i);
    const display = random ? shuffled(order, random) : order;
    return {
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      choices: display.map((i) => q.choices[i] as string),
      correctIndex: display.indexOf(q.correctIndex),
    };
  });
}
