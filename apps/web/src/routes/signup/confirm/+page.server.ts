import { confirmSignUpBody, type Session } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/safe-next.ts';
import { api } from '$lib/server/api.ts';
import { emailedLink } from '$lib/server/emailed-link.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clientOf, storeSession } from '$lib/server/session.ts';
import { SIGN_UP_NEXT_COOKIE } from '../next-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const emailed = emailedLink(confirmSignUpBody);

export const load: PageServerLoad = ({ url }) => emailed.shown(url);

export const actions: Actions = {
  default: async (event) => {
    const link = emailed.token(event.url);
    if (!('token' in link)) return link;
    let session: Session;
    try {
      session = await api.confirmSignUp(link.token, clientOf(event));
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
