import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { HostScreen } from "@/components/live/host-screen";
import { isHostToken } from "@/lib/live/host-actions";
import { readHostCookie } from "@/lib/server/live/cookies";
import { getEntry } from "@/lib/server/live/registry";
import { publicOrigin } from "@/lib/server/request-origin";
import { storedGameForHost } from "@/lib/server/live/report";
import { tokenKey } from "@/lib/server/live/restore";
import { gameIdSchema } from "@/lib/server/live/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Host live quiz" };

type Props = { params: Promise<{ gameId: string }> };

async function joinUrlFor(code: string): Promise<string> {
  return `${publicOrigin(await headers())}/join?code=${code}`;
}

export default async function HostPage({ params }: Props) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) notFound();
  const token = await readHostCookie(gameId);
  const entry = getEntry(gameId);
  if (!entry) {
    const stored = await storedGameForHost(gameId, token);
    if (!stored) notFound();
    if (!stored.isHost) return <NotHost />;
    return (
      <>
        <h1>This game has ended</h1>
        <p>
          It is no longer running (it finished, or the server restarted). Its results are kept.{" "}
          <Link href={`/live/${gameId}/report`}>See the report</Link>.
        </p>
      </>
    );
  }
  if (!token || !isHostToken(entry.game, tokenKey(entry, token))) return <NotHost />;
  const joinUrl = await joinUrlFor(entry.game.code);
  const qrDataUrl = await QRCode.toDataURL(joinUrl, { margin: 1, width: 440, errorCorrectionLevel: "M" });
  return <HostScreen gameId={gameId} joinUrl={joinUrl} qrDataUrl={qrDataUrl} deckTitle={entry.deckTitle} />;
}

function NotHost() {
  return (
    <>
      <h1>Only the host can open this page</h1>
      <p>
        This page controls a live game and opens only in the browser that created it. To play,{" "}
        <Link href="/join">join with the game code</Link>.
      </p>
    </>
  );
}
