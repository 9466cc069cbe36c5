/** Runs once when the server process starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureStartup } = await import("@/lib/server/live/startup");
  await ensureStartup(new Date());
  // scripts/server.mjs serves players' answers and event streams through this, outside Next's router.
  const { serveLiveRequest } = await import("@/lib/server/live/node-routes");
  (globalThis as Record<symbol, unknown>)[Symbol.for("quarry.liveRoutes")] = serveLiveRequest;
}
