import type { BusinessFunction, Industry } from '@handoff/contracts';
import { functions as taxonomyFunctions } from './functions.ts';
import { industries as taxonomyIndustries } from './industries.ts';
import { FUNCTION_WORDS } from './function-words.ts';
import { INDUSTRY_WORDS } from './industry-words.ts';
import { createUnderstanding } from './understand.ts';
import { allowedTypos, editDistance, startsAlike, stem, STOP_WORDS, words } from './words.ts';

// Autocomplete for the search box: functions, industries and "function for industry" pairs for what
// an owner has typed so far. In memory over the taxonomy and the owner words query understanding
// reads (./function-words.ts, ./industry-words.ts), so a completion is always something search understands: its `q`, searched,
// is read back as exactly its function and industry (complete.test.ts holds every one to that).
//
// Each typed word must meet a word of a name or owner word, in order: as a prefix ("book" →
// bookkeeping), by stem ("restaurants" → restaurant) or within its typo allowance ("bokkeep"). After
// "for", the words name the industry; before it, whatever understanding reads them as (so "someone to
// do my books for my caf" → Bookkeeping for restaurants & food service).

export interface Named {
  slug: string;
  name: string;
}

export interface Completion {
  kind: 'function' | 'industry' | 'pair';
  /** What the list shows, and what goes into the search box: "Bookkeeping for restaurants & food service". */
  q: string;
  function: Named | null;
  industry: Named | null;
  /** The owner word it was found by when that is not the name ("bookkeeper", "chase invoice"). */
  hint: string | null;
}

interface Label {
  text: string;
  /** Its words, as indexes into the completer's vocabulary. */
  ids: number[];
  isName: boolean;
}
interface Entry extends Named {
  labels: Label[];
}
interface Scored extends Named {
  score: number;
  hint: string | null;
}

const stopWords = new Set(STOP_WORDS);
const contentWords = (text: string) => words(text).filter((w) => !stopWords.has(w));
/** "Restaurants & food service" inside a sentence: "… for restaurants & food service" (not "SaaS"). */
const inSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;

/** How well one typed word meets one label word: 0 no, 3 equal, 2 prefix or same stem, 1 a typo. */
function meet(typed: string, typedStem: string, word: string, wordStem: string, last: boolean): number {
  if (typed === word) return 3;
  if (word.startsWith(typed) && (last || typed.length >= 3)) return 2;
  if (typedStem === wordStem) return 2;
  const max = allowedTypos(typed);
  if (max === 0) return 0;
  if (!startsAlike(typed, word)) return 0;
  // A typo in what may be the start of the word: the closest of its prefixes around the typed length.
  for (let n = typed.length - 1; n <= typed.length + 1; n += 1) {
    if (n < 1 || n > word.length || (!last && n !== word.length)) continue;
    if (editDistance(typed, word.slice(0, n), max) <= max) return 1;
  }
  return 0;
}

/** How one typed word meets the vocabulary word with this index (see Meet). */
type MeetRow = (id: number) => number;
/** Each typed word's row: how it meets every vocabulary word, worked out as asked and kept. */
type Meet = (typed: string, last: boolean) => MeetRow;

/**
 * `meet` over a vocabulary, each typed word against each vocabulary word worked out once per completion:
 * labels share words ("service" is in dozens), and a completion ranks the same words several times.
 */
function meeter(vocabulary: string[], stems: string[]): Meet {
  const rows = new Map<string, MeetRow>();
  return (typed, last) => {
    const key = last ? `>${typed}` : typed;
    let row = rows.get(key);
    if (!row) {
      const typedStem = stem(typed);
      const found = new Int8Array(vocabulary.length).fill(-1);
      row = (id) => {
        let f = found[id]!;
        if (f < 0) found[id] = f = meet(typed, typedStem, vocabulary[id]!, stems[id]!, last);
        return f;
      };
      rows.set(key, row);
    }
    return row;
  };
}

/** The typed words (their rows) against one label: every one must meet a label word, in order. 0 when not. */
function scoreLabel(typed: MeetRow[], label: Label, anchored: boolean): number {
  let at = 0;
  let score = 0;
  for (let i = 0; i < typed.length; i += 1) {
    let found = 0;
    while (at < label.ids.length && found === 0) {
      found = typed[i]!(label.ids[at]!);
      if (found === 0 && i === 0) {
        if (anchored) return 0;
        score -= 4; // the first word met further into the label
      }
      at += 1;
    }
    if (found === 0) return 0;
    score += found === 3 ? 20 : found === 2 ? 14 : 6;
  }
  if (typed.length === label.ids.length && score === typed.length * 20) score += 30; // all of it
  return score + (label.isName ? 8 : 0) + (at === typed.length ? 10 : 0) - label.text.length / 20;
}

/**
 * Entries the typed words meet, best first. The hint names the owner word only when the name itself
 * does not meet the words. `anchored`: the first word must meet a label’s first word.
 */
