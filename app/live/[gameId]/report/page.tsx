import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportTables } from "@/components/live/report-tables";
import { readHostCookie } from "@/lib/server/live/cookies";
import { LiveServiceError } from "@/lib/server/live/errors";
import { loadHostReport, type HostReport } from "@/lib/server/live/report";
import { gameIdSchema } from "@/lib/server/live/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live quiz report" };

type Props = { params: Promise<{ gameId: string }> };

export default async function ReportPage({ params }: Props) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) notFound();
  let data: HostReport;
  try {
    data = await loadHostReport(gameId, await readHostCookie(gameId));
  } catch (error) {
    if (error instanceof LiveServiceError && error.code === "not_host") {
      return (
        <>
          <h1>Only the host can see this report</h1>
          <p>Open it in the browser that created the game.</p>
        </>
      );
    }
    if (error instanceof LiveServiceError) notFound();
    throw error;
  }
  return (
    <>
      <h1>Report: {data.deckTitle}</h1>
      <p className="meta">
        Game {data.code} · {new Date(data.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC ·{" "}
        {data.status === "finished" ? "finished" : "still running"}
      </p>
      <p>
        <a className="button secondary" href={`/api/live/${gameId}/report.csv`} download>
          Download CSV
        </a>{" "}
        {data.status !== "finished" && <Link href={`/live/${gameId}/host`}>Back to the game</Link>}
      </p>
      <ReportTables report={data.report} />
    </>
  );
}
