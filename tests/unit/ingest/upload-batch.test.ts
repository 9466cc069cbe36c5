import { describe, expect, it } from "vitest";
import { checkUploadBatch, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "@/lib/ingest";

describe("checkUploadBatch", () => {
  it("accepts a normal batch", () => {
    expect(
      checkUploadBatch([
        { fileName: "a.pdf", size: 1000 },
        { fileName: "b.DOCX", size: 5 },
      ]),
    ).toEqual({ batchError: null, problems: [] });
  });

  it("lists per-file problems: unsupported types and oversized files", () => {
    const r = checkUploadBatch([
      { fileName: "ok.md", size: 10 },
      { fileName: "deck.pptx", size: 10 },
      { fileName: "huge.pdf", size: MAX_UPLOAD_BYTES + 1 },
    ]);
    expect(r.batchError).toBeNull();
    expect(r.problems.map((p) => [p.fileName, p.code])).toEqual([
      ["deck.pptx", "unsupported_type"],
      ["huge.pdf", "too_large"],
    ]);
    expect(r.problems[1]!.message).toMatch(/^huge\.pdf: the file is 10\.0 MB; the limit is 10\.0 MB/);
  });

  it("refuses an empty batch and one with too many files", () => {
    expect(checkUploadBatch([]).batchError?.code).toBe("no_files");
    const files = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ fileName: `f${i}.txt`, size: 1 }));
    const r = checkUploadBatch(files);
    expect(r.batchError).toMatchObject({ code: "too_many_files" });
    expect(r.batchError?.message).toContain(`at most ${MAX_UPLOAD_FILES}`);
    expect(checkUploadBatch(files.slice(0, MAX_UPLOAD_FILES)).batchError).toBeNull();
  });
});
