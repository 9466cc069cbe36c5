// Next-due-cards query on a large study history: one learner with 100,000
// cards among 1,000,000 review logs. Run by hand:
//   npx tsx bench/due-query.ts [--cards 100000] [--logs 1000000] [--runs 200] [--analyze] [--keep]
// Targets (issue 14): getDueCards p50 <= 1.5x the hand-written baseline statement's p50, measured
// in the same run; the deck page's counts (getDeckCounts: the session plan of the whole corpus,
// new cards capped by the daily limit) p50 <= 10 ms. Prints the SQL Prisma sends, SQLite's plan
// for it and how many statements each call sends.
// --analyze repeats the timings after ANALYZE (what `PRAGMA optimize` would record).
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { printPlans, printTimings } from "./lib/due-report";
import { flagOption, numberOption } from "./lib/args";
import { bindable, explainPlan } from "./lib/explain";
import { captureQueries } from "./lib/query-capture";
import { seedDueHistory } from "./lib/seed-due";
import { openSqlite, sqlDate, type SqliteDb } from "./lib/sqlite";
import { summarize, timeRuns, type Summary } from "./lib/stats";
import { createMigratedDb } from "./lib/temp-db";

const CARDS = numberOption("cards", "BENCH_CARDS", 100_000);
const LOGS = numberOption("logs", "BENCH_LOGS", 1_000_000);
const OTHER_LEARNERS = numberOption("learners", "BENCH_LEARNERS", 99);
const RUNS = Math.max(200, numberOption("runs", "BENCH_RUNS", 200));
const WARMUP = 20;
const LIMIT = 50;
const TARGET_DUE_RATIO = 1.5;
const TARGET_COUNTS_P50_MS = 10;
const DOC = "bench-doc-0";
/** Every document: the deck of the whole corpus (filled once the database is seeded). */
let allDocs: string[] = [];

// The same result as getDueCards (card, its question and the document title), in one statement.
const BASELINE_SQL = `
  SELECT c.*, q.id AS qId, q.type, q.prompt, q.answer, q.choices, q.statementIsTrue, q.factType, q.documentId,
         q.sentenceIndex, q.sentence, q.status, d.title AS documentTitle
  FROM "Card" c
  JOIN "Question" q ON q.id = c.questionId
  JOIN "Document" d ON d.id = q.documentId
  WHERE c.learnerId = ? AND c.due <= ? AND c.state <> 'new' AND q.status = 'published'
  ORDER BY c.due ASC
  LIMIT ?`;

type DataLayer = typeof import("../lib/data/cards");
type Counts = () => Promise<unknown>;

// The deck counts come from a service module marked server-only (it throws outside React
// Server Components); the bench stands in for that marker, as vitest does (vitest.config.mts).
const requireCjs = createRequire(import.meta.url);
const serverOnly = requireCjs.resolve("server-only");
requireCjs.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;

async function timeAll(
  data: DataLayer,
  reader: SqliteDb,
  learnerId: string,
  now: Date,
  counts: Counts,
): Promise<Array<[string, Summary]>> {
  const baseline = reader.prepare(BASELINE_SQL);
  const time = async (runs: number, warmup: number, fn: () => unknown) => summarize(await timeRuns(runs, warmup, fn));
  return [
    ["getDueCards, all documents", await time(RUNS, WARMUP, () => data.getDueCards(learnerId, allDocs, now, LIMIT))],
    ["getDueCards, one document", await time(RUNS, WARMUP, () => data.getDueCards(learnerId, [DOC], now, LIMIT))],
    ["baseline SQL, all documents", await time(RUNS, WARMUP, () => baseline.all(learnerId, sqlDate(now), LIMIT))],
    ["deck counts, all documents", await time(RUNS, WARMUP, counts)],
  ];
}

/**
 * Where getDueCards' time goes beside the baseline: its own statement run as the
 * baseline is (prepared once in better-sqlite3), the same statement through
 * Prisma's $queryRawUnsafe without the row mapping, and Prisma's fixed cost per
 * raw statement (SELECT 1).
 */
async function printDueBreakdown(data: DataLayer, reader: SqliteDb, url: string, learnerId: string, now: Date) {
  const { db } = await import("../lib/server/db");
  const [statement] = await captureQueries(url, () => data.getDueCards(learnerId, allDocs, now, LIMIT));
  if (!statement) throw new Error("getDueCards sent no statement.");
  const params = statement.params.map(bindable);
  const prepared = reader.prepare(statement.sql);
  const baseline = reader.prepare(BASELINE_SQL);
  const time = async (fn: () => unknown) => summarize(await timeRuns(RUNS, WARMUP, fn));
  const cpuBefore = process.cpuUsage();
  const rows: Array<[string, Summary]> = [
    ["getDueCards, all documents", await time(() => data.getDueCards(learnerId, allDocs, now, LIMIT))],
    ["its statement, prepared in better-sqlite3", await time(() => prepared.all(...params))],
    ["its statement, Prisma $queryRawUnsafe", await time(() => db().$queryRawUnsafe(statement.sql, ...params))],
    ["Prisma $queryRaw SELECT 1", await time(() => db().$queryRaw`SELECT 1`)],
    ["baseline SQL, all documents", await time(() => baseline.all(learnerId, sqlDate(now), LIMIT))],
  ];
  const cpu = process.cpuUsage(cpuBefore);
  printTimings(
    `getDueCards broken down (load average ${os.loadavg()[0]!.toFixed(2)}; process CPU ` +
      `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for ${rows.length * (RUNS + WARMUP)} calls)`,
    rows,
  );
}

