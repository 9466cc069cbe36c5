/**
 * How much a long parse delays other requests: a node:http server answers a
 * tiny /health while a 4 MB HTML file is parsed (a) on the request thread, as
 * uploads were parsed before (the baseline), and (b) through
 * extractDocumentInWorker, as they are now. Prints health latency for both,
 * and for an idle server. Run by hand: npx tsx bench/parse-isolation.ts
 */
import { spawn } from "node:child_process";
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

  // The client runs in its own process: a sampler on the blocked thread would be blocked too.
  const SAMPLER = `
    const http = require("node:http");
    const samples = [];
    let stop = false;
    process.stdin.on("data", () => (stop = true));
    (async () => {
      while (!stop) {
        const t0 = performance.now();
        await new Promise((resolve) => http.get(process.argv[1], { agent: false }, (r) => r.resume().on("end", resolve)).on("error", resolve));
        samples.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 10));
      }
      process.stdout.write(JSON.stringify(samples));
    })();`;

  async function sampleWhile(work: () => Promise<unknown>): Promise<{ samples: number[]; workMs: number }> {
    const child = spawn(process.execPath, ["-e", SAMPLER, url], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const t0 = performance.now();
    await work();
    const workMs = performance.now() - t0;
    child.stdin.write("stop");
    await new Promise((r) => child.on("exit", r));
    return { samples: JSON.parse(out) as number[], workMs };
  }

  const idle = (await sampleWhile(() => new Promise((r) => setTimeout(r, 3000)))).samples;
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
