import { JOB_POST_STATUSES, type JobPostStatus } from '@handoff/contracts';
import { raise } from '$lib/server/api.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { ownerToken } from './owner-access.server.ts';
import type { PageServerLoad } from './$types';

const isStatus = (value: string | null): value is JobPostStatus =>
  (JOB_POST_STATUSES as readonly (string | null)[]).includes(value);

export const load: PageServerLoad = async (event) => {
  const token = ownerToken(event);
  // Every job in one call: the tabs count them all, the list shows the chosen status.
  const jobs = await jobPostsApi.mine(token).catch(raise);
  const status = event.url.searchParams.get('status');
  return {
    jobs,
    status: isStatus(status) ? status : null,
    deleted: event.url.searchParams.has('deleted'),
    now: Date.now(),
  };
};
