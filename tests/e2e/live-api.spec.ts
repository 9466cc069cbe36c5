import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { json, teacherSession } from "./helpers";

// The live-quiz HTTP contract against the real server: event streams read
// with Node's fetch, answers and host actions posted like a phone would.

type Snapshot = Record<string, unknown> & { phase: string; version: number };

type Stream = {
  events: { raw: string; view: Snapshot }[];
  next(predicate: (view: Snapshot) => boolean, timeoutMs?: number): Promise<Snapshot>;
  close(): void;
};

async function cookieHeader(ctx: APIRequestContext): Promise<string> {
  const { cookies } = await ctx.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Opens an SSE stream with a context's cookies and collects every snapshot. */
async function openStream(baseURL: string, path: string, ctx: APIRequestContext): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(new URL(path, baseURL), {
    headers: { cookie: await cookieHeader(ctx), accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  expect(res.headers.get("cache-control")).toContain("no-transform");
  const events: Stream["events"] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          if (data) events.push({ raw: data, view: JSON.parse(data) as Snapshot });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  let seen = 0;
  return {
    events,
    async next(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (seen < events.length) {
          const view = events[seen++]!.view;
          if (predicate(view)) return view;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching snapshot on ${path}; last: ${events.at(-1)?.raw.slice(0, 300)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
    close: () => controller.abort(),
  };
}

async function createGame(ctx: APIRequestContext, seconds = 10, questionCount = 2) {
  const res = await ctx.post(
    "/api/live",
    json({ deckId: "sample", questionCount, secondsPerQuestion: seconds, shuffle: false, allowLateJoin: false }),
  );
  expect(res.status()).toBe(201);
  return (await res.json()) as { gameId: string; code: string };
}

async function join(ctx: APIRequestContext, code: string, nickname: string) {
  const res = await ctx.post("/api/live/join", json({ code, nickname }));
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { gameId: string; playerId: string };
}

let contexts: APIRequestContext[] = [];
const streams: Stream[] = [];

test.afterEach(async () => {
  streams.splice(0).forEach((s) => s.close());
  await Promise.all(contexts.map((c) => c.dispose()));
  contexts = [];
});

async function newContext(baseURL: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  contexts.push(ctx);
  return ctx;
}

/** Hosting needs a teacher once the install has teacher accounts; every host here signs in as one. */
let teacher: Awaited<ReturnType<typeof teacherSession>>;
test.beforeAll(async ({ browser }) => {
  teacher = await teacherSession(browser);
});

async function newHostContext(baseURL: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState: teacher });
  contexts.push(ctx);
  return ctx;
}

test("join, answer and reveal as seen on the event streams; the answer stays hidden until the reveal", async ({
  baseURL,
}) => {
  const host = await newHostContext(baseURL!);
  const ana = await newContext(baseURL!);
  const bo = await newContext(baseURL!);
  const { gameId, code } = await createGame(host);

  const hostStream = await openStream(baseURL!, `/api/live/${gameId}/events?as=host`, host);
  streams.push(hostStream);
  await hostStream.next((v) => v.phase === "lobby");

  await join(ana, code, "Ana");
  await join(bo, code, "Bo");
  const anaStream = await openStream(baseURL!, `/api/live/${gameId}/events?as=player`, ana);
  const boStream = await openStream(baseURL!, `/api/live/${gameId}/events?as=player`, bo);
  streams.push(anaStream, boStream);
  const lobby = await hostStream.next((v) => v.connectedCount === 2);
  expect((lobby.lobby as { nickname: string }[]).map((p) => p.nickname)).toEqual(["Ana", "Bo"]);
  await anaStream.next((v) => v.phase === "lobby");

  const started = await host.post(`/api/live/${gameId}/host`, json({ action: "start" }));
  expect(started.status()).toBe(200);
  const q = await anaStream.next((v) => v.phase === "question");
  expect(q.questionIndex).toBe(0);
  expect(q.result).toBeNull();
  expect(typeof (q.question as { deadline: number }).deadline).toBe("number");
  // Nothing on a player's stream gives the correct answer away before the reveal.
  for (const { raw } of anaStream.events) expect(raw).not.toContain("correctIndex");

  const a1 = await ana.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 0 }));
  expect(a1.status()).toBe(200);
  const mine = (await a1.json()) as { view: Snapshot };
  expect(mine.view.myAnswer).toMatchObject({ choiceIndex: 0 });
  expect(mine.view.result).toBeNull();
  const counted = await hostStream.next((v) => v.answeredCount === 1);
  expect(counted.reveal).toBeNull();
  for (const { raw } of [...anaStream.events, ...boStream.events, ...hostStream.events]) {
    expect(raw).not.toContain("correctIndex");
  }

  // The last connected player's answer closes the question early.
  const b1 = await bo.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 1 }));
  expect(b1.status()).toBe(200);
  const revealed = await anaStream.next((v) => v.phase === "reveal");
  const result = revealed.result as { answered: boolean; choiceIndex: number; correct: boolean; correctIndex: number };
  expect(result).toMatchObject({ answered: true, choiceIndex: 0 });
  expect(result.correct).toBe(result.correctIndex === 0);
  const hostReveal = await hostStream.next((v) => v.phase === "reveal");
  const reveal = hostReveal.reveal as { distribution: number[]; closedBy: string; correctIndex: number };
  expect(reveal.closedBy).toBe("all_answered");
  expect(reveal.distribution.slice(0, 2)).toEqual([1, 1]);
  expect(reveal.correctIndex).toBe(result.correctIndex);
  const boView = await boStream.next((v) => v.phase === "reveal");
  expect((boView.me as { score: number }).score).toBe(
    result.correctIndex === 1 ? (boView.result as { points: number }).points : 0,
  );
});

