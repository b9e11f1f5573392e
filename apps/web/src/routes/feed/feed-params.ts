import { feedQuery, fieldErrors, type FeedQuery } from '@handoff/contracts';

/** The feed's filters as they are named in its URL (the api's own query names). */
export const FEED_KEYS = [
  'providerId',
  'q',
  'function',
  'industry',
  'budgetMin',
  'budgetMax',
  'basis',
  'engagementType',
  'postedSince',
  'sort',
  'page',
] as const;
export type FeedKey = (typeof FEED_KEYS)[number];
export type FeedValues = Partial<Record<FeedKey, string>>;

/** The keys that narrow the list (not the profile, the order or the page). */
const FILTER_KEYS: readonly FeedKey[] = [
  'q',
  'function',
  'industry',
  'budgetMin',
  'budgetMax',
  'basis',
  'engagementType',
  'postedSince',
];

/**
 * Reads the feed's URL with the api's schema. A bad value (`budgetMin=abc`) is dropped with the
 * schema's message for its field, and the rest of the filters still apply.
 */
export function readFeed(params: URLSearchParams): {
  query: FeedQuery;
  values: FeedValues;
  errors: Record<string, string>;
} {
  const raw: Record<string, string> = {};
  for (const key of FEED_KEYS) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const values: FeedValues = { ...raw };
  const errors: Record<string, string> = {};
  for (let attempt = 0; attempt < FEED_KEYS.length; attempt += 1) {
    const parsed = feedQuery.safeParse(raw);
    if (parsed.success) return { query: parsed.data, values, errors };
    for (const [path, message] of Object.entries(fieldErrors(parsed.error.issues))) {
      const key = path.split('.')[0]!;
      errors[key] ??= message;
      delete raw[key];
    }
  }
  return { query: feedQuery.parse({}), values, errors };
}

/** The feed's URL for these values, without empty fields or defaults (newest first, page 1). */
export function feedHref(values: FeedValues, changes: FeedValues = {}): string {
  const merged: FeedValues = { ...values, ...changes };
  const params = new URLSearchParams();
  for (const key of FEED_KEYS) {
    const value = merged[key];
    if (!value) continue;
    if ((key === 'sort' && value === 'newest') || (key === 'page' && value === '1')) continue;
    params.set(key, value);
  }
  const text = params.toString();
  return text ? `/feed?${text}` : '/feed';
}

export const hasFilters = (values: FeedValues): boolean => FILTER_KEYS.some((key) => !!values[key]);

/** Only the profile and the order kept: "Clear filters". */
export const clearedHref = (values: FeedValues): string =>
  feedHref({ providerId: values.providerId, sort: values.sort });
