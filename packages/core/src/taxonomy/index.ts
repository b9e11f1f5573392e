import type { BusinessFunction, Industry } from '@handoff/contracts';
import { functions } from './functions.ts';
import { industries } from './industries.ts';

export { functions } from './functions.ts';
export { industries } from './industries.ts';

/**
 * Version of the taxonomy data in this folder, as 'YYYY-MM-DD.N'.
 * Bump it whenever functions.ts or industries.ts change (new date, or N+1 on the same day),
 * so the seed can tell the stored taxonomy is stale and re-sync it.
 */
export const TAXONOMY_VERSION = '2026-11-22.1';

const functionsBySlug = new Map(functions.map((f) => [f.slug, f]));
const industriesBySlug = new Map(industries.map((i) => [i.slug, i]));

/** The business function with this slug, or undefined if there is none. */
export function findFunction(slug: string): BusinessFunction | undefined {
  return functionsBySlug.get(slug);
}

/** The industry with this slug, or undefined if there is none. */
export function findIndustry(slug: string): Industry | undefined {
  return industriesBySlug.get(slug);
}

export {
  FILLER_WORDS,
  STOP_WORDS,
  SYNONYM_GROUPS,
  allowedTypos,
  editDistance,
  MIN_FUZZY_WORD,
  stem,
  plainWords,
  words,
} from './words.ts';
export { createUnderstanding, understand, type Match, type Understanding } from './understand.ts';
export { complete, createCompleter, type Completion } from './complete.ts';
