import { sql, type SQL } from 'drizzle-orm';
import type { NormalizedQuery, TermGroup } from './query.ts';
import type { ProviderHit, SearchFacets } from './types.ts';

// The SQL of the Postgres adapter: filters, the text query, ranking and the one search statement.
// Every value is a bound parameter of a drizzle sql template; only constants are written into the text.

/**
 * How many matching rows a relevance search ranks (picked by a cheap prior: verified references, then
 * rating). Ranking reads each candidate's tsvector out of TOAST; the cap keeps a broad query on a large
 * catalogue from ranking all of it.
 */
export const CANDIDATE_CAP = 300;
/**
 * Facet counts are exact up to this many matches. Beyond it they are estimated from an even sample of
 * about this many matches (by the uuid's last, random byte) and scaled to the total: counting every
 * value of 40,000 matches costs ~150 ms in Postgres, the sample ~5 ms. Total and `verified` stay exact.
 */
export const FACET_SAMPLE = 2000;

export type SearchRow = {
  total: number;
  verified: number;
  /** Rows the facets were counted on; less than total when they are estimates. */
  sampled: number;
  facets: [keyof Omit<SearchFacets, 'verified'>, string, number][];
  hits: ProviderHit[];
};

export function toFacets(row: Pick<SearchRow, 'facets' | 'total' | 'sampled' | 'verified'>): SearchFacets {
  const facets: SearchFacets = {
    functions: {},
    industries: {},
    kinds: {},
    languages: {},
    timezoneBands: {},
    verified: row.verified,
  };
  const scale = row.sampled > 0 && row.sampled < row.total ? row.total / row.sampled : 1;
  for (const [facet, value, count] of row.facets) {
    facets[facet][value] = Math.min(row.total, Math.max(1, Math.round(count * scale)));
  }
  return facets;
}

