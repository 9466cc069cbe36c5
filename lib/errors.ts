/**
 * The one error model. A service refuses by throwing an AppError: a stable
 * `code` for clients and tests, a message a person can read, and the HTTP
 * status it means. Route handlers turn it into a response with `toResponse`
 * (lib/server/http.ts), server actions into a form state with `toFormState`
 * (lib/server/form-state.ts); anything that is not an AppError is a bug and
 * propagates.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: {
      /** The form field the refusal is about, shown beside it. */
      field?: string;
      /** How long before trying again is worth it (rate limits). */
      retryAfterMs?: number;
      /** The thing a page or form is about does not exist: show the not-found page. */
      notFoundPage?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The usual status of each kind of refusal; subclasses map their codes onto these. */
export const STATUS = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
  tooMany: 429,
  unavailable: 503,
} as const;
