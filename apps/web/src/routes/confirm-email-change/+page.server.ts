import { emailChangeTokenBody } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { accountApi } from '$lib/server/account-api.ts';
import { emailedLink } from '$lib/server/emailed-link.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const emailed = emailedLink(emailChangeTokenBody);

export const load: PageServerLoad = ({ url, locals }) => ({
  ...emailed.shown(url),
  signedIn: locals.user !== null,
});

export const actions: Actions = {
  default: async (event) => {
    const link = emailed.token(event.url);
    if (!('token' in link)) return link;
    let email: string;
    let userId: string;
    try {
      const { user } = await accountApi.confirmEmailChange(link.token, clientOf(event));
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
