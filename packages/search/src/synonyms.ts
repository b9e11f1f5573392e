// The synonym groups and stop words live with query understanding in @handoff/core/taxonomy (one copy
// for search and the worksheet); this file adapts them to the engines.
import { SYNONYM_GROUPS } from '@handoff/core/taxonomy';

export { SYNONYM_GROUPS, STOP_WORDS } from '@handoff/core/taxonomy';

/** The groups as Meilisearch wants them: each term maps to all the others (mutual association). */
export function meiliSynonyms(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      out[term] = [...new Set([...(out[term] ?? []), ...others])];
    }
  }
  return out;
}
