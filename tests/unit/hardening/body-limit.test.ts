import { describe, expect, it } from "vitest";
import { readBodyWithLimit } from "@/lib/server/body";
import { MAX_JSON_BYTES, parseJsonBody } from "@/lib/server/http";
import { z } from "zod";

/** A chunked body (no Content-Length) that counts how much of it was pulled. */
function chunkedRequest(totalBytes: number, chunk = 64 * 1024) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("reading a body under a limit", () => {
  it("stops pulling a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = chunkedRequest(250 * 1024 * 1024);
    const r = await readBodyWithLimit(request, 1024 * 1024);
    expect(r).toEqual({ ok: false, reason: "too_large" });
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(100),
      headers: { "content-length": "999999" },
    });
    expect(await readBodyWithLimit(request, 1000)).toEqual({ ok: false, reason: "too_large" });
  });

  it("returns the bytes of a body within the limit", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "hello" });
    const r = await readBodyWithLimit(request, 5);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe("hello");
  });

  it("answers 413 from parseJsonBody for an oversized chunked JSON body, 400 for a lone surrogate", async () => {
    const big = await parseJsonBody(chunkedRequest(10 * MAX_JSON_BYTES).request, z.object({}));
    expect(!big.ok && big.response.status).toBe(413);
    const surrogate = new Request("http://localhost/x", {
      method: "POST",
      body: '{"nickname":"a\\ud800"}',
      headers: { "content-type": "application/json" },
    });
    const bad = await parseJsonBody(surrogate, z.object({ nickname: z.string() }));
    expect(!bad.ok && bad.response.status).toBe(400);
  });
});
