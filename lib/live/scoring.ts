/** Points for any correct answer. */
export const BASE_POINTS = 500;
/** Extra points for an instant answer; falls linearly to 0 at the deadline. */
export const MAX_SPEED_BONUS = 500;

/**
 * points = correct ? 500 + round(500 × (durationMs − responseMs) / durationMs) : 0
 *
 * responseMs is measured from when the question opened (also for a player who
 * joined mid-question) and is clamped to [0, durationMs]; so a correct answer
 * exactly at the deadline earns 500 and an instant one 1000.
 */
export function computePoints(correct: boolean, responseMs: number, durationMs: number): number {
  if (!correct) return 0;
  if (durationMs <= 0) return BASE_POINTS;
  const clamped = Math.min(Math.max(responseMs, 0), durationMs);
  return BASE_POINTS + Math.round((MAX_SPEED_BONUS * (durationMs - clamped)) / durationMs);
}
