import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PlayerScreen } from "@/components/live/player-screen";
import { parseJoinCode } from "@/lib/live/join-code";
import { readPlayerCookie } from "@/lib/server/live/cookies";
import { getEntryByCode } from "@/lib/server/live/registry";
import { tokenKey } from "@/lib/server/live/restore";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live quiz" };

type Props = { params: Promise<{ code: string }> };

/** The player's screen; a reload or a comeback lands here and the cookie brings the same player back. */
export default async function PlayPage({ params }: Props) {
  const code = parseJoinCode((await params).code);
  const entry = code ? getEntryByCode(code) : null;
  if (!code || !entry) {
    return (
      <div className="live-join">
        <h1>No game with that code</h1>
        <p>
          The game may have ended, or the code was mistyped. <Link href="/join">Enter a code</Link>.
        </p>
      </div>
    );
  }
  const token = await readPlayerCookie(entry.id);
  if (!token || !entry.game.playerIdByToken.has(tokenKey(entry, token))) redirect(`/join?code=${code}`);
  return <PlayerScreen gameId={entry.id} code={code} />;
}
