import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { tidyText } from "./text";

// Elements that start a new line; everything else is inline.
const BLOCKS = new Set(
  "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split(
    " ",
  ),
);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "head", "button", "form"]);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/**
 * Main text of a saved web page as plain text, one paragraph per line.
 * Readability picks the article; pages too short for it fall back to the body.
 */
export function extractHtml(html: string): { title: string; text: string } {
  // linkedom needs a full document; fragments (common in copied snippets) get wrapped.
  const full =
    /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)
      ? html
      : `<!doctype html><html><head></head><body>${html}</body></html>`;
  let document: ReturnType<typeof parseHTML>["document"];
  try {
    document = parseHTML(full).document;
    if (!document.documentElement) throw new Error("no document element");
  } catch {
    document = parseHTML(
      `<!doctype html><html><head></head><body>${escapeText(stripTags(html))}</body></html>`,
    ).document;
  }
  const pageTitle = (document.querySelector("title")?.textContent ?? "").trim();
  const h1 = (document.querySelector("h1")?.textContent ?? "").trim();
  const body = document.body as unknown as DomNode | null;
  const fallback = body ? toText(body) : "";

  let article: { title?: string | null; content?: DomNode | null } | null = null;
  try {
    // The serializer hands back the node so paragraph structure survives.
    article = new Readability<DomNode>(document as unknown as Document, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch {
    article = null;
  }
  const main = article?.content ? toText(article.content) : "";
  // Readability can keep only a fragment of short pages; prefer the body then.
  const text = main.length >= fallback.length * 0.3 ? main : fallback;
  return { title: (article?.title ?? "").trim() || pageTitle || h1, text };
}

function toText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") return void out.push("\n");
    const block = BLOCKS.has(tag);
    if (block) out.push("\n\n");
    if (tag === "td" || tag === "th") out.push(" ");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out.push("\n\n");
  };
  walk(root);
  return tidyText(
    out
      .join("")
      .split("\n")
      .map((l) => l.replace(/ {2,}/g, " ").trim())
      .join("\n"),
  );
}

function stripTags(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
