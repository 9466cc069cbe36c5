import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { json, queryDb as query, signUp, uniqueEmail } from "./helpers";
import { freePort } from "../helpers/free-port";

// Against a server process of its own (on a copy of the e2e database), which
// this spec kills with SIGKILL: an acknowledged live answer must survive it.

const e2eDb = process.env.LIVE_E2E_DB ?? path.resolve("data/e2e.db");
const PLAYERS = 20;

type Server = { child: ChildProcess; baseURL: string };

async function startServer(dbFile: string, port: number): Promise<Server> {
  // Its own process group, so SIGKILL reaches every process `next start` runs.
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
      detached: true,
    },
  );
  const baseURL = `http://localhost:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { child, baseURL };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("the server did not start");
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  process.kill(-server.child.pid!, signal);
  await exited;
}

const newGame = { deckId: "sample", questionCount: 2, secondsPerQuestion: 60, shuffle: false, allowLateJoin: false };

async function signedIn(browser: Browser, baseURL: string, role: "teacher" | "learner"): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  await signUp(await context.newPage(), { name: `A ${role}`, email: uniqueEmail(role), role });
  return context.request;
}

let dir = "";
let dbFile = "";
const servers: Server[] = [];
const contexts: APIRequestContext[] = [];

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-live-durable-"));
  dbFile = path.join(dir, "live.db");
  const source = new Database(e2eDb, { readonly: true, fileMustExist: true });
  try {
    source.exec(`VACUUM INTO '${dbFile.replace(/'/g, "''")}'`);
  } finally {
    source.close();
  }
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const s of servers) await stop(s, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("where a teacher account exists, a guest and a learner get 403 hosting a game, and /live/new says why", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startServer(dbFile, await freePort());
  servers.push(server);
  const teacher = await signedIn(browser, server.baseURL, "teacher");
  const learner = await signedIn(browser, server.baseURL, "learner");
  const guest = await playwrightRequest.newContext({ baseURL: server.baseURL });
  contexts.push(guest);

  for (const who of [guest, learner]) {
    const res = await who.post("/api/live", json(newGame));
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/teacher/);
    const page = await who.get("/live/new");
    expect(await page.text()).toContain("Hosting a live quiz needs a teacher account.");
  }
  expect((await teacher.post("/api/live", json(newGame))).status()).toBe(201);
  await stop(server, "SIGTERM");
});

test("a live answer acknowledged before kill -9 is in the database after restart, and the game is ended", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const first = await startServer(dbFile, port);
  servers.push(first);
  const host = await signedIn(browser, first.baseURL, "teacher");
  const created = await host.post("/api/live", json(newGame));
  expect(created.status()).toBe(201);
  const { gameId, code } = (await created.json()) as { gameId: string; code: string };

  const players: APIRequestContext[] = [];
  for (let i = 0; i < PLAYERS; i++) {
    const player = await playwrightRequest.newContext({ baseURL: first.baseURL });
    contexts.push(player);
    players.push(player);
    expect((await player.post("/api/live/join", json({ code, nickname: `Player ${i + 1}` }))).status()).toBe(201);
  }
  expect((await host.post(`/api/live/${gameId}/host`, json({ action: "start" }))).status()).toBe(200);

  // Every answer at once, as a class does; each 200 is an acknowledgement.
  const results = await Promise.all(
    players.map((p, i) => p.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: i % 2 }))),
  );
  expect(results.map((r) => r.status())).toEqual(players.map(() => 200));
  await stop(first, "SIGKILL");

  // Nothing was lost: every acknowledged answer is stored.
  const rows = query(dbFile, "SELECT playerId, choiceIndex FROM LiveAnswer WHERE gameId = ? ORDER BY playerId", [
    gameId,
  ]);
  expect(rows).toHaveLength(PLAYERS);
  expect(query(dbFile, "SELECT status FROM LiveGame WHERE id = ?", [gameId])).toEqual([{ status: "running" }]);

  // The restarted server ends the game cleanly (it cannot resume from memory); its report stays.
  const second = await startServer(dbFile, port);
  servers.push(second);
  await expect
    .poll(() => query(dbFile, "SELECT status FROM LiveGame WHERE id = ?", [gameId])[0]?.status, { timeout: 15_000 })
    .toBe("finished");
  const report = await host.get(`/api/live/${gameId}/report.csv`);
  expect(report.status()).toBe(200);
  expect((await report.text()).split("\r\n").filter((l) => /^\d+,Player /.test(l))).toHaveLength(PLAYERS);
  await stop(second, "SIGTERM");
});
