import { describe, expect, it } from "vitest";
import { newReviewId } from "@/lib/client/review-id";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newReviewId", () => {
  it("uses randomUUID when the context offers it", () => {
    const id = newReviewId({
      randomUUID: () => "11111111-1111-4111-8111-111111111111",
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => a,
    });
    expect(id).toBe("11111111-1111-4111-8111-111111111111");
  });

  it("builds a v4 UUID from random bytes otherwise", () => {
    const fill = <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.fill(0xff);
      return array;
    };
    expect(newReviewId({ getRandomValues: fill })).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(newReviewId()).toMatch(UUID_V4);
  });
});
