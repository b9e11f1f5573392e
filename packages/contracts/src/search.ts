import { z } from 'zod';
import { queryParams } from './query.ts';
import { isLanguageCode } from './iso-codes.ts';
import { providerKind, type PROVIDER_KINDS } from './providers.ts';

// GET /search/providers. Multi-select facets are repeated parameters (?function=payroll&function=
// bookkeeping); values within one facet are OR-ed, facets AND-ed. Facets come back as slugs and
// codes with counts: the web takes labels from /taxonomy and from the constants below.

export const TIMEZONE_BANDS = ['americas', 'europe_africa', 'asia_pacific'] as const;
export const TIMEZONE_BAND_LABELS: Record<(typeof TIMEZONE_BANDS)[number], string> = {
  americas: 'Americas (UTC−10 to UTC−2)',
  europe_africa: 'Europe & Africa (UTC−1 to UTC+4)',
  asia_pacific: 'Asia & Pacific (UTC+5 to UTC+14)',
};
export const PROVIDER_KIND_LABELS: Record<(typeof PROVIDER_KINDS)[number], string> = {
  freelancer: 'Freelancer',
  virtual_assistant: 'Virtual assistant',
  firm: 'Firm',
};
export const SEARCH_SORTS = ['relevance', 'rate_asc', 'rate_desc', 'rating'] as const;
export const SEARCH_MAX_PER_PAGE = 50;
export const SEARCH_MAX_PAGE = 500;
const MAX_VALUES = 20;

/** One value or a repeated parameter, as a list (a bad value's field is e.g. `function.1`). */
const many = <T extends z.ZodType>(item: T, what: string) =>
  z
    .preprocess(
      (v) => (v === undefined || Array.isArray(v) ? v : [v]),
      z.array(item).max(MAX_VALUES, { error: `Choose at most ${MAX_VALUES} ${what}` }),
    )
    .optional();

const slug = (what: string) =>
  z
    .string()
    .max(60, { error: `Unknown ${what}` })
    .regex(/^[a-z0-9-]+$/, { error: `Unknown ${what}` });

const rate = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, { error: `${label} cannot be negative` })
    .max(100_000, { error: `${label} is at most 100,000` })
    .optional();

export const searchProvidersQuery = queryParams({
  q: z.string().max(200, { error: 'Search for at most 200 characters' }).optional(),
  function: many(slug('function'), 'functions'),
  industry: many(slug('industry'), 'industries'),
  kind: many(providerKind, 'kinds'),
  language: many(
    z.string().refine(isLanguageCode, { error: 'Use two-letter language codes, like en' }),
    'languages',
  ),
  tz: many(z.enum(TIMEZONE_BANDS, { error: `Choose ${TIMEZONE_BANDS.join(', ')}` }), 'time-zone bands'),
  rateMin: rate('The lowest rate'),
  rateMax: rate('The highest rate'),
  verified: z.stringbool({ error: 'verified must be true or false' }).optional(),
  /** Search the words as text only, without reading functions and industries into them. */
  literal: z.stringbool({ error: 'literal must be true or false' }).optional(),
  sort: z.enum(SEARCH_SORTS, { error: `Sort by ${SEARCH_SORTS.join(', ')}` }).default('relevance'),
  page: z.coerce
    .number({ error: 'page must be a number' })
    .int({ error: 'page must be a whole number' })
    .min(1, { error: 'page starts at 1' })
    .max(SEARCH_MAX_PAGE, { error: `page is at most ${SEARCH_MAX_PAGE}` })
    .default(1),
  perPage: z.coerce
    .number({ error: 'perPage must be a number' })
    .int({ error: 'perPage must be a whole number' })
    .min(1, { error: 'perPage is at least 1' })
    .max(SEARCH_MAX_PER_PAGE, { error: `perPage is at most ${SEARCH_MAX_PER_PAGE}` })
    .default(20),
}).refine((q) => q.rateMin === undefined || q.rateMax === undefined || q.rateMin <= q.rateMax, {
  error: 'The highest rate cannot be below the lowest rate',
  path: ['rateMax'],
});
export type SearchProvidersQuery = z.output<typeof searchProvidersQuery>;

