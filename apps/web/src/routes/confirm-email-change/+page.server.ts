import { emailChangeTokenBody, fieldErrors } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { accountApi } from '$lib/server/account-api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (token: string | null) => emailChangeTokenBody.safeParse({ token: token ?? undefined });

// Opening the link only shows a button: mail scanners fetch every link, and must not use it up.
export const load: PageServerLoad = ({ url, locals }) => {
  const parsed = tokenOf(url.searchParams.get('token'));
  return {
    token: url.searchParams.get('token') ?? '',
    linkProblem: parsed.success ? null : (fieldErrors(parsed.error.issues).token ?? 'This link is not valid'),
    signedIn: locals.user !== null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const parsed = tokenOf(event.url.searchParams.get('token'));
    if (!parsed.success) {
      const message = fieldErrors(parsed.error.issues).token ?? 'This link is not valid';
      return fail(400, { values: {}, errors: {}, message, status: 400 });
    }
    let email: string;
    let userId: string;
    try {
      const { user } = await accountApi.confirmEmailChange(parsed.data.token, clientOf(event));
      email = user.email;
      userId = user.id;
    } catch (error) {
      return apiFailure(error, {});
    }
    if (event.locals.user?.id === userId) redirect(303, '/settings?saved=email-confirmed#email');
    // Opened in another browser (or signed out): say so here, and offer the way in.
    return { confirmed: true, email };
  },
};
