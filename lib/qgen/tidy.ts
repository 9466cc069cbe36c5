/**
 * Clutter a source sentence carries that a question should not: citation marks ("fighting[2] made"),
 * an enumerating opener that points back at the previous sentence ("One, the X, provides …"), and a
 * quotation mark left unmatched where a quotation spans sentences.
 */
export function tidyPrompt(text: string): string {
  // Most prompts carry none of this: the checks that allocate run only where a mark is present.
  let t = text.includes("[")
    ? text.replace(/\[(?:\d{1,3}|citation needed|note \d+)\]/gi, "").replace(/ {2,}/g, " ")
    : text;
  // "As seen in the image below, during …": the learner does not see the picture.
  if (/^(?:As\s|Seen|Shown|Pictured|Illustrated)/i.test(t))
    t = t.replace(
      /^(?:As\s+)?(?:seen|shown|pictured|illustrated)\s+(?:in\s+)?(?:the\s+)?(?:image|figure|photo|picture|chart|graph|map|table)\s+(?:below|above),\s+(\S)/i,
      (_, c: string) => c.toUpperCase(),
    );
  // "The euro (currency sign: ; currency code: EUR) is …": a bracket with a field the source left empty.
  if (t.includes(": ;") || t.includes(": )")) t = t.replace(/\s?\([^():]*:\s*(?:;[^()]*)?\)/g, "");
  t = withoutOpener(t);
  if (/[“”"]/.test(t)) t = balanceQuotes(t);
  return t.trim();
}

// "One, the U.S.-Japan Trade Agreement (USJTA), provides …" → "The U.S.-Japan Trade Agreement (USJTA) provides …"
function withoutOpener(t: string): string {
  const m = /^(?:One|The other|Another|The first|The second|The latter|The former),\s+(?=\S)/.exec(t);
  if (!m) return t;
  let rest = t.slice(m[0].length);
  // The appositive the opener introduced ends at the next comma outside brackets: that comma goes too.
  let depth = 0;
  for (let i = 0; i < rest.length && i < 120; i++) {
    const c = rest[i]!;
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      rest = rest.slice(0, i) + rest.slice(i + 1);
      break;
    }
  }
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function balanceQuotes(t: string): string {
  // Curly quotes: drop a closing mark with no opening one, and an opening mark never closed.
  let open = -1;
  let out = "";
  for (const c of t) {
    if (c === "“") {
      if (open >= 0) out = out.slice(0, open) + out.slice(open + 1);
      open = out.length;
      out += c;
    } else if (c === "”") {
      if (open < 0) continue;
      open = -1;
      out += c;
    } else out += c;
  }
  if (open >= 0) out = out.slice(0, open) + out.slice(open + 1);
  // Straight quotes: an odd count leaves one unmatched, at the start or the end of the sentence.
  const straight = (out.match(/"/g) ?? []).length;
  if (straight % 2 === 1) {
    if (/^\s*"/.test(out)) out = out.replace(/^\s*"/, "");
    else {
      const last = out.lastIndexOf('"');
      out = out.slice(0, last) + out.slice(last + 1);
    }
  }
  return out.replace(/ {2,}/g, " ");
}
