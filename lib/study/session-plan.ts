/**
 * What one study session serves, decided in one place: the deck page counts
 * the same plan the session is built from, so the two always agree.
 */
import type { CardStateName } from "../domain/enums";

export const STUDY_ORDERS = ["due-first", "new-first", "mixed"] as const;
export type StudyOrder = (typeof STUDY_ORDERS)[number];

export const STUDY_ORDER_LABELS: Record<StudyOrder, string> = {
  "due-first": "Reviews first, then new cards",
  "new-first": "New cards first, then reviews",
  mixed: "New cards mixed in among reviews",
};

export type PlannedState = CardStateName;

export interface DueItem {
  state: PlannedState;
  due: Date;
}

export interface NewItem {
  documentId: string;
  sentenceIndex: number;
}

export interface PlanInput<D extends DueItem, N extends NewItem> {
  /** Due learning, relearning and review cards, oldest due first. */
  due: readonly D[];
  /** Candidate new questions in reading order (more than needed: siblings are skipped). */
  fresh: readonly N[];
  /** New cards the learner may still start today. */
  newAllowance: number;
  /** Review-state cards the learner may still be shown today; learning cards are never held back. */
  reviewAllowance: number;
  /** Cards in one sitting at most. */
  size: number;
  order: StudyOrder;
  /** Sentences already in the session (from due cards), so a new sibling doesn't give the answer away. */
  sentenceKey?: (item: D) => string | null;
}

export type PlannedCard<D, N> = { kind: "due"; item: D } | { kind: "new"; item: N };

const keyOf = (q: NewItem) => `${q.documentId}:${q.sentenceIndex}`;

export function planSession<D extends DueItem, N extends NewItem>(input: PlanInput<D, N>): PlannedCard<D, N>[] {
  const size = Math.max(0, input.size);
  let reviewsLeft = Math.max(0, input.reviewAllowance);
  const due: D[] = [];
  for (const card of input.due) {
    if (due.length >= size) break;
    if (card.state === "review") {
      if (reviewsLeft === 0) continue;
      reviewsLeft -= 1;
    }
    due.push(card);
  }
  const seen = new Set<string>();
  for (const card of due) {
    const key = input.sentenceKey?.(card);
    if (key) seen.add(key);
  }
  const newCap = Math.min(Math.max(0, input.newAllowance), size - due.length);
  const fresh: N[] = [];
  for (const q of input.fresh) {
    if (fresh.length >= newCap) break;
    const key = keyOf(q);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(q);
  }
  const dueCards = due.map((item) => ({ kind: "due", item }) as const);
  const newCards = fresh.map((item) => ({ kind: "new", item }) as const);
  if (input.order === "new-first") return [...newCards, ...dueCards];
  if (input.order === "mixed") return interleave(dueCards, newCards);
  return [...dueCards, ...newCards];
}

/** Spreads the shorter list evenly through the longer one, keeping each list's order. */
function interleave<A, B>(a: readonly A[], b: readonly B[]): Array<A | B> {
  const out: Array<A | B> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Take from whichever list is further behind its share of the output.
    const aShare = a.length === 0 ? Infinity : i / a.length;
    const bShare = b.length === 0 ? Infinity : j / b.length;
    if (aShare <= bShare) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

export type PlanCounts = { new: number; learning: number; due: number };

/** New, learning and due counts of a plan: exactly the cards the session will show. */
export function countPlan(plan: ReadonlyArray<PlannedCard<DueItem, NewItem>>): PlanCounts {
  const counts: PlanCounts = { new: 0, learning: 0, due: 0 };
  for (const card of plan) {
    if (card.kind === "new") counts.new += 1;
    else if (card.item.state === "review") counts.due += 1;
    else counts.learning += 1;
  }
  return counts;
}
