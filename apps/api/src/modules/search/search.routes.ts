import {
  errorResponse,
  searchProvidersQuery,
  searchProvidersResponse,
  searchSuggestQuery,
  searchSuggestResponse,
} from '@handoff/contracts';
import type { ProviderSearchService } from '@handoff/core/providers';
import { complete } from '@handoff/core/taxonomy';
import type { ProviderSearchQuery, ProviderSearchResult } from '@handoff/search';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { logoUrl } from '../providers/provider-views.ts';

/** Largest count first, then by value, so the order is stable. */
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

export async function searchRoutes(
  fastify: FastifyInstance,
  opts: { search: ProviderSearchService<ProviderSearchQuery, ProviderSearchResult> },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/search/providers',
    {
      schema: {
        tags: ['search'],
        summary: 'Published providers by text and facets (repeat a parameter to pick several values)',
        querystring: searchProvidersQuery,
        response: { 200: searchProvidersResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await opts.search.search(
        {
          q: q.q,
          functions: q.function,
          industries: q.industry,
          kinds: q.kind,
          languages: q.language,
          timezoneBands: q.tz,
          rateMin: q.rateMin,
          rateMax: q.rateMax,
          verifiedOnly: q.verified,
          sort: q.sort,
          page: q.page,
          perPage: q.perPage,
        },
        { literal: q.literal === true },
      );
      const f = result.facets;
      return {
        understood: result.understood,
        queryIgnored: result.queryIgnored,
        ignoredWords: result.ignoredWords,
        suggestions: result.suggestions,
        hits: result.hits.map(({ logoVersion, ...hit }) => ({
          ...hit,
          logoUrl: logoVersion ? logoUrl(hit.id, logoVersion) : null,
        })),
        total: result.total,
        totalExact: result.totalExact,
        page: result.page,
        perPage: result.perPage,
        facets: {
          functions: counts(f.functions),
          industries: counts(f.industries),
          kinds: counts(f.kinds),
          languages: counts(f.languages),
          timezoneBands: counts(f.timezoneBands),
          verified: f.verified,
        },
      };
    },
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary:
          'Autocomplete for the search box: functions, industries and “function for industry” pairs for the words typed so far',
        querystring: searchSuggestQuery,
        response: { 200: searchSuggestResponse, 400: errorResponse },
      },
    },
    // In memory over the taxonomy: no database, so it answers as fast as the owner types.
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { suggestions: complete(request.query.q, request.query.limit) };
    },
  );
}
