import type { Database } from "sql.js";
import { checkZipLimits, listZipEntries, readZipEntry, ZipGuardError, type ZipEntryInfo } from "../ingest/zip-guard";
import type { ZipLimits } from "../ingest/types";
import { noteFields } from "./anki-export";
import { ankiHtmlToText } from "./anki-html";
import { clozeQuestions } from "./anki-cloze";
import { decodeQuarryField } from "./anki-quarry-field";
import { QUARRY_FIELD } from "./anki-schema";
import { loadSqlJs, type SqlJsConfig } from "./sql-loader";
import type { ImportFailure, ImportResult, InterchangeQuestion, SkippedRecord } from "./types";
import { validateAll } from "./validate";

export const MAX_APKG_BYTES = 100 * 1024 * 1024;
/**
 * Only the collection is inflated (media files are never read), so these cap
 * the collection database. A text-only collection of 10,000 notes is a few MB;
 * sql.js holds the whole database in memory, so the cap bounds memory too.
 */
export const DEFAULT_APKG_LIMITS: ZipLimits = {
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxEntries: 100_000,
};

/** Rows read from the notes table at most (a step limit on the one query that scales with the file). */
export const MAX_APKG_NOTES = 50_000;

const SQLITE_MAGIC = "SQLite format 3\0";

export type ApkgImportOptions = { limits?: Partial<ZipLimits>; maxBytes?: number; sqlJs?: SqlJsConfig };

type Model = { name: string; type: number; fields: string[]; templates: number };
type NoteRow = { mid: number; tags: string; flds: string };

/**
 * Reads Basic and Cloze notes from an Anki package. Notes Quarry exported
 * come back exactly (hidden field); other notes become flashcards (Basic:
 * Front → prompt, Back → answer) or one cloze question per deletion number.
 * Other note types, and notes with only images or sound, are skipped and listed.
 */
export async function fromApkg(bytes: Uint8Array, options: ApkgImportOptions = {}): Promise<ImportResult> {
  try {
    return await importApkg(bytes, options);
  } catch (err) {
    if (err instanceof ZipGuardError) return fail(err.code, `The package ${err.message}.`);
    return fail("corrupt", "The package could not be read (the file may be damaged).");
  }
}

