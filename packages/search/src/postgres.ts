import type { Db } from '@handoff/db';
import { sql } from 'drizzle-orm';
import { dedupeById, toHit } from './hit.ts';
import {
  facetKeys,
  firstStatement,
  groupsMatchStatement,
  groupTsquery,
  pageStatement,
  queryTsquery,
  rowsNeeded,
  sampleStatement,
  SAMPLE_TUNING,
  toFacets,
  vocabularyStatement,
  type FirstRow,
  type HitsRow,
  type SampleRow,
  type SampleTuning,
  type SearchRow,
} from './postgres-sql.ts';
import { emptyResult, expandTerms, normalizeQuery, usableGroups, type TermGroup } from './query.ts';
import { allowedTypos, corrections, editDistance, fuzzyCandidates, vocabulary } from './typos.ts';
import type { ProviderDocument, ProviderSearchQuery, ProviderSearchResult, SearchIndex } from './types.ts';

export { CANDIDATE_CAP, SAMPLE_TUNING } from './postgres-sql.ts';

const WRITE_BATCH = 1000;
/**
 * Rows written by this adapter after which it refreshes the table's planner statistics. Without them
 * (PGlite has no autovacuum; Postgres' runs late after a bulk load) the planner takes a grown table
 * for an empty one and filters every row instead of using the GIN indexes: 0.9 s instead of 50 ms
 * for one word at 20k providers. After the first 1,000 the threshold grows with the table (half the
 * rows it had at the last ANALYZE): one ANALYZE samples up to 30,000 rows and takes ~2 s once the table
 * is that big, so a fixed step made a 100k bulk load spend most of its time analysing.
 */
const ANALYZE_EVERY = 1000;
const ANALYZE_GROWTH = 0.5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PostgresSearchOptions {
  /** Separates independent indexes in one table (tests use one per run). */
  namespace?: string;
  /** When broad searches switch to sampled counts (tests lower these to reach that path). */
  tuning?: Partial<SampleTuning>;
  /**
   * Correct typos against the vocabulary held in memory instead of with `pg_trgm` in SQL. For PGlite:
   * every recorded wedge of the embedded database ended at the trigram similarity query on
   * `search_words` (infra/pglite-wedge/README.md), so the embedded mode no longer sends it.
   */
  vocabularyInMemory?: boolean;
}

