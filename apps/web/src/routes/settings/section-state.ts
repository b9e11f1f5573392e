import type { SettingsForm } from './settings-form.ts';

/** What one card shows after a submit: its own failure (values, errors, message) or its success line. */
export interface SectionState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | undefined;
  saved: string | undefined;
}

interface Failure {
  form?: SettingsForm;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
}

export function sectionState(
  form: SettingsForm,
  failure: Failure | null | undefined,
  saved: string | undefined,
): SectionState {
  const mine = failure?.form === form ? failure : null;
  return {
    values: mine?.values ?? {},
    errors: mine?.errors ?? {},
    message: mine?.message,
    saved: mine ? undefined : saved,
  };
}
