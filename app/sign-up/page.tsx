import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signUpAction } from "@/app/account-actions";
import { SignUpForm } from "@/components/forms/sign-up-form";
import { currentUser } from "@/lib/server/session-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect("/account");
  const { next = "/" } = await searchParams;
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p className="meta">Anything you studied as a guest on this device comes with you.</p>
      <SignUpForm action={signUpAction} next={next} />
      <p>
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </div>
  );
}
