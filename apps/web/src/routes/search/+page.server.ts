import { redirect } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { searchHref } from '$lib/search-url.ts';
import { readSearch } from './search-params.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { state, errors } = readSearch(url.searchParams);
  // A form sent without JavaScript carries every empty field (`?q=&rateMin=`); one search has one URL.
  const canonical = searchHref(state);
  if (Object.keys(errors).length === 0 && canonical !== `${url.pathname}${url.search}`) {
    redirect(302, canonical);
  }

  const [outcome, functions, industries] = await Promise.all([
    providersApi.search(state).then(
      (result) => ({ result, failure: null }),
      (cause: unknown) => {
        if (!(cause instanceof ApiError)) throw cause;
        return { result: null, failure: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE };
      },
    ),
    getFunctions(),
    getIndustries(),
  ]);

  return {
    state,
    errors,
    ...outcome,
    // Labels only: the facet counts come with the results.
    functions: (functions ?? []).map(({ slug, name }) => ({ slug, name })),
    industries: (industries ?? []).map(({ slug, name }) => ({ slug, name })),
  };
};
