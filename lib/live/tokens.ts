import { randomBytes } from "node:crypto";
import type { TokenGenerator } from "./players";

/** 128-bit random, base64url: the production source for resume and host tokens. */
export function createTokenGenerator(bytes = 16): TokenGenerator {
  return () => randomBytes(bytes).toString("base64url");
}