async function main() {
  const now = new Date();
  const temp = createMigratedDb("due");
  let disconnect: (() => Promise<void>) | undefined;
  try {
    const seedStart = performance.now();
    const writer = openSqlite(temp.file);
    const seeded = seedDueHistory(writer, {
      mainCards: CARDS,
      otherLearners: OTHER_LEARNERS,
      cardsPerOtherLearner: Math.min(CARDS, 2_000),
      totalLogs: LOGS,
      questionsPerDocument: 500,
      now,
      seed: 7,
    });
    writer.close();
    console.log(
      `Seeded ${seeded.documents} documents, ${seeded.questions} questions, ${OTHER_LEARNERS + 1} learners, ` +
        `${seeded.cards} cards, ${seeded.logs} review logs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s ` +
        `(${(fs.statSync(temp.file).size / 2 ** 20).toFixed(0)} MB).`,
    );

    // The data layer reads DATABASE_URL when it first opens its client.
    process.env.DATABASE_URL = temp.url;
    const data: DataLayer = await import("../lib/data/cards");
    disconnect = (await import("../lib/server/db")).disconnectDb;
    const learnerId = seeded.mainLearnerId;
    const reader = openSqlite(temp.file, { readonly: true });
    allDocs = (reader.prepare('SELECT id FROM "Document" ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);

    const { getDeckCounts } = await import("../lib/server/study-session");
    const learner = await (await import("../lib/data/learners")).getLearner(learnerId);
    if (!learner) throw new Error("The seeded learner is missing.");
    const deck = { id: "all", title: "All documents", documentIds: allDocs };
    const counts: Counts = () => getDeckCounts(learner, deck, now);
    console.log(`Deck counts of the whole corpus for the seeded learner: ${JSON.stringify(await counts())}.`);
    const countStatements = await captureQueries(temp.url, counts);
    console.log(`Deck counts: ${countStatements.length} statement(s) from Prisma.\n`);

    console.log(`Each call fetches the next ${LIMIT} due cards.\n`);
    printPlans(
      "getDueCards (all documents)",
      await captureQueries(temp.url, () => data.getDueCards(learnerId, allDocs, now, LIMIT)),
      reader,
    );
    printPlans(
      "getDueCards (one document)",
      (await captureQueries(temp.url, () => data.getDueCards(learnerId, [DOC], now, LIMIT))).slice(0, 1),
      reader,
    );
    console.log(
      `Baseline, one hand-written statement:${BASELINE_SQL}\n${explainPlan(reader, BASELINE_SQL, [learnerId, sqlDate(now), LIMIT])}\n`,
    );

    const fetched = await data.getDueCards(learnerId, allDocs, now, LIMIT);
    const rows = reader.prepare(BASELINE_SQL).all(learnerId, sqlDate(now), LIMIT) as Array<{ id: string }>;
    const same = fetched.length === rows.length && fetched.every((r, i) => r.card.id === rows[i]?.id);
    console.log(
      `getDueCards returned ${fetched.length} cards, the baseline ${rows.length}; the same cards in the same order: ${same ? "yes" : "NO"}.\n`,
    );

    await printDueBreakdown(data, reader, temp.url, learnerId, now);

    const cpuBefore = process.cpuUsage();
    const results = await timeAll(data, reader, learnerId, now, counts);
    const cpu = process.cpuUsage(cpuBefore);
    printTimings("Timings, database as migrated", results);
    const due = results[0]![1];
    const baseline = results[2]![1];
    const deckCounts = results[3]![1];
    console.log(`Targets (load average ${os.loadavg()[0]!.toFixed(2)}; above ~0.5 other work inflates wall times):`);
    console.log(
      `  getDueCards p50 ${due.p50.toFixed(2)} ms <= ${TARGET_DUE_RATIO}x baseline p50 ${baseline.p50.toFixed(2)} ms ` +
        `(${(due.p50 / baseline.p50).toFixed(2)}x): ${due.p50 <= baseline.p50 * TARGET_DUE_RATIO ? "met" : "NOT met"}`,
    );
    console.log(
      `  deck counts p50 ${deckCounts.p50.toFixed(2)} ms <= ${TARGET_COUNTS_P50_MS} ms: ` +
        `${deckCounts.p50 <= TARGET_COUNTS_P50_MS ? "met" : "NOT met"}`,
    );
    console.log(
      `  (process CPU over the timings: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for ${RUNS * 4 + WARMUP * 4} calls)\n`,
    );

    if (flagOption("analyze", "BENCH_ANALYZE")) {
      reader.close();
      const analyzer = openSqlite(temp.file);
      analyzer.exec("ANALYZE");
      analyzer.close();
      await disconnect(); // reopen, so the new statistics are read
      const after = openSqlite(temp.file, { readonly: true });
      printPlans(
        "After ANALYZE, getDueCards (one document)",
        (await captureQueries(temp.url, () => data.getDueCards(learnerId, [DOC], now, LIMIT))).slice(0, 1),
        after,
      );
      printTimings("Timings after ANALYZE", await timeAll(data, after, learnerId, now, counts));
      after.close();
    } else {
      reader.close();
    }
  } finally {
    await disconnect?.();
    if (flagOption("keep", "BENCH_KEEP")) console.log(`Kept the database at ${temp.file}`);
    else temp.remove();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
