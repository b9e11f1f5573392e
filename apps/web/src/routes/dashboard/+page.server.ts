import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url.pathname));
  return { me: locals.user };
};