function rank(m: Meet, entries: Entry[], typed: string[], lastIsPrefix: boolean, anchored = false): Scored[] {
  if (typed.length === 0) return [];
  const rows = typed.map((t, i) => m(t, lastIsPrefix && i === typed.length - 1));
  const out: Scored[] = [];
  for (const entry of entries) {
    let best: Scored | null = null;
    let nameMet = false;
    for (const label of entry.labels) {
      const score = scoreLabel(rows, label, anchored);
      if (score > 0 && label.isName) nameMet = true;
      if (score > 0 && (!best || score > best.score)) {
        best = { slug: entry.slug, name: entry.name, score, hint: label.isName ? null : label.text };
      }
    }
    if (best) out.push(nameMet ? { ...best, hint: null } : best);
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en'));
}

/** Adds `extra` (from query understanding) where `list` lacks it, just below what was typed out. */
function merge(list: Scored[], extra: Named[], score: number): Scored[] {
  const have = new Set(list.map((s) => s.slug));
  return [...list, ...extra.filter((m) => !have.has(m.slug)).map((m) => ({ ...m, score, hint: null }))].sort(
    (a, b) => b.score - a.score,
  );
}

export function createCompleter(
  fns: readonly BusinessFunction[] = taxonomyFunctions,
  inds: readonly Industry[] = taxonomyIndustries,
) {
  const understand = createUnderstanding(fns, inds);
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const idsOf = (text: string) =>
    contentWords(text).map((w) => {
      if (!ids.has(w)) ids.set(w, vocabulary.push(w) - 1);
      return ids.get(w)!;
    });
  const entry = (named: Named, others: readonly string[]): Entry => ({
    slug: named.slug,
    name: named.name,
    labels: [
      { text: named.name, ids: idsOf(named.name), isName: true },
      ...others.map((text) => ({ text, ids: idsOf(text), isName: false })),
    ].filter((l) => l.ids.length > 0),
  });
  const fnEntries = fns.map((f) =>
    entry(f, [...(FUNCTION_WORDS[f.slug]?.synonyms ?? []), ...(FUNCTION_WORDS[f.slug]?.phrases ?? [])]),
  );
  const indEntries = inds.map((i) => entry(i, INDUSTRY_WORDS[i.slug] ?? []));
  const stems = vocabulary.map(stem); // once, not per completion: the vocabulary has thousands of words

  const fnCompletion = (f: Scored): Completion => ({
    kind: 'function',
    q: f.name,
    function: { slug: f.slug, name: f.name },
    industry: null,
    hint: f.hint,
  });
  const indCompletion = (i: Scored): Completion => ({
    kind: 'industry',
    q: i.name,
    function: null,
    industry: { slug: i.slug, name: i.name },
    hint: i.hint,
  });
  const pair = (f: Scored, i: Scored): Completion => ({
    kind: 'pair',
    q: `${f.name} for ${inSentence(i.name)}`,
    function: { slug: f.slug, name: f.name },
    industry: { slug: i.slug, name: i.name },
    hint: i.hint,
  });

  /** Functions for typed words: met by name or owner word, or as understanding reads them. */
  const functionsFor = (m: Meet, typed: string[], read: Named[], lastIsPrefix: boolean) =>
    merge(rank(m, fnEntries, typed, lastIsPrefix), read, 25);

  return function complete(text: string, limit = 8): Completion[] {
    const raw = words(text);
    if (raw.join('').length < 2) return [];
    const endsOpen = !/\s$/.test(text);
    // "bookkeeping f", "bookkeeping fo": on the way to "for".
    const lastFor = raw.length > 1 && endsOpen && ['f', 'fo'].includes(raw.at(-1)!) ? raw.length - 1 : -1;
    const forAt = lastFor >= 0 ? lastFor : raw.lastIndexOf('for');
    const m = meeter(vocabulary, stems);
    const out: Completion[] = [];
    const add = (c: Completion) => {
      if (!out.some((o) => o.q === c.q)) out.push(c);
    };

    if (forAt > 0) {
      const before = raw.slice(0, forAt);
      const after = forAt === lastFor ? [] : raw.slice(forAt + 1).filter((w) => !stopWords.has(w));
      const fnsFound = functionsFor(
        m,
        before.filter((w) => !stopWords.has(w)),
        understand(before.join(' ')).functions,
        false,
      );
      // A second function only when it reads the words nearly as well as the first.
      const fnsTyped = fnsFound.filter((f, n) => n < 2 && f.score >= fnsFound[0]!.score * 0.75);
      // Nothing typed after "for" yet: every industry, in the taxonomy's order.
      const indsTyped =
        after.length > 0
          ? merge(rank(m, indEntries, after, endsOpen), understand(after.join(' ')).industries, 25)
          : indEntries.map((i) => ({ slug: i.slug, name: i.name, score: 1, hint: null }));
      for (const i of indsTyped) for (const f of fnsTyped) add(pair(f, i));
      if (fnsTyped.length === 0) for (const i of indsTyped) add(indCompletion(i));
      return out.slice(0, limit);
    }

    const typed = raw.filter((w) => !stopWords.has(w));
    const u = understand(text);
    // Both named without "for" ("dentist billing", "payroll rest"): the pair first.
    const pairs: [Scored, Scored][] = [];
    if (u.functions[0] && u.industries[0]) {
      pairs.push([
        { ...u.functions[0], hint: null },
        { ...u.industries[0], hint: null },
      ]);
    }
    for (let k = 1; k < typed.length; k += 1) {
      const f = rank(m, fnEntries, typed.slice(0, k), false, true)[0];
      const i = rank(m, indEntries, typed.slice(k), endsOpen, true)[0];
      if (f && i) pairs.push([f, i]);
    }
    for (const [f, i] of pairs) add(pair(f, i));
    const both = [
      ...functionsFor(m, typed, u.functions, endsOpen).map((f) => ({ score: f.score, c: fnCompletion(f) })),
      ...merge(rank(m, indEntries, typed, endsOpen), u.industries, 25).map((i) => ({
        score: i.score,
        c: indCompletion(i),
      })),
    ].sort((a, b) => b.score - a.score);
    for (const { c } of both) add(c);
    return out.slice(0, limit);
  };
}

/** Completions over the real taxonomy. */
export const complete = createCompleter();
