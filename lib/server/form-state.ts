import "server-only";

import { notFound } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/api/forms";
import { isAppError, STATUS } from "@/lib/errors";

/**
 * The one mapping from a service's refusal to what a server action returns to
 * its form: the message, and the field it is about when there is one. A
 * refusal that means "no such thing" shows the not-found page, as a route
 * would answer 404. Anything that is not an AppError is a bug and propagates.
 */
export function toFormState(error: unknown): FormState {
  if (error instanceof z.ZodError)
    return { message: `Invalid input: ${error.issues[0]?.message ?? "check the fields"}.` };
  if (!isAppError(error)) throw error;
  if (error.status === STATUS.notFound && error.details.notFoundPage) notFound();
  const field = error.details.field;
  return field ? { message: error.message, errors: { [field]: error.message } } : { message: error.message };
}
