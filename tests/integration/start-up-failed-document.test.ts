import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { setupTestDatabase } from "./helpers/test-db";

const testDb = setupTestDatabase();
const run = promisify(execFile);

/** The content import exactly as `npm start` runs it (scripts/start.mjs stops if this step fails). */
function importStep(dir: string) {
  return run(path.resolve("node_modules/.bin/tsx"), ["scripts/import-content.ts", dir], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      QUARRY_FAIL_GENERATION_FOR: "doomed.md",
      QUARRY_GENERATION_MEMORY_MB: "384",
    },
  });
}

describe("start-up with a document whose generation fails", () => {
  it("imports the others, marks that one failed, exits 0, and skips it on the next start", async () => {
    const dir = path.join(testDb.dir(), "content");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "doomed.md"),
      "# Doomed\n\nThe Vexmoor Lighthouse was built in 1777 on Skerrow Point.\n",
    );
    fs.writeFileSync(path.join(dir, "fine.md"), "# Fine\n\nMarie Curie won the Nobel Prize in Chemistry in 1911.\n");

    const first = await importStep(dir); // rejects on a non-zero exit
    expect(first.stderr).toMatch(/marked failed .*doomed\.md: questions could not be generated: .*memory/);
    const doomed = await db().document.findUniqueOrThrow({ where: { contentPath: "doomed.md" } });
    const fine = await db().document.findUniqueOrThrow({ where: { contentPath: "fine.md" } });
    expect(doomed).toMatchObject({ generationStatus: "failed", generationError: expect.stringMatching(/memory/) });
    expect(fine.generationStatus).toBe("ready");
    expect(await db().question.count({ where: { documentId: fine.id, status: "published" } })).toBeGreaterThan(0);

    // The next start does not try it again (its file did not change), and still succeeds.
    const second = await importStep(dir);
    expect(second.stderr).not.toMatch(/marked failed/);
    expect(second.stdout).toMatch(/2 unchanged/);
    expect((await db().document.findUniqueOrThrow({ where: { id: doomed.id } })).generationStatus).toBe("failed");
  }, 180_000);
});