async function importApkg(bytes: Uint8Array, options: ApkgImportOptions): Promise<ImportResult> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return fail("corrupt", "The file is empty.");
  const maxBytes = options.maxBytes ?? MAX_APKG_BYTES;
  if (bytes.length > maxBytes)
    return fail("too_large", `The package is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const entries = listZipEntries(bytes);
  const pick = (name: string) => entries.find((e) => e.name === name);
  const collection: ZipEntryInfo | undefined = pick("collection.anki21") ?? pick("collection.anki2");
  if (!collection) {
    return pick("collection.anki21b")
      ? fail(
          "unsupported_format",
          "This package uses Anki's newest format. In Anki, export again with “Support older Anki versions” ticked.",
        )
      : fail("corrupt", "This is not an Anki package (no collection inside).");
  }
  checkZipLimits(entries, [collection], { ...DEFAULT_APKG_LIMITS, ...options.limits });
  const limits = { ...DEFAULT_APKG_LIMITS, ...options.limits };
  const data = readZipEntry(bytes, collection, limits.maxEntryBytes);
  if (new TextDecoder("latin1").decode(data.subarray(0, 16)) !== SQLITE_MAGIC) {
    return fail("corrupt", "The collection inside the package is not a valid database.");
  }
  const SQL = await loadSqlJs(options.sqlJs);
  let db: Database;
  try {
    db = new SQL.Database(data);
    // Nothing in an imported file may write; sql.js has no read-only open flag, so the connection is made query-only.
    db.run("PRAGMA query_only = ON");
  } catch {
    return fail("corrupt", "The collection inside the package is not a valid database.");
  }
  try {
    const unsafe = unsafeSchema(db);
    if (unsafe)
      return fail("corrupt", `The collection inside the package ${unsafe}, which Anki never writes; it was not read.`);
    return readCollection(db);
  } catch (err) {
    if (err instanceof TooManyNotes) return fail("too_large", err.message);
    return fail("corrupt", "The collection inside the package is not a valid Anki collection.");
  } finally {
    db.close();
  }
}

class TooManyNotes extends Error {}

/**
 * Views and triggers run SQL the file's author wrote (a recursive view can
 * spin for as long as its author likes), and virtual tables run module code:
 * a real Anki collection has none of them.
 */
function unsafeSchema(db: Database): string | null {
  const rows = db.exec(
    "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') OR sql LIKE 'CREATE VIRTUAL%' LIMIT 1",
  );
  const row = rows[0]?.values[0];
  if (!row) return null;
  const kind = row[0] === "table" ? "virtual table" : String(row[0]);
  return `holds a ${kind} (${String(row[1]).slice(0, 40)})`;
}

function readCollection(db: Database): ImportResult {
  const models = readModels(db);
  const questions: InterchangeQuestion[] = [];
  const records: number[] = [];
  const skipped: SkippedRecord[] = [];
  const stmt = db.prepare("SELECT mid, tags, flds FROM notes ORDER BY id");
  let record = 0;
  try {
    while (stmt.step()) {
      record++;
      if (record > MAX_APKG_NOTES) {
        throw new TooManyNotes(
          `The deck holds more than ${MAX_APKG_NOTES.toLocaleString("en")} notes; split it into smaller decks.`,
        );
      }
      const row = stmt.getAsObject() as unknown as NoteRow;
      const tags = String(row.tags ?? "")
        .split(/\s+/)
        .filter(Boolean);
      const model = models.get(Number(row.mid));
      const fields = String(row.flds ?? "").split("\x1f");
      const add = (q: InterchangeQuestion) => {
        questions.push(q.tags ? q : tags.length ? { ...q, tags } : q);
        records.push(record);
      };
      const exact = model ? unchangedQuarryNote(fields, model) : null;
      if (exact) add(exact);
      else if (!model) skipped.push({ record, reason: "note type is missing from the collection" });
      else if (model.type === 1) {
        const { questions: qs, problems } = clozeQuestions(fields[0] ?? "");
        qs.forEach(add);
        for (const reason of problems) skipped.push({ record, reason });
      } else if (isBasic(model)) {
        const lower = model.fields.map((f) => f.toLowerCase());
        const prompt = ankiHtmlToText(fields[lower.indexOf("front")] ?? "");
        const answer = ankiHtmlToText(fields[lower.indexOf("back")] ?? "");
        if (!prompt || !answer) skipped.push({ record, reason: "no text on one side (images or sound only)" });
        else add({ type: "flashcard", prompt, answer });
      } else skipped.push({ record, reason: `note type “${model.name}” is not Basic or Cloze` });
    }
  } finally {
    stmt.free();
  }
  if (record === 0) return fail(undefined, "The deck has no notes.");
  const checked = validateAll(questions, (i) => ({ record: records[i] }));
  if (checked.errors.length) {
    return { ok: false, errors: checked.errors.map((e) => ({ ...e, message: `Note ${e.record}: ${e.message}` })) };
  }
  const title = readDeckName(db);
  return {
    ok: true,
    questions: checked.questions,
    ...(skipped.length ? { skipped } : {}),
    ...(title ? { title } : {}),
  };
}

/** The name of the deck most of the cards are in ("Parent::Child" reads "Parent / Child"); never "Default". */
function readDeckName(db: Database): string | null {
  try {
    const did = db.exec("SELECT did FROM cards GROUP BY did ORDER BY COUNT(*) DESC, did LIMIT 1")[0]?.values[0]?.[0];
    if (did === undefined || did === null) return null;
    let name: unknown = null;
    const hasTable = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decks'")[0];
    if (hasTable) name = db.exec("SELECT name FROM decks WHERE id = ?", [did])[0]?.values[0]?.[0];
    if (typeof name !== "string") {
      const json = db.exec("SELECT decks FROM col LIMIT 1")[0]?.values[0]?.[0];
      const decks: unknown = typeof json === "string" && json.trim() ? JSON.parse(json) : {};
      name = (decks as Record<string, { name?: unknown }>)[String(did)]?.name;
    }
    if (typeof name !== "string") return null;
    const clean = name
      .replace(/\x1f/g, "::")
      .split("::")
      .map((s) => s.trim())
      .filter(Boolean)
      .join(" / ");
    return clean && clean !== "Default" ? clean.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * The exact question from the hidden field, unless the visible fields were
 * edited in Anki since export: then the edits win and the note is read like
 * any other.
 */
function unchangedQuarryNote(fields: readonly string[], model: Model): InterchangeQuestion | null {
  const q = decodeQuarryField(fields[model.fields.indexOf(QUARRY_FIELD)]);
  if (!q) return null;
  const expected = noteFields(q).fields;
  return expected[0] === fields[0] && expected[1] === fields[1] ? q : null;
}

/** Basic family: one card template with Front and Back fields ("Basic", "Basic (type in the answer)"). */
function isBasic(model: Model): boolean {
  const lower = model.fields.map((f) => f.toLowerCase());
  return model.type === 0 && model.templates === 1 && lower.includes("front") && lower.includes("back");
}

function readModels(db: Database): Map<number, Model> {
  const result = db.exec("SELECT models FROM col LIMIT 1");
  const json = result[0]?.values[0]?.[0];
  const models = new Map<number, Model>();
  if (typeof json !== "string" || json.trim() === "{}" || json.trim() === "") return readNotetypeTables(db);
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null) return models;
  for (const [id, m] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof m !== "object" || m === null) continue;
    const model = m as { name?: unknown; type?: unknown; flds?: unknown; tmpls?: unknown };
    const fields = Array.isArray(model.flds) ? model.flds.map((f: { name?: unknown }) => String(f?.name ?? "")) : [];
    models.set(Number(id), {
      name: String(model.name ?? "unnamed"),
      type: Number(model.type ?? 0),
      fields,
      templates: Array.isArray(model.tmpls) ? model.tmpls.length : 0,
    });
  }
  return models;
}

/** Newer collections (schema 18) keep note types in tables; templates are protobuf, so cloze is spotted by its marker. */
function readNotetypeTables(db: Database): Map<number, Model> {
  const models = new Map<number, Model>();
  const hasTable = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'");
  if (!hasTable[0]) return models;
  for (const [id, name] of db.exec("SELECT id, name FROM notetypes")[0]?.values ?? []) {
    const ntid = Number(id);
    const fields = (db.exec("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", [ntid])[0]?.values ?? []).map((r) =>
      String(r[0]),
    );
    const templates = db.exec("SELECT config FROM templates WHERE ntid = ? ORDER BY ord", [ntid])[0]?.values ?? [];
    const cloze = templates.some((r) => r[0] instanceof Uint8Array && Buffer.from(r[0]).includes("{{cloze:"));
    models.set(ntid, { name: String(name), type: cloze ? 1 : 0, fields, templates: templates.length });
  }
  return models;
}

function fail(code: ImportFailure["errors"][number]["code"], message: string): ImportFailure {
  return { ok: false, errors: [code ? { code, message } : { message }] };
}
