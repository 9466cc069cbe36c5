import type { Database, SqlJsStatic } from "sql.js";
import { checkZipLimits, listZipEntries, readZipEntry, ZipGuardError, type ZipEntryInfo } from "../ingest/zip-guard";
import type { ZipLimits } from "../ingest/types";
import { noteFields } from "./anki-export";
import { ankiHtmlToText, hasHtml, IMAGE_TOKEN } from "./anki-html";
import { clozeQuestions } from "./anki-cloze";
import { isZstd, readMediaMap, sniffImage, unzstd, ZstdTooLarge } from "./anki-media";
import {
  cardShape,
  clozeField,
  readDeckName,
  readModels,
  sectionFields,
  templateFields,
  type AnkiModel,
} from "./anki-models";
import { decodeQuarryField } from "./anki-quarry-field";
import { QUARRY_FIELD } from "./anki-schema";
import { countChange, type ChangeCounter } from "./changes";
import { loadSqlJs, type SqlJsConfig } from "./sql-loader";
import {
  INTERCHANGE_LIMITS,
  type ImportFailure,
  type ImportResult,
  type InterchangeQuestion,
  type MediaFile,
  type SkippedRecord,
} from "./types";
import { validateAll } from "./validate";

export const MAX_APKG_BYTES = 100 * 1024 * 1024;
/**
 * Caps the collection database (inflated, and unzstd'ed for the newest
 * format); media have their own caps. A text-only collection of 10,000 notes
 * is a few MB; sql.js holds the whole database in memory, so the cap bounds
 * memory too.
 */
export const DEFAULT_APKG_LIMITS: ZipLimits = {
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxEntries: 100_000,
};

/** Rows read from the notes table at most (a step limit on the one query that scales with the file). */
export const MAX_APKG_NOTES = 50_000;

const SQLITE_MAGIC = "SQLite format 3\0";

export type ApkgImportOptions = {
  limits?: Partial<ZipLimits>;
  maxBytes?: number;
  sqlJs?: SqlJsConfig;
  maxImageBytes?: number;
  maxDeckImageBytes?: number;
};

type NoteRow = { id: number; guid: string; mid: number; tags: string; flds: string };
type Collected = {
  questions: InterchangeQuestion[];
  records: number[];
  skipped: SkippedRecord[];
  changes: ChangeCounter;
  notes: number;
};

/**
 * Reads an Anki package. The newest layout (`collection.anki21b`, zstd) is
 * read first; the `collection.anki2` beside it in current exports is only a
 * placeholder. Note types are recognised by their templates, not their
 * names: a cloze template gives one question per deletion, any other gives
 * one question per card (so "Basic (and reversed card)" gives two variants
 * of one note). Back fields after the answer become the explanation; images
 * come along within size caps. Everything skipped is listed with its reason.
 */
export async function fromApkg(bytes: Uint8Array, options: ApkgImportOptions = {}): Promise<ImportResult> {
  try {
    return await importApkg(bytes, options);
  } catch (err) {
    if (err instanceof ZipGuardError) return fail(err.code, `The package ${err.message}.`);
    if (err instanceof ZstdTooLarge) return fail("zip_bomb", `The package's collection ${err.message}.`);
    return fail("corrupt", "The package could not be read (the file may be damaged).");
  }
}

