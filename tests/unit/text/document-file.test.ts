import { describe, expect, it } from "vitest";
import { DocumentError, MAX_DOCUMENT_BYTES, parseDocumentFile } from "@/lib/text/document-file";

const utf8 = (s: string) => new TextEncoder().encode(s);

function expectError(fn: () => unknown, reason: DocumentError["reason"], pattern: RegExp) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).reason).toBe(reason);
    expect((err as DocumentError).message).toMatch(pattern);
    return;
  }
  throw new Error("expected a DocumentError");
}

describe("parseDocumentFile", () => {
  it("reads front matter for the title and source, keeping the body as is", () => {
    const doc = parseDocumentFile("a.md", utf8("---\ntitle: Cells\nsource: Biology 101, ch. 2\n---\nCells divide.\n"));
    expect(doc).toMatchObject({ title: "Cells", source: "Biology 101, ch. 2", text: "Cells divide.\n" });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("falls back to a leading heading, then to the file name", () => {
    expect(parseDocumentFile("x.md", utf8("# The Nile\nIt is long.")).title).toBe("The Nile");
    expect(parseDocumentFile("notes/cold-war_timeline.txt", utf8("It began in 1947.")).title).toBe("Cold war timeline");
    expect(parseDocumentFile("a.txt", utf8("Plain.")).source).toBeNull();
  });

  it("rejects an empty file, naming it", () => {
    expectError(() => parseDocumentFile("empty.txt", new Uint8Array()), "empty", /^empty\.txt: has no text/);
  });

  it("rejects a whitespace-only file and one that is only front matter", () => {
    expectError(() => parseDocumentFile("blank.md", utf8(" \r\n\t \n")), "empty", /^blank\.md:/);
    expectError(() => parseDocumentFile("fm.md", utf8("---\ntitle: X\n---\n\n")), "empty", /^fm\.md:/);
  });

  it("rejects binary content, naming the file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expectError(() => parseDocumentFile("photo.txt", png), "binary", /^photo\.txt: .*binary/);
  });

  it("rejects text that is not UTF-8", () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]); // "Café ok" in Latin-1
    expectError(() => parseDocumentFile("old.txt", latin1), "encoding", /^old\.txt: is not valid UTF-8/);
  });

  it("keeps Windows line endings and curly quotes, and strips a byte-order mark", () => {
    const doc = parseDocumentFile("w.txt", utf8("\uFEFF“Quoted” line.\r\nNext line.\r\n"));
    expect(doc.text).toBe("“Quoted” line.\r\nNext line.\r\n");
    const fm = parseDocumentFile("w.md", utf8("---\r\ntitle: Windows\r\n---\r\nBody.\r\n"));
    expect(fm.title).toBe("Windows");
    expect(fm.text).toBe("Body.\r\n");
  });

  it("accepts a 5 MB file and refuses one over the limit", () => {
    const five = utf8("A long line of ordinary text. ".repeat(175_000));
    expect(five.byteLength).toBeGreaterThan(5_000_000);
    expect(parseDocumentFile("big.txt", five).text.length).toBe(five.byteLength);
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    expectError(
      () => parseDocumentFile("huge.txt", huge),
      "too_large",
      /^huge\.txt: file is 10\.0 MB; the limit is 10\.0 MB/,
    );
  });
});
