import type { TermGroup } from './query.ts';

/** Typo tolerance like Meilisearch's setting: one typo from 5 letters, two from 9. */
export const MIN_FUZZY_WORD = 5;
const allowedTypos = (word: string) => (word.length >= 9 ? 2 : word.length >= MIN_FUZZY_WORD ? 1 : 0);

/**
 * Edit distance with adjacent transpositions counting once (optimal string alignment), stopping early
 * once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The typed words that may be typos: single-word groups long enough, synonyms excluded. */
export function fuzzyCandidates(groups: TermGroup[]): { word: string; prefix: boolean }[] {
  return groups.flatMap((g, i) => {
    const word = g.typed.length === 1 && g.alternatives.length === 1 ? g.typed[0]! : undefined;
    return word && allowedTypos(word) > 0 ? [{ word, prefix: i === groups.length - 1 }] : [];
  });
}

/**
 * From the indexed words near a typed word (by trigram similarity), those within its typo allowance.
 * Empty when the word itself is indexed (or, for the last word, begins an indexed word): typo tolerance
 * is for words the index does not know, so "retail" never also finds "detail".
 */
export function corrections(word: string, known: boolean, near: string[]): string[] {
  if (known) return [];
  const max = allowedTypos(word);
  return near.filter((candidate) => candidate !== word && editDistance(word, candidate, max) <= max);
}

/**
 * The words documents contribute to the vocabulary typos are corrected against, sorted: concurrent
 * writers then insert shared new words in the same order and cannot deadlock on them.
 */
export function vocabulary(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (w.length >= MIN_FUZZY_WORD - 1 && w.length <= 40) words.add(w);
    }
  }
  return [...words].sort();
}
