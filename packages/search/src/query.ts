import { FILLER_WORDS, plainWords, understand } from '@handoff/core/taxonomy';
import { STOP_WORDS, SYNONYM_GROUPS } from './synonyms.ts';
import {
  MAX_PER_PAGE,
  SEARCH_SORTS,
  type ProviderSearchQuery,
  type ProviderSearchResult,
  type SearchSort,
} from './types.ts';

/** Longer text is cut before it is tokenised: nobody types 200 characters into a search box. */
export const MAX_QUERY_CHARS = 200;
/** Meilisearch ignores query words beyond 10; Postgres stops at the same place. */
export const MAX_QUERY_TERMS = 10;
const MAX_TERM_CHARS = 40;
/** Values per facet filter beyond this are ignored: no UI sends more, and it bounds the SQL. */
const MAX_FILTER_VALUES = 50;
/** Largest absolute rate a filter uses; keeps numbers out of exponent notation. */
const MAX_RATE = 1e9;
/** Deeper pages are clamped; both engines only rank a bounded window anyway. */
const MAX_PAGE = 10_000;

const stopWords = new Set(STOP_WORDS);

/**
 * Lower-case words of letters and digits, stop words dropped. Everything else (quotes, `%`, `_`,
 * backslashes, emoji, operators of either engine's query syntax) is a separator, so what reaches an
 * engine is plain words.
 */
export function tokenize(text: string | undefined): string[] {
  return plainWords(text, MAX_QUERY_CHARS)
    .filter((w) => !stopWords.has(w))
    .slice(0, MAX_QUERY_TERMS)
    .map((w) => w.slice(0, MAX_TERM_CHARS));
}

/** One query term after synonym expansion: the words the user typed and the phrases they stand for. */
export interface TermGroup {
  /** What the user typed (one word, or a synonym phrase such as ["customer", "service"]). */
  typed: string[];
  /** Phrases to match, the typed one included; each phrase is a list of words. */
  alternatives: string[][];
}

const synonymPhrases = SYNONYM_GROUPS.map((group) => group.map((term) => tokenizeTerm(term)));
const longestPhrase = Math.max(...synonymPhrases.flat().map((p) => p.length));

