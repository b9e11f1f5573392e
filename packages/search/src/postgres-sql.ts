import { sql, type SQL } from 'drizzle-orm';
import type { NormalizedQuery, TermGroup } from './query.ts';
import type { ProviderHit, SearchFacets } from './types.ts';

// The SQL of the Postgres adapter: filters, the text query, ranking and the one search statement.
// Every value is a bound parameter of a drizzle sql template; only constants are written into the text.

/**
 * How many matching rows a relevance search ranks (picked by a cheap prior: verified references, then
 * rating). Ranking reads each candidate's tsvector; the cap keeps a broad query on a large catalogue
 * from ranking all of it. Results past the ranked ones follow in prior order, so every match can be
 * paged to. 100 rather than 300: a broad search finds its candidates by walking the prior's index and
 * testing each row's vector, and three times fewer candidates made that walk three times cheaper.
 */
export const CANDIDATE_CAP = 100;

/**
 * Broad searches are counted on an even sample. Every search first reads the matches whose
 * `sample_bucket` (0–255, from the uuid's random last byte) is below PROBE_BUCKETS: a 1/32 sample found
 * through the GIN index. When that projects to at most EXACT_UP_TO matches, the same statement also
 * answers exactly (total, facets and page over every match; see firstStatement). Above it, total, `verified` and facet counts are
 * the sample's, scaled (`totalExact: false`), from a 1/4 sample when the 1/32 one holds fewer than
 * SAMPLE_MIN rows; the page itself is still exact. Visiting every one of 40,000 matches costs ~100 ms
 * here; the sample and the page ~20 ms.
 */
export const SAMPLE_TUNING = {
  candidateCap: CANDIDATE_CAP,
  probeBuckets: 8,
  wideBuckets: 32,
  exactUpTo: 4000,
  sampleMin: 300,
  /** From this many (estimated) matches the page is found by walking an ordered index… */
  walkFrom: 8000,
  /** …when it needs at most this many rows from the walk. */
  walkRows: 300,
};
export type SampleTuning = typeof SAMPLE_TUNING;

/** Facet counts as [key, count]: the key is a `facet_keys` entry, the facet's letter, `:` and the value. */
type FacetRows = [string, number][];

type FacetName = keyof Omit<SearchFacets, 'verified'>;
const FACET_OF_PREFIX: Record<string, FacetName> = {
  f: 'functions',
  i: 'industries',
  l: 'languages',
  k: 'kinds',
  t: 'timezoneBands',
};

/**
 * `facet_keys` of a document: each facet value prefixed by its facet's letter, so that a search counts
 * every facet with one unnest and one GROUP BY (see facetValues). Migration 0022 backfills the same.
 */
export function facetKeys(d: {
  functions: readonly string[];
  industries: readonly string[];
  languages: readonly string[];
  kind: string;
  timezoneBand: string;
}): string[] {
  return [
    ...d.functions.map((v) => `f:${v}`),
    ...d.industries.map((v) => `i:${v}`),
    ...d.languages.map((v) => `l:${v}`),
    `k:${d.kind}`,
    `t:${d.timezoneBand}`,
  ];
}

/** The exact answer: every count over every match, and the page. */
export type SearchRow = { total: number; verified: number; facets: FacetRows; hits: ProviderHit[] };
/**
 * What the first statement returns: the probe's counts, and when the probe finds the search narrow
 * (`narrow`), the exact answer too (else those are null, and the sample ones are set).
 */
export type FirstRow = {
  sampled: number;
  narrow: boolean;
  sampleVerified: number | null;
  sampleFacets: FacetRows | null;
} & ({ [K in keyof SearchRow]: SearchRow[K] } | { [K in keyof SearchRow]: null });
/** What the sample statement returns: counts over the sampled matches only. */
export type SampleRow = { sampled: number; verified: number; facets: FacetRows };
export type HitsRow = { hits: ProviderHit[] | null };

