import { SEARCH_MAX_PAGE, type SearchProvidersResponse } from '@handoff/contracts';

/** How many pages a search's results fill (the API serves at most SEARCH_MAX_PAGE). */
export const lastPageOf = (result: Pick<SearchProvidersResponse, 'total' | 'perPage'>): number =>
  Math.min(Math.ceil(result.total / result.perPage), SEARCH_MAX_PAGE);

/**
 * A page asked for past the last one (`?page=17` of 16, or `?page=1000`, which the API refuses):
 * the page says so and links to the last page, rather than "301 providers" beside "No providers match"
 * or page 1 passed off as page 1000. Null when the page is in range or there are no results at all.
 */
export function pageOutOfRange(
  asked: number,
  result: Pick<SearchProvidersResponse, 'total' | 'perPage'> | null,
): { asked: number; lastPage: number } | null {
  if (!result || result.total === 0 || !Number.isInteger(asked) || asked <= 1) return null;
  const lastPage = lastPageOf(result);
  return asked > lastPage ? { asked, lastPage } : null;
}
