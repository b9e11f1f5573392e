import { ValidationError } from '../errors.ts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';

interface FacetFilters {
  functions?: string[] | undefined;
  industries?: string[] | undefined;
}

/**
 * Provider search for the directory. Generic over the engine's query and result types (they live in
 * @handoff/search, which core cannot import); it rejects facet values the taxonomy does not have, so
 * a mistyped link says so instead of silently finding nothing.
 */
export function createProviderSearchService<Q extends FacetFilters, R>(index: {
  search(query: Q): Promise<R>;
}) {
  return {
    async search(query: Q): Promise<R> {
      const fields: Record<string, string> = {};
      const unknownFunction = query.functions?.find((slug) => !findFunction(slug));
      if (unknownFunction) fields.function = `There is no business function “${unknownFunction}”`;
      const unknownIndustry = query.industries?.find((slug) => !findIndustry(slug));
      if (unknownIndustry) fields.industry = `There is no industry “${unknownIndustry}”`;
      const first = Object.values(fields)[0];
      if (first) throw new ValidationError(first, fields);
      return index.search(query);
    },
  };
}

export type ProviderSearchService<Q extends FacetFilters, R> = ReturnType<
  typeof createProviderSearchService<Q, R>
>;
