// Class dashboard on a large class: 500 learners, 300 questions, ~2,000,000
// review logs (plus learners outside the class, who must not be counted), and the
// same class with a tenth of the history (~200,000 logs), seeded and timed in the same run.
// Run by hand (the react-server condition lets the services' `server-only` imports load outside Next):
//   npx tsx --conditions=react-server bench/dashboard.ts [--learners 500] [--questions 300] [--logs 2000000] [--small-logs 200000]
//                              [--runs 15] [--try-indexes] [--keep]
// Targets (issue 14): each of the learner table, the question table and the charts p50 < 100 ms at
// 2M logs, and at most 1.5x its own p50 at 200k logs (the cost follows the class, not its history).
// Prints wall-clock and CPU time per call: on a shared machine the CPU time is the steadier number.
// The logs are written straight into SQLite with the triggers on ReviewLog, Card and Question set aside; the running totals
// are then written from them by the rebuild's own SQL (lib/server/progress-totals.ts), and the
// triggers put back. With --try-indexes the candidate indexes below are added and the timings repeated.
import fs from "node:fs";
import os from "node:os";
import { seededRandom } from "../lib/random";
import { flagOption, numberOption } from "./lib/args";
import { explainPlan } from "./lib/explain";
import { captureQueries } from "./lib/query-capture";
import { openSqlite, sqlDate, type SqliteDb } from "./lib/sqlite";
import { formatSummary, ms, summarize, type Summary } from "./lib/stats";
import { createMigratedDb, type TempDb } from "./lib/temp-db";
import { DAY_MS } from "../lib/time";

const LEARNERS = numberOption("learners", "BENCH_LEARNERS", 500);
const QUESTIONS = numberOption("questions", "BENCH_QUESTIONS", 300);
const LOGS = numberOption("logs", "BENCH_LOGS", 2_000_000);
const SMALL_LOGS = numberOption("small-logs", "BENCH_SMALL_LOGS", 200_000);
const RUNS = numberOption("runs", "BENCH_RUNS", 15);
const OUTSIDERS = 50;
const HISTORY_DAYS = 180;
const GOAL_MS = 100;
const GROWTH_GOAL = 1.5;
const CLASS_ID = "bench-class";

/**
 * Candidate indexes, tried on the temp database only with --try-indexes (the
 * schema is unchanged). Edit this list to measure an index before adding it.
 */
const CANDIDATE_INDEXES = [
  `CREATE INDEX "CardTotal_covering_idx" ON "CardTotal" ("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")`,
];

