import { describe, expect, it } from "vitest";
import { generateJoinCode, parseJoinCode } from "@/lib/live";
import { seededRandom } from "@/lib/random";
import { expectLiveError } from "./helpers";

/** Replays the given values, like a scripted Math.random. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

describe("generateJoinCode", () => {
  it("maps [0, 1) onto 100000–999999", () => {
    expect(generateJoinCode(scripted([0]), () => false)).toBe("100000");
    expect(generateJoinCode(scripted([0.5]), () => false)).toBe("550000");
    expect(generateJoinCode(scripted([0.999_999_999]), () => false)).toBe("999999");
  });

  it("skips codes that active games hold", () => {
    const taken = new Set(["100000", "550000"]);
    expect(generateJoinCode(scripted([0, 0.5, 0.25]), (c) => taken.has(c))).toBe("325000");
  });

  it("gives up with a typed error when every try collides", () => {
    expectLiveError(() => generateJoinCode(scripted([0.1]), () => true, 20), "join_code_exhausted");
  });

  it("always produces six digits without a leading zero", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) expect(generateJoinCode(random, () => false)).toMatch(/^[1-9]\d{5}$/);
  });
});

describe("parseJoinCode", () => {
  it("accepts spaced or dashed input and rejects anything else", () => {
    expect(parseJoinCode("123 456")).toBe("123456");
    expect(parseJoinCode("123-456")).toBe("123456");
    expect(parseJoinCode("012345")).toBeNull();
    expect(parseJoinCode("12345")).toBeNull();
    expect(parseJoinCode("12345a")).toBeNull();
  });
});
