import crypto from "node:crypto";
import Redis from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase } from "../helpers/postgres";
import { dropRedisPrefix, testRedisPrefix, testRedisUrl } from "../helpers/redis";
import {
  cookieOf,
  openStream,
  post,
  prepare,
  sleep,
  startInstance,
  startNginx,
  stopInstance,
  stopNginx,
  waitFor,
  type Instance,
  type Nginx,
  type Stream,
} from "./cluster-helpers";
import { freePort } from "../helpers/free-port";

/*
 * Three production servers (scripts/server.mjs) on one PostgreSQL and one
 * Redis, with nginx from deploy/nginx.conf in front. Routing: the host talks
 * to instance 1 directly, so the game lives there; nginx's upstream lists
 * instances 2 and 3 only, so every player request reaches the game through
 * another instance, which passes it on. Instance 2 is killed (SIGKILL) in the
 * middle of round 2: the players whose streams ran through it reconnect
 * through nginx (which now reaches only instance 3), keep name and score, and
 * answer the open round. At the end the stored answers are exactly the ones
 * each client was acknowledged.
 */

type HostView = { phase: string; questionIndex: number };
type PlayerView = {
  phase: string;
  questionIndex: number;
  question: { choices: string[]; deadline: number } | null;
  me: { nickname: string; score: number };
  myAnswer: { choiceIndex: number } | null;
};
type Player = { nickname: string; cookie: string; stream: Stream<PlayerView>; reconnected: boolean };

const PLAYERS = 6;
const ROUNDS = 3;

/** Opens a stream, retrying while the game's instance is being replaced (503 until another takes it over). */
async function connect<V>(url: string, cookie: string): Promise<Stream<V>> {
  let last: unknown = null;
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    try {
      return await openStream<V>(url, cookie);
    } catch (error) {
      last = error;
      await sleep(250);
    }
  }
  throw new Error(`could not reconnect to ${url}: ${String(last)}`);
}

/** The stored answers of a game, as "nickname|question|choice". */
async function storedAnswers(
  url: string,
  gameId: string,
): Promise<{ answers: string[]; scores: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stored = await client.query<{ nickname: string; questionIndex: number; choiceIndex: number }>(
      `SELECT p."nickname", a."questionIndex", a."choiceIndex" FROM "LiveAnswer" a
       JOIN "LivePlayer" p ON p."id" = a."playerId" WHERE a."gameId" = $1`,
      [gameId],
    );
    const scores = await client.query<{ nickname: string; score: number }>(
      `SELECT "nickname", "score" FROM "LivePlayer" WHERE "gameId" = $1`,
      [gameId],
    );
    return {
      answers: stored.rows.map((r) => `${r.nickname}|${r.questionIndex}|${r.choiceIndex}`).sort(),
      scores: Object.fromEntries(scores.rows.map((r) => [r.nickname, r.score])),
    };
  } finally {
    await client.end();
  }
}

const flatten = (acknowledged: Map<string, Map<number, number>>) =>
  [...acknowledged].flatMap(([nickname, byQ]) => [...byQ].map(([q, c]) => `${nickname}|${q}|${c}`)).sort();

