import "server-only";

import { AppError, STATUS } from "@/lib/errors";

export type LiveServiceErrorCode =
  | "deck_not_found"
  | "no_questions"
  | "game_not_found"
  | "game_ended"
  | "not_host"
  | "not_player"
  | "rate_limited"
  | "not_saved"
  | "no_code";

const SERVICE_STATUS: Record<LiveServiceErrorCode, number> = {
  deck_not_found: STATUS.notFound,
  no_questions: STATUS.invalid,
  game_not_found: STATUS.notFound,
  game_ended: STATUS.gone,
  not_host: STATUS.forbidden,
  not_player: STATUS.forbidden,
  rate_limited: STATUS.tooMany,
  not_saved: STATUS.unavailable,
  no_code: STATUS.unavailable,
};

/** Refusals from the server layer (the state machine's own are LiveError). */
export class LiveServiceError extends AppError {
  constructor(
    override readonly code: LiveServiceErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(code, message, SERVICE_STATUS[code], retryAfterMs === undefined ? {} : { retryAfterMs });
    this.name = "LiveServiceError";
  }
}
