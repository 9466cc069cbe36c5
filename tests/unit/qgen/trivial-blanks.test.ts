import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("blanks worth a question", () => {
  it("does not blank a name everyone knows, nor a name in a stock phrase", () => {
    const bank = bankOf([
      "Lake Baikal is Earth's deepest lake and holds about 23,600 cubic kilometres of fresh water. " +
        "Anna Petrova of Irkutsk set the fastest swim in Baikal Marathon history in August 2011.",
    ]);
    expect(asking(bank, "Earth")).toEqual([]);
    expect(asking(bank, "Baikal Marathon history")).toEqual([]);
    expect(asking(bank, "August 2011").length).toBeGreaterThan(0);
  });

  it("does not blank a job title, a group of people or 'one of'", () => {
    const bank = bankOf([
      "At nineteen, Ida Lindqvist found a mentor in chemistry lecturer Arvid Holm at the Uppsala laboratory. " +
        "In 1921, over 3,000 primary school children took part in the first national reading survey. " +
        "Of the many reforms in the statute, one of the most important created a national school inspectorate in 1842.",
    ]);
    expect(asking(bank, "chemistry lecturer")).toEqual([]);
    expect(asking(bank, "primary school children")).toEqual([]);
    expect(bank.questions.filter((q) => q.type !== "true_false" && q.answer === "one")).toEqual([]);
    expect(asking(bank, "1921").length).toBeGreaterThan(0);
  });

  it("does not ask for a range the sentence's stated length gives away", () => {
    const bank = bankOf([
      "In 1996, the harbour board of Ostend proposed a new tidal barrier across the river mouth. " +
        "A dispute over its cost between the board and the city lasted 4 years from 1996 to 2000 in the courts.",
    ]);
    expect(asking(bank, "1996 to 2000")).toEqual([]);
  });
});
