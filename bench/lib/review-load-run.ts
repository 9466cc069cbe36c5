import { createRequire } from "node:module";
import { summarize, type Summary } from "./stats";
import { nextReviewBody, type BenchLearner } from "./study-traffic";

// autocannon ships without types; these are the parts of its documented API used here.
type AutocannonRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
};
type AutocannonClient = { setHeaders: (headers: Record<string, string>) => void };
type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { totalCount: number };
};
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", fn: (client: AutocannonClient, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests?: AutocannonRequest[];
  setupClient?: (client: AutocannonClient) => void;
}) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type LoadResult = {
  seconds: number;
  completed: number;
  /** 2xx answers. */
  ok: number;
  /** 2xx answers per second. */
  throughput: number;
  latency: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/**
 * Loads POST /api/reviews with one connection per learner: setupClient gives
 * each connection its learner's cookie, and setupRequest picks that learner's
 * next answer with a fresh review id on every request. Each connection sends
 * its next request as soon as the last one is answered (a closed loop).
 */
export async function runReviewLoad(baseUrl: string, learners: BenchLearner[], seconds: number): Promise<LoadResult> {
  const byCookie = new Map(learners.map((l) => [l.cookie, l]));
  let assigned = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: learners.length,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/api/reviews",
        setupRequest: (request) => {
          // The first build of each request happens before setupClient has set the cookie.
          const learner = byCookie.get(request.headers?.cookie ?? "");
          return learner ? { ...request, body: nextReviewBody(learner, new Date()) } : request;
        },
      },
    ],
    setupClient: (client) => {
      const learner = learners[assigned++ % learners.length]!;
      client.setHeaders({ cookie: learner.cookie, "content-type": "application/json" });
    },
  });
  return collect(instance);
}

/** GET `path` from `connections` connections: what the framework costs with (almost) no work behind it. */
export async function runGetLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return collect(autocannon({ url, connections, duration: seconds, timeout: 10 }));
}

async function collect(instance: AutocannonInstance): Promise<LoadResult> {
  const latencies: number[] = [];
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const completed = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const ok = Object.entries(statusCodes).reduce((n, [code, count]) => n + (code.startsWith("2") ? count : 0), 0);
  return {
    seconds: result.duration,
    completed,
    ok,
    throughput: ok / result.duration,
    latency: summarize(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
