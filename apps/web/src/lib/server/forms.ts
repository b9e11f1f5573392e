import { fieldErrors } from '@handoff/contracts';
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { ApiError, UNAVAILABLE_MESSAGE } from './api.ts';

/** What a failed form action hands back to its page: the values to refill, and what went wrong. */
export interface FormFailure {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string;
  /** The HTTP status, so a page can offer a way out (a 409 on sign-up links to log in). */
  status: number;
}

/** Reads the named text fields; anything else in the form (files, extra keys) is ignored. */
export function readFields<K extends string>(data: FormData, keys: readonly K[]): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = data.get(key);
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** Parses the fields with a shared schema; an empty field counts as missing so it gets the "Enter your…" message. */
export function parseFields<S extends z.ZodType>(schema: S, values: Record<string, string>) {
  const input = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? undefined : v]));
  return schema.safeParse(input);
}

export function invalid(
  values: Record<string, string>,
  issues: readonly z.core.$ZodIssue[],
): ActionFailure<FormFailure> {
  return fail(400, {
    values,
    errors: fieldErrors(issues),
    message: 'Please fix the highlighted fields.',
    status: 400,
  });
}

/** Turns a failed API call into a form failure; anything that is not an API error is a bug and rethrown. */
export function apiFailure(error: unknown, values: Record<string, string>): ActionFailure<FormFailure> {
  if (!(error instanceof ApiError)) throw error;
  if (!error.isClientError) {
    return fail(503, { values, errors: {}, message: UNAVAILABLE_MESSAGE, status: 503 });
  }
  return fail(error.status, {
    values,
    errors: error.fields,
    message: error.message,
    status: error.status,
  });
}
