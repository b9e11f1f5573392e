export * from './types.ts';
export { SYNONYM_GROUPS, STOP_WORDS, meiliSynonyms } from './synonyms.ts';
export { HIT_FIELDS, toHit } from './hit.ts';
export { normalizeQuery, tokenize, expandTerms, type NormalizedQuery, type TermGroup } from './query.ts';
export { createPostgresSearch, CANDIDATE_CAP, type PostgresSearchOptions } from './postgres.ts';
export {
  createMeiliSearch,
  MEILI_MAX_TOTAL_HITS,
  MEILI_SETTINGS,
  type MeiliSearch,
  type MeiliSearchOptions,
} from './meilisearch.ts';
export { buildMeiliFilter, buildMeiliSort, quote } from './meili-filter.ts';
export { createSearchIndex, type SearchConfig } from './create.ts';
