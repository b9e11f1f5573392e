import { sql, type SQL } from 'drizzle-orm';
import { expandTerms, type NormalizedQuery, type TermGroup } from './query.ts';
import type { ProviderHit, SearchFacets } from './types.ts';

// The SQL of the Postgres adapter: filters, text matching, ranking and the one search statement.
// Every value is a bound parameter of a drizzle sql template; only constants are written into the text.

/**
 * How many matching rows a relevance search ranks (picked by a cheap prior: verified references, then
 * rating count). Ranking reads every candidate's tsvector; the cap keeps a broad query on a large
 * catalogue from ranking all of it. Totals and facets are still exact.
 */
export const CANDIDATE_CAP = 2000;
/** Trigram matching (typos, fragments) only for words this long, like Meilisearch's one-typo minimum. */
const MIN_FUZZY_WORD = 5;

export type SearchRow = {
  total: number;
  verified: number;
  facets: [keyof Omit<SearchFacets, 'verified'>, string, number][];
  hits: ProviderHit[];
};

export function toFacets(rows: SearchRow['facets'], verified: number): SearchFacets {
  const facets: SearchFacets = {
    functions: {},
    industries: {},
    kinds: {},
    languages: {},
    timezoneBands: {},
    verified,
  };
  for (const [facet, value, count] of rows) facets[facet][value] = count;
  return facets;
}

const textArray = (values: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

function filterConditions(q: NormalizedQuery): SQL[] {
  const where: SQL[] = [];
  if (q.functions) where.push(sql`functions && ${textArray(q.functions)}`);
  if (q.industries) where.push(sql`industries && ${textArray(q.industries)}`);
  if (q.languages) where.push(sql`languages && ${textArray(q.languages)}`);
  if (q.kinds) where.push(sql`kind = ANY(${textArray(q.kinds)})`);
  if (q.timezoneBands) where.push(sql`timezone_band = ANY(${textArray(q.timezoneBands)})`);
  // Ranges overlap when each starts before the other ends.
  if (q.rateMin !== undefined) where.push(sql`rate_max >= ${q.rateMin}`);
  if (q.rateMax !== undefined) where.push(sql`rate_min <= ${q.rateMax}`);
  if (q.verifiedOnly) where.push(sql`verified_refs > 0`);
  return where;
}

/**
 * to_tsquery text for one group: its phrases OR-ed, the typed word of the last group as a prefix.
 * Words are letters and digits only (see tokenize), so they cannot form tsquery operators; the text is
 * still passed as a bound parameter.
 */
export function groupTsquery(group: TermGroup, prefix: boolean): string {
  return group.alternatives
    .map((phrase) => {
      if (phrase.length > 1) return `(${phrase.join(' <-> ')})`;
      const typed = group.typed.length === 1 && group.typed[0] === phrase[0];
      return prefix && typed ? `${phrase[0]}:*` : (phrase[0] as string);
    })
    .join(' | ');
}

/**
 * Every group must match (like Meilisearch's matchingStrategy 'all'): through the tsvector (stems,
 * synonyms, the last word as a prefix) or, for a long enough typed word, through trigram word
 * similarity (typos such as "bookeeping"). A group of Postgres-only stop words matches everything.
 *
 * Each branch is its own indexed subquery: OR-ing `search_vector @@` and `%>` on one row made the
 * planner pick a sequential scan that detoasts every tsvector (0.4 s at 20k rows instead of 17 ms).
 */
function textConditions(namespace: string, groups: TermGroup[]): SQL[] {
  return groups.map((group, i) => {
    const query = sql`to_tsquery('english', ${groupTsquery(group, i === groups.length - 1)})`;
    const typed = group.typed.length === 1 ? group.typed[0] : undefined;
    const fuzzy =
      typed && typed.length >= MIN_FUZZY_WORD
        ? sql` UNION SELECT id FROM search_providers WHERE namespace = ${namespace} AND trigram_text %> ${typed}`
        : sql``;
    return sql`(numnode(${query}) = 0 OR p.id IN (
      SELECT id FROM search_providers WHERE namespace = ${namespace} AND search_vector @@ ${query}${fuzzy}))`;
  });
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
 * One statement, one round trip: `matched` (filters and text; facet and sort columns only), the facet
 * counts and total over all of it, and the requested page. Relevance with text ranks a capped candidate
 * set by ts_rank_cd (weights: A name and taxonomy names, B headline, C duties, D bio) plus trigram
 * similarity of the whole query to name/taxonomy/headline; the prior breaks ties.
 */
export function searchStatement(namespace: string, q: NormalizedQuery): SQL {
  const groups = expandTerms(q.words);
  const where = [
    sql`p.namespace = ${namespace}`,
    ...filterConditions(q),
    ...textConditions(namespace, groups),
  ];
  const rankByText = q.sort === 'relevance' && groups.length > 0;
  const anyGroup = groups.map((g, i) => `(${groupTsquery(g, i === groups.length - 1)})`).join(' | ');
  // Ranking needs the text columns; carrying them in `matched` saves a join back to the table.
  const textColumns = rankByText ? sql`, p.search_vector, p.trigram_text` : sql``;
  const pageOrder = rankByText ? sql`m.score DESC, ${BY_PRIOR}` : orderBy(q);
  // LIMIT/OFFSET (rather than numbering every row) lets the planner use a top-N sort and fetch the
  // page's documents by key.
  const page = rankByText
    ? sql`
      candidates AS (SELECT m.* FROM matched m ORDER BY ${BY_PRIOR} LIMIT ${CANDIDATE_CAP}),
      page AS (
        SELECT m.*, ts_rank_cd(m.search_vector, to_tsquery('english', ${anyGroup}), 1)
                    + 0.1 * word_similarity(${q.text}, m.trigram_text) AS score
        FROM candidates m
        ORDER BY score DESC, ${BY_PRIOR}
        LIMIT ${q.perPage} OFFSET ${q.offset}
      )`
    : sql`page AS (SELECT m.* FROM matched m ORDER BY ${pageOrder} LIMIT ${q.perPage} OFFSET ${q.offset})`;

  return sql`
    WITH matched AS MATERIALIZED (
      SELECT p.id, p.kind, p.functions, p.industries, p.languages, p.timezone_band, p.rate_min,
             p.rate_max, p.rating_avg, p.rating_count, p.verified_refs${textColumns}
      FROM search_providers p
      WHERE ${sql.join(where, sql` AND `)}
    ),
    facet_values AS (
      SELECT 'functions' AS facet, v AS value, count(*)::int AS n FROM matched, unnest(functions) v GROUP BY v
      UNION ALL
      SELECT 'industries', v, count(*)::int FROM matched, unnest(industries) v GROUP BY v
      UNION ALL
      SELECT 'languages', v, count(*)::int FROM matched, unnest(languages) v GROUP BY v
      UNION ALL
      SELECT 'kinds', kind, count(*)::int FROM matched GROUP BY kind
      UNION ALL
      SELECT 'timezoneBands', timezone_band, count(*)::int FROM matched GROUP BY timezone_band
    ),
    ${page}
    SELECT
      (SELECT count(*)::int FROM matched) AS total,
      (SELECT count(*)::int FROM matched WHERE verified_refs > 0) AS verified,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(facet, value, n)), '[]'::jsonb) FROM facet_values) AS facets,
      (SELECT coalesce(jsonb_agg(p.doc ORDER BY ${pageOrder}), '[]'::jsonb)
         FROM page m JOIN search_providers p ON p.namespace = ${namespace} AND p.id = m.id) AS hits`;
}