async function importApkg(bytes: Uint8Array, options: ApkgImportOptions): Promise<ImportResult> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return fail("corrupt", "The file is empty.");
  const maxBytes = options.maxBytes ?? MAX_APKG_BYTES;
  if (bytes.length > maxBytes)
    return fail("too_large", `The package is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const limits = { ...DEFAULT_APKG_LIMITS, ...options.limits };
  const entries = listZipEntries(bytes);
  const pick = (name: string) => entries.find((e) => e.name === name);
  const collection: ZipEntryInfo | undefined =
    pick("collection.anki21b") ?? pick("collection.anki21") ?? pick("collection.anki2");
  if (!collection) return fail("corrupt", "This is not an Anki package (no collection inside).");
  const mediaEntry = pick("media");
  checkZipLimits(entries, mediaEntry ? [collection, mediaEntry] : [collection], limits);
  let data = readZipEntry(bytes, collection, limits.maxEntryBytes);
  const newest = collection.name === "collection.anki21b";
  if (newest) {
    if (!isZstd(data)) return fail("corrupt", "The package's collection is damaged (not zstd-compressed).");
    data = unzstd(data, limits.maxTotalBytes);
  }
  if (new TextDecoder("latin1").decode(data.subarray(0, 16)) !== SQLITE_MAGIC) {
    return fail("corrupt", "The collection inside the package is not a valid database.");
  }
  const SQL = await loadSqlJs(options.sqlJs);
  let db: Database;
  try {
    db = new SQL.Database(data);
    const unsafe = unsafeSchema(db);
    if (unsafe) {
      db.close();
      return fail("corrupt", `The collection inside the package ${unsafe}, which Anki never writes; it was not read.`);
    }
    db = withoutUnicase(SQL, db);
    // Nothing in an imported file may write; sql.js has no read-only open flag, so the connection is made query-only.
    db.run("PRAGMA query_only = ON");
  } catch {
    return fail("corrupt", "The collection inside the package is not a valid database.");
  }
  let collected: Collected;
  let title: string | undefined;
  try {
    collected = readCollection(db);
    try {
      title = readDeckName(db);
    } catch {
      title = undefined; // a deck name is a nicety; the notes are what matter
    }
  } catch (err) {
    if (err instanceof TooManyNotes) return fail("too_large", err.message);
    return fail("corrupt", "The collection inside the package is not a valid Anki collection.");
  } finally {
    db.close();
  }
  if (collected.notes === 0) return fail(undefined, "The deck has no notes.");
  const mediaMap = mediaEntry ? safeMediaMap(readZipEntry(bytes, mediaEntry)) : new Map<string, string>();
  const media = attachImages(bytes, entries, mediaMap, collected, {
    perFile: options.maxImageBytes ?? INTERCHANGE_LIMITS.maxImageBytes,
    perDeck: options.maxDeckImageBytes ?? INTERCHANGE_LIMITS.maxDeckImageBytes,
  });
  dropEmptySides(collected);
  const checked = validateAll(collected.questions, (i) => ({ record: collected.records[i] }));
  if (checked.errors.length) {
    return { ok: false, errors: checked.errors.map((e) => ({ ...e, message: `Note ${e.record}: ${e.message}` })) };
  }
  const changes = collected.changes.lines();
  return {
    ok: true,
    readAs: `Anki package (.apkg), ${newest ? "current format (collection.anki21b, zstd)" : `older format (${collection.name})`}`,
    questions: checked.questions,
    ...(collected.skipped.length ? { skipped: collected.skipped.sort((a, b) => a.record - b.record) } : {}),
    ...(title ? { title } : {}),
    changes,
    ...(media.length ? { media } : {}),
  };
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

/**
 * Current Anki declares its name columns with its own `unicase` collation,
 * which no other SQLite has; any read of those tables then fails. Quarry
 * never compares or sorts by those names, so this copy of the collection
 * (in memory only) gets the plain declaration back.
 */
function withoutUnicase(SQL: SqlJsStatic, db: Database): Database {
  const uses = db.exec("SELECT 1 FROM sqlite_master WHERE sql LIKE '%collate unicase%' LIMIT 1");
  if (!uses[0]) return db;
  db.exec("PRAGMA writable_schema = ON");
  db.exec("UPDATE sqlite_master SET sql = replace(replace(sql, 'COLLATE unicase', ''), 'collate unicase', '')");
  db.exec("PRAGMA writable_schema = OFF");
  const bytes = db.export();
  db.close();
  return new SQL.Database(bytes);
}

function readCollection(db: Database): Collected {
  const models = readModels(db);
  const cardOrds = new Map<number, number[]>();
  for (const [nid, ord] of db.exec("SELECT nid, ord FROM cards ORDER BY nid, ord")[0]?.values ?? []) {
    const list = cardOrds.get(Number(nid)) ?? [];
    list.push(Number(ord));
    cardOrds.set(Number(nid), list);
  }
  const out: Collected = { questions: [], records: [], skipped: [], changes: countChange(), notes: 0 };
  const stmt = db.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id");
  try {
    while (stmt.step()) {
      const record = ++out.notes;
      if (record > MAX_APKG_NOTES) {
        throw new TooManyNotes(
          `The deck holds more than ${MAX_APKG_NOTES.toLocaleString("en")} notes; split it into smaller decks.`,
        );
      }
      const row = stmt.getAsObject() as unknown as NoteRow;
      const model = models.get(Number(row.mid));
      const fields = String(row.flds ?? "").split("\x1f");
      const tags = String(row.tags ?? "")
        .split(/\s+/)
        .filter(Boolean);
      const noteId = `anki-${String(row.guid || row.id)}`;
      const add = (q: InterchangeQuestion) => {
        out.questions.push({ ...q, ...(q.tags || !tags.length ? {} : { tags }), noteId: q.noteId ?? noteId });
        out.records.push(record);
      };
      const exact = model ? unchangedQuarryNote(fields, model) : null;
      if (exact) add(exact);
      else if (!model) out.skipped.push({ record, reason: "its note type is missing from the collection" });
      else readNote(model, fields, cardOrds.get(Number(row.id)), record, add, out);
    }
  } finally {
    stmt.free();
  }
  return out;
}

function readNote(
  model: AnkiModel,
  raw: readonly string[],
  ords: readonly number[] | undefined,
  record: number,
  add: (q: InterchangeQuestion) => void,
  out: Collected,
) {
  const value = (name: string) => raw[model.fields.indexOf(name)] ?? "";
  const text = (name: string) => ankiHtmlToText(value(name));
  const used = new Set<string>();
  const before = out.questions.length;
  if (model.cloze) {
    const field = clozeField(model) ?? model.fields[0]!;
    if (/image-occlusion:/.test(value(field))) {
      out.skipped.push({ record, reason: `image occlusion note (“${model.name}”)` });
      return;
    }
    used.add(field);
    const extras = [...new Set(model.templates.flatMap((t) => templateFields(t.afmt, model.fields)))].filter(
      (f) => f !== field && f !== QUARRY_FIELD,
    );
    extras.forEach((f) => used.add(f));
    const explanation = joinExtras(extras.map(text));
    const { questions, problems } = clozeQuestions(value(field));
    if (/\{\{c\d+::[^}]*?::[^}]*\}\}/.test(value(field))) out.changes.add(record, "cloze hints dropped");
    questions.forEach((q) => add(explanation ? { ...q, explanation } : q));
    for (const reason of problems) out.skipped.push({ record, reason });
  } else {
    const wanted = ords?.length ? ords : model.templates.map((_, i) => i);
    for (const ord of wanted) {
      const template = model.templates[ord];
      const shape = template ? cardShape(template, model.fields) : null;
      if (!template || !shape) {
        out.skipped.push({
          record,
          reason: `card “${template?.name ?? ord + 1}” of “${model.name}” shows no field on its back that its front does not`,
        });
        continue;
      }
      [...shape.front, shape.answer, ...shape.extra].forEach((f) => used.add(f));
      const prompt = shape.front.map(text).filter(Boolean).join("\n");
      const answer = text(shape.answer);
      if (!prompt || !answer) {
        out.skipped.push({ record, reason: `card “${template.name}”: one side is empty (sound only or blank)` });
        continue;
      }
      const explanation = joinExtras(shape.extra.map(text));
      add({ type: "flashcard", prompt, answer, ...(explanation ? { explanation } : {}) });
    }
  }
  if (out.questions.length === before) return;
  for (const t of model.templates) for (const f of sectionFields(t.qfmt + t.afmt, model.fields)) used.add(f);
  const usedValues = [...used]
    .filter((f) => !sectionFields(model.templates.map((t) => t.qfmt).join(""), model.fields).includes(f))
    .map(value);
  if (usedValues.some((v) => hasHtml(v.replace(/<img\b[^>]*>/gi, ""))))
    out.changes.add(record, "HTML converted to text");
  if (usedValues.some((v) => v.includes("[sound:"))) out.changes.add(record, "sound removed (Quarry plays no audio)");
  const unshown = model.fields.filter((f) => f !== QUARRY_FIELD && !used.has(f) && ankiHtmlToText(value(f)));
  for (const f of unshown) out.changes.add(record, `field “${f}” not imported (no card shows it)`);
  if (out.questions.slice(before).some((q) => q.explanation))
    out.changes.add(record, "extra fields kept as explanation");
}

function joinExtras(parts: readonly string[]): string {
  return parts.filter(Boolean).join("\n\n");
}

/**
 * The exact question from the hidden field, unless the visible fields were
 * edited in Anki since export: then the edits win and the note is read like
 * any other.
 */
function unchangedQuarryNote(fields: readonly string[], model: AnkiModel): InterchangeQuestion | null {
  const q = decodeQuarryField(fields[model.fields.indexOf(QUARRY_FIELD)]);
  if (!q) return null;
  const expected = noteFields(q).fields;
  return expected.slice(0, -1).every((f, i) => f === fields[i]) ? q : null;
}

function safeMediaMap(bytes: Uint8Array): Map<string, string> {
  try {
    return readMediaMap(bytes);
  } catch {
    return new Map();
  }
}

/**
 * Unpacks the images the imported questions show, within the caps; an image
 * that is missing, too large or not a PNG/JPEG/GIF/WebP is taken out of the
 * text and listed.
 */
function attachImages(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  mediaMap: Map<string, string>,
  collected: Collected,
  caps: { perFile: number; perDeck: number },
): MediaFile[] {
  const wanted = new Map<string, Set<number>>();
  collected.questions.forEach((q, i) => {
    for (const s of [q.prompt, q.answer, q.explanation ?? ""])
      for (const m of s.matchAll(IMAGE_TOKEN)) {
        const set = wanted.get(m[1]!) ?? new Set<number>();
        set.add(collected.records[i]!);
        wanted.set(m[1]!, set);
      }
  });
  const media: MediaFile[] = [];
  const refused = new Map<string, string>();
  let total = 0;
  for (const name of [...wanted.keys()].sort()) {
    const entryName = mediaMap.get(name);
    const entry = entryName === undefined ? undefined : entries.find((e) => e.name === entryName);
    let reason: string | null = null;
    if (!entry) reason = "it is not in the package";
    else if (entry.size > caps.perFile * 2 + 1024) reason = `it is larger than ${mb(caps.perFile)}`;
    else {
      let data = readZipEntry(bytes, entry);
      if (isZstd(data)) {
        try {
          data = unzstd(data, caps.perFile);
        } catch {
          reason = `it is larger than ${mb(caps.perFile)} or damaged`;
        }
      }
      const mime = reason ? null : sniffImage(data);
      if (reason) {
        // already set
      } else if (!mime) reason = "it is not a PNG, JPEG, GIF or WebP image";
      else if (data.length > caps.perFile) reason = `it is larger than ${mb(caps.perFile)}`;
      else if (total + data.length > caps.perDeck) reason = `the deck's images pass ${mb(caps.perDeck)}`;
      else {
        total += data.length;
        media.push({ name, mime, bytes: data });
      }
    }
    if (reason) refused.set(name, reason);
  }
  if (refused.size) {
    const drop = (s: string) =>
      s.replace(IMAGE_TOKEN, (m, name: string) => (refused.has(name) ? "" : m)).replace(/[ \t]{2,}/g, " ");
    collected.questions = collected.questions.map((q) => ({
      ...q,
      prompt: drop(q.prompt).trim(),
      answer: drop(q.answer).trim(),
      ...(q.explanation !== undefined ? { explanation: drop(q.explanation).trim() } : {}),
    }));
    for (const [name, reason] of refused)
      for (const record of wanted.get(name) ?? []) collected.changes.add(record, `image ${name} left out: ${reason}`);
  }
  return media;
}

/** A side that held only a refused image is empty now: that question is skipped, not an error. */
function dropEmptySides(collected: Collected) {
  const keep = collected.questions.map((q) => q.prompt.trim() !== "" && q.answer.trim() !== "");
  collected.questions.forEach((_, i) => {
    if (!keep[i])
      collected.skipped.push({
        record: collected.records[i]!,
        reason: "one side held only an image that was left out",
      });
  });
  collected.questions = collected.questions.filter((_, i) => keep[i]);
  collected.records = collected.records.filter((_, i) => keep[i]);
}

function mb(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

function fail(code: ImportFailure["errors"][number]["code"], message: string): ImportFailure {
  return { ok: false, errors: [code ? { code, message } : { message }] };
}
