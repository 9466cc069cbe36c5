"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { ReviewResult } from "@/lib/api/study-contract";
import type { ReviewQueueStore } from "@/lib/client/review-queue";

/** How often waiting answers are retried; each answer's own backoff still applies. */
const DRAIN_INTERVAL_MS = 3_000;

/**
 * Keeps the answer queue moving: restores it from storage, sends on load, when the
 * browser comes back online, and on a timer while answers wait. Returns whether the
 * browser believes it is online.
 */
function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useQueueSync(queue: ReviewQueueStore, onSaved: (result: ReviewResult) => void): boolean {
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

  useEffect(() => {
    void queue.persist.rehydrate().then(() => queue.getState().drain());
    const goOnline = () => {
      queue.getState().retryNow();
      void queue.getState().drain();
    };
    window.addEventListener("online", goOnline);
    const timer = window.setInterval(() => {
      if (queue.getState().items.length > 0 && navigator.onLine) void queue.getState().drain();
    }, DRAIN_INTERVAL_MS);
    const unsubscribe = queue.getState().onAcknowledged(onSaved);
    return () => {
      window.removeEventListener("online", goOnline);
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [queue, onSaved]);

  return online;
}