/** How long the in-memory vocabulary is trusted when another process may have added words. */
const VOCABULARY_TTL_MS = 60_000;
const NEAR_LIMIT = 12;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function createPostgresSearch(db: Db, options: PostgresSearchOptions = {}): SearchIndex {
  const namespace = options.namespace ?? 'default';
  const tuning = { ...SAMPLE_TUNING, ...options.tuning };
  let writtenSinceAnalyze = 0;
  let analyzeAfter = ANALYZE_EVERY;
  const analyze = async () => {
    writtenSinceAnalyze = 0;
    // The filter and sort columns only: statistics on the vector (detoasting 30,000 of them, ~2 s at
    // 100k rows) only tuned an estimate the search overrides anyway (see enable_seqscan below).
    await db.execute(sql`ANALYZE search_providers (namespace, kind, functions, industries, languages,
      timezone_band, rate_min, rate_max, rating_avg, rating_count, verified_refs, sample_bucket)`);
    // Rows written since the last vacuum wait in the GIN index's pending list (up to 4 MB), which
    // every search reads in full until autovacuum merges it (PGlite has none). Merging it here makes
    // that cost part of the write.
    await db.execute(sql`SELECT gin_clean_pending_list('search_providers_match_idx'::regclass)`);
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'search_providers'::regclass`,
      ),
    );
    analyzeAfter = Math.max(ANALYZE_EVERY, Math.round(Number(row?.n ?? 0) * ANALYZE_GROWTH));
  };

  let memo: { words: string[]; known: Set<string>; at: number } | null = null;
  async function memoryVocabulary() {
    if (memo && Date.now() - memo.at < VOCABULARY_TTL_MS) return memo;
    const rows = rowsOf<{ word: string }>(
      await db.execute(sql`SELECT word FROM search_words WHERE namespace = ${namespace} ORDER BY word`),
    );
    const words = rows.map((r) => r.word);
    memo = { words, known: new Set(words), at: Date.now() };
    return memo;
  }

  /** The same answer as vocabularyStatement, worked out in memory (edit distance, not trigrams). */
  async function typoFixesInMemory(words: { word: string; prefix: boolean }[]) {
    const vocab = await memoryVocabulary();
    return new Map(
      words.map(({ word, prefix }) => {
        const known = prefix ? vocab.words.some((w) => w.startsWith(word)) : vocab.known.has(word);
        const max = allowedTypos(word);
        const near = known
          ? []
          : vocab.words
              .filter((w) => Math.abs(w.length - word.length) <= max)
              .map((w) => ({ w, d: editDistance(word, w, max) }))
              .filter((c) => c.d <= max)
              .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
              .slice(0, NEAR_LIMIT)
              .map((c) => c.w);
        return [word, corrections(word, known, near)] as const;
      }),
    );
  }

  /** Typo corrections per typed word, from the indexed vocabulary (one small indexed query). */
  async function typoFixes(groups: ReturnType<typeof expandTerms>): Promise<Map<string, string[]>> {
    const words = fuzzyCandidates(groups);
    if (words.length === 0) return new Map();
    if (options.vocabularyInMemory) return typoFixesInMemory(words);
    const rows = rowsOf<{ word: string; known: boolean; near: string[] }>(
      await db.execute(vocabularyStatement(namespace, words)),
    );
    return new Map(rows.map((r) => [r.word, corrections(r.word, r.known, r.near)]));
  }

  /**
   * The text query without the words that match no provider at all ("someone", "law firm"): such a
   * word would empty the page under AND. When no word matches, all stay (the answer is empty).
   * Runs in the search's transaction, after its settings (see search): with 2+ words, index scans
   * are off while this statement is planned, and the statement turns them back on as it runs.
   */
  async function usableTsquery(
    tx: Pick<typeof db, 'execute'>,
    groups: TermGroup[],
    fixes: Map<string, string[]>,
  ): Promise<{ tsquery: string | null; ignored: string[] }> {
    const parts = groups.map((g, i) =>
      groupTsquery(g, i === groups.length - 1, fixes.get(g.typed.join(' ')) ?? []),
    );
    if (parts.length <= 1) return { tsquery: queryTsquery(groups, fixes), ignored: [] };
    const [row] = rowsOf<{ matched: boolean[] }>(
      await tx.execute(sql`SELECT set_config('enable_indexscan', 'on', true) AS restored, m.matched
        FROM (${groupsMatchStatement(namespace, parts)}) m`),
    );
    const { kept, ignored } = usableGroups(
      groups.map((g, i) => ({ typed: g.typed.join(' '), part: parts[i]! })),
      (i) => row?.matched[i] === true,
    );
    return {
      tsquery: kept.map((k) => `(${k.part})`).join(' & '),
      ignored: ignored.map((k) => k.typed),
    };
  }

  return {
    engine: 'postgres',

    async ensureIndex() {
      // The tables come from the shared migrations; fail early and readably if they were not applied.
      try {
        await db.execute(sql`select 1 from search_providers, search_words limit 0`);
      } catch (error) {
        throw new Error('search_providers does not exist: run the database migrations (pnpm db:migrate)', {
          cause: error,
        });
      }
      await analyze();
    },

    async upsert(docs) {
      const unique = dedupeById(docs);
      const visible = unique.filter((d) => d.published);
      const hidden = unique.filter((d) => !d.published).map((d) => d.id);
      if (unique.length === 0) return;
      await db.transaction(async (tx) => {
        if (hidden.length > 0) {
          await tx.execute(
            sql`DELETE FROM search_providers WHERE namespace = ${namespace} AND id = ANY(${sql.param(hidden)}::uuid[])`,
          );
        }
        for (let i = 0; i < visible.length; i += WRITE_BATCH) {
          const batch = visible.slice(i, i + WRITE_BATCH);
          await tx.execute(upsertStatement(namespace, batch));
          const words = vocabulary(
            batch.flatMap((d) => [d.name, d.headline, ...d.functionNames, ...d.industryNames, ...d.duties]),
          );
          await tx.execute(sql`INSERT INTO search_words (namespace, word)
            SELECT ${namespace}, w FROM unnest(${sql.param(words)}::text[]) AS w ON CONFLICT DO NOTHING`);
        }
      });
      memo = null; // new words: the in-memory vocabulary is read again
      writtenSinceAnalyze += unique.length;
      if (writtenSinceAnalyze >= analyzeAfter) await analyze();
    },

    async remove(ids) {
      // Something that is not a uuid cannot be stored here (the column would reject it): nothing to remove.
      const known = [...new Set(ids)].filter((id) => UUID.test(id));
      if (known.length === 0) return;
      await db.execute(
        sql`DELETE FROM search_providers WHERE namespace = ${namespace} AND id = ANY(${sql.param(known)}::uuid[])`,
      );
    },

    async clear() {
      await db.execute(sql`DELETE FROM search_providers WHERE namespace = ${namespace}`);
      await db.execute(sql`DELETE FROM search_words WHERE namespace = ${namespace}`);
      memo = null;
    },

    async search(query: ProviderSearchQuery): Promise<ProviderSearchResult> {
      const q = normalizeQuery(query);
      if (q.matchesNothing) return emptyResult(q);
      const groups = expandTerms(q.words);
      const fixes = await typoFixes(groups);
      return db.transaction(async (tx) => {
        const setting = (name: string, value: string) => sql`set_config(${name}, ${value}, true)`;
        // Per search only: JIT compiles for ~50 ms what runs in ~10; the planner costs a tsvector test
        // as if it were free and would rather scan every row (detoasting each vector) than use the GIN
        // index; the matches are materialised in memory rather than in temp files. Set before the
        // words' EXISTS tests too, and index scans with them: for a word no provider has, a scan of
        // the table, or a walk of the primary key testing each row, reads all 100,000 vectors
        // (0.5–0.7 s a word at 100k) to find nothing, where the GIN index answers at once.
        const tests = groups.length > 1; // usableTsquery's EXISTS statement runs
        await tx.execute(sql`SELECT ${setting('jit', 'off')}, ${setting('work_mem', '32MB')},
          ${setting('enable_seqscan', indexable(q, groups.length > 0) ? 'off' : 'on')},
          ${setting('enable_indexscan', tests ? 'off' : 'on')}`);
        const { tsquery, ignored } = await usableTsquery(tx, groups, fixes);
        const one = async <T>(statement: ReturnType<typeof sampleStatement>) =>
          rowsOf<T>(await tx.execute(statement))[0] as T;

        // A 1/32 sample of the matches says how many there are, roughly; when few, the same
        // statement answers exactly.
        const first = await one<FirstRow>(firstStatement(namespace, q, tsquery, tuning));
        if (first.narrow) {
          const row = first as FirstRow & SearchRow;
          return {
            hits: row.hits.map(toHit),
            total: row.total,
            totalExact: true,
            page: q.page,
            perPage: q.perPage,
            facets: toFacets(row.facets, row.verified, row.total),
            ignoredWords: ignored,
          };
        }
        // Broad: counts from the sample (a wider one when the probe is thin), the page exact.
        const probe: SampleRow = {
          sampled: first.sampled,
          verified: first.sampleVerified ?? 0,
          facets: first.sampleFacets ?? [],
        };
        let sample = probe;
        let buckets = tuning.probeBuckets;
        if (probe.sampled < tuning.sampleMin) {
          buckets = tuning.wideBuckets;
          sample = await one<SampleRow>(sampleStatement(namespace, q, tsquery, buckets));
        }
        const scale = 256 / buckets;
        const total = Math.max(Math.round(sample.sampled * scale), 1);
        // Most rows match: walking the order's index finds a page after a few hundred rows. Fewer
        // match, or the page is deep: sorting the matches found through the GIN index costs less.
        const needed = rowsNeeded(q, tsquery, tuning.candidateCap);
        const walk = total >= tuning.walkFrom && needed <= tuning.walkRows;
        // The planner has no statistics on the vector (see analyze), so it cannot tell a broad text
        // query from a narrow one and would sort every row instead of walking: it is told which.
        await tx.execute(
          walk
            ? sql`SELECT ${setting('enable_bitmapscan', 'off')}, ${setting('enable_sort', 'off')}`
            : sql`SELECT ${setting('enable_indexscan', 'off')}`,
        );
        const page = await one<HitsRow>(pageStatement(namespace, q, tsquery, tuning.candidateCap));
        return {
          hits: (page.hits ?? []).map(toHit),
          total,
          totalExact: false,
          page: q.page,
          perPage: q.perPage,
          facets: toFacets(sample.facets, sample.verified, total, scale),
          ignoredWords: ignored,
        };
      });
    },
  };
}

export type PostgresSearch = ReturnType<typeof createPostgresSearch>;

/** Whether a GIN index narrows this search; without one (no text, no facet filter) a scan is cheapest. */
const indexable = (q: ReturnType<typeof normalizeQuery>, hasText: boolean) =>
  hasText || Boolean(q.functions || q.industries || q.languages);

/**
 * One INSERT … ON CONFLICT for a whole batch, its rows as a single jsonb parameter (a multi-row VALUES
 * list would bind ~20 parameters a row, which costs more to build and parse than the insert itself).
 * Stemming is most of an insert's cost, and duties and taxonomy names repeat across providers: each
 * distinct one is stemmed once, then every vector is assembled from the pieces.
 */
function upsertStatement(namespace: string, docs: ProviderDocument[]) {
  const rows = docs.map((d) => ({
    id: d.id,
    kind: d.kind,
    functions: d.functions,
    industries: d.industries,
    languages: d.languages,
    timezone_band: d.timezoneBand,
    facet_keys: facetKeys(d),
    // Filters and sorts compare US dollars; the hit (doc) keeps the provider's own currency.
    rate_min: d.rateMinUsd,
    rate_max: d.rateMaxUsd,
    rating_avg: d.ratingAvg,
    rating_count: d.ratingCount,
    verified_refs: d.verifiedReferenceCount,
    updated_at: d.updatedAt,
    name: d.name,
    function_names: d.functionNames,
    industry_names: d.industryNames,
    headline: d.headline,
    duties: d.duties,
    bio: d.bio,
    doc: toHit(d),
  }));
  const pieces = (column: string) =>
    sql.raw(`(SELECT tsvector_agg(s.v ORDER BY u.n)
      FROM unnest(r.${column}) WITH ORDINALITY AS u(phrase, n) JOIN stemmed s ON s.phrase = u.phrase)`);
  return sql`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, kind text,
        functions text[], industries text[], languages text[], timezone_band text, facet_keys text[], rate_min numeric,
        rate_max numeric, rating_avg double precision, rating_count integer, verified_refs integer,
        updated_at timestamptz, name text, function_names text[], industry_names text[], headline text,
        duties text[], bio text, doc jsonb)
    ),
    stemmed AS (
      SELECT phrase, to_tsvector('english', phrase) AS v
      FROM (SELECT unnest(function_names || industry_names || duties) AS phrase FROM r) AS phrases
      GROUP BY phrase
    )
    INSERT INTO search_providers (namespace, id, kind, functions, industries, languages, timezone_band,
      facet_keys, rate_min, rate_max, rating_avg, rating_count, verified_refs, updated_at, doc, search_vector)
    SELECT ${namespace}, r.id, r.kind, r.functions, r.industries, r.languages, r.timezone_band,
      r.facet_keys, r.rate_min, r.rate_max, r.rating_avg, r.rating_count, r.verified_refs, r.updated_at, r.doc,
      setweight(to_tsvector('english', r.name) || coalesce(${pieces('function_names')}, ''), 'A')
        || setweight(coalesce(${pieces('industry_names')}, '') || to_tsvector('english', r.headline), 'B')
        || setweight(coalesce(${pieces('duties')}, ''), 'C')
        || setweight(to_tsvector('english', r.bio), 'D')
    FROM r
    ON CONFLICT (namespace, id) DO UPDATE SET kind = excluded.kind, functions = excluded.functions,
      industries = excluded.industries, languages = excluded.languages,
      timezone_band = excluded.timezone_band, facet_keys = excluded.facet_keys, rate_min = excluded.rate_min, rate_max = excluded.rate_max,
      rating_avg = excluded.rating_avg, rating_count = excluded.rating_count,
      verified_refs = excluded.verified_refs, updated_at = excluded.updated_at, doc = excluded.doc,
      search_vector = excluded.search_vector`;
}
