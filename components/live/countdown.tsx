"use client";

import { useEffect, useState } from "react";
import { remainingMs } from "@/lib/live/clock";

type Props = { deadline: number; durationMs: number; offsetMs: number; closed: boolean; large?: boolean };

/**
 * What the polite live region says: it changes only at 10 s, 5 s and 0, so a
 * screen reader hears three announcements instead of one per second.
 */
export function countdownAnnouncement(seconds: number): string {
  if (seconds <= 0) return "Time is up.";
  if (seconds <= 5) return "5 seconds left.";
  if (seconds <= 10) return "10 seconds left.";
  return "";
}

/**
 * Counts down to the server's deadline using this device's clock offset, so
 * every phone and the projector show the same second.
 */
export function Countdown({ deadline, durationMs, offsetMs, closed, large = false }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (closed) return;
    const id = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(id);
  }, [closed, deadline]);
  const left = closed ? 0 : remainingMs(deadline, now, offsetMs);
  const seconds = Math.ceil(left / 1000);
  const share = durationMs > 0 ? Math.min(1, left / durationMs) : 0;
  return (
    <div className={`live-countdown${large ? " large" : ""}${seconds <= 5 ? " urgent" : ""}`}>
      <span className="live-countdown-number" role="timer" aria-label={`${seconds} seconds left`}>
        {seconds}
      </span>
      <span className="live-countdown-bar" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
      <span className="visually-hidden" aria-live="polite">
        {countdownAnnouncement(seconds)}
      </span>
    </div>
  );
}
