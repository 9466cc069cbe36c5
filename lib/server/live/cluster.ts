import "server-only";

import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type Redis from "ioredis";
import { redis, redisPrefix } from "@/lib/server/redis";
import { authSecret } from "@/lib/server/secret";
import { registry } from "./registry";

/*
 * Live games across several instances (only when REDIS_URL is set). Each game
 * lives in the memory of the instance that created it, its owner, as on a
 * single instance: the pure state machine, the group-commit writer, the
 * deadline timer and the fan-out to streams stay exactly as they are. Redis
 * records who owns each game (a lease the owner renews) and which game a join
 * code names. Another instance that receives a request for the game passes
 * the HTTP request itself on to the owner and relays its answer, event
 * streams included (forward.ts). So every acknowledgement still comes from
 * the process that committed the row, and the clock is always the owner's
 * stored deadline.
 */

/** The owner renews its lease every RENEW_MS; a lease not renewed for LEASE_MS is gone. */
export const LEASE_MS = 10_000;
const RENEW_MS = 3_000;
/** A join code stays reserved this long unless its game finishes first. */
const CODE_TTL_MS = 24 * 3600_000;

/** Header on requests one instance passes to another, so the owner never passes them on again. */
export const FORWARD_HEADER = "x-quarry-live-forward";
/** The client's address as the first instance read it (trusted only with a valid FORWARD_HEADER). */
export const FORWARDED_ADDRESS_HEADER = "x-quarry-live-client";

type Cluster = { client: Redis; instanceId: string; url: string; renewer: ReturnType<typeof setInterval> | null };
const holder = globalThis as unknown as { quarryLiveCluster?: Cluster | null };

/**
 * Where other instances reach this one: QUARRY_INSTANCE_URL, or this port on
 * the loopback address (several instances on one machine).
 */
export function instanceUrl(): string {
  const configured = process.env.QUARRY_INSTANCE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://127.0.0.1:${process.env.PORT || 3000}`;
}

/** The cluster, or null on a single instance (no REDIS_URL). */
export function cluster(): Cluster | null {
  const client = redis();
  if (!client) return null;
  if (holder.quarryLiveCluster?.client !== client) {
    holder.quarryLiveCluster = { client, instanceId: randomUUID(), url: instanceUrl(), renewer: null };
  }
  return holder.quarryLiveCluster;
}

const ownerKey = (gameId: string) => `${redisPrefix()}live:owner:${gameId}`;
const codeKey = (code: string) => `${redisPrefix()}live:code:${code}`;
const ownerValue = (c: Cluster) => `${c.instanceId} ${c.url}`;

/** What a code points at between its reservation and the game's row being stored. */
export const RESERVING = "reserving";

/**
 * Reserves a join code for a game across instances; false when another game
 * holds it. `replace` points a code this instance reserved at its stored game.
 */
export async function claimCode(code: string, gameId: string, options: { replace?: boolean } = {}): Promise<boolean> {
  const c = cluster();
  if (!c) return true;
  const key = codeKey(code);
  if (options.replace) return (await c.client.set(key, gameId, "PX", CODE_TTL_MS)) === "OK";
  return (await c.client.set(key, gameId, "PX", CODE_TTL_MS, "NX")) === "OK";
}

export async function releaseCode(code: string, gameId: string): Promise<void> {
  const c = cluster();
  if (!c) return;
  await c.client.eval(RELEASE_IF, 1, codeKey(code), gameId);
}

/** The game a join code names, across instances. */
export async function gameIdForCode(code: string): Promise<string | null> {
  const c = cluster();
  const id = c ? await c.client.get(codeKey(code)) : null;
  return id === RESERVING ? null : id;
}

/** Records this instance as the game's owner and keeps renewing the lease while it holds the game. */
export async function claimGame(gameId: string): Promise<void> {
  const c = cluster();
  if (!c) return;
  await c.client.set(ownerKey(gameId), ownerValue(c), "PX", LEASE_MS);
  c.renewer ??= setInterval(() => void renewLeases(c), RENEW_MS);
  c.renewer.unref?.();
}

/** Claims a game nobody holds (its owner stopped): true when this instance won it. */
export async function tryClaimGame(gameId: string): Promise<boolean> {
  const c = cluster();
  if (!c) return true;
  return (await c.client.set(ownerKey(gameId), ownerValue(c), "PX", LEASE_MS, "NX")) === "OK";
}

export async function releaseGame(gameId: string): Promise<void> {
  const c = cluster();
  if (c) await c.client.eval(RELEASE_IF, 1, ownerKey(gameId), ownerValue(c));
}

/**
 * Ends the lease of an owner that refuses connections (its process is gone),
 * so the next request takes the game over now rather than when the lease
 * runs out. Only a lease still naming that address is ended.
 */
export async function dropUnreachableOwner(gameId: string, url: string): Promise<void> {
  const c = cluster();
  if (c) await c.client.eval(DROP_IF_AT, 1, ownerKey(gameId), ` ${url}`);
}

const DROP_IF_AT = `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, -string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RENEW_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

async function renewLeases(c: Cluster): Promise<void> {
  const ids = [...registry().games.keys()];
  if (ids.length === 0) return;
  const pipeline = c.client.pipeline();
  for (const id of ids) pipeline.eval(RENEW_IF, 1, ownerKey(id), ownerValue(c), LEASE_MS);
  try {
    const results = (await pipeline.exec()) ?? [];
    results.forEach(([error, renewed], i) => {
      if (error || renewed === 0) console.error(`live: could not renew the lease on game ${ids[i]}`, error ?? "");
    });
  } catch (error) {
    console.error("live: renewing game leases failed", error);
  }
}

export type Location = { kind: "local" } | { kind: "remote"; url: string } | { kind: "unknown" };

/** Where a game runs: here, on another instance (its URL), or nowhere known. */
export async function locateGame(gameId: string): Promise<Location> {
  const c = cluster();
  if (!c || registry().games.has(gameId)) return { kind: "local" };
  const owner = await c.client.get(ownerKey(gameId));
  if (!owner) return { kind: "unknown" };
  const [instanceId, url] = owner.split(" ");
  if (instanceId === c.instanceId || !url) return { kind: "local" };
  return { kind: "remote", url };
}

function forwardKey(): string {
  return createHash("sha256").update(`${authSecret()}\nlive-forward`).digest("hex");
}

/** The header value that marks a request as passed on by another instance of this install. */
export function forwardHeaderValue(): string {
  return forwardKey();
}

export function isForwarded(value: string | null | undefined): boolean {
  if (!value || !cluster()) return false;
  const expected = Buffer.from(forwardKey());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
