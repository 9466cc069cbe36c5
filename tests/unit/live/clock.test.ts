import { describe, expect, it } from "vitest";
import { estimateClockOffset, remainingMs } from "@/lib/live";

describe("estimateClockOffset", () => {
  it("uses the midpoint of the round trip", () => {
    // Client sends at 1000, server stamps 5060, reply lands at 1100: midpoint 1050, offset 4010.
    expect(estimateClockOffset([{ clientSend: 1000, serverTime: 5060, clientReceive: 1100 }])).toEqual({
      offsetMs: 4010,
      roundTripMs: 100,
    });
  });

  it("picks the sample with the least round trip", () => {
    const samples = [
      { clientSend: 0, serverTime: 900, clientReceive: 400 }, // rtt 400, offset 700
      { clientSend: 1000, serverTime: 1530, clientReceive: 1040 }, // rtt 40, offset 510
      { clientSend: 2000, serverTime: 2600, clientReceive: 2120 }, // rtt 120, offset 540
    ];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 510, roundTripMs: 40 });
  });

  it("handles a client clock ahead of the server", () => {
    expect(estimateClockOffset([{ clientSend: 10_000, serverTime: 7_020, clientReceive: 10_040 }])?.offsetMs).toBe(
      -3000,
    );
  });

  it("ignores impossible samples and returns null with none left", () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ clientSend: 100, serverTime: 50, clientReceive: 90 }])).toBeNull();
  });
});

describe("remainingMs", () => {
  it("counts down to the server deadline on the device's corrected clock", () => {
    // Device clock is 3 s behind the server (offset +3000).
    expect(remainingMs(50_000, 40_000, 3000)).toBe(7000);
    expect(remainingMs(50_000, 47_000, 3000)).toBe(0);
    expect(remainingMs(50_000, 48_000, 3000)).toBe(0);
  });
});