function seed(db: SqliteDb, now: Date, totalLogs: number): { logs: number; cards: number } {
  const random = seededRandom(11);
  const stamp = sqlDate(now);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  const documents = 3;
  const choices = ["Lisbon", "Porto", "Braga", "Faro"];
  db.transaction(() => {
    const doc = db.prepare(
      `INSERT INTO "Document" (id, title, fileName, text, sha256, importedAt, updatedAt) VALUES (?, ?, ?, 'Text.', ?, ?, ?)`,
    );
    // Each document is a one-document deck with the same id, as uploads make them; the class is assigned the decks.
    const deck = db.prepare(`INSERT INTO "Deck" (id, title, createdAt, updatedAt) VALUES (?, ?, ?, ?)`);
    const deckDoc = db.prepare(`INSERT INTO "DeckDocument" (deckId, documentId, position) VALUES (?, ?, 0)`);
    for (let d = 0; d < documents; d++) {
      doc.run(`bench-doc-${d}`, `Bench document ${d}`, `bench-${d}.md`, `sha-${d}`, stamp, stamp);
      deck.run(`bench-doc-${d}`, `Bench deck ${d}`, stamp, stamp);
      deckDoc.run(`bench-doc-${d}`, `bench-doc-${d}`);
    }
    const q = db.prepare(
      `INSERT INTO "Question" (id, documentId, type, prompt, answer, choices, factType, sentenceIndex, sentenceStart,
         sentenceEnd, sentence, score, status, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'Lisbon', ?, 'place', ?, 0, 10, 'Sentence.', 0.5, 'published', ?, ?)`,
    );
    const types = ["multiple_choice", "cloze", "flashcard", "true_false"];
    for (let i = 0; i < QUESTIONS; i++) {
      const type = types[i % types.length]!;
      q.run(
        `bench-q-${i}`,
        `bench-doc-${i % documents}`,
        type,
        `Where did meeting ${i} take place?`,
        type === "multiple_choice" ? JSON.stringify(choices) : null,
        i,
        stamp,
        stamp,
      );
    }
    db.prepare(
      `INSERT INTO "user" (id, name, email, role, createdAt, updatedAt) VALUES ('bench-teacher', 'Teacher', 't@bench', 'teacher', ?, ?)`,
    ).run(stamp, stamp);
    db.prepare(
      `INSERT INTO "Classroom" (id, name, teacherId, joinCode, createdAt) VALUES (?, 'Bench class', 'bench-teacher', 'BENCH1', ?)`,
    ).run(CLASS_ID, stamp);
    const user = db.prepare(
      `INSERT INTO "user" (id, name, email, role, createdAt, updatedAt) VALUES (?, ?, ?, 'learner', ?, ?)`,
    );
    const learner = db.prepare(`INSERT INTO "Learner" (id, userId, createdAt, lastSeenAt) VALUES (?, ?, ?, ?)`);
    const member = db.prepare(`INSERT INTO "ClassMember" (id, classId, learnerId, joinedAt) VALUES (?, ?, ?, ?)`);
    for (let l = 0; l < LEARNERS + OUTSIDERS; l++) {
      user.run(`bench-user-${l}`, `Learner ${l}`, `l${l}@bench`, stamp, stamp);
      learner.run(`bench-learner-${l}`, `bench-user-${l}`, stamp, stamp);
      if (l < LEARNERS) member.run(`bench-member-${l}`, CLASS_ID, `bench-learner-${l}`, stamp);
    }
    const assign = db.prepare(`INSERT INTO "Assignment" (id, classId, deckId, createdAt) VALUES (?, ?, ?, ?)`);
    for (let d = 0; d < documents; d++) assign.run(`bench-assign-${d}`, CLASS_ID, `bench-doc-${d}`, stamp);
  })();

  const card = db.prepare(
    `INSERT INTO "Card" (id, learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays,
       learningSteps, reps, lapses, state, lastReview, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 5, 0, 0, 0, ?, 0, ?, ?, ?, ?)`,
  );
  const log = db.prepare(
    `INSERT INTO "ReviewLog" (id, learnerId, cardId, questionId, rating, stateBefore, elapsedDays, scheduledDays,
       reviewedAt, durationMs, response, correct, source, previousCard, undoneAt, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 'study', 'null', ?, ?)`,
  );
  const ratings = ["again", "hard", "good", "good", "good", "easy"];
  const perLearner = Math.round(totalLogs / (LEARNERS + OUTSIDERS));
  let logs = 0;
  let cards = 0;
  for (let l = 0; l < LEARNERS + OUTSIDERS; l++) {
    db.transaction(() => {
      const learnerId = `bench-learner-${l}`;
      const studied = Math.max(1, Math.round(QUESTIONS * (0.5 + random() * 0.5)));
      const perCard = Math.max(1, Math.round(perLearner / studied));
      for (let i = 0; i < studied; i++) {
        const q = (l * 7 + i) % QUESTIONS;
        const cardId = `bench-card-${l}-${q}`;
        let at = now.getTime() - random() * HISTORY_DAYS * DAY_MS;
        const step = (now.getTime() - at) / (perCard + 1);
        const stability = random() * 60;
        const state = random() < 0.8 ? "review" : "relearning";
        const due = at + perCard * step + (random() - 0.6) * 20 * DAY_MS;
        card.run(
          cardId,
          learnerId,
          `bench-q-${q}`,
          sqlDate(new Date(due)),
          stability,
          perCard,
          state,
          sqlDate(new Date(at + (perCard - 1) * step)),
          stamp,
          stamp,
        );
        cards++;
        for (let k = 0; k < perCard; k++) {
          const rating = ratings[Math.floor(random() * ratings.length)]!;
          const correct = rating !== "again";
          const response = q % 4 === 0 ? (correct ? "Lisbon" : choices[1 + Math.floor(random() * 3)]!) : "Lisbon";
          const when = sqlDate(new Date(at));
          log.run(
            `bench-log-${l}-${q}-${k}`,
            learnerId,
            cardId,
            `bench-q-${q}`,
            rating,
            k === 0 ? "new" : "review",
            when,
            Math.floor(2000 + random() * 15_000),
            response,
            correct ? 1 : 0,
            random() < 0.005 ? sqlDate(new Date(at + 5000)) : null,
            when,
          );
          logs++;
          at += step;
        }
      }
    })();
  }
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = FULL");
  return { logs, cards };
}

/**
 * Wall-clock and CPU time per call. better-sqlite3 runs queries synchronously on
 * this thread, so CPU time is the work itself; on a busy machine wall time also
 * counts waiting for a core.
 */
