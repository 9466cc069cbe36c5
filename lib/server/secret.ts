import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The signing secret for sessions: BETTER_AUTH_SECRET when set, otherwise a
 * random one created on first use and kept in data/ beside the database, so
 * a fresh install is secure without any configuration.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  const file = path.resolve(process.env.QUARRY_SECRET_FILE ?? "data/auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process created it first
    }
  }
}
