import { describe, expect, it } from "vitest";
import { createMemoryPubSub } from "@/lib/live";

describe("createMemoryPubSub", () => {
  it("delivers to every subscriber of the channel and no other", async () => {
    const bus = createMemoryPubSub();
    const got: string[] = [];
    bus.subscribe("game:1", (m) => got.push(`a:${String(m)}`));
    bus.subscribe("game:1", (m) => got.push(`b:${String(m)}`));
    bus.subscribe("game:2", (m) => got.push(`c:${String(m)}`));
    await bus.publish("game:1", "hi");
    expect(got).toEqual(["a:hi", "b:hi"]);
    await bus.publish("nobody", "x");
    expect(got).toHaveLength(2);
  });

  it("stops delivering after unsubscribe and forgets empty channels", async () => {
    const bus = createMemoryPubSub();
    const got: unknown[] = [];
    const off = bus.subscribe("g", (m) => got.push(m));
    await bus.publish("g", 1);
    off();
    off();
    await bus.publish("g", 2);
    expect(got).toEqual([1]);
    expect(bus.subscriberCount("g")).toBe(0);
  });

  it("lets the same handler subscribe twice and leave once", async () => {
    const bus = createMemoryPubSub();
    const got: unknown[] = [];
    const handler = (m: unknown) => got.push(m);
    const off1 = bus.subscribe("g", handler);
    bus.subscribe("g", handler);
    off1();
    await bus.publish("g", "x");
    expect(got).toEqual(["x"]);
  });

  it("keeps going when one handler throws", async () => {
    const errors: unknown[] = [];
    const bus = createMemoryPubSub({ onHandlerError: (e) => errors.push(e) });
    const got: unknown[] = [];
    bus.subscribe("g", () => {
      throw new Error("stream closed");
    });
    bus.subscribe("g", (m) => got.push(m));
    await bus.publish("g", "x");
    expect(got).toEqual(["x"]);
    expect(errors).toHaveLength(1);
  });

  it("delivers a message to the subscribers present when it was published", async () => {
    const bus = createMemoryPubSub();
    const got: string[] = [];
    let offB = () => {};
    bus.subscribe("g", (m) => {
      got.push(`a:${String(m)}`);
      offB();
      bus.subscribe("g", (n) => got.push(`c:${String(n)}`));
    });
    offB = bus.subscribe("g", (m) => got.push(`b:${String(m)}`));
    await bus.publish("g", 1);
    expect(got).toEqual(["a:1", "b:1"]);
  });

  it("fans out to 2,000 subscribers", async () => {
    const bus = createMemoryPubSub();
    const counts = new Array<number>(2000).fill(0);
    const offs = counts.map((_, i) => bus.subscribe("big", () => counts[i]!++));
    await bus.publish("big", { phase: "question" });
    await bus.publish("big", { phase: "reveal" });
    expect(counts.every((c) => c === 2)).toBe(true);
    offs.slice(0, 500).forEach((off) => off());
    expect(bus.subscriberCount("big")).toBe(1500);
  });
});
