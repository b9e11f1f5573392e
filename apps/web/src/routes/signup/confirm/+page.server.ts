import { confirmSignUpBody, fieldErrors, type Session } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/safe-next.ts';
import { api } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clientOf, storeSession } from '$lib/server/session.ts';
import { SIGN_UP_NEXT_COOKIE } from '../next-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (token: string | null) => confirmSignUpBody.safeParse({ token: token ?? undefined });

/*
 * Opening the link only shows a button. Mail scanners and link previews fetch every URL in an
 * e-mail, so a GET that used the single-use link would spend it before the person clicks.
 */
export const load: PageServerLoad = ({ url }) => {
  const parsed = tokenOf(url.searchParams.get('token'));
  return {
    token: url.searchParams.get('token') ?? '',
    linkProblem: parsed.success ? null : (fieldErrors(parsed.error.issues).token ?? 'This link is not valid'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const parsed = tokenOf(event.url.searchParams.get('token'));
    if (!parsed.success) {
      const message = fieldErrors(parsed.error.issues).token ?? 'This link is not valid';
      return fail(400, { values: {}, errors: {}, message, status: 400 });
    }
    let session: Session;
    try {
      session = await api.confirmSignUp(parsed.data.token, clientOf(event));
    } catch (error) {
      return apiFailure(error, {});
    }
    storeSession(event.cookies, session);
    // Where sign-up was headed (`?next=`, kept in this browser), else the dashboard, as before.
    const next = event.cookies.get(SIGN_UP_NEXT_COOKIE);
    event.cookies.delete(SIGN_UP_NEXT_COOKIE, { path: '/signup' });
    redirect(303, safeNext(next));
  },
};