export const providerHit = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  headline: z.string(),
  kind: providerKind,
  functions: z.array(z.string()),
  functionNames: z.array(z.string()),
  industries: z.array(z.string()),
  industryNames: z.array(z.string()),
  languages: z.array(z.string()),
  timezone: z.string(),
  timezoneBand: z.enum(TIMEZONE_BANDS),
  country: z.string(),
  rateMin: z.number(),
  rateMax: z.number(),
  currency: z.string(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  verifiedReferenceCount: z.number().int(),
  /** The api's versioned logo path, or null without a logo. */
  logoUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProviderHit = z.infer<typeof providerHit>;

const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));

const named = z.object({ slug: z.string(), name: z.string() });

/** How the words in q were read: shown as removable chips ("Showing payroll for restaurants"). */
export const searchUnderstood = z.object({
  /** Applied as function filters. */
  functions: z.array(named),
  /** Applied as industry filters. */
  industries: z.array(named),
  /** The words still searched as text, or null when the chips explain them all. */
  text: z.string().nullable(),
  /** Words left out because with them nothing matched. */
  droppedWords: z.array(z.string()),
  /** Typed word → the word it was read as. */
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type SearchUnderstood = z.infer<typeof searchUnderstood>;

export const searchProvidersResponse = z.object({
  /** Set when q was turned into function / industry filters (absent with literal=true). */
  understood: searchUnderstood.nullable(),
  /** q had no usable words (only symbols, stop words or filler): the search ran without text. */
  queryIgnored: z.boolean(),
  /**
   * Words of the text searched that no provider has at all: left out instead of emptying the result
   * ("nightly cleaning crew": no profile says "crew"). With `understood`, also in its droppedWords.
   */
  ignoredWords: z.array(z.string()),
  /**
   * Filled when the words matched nothing: functions and industries they are near, each with providers
   * within the other filters (kind, language, rate…); or, when nothing is near, the most common ones
   * there (`popular`). Empty lists otherwise.
   */
  suggestions: z.object({ functions: z.array(named), industries: z.array(named), popular: z.boolean() }),
  hits: z.array(providerHit),
  /** Every matching provider, not just this page (Meilisearch stops counting at 1,000). */
  total: z.number().int(),
  /** False when total and the facet counts are estimates (a broad search, counted on a sample). */
  totalExact: z.boolean(),
  page: z.number().int(),
  perPage: z.number().int(),
  /** Largest count first; counts are over every match, not just this page. */
  facets: z.object({
    functions: facetCounts,
    industries: facetCounts,
    kinds: facetCounts,
    languages: facetCounts,
    timezoneBands: facetCounts,
    /** Matching providers with at least one verified reference. */
    verified: z.number().int(),
  }),
});
export type SearchProvidersResponse = z.infer<typeof searchProvidersResponse>;

// GET /search/suggest: the search box's autocomplete, in memory over the taxonomy.

export const SUGGEST_MAX_LIMIT = 10;

export const searchSuggestQuery = queryParams({
  q: z.string({ error: 'Send q once' }).max(200, { error: 'Search for at most 200 characters' }).default(''),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit is at least 1' })
    .max(SUGGEST_MAX_LIMIT, { error: `limit is at most ${SUGGEST_MAX_LIMIT}` })
    .default(8),
});
export type SearchSuggestQuery = z.output<typeof searchSuggestQuery>;

export const searchSuggestion = z.object({
  kind: z.enum(['function', 'industry', 'pair']),
  /** Shown in the list and put in the search box: searched, it is read as exactly these filters. */
  q: z.string(),
  function: named.nullable(),
  industry: named.nullable(),
  /** The owner word it was found by, when not the name ('bookkeeper', 'chase invoice'). */
  hint: z.string().nullable(),
});
export type SearchSuggestion = z.infer<typeof searchSuggestion>;

export const searchSuggestResponse = z.object({ suggestions: z.array(searchSuggestion) });
export type SearchSuggestResponse = z.infer<typeof searchSuggestResponse>;
