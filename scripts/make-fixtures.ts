/**
 * Writes the binary fixtures used by tests/unit/ingest and
 * tests/unit/interchange (PDFs, a DOCX, an Anki deck); the text fixtures
 * beside them are written by hand. Output is deterministic:
 *   npx tsx scripts/make-fixtures.ts
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import initSqlJs from "sql.js";
import { ANKI_SCHEMA_SQL } from "../lib/interchange/anki-schema";

const root = path.resolve(__dirname, "..");
const ingestDir = path.join(root, "tests/fixtures/ingest");
const interchangeDir = path.join(root, "tests/fixtures/interchange");
const FIXED_DATE = new Date("2026-01-15T09:00:00Z");
const utf8 = (s: string) => new TextEncoder().encode(s);

function write(dir: string, name: string, data: Uint8Array) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), data);
  console.log(`wrote ${path.relative(root, path.join(dir, name))}`);
}

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("Rivers and Mountains");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer("Quarry fixtures");
  doc.setCreator("Quarry fixtures");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    [
      ["The Danube flows through ten countries.", "It is the second-longest river in Europe."],
      ["The Rhine rises in the Swiss Alps."],
    ],
    [["Mount Everest is 8,849 metres high.", "It lies on the border of Nepal and China."]],
  ];
  for (const paragraphs of pages) {
    const page = doc.addPage([420, 300]);
    let y = 260;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 30, y, size: 12, font });
        y -= 15; // normal leading: same paragraph
      }
      y -= 20; // extra gap: new paragraph
    }
  }
  return doc.save({ useObjectStreams: false });
}

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer("Quarry fixtures");
  doc.setCreator("Quarry fixtures");
  const page = doc.addPage([200, 200]);
  page.drawRectangle({ x: 20, y: 20, width: 100, height: 100 }); // a "scan": graphics, no text
  return doc.save({ useObjectStreams: false });
}

/** A minimal PDF with a Standard security handler whose user password is not empty. */
function encryptedPdf(): Uint8Array {
  const hex = (s: string) => createHash("sha256").update(s).digest("hex").toUpperCase();
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex("owner")}> /U <${hex("user")}> /P -44 >>`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  const id = hex("id").slice(0, 32);
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

function docxParts(paragraphs: string[], title: string | null): Record<string, Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join("");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  };
  if (title !== null) {
    parts["docProps/core.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title></cp:coreProperties>`;
  }
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, utf8(v)]));
}

function handoutDocx(): Uint8Array {
  const parts = docxParts(
    [
      "The French Revolution began in 1789.",
      "The storming of the Bastille took place on 14 July 1789.",
      "Napoleon crowned himself emperor in 1804.",
    ],
    "The French Revolution",
  );
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { mtime: FIXED_DATE }]])));
}

/** A plain Anki deck: Basic, Cloze, an unsupported type and an image-only card. */
async function plainApkg(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(ANKI_SCHEMA_SQL);
  const tmpl = (name: string, qfmt: string, afmt: string, ord = 0) => ({
    name,
    ord,
    qfmt,
    afmt,
    did: null,
    bqfmt: "",
    bafmt: "",
  });
  const fld = (name: string, ord: number) => ({
    name,
    ord,
    sticky: false,
    rtl: false,
    font: "Arial",
    size: 20,
    media: [],
  });
  const models = {
    "1111": {
      id: 1111,
      name: "Basic",
      type: 0,
      flds: [fld("Front", 0), fld("Back", 1)],
      tmpls: [tmpl("Card 1", "{{Front}}", "{{Back}}")],
      sortf: 0,
      did: 1,
      mod: 0,
      usn: 0,
      css: "",
      req: [[0, "any", [0]]],
    },
    "2222": {
      id: 2222,
      name: "Cloze",
      type: 1,
      flds: [fld("Text", 0), fld("Back Extra", 1)],
      tmpls: [tmpl("Cloze", "{{cloze:Text}}", "{{cloze:Text}}")],
      sortf: 0,
      did: 1,
      mod: 0,
      usn: 0,
      css: "",
    },
    "3333": {
      id: 3333,
      name: "Basic (and reversed card)",
      type: 0,
      flds: [fld("Front", 0), fld("Back", 1)],
      tmpls: [tmpl("Card 1", "{{Front}}", "{{Back}}"), tmpl("Card 2", "{{Back}}", "{{Front}}", 1)],
      sortf: 0,
      did: 1,
      mod: 0,
      usn: 0,
      css: "",
    },
  };
  db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')", [JSON.stringify(models)]);
  const notes: [number, string, string][] = [
    [1111, "What is the capital of <b>France</b>?\x1fParis", " geography europe "],
    [2222, "The {{c1::Nile}} is the longest river in {{c2::Africa::continent}}.\x1f", " geography "],
    [3333, "Hund\x1fdog", " german "],
    [1111, '<img src="map.png">\x1fIceland', ""],
    [1111, "Water boils at&nbsp;100&nbsp;&deg;C at sea level&nbsp;&amp; 1 atm.<br>True?\x1fYes", ""],
    [2222, "{{c1::Mitochondria}} and {{c1::chloroplasts}} have their own DNA.\x1f", ""],
  ];
  notes.forEach(([mid, flds, tags], i) => {
    db.run("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", [1000 + i, `guid${i}`, mid, tags, flds]);
  });
  const collection = db.export();
  db.close();
  return zipSync({
    "collection.anki2": [collection, { mtime: FIXED_DATE }],
    media: [utf8("{}"), { mtime: FIXED_DATE }],
    "0": [utf8("not really a png"), { mtime: FIXED_DATE }],
  });
}

async function main() {
  write(ingestDir, "two-pages.pdf", await twoPagePdf());
  write(ingestDir, "no-text.pdf", await blankPdf());
  write(ingestDir, "encrypted.pdf", encryptedPdf());
  write(ingestDir, "handout.docx", handoutDocx());
  write(interchangeDir, "plain-deck.apkg", await plainApkg());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
