/** What a server action returns to its form: a message and per-field errors. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
};

export type FormAction = (prev: FormState, form: FormData) => Promise<FormState>;
