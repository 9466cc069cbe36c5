import { describe, expect, it } from "vitest";
import { allowedTypos, matchAnswer } from "@/lib/study/answer-match";
import { damerauLevenshtein } from "@/lib/study/edit-distance";
import { foldNumbers } from "@/lib/study/number-words";

const verdict = (expected: string, given: string): string => matchAnswer(expected, given).verdict;

describe("matchAnswer: exact after normalisation", () => {
  it.each([
    ["Paris", "paris"],
    ["Paris", "  Paris.  "],
    ["New York", "new   york"],
    ["Newton's law", "Newton’s law"],
    ["“Hamlet”", "Hamlet"],
    ["rock-and-roll", "rock and roll"],
    ["The Eiffel Tower", "Eiffel Tower"],
    ["Eiffel Tower", "the eiffel tower"],
    ["a sonnet", "sonnet"],
    ["2%", "2 percent"],
    ["2%", "2 per cent"],
    ["2 percent", "two per cent"],
    ["$1 trillion", "1 trillion dollars"],
    ["$1 trillion", "USD 1 trillion"],
    ["$1 trillion", "1,000,000,000,000 dollars"],
    ["$1 trillion", "US$1 trillion"],
    ["$2.5 billion", "2,500,000,000 USD"],
    ["€40", "40 euros"],
    ["Feb. 7, 2025", "February 7, 2025"],
    ["Feb. 7, 2025", "7 February 2025"],
    ["Feb. 7, 2025", "7th Feb 2025"],
    ["Feb. 7, 2025", "2025-02-07"],
    ["March 2020", "Mar 2020"],
    ["three", "3"],
    ["21", "twenty-one"],
    ["105", "one hundred and five"],
    ["3 million", "3,000,000"],
    ["1.5 million", "1,500,000"],
    ["100", "a hundred"],
    ["a million", "1,000,000"],
    ["constructor toString", "Constructor tostring"], // object-prototype names are plain words
  ])("%s = %s", (expected, given) => {
    expect(verdict(expected, given)).toBe("exact");
  });
});

describe("matchAnswer: close (typo only)", () => {
  it.each([
    ["Lincoln", "Lincon"], // 7 letters, one deletion
    ["Berlin", "Berlni"], // 6 letters, one transposition
    ["photosynthesis", "photosynthsis"], // 14 letters, one deletion
    ["photosynthesis", "fotosynthesis"], // 14 letters, two edits (p→f, drop h)
    ["mitochondria", "mitocondira"], // 12 letters, deletion + transposition
    ["Abraham Lincoln", "abraham lincon"],
    ["photosynthesis", "photo synthesis"], // a stray space
  ])("%s ~ %s", (expected, given) => {
    const result = matchAnswer(expected, given);
    expect(result.verdict).toBe("close");
    expect(result.expected).toBe(expected);
  });
});

describe("matchAnswer: wrong", () => {
  it.each([
    ["Paris", ""],
    ["Paris", "   "],
    ["Paris", "..."],
    ["Paris", "London"],
    ["1951", "1952"], // numbers never get typo tolerance
    ["3", "4"],
    ["1951", "19 51"], // no space tolerance inside numbers
    ["12", "1 2"],
    ["5 constructor", "5 valueOf"],
    ["three", "four"],
    ["2%", "20%"],
    ["$1 trillion", "$1 billion"],
    ["$1 trillion", "1 trillion euros"],
    ["Feb. 7, 2025", "February 8, 2025"],
    ["Feb. 7, 2025", "July 2, 2025"],
    ["cat", "cta"], // short words must be spelt exactly
    ["Rome", "Roma"],
    ["Berlin", "Brelni"], // 6 letters, two edits is too many
    ["mitochondria", "mtcondira"], // beyond two edits
    ["Abraham Lincoln", "Lincoln"],
    ["Eiffel Tower", "Tower"],
  ])("%s ≠ %s", (expected, given) => {
    expect(verdict(expected, given)).toBe("wrong");
  });

  it("is wrong when the expected answer normalises to nothing", () => {
    expect(verdict("?", "?")).toBe("wrong");
  });

  it("returns the expected answer trimmed, not normalised", () => {
    expect(matchAnswer("  The Eiffel Tower ", "eiffel tower")).toEqual({
      verdict: "exact",
      expected: "The Eiffel Tower",
    });
  });
});

describe("allowedTypos", () => {
  it("scales with word length and excludes numbers", () => {
    expect(allowedTypos("cat")).toBe(0);
    expect(allowedTypos("rome")).toBe(0);
    expect(allowedTypos("paris")).toBe(1);
    expect(allowedTypos("absolute")).toBe(1);
    expect(allowedTypos("absolutes")).toBe(2);
    expect(allowedTypos("19511951")).toBe(0);
  });
});

describe("damerauLevenshtein", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["berlin", "berlni", 1],
    ["ca", "ac", 1],
    ["abcdef", "abcdef", 0],
  ])("%s vs %s = %d", (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
    expect(damerauLevenshtein(b, a)).toBe(d);
  });
});

describe("foldNumbers", () => {
  it("keeps separate numbers separate", () => {
    expect(foldNumbers(["1951", "1952"])).toEqual(["1951", "1952"]);
    expect(foldNumbers(["one", "two"])).toEqual(["1", "2"]);
  });
  it("leaves bare scale words and other words alone", () => {
    expect(foldNumbers(["thousands", "of", "people"])).toEqual(["thousands", "of", "people"]);
    expect(foldNumbers(["million", "dollars"])).toEqual(["million", "dollars"]);
  });
  it("combines compound number phrases", () => {
    expect(foldNumbers(["2", "million", "300", "thousand"])).toEqual(["2300000"]);
    expect(foldNumbers(["nineteen", "hundred", "and", "fifty", "one"])).toEqual(["1951"]);
  });
});
