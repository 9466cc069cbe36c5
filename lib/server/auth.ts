import "server-only";

import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { MAX_PASSWORD, MIN_PASSWORD } from "@/lib/api/auth";
import { db } from "./db";
import { configuredBaseUrl } from "./request-origin";
import { databaseProvider } from "./database-url";
import { authSecret } from "./secret";

const baseURL = configuredBaseUrl();
/** better-auth's cookies are named `quarry.…` (`__Secure-quarry.…` over HTTPS). */
export const AUTH_COOKIE_PREFIX = "quarry";

function createAuth() {
  return betterAuth({
    appName: "Quarry",
    baseURL,
    secret: authSecret(),
    database: prismaAdapter(db(), { provider: databaseProvider() }),
    // Passwords are hashed with scrypt by better-auth.
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD,
      maxPasswordLength: MAX_PASSWORD,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "learner", input: true },
      },
    },
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    // Sign-in throttling per account and per address is ours (lib/server/accounts.ts,
    // over lib/server/failure-throttle.ts), applied before this API is called.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      // Secure cookies need HTTPS; a school server on plain http inside the LAN still works.
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { quarryAuth?: Auth };

export function auth(): Auth {
  globalForAuth.quarryAuth ??= createAuth();
  return globalForAuth.quarryAuth;
}
