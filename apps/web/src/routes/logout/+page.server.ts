import { redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.ts';
import { clearSession, REFRESH_COOKIE } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST only; a stray GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ cookies }) => {
    const refreshToken = cookies.get(REFRESH_COOKIE);
    if (refreshToken) {
      // Even if the API cannot revoke the session right now, this browser is signed out.
      await api.logOut(refreshToken).catch((error: unknown) => console.error('[logout]', error));
    }
    clearSession(cookies);
    redirect(303, '/');
  },
};
