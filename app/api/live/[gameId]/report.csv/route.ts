import { apiError, toResponse } from "@/lib/server/http";
import { readHostCookie } from "@/lib/server/live/cookies";
import { loadHostReport } from "@/lib/server/live/report";
import { buildReportCsv } from "@/lib/server/live/report-csv";
import { gameIdSchema } from "@/lib/server/live/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) return apiError(404, "game_not_found", "That game does not exist.");
  try {
    const { report, code, createdAt } = await loadHostReport(gameId, await readHostCookie(gameId));
    const day = new Date(createdAt).toISOString().slice(0, 10);
    return new Response(buildReportCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="quarry-live-${day}-${code}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}
