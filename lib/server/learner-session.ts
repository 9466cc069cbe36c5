import "server-only";

import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import {
  createGuestLearner,
  getLearnerByGuestTokenHash,
  getLearnerForUser,
  type LearnerRecord,
} from "@/lib/data/learners";
import { sha256Hex } from "@/lib/text/normalize";
import { isHttpsRequest } from "./request-origin";
import { currentUser } from "./session-user";

export const GUEST_COOKIE = "quarry_guest";
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * The learner behind this request: the signed-in account's, else the guest's.
 */
export async function currentLearner(): Promise<LearnerRecord | null> {
  const user = await currentUser();
  if (user) return getLearnerForUser(user.id);
  return currentGuestLearner();
}

/**
 * The guest learner from the guest cookie. The cookie holds a random token;
 * only its hash is stored, so a forged or stale cookie matches nobody and is
 * treated as signed out.
 */
export async function currentGuestLearner(): Promise<LearnerRecord | null> {
  const token = (await cookies()).get(GUEST_COOKIE)?.value;
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return getLearnerByGuestTokenHash(sha256Hex(token));
}

/** As currentLearner, creating a guest (and its cookie) on first use. Route handlers and server actions only. */
export async function currentOrNewLearner(timeZone?: string): Promise<LearnerRecord> {
  const existing = await currentLearner();
  if (existing) return existing;
  const token = randomBytes(32).toString("base64url");
  const learner = await createGuestLearner(sha256Hex(token), timeZone);
  (await cookies()).set(GUEST_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: ONE_YEAR_S,
  });
  return learner;
}

async function isHttps(): Promise<boolean> {
  return isHttpsRequest(await headers());
}
