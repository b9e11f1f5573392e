import { ValidationError } from '../errors.ts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';
import { understand } from '../taxonomy/understand.ts';

interface SearchQuery {
  q?: string | undefined;
  functions?: string[] | undefined;
  industries?: string[] | undefined;
}

export interface Named {
  slug: string;
  name: string;
}

/** How the owner's words were read, for the page to show as removable chips. */
export interface Understood {
  functions: Named[];
  industries: Named[];
  /** The words still searched as text, or null when the functions and industries explain them all. */
  text: string | null;
  /** Words that were dropped because with them nothing matched. */
  droppedWords: string[];
  corrections: { from: string; to: string }[];
}

export interface SearchUnderstanding {
  /** Set when the words were turned into function / industry filters. */
  understood: Understood | null;
  /** The text had no usable words ("🚀", "someone?"): it was searched as no text. */
  queryIgnored: boolean;
  /** When nothing matched: functions and industries near the words, to search instead. */
  suggestions: { functions: Named[]; industries: Named[] };
}

/** Functions close to the best reading count ("bookkeeping and payroll"); a stray duty word does not. */
const FUNCTION_RATIO = 0.6;
const named = (m: { slug: string; name: string }): Named => ({ slug: m.slug, name: m.name });

/**
 * Provider search for the directory. Generic over the engine's query and result types (they live in
 * @handoff/search, which core cannot import). It rejects facet values the taxonomy does not have, so a
 * mistyped link says so instead of silently finding nothing; and, unless `literal`, reads the owner's
 * words (../taxonomy/understand.ts): "customer service for real estate" becomes the customer-service
 * function and real-estate industry filters, with only the unexplained words left as text.
 */
export function createProviderSearchService<Q extends SearchQuery, R extends { total: number }>(index: {
  search(query: Q): Promise<R>;
}) {
  return {
    async search(query: Q, options: { literal?: boolean } = {}): Promise<R & SearchUnderstanding> {
      const fields: Record<string, string> = {};
      const unknownFunction = query.functions?.find((slug) => !findFunction(slug));
      if (unknownFunction) fields.function = `There is no business function “${unknownFunction}”`;
      const unknownIndustry = query.industries?.find((slug) => !findIndustry(slug));
      if (unknownIndustry) fields.industry = `There is no industry “${unknownIndustry}”`;
      const first = Object.values(fields)[0];
      if (first) throw new ValidationError(first, fields);

      const none = { functions: [], industries: [] };
      const u = understand(query.q);
      const answer = async (r: R, understood: Understood | null, queryIgnored = false) => ({
        ...r,
        understood,
        queryIgnored,
        suggestions:
          r.total === 0 && query.q
            ? {
                functions: u.functions.slice(0, 3).map(named),
                industries: u.industries.slice(0, 3).map(named),
              }
            : none,
      });
      if (query.q !== undefined && query.q.trim() !== '' && !u.meaningful) {
        return answer(await index.search({ ...query, q: undefined }), null, true);
      }
      const best = u.functions[0]?.score ?? 0;
      const fns = u.functions.filter((f) => f.score >= best * FUNCTION_RATIO);
      // A facet the owner chose wins; the words then stay text rather than be half read.
      const clash =
        (fns.length > 0 && (query.functions?.length ?? 0) > 0) ||
        (u.industries.length > 0 && (query.industries?.length ?? 0) > 0);
      if (options.literal || clash || (fns.length === 0 && u.industries.length === 0)) {
        return answer(await index.search(query), null);
      }
      const filters = {
        ...query,
        ...(fns.length > 0 ? { functions: fns.map((f) => f.slug) } : {}),
        ...(u.industries.length > 0 ? { industries: u.industries.map((i) => i.slug) } : {}),
      };
      const text = u.rest.length > 0 ? u.rest.join(' ') : undefined;
      const understood: Understood = {
        functions: fns.map(named),
        industries: u.industries.map(named),
        text: text ?? null,
        droppedWords: [],
        corrections: u.corrections,
      };
      const result = await index.search({ ...filters, q: text });
      if (result.total > 0 || !text) return answer(result, understood);
      // The leftover words found nothing within the filters: the filters alone, saying so.
      const wider = await index.search({ ...filters, q: undefined });
      return answer(wider, { ...understood, text: null, droppedWords: u.rest });
    },
  };
}

export type ProviderSearchService<Q extends SearchQuery, R extends { total: number }> = ReturnType<
  typeof createProviderSearchService<Q, R>
>;
