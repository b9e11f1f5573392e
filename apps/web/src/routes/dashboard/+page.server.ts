import { redirect } from '@sveltejs/kit';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { resendVerification } from '$lib/server/resend-verification.ts';
import { loginUrl } from '$lib/server/session.ts';
import { loadProviderWork } from './provider-work.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url.pathname));
  const token = locals.accessToken;
  const isOwner = Boolean(token) && locals.user.roles.includes('owner');
  const isProvider = Boolean(token) && locals.user.roles.includes('provider');
  // Each panel part is read on its own: one that fails leaves the rest of the dashboard standing.
  const [providerProfile, providerWork, ownerJobs, ownerHour] = await Promise.all([
    // The provider panel shows the profile's state; if it can't be read, the panel still links to the editor.
    isProvider
      ? providersApi.mine(token!).then(
          (list) => list[0] ?? null,
          () => undefined,
        )
      : undefined,
    isProvider ? loadProviderWork(token!) : undefined,
    isOwner ? jobPostsApi.mine(token!).catch(() => null) : null,
    isOwner
      ? ownersApi.profile(token!).then(
          (p) => (p ? { hourValue: p.hourValue, currency: p.currency } : null),
          () => null,
        )
      : null,
  ]);
  return {
    me: locals.user,
    providerProfile,
    providerWork,
    ownerJobs,
    ownerHour,
    // Set by the redirects after confirming the address or asking for a new link.
    justVerified: url.searchParams.has('verified'),
    resent: url.searchParams.has('resent'),
  };
};

export const actions: Actions = {
  resend: resendVerification,
};
