import { ValidationError } from '../errors.ts';
import { complete } from '../taxonomy/complete.ts';
import { findFunction, findIndustry, words } from '../taxonomy/index.ts';
import { understand, type Understanding } from '../taxonomy/understand.ts';

interface SearchQuery {
  q?: string | undefined;
  functions?: string[] | undefined;
  industries?: string[] | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
  prefer?: { functions?: string[]; industries?: string[] } | undefined;
}

/** What the service needs of a result: the total, and facet counts to tell which suggestions lead somewhere. */
interface SearchResult {
  total: number;
  totalExact: boolean;
  /** Words of the text no provider has: the engine left them out rather than find nothing. */
  ignoredWords: string[];
  facets: { functions: Record<string, number>; industries: Record<string, number> };
}

export interface Suggestions {
  functions: Named[];
  industries: Named[];
  /** True when nothing is near the words: these are the functions and industries with most providers. */
  popular: boolean;
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
  /**
   * When the words matched nothing: functions and industries near them, or else the most common ones,
   * each with providers within the other filters; empty otherwise.
   */
  suggestions: Suggestions;
}

/** Functions close to the best reading count ("bookkeeping and payroll"); a stray duty word does not. */
const FUNCTION_RATIO = 0.6;
const named = (m: { slug: string; name: string }): Named => ({ slug: m.slug, name: m.name });
const SUGGESTED = 3;
const POPULAR_FUNCTIONS = 4;

/** The first few distinct ones. */
const distinct = (list: Named[], max: number) =>
  list.filter((n, i) => list.findIndex((m) => m.slug === n.slug) === i).slice(0, max);

/**
 * Provider search for the directory. Generic over the engine's query and result types (they live in
 * @handoff/search, which core cannot import). It rejects facet values the taxonomy does not have, so a
 * mistyped link says so instead of silently finding nothing; and, unless `literal`, reads the owner's
 * words (../taxonomy/understand.ts): "customer service for real estate" becomes the customer-service
 * function and real-estate industry filters, with only the unexplained words left as text.
 */
export function createProviderSearchService<Q extends SearchQuery, R extends SearchResult>(index: {
  search(query: Q): Promise<R>;
}) {
  /**
   * For a search that found nothing: what its words are near (as understood, else what they begin or
   * nearly spell), kept to those with providers within the other filters, so no suggestion is another
   * dead end; failing that, the functions and industries with the most providers there.
   */
  async function suggest(query: Q, u: Understanding): Promise<Suggestions> {
    let functions = u.functions.map(named);
    let industries = u.industries.map(named);
    if (functions.length === 0 && industries.length === 0) {
      // The whole text, then each word alone: 'payr zanzibarian' is still near payroll.
      const text = query.q ?? '';
      const near = [text, ...words(text).slice(0, 10)].flatMap((t) => complete(t, 6));
      functions = near.flatMap((c) => (c.function ? [c.function] : []));
      industries = near.flatMap((c) => (c.industry ? [c.industry] : []));
    }
    const others = await index.search({
      ...query,
      q: undefined,
      functions: undefined,
      industries: undefined,
      page: 1,
      perPage: 1,
    });
    // Estimated counts (a broad search) may miss a rare value: then every near one is kept.
    const has = (counts: Record<string, number>) => (n: Named) =>
      !others.totalExact || (counts[n.slug] ?? 0) > 0;
    functions = distinct(functions.filter(has(others.facets.functions)), SUGGESTED);
    industries = distinct(industries.filter(has(others.facets.industries)), SUGGESTED);
    if (functions.length > 0 || industries.length > 0) return { functions, industries, popular: false };
    const most = (counts: Record<string, number>, find: (slug: string) => Named | undefined, max: number) =>
      Object.entries(counts)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .flatMap(([slug]) => {
          const found = find(slug);
          return found ? [named(found)] : [];
        })
        .slice(0, max);
    return {
      functions: most(others.facets.functions, findFunction, POPULAR_FUNCTIONS),
      industries: most(others.facets.industries, findIndustry, SUGGESTED),
      popular: true,
    };
  }

  return {
    async search(query: Q, options: { literal?: boolean } = {}): Promise<R & SearchUnderstanding> {
      const fields: Record<string, string> = {};
      const unknownFunction = query.functions?.find((slug) => !findFunction(slug));
      if (unknownFunction) fields.function = `There is no business function “${unknownFunction}”`;
      const unknownIndustry = query.industries?.find((slug) => !findIndustry(slug));
      if (unknownIndustry) fields.industry = `There is no industry “${unknownIndustry}”`;
      const first = Object.values(fields)[0];
      if (first) throw new ValidationError(first, fields);

      const none: Suggestions = { functions: [], industries: [], popular: false };
      const u = understand(query.q);
      const answer = async (r: R, understood: Understood | null, queryIgnored = false) => ({
        ...r,
        understood,
        queryIgnored,
        suggestions: r.total === 0 && query.q?.trim() ? await suggest(query, u) : none,
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
      // Several readings are all filters, the best ranked first: "1099 filing" shows accountants
      // before the administrators its "filing" also names.
      const leader = (list: Named[]) => (list.length > 1 ? [list[0]!.slug] : []);
      const prefer = { functions: leader(fns), industries: leader(u.industries) };
      const filters = {
        ...query,
        ...(fns.length > 0 ? { functions: fns.map((f) => f.slug) } : {}),
        ...(u.industries.length > 0 ? { industries: u.industries.map((i) => i.slug) } : {}),
        ...(prefer.functions.length > 0 || prefer.industries.length > 0 ? { prefer } : {}),
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
      if (result.total > 0 || !text) {
        // Words the engine left out were not searched: not "matching" them, but dropped.
        const ignored = new Set(result.ignoredWords.flatMap((w) => w.split(' ')));
        const searched = u.rest.filter((w) => !ignored.has(w));
        return answer(result, {
          ...understood,
          text: searched.length > 0 ? searched.join(' ') : null,
          droppedWords: result.ignoredWords,
        });
      }
      // The leftover words found nothing within the filters. Read as an industry alone, they were
      // the work itself ("hvac technician", "catering for a company picnic"): nobody offers it, and
      // every provider serving the industry would be a wrong answer. The answer stays empty, with
      // the industry among the suggestions.
      if (fns.length === 0) return answer(result, understood);
      // With a function, they were detail ("payroll zanzibarian"): the filters alone, saying so.
      const wider = await index.search({ ...filters, q: undefined });
      return answer(wider, { ...understood, text: null, droppedWords: u.rest });
    },
  };
}

export type ProviderSearchService<Q extends SearchQuery, R extends SearchResult> = ReturnType<
  typeof createProviderSearchService<Q, R>
>;
