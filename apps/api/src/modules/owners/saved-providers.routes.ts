import {
  errorResponse,
  savedProvider,
  savedProviderParams,
  savedProvidersResponse,
  saveProviderBody,
} from '@handoff/contracts';
import type { SavedProviderService } from '@handoff/core/owners';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { savedProviderBody } from './owner-views.ts';

/** The owner's own shortlist of providers, before or without any job. */
export async function savedProviderRoutes(fastify: FastifyInstance, opts: { saved: SavedProviderService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.saved;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['saved providers'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse };

  app.post(
    '/saved-providers',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Save a published provider to your list (again: updates the note)',
        body: saveProviderBody,
        response: { 200: savedProvider, 201: savedProvider, ...errors },
      },
    },
    async (request, reply) => {
      const { provider, created } = await svc.save(
        request.user.sub,
        request.body.providerId,
        request.body.note,
      );
      return reply.code(created ? 201 : 200).send(savedProviderBody(provider));
    },
  );

  app.get(
    '/saved-providers',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your saved providers, newest first',
        response: { 200: savedProvidersResponse, 401: errorResponse },
      },
    },
    async (request) => ({ providers: (await svc.list(request.user.sub)).map(savedProviderBody) }),
  );

  app.delete(
    '/saved-providers/:providerId',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Remove a provider from your list',
        params: savedProviderParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await svc.remove(request.user.sub, request.params.providerId);
      return reply.code(204).send(null);
    },
  );
}
