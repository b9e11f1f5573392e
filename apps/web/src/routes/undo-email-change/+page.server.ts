import { emailChangeTokenBody, fieldErrors } from '@handoff/contracts';
import { fail } from '@sveltejs/kit';
import { accountApi } from '$lib/server/account-api.ts';
import { api, ApiError } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { clearSession, clientOf } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (token: string | null) => emailChangeTokenBody.safeParse({ token: token ?? undefined });

// Like every e-mailed link: the GET only shows a button, the POST acts.
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
    let email: string;
    try {
      ({ email } = await accountApi.undoEmailChange(parsed.data.token, clientOf(event)));
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
