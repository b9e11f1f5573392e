import type { SearchProvidersQuery } from '@handoff/contracts';

/** The facets that take several values, as they are named in the URL (`?function=a&function=b`). */
export const LIST_PARAMS = ['function', 'industry', 'kind', 'language', 'tz'] as const;
export type ListParam = (typeof LIST_PARAMS)[number];

/** What a search page's URL says, with every part optional: the web's own view of the API's query. */
export type SearchState = Partial<Pick<SearchProvidersQuery, ListParam>> & {
  q?: string | undefined;
  rateMin?: number | undefined;
  rateMax?: number | undefined;
  verified?: boolean | undefined;
  /** Search the words as text only, without reading functions and industries into them. */
  literal?: boolean | undefined;
  sort?: SearchProvidersQuery['sort'] | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
};

/**
 * The query string for a search, in a fixed order and without defaults (sort by relevance, page 1),
 * so the same search always has the same shareable URL.
 */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q?.trim();
  if (q) params.set('q', q);
  for (const key of LIST_PARAMS) for (const value of state[key] ?? []) params.append(key, value);
  if (state.rateMin !== undefined) params.set('rateMin', String(state.rateMin));
  if (state.rateMax !== undefined) params.set('rateMax', String(state.rateMax));
  if (state.verified) params.set('verified', 'true');
  if (state.literal && q) params.set('literal', 'true');
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (state.perPage && state.perPage !== 20) params.set('perPage', String(state.perPage));
  return params;
}

export function searchHref(state: SearchState): string {
  const params = toSearchParams(state);
  return params.size ? `/search?${params}` : '/search';
}
