import { raise } from '$lib/server/api.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { providerAccess } from '../provider-access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { token, profiles } = await providerAccess(event);
  const invitations = profiles.length ? await jobPostsApi.received(token).catch(raise) : [];
  return { profiles, invitations, now: Date.now() };
};
