import { eventsRequest } from "@/lib/server/live/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

export async function GET(request: Request, { params }: Params) {
  return eventsRequest(request, (await params).gameId);
}
