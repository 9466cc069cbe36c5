import { json } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The server clock, sampled a few times by each device to line up countdowns. */
export function GET() {
  return json({ serverNow: Date.now() });
}
