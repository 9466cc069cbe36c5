import type { IncomingMessage, ServerResponse } from "node:http";
import type { BodyRead } from "@/lib/server/body";
import { MAX_JSON_BYTES, type HeaderReader } from "@/lib/server/http";
import securityHeaders from "@/lib/server/security-headers.json";
import { cluster, FORWARD_HEADER, FORWARDED_ADDRESS_HEADER, isForwarded, type Location } from "./cluster";
import { forwardRequest } from "./forward";
import { answerFrom, resolveViewer } from "./handlers";
import { findGame, findGameByCode } from "./takeover";
import { attachViewer, MAX_BACKLOG_BYTES, SSE_HEADERS } from "./sse";

/*
 * The answer and event-stream requests served straight from scripts/server.mjs,
 * outside Next's router: the same handlers (handlers.ts) over node:http. With
 * 2,000 phones answering within two seconds, Next's per-request work, a
 * Request and a Response per answer, and a web stream per phone are what
 * saturate one core; here an answer is parsed from the socket and a frame is
 * one socket write. Registered by instrumentation.ts; under `next dev` the
 * route files serve these paths.
 */

const ANSWER = /^\/api\/live\/([^/?]+)\/answer(?:\?|$)/;
const EVENTS = /^\/api\/live\/([^/?]+)\/events(?:\?(.*))?$/;

const headerReader = (req: IncomingMessage): HeaderReader => ({
  get(name) {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  },
});

/** Reads the body up to the JSON limit; past it, stops with "too large" as readBodyWithLimit does. */
function readCapped(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) {
        req.pause();
        resolve({ ok: false, reason: "too_large" });
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve({ ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) }));
    req.on("error", () => resolve({ ok: false, reason: "unreadable" }));
  });
}

function baseHeaders(): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const { key, value } of securityHeaders) headers[key] = value;
  return headers;
}

function sendJson(res: ServerResponse, data: unknown): void {
  const body = Buffer.from(JSON.stringify(data));
  res.writeHead(200, {
    ...baseHeaders(),
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": String(body.length),
  });
  res.end(body);
}

/** Refusals only, so the web Response's cost is paid off the hot path. */
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
  const result = await answerFrom(headerReader(req), () => readCapped(req), gameId);
  if (result instanceof Response) await sendResponse(result, res);
  else sendJson(res, result);
}

async function serveEvents(req: IncomingMessage, res: ServerResponse, gameId: string, query: string): Promise<void> {
  const resolved = resolveViewer(headerReader(req), new URLSearchParams(query), gameId);
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

/** Paths about one game, by id or by join code, that a cluster serves on the game's owner. */
const BY_ID = /^\/(?:api\/live|live)\/([^/?]+)\/(?:answer|events|host)(?:[/?]|$)/;
const BY_CODE = /^\/(?:play\/(\d{6})(?:[/?]|$)|join\?(?:.*&)?code=(\d{6})(?:&|$))/;

type RequestContext = { clientAddress: string };

/** A request another instance passed on carries the client's address; it replaces the forwarder's. */
function adoptForwardedAddress(req: IncomingMessage): void {
  const address = req.headers[FORWARDED_ADDRESS_HEADER];
  if (typeof address !== "string" || address === "") return;
  const store = (globalThis as Record<symbol, { getStore(): RequestContext | undefined } | undefined>)[
    Symbol.for("quarry.requestContext")
  ];
  const context = store?.getStore();
  if (context) context.clientAddress = address;
}

/** Where the game a request is about runs (taking it over if its instance stopped). */
async function locate(url: string): Promise<{ gameId: string; location: Location } | null> {
  const byId = BY_ID.exec(url);
  if (byId) return { gameId: byId[1]!, location: await findGame(byId[1]!) };
  const byCode = BY_CODE.exec(url);
  const code = byCode?.[1] ?? byCode?.[2];
  return code ? findGameByCode(code) : null;
}

/**
 * The production server's entry for every request. On a cluster a request
 * about a game held by another instance is passed on to it (forward.ts);
 * everything else is served here: the direct paths below, the rest by Next
 * (`next`). Returns false when the request is Next's, without a cluster.
 */
export function routeRequest(req: IncomingMessage, res: ServerResponse, next: () => void): boolean {
  const header = req.headers[FORWARD_HEADER];
  // Only an instance of this install may pass requests on; anything else is served as it came.
  const forwarded = header !== undefined && isForwarded(Array.isArray(header) ? header[0] : header);
  if (forwarded) adoptForwardedAddress(req);
  delete req.headers[FORWARD_HEADER];
  delete req.headers[FORWARDED_ADDRESS_HEADER];
  const url = req.url ?? "";
  if (!cluster() || !(BY_ID.test(url) || BY_CODE.test(url))) return serveLiveRequest(req, res);
  // A passed-on request is served here, never passed on again (after waiting for a takeover under way here).
  void locate(url)
    .catch((error: unknown) => {
      console.error("live: finding a game's instance failed", error);
      return null;
    })
    .then((found) => {
      if (!forwarded && found?.location.kind === "remote") forwardRequest(req, res, found.location.url, found.gameId);
      else if (!serveLiveRequest(req, res)) next();
    });
  return true;
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
  const served = answer ? serveAnswer(req, res, gameId) : serveEvents(req, res, gameId, events?.[2] ?? "");
  served.catch((error: unknown) => {
    console.error("live: direct request failed", error);
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    else res.destroy();
  });
  return true;
}
