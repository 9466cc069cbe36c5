import "server-only";

import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { clientAddress } from "@/lib/server/client-address";
import { dropUnreachableOwner, FORWARD_HEADER, FORWARDED_ADDRESS_HEADER, forwardHeaderValue } from "./cluster";

/*
 * Passes a request on to the instance that owns its game and relays the
 * answer byte for byte: status, cookies, and an event stream as it is
 * written. The owner sees the client's cookies, its address (in a header it
 * trusts only from instances of this install) and the original Host, so it
 * answers exactly as if the client had reached it directly.
 */

const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000 });
/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not to the request. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function passHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP.has(name)) out[name] = value;
  }
  return out;
}

export type Upstream = { status: number; headers: Record<string, string | string[]>; body: IncomingMessage };

/** Sends one request to `origin` (http://host:port) and resolves with the owner's answer as it starts. */
export function sendToOwner(
  origin: string,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: NodeJS.ReadableStream | Buffer | null,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, origin), {
      method,
      agent,
      headers: {
        ...passHeaders(headers),
        [FORWARD_HEADER]: forwardHeaderValue(),
        [FORWARDED_ADDRESS_HEADER]: clientAddress(),
      },
    });
    request.on("response", (response) =>
      resolve({ status: response.statusCode ?? 502, headers: passHeaders(response.headers), body: response }),
    );
    request.on("error", reject);
    if (body === null) request.end();
    else if (Buffer.isBuffer(body)) request.end(body);
    else body.pipe(request);
  });
}

/** A refused connection means the owner's process is gone: its lease is ended so the game is taken over at once. */
function ownerFailed(gameId: string, origin: string, error: unknown): void {
  console.error(`live: could not reach the instance holding game ${gameId} at ${origin}`, error);
  if ((error as { code?: string }).code === "ECONNREFUSED") {
    dropUnreachableOwner(gameId, origin).catch(() => undefined);
  }
}

const UNREACHABLE = JSON.stringify({
  error: { code: "owner_unreachable", message: "The server running this game did not answer. Try again." },
});

/** Relays the request to the owner; a client that goes away closes the upstream request (and its stream) too. */
export function forwardRequest(req: IncomingMessage, res: ServerResponse, origin: string, gameId: string): void {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  sendToOwner(origin, req.method ?? "GET", req.url ?? "/", req.headers, hasBody ? req : null).then(
    (upstream) => {
      res.writeHead(upstream.status, upstream.headers);
      res.flushHeaders();
      // Either side ending early ends the other: a phone that leaves closes its stream on the owner, and
      // an owner that dies drops the phone's connection, so its EventSource reconnects.
      pipeline(upstream.body, res, () => undefined);
    },
    (error: unknown) => {
      ownerFailed(gameId, origin, error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(503, { "content-type": "application/json", "retry-after": "1" }).end(UNREACHABLE);
    },
  );
}

/**
 * The same relay for a route handler that has already read the body (a join:
 * its game is known only from the code inside it). The body goes on as JSON.
 */
export async function forwardJson(request: Request, origin: string, gameId: string, body: unknown): Promise<Response> {
  const url = new URL(request.url);
  const headers: IncomingHttpHeaders = {};
  request.headers.forEach((value, name) => {
    if (name !== "content-length") headers[name] = value;
  });
  const bytes = Buffer.from(JSON.stringify(body));
  headers["content-length"] = String(bytes.length);
  headers["content-type"] = "application/json";
  try {
    const upstream = await sendToOwner(origin, request.method, `${url.pathname}${url.search}`, headers, bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of upstream.body) chunks.push(chunk as Buffer);
    const out = new Headers();
    for (const [name, value] of Object.entries(upstream.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
    }
    out.delete("content-length");
    return new Response(Buffer.concat(chunks), { status: upstream.status, headers: out });
  } catch (error) {
    ownerFailed(gameId, origin, error);
    return new Response(UNREACHABLE, {
      status: 503,
      headers: { "content-type": "application/json", "retry-after": "1" },
    });
  }
}
