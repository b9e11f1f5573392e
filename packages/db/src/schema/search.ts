import {
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * The Postgres search engine's copy of published provider profiles (packages/search writes it; nothing
 * else should). Rows are keyed by a namespace so tests sharing one database cannot see each other's data.
 * Filterable fields are real columns; `doc` is the hit payload returned as is; the text is kept only as
 * its weighted `english` tsvector (stemming folds bookkeeper/bookkeeping).
 *
 * Storage (migration 0006, not expressible here): toast_tuple_target = 128 moves the vector and the doc
 * out of the main heap, and the filter/facet columns are PLAIN (never compressed or moved),
 * so scanning tens of thousands of matches reads ~300 bytes a row instead of ~3 KB.
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
  },
  (t) => [
    primaryKey({ columns: [t.namespace, t.id] }),
    index('search_providers_vector_idx').using('gin', t.searchVector),
    index('search_providers_functions_idx').using('gin', t.functions),
    index('search_providers_industries_idx').using('gin', t.industries),
    index('search_providers_languages_idx').using('gin', t.languages),
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
