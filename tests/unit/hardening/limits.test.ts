import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument } from "@/lib/ingest";
import { largestDeclaredCount } from "@/lib/ingest/pdf";
import { readZipSafely, ZipGuardError } from "@/lib/ingest/zip-guard";
import { manyPagePdf } from "../../helpers/hostile-files";
import { fixture, lieAboutSizes } from "../ingest/helpers";

const limits = { maxTotalBytes: 50 * 1024 * 1024, maxEntryBytes: 1024 * 1024, maxEntries: 100 };

describe("PDF page cap", () => {
  it("reads the page tree's declared count without parsing, ignoring outline counts", () => {
    expect(largestDeclaredCount(manyPagePdf(3))).toBe(3);
    expect(largestDeclaredCount(new TextEncoder().encode("<< /Type /Outlines /Count 9000 >>"))).toBe(0);
    expect(largestDeclaredCount(fixture("two-pages.pdf"))).toBe(2);
  });

  it("refuses a PDF past the cap before any page is read", async () => {
    const r = await extractDocument({ fileName: "long.pdf", bytes: manyPagePdf(501) });
    expect(r).toMatchObject({ ok: false, code: "too_many_pages" });
    const ok = await extractDocument({ fileName: "short.pdf", bytes: manyPagePdf(3) });
    expect(ok).toMatchObject({ ok: true });
  });
});

describe("per-entry zip cap", () => {
  const big = new Uint8Array(2 * 1024 * 1024);

  it("refuses an entry declaring more than the cap before inflating it", () => {
    expect(() => readZipSafely(zipSync({ "a.bin": big }), limits)).toThrow(
      /a\.bin\) that would unpack to 2 MB; at most 1 MB/,
    );
  });

  it("stops inflating an entry that lies about its size", () => {
    const liar = lieAboutSizes(zipSync({ "a.bin": big }), 1000);
    expect(() => readZipSafely(liar, limits)).toThrow(ZipGuardError);
  });
});
