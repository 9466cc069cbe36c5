// Usage: npm run --silent qgen -- [--out FILE] [--seed N] [--related] PATH...
// Builds a question bank from .txt/.md files and folders and writes it as JSON.
// Each document draws distractors from itself only; --related lets the inputs
// (one deck, one topic) lend each other distractors.
import fs from "node:fs";
import path from "node:path";
import { parseDocumentFile } from "../lib/text/document-file";
import { generateBank, type SourceDocument } from "../lib/qgen";

const USAGE = "usage: qgen [--out FILE] [--seed N] [--related] PATH...";
const TEXT_FILE = /\.(txt|md)$/i;

type Args = { out?: string; seed: number; related: boolean; paths: string[] };

function parseArgs(argv: string[]): Args | string {
  const args: Args = { seed: 1, related: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--out" || a === "--seed") {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === "--out") args.out = value;
      else if (!/^-?\d+$/.test(value)) return `--seed must be an integer, got "${value}"`;
      else args.seed = Number(value);
    } else if (a === "--related") args.related = true;
    else if (a === "--help" || a === "-h") return USAGE;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else args.paths.push(a);
  }
  return args.paths.length > 0 ? args : "no input paths given";
}

/** Files under the given paths, folders walked recursively in name order. */
function collectFiles(paths: string[], errors: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), false);
    } else if (TEXT_FILE.test(p)) out.push(p);
    else if (explicit) errors.push(`${p}: not a .txt or .md file`);
  };
  for (const p of paths) walk(p, true);
  return out;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(`qgen: ${args}\n${args === USAGE ? "" : USAGE + "\n"}`);
    return args === USAGE ? 0 : 1;
  }
  const errors: string[] = [];
  const docs: SourceDocument[] = [];
  for (const file of collectFiles(args.paths, errors)) {
    try {
      const parsed = parseDocumentFile(file, fs.readFileSync(file));
      const rel = path.relative(process.cwd(), file) || file;
      const copyOf = docs.find((d) => d.sha256 === parsed.sha256);
      if (copyOf) {
        errors.push(`${rel}: same content as ${copyOf.path}, skipped`);
        continue;
      }
      docs.push({
        id: parsed.sha256.slice(0, 12),
        title: parsed.title,
        path: rel,
        text: parsed.text,
        sha256: parsed.sha256,
        group: args.related ? "inputs" : undefined,
      });
    } catch (e) {
      errors.push(e instanceof Error ? e.message : `${file}: ${String(e)}`);
    }
  }
  for (const e of errors) process.stderr.write(`qgen: ${e}\n`);
  if (docs.length === 0) {
    process.stderr.write("qgen: no documents could be read\n");
    return 1;
  }
  const bank = generateBank(docs, {
    seed: args.seed,
    onWarning: (w) => process.stderr.write(`qgen: ${w.message}\n`),
  });
  const json = JSON.stringify(bank, null, 2) + "\n";
  if (args.out) fs.writeFileSync(args.out, json);
  else process.stdout.write(json);
  process.stderr.write(
    `qgen: ${docs.length} document(s), ${bank.questions.length} questions, ${bank.conflicts.length} conflict(s)\n`,
  );
  return 0;
}

process.exitCode = main();
