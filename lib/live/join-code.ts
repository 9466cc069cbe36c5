import { LiveError } from "./errors";
import type { Random } from "../random";

/**
 * A 6-digit join code, 100000–999999 (never a leading zero, so it survives
 * being typed into a numeric field or parsed as a number). Retries while
 * `isTaken` says an active game already has it.
 */
export function generateJoinCode(random: Random, isTaken: (code: string) => boolean, maxAttempts = 1000): string {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const n = 100_000 + Math.floor(random() * 900_000);
    const code = String(Math.min(n, 999_999));
    if (!isTaken(code)) return code;
  }
  throw new LiveError("join_code_exhausted", "Could not find a free game code. Please try again.");
}

/** Accepts what people type ("123 456", "123-456") and returns the 6 digits, or null. */
export function parseJoinCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^[1-9]\d{5}$/.test(digits) ? digits : null;
}
