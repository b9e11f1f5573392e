import { verifyEmailBody, type User } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.ts';
import { emailedLink } from '$lib/server/emailed-link.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { resendVerification } from '$lib/server/resend-verification.ts';
import { clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const emailed = emailedLink(verifyEmailBody);

export const load: PageServerLoad = ({ url, locals }) => ({
  ...emailed.shown(url),
  signedIn: locals.user !== null,
  alreadyVerified: locals.user?.emailVerified ?? false,
});

export const actions: Actions = {
  confirm: async (event) => {
    const link = emailed.token(event.url);
    if (!('token' in link)) return link;
    let user: User;
    try {
      user = await api.verifyEmail(link.token, clientOf(event));
    } catch (error) {
      return apiFailure(error, {});
    }
    if (event.locals.user?.id === user.id) redirect(303, '/dashboard?verified=1');
    // Signed out (or signed in as someone else): say so here, and offer the way in.
    return { verified: true, email: user.email };
  },

  resend: resendVerification,
};
