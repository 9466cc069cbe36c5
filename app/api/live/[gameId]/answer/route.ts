import { answerRequest } from "@/lib/server/live/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

export async function POST(request: Request, { params }: Params) {
  return answerRequest(request, (await params).gameId);
}
