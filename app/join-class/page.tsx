import type { Metadata } from "next";
import Link from "next/link";
import { joinClassAction } from "@/app/class-actions";
import { JoinClassForm } from "@/components/forms/class-forms";
import { getGuestDisplayName } from "@/lib/server/learner-settings";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a class" };

export default async function JoinClassPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const code = (await searchParams).code?.slice(0, 12);
  const viewer = await currentViewer();
  const back = `/join-class${code ? `?code=${encodeURIComponent(code)}` : ""}`;
  const guest = viewer.user
    ? undefined
    : {
        displayName: viewer.learnerId ? await getGuestDisplayName(viewer.learnerId) : null,
        signInHref: `/sign-in?next=${encodeURIComponent(back)}`,
      };
  return (
    <div className="narrow">
      <h1>Join a class</h1>
      <JoinClassForm action={joinClassAction} code={code} guest={guest} />
      <p className="meta">
        Joining a live quiz in class? Enter its 6-digit game code on <Link href="/join">Join a quiz</Link>.
      </p>
    </div>
  );
}
