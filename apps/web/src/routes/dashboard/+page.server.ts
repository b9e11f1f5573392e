import { redirect } from '@sveltejs/kit';
import { providersApi } from '$lib/server/providers-api.ts';
import { resendVerification } from '$lib/server/resend-verification.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url.pathname));
  const token = locals.accessToken;
  // The provider panel shows the profile's state; if it can't be read, the panel still links to the editor.
  const providerProfile =
    token && locals.user.roles.includes('provider')
      ? await providersApi.mine(token).then(
          (list) => list[0] ?? null,
          () => undefined,
        )
      : undefined;
  return {
    me: locals.user,
    providerProfile,
    // Set by the redirects after confirming the address or asking for a new link.
    justVerified: url.searchParams.has('verified'),
    resent: url.searchParams.has('resent'),
  };
};

export const actions: Actions = {
  resend: resendVerification,
};
