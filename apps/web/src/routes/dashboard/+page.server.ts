import { redirect } from '@sveltejs/kit';
import { resendVerification } from '$lib/server/resend-verification.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url.pathname));
  return {
    me: locals.user,
    // Set by the redirects after confirming the address or asking for a new link.
    justVerified: url.searchParams.has('verified'),
    resent: url.searchParams.has('resent'),
  };
};

export const actions: Actions = {
  resend: resendVerification,
};
