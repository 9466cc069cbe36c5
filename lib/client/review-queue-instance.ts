import { createReviewQueueStore, type ReviewQueueStore } from "./review-queue";

let instance: ReviewQueueStore | null = null;

/** The browser's one answer queue, shared by every study page in this tab. */
export function getReviewQueueStore(): ReviewQueueStore {
  instance ??= createReviewQueueStore({
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    storage: () => (typeof window === "undefined" ? undefined : window.localStorage),
  });
  return instance;
}
