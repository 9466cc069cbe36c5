/** Runs once when the server process starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureStartup } = await import("@/lib/server/live/startup");
  await ensureStartup(new Date());
}
