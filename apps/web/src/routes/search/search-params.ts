import { fieldErrors, searchProvidersQuery, type SearchProvidersQuery } from '@handoff/contracts';
import { LIST_PARAMS, searchHref, type ListParam, type SearchState } from '$lib/search-url.ts';
import { readingFrom, resolveReading } from './reading.ts';

/** A filter value the search does not know (`?language=zz`): left out, named on the page. */
export interface UnknownValue {
  param: ListParam;
  value: string;
}

export interface ReadSearch {
  state: SearchState;
  /** A message per parameter that was left out (`rateMax`, `page`…). */
  errors: Record<string, string>;
  unknown: UnknownValue[];
  /** The rates as typed, kept in the boxes even when one was left out of the search. */
  entered: { rateMin?: string; rateMax?: string };
}

/**
 * Reads a search from its URL with the API's own schema. A bad value (`rateMin=abc`) is dropped with a
 * message for its field, and the rest of the search still runs; a bad value of a list (`language=zz`)
 * drops only that value, named in `unknown`. A form sent without JavaScript also carries the page's
 * reading of the words (./reading.ts), resolved here.
 */
export function readSearch(params: URLSearchParams): ReadSearch {
  const raw: Record<string, unknown> = {};
  for (const key of LIST_PARAMS) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length) raw[key] = values;
  }
  for (const key of ['q', 'rateMin', 'rateMax', 'verified', 'literal', 'sort', 'page', 'perPage']) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const entered = {
    ...(typeof raw.rateMin === 'string' ? { rateMin: raw.rateMin } : {}),
    ...(typeof raw.rateMax === 'string' ? { rateMax: raw.rateMax } : {}),
  };

  const errors: Record<string, string> = {};
  const unknown: UnknownValue[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const parsed = searchProvidersQuery.safeParse(raw);
    if (parsed.success) {
      const reading = readingFrom(
        (key) => params.get(key),
        (key) => params.getAll(key),
      );
      return { state: resolveReading(parsed.data, reading), errors, unknown, entered };
    }
    const badValues = new Map<string, Set<number>>();
    for (const [path, message] of Object.entries(fieldErrors(parsed.error.issues))) {
      const [key, index] = path.split('.') as [string, string | undefined];
      if (index !== undefined && isListParam(key)) {
        badValues.set(key, (badValues.get(key) ?? new Set()).add(Number(index)));
        continue;
      }
      errors[key] ??= message;
      delete raw[key];
    }
    for (const [key, indexes] of badValues) {
      const values = raw[key] as string[];
      for (const i of indexes) unknown.push({ param: key as ListParam, value: values[i]! });
      raw[key] = values.filter((_, i) => !indexes.has(i));
    }
  }
  return { state: {}, errors, unknown, entered };
}

const isListParam = (key: string): key is ListParam => (LIST_PARAMS as readonly string[]).includes(key);

/** Functions and industries the taxonomy does not have: left out of the search, named like other unknowns. */
export function withoutUnknownSlugs(
  state: SearchState,
  known: { function: Set<string> | null; industry: Set<string> | null },
): { state: SearchState; unknown: UnknownValue[] } {
  const unknown: UnknownValue[] = [];
  const next = { ...state };
  for (const param of ['function', 'industry'] as const) {
    const slugs = known[param];
    if (!slugs || !state[param]) continue;
    for (const value of state[param]) if (!slugs.has(value)) unknown.push({ param, value });
    next[param] = state[param].filter((value) => slugs.has(value));
  }
  return { state: next, unknown };
}

/** The search a filter form describes right now (with JavaScript, before it is submitted). */
export function stateFromForm(data: FormData): SearchState {
  const text = (key: string) => {
    const value = data.get(key);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const number = (key: string) => {
    const value = text(key);
    return value === undefined || !Number.isFinite(Number(value)) ? undefined : Number(value);
  };
  const list = <T extends string>(key: ListParam) =>
    data.getAll(key).filter((v): v is T => typeof v === 'string' && v !== '');
  const state: SearchState = {
    q: text('q'),
    function: list('function'),
    industry: list('industry'),
    kind: list<NonNullable<SearchProvidersQuery['kind']>[number]>('kind'),
    language: list('language'),
    tz: list<NonNullable<SearchProvidersQuery['tz']>[number]>('tz'),
    rateMin: number('rateMin'),
    rateMax: number('rateMax'),
    verified: data.get('verified') === 'true',
    literal: data.get('literal') === 'true',
    sort: text('sort') as SearchState['sort'],
  };
  const reading = readingFrom(
    (key) => text(key) ?? (data.has(key) ? '' : null),
    (key) => data.getAll(key).filter((v): v is string => typeof v === 'string'),
  );
  return resolveReading(state, reading);
}

/** The same search without one facet value (a filter chip's ×); back to page 1. */
export function withoutValue(state: SearchState, key: ListParam, value: string): string {
  const values = (state[key] ?? []) as string[];
  return searchHref({ ...state, [key]: values.filter((v) => v !== value), page: 1 });
}

export const pageHref = (state: SearchState, page: number): string => searchHref({ ...state, page });

/** How many filters are on (not counting the text or the sort): the mobile "Filters (3)" button. */
export function filterCount(state: SearchState): number {
  const lists = LIST_PARAMS.reduce((n, key) => n + (state[key]?.length ?? 0), 0);
  const rate = state.rateMin !== undefined || state.rateMax !== undefined ? 1 : 0;
  return lists + rate + (state.verified ? 1 : 0);
}
