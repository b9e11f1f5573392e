import type { BusinessFunction } from '@handoff/contracts';
import { createUnderstanding, understand, type Match } from '../taxonomy/understand.ts';

// The worksheet's function suggestion ("chasing unpaid invoices" → bookkeeping) is query
// understanding's function reading, the same search uses (../taxonomy/understand.ts): a task gets the
// function its words would find in search.

export { stem } from '../taxonomy/words.ts';
export type FunctionMatch = Match;

/** A matcher over a taxonomy (the real one by default); any industry words are ignored. */
export function createFunctionMatcher(fns?: readonly BusinessFunction[]) {
  const read = fns ? createUnderstanding(fns) : understand;
  const rank = (text: string): FunctionMatch[] => read(text).functions;
  return {
    /** Every function the words match, best first (empty when none matches well enough). */
    rank,
    /** The best function's slug for a task's words, or null when nothing matches well enough. */
    suggest: (text: string): string | null => rank(text)[0]?.slug ?? null,
  };
}

const defaultMatcher = createFunctionMatcher();
export const rankFunctions = defaultMatcher.rank;
export const suggestFunction = defaultMatcher.suggest;
