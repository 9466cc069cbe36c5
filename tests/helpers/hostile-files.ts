import { zipSync } from "fflate";
import initSqlJs from "sql.js";

/**
 * Files an attacker would upload, generated on the fly (nothing large is
 * committed). Shared by the integration and end-to-end tests.
 */

/** A valid PDF whose page tree holds `pages` blank pages (one shared content stream). */
export function manyPagePdf(pages: number): Uint8Array {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += Buffer.byteLength(s, "latin1");
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\nendobj\n`);
  };
  push("%PDF-1.4\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(" ");
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  const text = "BT /F1 12 Tf 72 720 Td (A page of a very long document.) Tj ET";
  object(3, `<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  for (let i = 0; i < pages; i++)
    object(i + 4, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>");
  const count = pages + 4;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(parts.join(""), "latin1"));
}

/** An .apkg whose `notes` is a recursive view that never ends. */
export async function recursiveViewApkg(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT)");
  db.run(
    `INSERT INTO col VALUES (1, '{"1":{"name":"Basic","type":0,"flds":[{"name":"Front"},{"name":"Back"}],"tmpls":[{}]}}')`,
  );
  db.run(
    "CREATE VIEW notes AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) " +
      "SELECT x AS id, 1 AS mid, '' AS tags, 'front' || char(31) || 'back' AS flds FROM n",
  );
  const bytes = db.export();
  db.close();
  return zipSync({ "collection.anki2": bytes, media: new TextEncoder().encode("{}") });
}

/** An .apkg holding `mb` MB of zeros as its collection (compresses to a few hundred KB). */
export function zerosApkg(mb: number): Uint8Array {
  return zipSync({ "collection.anki2": new Uint8Array(mb * 1024 * 1024), media: new TextEncoder().encode("{}") });
}

/** `bytes` of varied plain-text sentences (a seeded mix, so few repeat and dedup cannot shortcut the work). */
export function variedText(bytes: number, seed0: number): string {
  const words =
    "river valley council harbour merchant treaty engine village market school winter summer northern railway bridge castle museum factory garden island mountain forest coast station library".split(
      " ",
    );
  const names = ["Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Kowalski", "Silva", "Novak", "Brennan", "Iyer"];
  let seed = seed0;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = `In ${1800 + Math.floor(next() * 220)}, ${pick(names)} opened the ${pick(words)} ${pick(words)} near the ${pick(words)} with ${Math.floor(next() * 9000)} ${pick(words)}s. `;
    parts.push(next() < 0.2 ? `${s}\n\n` : s);
    size += s.length;
  }
  return parts.join("");
}
