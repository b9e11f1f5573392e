import { Meilisearch, type EnqueuedTaskPromise, type SearchParams, type Settings } from 'meilisearch';
import { dedupeById, HIT_FIELDS, toHit } from './hit.ts';
import { buildMeiliFilter, buildMeiliSort, preferenceTiers } from './meili-filter.ts';
import { emptyResult, expandTerms, normalizeQuery, usableGroups, type NormalizedQuery } from './query.ts';
import { meiliSynonyms, STOP_WORDS } from './synonyms.ts';
import type { ProviderDocument, ProviderHit, SearchFacets, SearchIndex } from './types.ts';

export interface MeiliSearchOptions {
  host: string;
  apiKey?: string | undefined;
  indexUid: string;
  /** How long upsert/remove/ensureIndex wait for their task; default 30 s. */
  taskTimeoutMs?: number;
}

/** Upper bound of `total` and of reachable results (Meilisearch's pagination.maxTotalHits). */
export const MEILI_MAX_TOTAL_HITS = 1000;

/** What is stored per provider: the document plus two fields derived for filtering and sorting. */
type MeiliProvider = ProviderDocument & {
  /** verifiedReferenceCount >= 1: a boolean facet gives the `verified` count directly. */
  verified: boolean;
  /** ratingAvg, with -1 for "no rating", so unrated providers sort last like NULLS LAST in Postgres. */
  ratingSort: number;
};

const FACETS = ['functions', 'industries', 'kind', 'languages', 'timezoneBand', 'verified'];

export const MEILI_SETTINGS: Settings = {
  // Order is importance for the `attribute` ranking rule, mirroring the Postgres weights A–D.
  searchableAttributes: ['name', 'functionNames', 'industryNames', 'headline', 'duties', 'bio'],
  filterableAttributes: [
    'functions',
    'industries',
    'kind',
    'languages',
    'timezoneBand',
    'rateMinUsd',
    'rateMaxUsd',
    'verified',
    'published',
  ],
  sortableAttributes: [
    'rateMinUsd',
    'rateMaxUsd',
    'ratingSort',
    'ratingCount',
    'verifiedReferenceCount',
    'id',
  ],
  // `sort` first: an explicit sort (rate, rating) is strict, as in Postgres; without one it is inert.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  synonyms: meiliSynonyms(),
  stopWords: [...STOP_WORDS],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: MEILI_MAX_TOTAL_HITS },
};