/** Facet counts, each multiplied by `scale` (1 when exact) and kept within 1…total. */
export function toFacets(facetRows: FacetRows, verified: number, total: number, scale = 1): SearchFacets {
  const facets: SearchFacets = {
    functions: {},
    industries: {},
    kinds: {},
    languages: {},
    timezoneBands: {},
    verified: Math.min(total, Math.round(verified * scale)),
  };
  for (const [key, count] of facetRows) {
    const facet = FACET_OF_PREFIX[key.slice(0, 1)];
    if (facet) facets[facet][key.slice(2)] = Math.min(total, Math.max(1, Math.round(count * scale)));
  }
  return facets;
}

const textArray = (values: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * `column` is one of `values`. One value is written as `=`: the GIN index (btree_gin) takes that as an
 * index condition, whereas `= ANY(…)` it can only take through a costlier path the planner often
 * declines, leaving the rows it would have excluded to be read from the heap and filtered.
 */
const oneOf = (column: string, values: readonly string[]): SQL =>
  values.length === 1
    ? sql`${sql.raw(column)} = ${values[0]}`
    : sql`${sql.raw(column)} = ANY(${textArray(values)})`;

function filterConditions(q: NormalizedQuery): SQL[] {
  const where: SQL[] = [];
  if (q.functions) where.push(sql`p.functions && ${textArray(q.functions)}`);
  if (q.industries) where.push(sql`p.industries && ${textArray(q.industries)}`);
  if (q.languages) where.push(sql`p.languages && ${textArray(q.languages)}`);
  if (q.kinds) where.push(oneOf('p.kind', q.kinds));
  if (q.timezoneBands) where.push(oneOf('p.timezone_band', q.timezoneBands));
  // Ranges overlap when each starts before the other ends.
  if (q.rateMin !== undefined) where.push(sql`p.rate_max >= ${q.rateMin}`);
  if (q.rateMax !== undefined) where.push(sql`p.rate_min <= ${q.rateMax}`);
  if (q.verifiedOnly) where.push(sql`p.verified_refs > 0`);
  return where;
}

/**
 * to_tsquery text for one group: its alternatives OR-ed (a synonym phrase is its words AND-ed: a
 * phrase operator would make Postgres re-read every candidate's tsvector to check positions), the
 * typed word of the last group as a prefix, plus typo corrections of the typed word.
 * Words are letters and digits only (see tokenize), so they cannot form tsquery operators; the text is
 * still passed as a bound parameter.
 */
export function groupTsquery(group: TermGroup, prefix: boolean, fixes: readonly string[] = []): string {
  const terms = group.alternatives.map((phrase) => {
    if (phrase.length > 1) return `(${phrase.join(' & ')})`;
    const typed = group.typed.length === 1 && group.typed[0] === phrase[0];
    return prefix && typed ? `${phrase[0]}:*` : (phrase[0] as string);
  });
  return [...terms, ...fixes].join(' | ');
}

/**
 * Per group, whether it matches any provider at all: a word no profile has ("someone", "law firm")
 * is left out of the query instead of emptying it. EXISTS stops at the first match.
 */
export function groupsMatchStatement(namespace: string, tsqueries: string[]): SQL {
  return sql`SELECT ARRAY[${sql.join(
    tsqueries.map(
      (t) => sql`EXISTS (SELECT 1 FROM search_providers p WHERE p.namespace = ${namespace}
        AND p.search_vector @@ to_tsquery('english', ${t}))`,
    ),
    sql`, `,
  )}] AS matched`;
}

/** Every group must match (Meilisearch's matchingStrategy 'all'); null when there is no text. */
export function queryTsquery(groups: TermGroup[], fixes: ReadonlyMap<string, string[]>): string | null {
  if (groups.length === 0) return null;
  return groups
    .map((g, i) => `(${groupTsquery(g, i === groups.length - 1, fixes.get(g.typed.join(' ')) ?? [])})`)
    .join(' & ');
}

// Each order is spelled exactly like its index in the schema (NULLS LAST included, although only
// rating_avg can be null), so a broad search can walk the index instead of sorting every match.
const BY_PRIOR = sql`m.verified_refs DESC NULLS LAST, m.rating_avg DESC NULLS LAST, m.rating_count DESC NULLS LAST, m.id`;

function orderBy(q: NormalizedQuery): SQL {
  switch (q.sort) {
    case 'rate_asc':
      return sql`m.rate_min, m.rate_max, m.id`;
    case 'rate_desc':
      return sql`m.rate_max DESC NULLS LAST, m.rate_min DESC NULLS LAST, m.id`;
    case 'rating':
      return sql`m.rating_avg DESC NULLS LAST, m.rating_count DESC NULLS LAST, m.id`;
    default:
      return BY_PRIOR;
  }
}

/**
 * What a search keeps of each match. `tid` (the row's ctid) fetches the ranked candidates' vectors and
 * the page's documents back with a TID scan, ~5 µs a row, where a primary-key lookup took 15–160 µs
 * at 100k providers (100 candidates and 20 documents a relevance search). A ctid is only used within
 * the statement that read it, so it names the same row version under the statement's snapshot.
 */
const MATCH_COLUMNS = sql.raw(`p.ctid AS tid, p.id, p.facet_keys, p.rate_min, p.rate_max, p.rating_avg,
  p.rating_count, p.verified_refs`);

/** The WHERE clause of a search: namespace, filters and the text query. */
function matchConditions(namespace: string, q: NormalizedQuery, tsquery: string | null): SQL {
  const where = [sql`p.namespace = ${namespace}`, ...filterConditions(q)];
  // A query of stop words only (numnode 0) matches everything; Postgres folds the constant test away.
  if (tsquery !== null) {
    const query = sql`to_tsquery('english', ${tsquery})`;
    where.push(sql`(numnode(${query}) = 0 OR p.search_vector @@ ${query})`);
  }
  return sql.join(where, sql` AND `);
}

/**
 * Facet counts over `rows` (a CTE with facet_keys): every facet in one unnest and one GROUP BY, where
 * five (one per facet) each re-read the matches. The array is unnested in the select list (one
 * ProjectSet node) rather than in FROM, which would run a function scan per row: half the time for a
 * few thousand rows.
 */
const facetValues = (rows: SQL) => sql`
  SELECT k, count(*)::int AS n FROM (SELECT unnest(facet_keys) k FROM ${rows}) x GROUP BY k`;
const facetsJson = (values: SQL) =>
  sql`(SELECT coalesce(jsonb_agg(jsonb_build_array(k, n)), '[]'::jsonb) FROM ${values})`;

/**
 * The requested page as `page` (ids and sort columns), picked from `source` (an expression usable in
 * FROM, aliased m). Relevance with text ranks the `cap` best matches by the prior with ts_rank_cd
 * (weights: A name and function names, B industry names and headline, C duties, D bio: "bookkeeping"
 * ranks bookkeepers above lead-gen firms for bookkeeping practices); a page past them continues in
 * prior order (`rn` is the prior rank, `score` null past the cap). Without text, a preference (the
 * query's `prefer`) ranks the same candidates by function and industry alone.
 */
function pageCte(q: NormalizedQuery, tsquery: string | null, source: SQL, cap: number) {
  const ranked = ranksCandidates(q, tsquery);
  const order = ranked
    ? sql`m.rn > ${cap}, m.pf DESC NULLS LAST, m.pi DESC NULLS LAST, m.score DESC NULLS LAST, ${BY_PRIOR}`
    : orderBy(q);
  // Offering a function the words mean, then serving an industry they mean, outranks the text score.
  const prefers = (prefix: string, values: string[]) =>
    values.length > 0
      ? sql`CASE WHEN m.rn <= ${cap} THEN m.facet_keys && ${textArray(values.map((v) => prefix + v))} END`
      : sql`NULL::boolean`;
  const cte = ranked
    ? sql`
      candidates AS (
        -- The first rows by the prior, then numbered: numbering every match first would sort all
        -- of them, where a LIMIT under the ORDER BY keeps only the top ones (a heap of them) instead.
        SELECT m.*, row_number() OVER (ORDER BY ${BY_PRIOR}) AS rn
        FROM (SELECT m.tid, m.id, m.facet_keys, m.verified_refs, m.rating_avg, m.rating_count
          FROM ${source} ORDER BY ${BY_PRIOR} LIMIT ${Math.max(cap, q.offset + q.perPage)}) m),
      page AS (
        SELECT m.*, ${
          tsquery === null
            ? sql`NULL::real`
            : sql`CASE WHEN m.rn <= ${cap}
          THEN ts_rank_cd(p.search_vector, to_tsquery('english', ${tsquery}), 1) END`
        } AS score
        FROM (SELECT m.*, ${prefers('f:', q.prefer.functions)} AS pf,
          ${prefers('i:', q.prefer.industries)} AS pi FROM candidates m) m
          ${tsquery === null ? sql`` : sql`JOIN search_providers p ON p.ctid = m.tid`}
        ORDER BY m.rn > ${cap}, m.pf DESC NULLS LAST, m.pi DESC NULLS LAST, score DESC NULLS LAST, ${BY_PRIOR}
        LIMIT ${q.perPage} OFFSET ${q.offset}
      )`
    : sql`page AS (SELECT m.* FROM ${source} ORDER BY ${order} LIMIT ${q.perPage} OFFSET ${q.offset})`;
  const hits = sql`(SELECT coalesce(jsonb_agg(p.doc ORDER BY ${order}), '[]'::jsonb)
    FROM page m JOIN search_providers p ON p.ctid = m.tid)`;
  return { cte, hits };
}

/** Whether a page ranks the first matches by preference and text (else it is the order's rows). */
const ranksCandidates = (q: NormalizedQuery, tsquery: string | null) =>
  q.sort === 'relevance' &&
  (tsquery !== null || q.prefer.functions.length > 0 || q.prefer.industries.length > 0);

/** How many rows of the order a page needs: the ranked candidates, or everything up to the page. */
export const rowsNeeded = (q: NormalizedQuery, tsquery: string | null, cap: number) =>
  ranksCandidates(q, tsquery) ? Math.max(cap, q.offset + q.perPage) : q.offset + q.perPage;

/**
 * The exact answer's CTEs and select-list expressions: `matched` (filters and the text query, through
 * the GIN index; only the narrow in-heap columns), total and verified count, facet counts and the
 * page, all over every match.
 */
function exactParts(namespace: string, q: NormalizedQuery, tsquery: string | null, cap: number) {
  const page = pageCte(q, tsquery, sql`matched m`, cap);
  return {
    ctes: sql`matched AS MATERIALIZED (
      SELECT ${MATCH_COLUMNS} FROM search_providers p WHERE ${matchConditions(namespace, q, tsquery)}
    ),
    facet_values AS (${facetValues(sql`matched`)}),
    ${page.cte}`,
    total: sql`(SELECT count(*)::int FROM matched)`,
    verified: sql`(SELECT count(*)::int FROM matched WHERE verified_refs > 0)`,
    facets: facetsJson(sql`facet_values`),
    hits: page.hits,
  };
}

/** The sample's CTEs (`sample`, `sample_values`): the matches in the first `buckets` of 256. */
const sampleCtes = (namespace: string, q: NormalizedQuery, tsquery: string | null, buckets: number) => sql`
    sample AS MATERIALIZED (
      SELECT p.facet_keys, p.verified_refs
      FROM search_providers p
      WHERE ${matchConditions(namespace, q, tsquery)} AND p.sample_bucket < ${buckets}::smallint
    ),
    sample_values AS (${facetValues(sql`sample`)})`;

/**
 * Every search's first statement: the 1/32 probe (sampleStatement with `tuning.probeBuckets`) and,
 * when it projects to at most `tuning.exactUpTo` matches, the exact answer in the same round trip
 * (exactParts). Each half sits in a CASE on `narrow`, and Postgres runs a sub-select only when
 * its branch is taken: a broad search never visits its matches here, a narrow one never counts the
 * sample's facets. One statement instead of two saves a round trip and a plan per narrow search.
 */
export function firstStatement(
  namespace: string,
  q: NormalizedQuery,
  tsquery: string | null,
  tuning: Pick<SampleTuning, 'probeBuckets' | 'exactUpTo' | 'candidateCap'>,
): SQL {
  const exact = exactParts(namespace, q, tsquery, tuning.candidateCap);
  const when = (narrow: boolean, value: SQL) =>
    narrow
      ? sql`CASE WHEN probe.narrow THEN ${value} END`
      : sql`CASE WHEN NOT probe.narrow THEN ${value} END`;
  // projected = sampled × 256 / probeBuckets ≤ exactUpTo, in integers.
  return sql`
    WITH ${sampleCtes(namespace, q, tsquery, tuning.probeBuckets)},
    ${exact.ctes}
    SELECT probe.sampled, probe.narrow,
      ${when(false, sql`(SELECT count(*)::int FROM sample WHERE verified_refs > 0)`)} AS "sampleVerified",
      ${when(false, facetsJson(sql`sample_values`))} AS "sampleFacets",
      ${when(true, exact.total)} AS total,
      ${when(true, exact.verified)} AS verified,
      ${when(true, exact.facets)} AS facets,
      ${when(true, exact.hits)} AS hits
    FROM (SELECT count(*)::int AS sampled,
      count(*) * 256 <= ${tuning.exactUpTo * tuning.probeBuckets}::bigint AS narrow FROM sample) probe`;
}

/** Counts over the matches in the first `buckets` of 256 sample buckets (an even buckets/256 sample). */
export function sampleStatement(
  namespace: string,
  q: NormalizedQuery,
  tsquery: string | null,
  buckets: number,
): SQL {
  return sql`
    WITH ${sampleCtes(namespace, q, tsquery, buckets)}
    SELECT (SELECT count(*)::int FROM sample) AS sampled,
      (SELECT count(*)::int FROM sample WHERE verified_refs > 0) AS verified,
      ${facetsJson(sql`sample_values`)} AS facets`;
}

/**
 * The page alone, its source the table itself (no materialised matches), so that the planner can
 * either walk an ordered index, testing each row until the page is full (cheap when most rows match),
 * or sort the matches from the GIN index; the adapter tells it which.
 */
export function pageStatement(
  namespace: string,
  q: NormalizedQuery,
  tsquery: string | null,
  cap = CANDIDATE_CAP,
): SQL {
  const source = sql`(SELECT ${MATCH_COLUMNS} FROM search_providers p
    WHERE ${matchConditions(namespace, q, tsquery)}) m`;
  const page = pageCte(q, tsquery, source, cap);
  return sql`WITH ${page.cte} SELECT ${page.hits} AS hits`;
}

/**
 * For each typed word: is it an indexed word (or, as the last word, the start of one), and, only when
 * it is not, its nearest indexed words by trigram similarity (corrections ignores them for a known
 * word, and the trigram search was ~2.5 ms a word at 100k providers, paid by every text query whose
 * words are spelt right). One branch per word with the word bound as a constant, so both tests use the
 * indexes; the CASE runs the trigram sub-select only when its branch is taken.
 */
export function vocabularyStatement(namespace: string, words: { word: string; prefix: boolean }[]): SQL {
  return sql.join(
    words.map(({ word, prefix }) => {
      const known = sql`EXISTS (SELECT 1 FROM search_words s WHERE s.namespace = ${namespace}
                  AND ${prefix ? sql`s.word LIKE ${`${word}%`}` : sql`s.word = ${word}`})`;
      return sql`
        SELECT ${word}::text AS word, ${known} AS known,
          CASE WHEN ${known} THEN '{}'::text[]
            ELSE ARRAY(SELECT s.word FROM search_words s WHERE s.namespace = ${namespace} AND s.word % ${word}
                       ORDER BY similarity(s.word, ${word}) DESC, s.word LIMIT 12) END AS near`;
    }),
    sql` UNION ALL `,
  );
}
