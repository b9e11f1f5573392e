import type { SearchUnderstood } from '@handoff/contracts';
import { searchHref, type SearchState } from '$lib/search-url.ts';

// The api reads the owner's words ("bookkeeping for restaurants") into function and industry filters
// that are not in the URL: `?q=bookkeeping+for+restaurants` stays one shareable search. The page shows
// them as chips and as ticked boxes in the filters, so the form must remember which ticks came from the
// words: otherwise, sent back with the same words, an unticked one would simply be read again. Hidden
// fields carry that (they never reach the api; the page redirects to the resolved search):
//   asked   — the words this page searched
//   readAs  — each filter read from them, `function:slug` or `industry:slug`
//   readText — the words still searched as text beside them

export type ReadKey = 'function' | 'industry';

export interface Reading {
  asked: string;
  readAs: string[];
  readText: string | undefined;
}

/** The filters the api read from the words, as `function:slug` / `industry:slug`. */
export function readAs(understood: SearchUnderstood | null): string[] {
  if (!understood) return [];
  return [
    ...understood.functions.map((f) => `function:${f.slug}`),
    ...understood.industries.map((i) => `industry:${i.slug}`),
  ];
}

/** The hidden fields' values, from a form or a URL; null when the form carried none. */
export function readingFrom(get: (key: string) => string | null, getAll: (key: string) => string[]) {
  const asked = get('asked');
  if (asked === null) return null;
  const text = get('readText')?.trim();
  return { asked: asked.trim(), readAs: getAll('readAs'), readText: text || undefined } satisfies Reading;
}

/**
 * The search a form sent, with the page's reading of the words resolved:
 * - new words: filters read from the old ones are dropped (and "search all text" with them);
 * - the same words with every read filter still ticked, and nothing else ticked beside them in the
 *   same facet: the words are sent as they were, to be read again (one URL per search);
 * - otherwise (one unticked, or another value added beside one): the ticked filters become filters of
 *   their own and only the words left as text stay in the box.
 */
export function resolveReading(state: SearchState, reading: Reading | null): SearchState {
  if (!reading) return state;
  const read = (key: ReadKey) =>
    reading.readAs.filter((r) => r.startsWith(`${key}:`)).map((r) => r.slice(key.length + 1));
  const keys: ReadKey[] = ['function', 'industry'];
  if ((state.q ?? '') !== reading.asked) {
    const next: SearchState = { ...state, literal: undefined };
    for (const key of keys) next[key] = (state[key] ?? []).filter((v) => !read(key).includes(v));
    return next;
  }
  if (reading.readAs.length === 0) return state;
  const kept = keys.every((key) => read(key).every((v) => state[key]?.includes(v)));
  const beside = keys.some(
    (key) => read(key).length > 0 && (state[key] ?? []).some((v) => !read(key).includes(v)),
  );
  if (kept && !beside) {
    const next: SearchState = { ...state };
    for (const key of keys) next[key] = (state[key] ?? []).filter((v) => !read(key).includes(v));
    return next;
  }
  return { ...state, q: reading.readText };
}

/** The search with the read filters as filters of its own, and only the words left as text. */
function asFilters(state: SearchState, understood: SearchUnderstood): SearchState {
  const add = (own: string[] | undefined, read: { slug: string }[]) => [
    ...new Set([...(own ?? []), ...read.map((r) => r.slug)]),
  ];
  return {
    ...state,
    q: understood.text ?? undefined,
    function: add(state.function, understood.functions),
    industry: add(state.industry, understood.industries),
    page: 1,
  };
}

/** A read filter's chip: the same search without it, the other read filters kept (so it widens). */
export function withoutRead(state: SearchState, understood: SearchUnderstood, key: ReadKey, slug: string) {
  const next = asFilters(state, understood);
  next[key] = next[key]!.filter((v) => v !== slug);
  return searchHref(next);
}

/** The search the page shows: the filters of the URL and those read from the words. */
export function shownState(state: SearchState, understood: SearchUnderstood | null): SearchState {
  return understood ? { ...asFilters(state, understood), q: state.q, page: state.page } : state;
}
