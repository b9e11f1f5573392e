import { forgotPasswordBody } from '@handoff/contracts';
import { api } from '$lib/server/api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { clientOf } from '$lib/server/session.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const values = readFields(await event.request.formData(), ['email']);
    const parsed = parseFields(forgotPasswordBody, values);
    if (!parsed.success) return invalid(values, parsed.error.issues);
    try {
      // The API answers the same whether or not the address has an account; so does this page.
      const { message } = await api.forgotPassword(parsed.data.email, clientOf(event));
      return { sent: true, message, email: parsed.data.email };
    } catch (error) {
      return apiFailure(error, values);
    }
  },
};
