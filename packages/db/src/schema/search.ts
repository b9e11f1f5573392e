import { sql } from 'drizzle-orm';
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
 * Filterable fields are real columns; `doc` is the hit payload returned as is. The text columns only
 * feed the two generated columns: a weighted `english` tsvector (stemming folds bookkeeper/bookkeeping)
 * and the names + headline that the pg_trgm index matches typos and fragments against.
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
    name: text('name').notNull(),
    /** Function and industry display names, space-separated. */
    taxonomyText: text('taxonomy_text').notNull(),
    headline: text('headline').notNull(),
    dutiesText: text('duties_text').notNull(),
    bio: text('bio').notNull(),
    doc: jsonb('doc').notNull(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, "name" || ' ' || "taxonomy_text"), 'A') || setweight(to_tsvector('english'::regconfig, "headline"), 'B') || setweight(to_tsvector('english'::regconfig, "duties_text"), 'C') || setweight(to_tsvector('english'::regconfig, "bio"), 'D')`,
      ),
    trigramText: text('trigram_text')
      .notNull()
      .generatedAlwaysAs(sql`"name" || ' ' || "taxonomy_text" || ' ' || "headline"`),
  },
  (t) => [
    primaryKey({ columns: [t.namespace, t.id] }),
    index('search_providers_vector_idx').using('gin', t.searchVector),
    index('search_providers_trigram_idx').using('gin', t.trigramText.op('gin_trgm_ops')),
    index('search_providers_functions_idx').using('gin', t.functions),
    index('search_providers_industries_idx').using('gin', t.industries),
    index('search_providers_languages_idx').using('gin', t.languages),
  ],
);
