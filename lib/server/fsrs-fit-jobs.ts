import "server-only";

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { needsFit } from "./fsrs-fit";

/**
 * Fitting runs in a child process (scripts/fit-fsrs.ts), never on the request path:
 * the optimizer takes about a second of CPU per learner, and a native crash there
 * can't take the server down. One fit at a time; a learner is checked every
 * CHECK_EVERY stored answers, so the count query isn't paid on every answer.
 */

const CHECK_EVERY = 20;
const sinceCheck = new Map<string, number>();
const waiting: string[] = [];
let running = false;

function runNext(): void {
  if (running) return;
  const learnerId = waiting.shift();
  if (!learnerId) return;
  const cli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(process.cwd(), "scripts", "fit-fsrs.ts");
  if (!fs.existsSync(cli) || !fs.existsSync(script)) return;
  running = true;
  const child = spawn(process.execPath, [cli, script, learnerId], { stdio: "ignore", env: process.env });
  const done = () => {
    running = false;
    runNext();
  };
  child.once("exit", done);
  child.once("error", done);
}

/** Called after an answer is stored; returns at once. */
export function noteStoredReview(learnerId: string): void {
  if (process.env.QUARRY_FSRS_FIT === "off") return;
  const n = (sinceCheck.get(learnerId) ?? 0) + 1;
  if (n < CHECK_EVERY) {
    sinceCheck.set(learnerId, n);
    return;
  }
  sinceCheck.set(learnerId, 0);
  void needsFit(learnerId)
    .then((due) => {
      if (!due || waiting.includes(learnerId)) return;
      waiting.push(learnerId);
      runNext();
    })
    .catch(() => undefined);
}
