import { describe, expect, it } from "vitest";
import { createFailureThrottle, retryMessage } from "@/lib/server/failure-throttle";

const opts = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

describe("failure throttle", () => {
  it("allows the free failures, then doubles the wait after each further one, up to the cap", () => {
    const t = createFailureThrottle(opts);
    const delays = Array.from({ length: 7 }, () => t.fail("k", 0));
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(t.check("k", 0)).toEqual({ ok: false, retryAfterMs: 8000 });
    expect(t.check("k", 8000)).toEqual({ ok: true });
  });

  it("keeps keys apart: one address locked out leaves another untouched", () => {
    const t = createFailureThrottle(opts);
    for (let i = 0; i < 6; i++) t.fail("owner@s.org\n198.51.100.7", 0);
    expect(t.check("owner@s.org\n198.51.100.7", 10).ok).toBe(false);
    expect(t.check("owner@s.org\n203.0.113.5", 10)).toEqual({ ok: true });
  });

  it("forgets a success's history, so correct passwords never use anything up", () => {
    const t = createFailureThrottle(opts);
    for (let round = 0; round < 10; round++) {
      t.fail("k", round);
      t.fail("k", round);
      t.succeed("k");
      expect(t.check("k", round)).toEqual({ ok: true });
    }
  });

  it("forgets idle keys and stays within its key budget", () => {
    const t = createFailureThrottle({ ...opts, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) t.fail(`k${i}`, i);
    expect(t.size()).toBeLessThanOrEqual(100);
    for (let i = 0; i < 5; i++) t.fail("old", 0);
    expect(t.check("old", 60_000)).toEqual({ ok: true });
  });

  it("words the wait for people", () => {
    expect(retryMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(retryMessage(8000)).toBe("Too many attempts. Try again in 8 seconds.");
    expect(retryMessage(15 * 60_000)).toBe("Too many attempts. Try again in 15 minutes.");
  });
});
