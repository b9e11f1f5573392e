import type { ActionFailure } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import type { FormFailure } from '$lib/server/forms.ts';

/** The settings page's forms; a failure names its form so the page shows it in the right card. */
export type SettingsForm = 'name' | 'email' | 'password' | 'role' | 'sessions';

/** What a success redirect says, read back from `?saved=`. */
export const SAVED = {
  name: 'Your name is saved.',
  email: 'Check your new inbox.',
  'email-confirmed': 'Your new e-mail address is confirmed and in use.',
  password: 'Your password was changed. Every other device was logged out; this one stays signed in.',
  provider: 'You can now work as a provider.',
  owner: 'You can now hire providers.',
  'signed-out': 'That session was signed out.',
  'signed-out-others': 'Every other session was signed out.',
} as const;
export type Saved = keyof typeof SAVED;
export const isSaved = (value: string | null): value is Saved =>
  value !== null && Object.hasOwn(SAVED, value);

export function inForm(
  form: SettingsForm,
  failure: ActionFailure<FormFailure>,
): ActionFailure<FormFailure & { form: SettingsForm }> {
  return fail(failure.status, { ...failure.data, form });
}
