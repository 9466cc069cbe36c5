import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { type CardHistory, FIT_RULES, type FitMetrics, fittedIsBetter, longTermItems, splitHoldOut } from "./history";

/**
 * Fits FSRS parameters to one learner's history with the FSRS optimizer
 * (fsrs-rs through @open-spaced-repetition/binding, a native module shipped in
 * the npm package; no network), and checks them against the defaults on cards
 * the fit never saw. Server-only: never import this from browser code.
 */

export type FitOutcome =
  | { status: "too-few"; trainItems: number; needed: number }
  | {
      status: "fitted";
      parameters: number[];
      fitted: FitMetrics;
      defaults: FitMetrics;
      /** True when the fitted parameters beat the defaults on the held-out reviews. */
      useFitted: boolean;
      trainItems: number;
      testItems: number;
    };

/**
 * One optimizer item per review on a later day than the card's previous one: the
 * card's reviews up to and including it (same-day repeats stay in the history).
 * The predictions FSRS is judged on are these long-term recalls; fsrs-rs rejects an
 * item that ends on a same-day review, and aborts the process on one with no
 * later-day review at all, so neither is ever built.
 */
export function toItems(histories: readonly CardHistory[]): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  for (const h of histories) {
    const reviews = h.reviews.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : Math.max(0, r.deltaT) }));
    for (let i = 1; i < reviews.length; i++) {
      if (reviews[i]!.deltaT === 0) continue;
      items.push(new FSRSBindingItem(reviews.slice(0, i + 1).map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
    }
  }
  return items;
}

function evaluate(parameters: readonly number[], items: FSRSBindingItem[]): FitMetrics {
  const { logLoss, rmseBins } = new FSRSBinding([...parameters]).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

export async function fitLearner(histories: readonly CardHistory[]): Promise<FitOutcome> {
  const { train, test } = splitHoldOut(histories);
  const trainItems = longTermItems(train);
  const testItems = longTermItems(test);
  if (trainItems < FIT_RULES.minTrainItems || testItems === 0) {
    return { status: "too-few", trainItems, needed: FIT_RULES.minTrainItems };
  }
  const parameters = await computeParameters(toItems(train), { enableShortTerm: true, numRelearningSteps: 1 });
  const heldOut = toItems(test);
  let fitted: FitMetrics;
  let defaults: FitMetrics;
  try {
    fitted = evaluate(parameters, heldOut);
    defaults = evaluate(default_w, heldOut);
  } catch {
    // fsrs-rs: "NotEnoughData" when the held-out cards are too few to judge.
    return { status: "too-few", trainItems, needed: FIT_RULES.minTrainItems };
  }
  return {
    status: "fitted",
    parameters,
    fitted,
    defaults,
    useFitted: fittedIsBetter(fitted, defaults),
    trainItems,
    testItems,
  };
}
