"use client";

import { queueStatus } from "@/lib/client/queue-status";
import { useQueue, useStudy } from "./study-context";

/** How many answers wait to reach the server, plus any the server refused. */
export function SaveStatus({ online }: { online: boolean }) {
  const { queue } = useStudy();
  const waiting = useQueue((s) => s.items.length);
  const sending = useQueue((s) => s.sending !== null);
  const lastFailure = useQueue((s) => s.lastFailure);
  const dropped = useQueue((s) => s.dropped);
  const status = queueStatus({ waiting, sending, online, lastFailure });
  return (
    <div className="save-status-area">
      <p className={`save-status save-${status.kind}`} role="status" aria-live="polite" data-waiting={waiting}>
        {status.text}
      </p>
      {dropped.length > 0 && (
        <div className="notice" role="alert">
          <p>{dropped.length === 1 ? "One answer was" : `${dropped.length} answers were`} not saved:</p>
          <ul>
            {dropped.map((d) => (
              <li key={d.review.reviewId}>{d.reason}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button secondary"
            onClick={() => queue.getState().dismissDropped(dropped.map((d) => d.review.reviewId))}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
