/** Runs once when the server process starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureStartup } = await import("@/lib/server/live/startup");
  await ensureStartup(new Date());
  // scripts/server.mjs serves players' answers and event streams through this, outside Next's router.
  // On a cluster (REDIS_URL) it also passes requests about a game held by another instance on to it.
  const { routeRequest } = await import("@/lib/server/live/node-routes");
  (globalThis as Record<symbol, unknown>)[Symbol.for("quarry.liveRoutes")] = routeRequest;
}
