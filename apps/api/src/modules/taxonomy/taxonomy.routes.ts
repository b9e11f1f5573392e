import { functionsResponse, industriesResponse } from '@handoff/contracts';
import type { TaxonomyRepository } from '@handoff/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function taxonomyRoutes(fastify: FastifyInstance, opts: { taxonomy: TaxonomyRepository }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/taxonomy/functions',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Business functions with their typical duties and benchmarks',
        response: { 200: functionsResponse },
      },
    },
    async () => ({ functions: await opts.taxonomy.listFunctions() }),
  );
  app.get(
    '/taxonomy/industries',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Industries providers specialise in',
        response: { 200: industriesResponse },
      },
    },
    async () => ({ industries: await opts.taxonomy.listIndustries() }),
  );
}
