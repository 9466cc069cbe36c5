import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument, MAX_UPLOAD_BYTES, type IngestErrorCode } from "@/lib/ingest";
import { fixture, lieAboutSizes, makeDocx, utf8 } from "./helpers";

async function expectFailure(
  fileName: string,
  bytes: Uint8Array,
  code: IngestErrorCode,
  pattern?: RegExp,
  options = {},
) {
  const r = await extractDocument({ fileName, bytes }, options);
  if (r.ok) throw new Error(`expected ${code}, got success`);
  expect(r.code).toBe(code);
  expect(r.fileName).toBe(fileName);
  expect(r.message.startsWith(`${fileName}: `)).toBe(true);
  if (pattern) expect(r.message).toMatch(pattern);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("extractDocument: failures", () => {
  it("refuses files over the size limit before parsing", async () => {
    await expectFailure("big.txt", new Uint8Array(101), "too_large", /the limit is 100 B/, { maxBytes: 100 });
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });

  it("reports empty files and files without text", async () => {
    await expectFailure("blank.txt", new Uint8Array(), "empty");
    await expectFailure("spaces.md", utf8("  \n\n "), "empty");
    await expectFailure("only-markup.html", utf8("<html><body><script>x()</script></body></html>"), "empty");
    await expectFailure("no-text.pdf", fixture("no-text.pdf"), "empty", /scanned images/);
  });

  it("reports a password-protected PDF", async () => {
    await expectFailure("encrypted.pdf", fixture("encrypted.pdf"), "encrypted_pdf", /password/);
  });

  it("reports a corrupt PDF and a truncated one", async () => {
    await expectFailure("broken.pdf", utf8("%PDF-1.7\nthis is not a real pdf body"), "corrupt");
    const pdf = fixture("two-pages.pdf");
    await expectFailure("cut.pdf", pdf.subarray(0, 200), "corrupt");
  });

  it("reports a corrupt DOCX", async () => {
    const docx = fixture("handout.docx");
    await expectFailure("cut.docx", docx.subarray(0, docx.length - 30), "corrupt");
    const badXml = zipSync({ "word/document.xml": utf8("<w:document><w:body><w:p>unclosed") });
    await expectFailure("bad-xml.docx", badXml, "corrupt");
  });

  it("detects extensions that lie about the content", async () => {
    await expectFailure("photo.pdf", PNG, "type_mismatch", /is named \.pdf but is an image/);
    await expectFailure("notes.pdf", utf8("Just some notes."), "type_mismatch", /plain text/);
    await expectFailure("letter.docx", utf8("Dear class,"), "type_mismatch");
    await expectFailure(
      "old.docx",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "type_mismatch",
      /\.doc/,
    );
    await expectFailure(
      "archive.docx",
      zipSync({ "readme.txt": utf8("hello") }),
      "type_mismatch",
      /not a Word document/,
    );
    await expectFailure("report.txt", fixture("two-pages.pdf"), "type_mismatch", /is named \.txt but is a PDF/);
    await expectFailure("page.html", PNG, "type_mismatch");
    await expectFailure("notes.md", fixture("handout.docx"), "type_mismatch", /zip/);
  });

  it("refuses unsupported file types", async () => {
    await expectFailure("slides.pptx", utf8("x"), "unsupported_type", /\.txt, \.md, \.html, \.pdf or \.docx/);
    await expectFailure("README", utf8("x"), "unsupported_type");
  });

  it("refuses text that is mostly in a non-Latin script", async () => {
    await expectFailure(
      "cn.txt",
      utf8("光合作用是植物利用光能把二氧化碳和水转化为有机物的过程。"),
      "unsupported_script",
      /Chinese\/Japanese/,
    );
    await expectFailure(
      "ru.md",
      utf8("Фотосинтез — процесс образования органических веществ."),
      "unsupported_script",
      /Cyrillic/,
    );
    await expectFailure("ar.html", utf8("<p>التمثيل الضوئي عملية حيوية</p>"), "unsupported_script", /Arabic/);
  });

  it("accepts English text with some foreign words and accented Latin", async () => {
    const r = await extractDocument({
      fileName: "mixed.txt",
      bytes: utf8("The word for water in Russian is вода, and in French it is eau. Café, naïve, Zürich."),
    });
    expect(r.ok).toBe(true);
  });
});

describe("extractDocument: zip bombs in .docx", () => {
  const padding = new Uint8Array(2 * 1024 * 1024); // zeros: compresses to a few KB

  it("refuses a DOCX whose declared uncompressed size is past the cap, before inflating", async () => {
    const bomb = makeDocx(["Hi"], { "word/media/pad.bin": padding });
    expect(bomb.length).toBeLessThan(20_000);
    await expectFailure("bomb.docx", bomb, "zip_bomb", /more than 1 MB/, { zipLimits: { maxTotalBytes: 1024 * 1024 } });
  });

  it("refuses a DOCX that lies about its sizes, stopping inflation at the declared size", async () => {
    const liar = lieAboutSizes(makeDocx(["Hi"], { "word/media/pad.bin": padding }), 1000);
    await expectFailure("liar.docx", liar, "zip_bomb", /more than it declares/);
  });

  it("refuses a DOCX with an absurd number of entries", async () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`word/f${i}.xml`, utf8("x")]));
    await expectFailure("many.docx", makeDocx(["Hi"], many), "zip_bomb", /holds 63 files/, {
      zipLimits: { maxEntries: 50 },
    });
  });
});
