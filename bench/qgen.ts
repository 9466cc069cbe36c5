// Throughput of the question generator on ~1 MB of varied text.
// Run by hand: npx tsx bench/qgen.ts [--kb 1024] [--seed 1] [--runs 3] [--synthetic | --prose]
import fs from "node:fs";
import path from "node:path";
import { getNlp } from "../lib/text/nlp";
import { parseDocumentFile } from "../lib/text/document-file";
import { generateBank, type SourceDocument } from "../lib/qgen";
import { seededRandom } from "../lib/random";
import { MONTH_NAMES } from "../lib/qgen/values";
import { readDocument } from "../lib/qgen/read-document";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET_BYTES = arg("kb", 1024) * 1024;
const random = seededRandom(arg("seed", 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const FIRST = [
  "Maria",
  "James",
  "Aiko",
  "Olga",
  "Kwame",
  "Priya",
  "Lars",
  "Chen",
  "Fatima",
  "Diego",
  "Anna",
  "Omar",
  "Helen",
  "Ravi",
  "Sofia",
  "Tomas",
];
const LAST = [
  "Okafor",
  "Lindqvist",
  "Tanaka",
  "Moreau",
  "Haddad",
  "Kowalski",
  "Silva",
  "Novak",
  "Brennan",
  "Iyer",
  "Kruger",
  "Yamamoto",
  "Petrova",
  "Mendes",
];
const PLACES = [
  "Lisbon",
  "Nairobi",
  "Oslo",
  "Lima",
  "Hanoi",
  "Kraków",
  "Quebec",
  "Adelaide",
  "Tunis",
  "Bergen",
  "the Rhine Valley",
  "the Bering Strait",
  "the Andes Mountains",
  "Lake Victoria",
];
const ORG_WORDS = [
  "Northern",
  "Atlas",
  "Meridian",
  "Pioneer",
  "Coastal",
  "United",
  "Summit",
  "Harbor",
  "Granite",
  "Crescent",
];
const ORG_HEADS = [
  "University",
  "Institute",
  "Bank",
  "Airlines",
  "Foundation",
  "Council",
  "Energy",
  "Pharmaceuticals",
  "Museum",
  "Agency",
];
const TERMS: Record<string, string[]> = {
  science: [
    "photosynthesis",
    "plate tectonics",
    "gene expression",
    "quantum entanglement",
    "osmotic pressure",
    "cellular respiration",
  ],
  economics: [
    "quantitative easing",
    "price elasticity",
    "trade deficit",
    "monetary policy",
    "supply chain",
    "fiscal stimulus",
  ],
  history: [
    "the armistice",
    "the trade embargo",
    "land reform",
    "the naval blockade",
    "universal suffrage",
    "the peace treaty",
  ],
  medicine: [
    "herd immunity",
    "antibiotic resistance",
    "clinical trial",
    "blood pressure",
    "gene therapy",
    "insulin resistance",
  ],
  sport: [
    "the world record",
    "the penalty shootout",
    "the transfer window",
    "the qualifying round",
    "the home advantage",
  ],
};
const VERBS = ["announced", "reported", "confirmed", "estimated", "published", "proposed"];

const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const org = () => `${pick(ORG_WORDS)} ${pick(ORG_HEADS)}`;
const year = () => String(int(1820, 2024));
const date = () => `${pick(MONTH_NAMES)} ${int(1, 28)}, ${year()}`;
const money = () =>
  pick([`$${int(2, 900)} million`, `$${int(1, 99)}.${int(1, 9)} billion`, `€${int(10, 999)},${int(100, 999)}`]);
const percent = () => pick([`${int(1, 95)}%`, `${int(1, 40)}.${int(1, 9)} percent`]);
const quantity = () =>
  `${int(3, 9000).toLocaleString("en-US")} ${pick(["tonnes", "kilometres", "patients", "households", "species", "hectares", "workers"])}`;

const TEMPLATES: Array<(domain: string) => string> = [
  (d) => `In ${year()}, ${person()} of the ${org()} ${pick(VERBS)} a study of ${pick(TERMS[d]!)} in ${pick(PLACES)}.`,
  (d) => `The ${org()} spent ${money()} on ${pick(TERMS[d]!)} between ${year()} and ${year()}.`,
  () => `According to ${person()}, about ${percent()} of the ${quantity()} surveyed in ${pick(PLACES)} were affected.`,
  () => `${person()} was born on ${date()} in ${pick(PLACES)} and later joined the ${org()}.`,
  (d) =>
    `Researchers described ${pick(TERMS[d]!)} as "${pick(TERMS[d]!).replace(/^the /, "")}" in a report released on ${date()}.`,
  () => `By ${year()}, output in ${pick(PLACES)} had reached ${quantity()}, up ${percent()} on the previous decade.`,
  (d) =>
    `${person()}, a professor at the ${org()}, argued that ${pick(TERMS[d]!)} would shape policy for ${int(2, 30)} years.`,
  () =>
    `The agreement signed in ${pick(PLACES)} on ${date()} committed ${int(3, 40)} countries to spend ${money()} by ${year()}.`,
  (d) => `Critics noted that ${pick(TERMS[d]!)} had cost the ${org()} roughly ${money()} since ${year()}.`,
];

/** A seeded mix of domains and templates; every sentence draws fresh values, so few repeat. */
function buildCorpus(): SourceDocument[] {
  const docs: SourceDocument[] = [];
  for (const file of fs
    .readdirSync("content")
    .filter((f) => f.endsWith(".md"))
    .sort()) {
    const parsed = parseDocumentFile(file, fs.readFileSync(path.join("content", file)));
    docs.push({ id: file, title: parsed.title, path: file, text: parsed.text });
  }
  let bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  for (let n = 0; bytes < TARGET_BYTES; n++) {
    const domain = pick(Object.keys(TERMS));
    const paragraphs: string[] = [`# Report ${n + 1} on ${domain}`];
    for (let p = 0; p < 6; p++)
      paragraphs.push(Array.from({ length: int(3, 6) }, () => pick(TEMPLATES)(domain)).join(" "));
    const text = paragraphs.join("\n\n") + "\n";
    docs.push({ id: `gen-${n}`, title: `Report ${n + 1}`, path: `gen-${n}.md`, text });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

/**
 * Real prose: the README files of the installed packages, with code blocks,
 * inline code, markup, tables and links stripped. Ordinary English written
 * by many authors on many subjects, far less fact-dense than the synthetic mix.
 */
function buildProseCorpus(): SourceDocument[] {
  const docs: SourceDocument[] = [];
  const dirs = fs
    .readdirSync("node_modules", { withFileTypes: true })
    .flatMap((e) =>
      e.name.startsWith("@")
        ? fs.readdirSync(path.join("node_modules", e.name)).map((n) => `${e.name}/${n}`)
        : [e.name],
    );
  let bytes = 0;
  for (const dir of dirs.sort()) {
    if (bytes >= TARGET_BYTES) break;
    const file = ["README.md", "readme.md", "Readme.md"]
      .map((f) => path.join("node_modules", dir, f))
      .find(fs.existsSync);
    if (!file) continue;
    const text = fs
      .readFileSync(file, "utf8")
      .replace(/```[\s\S]*?```/g, "")
      .replace(/`[^`\n]*`/g, "it")
      .replace(/<[^>]+>/g, "")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .split("\n")
      .filter((l) => !/^\s*([|#>*-]|\d+\.)/.test(l) && l.trim().split(/\s+/).length >= 8)
      .join("\n");
    if (text.length < 500) continue;
    docs.push({ id: dir, title: dir, path: file, text });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

getNlp(); // model load is a one-off, not per document
generateBank(buildCorpus().slice(0, 3)); // warm up the JIT
const RUNS = arg("runs", 3);
const which = process.argv.includes("--synthetic")
  ? ["synthetic"]
  : process.argv.includes("--prose")
    ? ["prose"]
    : ["synthetic", "prose"];

for (const name of which) {
  const docs = name === "synthetic" ? buildCorpus() : buildProseCorpus();
  const kb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1024;
  // The floor: wink-nlp reading every line once, as any sentence splitter built on it must.
  const nlp = getNlp();
  const parseOnce = () => {
    for (const d of docs) for (const line of d.text.split(/\r?\n/)) if (line.trim()) nlp.readDoc(line).tokens().out();
  };
  // The machine may be shared, so take the best of a few interleaved runs.
  let parseMs = Infinity;
  let annotateMs = Infinity;
  let genMs = Infinity;
  let bank = generateBank([]);
  for (let r = 0; r < RUNS; r++) {
    parseMs = Math.min(parseMs, time(parseOnce)[1]);
    annotateMs = Math.min(annotateMs, time(() => docs.forEach((d) => readDocument(d.text)))[1]);
    const [b, ms] = time(() => generateBank(docs, { seed: 1 }));
    bank = b;
    genMs = Math.min(genMs, ms);
  }
  const rate = (ms: number) => (kb / (ms / 1000)).toFixed(0);
  console.log(`\n== ${name} corpus: ${docs.length} documents, ${kb.toFixed(0)} KB`);
  console.log(
    `bank:   ${bank.questions.length} questions (${(bank.questions.length / kb).toFixed(1)} per KB), ${bank.conflicts.length} conflicts`,
  );
  console.log(`generate:        ${genMs.toFixed(0)} ms  (${rate(genMs)} KB/s)  best of ${RUNS}`);
  console.log(`wink parse only: ${parseMs.toFixed(0)} ms  (${rate(parseMs)} KB/s)   <- baseline`);
  console.log(
    `wink parse + tags the generator reads (POS, lemmas, entities): ${annotateMs.toFixed(0)} ms  (${rate(annotateMs)} KB/s)`,
  );
  console.log(
    `ratio generate / parse: ${(genMs / parseMs).toFixed(2)}x; generate / parse+tags: ${(genMs / annotateMs).toFixed(2)}x  (target: >= 200 KB/s, <= 3x parse)`,
  );
}
