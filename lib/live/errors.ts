import { AppError, STATUS } from "../errors";

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

/** HTTP statuses of the refusals that are not a plain conflict with the game's state (409). */
const LIVE_STATUS: Partial<Record<LiveErrorCode, number>> = {
  invalid_config: STATUS.invalid,
  invalid_question: STATUS.invalid,
  nickname_empty: STATUS.invalid,
  nickname_too_long: STATUS.invalid,
  nickname_invalid_chars: STATUS.invalid,
  invalid_choice: STATUS.invalid,
  game_finished: STATUS.gone,
  unknown_player: STATUS.forbidden,
  unknown_token: STATUS.forbidden,
  join_code_exhausted: STATUS.unavailable,
  token_collision: STATUS.unavailable,
};

export class LiveError extends AppError {
  constructor(
    override readonly code: LiveErrorCode,
    message: string,
  ) {
    super(code, message, LIVE_STATUS[code] ?? STATUS.conflict);
    this.name = "LiveError";
  }
}
