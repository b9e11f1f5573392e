import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { jobPostsApi, type Feed } from '$lib/server/job-posts-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { readFeed } from './feed-params.ts';
import { providerAccess } from './provider-access.ts';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;

export const load: PageServerLoad = async (event) => {
  const { token, profiles } = await providerAccess(event);
  const { query, values, errors } = readFeed(event.url.searchParams);
  const [functions, industries] = await Promise.all([getFunctions(), getIndustries()]);
  // An unknown function or industry (an old link, a typo) is named beside its field and left out;
  // the other filters still apply, as on the search page.
  for (const [key, list] of [
    ['function', functions],
    ['industry', industries],
  ] as const) {
    const value = query[key];
    if (value && list && !list.some((item) => item.slug === value)) {
      errors[key] ??= `“${value}” is not a ${key} we know, so it was left out`;
      delete query[key];
    }
  }
  const base = {
    profiles,
    values,
    errors,
    functions: (functions ?? []).map(({ slug, name }) => ({ slug, name })),
    industries: (industries ?? []).map(({ slug, name }) => ({ slug, name })),
    now: Date.now(),
  };
  if (profiles.length === 0) return { ...base, feed: null, failure: null, waiting: 0 };

  const [outcome, invitations] = await Promise.all([
    jobPostsApi.feed(token, { ...query, perPage: PER_PAGE }).then(
      (feed): { feed: Feed | null; failure: string | null } => ({ feed, failure: null }),
      (cause: unknown) => {
        if (!(cause instanceof ApiError)) throw cause;
        // The api's own words (an unknown industry, a profile that is not yours), beside the fields.
        if (cause.isClientError) Object.assign(errors, cause.fields);
        return { feed: null, failure: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE };
      },
    ),
    // The tab's count is a nicety: without it the tab simply has no number.
    jobPostsApi.received(token).catch(() => null),
  ]);
  const waiting = (invitations ?? []).filter((i) => i.status === 'open' && i.bidStatus === null).length;
  return { ...base, ...outcome, waiting };
};
