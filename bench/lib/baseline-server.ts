// Baseline for bench/review-load.ts: the review endpoint's SQLite writes with
// no framework. Started as its own process (like next start), on loopback:
//   BENCH_DB_FILE=/tmp/x.db BENCH_PORT=4000 npx tsx bench/lib/baseline-server.ts
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import { DAY_MS } from "../../lib/time";
import { openSqlite, sqlDate } from "./sqlite";

const file = process.env.BENCH_DB_FILE;
const port = Number(process.env.BENCH_PORT);
if (!file || !port) throw new Error("Set BENCH_DB_FILE and BENCH_PORT.");

// The same connection settings as the app's adapter: default journal mode, 5 s busy timeout.
const db = openSqlite(file, { timeout: 5000 });
const findLearner = db.prepare(`SELECT id FROM "Learner" WHERE guestTokenHash = ?`);
const findReview = db.prepare(`SELECT cardId FROM "ReviewLog" WHERE id = ?`);
const upsertCard = db.prepare(
  `INSERT INTO "Card" (id, learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays,
     learningSteps, reps, lapses, state, lastReview, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, 2.3, 5.1, 0, 1, 0, 1, 0, 'review', ?, ?, ?)
   ON CONFLICT (learnerId, questionId) DO UPDATE SET
     due = excluded.due, stability = stability * 1.5, reps = reps + 1, lastReview = excluded.lastReview,
     updatedAt = excluded.updatedAt
   RETURNING id`,
);
const insertLog = db.prepare(
  `INSERT INTO "ReviewLog" (id, learnerId, cardId, questionId, rating, stateBefore, elapsedDays, scheduledDays,
     reviewedAt, durationMs, response, correct, source, previousCard, createdAt)
   VALUES (?, ?, ?, ?, ?, 'review', 0, 1, ?, ?, ?, ?, 'study', '{}', ?)`,
);

type Body = { reviewId: string; questionId: string; rating?: string; response?: string; durationMs: number };

const store = db.transaction((learnerId: string, body: Body, now: Date) => {
  // A replayed id (a client retrying after a timeout) stores nothing new, as in the app.
  const replay = findReview.get(body.reviewId) as { cardId: string } | undefined;
  if (replay) return replay.cardId;
  const at = sqlDate(now);
  const card = upsertCard.get(
    randomUUID(),
    learnerId,
    body.questionId,
    sqlDate(new Date(now.getTime() + DAY_MS)),
    at,
    at,
    at,
  ) as { id: string };
  insertLog.run(
    body.reviewId,
    learnerId,
    card.id,
    body.questionId,
    body.rating ?? "good",
    at,
    body.durationMs,
    body.response ?? null,
    1,
    at,
  );
  return card.id;
});

function send(res: http.ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(payload));
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/api/health") return send(res, 200, { status: "ok" });
  if (req.method !== "POST" || req.url !== "/api/reviews") return send(res, 404, { error: "not found" });
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body;
      const token = /(?:^|;\s*)quarry_guest=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
      const learner = findLearner.get(createHash("sha256").update(token).digest("hex")) as { id: string } | undefined;
      if (!learner) return send(res, 401, { error: "no learner" });
      const cardId = store(learner.id, body, new Date());
      send(res, 200, { status: "stored", reviewId: body.reviewId, cardId });
    } catch (err) {
      send(res, 500, { error: (err as Error).message });
    }
  });
});

server.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => (db.close(), process.exit(0)));
    server.closeAllConnections();
  });
}