function tokenizeTerm(term: string): string[] {
  return term.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * Splits the words into groups, matching the longest synonym phrase at each position, and lists every
 * equivalent phrase for each group. "customer service real estate" gives
 * [csr | customer service | customer support | support] [realtor | real estate | realty].
 */
export function expandTerms(words: string[]): TermGroup[] {
  const groups: TermGroup[] = [];
  let i = 0;
  while (i < words.length) {
    let matched: TermGroup | undefined;
    for (let len = Math.min(longestPhrase, words.length - i); len >= 1 && !matched; len -= 1) {
      const typed = words.slice(i, i + len);
      const alternatives: string[][] = [];
      for (const group of synonymPhrases) {
        if (!group.some((phrase) => sameWords(phrase, typed))) continue;
        for (const phrase of group) {
          if (!alternatives.some((a) => sameWords(a, phrase))) alternatives.push(phrase);
        }
      }
      if (alternatives.length > 0) matched = { typed, alternatives };
    }
    const group = matched ?? { typed: [words[i] as string], alternatives: [[words[i] as string]] };
    groups.push(group);
    i += group.typed.length;
  }
  return groups;
}

/**
 * The words without filler ("who can help with bookkeeping" searches bookkeeping), unless nothing
 * else is left. A filler word inside a synonym phrase stays ("customer service").
 */
export function withoutFiller(words: string[]): string[] {
  const kept = expandTerms(words).filter(
    (g) => g.typed.length > 1 || !FILLER_WORDS.has(g.typed[0] as string),
  );
  return kept.length > 0 ? kept.flatMap((g) => g.typed) : words;
}

/** A query with its paging clamped, its sort defaulted and its filter lists bounded. */
export interface NormalizedQuery extends ProviderSearchQuery {
  /** The tokens of `q`, joined by spaces; empty when there is nothing to match. */
  text: string;
  words: string[];
  sort: SearchSort;
  offset: number;
  /** A filter asked only for values no document can have. */
  matchesNothing: boolean;
  /**
   * The query's `prefer`, else what the text means in the taxonomy (query understanding,
   * @handoff/core/taxonomy): a relevance search ranks providers offering these functions first, then
   * those serving these industries, then by text. Empty without either, or with another sort.
   */
  prefer: { functions: string[]; industries: string[] };
}

/** Functions close to the best reading count ("bookkeeping and payroll"); a stray duty word does not. */
const PREFER_RATIO = 0.6;

export function preferences(text: string | undefined): NormalizedQuery['prefer'] {
  const u = understand(text);
  const best = u.functions[0]?.score ?? 0;
  return {
    functions: u.functions.filter((f) => f.score >= best * PREFER_RATIO).map((f) => f.slug),
    industries: u.industries.map((i) => i.slug),
  };
}

/** The query's own preference when it has one, else its words' meaning; none for another sort. */
function preferenceOf(query: ProviderSearchQuery, words: string[]): NormalizedQuery['prefer'] {
  if ((query.sort ?? 'relevance') !== 'relevance') return { functions: [], industries: [] };
  if (query.prefer) {
    return {
      functions: list(query.prefer.functions) ?? [],
      industries: list(query.prefer.industries) ?? [],
    };
  }
  return words.length > 0 ? preferences(query.q) : { functions: [], industries: [] };
}

function list<T>(values: T[] | undefined): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  // Neither engine can store a NUL (Postgres rejects it in text), so such a value can match nothing;
  // a list left empty by this makes the query match nothing (see matchesNothing).
  const usable = values.filter((v) => typeof v === 'string' && !v.includes('\u0000'));
  return [...new Set(usable)].slice(0, MAX_FILTER_VALUES);
}

function rate(value: number | undefined): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.max(-MAX_RATE, Math.min(MAX_RATE, value));
}

/**
 * Which of a query's word groups to search: those some provider has (`matched`), the others left out
 * and reported; every group when none matches (the answer is then empty, not everything). One rule for
 * both adapters, each finding `matched` its own way.
 */
export function usableGroups<T>(groups: T[], matched: (i: number) => boolean): { kept: T[]; ignored: T[] } {
  const kept = groups.filter((_, i) => matched(i));
  if (kept.length === 0) return { kept: groups, ignored: [] };
  return { kept, ignored: groups.filter((_, i) => !matched(i)) };
}

/** Both adapters search through this, so paging and defaults cannot drift apart. */
export function normalizeQuery(query: ProviderSearchQuery): NormalizedQuery {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(Number(query.perPage)) || 1));
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(query.page)) || 1));
  const words = withoutFiller(tokenize(query.q));
  const lists = {
    functions: list(query.functions),
    industries: list(query.industries),
    kinds: list(query.kinds),
    languages: list(query.languages),
    timezoneBands: list(query.timezoneBands),
  };
  return {
    ...query,
    ...lists,
    matchesNothing: Object.values(lists).some((l) => l !== undefined && l.length === 0),
    text: words.join(' '),
    words,
    prefer: preferenceOf(query, words),
    rateMin: rate(query.rateMin),
    rateMax: rate(query.rateMax),
    verifiedOnly: query.verifiedOnly === true,
    sort: query.sort && SEARCH_SORTS.includes(query.sort) ? query.sort : 'relevance',
    page,
    perPage,
    offset: (page - 1) * perPage,
  };
}

/** The answer to a query that cannot match anything, with the same shape as a real one. */
export function emptyResult(q: NormalizedQuery): ProviderSearchResult {
  return {
    hits: [],
    total: 0,
    totalExact: true,
    page: q.page,
    perPage: q.perPage,
    facets: { functions: {}, industries: {}, kinds: {}, languages: {}, timezoneBands: {}, verified: 0 },
    ignoredWords: [],
  };
}
