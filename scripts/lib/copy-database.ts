// Copies a whole SQLite install into an empty PostgreSQL database, for
// `npm run db:copy` (scripts/db-copy.ts). Rows go through the Prisma clients
// on both sides, so every value (dates, booleans, JSON, bytes) is read and
// written exactly as the app itself reads and writes it.
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "../../lib/generated/prisma/client";
import { databaseProvider } from "../../lib/server/database-url";
import { createDb, type Db } from "../../lib/server/db";
import { migratePostgres } from "./migrate-postgres";

/** Every model, parents before children (foreign keys point up this list). */
export const COPY_ORDER: readonly Prisma.ModelName[] = [
  "User",
  "Session",
  "Account",
  "Verification",
  "Learner",
  "Document",
  "Sentence",
  "Question",
  "Media",
  "Deck",
  "DeckDocument",
  "Conflict",
  "Card",
  "ReviewLog",
  "LiveGame",
  "LivePlayer",
  "LiveAnswer",
  "Classroom",
  "ClassMember",
  "Assignment",
  // Derived from ReviewLog: the target's triggers write them as the logs arrive, so they are not
  // copied, only counted (a source whose totals drifted fails the count; `npm run totals:rebuild` fixes it).
  "CardTotal",
  "WrongChoiceTotal",
  "LearnerDayTotal",
  // Derived from the totals above and ClassMember, by triggers, the same way.
  "ClassQuestionTotal",
  "ClassWrongChoiceTotal",
  // Derived from Card and Question the same way.
  "LearnerDocumentTotal",
  "DocumentQuestionTotal",
  "LearnerDocumentDue",
];

const DERIVED: ReadonlySet<Prisma.ModelName> = new Set([
  "CardTotal",
  "WrongChoiceTotal",
  "LearnerDayTotal",
  "ClassQuestionTotal",
  "ClassWrongChoiceTotal",
  "LearnerDocumentTotal",
  "DocumentQuestionTotal",
  "LearnerDocumentDue",
]);

/** Rows per read and per INSERT (well under PostgreSQL's 65,535 bound parameters for our widest table). */
const BATCH = 1000;
const SQLITE_MIGRATIONS = path.resolve("prisma", "migrations");

type Row = Record<string, unknown>;
type Delegate = {
  count(): Promise<number>;
  findMany(args: object): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
};
type Field = { name: string; kind: string; type: string };
type DataModel = { models: Record<string, { fields: Field[] }> };

const delegate = (client: object, model: string) =>
  (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

function scalarFields(client: Db, model: string): Field[] {
  const dataModel = (client as unknown as { _runtimeDataModel?: DataModel })._runtimeDataModel;
  const fields = dataModel?.models[model]?.fields;
  if (!fields) throw new Error(`db:copy: the Prisma client does not describe model ${model}`);
  return fields.filter((f) => f.kind === "scalar");
}

export type CopyReport = { model: string; rows: number }[];

async function counts(client: Db): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const model of COPY_ORDER) out.set(model, await delegate(client, model).count());
  return out;
}

async function appliedMigrations(client: Db): Promise<Set<string>> {
  const rows = await client.$queryRaw<Array<{ name: string }>>`
    SELECT "migration_name" AS "name" FROM "_prisma_migrations"
    WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  return new Set(rows.map((r) => r.name));
}

/** Reads one model in primary-key order, a batch at a time. */
async function* batches(client: Db, model: string, fields: Field[]): AsyncGenerator<Row[]> {
  const select = Object.fromEntries(fields.map((f) => [f.name, true]));
  const hasId = fields.some((f) => f.name === "id");
  // Keyset paging on `id`; the one table keyed by two columns (DeckDocument) is small and pages by offset.
  const orderBy = hasId ? { id: "asc" } : fields.filter((f) => f.name.endsWith("Id")).map((f) => ({ [f.name]: "asc" }));
  let lastId: unknown = undefined;
  for (let skip = 0; ; skip += BATCH) {
    const rows = await delegate(client, model).findMany({
      select,
      orderBy,
      take: BATCH,
      ...(hasId ? (lastId === undefined ? {} : { where: { id: { gt: lastId } } }) : { skip }),
    });
    if (rows.length === 0) return;
    yield rows;
    lastId = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}

/**
 * Copies `from` (a file: URL) into `to` (a postgresql:// URL): migrates the
 * target, refuses it unless every table is empty, copies every table in one
 * transaction (all or nothing), then compares row counts table by table.
 */
export async function copyDatabase({
  from,
  to,
  log = () => {},
}: {
  from: string;
  to: string;
  log?: (line: string) => void;
}): Promise<CopyReport> {
  if (databaseProvider(from) !== "sqlite") throw new Error("--from must be an SQLite file: URL");
  if (databaseProvider(to) !== "postgresql") throw new Error("--to must be a postgresql:// URL");
  const file = from.slice("file:".length);
  if (!fs.existsSync(file)) throw new Error(`--from: no such file ${file}`);

  const source = createDb(from);
  const target = createDb(to);
  try {
    const expected = fs
      .readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const sourceApplied = await appliedMigrations(source);
    const behind = expected.filter((m) => !sourceApplied.has(m));
    if (behind.length > 0) {
      throw new Error(
        `the SQLite database lacks ${behind.length} migration(s) (${behind[0]}…): start this version of Quarry on it ` +
          `once (npm start), or run DATABASE_URL=${from} npm run db:deploy, then copy`,
      );
    }
    const applied = await migratePostgres({ url: to, log });
    if (applied.length > 0) log(`Target migrated: ${applied.length} migration(s).`);
    const nonEmpty = [...(await counts(target))].filter(([, n]) => n > 0);
    if (nonEmpty.length > 0) {
      throw new Error(
        `the target database is not empty (${nonEmpty.map(([m, n]) => `${m}: ${n}`).join(", ")}); ` +
          "db:copy only fills a new, empty database",
      );
    }

    const want = await counts(source);
    await target.$transaction(
      async (tx) => {
        for (const model of COPY_ORDER) {
          if (DERIVED.has(model)) {
            log(`${model}: written from ReviewLog by the target's triggers`);
            continue;
          }
          const fields = scalarFields(source, model);
          const json = fields.filter((f) => f.type === "Json").map((f) => f.name);
          let copied = 0;
          for await (const rows of batches(source, model, fields)) {
            // A JSON column's SQL NULL must be written as DbNull (a bare null is refused).
            for (const row of rows) for (const name of json) if (row[name] === null) row[name] = Prisma.DbNull;
            copied += (await delegate(tx, model).createMany({ data: rows })).count;
          }
          log(`${model}: ${copied} row(s)`);
        }
      },
      { maxWait: 60_000, timeout: 24 * 3600 * 1000 },
    );

    const got = await counts(target);
    const wrong = COPY_ORDER.filter((m) => got.get(m) !== want.get(m));
    if (wrong.length > 0) {
      throw new Error(
        `row counts differ after the copy: ${wrong.map((m) => `${m} ${want.get(m)} → ${got.get(m)}`).join(", ")}`,
      );
    }
    return COPY_ORDER.map((model) => ({ model, rows: got.get(model)! }));
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}
