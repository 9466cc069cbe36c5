import type { SendFailure } from "./review-queue";

export type QueueStatusKind = "saved" | "saving" | "offline" | "retrying";

export interface QueueStatus {
  kind: QueueStatusKind;
  text: string;
}

function answers(n: number): string {
  return n === 1 ? "1 answer" : `${n} answers`;
}

/** The one-line save status shown (and announced) during a session. */
export function queueStatus(input: {
  waiting: number;
  sending: boolean;
  online: boolean;
  lastFailure: SendFailure | null;
}): QueueStatus {
  const { waiting, sending, online, lastFailure } = input;
  if (waiting === 0) return { kind: "saved", text: "All answers saved" };
  if (!online || lastFailure?.kind === "network") {
    return { kind: "offline", text: `${answers(waiting)} waiting to be saved — offline` };
  }
  if (lastFailure && !sending) {
    return { kind: "retrying", text: `${answers(waiting)} waiting to be saved — retrying soon` };
  }
  return { kind: "saving", text: waiting === 1 ? "Saving…" : `Saving… ${answers(waiting)} waiting` };
}
