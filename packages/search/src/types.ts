export const PROVIDER_KINDS = ['freelancer', 'virtual_assistant', 'firm'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const TIMEZONE_BANDS = ['americas', 'europe_africa', 'asia_pacific'] as const;
export type TimezoneBand = (typeof TIMEZONE_BANDS)[number];

export const SEARCH_SORTS = ['relevance', 'rate_asc', 'rate_desc', 'rating'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Largest page a search returns; larger `perPage` values are clamped to it. */
export const MAX_PER_PAGE = 50;

/** One provider profile as both engines index it. Whoever owns profiles maps them to this shape. */
export interface ProviderDocument {
  /** uuid */
  id: string;
  slug: string;
  name: string;
  headline: string;
  bio: string;
  kind: ProviderKind;
  /** Function slugs from @handoff/core/taxonomy. */
  functions: string[];
  /** Display names of `functions`, searchable. */
  functionNames: string[];
  /** Industry slugs from @handoff/core/taxonomy. */
  industries: string[];
  industryNames: string[];
  /** Duties the provider covers, searchable (weighted below name and headline). */
  duties: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** IANA zone, e.g. America/Chicago. */
  timezone: string;
  timezoneBand: TimezoneBand;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Hourly rate range in `currency`, as the provider quotes it (shown on hits). */
  rateMin: number;
  rateMax: number;
  currency: string;
  /** The same range in US dollars: what rate filters and rate sorts compare, across currencies. */
  rateMinUsd: number;
  rateMaxUsd: number;
  ratingAvg: number | null;
  ratingCount: number;
  verifiedReferenceCount: number;
  /** First 16 hex digits of the logo's SHA-256 (its URL's version), or null without a logo. */
  logoVersion: string | null;
  /** Unpublished documents are never returned by a search. */
  published: boolean;
  /** ISO 8601. */
  updatedAt: string;
}

/** What a search returns per provider: the document without the long or internal fields. */
export type ProviderHit = Omit<
  ProviderDocument,
  'bio' | 'duties' | 'published' | 'rateMinUsd' | 'rateMaxUsd'
>;

/**
 * Values within one facet are OR-ed (functions: ['payroll', 'bookkeeping'] = either), different facets
 * are AND-ed. `rateMin`/`rateMax` (US dollars) match providers whose rate range, converted to US
 * dollars, overlaps [rateMin, rateMax].
 */
export interface ProviderSearchQuery {
  q?: string;
  functions?: string[];
  industries?: string[];
  kinds?: ProviderKind[];
  languages?: string[];
  timezoneBands?: TimezoneBand[];
  rateMin?: number;
  rateMax?: number;
  /** Only providers with at least one verified reference. */
  verifiedOnly?: boolean;
  /**
   * How a relevance search ranks: providers offering one of these functions first, then those serving
   * one of these industries, then the rest of the matches. Without it, what the words of `q` mean in
   * the taxonomy; with it, these (e.g. the best of several functions the words were read as, the
   * filters holding all of them).
   */
  prefer?: { functions?: string[]; industries?: string[] };
  /** Defaults to 'relevance'. */
  sort?: SearchSort;
  /** 1-based. */
  page: number;
  /** At most MAX_PER_PAGE. */
  perPage: number;
}

export interface SearchFacets {
  functions: Record<string, number>;
  industries: Record<string, number>;
  kinds: Record<string, number>;
  languages: Record<string, number>;
  timezoneBands: Record<string, number>;
  /** Matching providers with at least one verified reference. */
  verified: number;
}

export interface ProviderSearchResult {
  hits: ProviderHit[];
  /** All documents matching the query and filters, not just this page. */
  total: number;
  /**
   * False when `total` and the facet counts are estimates: Postgres counts broad searches on an even
   * sample; Meilisearch stops counting at its maxTotalHits. The hits are exact either way.
   */
  totalExact: boolean;
  page: number;
  perPage: number;
  /** Counts over every matching document (query and filters applied), not just this page; estimates when totalExact is false. */
  facets: SearchFacets;
  /**
   * Words of `q` (as typed) that no provider has at all, left out so that they did not empty the
   * result ("payroll xylophonist" searches payroll); empty when every word counted, or none matched.
   */
  ignoredWords: string[];
}

export interface SearchIndex {
  readonly engine: 'postgres' | 'meilisearch';
  /** Creates the index or applies its settings; idempotent. */
  ensureIndex(): Promise<void>;
  /** Inserts or replaces by id; resolves once the change is searchable. Unpublished documents are removed. */
  upsert(docs: ProviderDocument[]): Promise<void>;
  /** Resolves once the documents are no longer returned. Unknown ids are ignored. */
  remove(ids: string[]): Promise<void>;
  search(query: ProviderSearchQuery): Promise<ProviderSearchResult>;
  /** Removes every document of this index (or namespace). */
  clear(): Promise<void>;
}
