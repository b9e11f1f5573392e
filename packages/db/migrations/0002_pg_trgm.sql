-- Trigram matching (typos, word fragments) for search_providers.trigram_text; PGlite loads it in client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