export function createMeiliSearch(options: MeiliSearchOptions) {
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
  const uid = options.indexUid;
  const index = client.index<MeiliProvider>(uid);
  const timeout = options.taskTimeoutMs ?? 30_000;

  /** Resolves when the task has been processed, so the change is searchable; throws if it failed. */
  async function settle(task: EnqueuedTaskPromise, tolerated: string[] = []): Promise<void> {
    const done = await task.waitTask({ timeout, interval: 50 });
    if (done.status === 'succeeded') return;
    if (done.status === 'failed' && done.error && tolerated.includes(done.error.code)) return;
    throw new Error(
      `Meilisearch task ${done.uid} (${done.type}) on ${uid} ${done.status}: ${done.error?.message ?? 'no detail'}`,
    );
  }

  /**
   * The query's words without those that match no provider at all (as the Postgres adapter does): one
   * multi-search with a count per word group, Meilisearch applying its own synonyms and typos.
   */
  async function usableText(q: NormalizedQuery): Promise<{ text: string; ignored: string[] }> {
    const groups = expandTerms(q.words).map((g) => g.typed.join(' '));
    if (groups.length <= 1) return { text: q.text, ignored: [] };
    const { results } = await client.multiSearch({
      queries: groups.map((g) => ({ indexUid: uid, q: g, filter: 'published = true', limit: 0 })),
    });
    const { kept, ignored } = usableGroups(groups, (i) => (results[i]?.estimatedTotalHits ?? 0) > 0);
    return { text: kept.join(' '), ignored };
  }

  /** A relevance search in preference tiers (see preferenceTiers): counts from one query, hits per tier. */
  async function tiered(q: NormalizedQuery, text: string, tiers: string[]) {
    const base = buildMeiliFilter(q);
    const want = Math.min(q.offset + q.perPage, MEILI_MAX_TOTAL_HITS);
    // Without text, each tier in the prior's order (with text, Meilisearch's relevance).
    const sort = buildMeiliSort(q.sort, text.length > 0);
    const common = { indexUid: uid, q: text, matchingStrategy: 'all' as const, ...(sort ? { sort } : {}) };
    const { results } = await client.multiSearch({
      queries: [
        { ...common, filter: base, facets: FACETS, page: 1, hitsPerPage: 0 },
        ...tiers.map((t) => ({
          ...common,
          filter: `${base} AND ${t}`,
          page: 1,
          hitsPerPage: want,
          attributesToRetrieve: [...HIT_FIELDS],
        })),
      ],
    });
    const [counts, ...perTier] = results;
    const total = counts?.totalHits ?? 0;
    return {
      hits: perTier
        .flatMap((r) => r.hits)
        .slice(q.offset, q.offset + q.perPage)
        .map((hit) => toHit(hit as unknown as ProviderHit)),
      total,
      totalExact: total < MEILI_MAX_TOTAL_HITS,
      page: q.page,
      perPage: q.perPage,
      facets: toFacets(counts?.facetDistribution),
    };
  }

  const search: SearchIndex & { deleteIndex(): Promise<void> } = {
    engine: 'meilisearch',

    async ensureIndex() {
      await settle(client.createIndex(uid, { primaryKey: 'id' }), ['index_already_exists']);
      await settle(index.updateSettings(MEILI_SETTINGS));
    },

    async upsert(docs) {
      const unique = dedupeById(docs);
      const visible = unique.filter((d) => d.published).map(toMeili);
      const hidden = unique.filter((d) => !d.published).map((d) => d.id);
      if (visible.length > 0) await settle(index.addDocuments(visible, { primaryKey: 'id' }));
      if (hidden.length > 0) await settle(index.deleteDocuments(hidden));
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await settle(index.deleteDocuments([...new Set(ids)]));
    },

    async clear() {
      await settle(index.deleteAllDocuments());
    },

    async search(query) {
      const q = normalizeQuery(query);
      if (q.matchesNothing) return emptyResult(q);
      const { text, ignored } = await usableText(q);
      const sort = buildMeiliSort(q.sort, text.length > 0);
      // A preference ranks in tiers: the words' meaning (empty without words) or the query's own.
      const tiers = preferenceTiers(q);
      if (tiers.length > 0) return { ...(await tiered(q, text, tiers)), ignoredWords: ignored };
      const params = {
        filter: buildMeiliFilter(q),
        facets: FACETS,
        page: q.page,
        hitsPerPage: q.perPage,
        matchingStrategy: 'all',
        attributesToRetrieve: [...HIT_FIELDS],
        ...(sort ? { sort } : {}),
      } satisfies SearchParams;
      const res = await index.search<MeiliProvider, typeof params>(text, params);
      const facets = toFacets(res.facetDistribution);
      return {
        hits: res.hits.map((hit) => toHit(hit as unknown as ProviderHit)),
        total: res.totalHits,
        // Meilisearch stops counting at maxTotalHits: a total there may be more.
        totalExact: res.totalHits < MEILI_MAX_TOTAL_HITS,
        page: q.page,
        perPage: q.perPage,
        facets,
        ignoredWords: ignored,
      };
    },

    /** Drops the whole index (tests use a throwaway uid). */
    async deleteIndex() {
      await settle(client.deleteIndex(uid), ['index_not_found']);
    },
  };
  return search;
}

export type MeiliSearch = ReturnType<typeof createMeiliSearch>;

function toFacets(dist: Record<string, Record<string, number>> = {}): SearchFacets {
  return {
    functions: { ...dist.functions },
    industries: { ...dist.industries },
    kinds: { ...dist.kind },
    languages: { ...dist.languages },
    timezoneBands: { ...dist.timezoneBand },
    verified: dist.verified?.true ?? 0,
  };
}

function toMeili(doc: ProviderDocument): MeiliProvider {
  return {
    ...doc,
    verified: doc.verifiedReferenceCount >= 1,
    ratingSort: doc.ratingAvg ?? -1,
  };
}
