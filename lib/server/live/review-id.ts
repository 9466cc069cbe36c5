import { createHash } from "node:crypto";

/**
 * The review id for one player's answer to one question of one game: a
 * UUID-shaped digest (version 8, RFC 9562 "custom"), so recording the same
 * answer twice (a retry, a replayed reveal) hits the same primary key and
 * never counts twice.
 */
export function liveReviewId(gameId: string, playerId: string, questionIndex: number): string {
  const bytes = createHash("sha256").update(`live-review\n${gameId}\n${playerId}\n${questionIndex}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
