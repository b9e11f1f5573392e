import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, raise } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { moveErrors, readPicks } from '$lib/server/reference-picks.ts';
import { referencesApi } from '$lib/server/references-api.ts';
import { clientOf, loginUrl } from '$lib/server/session.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import type { Actions, PageServerLoad } from './$types';

function providerToken({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  if (!locals.user.roles.includes('provider')) {
    error(403, {
      message: 'Only provider accounts ask reference customers to vouch for them.',
      action: { href: '/settings#roles', label: 'Also work as a provider' },
    });
  }
  return locals.accessToken;
}

/** The profile this account works on: the first it is a member of, as in the profile editor. */
async function firstProfileId(token: string): Promise<string | null> {
  const [first] = await providersApi.mine(token).catch(raise);
  return first?.id ?? null;
}

const names = (list: { slug: string; name: string }[] | null) =>
  Object.fromEntries((list ?? []).map((x) => [x.slug, x.name]));

export const load: PageServerLoad = async (event) => {
  const token = providerToken(event);
  const id = await firstProfileId(token);
  if (!id) redirect(303, '/provider/profile');
  const [profile, requests, functions, industries] = await Promise.all([
    providersApi.get(token, id),
    referencesApi.forProvider(token, id),
    getFunctions(),
    getIndustries(),
  ]).catch(raise);
  // The verified summary is what the public profile shows, so a draft has none to show yet.
  const published =
    profile.status === 'published'
      ? await referencesApi.published(profile.slug).catch((cause: unknown) => {
          if (cause instanceof ApiError && cause.status === 404) return null;
          return raise(cause);
        })
      : null;
  const asked = Number(event.url.searchParams.get('asked'));
  return {
    profile: { id: profile.id, name: profile.name, slug: profile.slug, status: profile.status },
    contacts: profile.references,
    profileFunctions: profile.functions.map(({ slug, name }) => ({ slug, name })),
    requests,
    summary: published?.summary ?? null,
    functionNames: names(functions),
    industryNames: names(industries),
    asked: Number.isInteger(asked) && asked >= 0 && event.url.searchParams.has('asked') ? asked : null,
  };
};

export const actions: Actions = {
  ask: async (event) => {
    const token = providerToken(event);
    const id = await firstProfileId(token);
    if (!id) redirect(303, '/provider/profile');
    const picks = readPicks(await event.request.formData());
    if (!picks.ok) return fail(400, { values: picks.values, errors: picks.errors, message: picks.message });
    let created: number;
    try {
      created = await referencesApi.requestForProfile(token, id, picks.body, clientOf(event));
    } catch (cause) {
      const { status, data } = apiFailure(cause, picks.values);
      return fail(status, { values: picks.values, errors: moveErrors(data.errors), message: data.message });
    }
    redirect(303, `/provider/references?asked=${created}`);
  },
};
