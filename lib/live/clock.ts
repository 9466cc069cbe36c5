/** One round trip: client clock before sending, server clock in the reply, client clock on receipt. */
export type ClockSample = { clientSend: number; serverTime: number; clientReceive: number };

export type ClockOffset = {
  /** serverClock ≈ clientClock + offsetMs. */
  offsetMs: number;
  roundTripMs: number;
};

/**
 * NTP-style estimate: offset = serverTime − (clientSend + clientReceive) / 2,
 * taken from the sample with the shortest round trip (least queuing, so the
 * midpoint assumption is most trustworthy). Samples with a negative round
 * trip are ignored. Returns null with no usable sample.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const s of samples) {
    const roundTripMs = s.clientReceive - s.clientSend;
    if (!Number.isFinite(roundTripMs) || roundTripMs < 0 || !Number.isFinite(s.serverTime)) continue;
    if (best === null || roundTripMs < best.roundTripMs) {
      best = { offsetMs: s.serverTime - (s.clientSend + s.clientReceive) / 2, roundTripMs };
    }
  }
  return best;
}

/** Countdown on any device: server deadline minus the device's estimate of server time, never below 0. */
export function remainingMs(deadline: number, clientNow: number, offsetMs: number): number {
  return Math.max(0, deadline - (clientNow + offsetMs));
}
