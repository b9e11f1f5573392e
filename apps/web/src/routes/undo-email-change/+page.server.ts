import { emailChangeTokenBody } from '@handoff/contracts';
import { accountApi } from '$lib/server/account-api.ts';
import { api, ApiError } from '$lib/server/api.ts';
import { emailedLink } from '$lib/server/emailed-link.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clearSession, clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const emailed = emailedLink(emailChangeTokenBody);

export const load: PageServerLoad = ({ url }) => emailed.shown(url);

export const actions: Actions = {
  default: async (event) => {
    const link = emailed.token(event.url);
    if (!('token' in link)) return link;
    let email: string;
    try {
      ({ email } = await accountApi.undoEmailChange(link.token, clientOf(event)));
    } catch (error) {
      return apiFailure(error, {});
    }
    // Every session of that account ended: if this browser held one, it is signed out now, and the
    // page it is about to render must not show it signed in.
    const { locals, cookies } = event;
    if (locals.accessToken) {
      const ended = await api.me(locals.accessToken).then(
        () => false,
        (error: unknown) => error instanceof ApiError && error.status === 401,
      );
      if (ended) {
        clearSession(cookies);
        locals.user = null;
        locals.accessToken = null;
      }
    }
    return { undone: true, email };
  },
};
