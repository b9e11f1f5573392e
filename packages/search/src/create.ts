import type { Db } from '@handoff/db';
import { createMeiliSearch } from './meilisearch.ts';
import { createPostgresSearch } from './postgres.ts';
import type { SearchIndex } from './types.ts';

export interface SearchConfig {
  /** MEILI_URL: when set, Meilisearch is the engine. */
  meiliUrl?: string | undefined;
  meiliKey?: string | undefined;
  /** Meilisearch index uid; defaults to 'providers'. */
  meiliIndex?: string | undefined;
  /** The Postgres fallback's database (PGlite or Postgres). */
  db: Db;
  /** Postgres namespace; defaults to 'default'. */
  namespace?: string | undefined;
  /** The database is the embedded PGlite: typo correction avoids pg_trgm (see PostgresSearchOptions). */
  embedded?: boolean | undefined;
}

/** Meilisearch when a URL is configured, otherwise Postgres full-text search in the app's own database. */
export function createSearchIndex(config: SearchConfig): SearchIndex {
  if (config.meiliUrl) {
    return createMeiliSearch({
      host: config.meiliUrl,
      apiKey: config.meiliKey,
      indexUid: config.meiliIndex ?? 'providers',
    });
  }
  return createPostgresSearch(config.db, {
    namespace: config.namespace ?? 'default',
    vocabularyInMemory: config.embedded ?? false,
  });
}
