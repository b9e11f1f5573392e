import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { ownerToken } from '../owner-access.server.ts';
import type { Actions, PageServerLoad } from './$types';

const GONE =
  'There is no open job at this address. It may have been filled or closed, or only invited providers can see it.';

const notFound = (cause: unknown) =>
  cause instanceof ApiError && (cause.status === 404 || cause.status === 400);

const FLASHES = ['published', 'closed'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const token = locals.accessToken;
  if (token && locals.user) {
    try {
      const job = await jobPostsApi.get(token, params.id);
      if (job.viewer === 'owner') {
        // The list of invitations is a side panel: the page stands without it.
        const invitations = await jobPostsApi.invitations(token, params.id).catch(() => null);
        const flash = FLASHES.find((key) => url.searchParams.has(key)) ?? null;
        return { view: 'owner' as const, job, invitations, flash, now: Date.now() };
      }
      return { view: 'provider' as const, job };
    } catch (cause) {
      // Not the owner and not a provider who may see it: it may still be an open public job.
      if (!notFound(cause)) raise(cause);
    }
  }
  try {
    const job = await jobPostsApi.getPublic(params.id);
    return { view: 'public' as const, job };
  } catch (cause) {
    if (notFound(cause)) error(404, GONE);
    raise(cause);
  }
};

function actionFailure(cause: unknown) {
  if (!(cause instanceof ApiError)) throw cause;
  return fail(cause.isClientError ? cause.status : 503, {
    message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
    missing: Object.values(cause.fields),
  });
}

export const actions: Actions = {
  publish: async (event) => {
    const token = ownerToken(event);
    try {
      await jobPostsApi.publish(token, event.params.id);
    } catch (cause) {
      return actionFailure(cause);
    }
    redirect(303, `/jobs/${event.params.id}?published=1`);
  },

  close: async (event) => {
    const token = ownerToken(event);
    try {
      await jobPostsApi.close(token, event.params.id);
    } catch (cause) {
      return actionFailure(cause);
    }
    redirect(303, `/jobs/${event.params.id}?closed=1`);
  },
};
