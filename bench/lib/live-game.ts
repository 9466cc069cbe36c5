/**
 * A live game played over HTTP by a host and N simulated players (each holds
 * an event stream and POSTs one answer per question), measuring join time,
 * answer acknowledgements, fan-out and answers that got no acknowledgement.
 * Shared by bench/live-load.ts (one server) and bench/scale-out.ts (instances
 * behind nginx); plus the /proc readers both use for CPU time.
 */
import fs from "node:fs";
import http from "node:http";
import { postJson } from "../../tests/helpers/post-json";

/** CPU seconds (user + system) used so far by a process and its children, from /proc. */
export function processCpuS(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`), [] as string[])) {
      const kids = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8"), "");
      pids.push(...kids.split(/\s+/).filter(Boolean).map(Number));
    }
  }
  let total = 0;
  for (const p of pids) {
    const stat = safe(() => fs.readFileSync(`/proc/${p}/stat`, "utf8"), "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / ticks;
  }
  return total;
}

/** Busy and total CPU seconds of the whole machine so far, from /proc/stat. */
export function machineCpuS(): { busy: number; total: number } {
  const line = safe(() => fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!, "cpu 0 0 0 0");
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy: busy / 100, total: (busy + (idle ?? 0) + (iowait ?? 0)) / 100 };
}

export function summarizeFailures(failed: string[]): string {
  const counts = new Map<string, number>();
  for (const f of failed) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts.size ? `(${[...counts].map(([k, n]) => `${k} × ${n}`).join(", ")})` : "";
}

export const safe = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
export const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(0)} / p95 ${pct(xs, 95).toFixed(0)} / p99 ${pct(xs, 99).toFixed(0)} ms`;

export const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

export const post = (base: string, pathname: string, body: unknown, cookie = "") =>
  postJson(agent, `${base}${pathname}`, body, cookie);

type View = { phase: string; questionIndex: number; question: { choices: string[] } | null };

/** An event stream; calls onView for every snapshot. Resolves once the response headers arrive. */
export function openStream(
  url: string,
  cookie: string,
  onView: (v: View) => void,
  onClose: () => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream HTTP ${res.statusCode}`));
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (frame.startsWith("data: ")) onView(JSON.parse(frame.slice(6)) as View);
        }
      });
      res.on("close", onClose);
      res.on("error", onClose);
      resolve(req);
    });
    req.on("error", reject);
  });
}

export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

type Player = {
  i: number;
  cookie: string;
  seen: Set<number>;
  finished: boolean;
  closed: boolean;
  stream?: http.ClientRequest;
};

export async function playGame(base: string, n: number, QUESTIONS = 3) {
  const created = await post(base, "/api/live", {
    deckId: "sample",
    questionCount: QUESTIONS,
    secondsPerQuestion: 60,
    shuffle: false,
    allowLateJoin: false,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.body}`);
  const { gameId, code } = JSON.parse(created.body) as { gameId: string; code: string };
  const hostCookie = created.cookies.map((c) => c.split(";")[0]).join("; ");
  const hostAction = (action: string) => post(base, `/api/live/${gameId}/host`, { action }, hostCookie);
  const host = { phase: "lobby", questionIndex: -1 };
  const hostStream = await openStream(
    `${base}/api/live/${gameId}/events?as=host`,
    hostCookie,
    (v) => {
      host.phase = v.phase;
      host.questionIndex = v.questionIndex;
    },
    () => undefined,
  );

  const players: Player[] = Array.from({ length: n }, (_, i) => ({
    i,
    cookie: "",
    seen: new Set(),
    finished: false,
    closed: false,
  }));
  const joinStart = performance.now();
  await pool(players, 64, async (p) => {
    const res = await post(base, "/api/live/join", { code, nickname: `Player ${p.i + 1}` });
    if (res.status !== 201) throw new Error(`join failed: ${res.body}`);
    p.cookie = res.cookies.map((c) => c.split(";")[0]).join("; ");
  });
  const joinMs = performance.now() - joinStart;

  const fanout: number[] = [];
  const acks: number[] = [];
  /** Answers that got no acknowledgement: an HTTP error, or a connection error. */
  const failed: string[] = [];
  let openedAt = 0;
  let currentChoices = 2;
  const connectStart = performance.now();
  await pool(players, 64, async (p) => {
    p.stream = await openStream(
      `${base}/api/live/${gameId}/events?as=player`,
      p.cookie,
      (v) => {
        if (v.phase === "question" && !p.seen.has(v.questionIndex)) {
          p.seen.add(v.questionIndex);
          fanout.push(performance.now() - openedAt);
          currentChoices = v.question?.choices.length ?? 2;
          const qi = v.questionIndex;
          // Think for 0–2 s, then answer.
          setTimeout(
            () => {
              const t = performance.now();
              void post(
                base,
                `/api/live/${gameId}/answer`,
                { questionIndex: qi, choiceIndex: (p.i + qi) % currentChoices },
                p.cookie,
              ).then(
                (r) => {
                  if (r.status === 200) acks.push(performance.now() - t);
                  else failed.push(`HTTP ${r.status}`);
                },
                (error: Error & { code?: string }) => failed.push(error.code ?? error.message),
              );
            },
            (p.i * 7919) % 2000,
          );
        }
        if (v.phase === "finished") p.finished = true;
      },
      () => (p.closed = true),
    );
  });
  const connectMs = performance.now() - connectStart;

  for (let q = 0; q < QUESTIONS; q++) {
    openedAt = performance.now();
    const res = await hostAction(q === 0 ? "start" : "next");
    if (res.status !== 200) throw new Error(`host action failed: ${res.body}`);
    await waitFor(() => players.every((p) => p.closed || p.seen.has(q)), 30_000, `question ${q + 1} on every phone`);
    // Everyone connected answers, so the question closes early.
    await waitFor(() => host.phase === "reveal" && host.questionIndex === q, 70_000, `reveal of question ${q + 1}`);
    await hostAction("next"); // leaderboard
  }
  await hostAction("next"); // finished
  await waitFor(() => players.every((p) => p.closed || p.finished), 30_000, "the podium on every phone");
  const dropped = players.filter((p) => p.closed || p.seen.size < QUESTIONS).length;
  players.forEach((p) => p.stream?.destroy());
  hostStream.destroy();
  return { joinMs, connectMs, acks, fanout, dropped, failed };
}
