import { describe, expect, it } from "vitest";
import { queueStatus } from "@/lib/client/queue-status";

describe("queueStatus", () => {
  const base = { waiting: 0, sending: false, online: true, lastFailure: null };
  it("says everything is saved when nothing waits", () => {
    expect(queueStatus(base)).toEqual({ kind: "saved", text: "All answers saved" });
  });
  it("counts waiting answers while offline", () => {
    expect(queueStatus({ ...base, waiting: 3, online: false }).text).toBe("3 answers waiting to be saved — offline");
    expect(queueStatus({ ...base, waiting: 1, lastFailure: { kind: "network", message: "x" } }).text).toBe(
      "1 answer waiting to be saved — offline",
    );
  });
  it("says saving while a send is under way, and retrying after a server error", () => {
    expect(queueStatus({ ...base, waiting: 1, sending: true }).text).toBe("Saving…");
    expect(queueStatus({ ...base, waiting: 2, sending: true }).text).toBe("Saving… 2 answers waiting");
    expect(queueStatus({ ...base, waiting: 2, lastFailure: { kind: "server", message: "x" } }).kind).toBe("retrying");
  });
});
