import { createHash } from "node:crypto";
import { zipSync } from "fflate";
import { normalizeForMatch } from "../text/normalize";
import { encodeQuarryField } from "./anki-quarry-field";
import { IMAGE_TOKEN, stripHtmlForChecksum, textToAnkiHtml, toAnkiTags } from "./anki-html";
import {
  ANKI_DECK_CONFIG,
  ANKI_SCHEMA_SQL,
  BASIC_MODEL_ID,
  CLOZE_MODEL_ID,
  ankiConf,
  ankiDecks,
  ankiModels,
} from "./anki-schema";
import { loadSqlJs, type SqlJsConfig } from "./sql-loader";
import type { InterchangeQuestion, MediaFile } from "./types";
import { BLANK } from "./validate";

export type ApkgExportOptions = {
  deckName: string;
  now: Date;
  sqlJs?: SqlJsConfig;
  /** Images the questions show (`[image:NAME]`); written to the package's media. */
  media?: readonly MediaFile[];
};

/**
 * Builds an Anki package (.apkg). Cloze questions become Cloze notes
 * (`{{c1::answer}}` at the gap); flashcards become Basic notes; multiple
 * choice becomes Basic with the lettered choices under the prompt, and
 * true/false Basic with "True or false?" under the statement. Every note
 * also carries the exact question in a hidden field so Quarry can read the
 * deck back without loss.
 */
export async function toApkg(
  questions: readonly InterchangeQuestion[],
  options: ApkgExportOptions,
): Promise<Uint8Array> {
  const SQL = await loadSqlJs(options.sqlJs);
  const db = new SQL.Database();
  try {
    const ms = options.now.getTime();
    const sec = Math.floor(ms / 1000);
    const deckId = ms;
    db.exec(ANKI_SCHEMA_SQL);
    db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", [
      sec,
      ms,
      ms,
      JSON.stringify(ankiConf(deckId, BASIC_MODEL_ID)),
      JSON.stringify(ankiModels(deckId, sec)),
      JSON.stringify(ankiDecks(deckId, options.deckName.trim() || "Quarry", sec)),
      JSON.stringify(ANKI_DECK_CONFIG),
    ]);
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    db.exec("BEGIN");
    // Anki keys notes by guid: identical questions still need one each, or Anki keeps only one.
    const seen = new Map<string, number>();
    questions.forEach((q, i) => {
      const id = ms + i;
      const { modelId, fields } = noteFields(q);
      const first = fields[0]!;
      const sortField = stripHtmlForChecksum(first);
      const base = guidFor(q, 0);
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      insertNote.run([
        id,
        occurrence ? guidFor(q, occurrence) : base,
        modelId,
        sec,
        toAnkiTags(q.tags ?? []),
        fields.join("\x1f"),
        sortField,
        checksum(sortField),
      ]);
      insertCard.run([id, id, deckId, sec, i + 1]);
    });
    db.exec("COMMIT");
    insertNote.free();
    insertCard.free();
    const collection = db.export();
    // Zip timestamps only cover 1980–2099.
    const year = options.now.getUTCFullYear();
    const mtime = year >= 1981 && year <= 2098 ? options.now : new Date("2000-01-01T00:00:00Z");
    const files: Record<string, [Uint8Array, { mtime: Date }]> = { "collection.anki2": [collection, { mtime }] };
    const shown = new Set(questions.flatMap((q) => [q.prompt, q.answer, q.explanation ?? ""]).flatMap(imageNames));
    const mediaMap: Record<string, string> = {};
    (options.media ?? [])
      .filter((m) => shown.has(m.name))
      .forEach((m, i) => {
        mediaMap[String(i)] = m.name;
        files[String(i)] = [m.bytes, { mtime }];
      });
    files.media = [new TextEncoder().encode(JSON.stringify(mediaMap)), { mtime }];
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}

/** The note type and fields (Front/Back/Back Extra or Text/Back Extra, then the hidden field) for one question. */
export function noteFields(q: InterchangeQuestion): { modelId: number; fields: string[] } {
  const hidden = encodeQuarryField(q);
  const extra = q.explanation ? textToAnkiHtml(q.explanation) : "";
  switch (q.type) {
    case "cloze": {
      const gap = `{{c1::${clozeSafe(textToAnkiHtml(q.answer)).replace(/:/g, "&#58;")}}}`;
      const text = q.prompt.includes(BLANK)
        ? q.prompt
            .split(BLANK)
            .map((part) => clozeSafe(textToAnkiHtml(part)))
            .join(gap)
        : `${clozeSafe(textToAnkiHtml(q.prompt))} ${gap}`;
      return { modelId: CLOZE_MODEL_ID, fields: [text, extra, hidden] };
    }
    case "multiple_choice": {
      const letters = (q.choices ?? []).map((c, i) => `${String.fromCharCode(65 + i)}. ${textToAnkiHtml(c)}`);
      const correct = (q.choices ?? []).findIndex((c) => normalizeForMatch(c) === normalizeForMatch(q.answer));
      const back =
        correct >= 0 ? `${String.fromCharCode(65 + correct)}. ${textToAnkiHtml(q.answer)}` : textToAnkiHtml(q.answer);
      return {
        modelId: BASIC_MODEL_ID,
        fields: [`${textToAnkiHtml(q.prompt)}<br><br>${letters.join("<br>")}`, back, extra, hidden],
      };
    }
    case "true_false":
      return {
        modelId: BASIC_MODEL_ID,
        fields: [
          `${textToAnkiHtml(q.prompt)}<br><br>True or false?`,
          q.answer === "true" ? "True" : "False",
          extra,
          hidden,
        ],
      };
    case "flashcard":
      return {
        modelId: BASIC_MODEL_ID,
        fields: [textToAnkiHtml(q.prompt), textToAnkiHtml(q.answer), extra, hidden],
      };
  }
}

/**
 * In a Cloze note's text, `{{c1::` and `}}` are syntax and `::` starts a
 * hint; literal braces (and colons inside the deletion) are written as
 * character references, which Anki shows as the characters themselves.
 */
function clozeSafe(html: string): string {
  return html.replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

function imageNames(text: string): string[] {
  return [...text.matchAll(IMAGE_TOKEN)].map((m) => m[1]!);
}

/** First 8 hex digits of the SHA-1 of the sort field, as Anki computes it for duplicate checks. */
export function checksum(text: string): number {
  return parseInt(createHash("sha1").update(text, "utf8").digest("hex").slice(0, 8), 16);
}

const BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

/**
 * Stable per question, so exporting the same question again updates the Anki
 * note instead of duplicating it; the nth copy of an identical question gets
 * its own guid.
 */
function guidFor(q: InterchangeQuestion, occurrence: number): string {
  const key: unknown[] = [q.type, q.prompt, q.answer, q.choices ?? []];
  if (occurrence) key.push(occurrence);
  const digest = createHash("sha1").update(JSON.stringify(key)).digest();
  let n = digest.readBigUInt64BE(0);
  let out = "";
  while (n > 0n) {
    out = BASE91[Number(n % 91n)] + out;
    n /= 91n;
  }
  return out || "a";
}
