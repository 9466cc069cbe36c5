import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("figures restated in brackets", () => {
  it("blanks a breakdown in brackets together with the figure it adds up to", () => {
    const bank = bankOf([
      "The ferry contract covers approximately €9.6 million (€4.8 million each for the two island routes) over a decade.",
    ]);
    const q = asking(bank, "€9.6 million").find((x) => x.type === "cloze")!;
    expect(q.answer).toBe("€9.6 million");
    expect(q.prompt).toBe("The ferry contract covers approximately _____ over a decade.");
  });

  it("never asks for one half of a paired conversion or a bare conversion", () => {
    const bank = bankOf([
      "The lake warmed by 0.31°C per decade (0.31°C / 0.56°F) between the two surveys of the basin.",
      "The summit of Ben Arkle stands 2,210 metres (7,251 ft) above the sea on the western ridge.",
    ]);
    expect(asking(bank, "0.56°F")).toEqual([]);
    expect(asking(bank, "7,251 ft").every((q) => q.answer !== "7,251 ft")).toBe(true);
    for (const q of bank.questions) expect(q.prompt).not.toMatch(/\([^)]*_____[^)]*\)/);
  });

  it("blanks a duration with the dates that spell it out", () => {
    const bank = bankOf([
      "The vaccine field trial in the northern provinces ran for 14 months (March 2019 to May 2020) in 210 schools.",
    ]);
    const q = asking(bank, "14 months").find((x) => x.type === "cloze")!;
    expect(q.answer).toBe("14 months");
    expect(q.prompt).not.toContain("March 2019");
  });
});
