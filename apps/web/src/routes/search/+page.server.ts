import { redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { searchHref } from '$lib/search-url.ts';
import { isOwner, ownerToken } from '../jobs/owner-access.server.ts';
import { pageOutOfRange } from './page-range.ts';
import { readSearch, stateFromForm, withoutUnknownSlugs } from './search-params.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const read = readSearch(url.searchParams);
  const [functions, industries] = await Promise.all([getFunctions(), getIndustries()]);
  // An unknown function or industry is left out and named, like an unknown language: not an error page.
  const known = withoutUnknownSlugs(read.state, {
    function: functions ? new Set(functions.map((f) => f.slug)) : null,
    industry: industries ? new Set(industries.map((i) => i.slug)) : null,
  });
  const { state } = known;
  const errors = { ...read.errors };
  const unknown = [...read.unknown, ...known.unknown];
  // A form sent without JavaScript carries every empty field (`?q=&rateMin=`); one search has one URL.
  // A search with something left out keeps its address, so the page can say what was left out.
  const canonical = searchHref(state);
  if (!Object.keys(errors).length && !unknown.length && canonical !== `${url.pathname}${url.search}`) {
    redirect(302, canonical);
  }

  const [outcome, saved] = await Promise.all([
    providersApi.search(state).then(
      (result) => ({ result, failure: null }),
      (cause: unknown) => {
        if (!(cause instanceof ApiError)) throw cause;
        return { result: null, failure: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE };
      },
    ),
    // An owner's saved providers, so each result can say "Saved"; without them the cards offer "Save".
    isOwner(locals)
      ? ownersApi.savedProviders(locals.accessToken!).then(
          (list) => list.map((p) => p.providerId),
          () => null,
        )
      : null,
  ]);
  const pastEnd = pageOutOfRange(Number(url.searchParams.get('page')), outcome.result);
  if (pastEnd) delete errors.page;

  return {
    state,
    errors,
    unknown,
    entered: read.entered,
    pastEnd,
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
