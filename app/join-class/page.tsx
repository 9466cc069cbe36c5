import type { Metadata } from "next";
import { joinClassAction } from "@/app/class-actions";
import { JoinClassForm } from "@/components/forms/class-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a class" };

export default async function JoinClassPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  return (
    <div className="narrow">
      <h1>Join a class</h1>
      <JoinClassForm action={joinClassAction} code={code?.slice(0, 12)} />
    </div>
  );
}
