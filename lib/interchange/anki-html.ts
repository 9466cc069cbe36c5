import { IMAGE_TOKEN, imageToken } from "./image-token";

export { IMAGE_TOKEN };

/** Anki fields are HTML; Quarry questions are plain text. */
export function textToAnkiHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\n/g, "<br>")
    .replace(IMAGE_TOKEN, (_m, name: string) => `<img src="${name.replace(/"/g, "&quot;")}">`);
}

// The named entities Anki's editor actually produces; numeric ones are decoded generally.
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  deg: "°",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  times: "×",
  divide: "÷",
  plusmn: "±",
  micro: "µ",
  middot: "·",
  copy: "©",
  reg: "®",
  euro: "€",
  pound: "£",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  sup2: "²",
  sup3: "³",
};

/** Whether a field holds markup or entities that conversion to text changes. */
export function hasHtml(s: string): boolean {
  return /<[a-z!/]|&(#x?[0-9a-f]+|[a-z]+\d*);/i.test(s);
}

/** HTML to plain text; `<img src="x.jpg">` becomes the token `[image:x.jpg]`. */
export function ankiHtmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, "")
    .replace(
      /<img\b[^>]*?\ssrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi,
      (_m, _q, a?: string, b?: string, c?: string) => imageToken((a ?? b ?? c ?? "").replace(ENTITY, decodeEntity)),
    )
    .replace(/<br\s*\/?>|<\/(div|p|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\[sound:[^\]]*\]/g, "")
    .replace(ENTITY, decodeEntity)
    .split("\n")
    .map((l) => l.replace(/[ \t\u00A0]+/g, " ").trim())
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n")
    .trim();
}

/** Anki's sort-field and checksum text: tags stripped, entities decoded, trimmed. */
export function stripHtmlForChecksum(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(ENTITY, decodeEntity)
    .trim();
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi;

function decodeEntity(m: string, e: string): string {
  if (e[0] === "#") {
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  }
  return ENTITIES[e] ?? ENTITIES[e.toLowerCase()] ?? m;
}

/** Anki tags are space-separated, so spaces inside a tag become underscores. */
export function toAnkiTags(tags: readonly string[]): string {
  const list = tags.map((t) => t.trim().replace(/\s+/g, "_")).filter(Boolean);
  return list.length ? ` ${list.join(" ")} ` : "";
}
