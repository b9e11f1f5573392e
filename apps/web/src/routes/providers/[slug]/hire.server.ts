import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { readFields } from '$lib/server/forms.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { ownerToken } from '../../jobs/owner-access.server.ts';
import type { HireState } from './hire-state.ts';

// What a signed-in owner can do on a provider's page: invite them to an open job, save them.

export async function hireState(token: string, providerId: string, url: URL): Promise<HireState> {
  const [openJobs, saved] = await Promise.all([
    jobPostsApi.mine(token, 'open').catch(() => null),
    ownersApi.savedProviders(token).catch(() => null),
  ]);
  const invitedTo = openJobs?.find((j) => j.id === url.searchParams.get('invited'));
  const flash = url.searchParams.get('shortlist');
  return {
    openJobs: openJobs?.map(({ id, title }) => ({ id, title })) ?? null,
    saved: saved ? saved.some((p) => p.providerId === providerId) : null,
    invited: invitedTo ? { job: invitedTo.title, again: url.searchParams.has('again') } : null,
    savedFlash: flash === 'saved' || flash === 'unsaved' ? flash : null,
  };
}

const back = (slug: string, query: Record<string, string>) =>
  `/providers/${encodeURIComponent(slug)}?${new URLSearchParams(query)}#hire`;

function failure(cause: unknown) {
  if (!(cause instanceof ApiError)) throw cause;
  return fail(cause.isClientError ? cause.status : 503, {
    hire: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
  });
}

export const hireActions = {
  invite: async (event: RequestEvent<{ slug: string }>) => {
    const token = ownerToken(event);
    const { providerId, jobId, message } = readFields(await event.request.formData(), [
      'providerId',
      'jobId',
      'message',
    ]);
    if (!jobId) return fail(400, { hire: 'Choose the job to invite them to' });
    let again: boolean;
    try {
      again = (await jobPostsApi.invite(token, jobId, providerId, message.trim())).alreadyInvited;
    } catch (cause) {
      return failure(cause);
    }
    redirect(303, back(event.params.slug, again ? { invited: jobId, again: '1' } : { invited: jobId }));
  },

  save: async (event: RequestEvent<{ slug: string }>) => {
    const token = ownerToken(event);
    const { providerId } = readFields(await event.request.formData(), ['providerId']);
    try {
      await ownersApi.saveProvider(token, providerId);
    } catch (cause) {
      return failure(cause);
    }
    redirect(303, back(event.params.slug, { shortlist: 'saved' }));
  },

  unsave: async (event: RequestEvent<{ slug: string }>) => {
    const token = ownerToken(event);
    const { providerId } = readFields(await event.request.formData(), ['providerId']);
    try {
      await ownersApi.unsaveProvider(token, providerId);
    } catch (cause) {
      return failure(cause);
    }
    redirect(303, back(event.params.slug, { shortlist: 'unsaved' }));
  },
};
