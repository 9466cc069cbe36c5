import { getFitReviews, getFitState, listLearnersWithReviews, saveFsrsFit } from "@/lib/data/fsrs-fit";
import { FIT_RULES, type FitMetrics, toHistories } from "@/lib/fsrs-fit/history";
import { fitLearner } from "@/lib/fsrs-fit/optimizer";

/** What the learner's settings page shows about the last fit. */
export type FsrsFitSummary = {
  status: "fitted" | "too-few";
  /** Answers in the log when the fit ran. */
  reviews: number;
  trainItems: number;
  testItems: number;
  needed: number;
  fitted: FitMetrics | null;
  defaults: FitMetrics | null;
  useFitted: boolean;
};

/** Fewer answers than this can never give the optimizer 64 later-day reviews in its training share. */
export const MIN_REVIEWS_TO_TRY = 100;

/** Fits one learner now and stores the outcome; the fitted parameters are used only when they won. */
export async function fitLearnerParameters(learnerId: string, now: Date): Promise<FsrsFitSummary | null> {
  const state = await getFitState(learnerId);
  if (!state) return null;
  const reviews = await getFitReviews(learnerId);
  const outcome = await fitLearner(toHistories(reviews, state.timeZone));
  const summary: FsrsFitSummary =
    outcome.status === "fitted"
      ? {
          status: "fitted",
          reviews: reviews.length,
          trainItems: outcome.trainItems,
          testItems: outcome.testItems,
          needed: FIT_RULES.minTrainItems,
          fitted: outcome.fitted,
          defaults: outcome.defaults,
          useFitted: outcome.useFitted,
        }
      : {
          status: "too-few",
          reviews: reviews.length,
          trainItems: outcome.trainItems,
          testItems: 0,
          needed: outcome.needed,
          fitted: null,
          defaults: null,
          useFitted: false,
        };
  await saveFsrsFit(learnerId, {
    params: outcome.status === "fitted" ? outcome.parameters : null,
    useFitted: summary.useFitted,
    fit: summary,
    at: now,
  });
  return summary;
}

/** Whether a learner's log has grown enough since the last fit to try again. */
export async function needsFit(learnerId: string): Promise<boolean> {
  const state = await getFitState(learnerId);
  if (!state || state.reviews < MIN_REVIEWS_TO_TRY) return false;
  const last = state.fsrsFit as FsrsFitSummary | null;
  return !last || state.reviews - last.reviews >= FIT_RULES.refitAfterReviews;
}

export async function learnersToFit(): Promise<string[]> {
  const candidates = await listLearnersWithReviews(MIN_REVIEWS_TO_TRY);
  const due: string[] = [];
  for (const id of candidates) if (await needsFit(id)) due.push(id);
  return due;
}

export async function getFitSummary(learnerId: string) {
  const state = await getFitState(learnerId);
  if (!state) return null;
  return {
    reviews: state.reviews,
    minReviews: MIN_REVIEWS_TO_TRY,
    fittedAt: state.fsrsFittedAt?.toISOString() ?? null,
    useFitted: state.fsrsUseFitted,
    last: (state.fsrsFit as FsrsFitSummary | null) ?? null,
  };
}
