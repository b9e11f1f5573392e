import type { NormalizedQuery } from './query.ts';
import type { SearchSort } from './types.ts';

/**
 * A Meilisearch filter string literal: backslashes and double quotes escaped, the whole value in
 * double quotes, so no value can close the string and add its own operators.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A finite number without exponent notation (normalizeQuery already bounds its size). */
function num(value: number): string {
  return String(Number(value.toFixed(6)));
}

function anyOf(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quote).join(', ')}]`;
}

/**
 * The filter for a normalised query: facets AND-ed, values within a facet OR-ed (IN), every value
 * quoted. Field names are constants. `published = true` keeps unpublished documents out even if one
 * was ever indexed (upsert deletes them).
 */
export function buildMeiliFilter(q: NormalizedQuery): string {
  const parts = ['published = true'];
  if (q.functions) parts.push(anyOf('functions', q.functions));
  if (q.industries) parts.push(anyOf('industries', q.industries));
  if (q.kinds) parts.push(anyOf('kind', q.kinds));
  if (q.languages) parts.push(anyOf('languages', q.languages));
  if (q.timezoneBands) parts.push(anyOf('timezoneBand', q.timezoneBands));
  // Ranges overlap when each starts before the other ends.
  if (q.rateMin !== undefined) parts.push(`rateMaxUsd >= ${num(q.rateMin)}`);
  if (q.rateMax !== undefined) parts.push(`rateMinUsd <= ${num(q.rateMax)}`);
  if (q.verifiedOnly) parts.push('verified = true');
  return parts.join(' AND ');
}

/** Browsing order (no text): verified references, rating, rating count; the id breaks ties. */
const BY_PRIOR = ['verifiedReferenceCount:desc', 'ratingSort:desc', 'ratingCount:desc', 'id:asc'];

/**
 * The `sort` parameter. Relevance with text sends none, so Meilisearch's relevance rules decide; every
 * other order ends with id so equal values come back in the same order as from Postgres.
 */
export function buildMeiliSort(sort: SearchSort, hasText: boolean): string[] | undefined {
  switch (sort) {
    case 'rate_asc':
      return ['rateMinUsd:asc', 'rateMaxUsd:asc', 'id:asc'];
    case 'rate_desc':
      return ['rateMaxUsd:desc', 'rateMinUsd:desc', 'id:asc'];
    case 'rating':
      return ['ratingSort:desc', 'ratingCount:desc', 'id:asc'];
    default:
      return hasText ? undefined : BY_PRIOR;
  }
}

/**
 * The ranking tiers of a relevance search whose words mean functions or industries (NormalizedQuery's
 * `prefer`), best first, as filter clauses to AND with the query's own filter: offering a preferred
 * function and serving a preferred industry, the function only, the industry only, neither. The
 * Postgres adapter orders by the same two tests; Meilisearch cannot boost by a filter, so the adapter
 * asks for each tier in one multi-search and concatenates them. Empty when nothing is preferred.
 */
export function preferenceTiers(q: NormalizedQuery): string[] {
  const fn = q.prefer.functions.length > 0 ? anyOf('functions', q.prefer.functions) : undefined;
  const ind = q.prefer.industries.length > 0 ? anyOf('industries', q.prefer.industries) : undefined;
  if (fn && ind)
    return [`${fn} AND ${ind}`, `${fn} AND NOT ${ind}`, `NOT ${fn} AND ${ind}`, `NOT ${fn} AND NOT ${ind}`];
  const one = fn ?? ind;
  return one ? [one, `NOT ${one}`] : [];
}
