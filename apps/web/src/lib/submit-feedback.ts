import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * Progressive enhancement for the auth forms: report "busy" while the action runs and, when it comes
 * back with errors, move focus to the first field to fix (or the alert) the way a full reload would
 * bring the person back to the top of the form.
 */
export function submitFeedback(setPending: (pending: boolean) => void): SubmitFunction {
  return ({ formElement }) => {
    setPending(true);
    return async ({ result, update }) => {
      await update();
      setPending(false);
      if (result.type !== 'failure') return;
      await tick();
      const target =
        formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        formElement.querySelector<HTMLElement>('[role="alert"]');
      target?.focus();
    };
  };
}
