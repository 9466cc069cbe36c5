import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JoinForm } from "@/components/live/join-form";
import { parseJoinCode } from "@/lib/live/join-code";
import { readPlayerCookie } from "@/lib/server/live/cookies";
import { getEntryByCode } from "@/lib/server/live/registry";
import { tokenKey } from "@/lib/server/live/restore";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a live quiz" };

type Props = { searchParams: Promise<{ code?: string | string[] }> };

export default async function JoinPage({ searchParams }: Props) {
  const raw = (await searchParams).code;
  const code = parseJoinCode(typeof raw === "string" ? raw : "");
  if (code) {
    // Scanning the QR again (or coming back later) should not ask for a new nickname.
    const entry = getEntryByCode(code);
    const token = entry ? await readPlayerCookie(entry.id) : null;
    if (entry && token && entry.game.playerIdByToken.has(tokenKey(entry, token))) redirect(`/play/${code}`);
  }
  return (
    <div className="live-join">
      <h1>Join a live quiz</h1>
      <JoinForm initialCode={code ?? ""} />
    </div>
  );
}
