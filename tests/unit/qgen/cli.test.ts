import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankSchema } from "@/lib/qgen";
import { ROOT } from "./helpers";

let dir: string;

// Each call starts a Node process that loads the NLP model (~1-2 s, more on a
// busy 2-core machine), so these tests get a wider time budget than the default.
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

function qgen(...args: string[]) {
  const r = spawnSync(TSX, ["scripts/qgen.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qgen-cli-"));
  fs.mkdirSync(path.join(dir, "good", "nested"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "good", "history.md"),
    "---\ntitle: Canal\n---\nThe Panama Canal opened on August 15, 1914, after ten years of work by the United States.\n",
  );
  fs.writeFileSync(
    path.join(dir, "good", "nested", "science.txt"),
    "Marie Curie won the Nobel Prize in Chemistry in 1911 for her work on radium.\n",
  );
  fs.writeFileSync(path.join(dir, "good", "ignored.csv"), "a,b\n1,2\n");
  fs.writeFileSync(path.join(dir, "empty.md"), "");
  fs.writeFileSync(path.join(dir, "blob.txt"), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("qgen CLI", { timeout: 60_000 }, () => {
  it("writes a valid bank for good files and names each bad one on stderr", () => {
    const r = qgen(
      "--seed",
      "3",
      path.join(dir, "good"),
      path.join(dir, "empty.md"),
      path.join(dir, "blob.txt"),
      path.join(dir, "missing.md"),
    );
    expect(r.code).toBe(0);
    const bank = bankSchema.parse(JSON.parse(r.stdout));
    expect(bank.documents.map((d) => path.basename(d.path)).sort()).toEqual(["history.md", "science.txt"]);
    expect(bank.questions.some((q) => q.answer === "August 15, 1914")).toBe(true);
    expect(bank.questions.some((q) => q.answer === "Marie Curie")).toBe(true);
    expect(r.stderr).toContain("empty.md: has no text");
    expect(r.stderr).toContain("blob.txt: looks like a binary file");
    expect(r.stderr).toContain("missing.md: no such file or folder");
  });

  it("writes to --out and is deterministic for a seed", () => {
    const out1 = path.join(dir, "a.json");
    const out2 = path.join(dir, "b.json");
    expect(qgen("--out", out1, "--seed", "9", path.join(dir, "good")).code).toBe(0);
    expect(qgen("--out", out2, "--seed", "9", path.join(dir, "good")).code).toBe(0);
    expect(fs.readFileSync(out1, "utf8")).toBe(fs.readFileSync(out2, "utf8"));
    bankSchema.parse(JSON.parse(fs.readFileSync(out1, "utf8")));
  });

  it("reads a file given twice (or a copy of it) once", () => {
    const file = path.join(dir, "good", "history.md");
    const r = qgen(file, file);
    expect(r.code).toBe(0);
    expect(bankSchema.parse(JSON.parse(r.stdout)).documents).toHaveLength(1);
    expect(r.stderr).toContain("same content as");
  });

  it("exits 1 when no file could be processed", () => {
    const r = qgen(path.join(dir, "empty.md"), path.join(dir, "blob.txt"));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("empty.md");
    expect(r.stderr).toContain("no documents could be read");
  });

  it("exits 1 with usage on bad arguments", () => {
    const r = qgen("--seed", "abc", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--seed must be an integer/);
    expect(qgen().code).toBe(1);
  });
});
