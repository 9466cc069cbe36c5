"use client";

import { sessionProgress } from "@/lib/client/session-summary";
import { useSession } from "./study-context";

export function SessionProgress() {
  const value = useSession((s) => (s.model ? sessionProgress(s.model).value : 0));
  const max = useSession((s) => (s.model ? sessionProgress(s.model).max : 0));
  const percent = max === 0 ? 100 : Math.round((value / max) * 100);
  const text = `${value} of ${max} cards done`;
  return (
    <div className="session-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="meta" aria-hidden="true">
        {value} / {max}
      </span>
    </div>
  );
}
