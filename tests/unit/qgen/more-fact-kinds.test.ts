import { describe, expect, it } from "vitest";
import { notStatement } from "@/lib/qgen/statements";
import { asking, bankOf } from "./helpers";

describe("more kinds of facts", () => {
  it("reads a fact box of labelled fields, while a short date line stays a stamp", () => {
    expect(notStatement("Date: June 11, 2025")).toBe("stamp");
    const box =
      "Date of Birth: May 2, 1921 Hometown: Ostend, Belgium Education: B.A., Physics, Ghent University, 1942 " +
      "Joined the Royal Observatory: March 1947 Retired from the observatory: 1983";
    expect(notStatement(box)).toBeNull();
    const bank = bankOf([
      box + "\n\nMarie Claes measured the orbits of 214 minor planets during her years at the observatory.",
    ]);
    expect(asking(bank, "March 1947").length).toBeGreaterThan(0);
  });

  it("takes a key term led by a gerund or a classifying prefix", () => {
    const bank = bankOf([
      "Economists compare national incomes through purchasing power parity rather than market exchange rates in most studies. " +
        "The treaty banned nontariff barriers on grain and timber between the two kingdoms after 1860.",
    ]);
    expect(asking(bank, "purchasing power parity").length).toBeGreaterThan(0);
    expect(asking(bank, "nontariff barriers").length).toBeGreaterThan(0);
  });
});
