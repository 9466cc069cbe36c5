import "server-only";

import { timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import type { HeaderReader } from "@/lib/server/http";
import { sha256Hex } from "@/lib/text/normalize";
import { isHttpsRequest } from "../request-origin";

const HOST_PREFIX = "quarry_live_host_";
const PLAYER_PREFIX = "quarry_live_player_";
const TTL_S = 24 * 3600;

/** Cookie names carry the game id, so each game has its own secret and none leaks to another. */
export const hostCookieName = (gameId: string) => `${HOST_PREFIX}${gameId}`;
export const playerCookieName = (gameId: string) => `${PLAYER_PREFIX}${gameId}`;

const isHttps = (request: Request) => isHttpsRequest(request.headers, request.url);

async function setSecret(request: Request, name: string, value: string): Promise<void> {
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    maxAge: TTL_S,
  });
}

export const setHostCookie = (request: Request, gameId: string, token: string) =>
  setSecret(request, hostCookieName(gameId), token);

export const setPlayerCookie = (request: Request, gameId: string, token: string) =>
  setSecret(request, playerCookieName(gameId), token);

export async function readHostCookie(gameId: string): Promise<string | null> {
  return (await cookies()).get(hostCookieName(gameId))?.value ?? null;
}

export async function readPlayerCookie(gameId: string): Promise<string | null> {
  return (await cookies()).get(playerCookieName(gameId))?.value ?? null;
}

/**
 * The same, from the request's own Cookie header: handlers.ts also runs on the
 * server's direct path (node-routes.ts), where next/headers has no request.
 */
function readCookie(headers: HeaderReader, name: string): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

export const hostCookieOf = (headers: HeaderReader, gameId: string) => readCookie(headers, hostCookieName(gameId));

export const playerCookieOf = (headers: HeaderReader, gameId: string) => readCookie(headers, playerCookieName(gameId));

export const hashToken = (token: string) => sha256Hex(token);

/** For games no longer in memory: compares against the stored hash in constant time. */
export function matchesHash(token: string | null, storedHash: string): boolean {
  if (!token) return false;
  const a = Buffer.from(hashToken(token));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
