import "server-only";

import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { cache } from "react";
import type { Role } from "@/lib/permissions";
import { auth, AUTH_COOKIE_PREFIX } from "./auth";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in account. A forged, expired or revoked session reads as signed out.
 * Memoised per server render: the header, the page and the permission checks
 * all ask, and each ask would otherwise be a session lookup.
 */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  try {
    const requestHeaders = await headers();
    // No session cookie: a guest or a visitor. Nothing to look up (every answer a guest sends asks).
    if (!getSessionCookie(requestHeaders, { cookiePrefix: AUTH_COOKIE_PREFIX })) return null;
    const session = await auth().api.getSession({ headers: requestHeaders });
    if (!session) return null;
    const u = session.user as { id: string; email: string; name: string; role?: string };
    return { id: u.id, email: u.email, name: u.name, role: u.role === "teacher" ? "teacher" : "learner" };
  } catch {
    return null;
  }
});
