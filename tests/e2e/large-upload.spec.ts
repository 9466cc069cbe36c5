import { expect, test } from "@playwright/test";
import { probeHealthWhile } from "../helpers/health-probe";
import { variedText } from "../helpers/hostile-files";
import { signUp, uniqueEmail } from "./helpers";

// Finding 1 of the hardening review: one 9.5 MB text (under the 10 MB limit) ran
// generation for 199 s at 3.5 GB and stalled the whole server. Reading and
// generation now run in worker threads with limits, so the server keeps answering.
const LIMIT_S = 120; // the stated time within which the upload finishes or is refused
const HEALTH_MS = 100;

test("a 9.5 MB text upload finishes or is refused in time, health stays fast, and the next upload works", async ({
  page,
  baseURL,
}) => {
  test.setTimeout((LIMIT_S + 90) * 1000);
  await signUp(page, { name: "Large Upload Teacher", email: uniqueEmail("large"), role: "teacher" });
  const text = variedText(9.5 * 1024 * 1024, 7);
  expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024 * 1024);

  // Health is polled from a separate process (this one is busy sending 9.5 MB):
  // first idle, as the baseline of this machine (CI shares two cores), then while the upload runs.
  const idle = (await probeHealthWhile(baseURL!, 100, () => new Promise((r) => setTimeout(r, 3_000)))).health;
  const started = performance.now();
  const { value: res, health: latencies } = await probeHealthWhile(baseURL!, 100, () =>
    page.request.post("/api/uploads", {
      multipart: { files: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.from(text) } },
      timeout: LIMIT_S * 1000,
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  expect(res.status()).toBe(200);
  const events = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; file?: string; message?: string; questions?: number });
  const outcome = events.find((e) => e.file === "huge.txt" && (e.type === "done" || e.type === "failed"));
  expect(outcome, JSON.stringify(events.slice(-3))).toBeDefined();
  if (outcome!.type === "failed") expect(outcome!.message).toMatch(/^huge\.txt: .*(sentences|stopped)/);
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
  };
  const [before, during] = [stats(idle), stats(latencies)];
  const fmt = (s: typeof before) =>
    `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
  console.log(
    `9.5 MB upload: ${outcome!.type} in ${seconds.toFixed(1)} s (${outcome!.message ?? `${outcome!.questions} questions`})\n` +
      `/api/health idle (baseline): ${fmt(before)}; during the upload (${latencies.length} probes): ${fmt(during)}`,
  );
  expect(seconds).toBeLessThan(LIMIT_S);
  expect(latencies.length).toBeGreaterThan(3);
  // Every health check answers within 100 ms while the upload is read, generated and stored.
  expect(during.max).toBeLessThan(HEALTH_MS);

  // The next upload, however small, goes through normally.
  const small = await page.request.post("/api/uploads", {
    multipart: {
      files: {
        name: "small.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Marie Curie won the Nobel Prize in Chemistry in 1911 for discovering radium.\n"),
      },
    },
  });
  const done = (await small.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; questions?: number })
    .find((e) => e.type === "done");
  expect(done?.questions).toBeGreaterThan(0);
});
