import { type Card, State } from "ts-fsrs";
import { CARD_STATES, parseEnum, type CardStateName } from "../domain/enums";

// The one place card state changes shape: database rows (state as TEXT),
// ts-fsrs cards (numeric State, snake_case) and JSON (dates as ISO strings).

export type { CardStateName };

/** One row of scheduling columns; every field maps 1:1 to a database column. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  lastReview: Date | null;
}

const STATE_TO_FSRS: Record<CardStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const FSRS_TO_STATE: Record<State, CardStateName> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

export function stateToFsrs(state: CardStateName): State {
  return STATE_TO_FSRS[state];
}

export function stateFromFsrs(state: State): CardStateName {
  return FSRS_TO_STATE[state];
}

export function toFsrsCard(card: CardState): Card {
  const fsrsCard: Card = {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateToFsrs(card.state),
  };
  // ts-fsrs models "never reviewed" as an absent field rather than null.
  if (card.lastReview) fsrsCard.last_review = new Date(card.lastReview.getTime());
  return fsrsCard;
}

export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateFromFsrs(card.state),
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}

/** Exactly the scheduling fields of a card, e.g. from a stored row that carries more. */
export function cardColumns(card: CardState) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
  };
}

/** CardState over the wire and in stored JSON: dates as ISO strings. */
export type CardStateJson = Omit<CardState, "due" | "lastReview"> & { due: string; lastReview: string | null };

export function cardToJson(card: CardState): CardStateJson {
  const columns = cardColumns(card);
  return { ...columns, due: columns.due.toISOString(), lastReview: columns.lastReview?.toISOString() ?? null };
}

export function cardFromJson(json: CardStateJson): CardState {
  return { ...json, due: new Date(json.due), lastReview: json.lastReview ? new Date(json.lastReview) : null };
}

/**
 * A card snapshot stored as JSON (ReviewLog.previousCard). Older snapshots may
 * lack fields added since; those come from `fallback`. A state that is not a
 * card state fails loudly rather than being guessed.
 */
export function cardFromStoredJson(json: unknown, fallback: CardState): CardState {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new Error("A stored card is not an object.");
  const o = json as Record<string, unknown>;
  return {
    ...fallback,
    ...o,
    state: parseEnum(CARD_STATES, o.state ?? fallback.state, "card state"),
    due: new Date(String(o.due)),
    lastReview: o.lastReview ? new Date(String(o.lastReview)) : null,
  };
}

/** A stored row whose state column is TEXT, with the state checked against CARD_STATES. */
export function cardFromRow<R extends { state: string }>(row: R): Omit<R, "state"> & { state: CardStateName } {
  return { ...row, state: parseEnum(CARD_STATES, row.state, "card state") };
}
