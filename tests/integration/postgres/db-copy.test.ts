import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createDb, type Db } from "@/lib/server/db";
import { COPY_ORDER, copyDatabase } from "../../../scripts/lib/copy-database";
import { createTestDatabase, dropTestDatabase } from "../../helpers/postgres";
import { FILL_DATE, fillEveryTable } from "../../helpers/fill-every-table";

/** `npm run db:copy`: a laptop's SQLite install, every table filled, moved into an empty PostgreSQL database. */
let dir = "";
let from = "";
let target = { name: "", url: "" };

type Row = Record<string, unknown>;
const delegate = (client: Db, model: string) =>
  (client as unknown as Record<string, { findMany(a: object): Promise<Row[]> }>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ]!;

/** Every row of a table in key order; bytes as hex so the two drivers' buffer types compare equal. */
async function dump(client: Db, model: string): Promise<Row[]> {
  // Models keyed by several columns order by them all.
  const keys: Record<string, string[]> = {
    DeckDocument: ["deckId", "documentId"],
    CardTotal: ["learnerId", "questionId"],
    WrongChoiceTotal: ["learnerId", "questionId", "choice"],
    LearnerDayTotal: ["learnerId", "day"],
    ClassQuestionTotal: ["classId", "questionId"],
    ClassWrongChoiceTotal: ["classId", "questionId", "choice"],
    LearnerDocumentTotal: ["learnerId", "documentId"],
    DocumentQuestionTotal: ["documentId"],
    LearnerDocumentDue: ["cardId"],
  };
  const orderBy = keys[model]?.map((k) => ({ [k]: "asc" })) ?? { id: "asc" };
  const rows = await delegate(client, model).findMany({ orderBy });
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v]),
    ),
  );
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-copy-"));
  from = `file:${path.join(dir, "laptop.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: from },
    stdio: "pipe",
  });
  const laptop = createDb(from);
  await fillEveryTable(laptop);
  await laptop.$disconnect();
  target = await createTestDatabase("quarry_copy");
});

afterAll(async () => {
  if (target.name) await dropTestDatabase(target.name);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:copy from SQLite to PostgreSQL", () => {
  it("knows every model, parents first", () => {
    expect([...COPY_ORDER].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("copies every table, row for row and value for value, and checks the counts", async () => {
    const report = await copyDatabase({ from, to: target.url });
    expect(report.map((r) => r.model)).toEqual([...COPY_ORDER]);
    for (const r of report) expect(r.rows, r.model).toBeGreaterThan(0);

    const laptop = createDb(from);
    const server = createDb(target.url);
    try {
      for (const model of COPY_ORDER) expect(await dump(server, model), model).toEqual(await dump(laptop, model));

      // A few values spelled out, beyond "equal on both sides".
      const learner = await server.learner.findUniqueOrThrow({ where: { id: "learner-account" } });
      expect(learner.fsrsFit).toEqual({ reviews: 412, logLoss: { fitted: 0.31, default: 0.35 }, note: "ok ✓" });
      expect(learner.fsrsParams).toEqual([0.4, 1.2, 3.1, 15.5]);
      expect(learner.fsrsUseFitted).toBe(true);
      expect(learner.createdAt.toISOString()).toBe(FILL_DATE.toISOString());
      const guest = await server.learner.findUniqueOrThrow({ where: { id: "learner-guest" } });
      expect(guest).toMatchObject({ displayName: "Łukasz 🦊", isDemo: true, fsrsUseFitted: false, fsrsParams: null });
      const reviews = await server.reviewLog.findMany({ orderBy: { id: "asc" } });
      expect(reviews.map((r) => [r.correct, r.overridden, r.undoneAt?.getTime() ?? null])).toEqual([
        [true, false, null],
        [false, true, FILL_DATE.getTime() + 86_400_123],
        [false, false, null],
      ]);
      const q = await server.question.findUniqueOrThrow({ where: { id: "q-tf" } });
      expect(q).toMatchObject({ prompt: "東京は日本の首都です。", statementIsTrue: false, choices: null });
      const media = await server.media.findUniqueOrThrow({ where: { id: "media-1" } });
      expect([...media.data]).toEqual([0, 255, 137, 80]);
      const user = await server.user.findUniqueOrThrow({ where: { id: "user-teacher" } });
      expect(user.name).toBe("Zoë Ångström 先生");
    } finally {
      await Promise.all([laptop.$disconnect(), server.$disconnect()]);
    }
  });

  it("refuses a target that is not empty, and leaves it as it was", async () => {
    await expect(copyDatabase({ from, to: target.url })).rejects.toThrow(/not empty \(User: 2, /);
    const server = createDb(target.url);
    try {
      expect(await server.user.count()).toBe(2);
    } finally {
      await server.$disconnect();
    }
  });
});
