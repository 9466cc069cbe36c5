/**
 * An image inside question text, `[image:NAME]`: imported from Anki's
 * `<img src="NAME">`, shown by the study and review pages, written back as
 * `<img>` by the .apkg exporter. No dependencies, so the browser can use it.
 */
export const IMAGE_TOKEN = /\[image:([^\]\n]{1,200})\]/g;

export function imageToken(name: string): string {
  return `[image:${name.replace(/[\]\n]/g, "")}]`;
}

/** Text and image names in order, for rendering. */
export function splitImageTokens(text: string): Array<{ text: string } | { image: string }> {
  const parts: Array<{ text: string } | { image: string }> = [];
  let at = 0;
  for (const m of text.matchAll(IMAGE_TOKEN)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ image: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
