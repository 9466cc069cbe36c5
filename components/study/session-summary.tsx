"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatDuration, RATING_LABELS, RATINGS, summarize } from "@/lib/client/session-summary";
import { useQueue, useSession, useStudy } from "./study-context";

/** End of the session: what was done, and where to go next. */
export function SessionSummary() {
  const { deckId } = useStudy();
  const model = useSession((s) => s.model);
  const waiting = useQueue((s) => s.items.length);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!model) return null;
  const summary = summarize(model);
  const empty = summary.answered === 0;
  return (
    <section className="card study-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" ref={heading} tabIndex={-1}>
        {empty ? "Nothing to study right now" : "Session complete"}
      </h2>
      {empty ? (
        <p>No cards are due in this deck. Come back later, or study another deck.</p>
      ) : (
        <dl className="summary-stats">
          <div>
            <dt>Answered</dt>
            <dd>{summary.answered}</dd>
          </div>
          <div>
            <dt>Correct</dt>
            <dd>{summary.correctPercent}%</dd>
          </div>
          <div>
            <dt>Time answering</dt>
            <dd>{formatDuration(summary.elapsedMs)}</dd>
          </div>
          <div>
            <dt>Waiting to be saved</dt>
            <dd>{waiting}</dd>
          </div>
          {RATINGS.map((r) => (
            <div key={r}>
              <dt>{RATING_LABELS[r]}</dt>
              <dd>{summary.byRating[r]}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="summary-links">
        <Link href={`/decks/${encodeURIComponent(deckId)}`} className="button">
          Back to the deck
        </Link>
        <Link href="/progress" className="button secondary">
          See your progress
        </Link>
      </p>
    </section>
  );
}
