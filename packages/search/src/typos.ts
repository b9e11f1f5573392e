import { allowedTypos, editDistance, MIN_FUZZY_WORD } from '@handoff/core/taxonomy';
import type { TermGroup } from './query.ts';

// The distance and the allowance are query understanding's (@handoff/core/taxonomy), so a typo the
// worksheet forgives is one search forgives.
export { allowedTypos, editDistance, MIN_FUZZY_WORD };

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
