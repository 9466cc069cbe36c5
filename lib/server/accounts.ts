import { cookies, headers } from "next/headers";
import type { z } from "zod";
import type { changePasswordSchema, signInSchema, signUpSchema } from "@/lib/api/auth";
import { adoptGuestLearner, getLearnerIdForUser, mergeLearnerInto } from "@/lib/data/merge-learners";
import { auth } from "./auth";
import { currentGuestLearner, GUEST_COOKIE } from "./learner-session";
import { currentUser } from "./session-user";
import { createRateLimiter } from "./rate-limit";

export type AccountResult = { ok: true } | { ok: false; message: string; field?: string };

// Per account: 5 tries at once, then one a minute. Per IP (a whole classroom
// may share one): 30 at once, then one every 5 s.
const perAccount = createRateLimiter({ capacity: 5, refillPerSecond: 1 / 60 });
const perIp = createRateLimiter({ capacity: 30, refillPerSecond: 1 / 5 });

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

function apiMessage(err: unknown): { status: number; code: string; message: string } {
  const e = err as { status?: string | number; statusCode?: number; body?: { code?: string; message?: string } };
  return {
    status: Number(e.statusCode ?? 500),
    code: e.body?.code ?? "UNKNOWN",
    message: e.body?.message ?? (err instanceof Error ? err.message : "Something went wrong."),
  };
}

/** Moves a guest's progress into the account now signed in, and drops the guest cookie. */
async function absorbGuest(userId: string, isNewAccount: boolean): Promise<void> {
  const guest = await currentGuestLearner();
  if (!guest) return;
  const existing = await getLearnerIdForUser(userId);
  if (isNewAccount && !existing) await adoptGuestLearner(guest.id, userId);
  else if (existing) await mergeLearnerInto(guest.id, existing);
  else await adoptGuestLearner(guest.id, userId);
  (await cookies()).delete(GUEST_COOKIE);
}

export async function signUp(input: z.infer<typeof signUpSchema>): Promise<AccountResult> {
  const ipCheck = perIp.take(`signup:${await clientIp()}`, Date.now());
  if (!ipCheck.ok) return { ok: false, message: tooMany(ipCheck.retryAfterMs) };
  try {
    const result = await auth().api.signUpEmail({ body: input, headers: await headers() });
    await absorbGuest(result.user.id, true);
    return { ok: true };
  } catch (err) {
    const { code, message } = apiMessage(err);
    if (code === "USER_ALREADY_EXISTS" || code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
    }
    return { ok: false, message };
  }
}

export async function signIn(input: z.infer<typeof signInSchema>): Promise<AccountResult> {
  const now = Date.now();
  const ip = perIp.take(`signin:${await clientIp()}`, now);
  if (!ip.ok) return { ok: false, message: tooMany(ip.retryAfterMs) };
  const account = perAccount.take(`signin:${input.email}`, now);
  if (!account.ok) return { ok: false, message: tooMany(account.retryAfterMs) };
  try {
    const result = await auth().api.signInEmail({ body: input, headers: await headers() });
    await absorbGuest(result.user.id, false);
    return { ok: true };
  } catch (err) {
    const { status, message } = apiMessage(err);
    if (status === 401 || status === 400) return { ok: false, message: "That email and password don't match." };
    return { ok: false, message };
  }
}

export async function signOut(): Promise<void> {
  try {
    await auth().api.signOut({ headers: await headers() });
  } catch {
    // Already signed out.
  }
}

export async function changePassword(input: z.infer<typeof changePasswordSchema>): Promise<AccountResult> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Sign in again to change your password." };
  try {
    await auth().api.changePassword({
      body: { ...input, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (err) {
    const { status, message } = apiMessage(err);
    if (status === 400) return { ok: false, field: "currentPassword", message: "Your current password is not right." };
    if (status === 401) return { ok: false, message: "Sign in again to change your password." };
    return { ok: false, message };
  }
  // Every session, this one included, was revoked; open a fresh one here.
  try {
    await auth().api.signInEmail({
      body: { email: user.email, password: input.newPassword },
      headers: await headers(),
    });
  } catch {
    return { ok: false, message: "Your password was changed. Sign in again with the new one." };
  }
  return { ok: true };
}

function tooMany(retryAfterMs: number): string {
  const s = Math.ceil(retryAfterMs / 1000);
  return `Too many attempts. Try again in ${s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`}.`;
}
