import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "./db";
import { databaseProvider } from "./database-url";
import { authSecret } from "./secret";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const baseURL = process.env.QUARRY_BASE_URL || undefined;

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
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "learner", input: true },
      },
    },
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    // Login throttling per account and per IP is ours (lib/server/login-throttle.ts),
    // applied in the server actions that call this API.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "quarry",
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
