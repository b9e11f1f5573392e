import { fieldErrors, verifyEmailBody, type User } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { resendVerification } from '$lib/server/resend-verification.ts';
import { clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (token: string | null) => verifyEmailBody.safeParse({ token: token ?? undefined });

/*
 * Opening the link only shows a button. Mail scanners and link previews fetch every URL in an
 * e-mail, so a GET that consumed the single-use token would burn it before the person clicks.
 */
export const load: PageServerLoad = ({ url, locals }) => {
  const token = url.searchParams.get('token');
  const parsed = tokenOf(token);
  return {
    token: token ?? '',
    linkProblem: parsed.success ? null : (fieldErrors(parsed.error.issues).token ?? 'This link is not valid'),
    signedIn: locals.user !== null,
    alreadyVerified: locals.user?.emailVerified ?? false,
  };
};

export const actions: Actions = {
  confirm: async (event) => {
    const parsed = tokenOf(event.url.searchParams.get('token'));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return fail(400, {
        values: {},
        errors,
        message: errors.token ?? 'This link is not valid',
        status: 400,
      });
    }
    let user: User;
    try {
      user = await api.verifyEmail(parsed.data.token, clientOf(event));
    } catch (error) {
      return apiFailure(error, {});
    }
    if (event.locals.user?.id === user.id) redirect(303, '/dashboard?verified=1');
    // Signed out (or signed in as someone else): say so here, and offer the way in.
    return { verified: true, email: user.email };
  },

  resend: resendVerification,
};
