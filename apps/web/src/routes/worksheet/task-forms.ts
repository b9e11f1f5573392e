import type { SubmitFunction } from '@sveltejs/kit';

/** After a change the page reloads its data; a form that added something is emptied for the next one. */
export const refresh: SubmitFunction = ({ formElement }) => {
  return async ({ result, update }) => {
    if (result.type === 'redirect') formElement.reset();
    await update({ reset: false });
  };
};

/** What a failed action said, when it was about this part of the page. */
export interface Failure {
  message: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}
