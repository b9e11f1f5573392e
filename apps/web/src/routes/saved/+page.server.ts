import { fail, redirect } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { readFields } from '$lib/server/forms.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { ownerToken } from '../jobs/owner-access.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const token = ownerToken(event);
  const [providers, openJobs] = await Promise.all([
    ownersApi.savedProviders(token).catch(raise),
    jobPostsApi.mine(token, 'open').catch(raise),
  ]);
  const params = event.url.searchParams;
  const invitedTo = openJobs.find((j) => j.id === params.get('invited'));
  return {
    providers,
    openJobs: openJobs.map(({ id, title }) => ({ id, title })),
    flash: invitedTo
      ? {
          provider: providers.find((p) => p.providerId === params.get('provider'))?.name ?? 'The provider',
          job: invitedTo.title,
          again: params.has('again'),
        }
      : null,
    removed: params.has('removed'),
  };
};

function failure(providerId: string, cause: unknown) {
  if (!(cause instanceof ApiError)) throw cause;
  return fail(cause.isClientError ? cause.status : 503, {
    providerId,
    message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
  });
}

export const actions: Actions = {
  remove: async (event) => {
    const token = ownerToken(event);
    const { providerId } = readFields(await event.request.formData(), ['providerId']);
    try {
      await ownersApi.unsaveProvider(token, providerId);
    } catch (cause) {
      return failure(providerId, cause);
    }
    redirect(303, '/saved?removed=1');
  },

  invite: async (event) => {
    const token = ownerToken(event);
    const { providerId, jobId, message } = readFields(await event.request.formData(), [
      'providerId',
      'jobId',
      'message',
    ]);
    if (!jobId) return fail(400, { providerId, message: 'Choose the job to invite them to' });
    let again: boolean;
    try {
      again = (await jobPostsApi.invite(token, jobId, providerId, message.trim())).alreadyInvited;
    } catch (cause) {
      return failure(providerId, cause);
    }
    const query = new URLSearchParams({ invited: jobId, provider: providerId });
    if (again) query.set('again', '1');
    redirect(303, `/saved?${query}`);
  },
};
