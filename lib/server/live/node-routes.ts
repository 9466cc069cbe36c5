import type { IncomingMessage, ServerResponse } from "node:http";
import securityHeaders from "@/lib/server/security-headers.json";
import { MAX_JSON_BYTES } from "@/lib/server/http";
import { answerRequest, resolveViewer } from "./handlers";
import { attachViewer, MAX_BACKLOG_BYTES, SSE_HEADERS } from "./sse";

/*
 * The answer and event-stream requests served straight from scripts/server.mjs,
 * outside Next's router: the same handlers (handlers.ts), adapted to node:http.
 * With 2,000 phones answering within two seconds, Next's per-request work and
 * a web stream per phone are what saturate one core; here a frame is one
 * socket write. Registered by instrumentation.ts; under `next dev` the route
 * files serve these paths.
 */

const ANSWER = /^\/api\/live\/([^/?]+)\/answer(?:\?|$)/;
const EVENTS = /^\/api\/live\/([^/?]+)\/events(?:\?|$)/;

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const urlOf = (req: IncomingMessage) => `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;

/** Reads at most one byte past the JSON limit, so the handler still answers 413 as under Next. */
async function readCapped(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_JSON_BYTES) break;
  }
  return Buffer.concat(chunks);
}

function baseHeaders(): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const { key, value } of securityHeaders) headers[key] = value;
  return headers;
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers = baseHeaders();
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

async function serveAnswer(req: IncomingMessage, res: ServerResponse, gameId: string): Promise<void> {
  const body = await readCapped(req);
  const request = new Request(urlOf(req), { method: "POST", headers: requestHeaders(req), body: new Uint8Array(body) });
  await sendResponse(await answerRequest(request, gameId), res);
}

async function serveEvents(req: IncomingMessage, res: ServerResponse, gameId: string): Promise<void> {
  const resolved = resolveViewer(new Request(urlOf(req), { headers: requestHeaders(req) }), gameId);
  if (resolved instanceof Response) return sendResponse(resolved, res);
  res.writeHead(200, { ...baseHeaders(), ...SSE_HEADERS });
  res.flushHeaders();
  const detach = attachViewer(resolved.entry, resolved.viewer, {
    // A client that stops reading is dropped; its EventSource reconnects and gets a fresh snapshot.
    write: (text) => !res.destroyed && res.writableLength < MAX_BACKLOG_BYTES && (res.write(text), true),
    end: () => res.end(),
  });
  res.once("close", detach);
}

/** Serves the request and returns true if it is one of the direct paths; false leaves it to Next. */
export function serveLiveRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const answer = req.method === "POST" ? ANSWER.exec(url) : null;
  const events = req.method === "GET" ? EVENTS.exec(url) : null;
  const match = answer ?? events;
  if (!match) return false;
  // Left encoded: an id with escapes is not a game id, and the handler answers 404.
  const gameId = match[1]!;
  (answer ? serveAnswer(req, res, gameId) : serveEvents(req, res, gameId)).catch((error: unknown) => {
    console.error("live: direct request failed", error);
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    else res.destroy();
  });
  return true;
}
