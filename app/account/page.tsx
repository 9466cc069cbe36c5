import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { changePasswordAction, signOutAction } from "@/app/account-actions";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { currentUser } from "@/lib/server/session-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const [user, { changed }] = await Promise.all([currentUser(), searchParams]);
  if (!user) redirect("/sign-in?next=/account");
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}), {user.role}.
      </p>
      <h2>Change password</h2>
      {changed && (
        <p role="status" className="form-ok">
          Password changed. Other devices have been signed out.
        </p>
      )}
      <ChangePasswordForm action={changePasswordAction} />
      <h2>Sign out</h2>
      <form action={signOutAction}>
        <button type="submit" className="button secondary">
          Sign out
        </button>
      </form>
    </div>
  );
}
