import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { providersApi, type ProviderSummary } from '$lib/server/providers-api.ts';
import { loginUrl } from '$lib/server/session.ts';

export const FOR_PROVIDERS = {
  message:
    'Jobs and invitations are for providers. This account hires; add the provider role in account settings to bid on jobs.',
  action: { href: '/settings#roles', label: 'Also work as a provider' },
};

/**
 * The provider pages' gate: signed in, and either a member of a provider profile or holding the
 * provider role (who gets "create your profile" instead of an error). Anyone else gets a clear 403.
 */
export async function providerAccess({
  locals,
  url,
}: Pick<RequestEvent, 'locals' | 'url'>): Promise<{ token: string; profiles: ProviderSummary[] }> {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(`${url.pathname}${url.search}`));
  const profiles = await providersApi.mine(locals.accessToken).catch(raise);
  if (profiles.length === 0 && !locals.user.roles.includes('provider')) error(403, FOR_PROVIDERS);
  return { token: locals.accessToken, profiles };
}
