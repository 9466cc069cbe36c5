import { endAbandonedLiveGames } from "@/lib/data/live";
import { cluster } from "./cluster";
import { registry } from "./registry";

/**
 * Games left running by an earlier process (a restart, a crash, a kill -9)
 * are ended cleanly: their state lived in memory, so they cannot go on, but
 * every answer they acknowledged is stored and their report is rebuilt from
 * the rows. Runs once per process, at server start (instrumentation.ts) and
 * again before the first game is created, whichever comes first. On a
 * cluster (REDIS_URL) nothing is ended: another instance may hold the game,
 * and one whose instance stopped is taken over when next asked for
 * (takeover.ts).
 */
export function ensureStartup(now: Date): Promise<void> {
  const r = registry();
  if (cluster()) r.startup ??= Promise.resolve();
  r.startup ??= endAbandonedLiveGames([...r.games.keys()], now)
    .then((count) => {
      if (count > 0) console.log(`live: ended ${count} game(s) left running by an earlier process`);
    })
    .catch((error: unknown) => console.error("live: could not end abandoned games", error));
  return r.startup;
}
