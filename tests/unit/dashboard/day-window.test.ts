import { describe, expect, it } from "vitest";
import { splitByDay } from "@/lib/dashboard/day-window";

const at = (iso: string) => new Date(iso);

describe("splitByDay", () => {
  it("reads the window's ragged ends and the cut's day from the logs, whole days from the totals", () => {
    const w = splitByDay(at("2026-02-08T12:00:00Z"), at("2026-03-10T12:00:00Z"), [at("2026-03-03T12:00:00Z")]);
    expect(w.firstDay).toBe("2026-02-09");
    expect(w.lastDay).toBe("2026-03-09");
    expect(w.partialDays).toEqual(["2026-02-08", "2026-03-03", "2026-03-10"]);
    expect(w.exact).toEqual([
      { from: at("2026-02-08T12:00:00Z"), to: at("2026-02-08T23:59:59.999Z") },
      { from: at("2026-03-03T00:00:00Z"), to: at("2026-03-03T23:59:59.999Z") },
      { from: at("2026-03-10T00:00:00Z"), to: at("2026-03-10T12:00:00Z") },
    ]);
  });

  it("takes a window that starts at midnight whole from its first day, and ignores a cut at midnight", () => {
    const w = splitByDay(at("2026-02-09T00:00:00Z"), at("2026-03-10T08:00:00Z"), [at("2026-03-03T00:00:00Z")]);
    expect(w.firstDay).toBe("2026-02-09");
    expect(w.partialDays).toEqual(["2026-03-10"]);
    expect(w.exact).toEqual([{ from: at("2026-03-10T00:00:00Z"), to: at("2026-03-10T08:00:00Z") }]);
  });

  it("covers a window inside one day from the logs alone", () => {
    const w = splitByDay(at("2026-03-10T01:00:00Z"), at("2026-03-10T02:00:00Z"));
    expect(w.firstDay > w.lastDay).toBe(true);
    expect(w.exact).toEqual([{ from: at("2026-03-10T01:00:00Z"), to: at("2026-03-10T02:00:00Z") }]);
  });
});
