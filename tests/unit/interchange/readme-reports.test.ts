import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importReport, readBankFile } from "@/lib/interchange";
import { fixtureBytes } from "./samples";

const README = readFileSync(path.resolve(__dirname, "../../../lib/interchange/README.md"), "utf8");
const section = README.slice(README.indexOf("## What teachers see"));
const blocks = [...section.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe("the import reports in lib/interchange/README.md", () => {
  it("cover every fixture that build-fixtures.ts writes", () => {
    const source = readFileSync(path.resolve(__dirname, "../../fixtures/interchange/build-fixtures.ts"), "utf8");
    const built = [...source.matchAll(/write\(\s*"([^"]+)"/g)].map((m) => m[1]!);
    const reported = blocks.map((b) => b.split(":")[0]);
    expect(reported.sort()).toEqual([...built].sort());
    const present = readdirSync(path.resolve(__dirname, "../../fixtures/interchange"));
    for (const name of built) expect(present).toContain(name);
  });

  it("are what Quarry reports for those files today", async () => {
    for (const block of blocks) {
      const name = block.split(":")[0]!;
      const report = importReport(name, await readBankFile(name, fixtureBytes(name)));
      expect(report.join("\n"), name).toBe(block);
    }
  });
});
