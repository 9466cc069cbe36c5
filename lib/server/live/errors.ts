import { isLiveError, type LiveErrorCode } from "@/lib/live/errors";
import { apiError } from "@/lib/server/http";

export type LiveServiceErrorCode =
  | "deck_not_found"
  | "no_questions"
  | "game_not_found"
  | "game_ended"
  | "not_host"
  | "not_player"
  | "rate_limited"
  | "not_saved";

/** Refusals from the server layer (the state machine's own are LiveError). */
export class LiveServiceError extends Error {
  constructor(
    readonly code: LiveServiceErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "LiveServiceError";
  }
}

const SERVICE_STATUS: Record<LiveServiceErrorCode, number> = {
  deck_not_found: 404,
  no_questions: 422,
  game_not_found: 404,
  game_ended: 410,
  not_host: 403,
  not_player: 403,
  rate_limited: 429,
  not_saved: 503,
};

const LIVE_STATUS: Partial<Record<LiveErrorCode, number>> = {
  invalid_config: 422,
  invalid_question: 422,
  nickname_empty: 422,
  nickname_too_long: 422,
  nickname_invalid_chars: 422,
  invalid_choice: 422,
  game_finished: 410,
  unknown_player: 403,
  unknown_token: 403,
  join_code_exhausted: 503,
  token_collision: 503,
};

/** The HTTP answer for a known refusal; anything else is a bug and is rethrown. */
export function liveErrorResponse(error: unknown): Response {
  if (error instanceof LiveServiceError) {
    const response = apiError(SERVICE_STATUS[error.code], error.code, error.message);
    if (error.retryAfterMs !== undefined) {
      response.headers.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    }
    return response;
  }
  if (isLiveError(error)) return apiError(LIVE_STATUS[error.code] ?? 409, error.code, error.message);
  throw error;
}
