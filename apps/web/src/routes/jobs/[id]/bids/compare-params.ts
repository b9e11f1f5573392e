import { compareBidsQuery, type CompareBidsQuery } from '@handoff/contracts';

/** The grid's switches as GET parameters (the api's own names), so they work without JavaScript. */
export const FLAGS = ['hideInactive', 'fullCoverage', 'shortlisted', 'includeArchived'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Record<Flag, string> = {
  hideInactive: 'Hide declined and withdrawn',
  fullCoverage: 'Only bids covering every duty',
  shortlisted: 'Only your shortlist',
  includeArchived: 'Show archived bids',
};

export const SORT_LABELS = {
  newest: 'Newest first',
  price: 'Lowest price first',
  coverage: 'Best duty coverage',
  rating: 'Best rating',
} as const;

/** The sort and filters in the URL; anything not understood falls back to the defaults, said once. */
export function readCompare(params: URLSearchParams): { query: CompareBidsQuery; problem: string | null } {
  const raw: Record<string, string> = {};
  for (const key of ['sort', ...FLAGS]) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = compareBidsQuery.safeParse(raw);
  if (parsed.success) return { query: parsed.data, problem: null };
  return {
    query: compareBidsQuery.parse({}),
    problem:
      'The sorting or filters in the address were not understood, so every bid is shown, newest first.',
  };
}

/** "?sort=price&hideInactive=true", without defaults; "" for the plain grid. */
export function compareSearch(query: CompareBidsQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== 'newest') params.set('sort', query.sort);
  for (const flag of FLAGS) if (query[flag]) params.set(flag, 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const filtered = (query: CompareBidsQuery): boolean => FLAGS.some((flag) => query[flag]);
