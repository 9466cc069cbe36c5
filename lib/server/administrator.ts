import "server-only";

import { cache } from "react";
import { countRealUsers, findUserByEmail, getFirstRealUser } from "@/lib/data/users";

/**
 * The install's administrator: the account QUARRY_ADMIN_EMAIL names, else the
 * first account created (demo accounts never count). Only they may change the
 * shared sample content. An install with no accounts at all is run by one
 * person at one machine, who is treated as its administrator.
 */
export const isInstallAdministrator = cache(async function isInstallAdministrator(
  userId: string | null,
): Promise<boolean> {
  const named = process.env.QUARRY_ADMIN_EMAIL?.trim();
  if (named) {
    if (!userId) return false;
    return (await findUserByEmail(named))?.id === userId;
  }
  if (!userId) return (await countRealUsers()) === 0;
  return (await getFirstRealUser())?.id === userId;
});
