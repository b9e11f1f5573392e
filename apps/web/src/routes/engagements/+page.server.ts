import { redirect } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  const asParam = url.searchParams.get('as');
  const as = asParam === 'owner' || asParam === 'provider' ? asParam : undefined;
  const engagements = await bidsApi.engagements(locals.accessToken, { as }).catch(raise);
  const roles = locals.user.roles;
  return {
    engagements,
    as: as ?? null,
    // Someone who both hires and provides gets the two sides as tabs.
    bothSides: roles.includes('owner') && roles.includes('provider'),
    isOwner: roles.includes('owner'),
  };
};
