import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/account-actions";
import { SignInForm } from "@/components/forms/sign-in-form";
import { currentUser } from "@/lib/server/session-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect("/account");
  const { next = "/" } = await searchParams;
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <SignInForm action={signInAction} next={next} />
      <p>
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </div>
  );
}
