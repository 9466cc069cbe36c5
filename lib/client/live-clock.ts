import { estimateClockOffset, type ClockSample } from "@/lib/live/clock";
import type { FetchLike } from "./api-client";

/**
 * Estimates serverClock − deviceClock from a few GET /api/live/time round
 * trips (the shortest trip wins). 0 when the server cannot be reached: the
 * device clock is then the best guess, and the server still judges lateness.
 */
export async function measureClockOffset(
  fetchFn: FetchLike,
  clientNow: () => number = () => Date.now(),
  samples = 4,
): Promise<number> {
  const taken: ClockSample[] = [];
  for (let i = 0; i < samples; i++) {
    try {
      const clientSend = clientNow();
      const res = await fetchFn("/api/live/time", { cache: "no-store" });
      const body = (await res.json()) as { serverNow?: unknown };
      const clientReceive = clientNow();
      if (typeof body.serverNow === "number") taken.push({ clientSend, serverTime: body.serverNow, clientReceive });
    } catch {
      // a lost sample is fine; the others still count
    }
  }
  return estimateClockOffset(taken)?.offsetMs ?? 0;
}
