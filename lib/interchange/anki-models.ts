import type { Database } from "sql.js";
import { protoInt, protoString, readProto } from "./anki-protobuf";

export type AnkiTemplate = { name: string; qfmt: string; afmt: string };
export type AnkiModel = { name: string; cloze: boolean; fields: string[]; templates: AnkiTemplate[] };

/** Note types from the `col.models` JSON (schema 11) or the notetypes/fields/templates tables (schema 18). */
export function readModels(db: Database): Map<number, AnkiModel> {
  const hasTable = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'");
  if (hasTable[0]) return readNotetypeTables(db);
  const json = db.exec("SELECT models FROM col LIMIT 1")[0]?.values[0]?.[0];
  const models = new Map<number, AnkiModel>();
  if (typeof json !== "string" || json.trim() === "") return models;
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null) return models;
  for (const [id, m] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof m !== "object" || m === null) continue;
    const model = m as { name?: unknown; type?: unknown; flds?: unknown; tmpls?: unknown };
    const fields = Array.isArray(model.flds) ? model.flds.map((f: { name?: unknown }) => String(f?.name ?? "")) : [];
    const templates = Array.isArray(model.tmpls)
      ? model.tmpls.map((t: { name?: unknown; qfmt?: unknown; afmt?: unknown }) => ({
          name: String(t?.name ?? ""),
          qfmt: String(t?.qfmt ?? ""),
          afmt: String(t?.afmt ?? ""),
        }))
      : [];
    models.set(Number(id), {
      name: String(model.name ?? "unnamed"),
      cloze: Number(model.type) === 1,
      fields,
      templates,
    });
  }
  return models;
}

function readNotetypeTables(db: Database): Map<number, AnkiModel> {
  const models = new Map<number, AnkiModel>();
  for (const [id, name, config] of db.exec("SELECT id, name, config FROM notetypes")[0]?.values ?? []) {
    const ntid = Number(id);
    const fields = (db.exec("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", [ntid])[0]?.values ?? []).map((r) =>
      String(r[0]),
    );
    const templates = (
      db.exec("SELECT name, config FROM templates WHERE ntid = ? ORDER BY ord", [ntid])[0]?.values ?? []
    ).map(([tname, tconfig]) => {
      const f = tconfig instanceof Uint8Array ? readProto(tconfig) : [];
      return { name: String(tname), qfmt: protoString(f, 1), afmt: protoString(f, 2) };
    });
    const kind = config instanceof Uint8Array ? protoInt(readProto(config), 1) : 0;
    const cloze = kind === 1 || templates.some((t) => t.qfmt.includes("{{cloze:"));
    models.set(ntid, { name: String(name), cloze, fields, templates });
  }
  return models;
}

const SPECIAL = new Set(["FrontSide", "Tags", "Deck", "Subdeck", "Card", "CardFlag", "Type", "CardID"]);

/**
 * Fields a template shows, in order: `{{Name}}`, `{{hint:Name}}`…, not
 * `{{#Name}}` sections. On a front, `{{type:Name}}` is the box the answer is
 * typed into, not something shown, so `skipTyped` leaves it out.
 */
export function templateFields(fmt: string, fields: readonly string[], skipTyped = false): string[] {
  const out: string[] = [];
  for (const m of fmt.matchAll(/\{\{\s*([^#^/!}][^}]*?)\s*\}\}/g)) {
    if (skipTyped && /^type:/i.test(m[1]!.trim())) continue;
    const name = m[1]!.split(":").pop()!.trim();
    if (!SPECIAL.has(name) && fields.includes(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Fields a template only tests for (`{{#Add Reverse}}…{{/Add Reverse}}`): flags, not content. */
export function sectionFields(fmt: string, fields: readonly string[]): string[] {
  return [...fmt.matchAll(/\{\{\s*[#^]\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!).filter((f) => fields.includes(f));
}

/** The field a cloze template deletes from (`{{cloze:Text}}`), whatever it is called. */
export function clozeField(model: AnkiModel): string | undefined {
  for (const t of model.templates) {
    const m = /\{\{[^}]*cloze:\s*([^}]+?)\s*\}\}/.exec(t.qfmt);
    if (m && model.fields.includes(m[1]!)) return m[1];
  }
  return model.fields[0];
}

/**
 * How a card of a non-cloze template reads: the fields it asks with (front),
 * the field it answers with (first one only on the back), and the other back
 * fields (shown after answering, i.e. an explanation). Null when the template
 * shows nothing new on the back.
 */
export function cardShape(
  template: AnkiTemplate,
  fields: readonly string[],
): { front: string[]; answer: string; extra: string[] } | null {
  const front = templateFields(template.qfmt, fields, true);
  const back = templateFields(template.afmt, fields).filter((f) => !front.includes(f));
  if (front.length === 0 || back.length === 0) return null;
  return { front, answer: back[0]!, extra: back.slice(1) };
}

/**
 * Name of the deck holding most cards, with Anki's `::` between levels (so a
 * re-export lands in the same nested deck). Anki's catch-all "Default" names nothing.
 */
export function readDeckName(db: Database): string | undefined {
  const did = db.exec("SELECT did FROM cards GROUP BY did ORDER BY count(*) DESC LIMIT 1")[0]?.values[0]?.[0];
  if (did === undefined) return undefined;
  const hasTable = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decks'");
  let name: unknown;
  if (hasTable[0]) {
    name = db.exec("SELECT name FROM decks WHERE id = ?", [Number(did)])[0]?.values[0]?.[0];
  } else {
    const json = db.exec("SELECT decks FROM col LIMIT 1")[0]?.values[0]?.[0];
    if (typeof json !== "string") return undefined;
    name = (JSON.parse(json) as Record<string, { name?: unknown }>)[String(did)]?.name;
  }
  if (typeof name !== "string") return undefined;
  const clean = name
    .split(/\x1f|::/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join("::");
  return clean && clean !== "Default" ? clean.slice(0, 200) : undefined;
}
