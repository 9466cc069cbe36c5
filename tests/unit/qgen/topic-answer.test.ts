import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("the document's own topic", () => {
  it("is not asked as an answer, while the facts about it are", () => {
    const bank = bankOf([
      "The Orvane Canal links the river port of Dessel with the coast at Marlin Bay. " +
        "Work on the Orvane Canal began in 1821 under the engineer Pieter Vandamme. " +
        "Barges on the Orvane Canal carried coal, grain and timber to the coast for a century. " +
        "In 1904 the Orvane Canal was widened to take steam tugs of up to 300 tonnes. " +
        "Traffic on the Orvane Canal fell after the railway reached Dessel in 1932. " +
        "Today the Orvane Canal is a protected waterway used mainly by pleasure boats.",
    ]);
    expect(asking(bank, "Orvane Canal")).toEqual([]);
    expect(asking(bank, "1821").length).toBeGreaterThan(0);
  });

  it("counts the mentions inside longer names too", () => {
    const bank = bankOf([
      "Lake Tarrow lies in a glacial basin north of the market town of Kelby. " +
        "Lake Tarrow was first surveyed in 1868 by officers of the county militia. " +
        "The fishery on Lake Tarrow supplied trout to the Kelby market for decades. " +
        "A dam raised the level of Lake Tarrow by four metres in 1931. " +
        "Boat crews first mapped the northern shore of Tarrow in 1874 with chains and poles. " +
        "Lake Tarrow became a nature reserve in 1977 after a long local campaign.",
    ]);
    expect(bank.questions.filter((q) => q.answer === "Tarrow")).toEqual([]);
    expect(asking(bank, "1874").length).toBeGreaterThan(0);
  });
});