describe("three instances behind nginx", () => {
  let database: { name: string; url: string };
  const prefix = testRedisPrefix("cluster");
  const instances: Instance[] = [];
  let nginx: Nginx | null = null;

  beforeAll(async () => {
    database = await createTestDatabase("quarry_cluster");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUARRY_REDIS_PREFIX: prefix,
      BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      // nginx on loopback adds the client's address to X-Forwarded-For.
      QUARRY_TRUST_PROXY: "loopback",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    prepare(env);
    const ports = [await freePort(), await freePort(), await freePort()];
    instances.push(...(await Promise.all(ports.map((port) => startInstance(port, env)))));
    nginx = await startNginx(process.env.QUARRY_TEST_NGINX || "nginx", [ports[1]!, ports[2]!]);
  });

  afterAll(async () => {
    if (nginx) await stopNginx(nginx);
    await Promise.all(instances.map((i) => stopInstance(i)));
    const redis = new Redis(testRedisUrl());
    await dropRedisPrefix(redis, prefix);
    redis.disconnect();
    if (database) await dropTestDatabase(database.name);
  });

  it("plays three rounds with the host on instance 1, players on 2 and 3, and instance 2 killed mid-round", async () => {
    const [one, two] = instances as [Instance, Instance, Instance];
    const proxy = nginx!.base;

    const created = await post(one.base, "/api/live", {
      deckId: "sample",
      questionCount: ROUNDS,
      secondsPerQuestion: 120,
      shuffle: false,
      allowLateJoin: false,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const { gameId, code } = created.json as { gameId: string; code: string };
    const hostCookie = cookieOf(created.cookies);
    const host = await openStream<HostView>(`${one.base}/api/live/${gameId}/events?as=host`, hostCookie);
    const hostAction = async (action: string) => {
      const res = await post(one.base, `/api/live/${gameId}/host`, { action }, hostCookie);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };

    const joinedPlayers: { nickname: string; cookie: string }[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const nickname = `Player ${i + 1}`;
      const joined = await post(proxy, "/api/live/join", { code, nickname });
      expect(joined.status, JSON.stringify(joined.json)).toBe(201);
      joinedPlayers.push({ nickname, cookie: cookieOf(joined.cookies) });
    }
    // One after another, so nginx's round robin puts them on instances 2 and 3 in turn.
    const players: Player[] = [];
    for (const { nickname, cookie } of joinedPlayers) {
      const stream = await openStream<PlayerView>(`${proxy}/api/live/${gameId}/events?as=player`, cookie);
      players.push({ nickname, cookie, stream, reconnected: false });
    }
    await waitFor(() => players.every((p) => p.stream.latest?.phase === "lobby"), 20_000, "every player in the lobby");

    /** nickname → question index → the choice the server acknowledged. */
    const acknowledged = new Map<string, Map<number, number>>(players.map((p) => [p.nickname, new Map()]));
    const answer = async (p: Player, q: number) => {
      const choices = p.stream.latest?.question?.choices.length ?? 2;
      const choiceIndex = (players.indexOf(p) + q) % choices;
      const res = await post(proxy, `/api/live/${gameId}/answer`, { questionIndex: q, choiceIndex }, p.cookie);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      acknowledged.get(p.nickname)!.set(q, choiceIndex);
      expect((res.json as { view: PlayerView }).view.myAnswer?.choiceIndex).toBe(choiceIndex);
    };
    const onQuestion = (p: Player, q: number) =>
      p.stream.latest?.phase === "question" && p.stream.latest.questionIndex === q;

    for (let q = 0; q < ROUNDS; q++) {
      await hostAction(q === 0 ? "start" : "next");
      await waitFor(() => players.every((p) => onQuestion(p, q)), 20_000, `question ${q + 1} on every phone`);
      if (q === 1) {
        const early = players.slice(0, PLAYERS / 2);
        await Promise.all(early.map((p) => answer(p, q)));
        const before = new Map(players.map((p) => [p.nickname, { ...p.stream.latest!.me }]));

        await stopInstance(two, "SIGKILL");
        await waitFor(() => players.some((p) => p.stream.closed), 20_000, "the streams through instance 2 to drop");
        // Every stream through instance 2 ends; wait until no more drop, then those phones come back through nginx.
        let closedCount = -1;
        await waitFor(
          async () => {
            const now = players.filter((p) => p.stream.closed).length;
            if (now === closedCount) return true;
            closedCount = now;
            await sleep(1000);
            return false;
          },
          20_000,
          "the dropped streams to settle",
        );
        const dropped = players.filter((p) => p.stream.closed);
        expect(dropped.length).toBeGreaterThan(0);
        expect(dropped.length).toBeLessThan(PLAYERS);
        for (const p of dropped) {
          p.stream = await openStream<PlayerView>(`${proxy}/api/live/${gameId}/events?as=player`, p.cookie);
          p.reconnected = true;
        }
        await waitFor(() => dropped.every((p) => p.stream.latest !== null), 20_000, "the reconnected streams");
        for (const p of dropped) {
          const view = p.stream.latest!;
          expect(view.phase).toBe("question");
          expect(view.questionIndex).toBe(q);
          expect(view.me.nickname).toBe(p.nickname);
          expect(view.me.score).toBe(before.get(p.nickname)!.score);
          const mine = acknowledged.get(p.nickname)!.get(q);
          expect(view.myAnswer?.choiceIndex ?? null).toBe(mine ?? null);
        }
        await Promise.all(players.slice(PLAYERS / 2).map((p) => answer(p, q)));
      } else {
        await Promise.all(players.map((p) => answer(p, q)));
      }
      // Everyone present answered, so the round closes before its deadline.
      await waitFor(
        () => host.latest?.phase === "reveal" && host.latest.questionIndex === q,
        60_000,
        `the reveal of question ${q + 1}`,
      );
      await hostAction("next");
    }
    await hostAction("next");
    await waitFor(() => players.every((p) => p.stream.latest?.phase === "finished"), 20_000, "the podium");
    expect(players.some((p) => p.reconnected)).toBe(true);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const stored = await client.query<{ nickname: string; questionIndex: number; choiceIndex: number }>(
        `SELECT p."nickname", a."questionIndex", a."choiceIndex" FROM "LiveAnswer" a
         JOIN "LivePlayer" p ON p."id" = a."playerId" WHERE a."gameId" = $1`,
        [gameId],
      );
      const storedSet = stored.rows.map((r) => `${r.nickname}|${r.questionIndex}|${r.choiceIndex}`).sort();
      const ackedSet = [...acknowledged].flatMap(([nickname, byQ]) =>
        [...byQ].map(([q, c]) => `${nickname}|${q}|${c}`),
      );
      expect(storedSet).toEqual(ackedSet.sort());
      expect(storedSet).toHaveLength(PLAYERS * ROUNDS);

      const scores = await client.query<{ nickname: string; score: number }>(
        `SELECT "nickname", "score" FROM "LivePlayer" WHERE "gameId" = $1`,
        [gameId],
      );
      const finalScores = Object.fromEntries(players.map((p) => [p.nickname, p.stream.latest!.me.score]));
      expect(Object.fromEntries(scores.rows.map((r) => [r.nickname, r.score]))).toEqual(finalScores);
      const game = await client.query<{ status: string }>(`SELECT "status" FROM "LiveGame" WHERE "id" = $1`, [gameId]);
      expect(game.rows[0]?.status).toBe("finished");
    } finally {
      await client.end();
    }
    host.close();
    for (const p of players) p.stream.close();
  });
  it("takes a game over from the database when the instance holding it is killed mid-round", async () => {
    const [one] = instances as [Instance, Instance, Instance];
    const proxy = nginx!.base;
    const created = await post(one.base, "/api/live", {
      deckId: "sample",
      questionCount: 2,
      secondsPerQuestion: 120,
      shuffle: false,
      allowLateJoin: false,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const { gameId, code } = created.json as { gameId: string; code: string };
    const hostCookie = cookieOf(created.cookies);
    let host = await openStream<HostView>(`${one.base}/api/live/${gameId}/events?as=host`, hostCookie);
    let hostBase = one.base;
    const hostAction = async (action: string) => {
      const res = await post(hostBase, `/api/live/${gameId}/host`, { action }, hostCookie);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };

    const count = 4;
    const players: Player[] = [];
    for (let i = 0; i < count; i++) {
      const nickname = `Taker ${i + 1}`;
      const joined = await post(proxy, "/api/live/join", { code, nickname });
      expect(joined.status, JSON.stringify(joined.json)).toBe(201);
      const cookie = cookieOf(joined.cookies);
      const stream = await openStream<PlayerView>(`${proxy}/api/live/${gameId}/events?as=player`, cookie);
      players.push({ nickname, cookie, stream, reconnected: false });
    }
    const acknowledged = new Map<string, Map<number, number>>(players.map((p) => [p.nickname, new Map()]));
    const answer = async (p: Player, q: number) => {
      const choiceIndex = players.indexOf(p) % (p.stream.latest?.question?.choices.length ?? 2);
      const res = await post(proxy, `/api/live/${gameId}/answer`, { questionIndex: q, choiceIndex }, p.cookie);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      acknowledged.get(p.nickname)!.set(q, choiceIndex);
    };
    const onQuestion = (p: Player, q: number) =>
      p.stream.latest?.phase === "question" && p.stream.latest.questionIndex === q;

    await hostAction("start");
    await waitFor(() => players.every((p) => onQuestion(p, 0)), 20_000, "question 1 on every phone");
    const deadline = players[0]!.stream.latest!.question!.deadline;
    await Promise.all(players.slice(0, 2).map((p) => answer(p, 0)));

    // The instance holding the game dies; everyone comes back through nginx to instance 3.
    await stopInstance(one, "SIGKILL");
    await waitFor(() => players.every((p) => p.stream.closed) && host.closed, 20_000, "every stream to drop");
    for (const p of players) {
      p.stream = await connect<PlayerView>(`${proxy}/api/live/${gameId}/events?as=player`, p.cookie);
    }
    hostBase = proxy;
    host = await connect<HostView>(`${proxy}/api/live/${gameId}/events?as=host`, hostCookie);
    await waitFor(() => players.every((p) => p.stream.latest !== null), 20_000, "the views after the takeover");
    for (const p of players) {
      const view = p.stream.latest!;
      expect(view.phase).toBe("question");
      expect(view.questionIndex).toBe(0);
      // The same round, on the clock the first instance set.
      expect(view.question?.deadline).toBe(deadline);
      expect(view.me.nickname).toBe(p.nickname);
      expect(view.myAnswer?.choiceIndex ?? null).toBe(acknowledged.get(p.nickname)!.get(0) ?? null);
    }
    expect(instances[2]!.log.join("")).toContain(`took over game ${gameId}`);
    await Promise.all(players.slice(2).map((p) => answer(p, 0)));
    await waitFor(() => host.latest?.phase === "reveal", 60_000, "the reveal of question 1");
    const scored = new Map(players.map((p) => [p.nickname, p.stream.latest!.me.score]));
    await hostAction("next");
    await hostAction("next");
    await waitFor(() => players.every((p) => onQuestion(p, 1)), 20_000, "question 2 on every phone");
    await Promise.all(players.map((p) => answer(p, 1)));
    await waitFor(() => host.latest?.phase === "reveal" && host.latest.questionIndex === 1, 60_000, "reveal 2");
    await hostAction("next");
    await hostAction("next");
    await waitFor(() => players.every((p) => p.stream.latest?.phase === "finished"), 20_000, "the podium");
    for (const p of players) expect(p.stream.latest!.me.score).toBeGreaterThanOrEqual(scored.get(p.nickname)!);

    const stored = await storedAnswers(database.url, gameId);
    expect(stored.answers).toEqual(flatten(acknowledged));
    expect(stored.answers).toHaveLength(count * 2);
    expect(stored.scores).toEqual(Object.fromEntries(players.map((p) => [p.nickname, p.stream.latest!.me.score])));
    host.close();
    for (const p of players) p.stream.close();
  });
});
