import { describe, expect, it } from "vitest";
import { z } from "zod";
import { liveReviewId } from "@/lib/server/live/review-id";

describe("liveReviewId", () => {
  it("is the same for the same game, player and question, so a retry cannot double-count", () => {
    expect(liveReviewId("g1", "p1", 0)).toBe(liveReviewId("g1", "p1", 0));
  });

  it("differs when any part differs", () => {
    const ids = new Set([
      liveReviewId("g1", "p1", 0),
      liveReviewId("g1", "p1", 1),
      liveReviewId("g1", "p2", 0),
      liveReviewId("g2", "p1", 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it("does not collide when the parts could be concatenated two ways", () => {
    expect(liveReviewId("g1", "p11", 0)).not.toBe(liveReviewId("g1p", "11", 0));
  });

  it("is a well-formed version 8 UUID", () => {
    const id = liveReviewId("cm123", "p7", 12);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe("8");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });
});
