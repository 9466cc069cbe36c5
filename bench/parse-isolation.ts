/**
 * How much a long parse delays other requests: a node:http server answers a
 * tiny /health while a 4 MB HTML file is parsed (a) on the request thread, as
 * uploads were parsed before (the baseline), and (b) through
 * extractDocumentInWorker, as they are now. Prints health latency for both,
 * and for an idle server. Run by hand: npx tsx bench/parse-isolation.ts
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { extractDocument } from "../lib/ingest";
import { extractDocumentInWorker } from "../lib/server/workers/parsing";
import { formatSummary, summarize } from "./lib/stats";

const paragraph = "<p>Volcanoes form where magma rises to the surface through cracks in the crust, 1,200 °C hot.</p>\n";
const html = `<html><body><article>${paragraph.repeat(Math.floor((4 * 1024 * 1024) / paragraph.length))}</article></body></html>`;
const file = { fileName: "volcanoes.html", bytes: new TextEncoder().encode(html) };

async function main() {
  const server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;

  /** Polls /health from a child process would be fairer; a keep-alive agent in-process is enough to see a blocked loop. */
  async function sampleWhile(work: () => Promise<unknown>): Promise<{ samples: number[]; workMs: number }> {
    const samples: number[] = [];
    let done = false;
    const t0 = performance.now();
    const running = work().finally(() => (done = true));
    let workMs = 0;
    void running.then(() => (workMs = performance.now() - t0));
    while (!done) {
      const start = performance.now();
      await fetch(url).then((r) => r.text());
      samples.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    await running;
    return { samples, workMs };
  }

  const idle: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    await fetch(url).then((r) => r.text());
    idle.push(performance.now() - start);
  }
  console.log(formatSummary("health, idle", summarize(idle)));

  const inline = await sampleWhile(() => extractDocument(file));
  console.log(formatSummary("health, parse on request thread", summarize(inline.samples)));
  console.log(`  parse on request thread took ${Math.round(inline.workMs)} ms`);

  const worker = await sampleWhile(() => extractDocumentInWorker(file));
  console.log(formatSummary("health, parse in worker", summarize(worker.samples)));
  console.log(`  parse in worker took ${Math.round(worker.workMs)} ms (worker start included)`);
  server.close();
}

void main();
