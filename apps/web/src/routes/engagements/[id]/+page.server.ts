import { engagementIdParams } from '@handoff/contracts';
import { error, redirect } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  if (!engagementIdParams.safeParse({ id: params.id }).success) error(404, 'No engagement with this id');
  const engagement = await bidsApi.engagement(locals.accessToken, params.id).catch(raise);
  return { engagement, hired: url.searchParams.has('hired') };
};
