import "server-only";

import { cookies } from "next/headers";

/** Share tokens this browser has opened, by deck id, kept in one httpOnly cookie. */
export const SHARE_COOKIE = "quarry_shares";
const MAX_SHARED_DECKS = 30;
const NINETY_DAYS_S = 90 * 24 * 3600;

function parse(value: string | undefined): Map<string, string> {
  try {
    const obj: unknown = JSON.parse(value ?? "{}");
    if (!obj || typeof obj !== "object") return new Map();
    return new Map(
      Object.entries(obj as Record<string, unknown>)
        .filter((e): e is [string, string] => typeof e[1] === "string" && e[0].length <= 40 && e[1].length <= 64)
        .slice(-MAX_SHARED_DECKS),
    );
  } catch {
    return new Map();
  }
}

export async function currentShareTokens(): Promise<Map<string, string>> {
  return parse((await cookies()).get(SHARE_COOKIE)?.value);
}

/** Remembers a share link's token (route handlers and server actions only). */
export async function rememberShareToken(deckId: string, token: string, secure: boolean): Promise<void> {
  const tokens = await currentShareTokens();
  tokens.delete(deckId);
  tokens.set(deckId, token);
  const kept = [...tokens.entries()].slice(-MAX_SHARED_DECKS);
  (await cookies()).set(SHARE_COOKIE, JSON.stringify(Object.fromEntries(kept)), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: NINETY_DAYS_S,
  });
}
