/** Every way a live-game call can be refused. The server maps these to HTTP statuses. */
export type LiveErrorCode =
  | "invalid_config"
  | "invalid_question"
  | "nickname_empty"
  | "nickname_too_long"
  | "nickname_invalid_chars"
  | "nickname_taken"
  | "game_full"
  | "late_join_disabled"
  | "game_finished"
  | "unknown_player"
  | "unknown_token"
  | "wrong_phase"
  | "wrong_question"
  | "invalid_choice"
  | "duplicate_answer"
  | "answer_late"
  | "question_closed"
  | "no_players"
  | "join_code_exhausted"
  | "token_collision";

export class LiveError extends Error {
  constructor(
    readonly code: LiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LiveError";
  }
}

export function isLiveError(value: unknown): value is LiveError {
  return value instanceof LiveError;
}
