/**
 * The address of the client behind the current request, as scripts/server.mjs
 * read it from the socket (or from X-Forwarded-For hops added by the proxies
 * QUARRY_TRUST_PROXY names). It never comes from a header a client can set.
 * Without that server (`next dev`), every request shares one address, so
 * per-address limits still hold, for everyone at once.
 */
type RequestContext = { clientAddress: string };
type Store = { getStore(): RequestContext | undefined };

export const UNKNOWN_ADDRESS = "unknown";

export function clientAddress(): string {
  const store = (globalThis as Record<symbol, Store | undefined>)[Symbol.for("quarry.requestContext")];
  return store?.getStore()?.clientAddress || UNKNOWN_ADDRESS;
}