async function timeBoth(fn: () => Promise<unknown>): Promise<{ wall: Summary; cpu: Summary }> {
  for (let i = 0; i < 2; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await fn();
    wall.push(performance.now() - wallStart);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

type Timing = { wall: Summary; cpu: Summary };
type Measured = { learners: Timing; questions: Timing; charts: Timing; whole: Timing; questionParts: QuestionParts };
/** The question table's statements one at a time, to show where its time goes. */
type QuestionParts = Record<"decks" | "deck questions" | "question totals" | "wrong choices", Timing>;

async function measure(): Promise<Measured> {
  const { buildClassCharts, buildClassDashboard, buildLearnerTable, buildQuestionTable, listClassDecks } =
    await import("../lib/server/dashboard");
  const { classQuestionTotals, classWrongChoices, listDeckQuestions } = await import("../lib/data/dashboard");
  const now = new Date();
  const learners = await timeBoth(() => buildLearnerTable(CLASS_ID, now));
  const questions = await timeBoth(() => buildQuestionTable(CLASS_ID));
  const rows = (await buildLearnerTable(CLASS_ID, now)).rows;
  const charts = await timeBoth(() => buildClassCharts(CLASS_ID, rows, now));
  const whole = await timeBoth(() => buildClassDashboard(CLASS_ID, now));
  const documentIds = [...new Set((await listClassDecks(CLASS_ID)).flatMap((d) => d.documentIds))];
  const questionParts: QuestionParts = {
    decks: await timeBoth(() => listClassDecks(CLASS_ID)),
    "deck questions": await timeBoth(() => listDeckQuestions(documentIds)),
    "question totals": await timeBoth(() => classQuestionTotals(CLASS_ID, documentIds)),
    "wrong choices": await timeBoth(() => classWrongChoices(CLASS_ID, documentIds)),
  };
  return { learners, questions, charts, whole, questionParts };
}

/** Points the app's client at another database file. */
async function switchDatabase(url: string) {
  const { disconnectDb } = await import("../lib/server/db");
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

/** A migrated database with `logs` review logs, its running totals written from them. */
async function seededDatabase(logs: number, now: Date): Promise<TempDb> {
  const temp = createMigratedDb(`dashboard-${logs}`);
  const started = performance.now();
  const writer = openSqlite(temp.file);
  // Bulk seeding one row at a time through the triggers would take far longer; the totals are
  // written afterwards from all the logs at once, as a rebuild does, and the triggers restored.
  const triggers = writer
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
         AND tbl_name IN ('ReviewLog', 'CardTotal', 'WrongChoiceTotal', 'ClassMember', 'Card', 'Question')`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) writer.exec(`DROP TRIGGER "${t.name}"`);
  const seeded = seed(writer, now, logs);
  const seededAt = performance.now();
  await switchDatabase(temp.url);
  const { writeProgressTotals, rebuildProgressTotals } = await import("../lib/server/progress-totals");
  await writeProgressTotals();
  const totalsAt = performance.now();
  for (const t of triggers) writer.exec(t.sql);
  writer.close();
  const check = await rebuildProgressTotals({ fix: false });
  if (check.drifted > 0) throw new Error(`the seeded totals drifted from the logs: ${JSON.stringify(check.tables)}`);
  const mb = fs.statSync(temp.file).size / 2 ** 20;
  console.log(
    `Seeded ${LEARNERS} class learners + ${OUTSIDERS} outside, ${QUESTIONS} questions, ${seeded.cards} cards, ` +
      `${seeded.logs} review logs in ${((seededAt - started) / 1000).toFixed(1)} s; running totals written in ` +
      `${((totalsAt - seededAt) / 1000).toFixed(1)} s (${check.tables.map((t) => `${t.table} ${t.rows}`).join(", ")}; ` +
      `checked: no drift); ${mb.toFixed(0)} MB.`,
  );
  return temp;
}

async function printPlans(temp: TempDb, now: Date) {
  const { buildLearnerTable, buildQuestionTable, buildClassCharts } = await import("../lib/server/dashboard");
  const rows = (await buildLearnerTable(CLASS_ID, now)).rows;
  const reader = openSqlite(temp.file, { readonly: true });
  const statements = [
    ...(await captureQueries(temp.url, () => buildLearnerTable(CLASS_ID, now))),
    ...(await captureQueries(temp.url, () => buildQuestionTable(CLASS_ID))),
    ...(await captureQueries(temp.url, () => buildClassCharts(CLASS_ID, rows, now))),
  ].filter((q) => /^\s*SELECT/i.test(q.sql) && q.sql.includes("ClassMember"));
  const plans = statements
    .map((q) => `${q.sql.replace(/\s+/g, " ").slice(0, 110)}…\n${explainPlan(reader, q.sql, q.params)}`)
    .join("\n");
  reader.close();
  return plans;
}

const PARTS = [
  ["learner table", "learners"],
  ["question table", "questions"],
  ["charts", "charts"],
] as const;

function report(small: Measured, large: Measured, label: string) {
  console.log(`\n${label}: p50 per call after 2 warm-up calls, ${RUNS} runs (full percentiles below)`);
  console.log(
    `  ${"".padEnd(16)}${`${SMALL_LOGS} logs`.padStart(22)}${`${LOGS} logs`.padStart(22)}` +
      `   target < ${GOAL_MS} ms     ratio (target <= ${GROWTH_GOAL}x)`,
  );
  const fmt = (t: Timing) => `${ms(t.wall.p50)} (CPU ${ms(t.cpu.p50)})`;
  for (const [name, key] of PARTS) {
    const s = small[key];
    const l = large[key];
    const ratio = l.wall.p50 / s.wall.p50;
    const cpuRatio = l.cpu.p50 / s.cpu.p50;
    console.log(
      `  ${name.padEnd(16)}${fmt(s).padStart(22)}${fmt(l).padStart(22)}   ` +
        `${(l.wall.p50 < GOAL_MS ? "met" : "NOT MET").padEnd(16)}` +
        `${ratio.toFixed(2)}x wall (${ratio <= GROWTH_GOAL ? "met" : "NOT MET"}), ` +
        `${cpuRatio.toFixed(2)}x CPU (${cpuRatio <= GROWTH_GOAL ? "met" : "NOT MET"})`,
    );
  }
  console.log(`  ${"whole dashboard".padEnd(16)}${fmt(small.whole).padStart(22)}${fmt(large.whole).padStart(22)}`);
  console.log(`  question table, statement by statement (each alone; the table runs the last three at once):`);
  for (const part of Object.keys(large.questionParts) as Array<keyof QuestionParts>)
    console.log(
      `    ${part.padEnd(16)}${fmt(small.questionParts[part]).padStart(20)}${fmt(large.questionParts[part]).padStart(22)}`,
    );
  for (const [name, key] of PARTS) {
    for (const [size, m] of [
      [SMALL_LOGS, small],
      [LOGS, large],
    ] as const) {
      console.log(`  ${formatSummary(`${name}, wall (${size})`, m[key].wall)}`);
      console.log(`  ${formatSummary(`${name}, CPU (${size})`, m[key].cpu)}`);
    }
  }
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function main() {
  const now = new Date();
  const temps: TempDb[] = [];
  try {
    const small = await seededDatabase(SMALL_LOGS, now);
    temps.push(small);
    const large = await seededDatabase(LOGS, now);
    temps.push(large);

    const { buildLearnerTable, buildQuestionTable } = await import("../lib/server/dashboard");
    const table = await buildLearnerTable(CLASS_ID, now);
    const questions = await buildQuestionTable(CLASS_ID);
    console.log(
      `Learner table: ${table.rows.length} rows; question table: ${questions.rows.length} rows, ` +
        `${questions.rows.reduce((n, r) => n + r.attempts, 0)} attempts counted (${LOGS} logs).\n`,
    );
    console.log(`Query plans (${LOGS} logs):\n${await printPlans(large, now)}\n`);

    console.log(`Load average before timing: ${load()} (${os.cpus().length} cores)`);
    await switchDatabase(small.url);
    // The first pass warms the process (JIT, the query compiler's caches) and is discarded.
    await measure();
    const smallTimes = await measure();
    await switchDatabase(large.url);
    const largeTimes = await measure();
    report(smallTimes, largeTimes, "Schema indexes");

    if (flagOption("try-indexes", "BENCH_TRY_INDEXES")) {
      const tried: Measured[] = [];
      for (const temp of [small, large]) {
        await switchDatabase(temp.url);
        const { disconnectDb } = await import("../lib/server/db");
        await disconnectDb();
        const indexer = openSqlite(temp.file);
        for (const sql of CANDIDATE_INDEXES) indexer.exec(sql);
        indexer.close();
        await switchDatabase(temp.url);
        tried.push(await measure());
      }
      console.log(`\nWith candidate indexes:\n${CANDIDATE_INDEXES.join(";\n")};\n\n${await printPlans(large, now)}`);
      report(tried[0]!, tried[1]!, "Candidate indexes");
    }
    console.log(`\nLoad average after timing: ${load()}`);
  } finally {
    const { disconnectDb } = await import("../lib/server/db");
    await disconnectDb();
    for (const temp of temps) {
      if (flagOption("keep", "BENCH_KEEP")) console.log(`Kept the database at ${temp.file}`);
      else temp.remove();
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
