// prisma/schema.prisma (SQLite) is the one schema we edit. PostgreSQL's copy,
// prisma/postgresql/schema.prisma, is written from it by swapping only the
// datasource provider and the generated client's folder:
//   node scripts/pg-schema.mjs          rewrite the copy
//   node scripts/pg-schema.mjs --check  exit 1 if the copy is stale
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const PG_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// Generated from prisma/schema.prisma by scripts/pg-schema.mjs: edit that file, then run\n" +
  "// `npm run db:pg-schema`. Only the datasource provider and the client's folder differ.\n";

function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(
    new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
  );
  if (!matches || matches.length !== 1) throw new Error(`prisma/schema.prisma: expected exactly one ${what}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a given SQLite schema text. */
export function toPostgresSchema(sqlite) {
  let out = replaceOnce(
    sqlite,
    /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource provider "sqlite"',
  );
  out = replaceOnce(
    out,
    /output(\s*)=(\s*)"\.\.\/lib\/generated\/prisma"/,
    'output$1=$2"../../lib/generated/prisma-pg"',
    "client output",
  );
  return HEADER + out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const want = toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const have = fs.existsSync(PG_SCHEMA) ? fs.readFileSync(PG_SCHEMA, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (want !== have) {
      console.error("prisma/postgresql/schema.prisma is out of date: run `npm run db:pg-schema`.");
      process.exit(1);
    }
  } else if (want !== have) {
    fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
    fs.writeFileSync(PG_SCHEMA, want);
    console.log("Wrote prisma/postgresql/schema.prisma");
  }
}
