import {
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * The Postgres search engine's copy of published provider profiles (packages/search writes it; nothing
 * else should). Rows are keyed by a namespace so tests sharing one database cannot see each other's data.
 * Filterable fields are real columns; `doc` is the hit payload returned as is; the text is kept only as
 * its weighted `english` tsvector (stemming folds bookkeeper/bookkeeping).
 *
 * Storage (migration 0006, not expressible here): toast_tuple_target = 128 and PLAIN filter columns.
 * Postgres only toasts rows over ~2 KB, so most rows (doc ~0.7 KB + vector ~0.9 KB compressed) stay
 * inline anyway: a search that visits every match reads ~11 rows per 8 KB page. Broad searches
 * therefore visit an even sample of their matches (`sample_bucket`) instead of all of them.
 */
export const searchProviders = pgTable(
  'search_providers',
  {
    namespace: text('namespace').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    functions: text('functions').array().notNull(),
    industries: text('industries').array().notNull(),
    languages: text('languages').array().notNull(),
    timezoneBand: text('timezone_band').notNull(),
    /**
     * Every facet value of the row, prefixed by its facet (`f:` function, `i:` industry, `l:` language,
     * `k:` kind, `t:` time-zone band), written by the adapter's INSERT: a search counts all its facets
     * with one unnest and one GROUP BY over this instead of five passes over its matches (migration 0022).
     */
    facetKeys: text('facet_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rateMin: numeric('rate_min', { mode: 'number' }).notNull(),
    rateMax: numeric('rate_max', { mode: 'number' }).notNull(),
    ratingAvg: doublePrecision('rating_avg'),
    ratingCount: integer('rating_count').notNull(),
    verifiedRefs: integer('verified_refs').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    doc: jsonb('doc').notNull(),
    /**
     * Weighted `english` tsvector, built by the adapter's INSERT: A name and function names, B industry
     * names and headline, C duties, D bio. Taxonomy names and duties repeat across providers, so each distinct one is
     * stemmed once per batch and the pieces joined with `tsvector_agg` (migration 0007).
     */
    searchVector: tsvector('search_vector').notNull(),
    /**
     * 0–255 from the uuid's last (random) byte: `sample_bucket < k` is an even k/256 sample of any set
     * of matches, found through the GIN index below rather than by visiting every match.
     */
    sampleBucket: smallint('sample_bucket')
      .notNull()
      .generatedAlwaysAs(sql`get_byte(uuid_send(id), 15)`),
  },
  (t) => [
    primaryKey({ columns: [t.namespace, t.id] }),
    // One multi-column GIN index (btree_gin for the bucket, kind and time-zone band, migration 0008)
    // so that the text query, every facet filter and the sample bucket are all index conditions of one
    // scan: the heap is visited only for rows that match all of them. Kind and band joined later: as
    // heap filters they had "inbox calendar" in Asia-Pacific read 7,051 rows to keep 2,630.
    index('search_providers_match_idx').using(
      'gin',
      t.sampleBucket,
      t.kind,
      t.timezoneBand,
      t.functions,
      t.industries,
      t.languages,
      t.searchVector,
    ),
    // Orders a broad search can walk instead of sorting every match (relevance's prior, rate, rating).
    index('search_providers_prior_idx').on(
      t.namespace,
      t.verifiedRefs.desc(),
      t.ratingAvg.desc().nullsLast(),
      t.ratingCount.desc(),
      t.id,
    ),
    index('search_providers_rate_asc_idx').on(t.namespace, t.rateMin, t.rateMax, t.id),
    index('search_providers_rate_desc_idx').on(t.namespace, t.rateMax.desc(), t.rateMin.desc(), t.id),
    index('search_providers_rating_idx').on(
      t.namespace,
      t.ratingAvg.desc().nullsLast(),
      t.ratingCount.desc(),
      t.id,
    ),
  ],
);

/**
 * The words of the indexed names, taxonomy names, headlines and duties, per namespace: a query word
 * that is not among them is looked up here by trigram similarity to correct typos ("bookeeping"), so
 * the search itself stays one GIN lookup. Words are only added; a stale one costs nothing.
 */
export const searchWords = pgTable(
  'search_words',
  {
    namespace: text('namespace').notNull(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.namespace, t.word] }),
    index('search_words_trigram_idx').using('gin', t.word.op('gin_trgm_ops')),
  ],
);
