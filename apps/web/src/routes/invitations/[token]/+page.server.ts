import type { InvitationPreview } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { api, ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { membersApi } from '$lib/server/provider-members-api.ts';
import { clearSession, loginUrl, REFRESH_COOKIE } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/** An API refusal becomes the page's message; an outage is said as one, never as a broken link. */
function messageOf(cause: unknown): { status: number; message: string } {
  if (!(cause instanceof ApiError)) throw cause;
  return cause.isClientError
    ? { status: cause.status, message: cause.message }
    : { status: 503, message: UNAVAILABLE_MESSAGE };
}

/*
 * Opening the link only shows the invitation; accepting is a POST. Mail scanners fetch every URL in
 * an e-mail, and a GET that accepted would let one join (or burn the link) on the person's behalf.
 */
export const load: PageServerLoad = async ({ params, locals, url }) => {
  let preview: InvitationPreview | null = null;
  let problem: string | null = null;
  try {
    preview = await membersApi.preview(params.token, locals.accessToken);
  } catch (cause) {
    problem = messageOf(cause).message;
  }
  return {
    preview,
    problem,
    here: url.pathname,
    user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
  };
};

export const actions: Actions = {
  accept: async ({ params, locals, url }) => {
    if (!locals.accessToken) redirect(303, loginUrl(url.pathname));
    try {
      await membersApi.accept(params.token, locals.accessToken);
    } catch (cause) {
      const { status, message } = messageOf(cause);
      return fail(status, { message });
    }
    redirect(303, '/provider/profile?joined=1');
  },

  /** Signed in with another address: log out here and come back to this link after logging in. */
  switch: async ({ cookies, url }) => {
    const refreshToken = cookies.get(REFRESH_COOKIE);
    if (refreshToken) {
      await api.logOut(refreshToken).catch((error: unknown) => console.error('[invitation switch]', error));
    }
    clearSession(cookies);
    redirect(303, loginUrl(url.pathname));
  },
};