test("a duplicate answer and an answer after the deadline are refused", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const host = await newHostContext(baseURL!);
  const ana = await newContext(baseURL!);
  const bo = await newContext(baseURL!);
  const { gameId, code } = await createGame(host, 10);
  await join(ana, code, "Ana");
  await join(bo, code, "Bo");
  // No player stream is open, so the question runs to its deadline.
  const hostStream = await openStream(baseURL!, `/api/live/${gameId}/events?as=host`, host);
  streams.push(hostStream);
  expect((await host.post(`/api/live/${gameId}/host`, json({ action: "start" }))).status()).toBe(200);
  const open = await hostStream.next((v) => v.phase === "question");
  const deadline = (open.question as { deadline: number }).deadline;

  const first = await ana.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 1 }));
  expect(first.status()).toBe(200);
  const again = await ana.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 0 }));
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("duplicate_answer");

  // The server's timer closes the question at the deadline; the host sees it without doing anything.
  const closed = await hostStream.next((v) => v.phase === "reveal", 20_000);
  expect((closed.reveal as { closedBy: string }).closedBy).toBe("deadline");
  expect(closed.serverNow).toBeGreaterThan(deadline);
  const late = await bo.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 0 }));
  expect(late.status()).toBe(409);
  const body = (await late.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("answer_late");
  expect(body.error.message).toMatch(/deadline/);
  // Only Ana's answer counted.
  const view = (await (await host.post(`/api/live/${gameId}/host`, json({ action: "next" }))).json()) as {
    view: { phase: string; leaderboard: { nickname: string; roundsPlayed: number }[] };
  };
  expect(view.view.phase).toBe("leaderboard");
  expect(view.view.leaderboard.map((e) => e.roundsPlayed)).toEqual([1, 1]);
});

test("host actions without this game's host cookie are refused and change nothing", async ({ baseURL }) => {
  const host = await newHostContext(baseURL!);
  const otherHost = await newHostContext(baseURL!);
  const player = await newContext(baseURL!);
  const anonymous = await newContext(baseURL!);
  const { gameId, code } = await createGame(host);
  await createGame(otherHost);
  await join(player, code, "Ana");

  for (const ctx of [anonymous, otherHost, player]) {
    const res = await ctx.post(`/api/live/${gameId}/host`, json({ action: "start" }));
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_host");
    const stream = await ctx.get(`/api/live/${gameId}/events?as=host`);
    expect(stream.status()).toBe(403);
    expect((await ctx.get(`/api/live/${gameId}/report.csv`)).status()).toBe(403);
  }
  // Forged body shapes are refused before anything else.
  expect((await host.post(`/api/live/${gameId}/host`, json({ action: "explode" }))).status()).toBe(400);
  expect((await anonymous.post(`/api/live/not-a-game/host`, json({ action: "start" }))).status()).toBe(404);

  const hostStream = await openStream(baseURL!, `/api/live/${gameId}/events?as=host`, host);
  streams.push(hostStream);
  const view = await hostStream.next(() => true);
  expect(view.phase).toBe("lobby");
  // A cross-site form post with the real cookie is refused too.
  const crossSite = await host.post(`/api/live/${gameId}/host`, {
    ...json({ action: "start" }),
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const stillLobby = await host.post(`/api/live/${gameId}/host`, json({ action: "end" }));
  expect(((await stillLobby.json()) as { view: { questionIndex: number } }).view.questionIndex).toBe(-1);
});

test("joining explains a wrong code, a taken nickname and a started game; answering is rate-limited", async ({
  baseURL,
}) => {
  const host = await newHostContext(baseURL!);
  const ana = await newContext(baseURL!);
  const late = await newContext(baseURL!);
  const { gameId, code } = await createGame(host);
  const wrongCode = code === "999999" ? "999998" : "999999";
  const unknown = await ana.post("/api/live/join", json({ code: wrongCode, nickname: "Ana" }));
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/code/);
  expect((await ana.post("/api/live/join", json({ code: "12ab", nickname: "Ana" }))).status()).toBe(400);

  await join(ana, code, "Ana");
  const taken = await late.post("/api/live/join", json({ code, nickname: "ANA" }));
  expect(taken.status()).toBe(409);
  expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("nickname_taken");
  // The same device joining again gets its player back rather than a second one.
  const rejoin = await ana.post("/api/live/join", json({ code, nickname: "Someone else" }));
  expect(rejoin.status()).toBe(200);
  expect(await rejoin.json()).toMatchObject({ resumed: true, nickname: "Ana", playerId: "p1" });

  await host.post(`/api/live/${gameId}/host`, json({ action: "start" }));
  const afterStart = await late.post("/api/live/join", json({ code, nickname: "Late" }));
  expect(afterStart.status()).toBe(409);
  expect(((await afterStart.json()) as { error: { code: string } }).error.code).toBe("late_join_disabled");

  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    statuses.push((await ana.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 0 }))).status());
  }
  expect(statuses[0]).toBe(200);
  expect(statuses.slice(1, 5)).toEqual([409, 409, 409, 409]);
  expect(statuses.slice(5)).toEqual([429, 429]);
  const limited = await ana.post(`/api/live/${gameId}/answer`, json({ questionIndex: 0, choiceIndex: 0 }));
  expect(limited.headers()["retry-after"]).toBeDefined();
  expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many/);

  await host.post(`/api/live/${gameId}/host`, json({ action: "end" }));
  const finished = await late.post("/api/live/join", json({ code, nickname: "Later" }));
  expect(finished.status()).toBe(410);
});
