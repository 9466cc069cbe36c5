import { z } from "zod";
import { ROLES } from "../domain/enums";
import { displayText, text } from "./text";

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@school.org."));
const password = text()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters for your password.`)
  .max(MAX_PASSWORD, `Use at most ${MAX_PASSWORD} characters for your password.`);

export const signUpSchema = z.object({
  name: displayText().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters for your name."),
  email,
  password,
  role: z.enum(ROLES, { error: "Choose whether you teach or learn." }),
});

export const signInSchema = z.object({
  email,
  password: text().min(1, "Enter your password.").max(MAX_PASSWORD),
});

export const changePasswordSchema = z.object({
  currentPassword: text().min(1, "Enter your current password.").max(MAX_PASSWORD),
  newPassword: password,
});

export const classNameSchema = z.object({
  name: displayText().trim().min(1, "Give the class a name.").max(80, "Use at most 80 characters."),
});

/** The name a guest gives when joining a class; their teacher sees it on the dashboard. */
export const guestNameSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, "Give your name, so your teacher knows who you are.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[^<>\p{Cc}]+$/u, "Use letters, digits, spaces and ordinary punctuation."),
});

export const joinCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,10}$/, "A class code is 6–10 letters and digits, like K7P2QX."),
});

export const assignDeckSchema = z.object({
  deckId: z.string().min(1).max(100),
  dueAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date("Use a date like 2026-12-01.").optional()),
});

/** Field errors for a form: the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
