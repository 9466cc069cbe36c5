import type { SessionCard } from "./session-model";

/**
 * Which card comes next: a learning card whose step is over, else the next unseen card,
 * else the soonest learning card, shown early rather than making the learner wait.
 */
export function pickNext(pending: SessionCard[], learning: SessionCard[], now: Date) {
  const [firstLearning, ...restLearning] = learning;
  if (firstLearning && firstLearning.state.due.getTime() <= now.getTime()) {
    return { current: firstLearning, pending, learning: restLearning };
  }
  const [firstPending, ...restPending] = pending;
  if (firstPending) return { current: firstPending, pending: restPending, learning };
  // Nothing new left: show the next learning card early rather than make the learner wait.
  if (firstLearning) return { current: firstLearning, pending, learning: restLearning };
  return { current: null, pending, learning };
}

export function insertByDue(learning: SessionCard[], card: SessionCard): SessionCard[] {
  const at = learning.findIndex((c) => c.state.due.getTime() > card.state.due.getTime());
  return at === -1 ? [...learning, card] : [...learning.slice(0, at), card, ...learning.slice(at)];
}
