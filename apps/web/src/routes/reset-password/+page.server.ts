import { fieldErrors, resetPasswordBody } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { clearSession, clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/** The link's token, checked with the same rule the API uses, so a truncated link says so at once. */
export const load: PageServerLoad = ({ url }) => {
  const parsed = resetPasswordBody.shape.token.safeParse(url.searchParams.get('token') ?? undefined);
  return {
    linkProblem: parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This link is not valid'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, url, cookies } = event;
    const { password } = readFields(await request.formData(), ['password']);
    const token = url.searchParams.get('token') ?? undefined;
    const parsed = resetPasswordBody.safeParse({ token, password: password === '' ? undefined : password });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      const message = errors.token ?? 'Please fix the highlighted fields.';
      return fail(400, { values: {}, errors, message, status: 400 });
    }
    try {
      await api.resetPassword(parsed.data, clientOf(event));
    } catch (error) {
      return apiFailure(error, {});
    }
    // The API logged out every device; this browser's cookies would only fail on the next request.
    clearSession(cookies);
    redirect(303, '/login?reset=1');
  },
};
