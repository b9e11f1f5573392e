import { redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { searchHref } from '$lib/search-url.ts';
import { isOwner, ownerToken } from '../jobs/owner-access.server.ts';
import { readSearch, stateFromForm } from './search-params.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { state, errors } = readSearch(url.searchParams);
  // A form sent without JavaScript carries every empty field (`?q=&rateMin=`); one search has one URL.
  const canonical = searchHref(state);
  if (Object.keys(errors).length === 0 && canonical !== `${url.pathname}${url.search}`) {
    redirect(302, canonical);
  }

  const [outcome, functions, industries, saved] = await Promise.all([
    providersApi.search(state).then(
      (result) => ({ result, failure: null }),
      (cause: unknown) => {
        if (!(cause instanceof ApiError)) throw cause;
        return { result: null, failure: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE };
      },
    ),
    getFunctions(),
    getIndustries(),
    // An owner's saved providers, so each result can say "Saved"; without them the cards offer "Save".
    isOwner(locals)
      ? ownersApi.savedProviders(locals.accessToken!).then(
          (list) => list.map((p) => p.providerId),
          () => null,
        )
      : null,
  ]);

  return {
    state,
    errors,
    ...outcome,
    // Labels only: the facet counts come with the results.
    functions: (functions ?? []).map(({ slug, name }) => ({ slug, name })),
    industries: (industries ?? []).map(({ slug, name }) => ({ slug, name })),
    /** Null unless the visitor is an owner (who gets "Save" and "Invite" on each card). */
    saved,
  };
};

/**
 * Back to the results the owner was looking at. The cards' buttons post the whole search form, so the
 * search is in the body; the page number only in the address the form was posted from.
 */
function backToResults({ request, url }: RequestEvent, data: FormData): string {
  const referer = request.headers.get('referer');
  if (referer) {
    const from = new URL(referer);
    if (from.origin === url.origin && from.pathname === '/search') return `${from.pathname}${from.search}`;
  }
  return searchHref(stateFromForm(data));
}

async function shortlist(event: RequestEvent, save: boolean) {
  const token = ownerToken(event);
  const data = await event.request.formData();
  const providerId = String(data.get('providerId') ?? '');
  try {
    if (save) await ownersApi.saveProvider(token, providerId);
    else await ownersApi.unsaveProvider(token, providerId);
  } catch (cause) {
    // A provider who unpublished meanwhile: the card disappears with the next search anyway.
    if (!(cause instanceof ApiError)) throw cause;
  }
  redirect(303, backToResults(event, data));
}

export const actions: Actions = {
  save: (event) => shortlist(event, true),
  unsave: (event) => shortlist(event, false),
};
