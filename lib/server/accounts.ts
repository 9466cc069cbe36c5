import "server-only";

import { cookies, headers } from "next/headers";
import type { z } from "zod";
import { AppError, STATUS } from "@/lib/errors";
import type { changePasswordSchema, signInSchema, signUpSchema } from "@/lib/api/auth";
import { adoptGuestLearner, getLearnerIdForUser } from "@/lib/data/learners";
import { auth } from "./auth";
import { currentGuestLearner, GUEST_COOKIE } from "./learner-session";
import { mergeLearnerInto } from "./merge-learners";
import { currentUser } from "./session-user";
import { clientAddress } from "./client-address";
import { retryMessage } from "./failure-throttle";
import { sharedFailureThrottle, sharedRateLimiter } from "./limit-store";

/** A refused sign-up, sign-in or password change; `field` names the form field it is about. */
export class AccountError extends AppError {
  constructor(code: string, message: string, status: number, field?: string) {
    super(code, message, status, field ? { field } : {});
    this.name = "AccountError";
  }
}

/**
 * Sign-in throttles count failures only, so a correct password never uses up
 * an allowance. Per account and address pair: 5 wrong passwords, then waits
 * of 1 s, 2 s, 4 s … up to 15 minutes; an attacker locked out on their address
 * leaves the owner on theirs untouched. Per address, across accounts (password
 * spraying; a classroom may share one address): 30 failures, then the same
 * doubling waits. Sign-ups: 30 at once per address, then one every 5 s.
 */
export const SIGN_IN_LIMITS = {
  pair: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 },
  address: { freeFailures: 30, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 3600_000 },
} as const;
const perPair = sharedFailureThrottle("sign-in-pair", SIGN_IN_LIMITS.pair);
const perAddress = sharedFailureThrottle("sign-in-address", SIGN_IN_LIMITS.address);
const signUpsPerAddress = sharedRateLimiter("sign-up-address", { capacity: 30, refillPerSecond: 1 / 5 });

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

export async function signUp(input: z.infer<typeof signUpSchema>): Promise<void> {
  const ipCheck = await signUpsPerAddress.take(clientAddress(), Date.now());
  if (!ipCheck.ok) throw new AccountError("rate_limited", retryMessage(ipCheck.retryAfterMs), STATUS.tooMany);
  try {
    const result = await auth().api.signUpEmail({ body: input, headers: await headers() });
    await absorbGuest(result.user.id, true);
  } catch (err) {
    const { code, message } = apiMessage(err);
    if (code === "USER_ALREADY_EXISTS" || code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new AccountError(
        "email_taken",
        "An account with this email already exists. Sign in instead.",
        STATUS.conflict,
        "email",
      );
    }
    throw new AccountError("sign_up_failed", message, STATUS.invalid);
  }
}

export async function signIn(input: z.infer<typeof signInSchema>): Promise<void> {
  const now = Date.now();
  const address = clientAddress();
  const pair = `${input.email.trim().toLowerCase()}\n${address}`;
  for (const check of await Promise.all([perAddress.check(address, now), perPair.check(pair, now)])) {
    if (!check.ok) throw new AccountError("rate_limited", retryMessage(check.retryAfterMs), STATUS.tooMany);
  }
  try {
    const result = await auth().api.signInEmail({ body: input, headers: await headers() });
    await perPair.succeed(pair);
    await absorbGuest(result.user.id, false);
  } catch (err) {
    const { status, message } = apiMessage(err);
    if (status === 401 || status === 400) {
      await Promise.all([perPair.fail(pair, now), perAddress.fail(address, now)]);
      throw new AccountError("wrong_credentials", "That email and password don't match.", STATUS.unauthenticated);
    }
    throw new AccountError("sign_in_failed", message, STATUS.invalid);
  }
}

export async function signOut(): Promise<void> {
  try {
    await auth().api.signOut({ headers: await headers() });
  } catch {
    // Already signed out.
  }
}

const SIGN_IN_AGAIN = "Sign in again to change your password.";

export async function changePassword(input: z.infer<typeof changePasswordSchema>): Promise<void> {
  const user = await currentUser();
  if (!user) throw new AccountError("signed_out", SIGN_IN_AGAIN, STATUS.unauthenticated);
  try {
    await auth().api.changePassword({
      body: { ...input, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (err) {
    const { status, message } = apiMessage(err);
    if (status === 400) {
      throw new AccountError(
        "wrong_password",
        "Your current password is not right.",
        STATUS.invalid,
        "currentPassword",
      );
    }
    if (status === 401) throw new AccountError("signed_out", SIGN_IN_AGAIN, STATUS.unauthenticated);
    throw new AccountError("password_change_failed", message, STATUS.invalid);
  }
  // Every session, this one included, was revoked; open a fresh one here.
  try {
    await auth().api.signInEmail({
      body: { email: user.email, password: input.newPassword },
      headers: await headers(),
    });
  } catch {
    throw new AccountError(
      "signed_out",
      "Your password was changed. Sign in again with the new one.",
      STATUS.unauthenticated,
    );
  }
}
