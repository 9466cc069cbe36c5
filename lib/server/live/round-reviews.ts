import "server-only";

import { getLearner } from "@/lib/data/learners";
import type { Answer, LiveQuestion } from "@/lib/live/types";
import { newCardState, scheduleReview } from "@/lib/scheduling";
import { recordAnswer } from "@/lib/server/reviews";
import type { GameEntry } from "./registry";
import { liveReviewId } from "./review-id";

/**
 * Feeds one revealed question into the spaced-repetition progress of every
 * player with a learner: a right answer rates the card "good", a wrong one
 * "again". The review id is derived from game, player and question, so a
 * repeat of this call records nothing new.
 */
export async function recordRoundReviews(
  entry: Pick<GameEntry, "id" | "learners">,
  question: LiveQuestion,
  questionIndex: number,
  answers: Answer[],
): Promise<void> {
  for (const answer of answers) {
    const learnerId = entry.learners.get(answer.playerId);
    if (!learnerId) continue;
    const learner = await getLearner(learnerId);
    if (!learner) continue;
    try {
      await recordAnswer({
        learnerId,
        reviewId: liveReviewId(entry.id, answer.playerId, questionIndex),
        questionId: question.id,
        source: "live",
        decide: (_row, before) => {
          const at = new Date(Math.max(answer.at, before.lastReview?.getTime() ?? 0));
          const base = before.state === "new" && before.reps === 0 ? newCardState(at) : before;
          const rating = answer.correct ? "good" : "again";
          const { card, log } = scheduleReview(base, rating, at, { desiredRetention: learner.desiredRetention });
          return {
            card,
            log,
            response: question.choices[answer.choiceIndex] ?? null,
            correct: answer.correct,
            durationMs: answer.responseMs,
          };
        },
      });
    } catch (error) {
      // A question unpublished since the game began has no card to update; the others still count.
      console.error(`live: could not record review for ${answer.playerId} on question ${questionIndex}`, error);
    }
  }
}