const textArray = (values: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

function filterConditions(q: NormalizedQuery): SQL[] {
  const where: SQL[] = [];
  if (q.functions) where.push(sql`p.functions && ${textArray(q.functions)}`);
  if (q.industries) where.push(sql`p.industries && ${textArray(q.industries)}`);
  if (q.languages) where.push(sql`p.languages && ${textArray(q.languages)}`);
  if (q.kinds) where.push(sql`p.kind = ANY(${textArray(q.kinds)})`);
  if (q.timezoneBands) where.push(sql`p.timezone_band = ANY(${textArray(q.timezoneBands)})`);
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

/** Every group must match (Meilisearch's matchingStrategy 'all'); null when there is no text. */
export function queryTsquery(groups: TermGroup[], fixes: ReadonlyMap<string, string[]>): string | null {
  if (groups.length === 0) return null;
  return groups
    .map((g, i) => `(${groupTsquery(g, i === groups.length - 1, fixes.get(g.typed.join(' ')) ?? [])})`)
    .join(' & ');
}

const BY_PRIOR = sql`m.verified_refs DESC, m.rating_avg DESC NULLS LAST, m.rating_count DESC, m.id`;

function orderBy(q: NormalizedQuery): SQL {
  switch (q.sort) {
    case 'rate_asc':
      return sql`m.rate_min ASC, m.rate_max ASC, m.id`;
    case 'rate_desc':
      return sql`m.rate_max DESC, m.rate_min DESC, m.id`;
    case 'rating':
      return sql`m.rating_avg DESC NULLS LAST, m.rating_count DESC, m.id`;
    default:
      return BY_PRIOR;
  }
}

/**
 * One statement, one round trip: `matched` (filters and the text query, through the GIN indexes; only
 * the narrow in-heap columns), exact total and verified count, facet counts over all matches or an even
 * sample of them, and the requested page. Relevance with text ranks the CANDIDATE_CAP best matches by
 * the prior with ts_rank_cd (weights: A name and function names, B industry names and headline,
 * C duties, D bio: "bookkeeping" ranks bookkeepers above lead-gen firms for bookkeeping practices).
 */
export function searchStatement(namespace: string, q: NormalizedQuery, tsquery: string | null): SQL {
  const where = [sql`p.namespace = ${namespace}`, ...filterConditions(q)];
  // A query of stop words only (numnode 0) matches everything; Postgres folds the constant test away.
  if (tsquery !== null) {
    const query = sql`to_tsquery('english', ${tsquery})`;
    where.push(sql`(numnode(${query}) = 0 OR p.search_vector @@ ${query})`);
  }
  const rankByText = q.sort === 'relevance' && tsquery !== null;
  const pageOrder = rankByText ? sql`m.score DESC, ${BY_PRIOR}` : orderBy(q);
  const page = rankByText
    ? sql`
      candidates AS (SELECT m.id, m.verified_refs, m.rating_avg, m.rating_count FROM matched m
                     ORDER BY ${BY_PRIOR} LIMIT ${CANDIDATE_CAP}),
      page AS (
        SELECT m.*, ts_rank_cd(p.search_vector, to_tsquery('english', ${tsquery}), 1) AS score
        FROM candidates m JOIN search_providers p ON p.namespace = ${namespace} AND p.id = m.id
        ORDER BY score DESC, ${BY_PRIOR}
        LIMIT ${q.perPage} OFFSET ${q.offset}
      )`
    : sql`page AS (SELECT m.* FROM matched m ORDER BY ${pageOrder} LIMIT ${q.perPage} OFFSET ${q.offset})`;

  return sql`
    WITH matched AS MATERIALIZED (
      SELECT p.id, p.kind, p.functions, p.industries, p.languages, p.timezone_band, p.rate_min,
             p.rate_max, p.rating_avg, p.rating_count, p.verified_refs
      FROM search_providers p
      WHERE ${sql.join(where, sql` AND `)}
    ),
    counted AS (
      SELECT count(*)::int AS n, (count(*) FILTER (WHERE verified_refs > 0))::int AS verified FROM matched
    ),
    sample AS MATERIALIZED (
      SELECT m.kind, m.functions, m.industries, m.languages, m.timezone_band FROM matched m, counted c
      WHERE c.n <= ${FACET_SAMPLE} OR get_byte(uuid_send(m.id), 15) < ${256 * FACET_SAMPLE}::numeric / c.n
    ),
    facet_values AS (
      SELECT 'functions' AS facet, v AS value, count(*)::int AS n FROM sample, unnest(functions) v GROUP BY v
      UNION ALL
      SELECT 'industries', v, count(*)::int FROM sample, unnest(industries) v GROUP BY v
      UNION ALL
      SELECT 'languages', v, count(*)::int FROM sample, unnest(languages) v GROUP BY v
      UNION ALL
      SELECT 'kinds', kind, count(*)::int FROM sample GROUP BY kind
      UNION ALL
      SELECT 'timezoneBands', timezone_band, count(*)::int FROM sample GROUP BY timezone_band
    ),
    ${page}
    SELECT c.n AS total, c.verified, (SELECT count(*)::int FROM sample) AS sampled,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(facet, value, n)), '[]'::jsonb) FROM facet_values) AS facets,
      (SELECT coalesce(jsonb_agg(p.doc ORDER BY ${pageOrder}), '[]'::jsonb)
         FROM page m JOIN search_providers p ON p.namespace = ${namespace} AND p.id = m.id) AS hits
    FROM counted c`;
}

/**
 * For each typed word: is it an indexed word (or, as the last word, the start of one), and its nearest
 * indexed words by trigram similarity. One branch per word with the word bound as a constant, so both
 * tests use the trigram index.
 */
export function vocabularyStatement(namespace: string, words: { word: string; prefix: boolean }[]): SQL {
  return sql.join(
    words.map(
      ({ word, prefix }) => sql`
        SELECT ${word}::text AS word,
          EXISTS (SELECT 1 FROM search_words s WHERE s.namespace = ${namespace}
                  AND ${prefix ? sql`s.word LIKE ${`${word}%`}` : sql`s.word = ${word}`}) AS known,
          ARRAY(SELECT s.word FROM search_words s WHERE s.namespace = ${namespace} AND s.word % ${word}
                ORDER BY similarity(s.word, ${word}) DESC, s.word LIMIT 12) AS near`,
    ),
    sql` UNION ALL `,
  );
}
