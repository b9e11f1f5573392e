import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/server/session.ts';

// The owner's tools (worksheet, jobs, saved providers). The API scopes every call to the caller;
// asking for the owner role first gives a provider a clear page instead of an empty one.

export const OWNERS_ONLY = {
  message:
    'This page is for business owners. Add the owner role in account settings to describe jobs and hire providers; your provider profile stays as it is.',
  action: { href: '/settings#roles', label: 'Also hire providers' },
};

/** Where to come back to after logging in: the page itself, never an action's `?/name` address. */
function here(url: URL): string {
  return url.search.startsWith('?/') ? url.pathname : `${url.pathname}${url.search}`;
}

/** The signed-in owner's token; signed out → the login page, another role → a 403 page. */
export function ownerToken({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(here(url)));
  if (!locals.user.roles.includes('owner')) error(403, OWNERS_ONLY);
  return locals.accessToken;
}

export const isOwner = (locals: App.Locals): boolean =>
  locals.user !== null && locals.accessToken !== null && locals.user.roles.includes('owner');
