import { bidStatus } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  // An unknown status in the URL is just the whole list.
  const parsed = bidStatus.safeParse(url.searchParams.get('status'));
  const status = parsed.success ? parsed.data : undefined;
  const beforeParam = url.searchParams.get('before');
  const before = beforeParam && !Number.isNaN(Date.parse(beforeParam)) ? beforeParam : undefined;
  const list = await bidsApi.mine(locals.accessToken, { status, before, limit: 25 }).catch(raise);
  return {
    ...list,
    status: status ?? null,
    paged: before !== undefined,
    isProvider: locals.user.roles.includes('provider'),
    now: Date.now(),
  };
};
