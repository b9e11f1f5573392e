import {
  bidIdParams,
  bidReferencesResponse,
  errorResponse,
  providerIdParams,
  providerReferenceRequestsResponse,
  providerSlugParams,
  publicReferencesResponse,
  referenceRequestsBody,
} from '@handoff/contracts';
import type { ReferenceService } from '@handoff/core/references';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerView, requestView } from './reference-views.ts';

const created = z.object({ created: z.number().int() });

/** Asking for references (owner on a bid, provider for a bid or its profile) and reading the answers. */
export async function referenceRoutes(
  fastify: FastifyInstance,
  opts: { references: ReferenceService; writeRateLimit?: { max: number; timeWindow: string } },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.references;
  const auth = { preHandler: app.authenticate };
  const limited = opts.writeRateLimit ? { config: { rateLimit: opts.writeRateLimit } } : {};
  const common = { tags: ['references'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.post(
    '/bids/:id/reference-ask',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Owner: ask the provider of a shortlisted bid for references',
        description:
          'The provider is told and picks which of its reference customers to ask. Asking twice is a no-op.',
        params: bidIdParams,
        response: { 204: z.null(), ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.askOnBid(request.user.sub, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/bids/:id/reference-requests',
    {
      ...auth,
      ...limited,
      schema: {
        ...common,
        summary: 'Provider: e-mail the picked reference customers about this bid',
        description:
          'Only after the owner asked. Each contact gets one e-mail with a private link (single use, 14 days) ' +
          'to a form about the job’s duties; a contact already asked on this bid is not asked twice.',
        params: bidIdParams,
        body: referenceRequestsBody,
        response: { 201: created, ...errors, 409: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ created: await svc.requestOnBid(request.user.sub, request.params.id, request.body) }),
  );

  app.get(
    '/bids/:id/references',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'A bid’s reference requests, their status and answers, with the provider’s verified summary',
        description:
          'For the job’s owner and the bidding provider’s members. The owner sees verified answers only and ' +
          'never a contact’s name or e-mail; nobody sees the private note.',
        params: bidIdParams,
        response: { 200: bidReferencesResponse, ...errors },
      },
    },
    async (request) => {
      const found = await svc.forBid(request.user.sub, request.params.id);
      return {
        askedAt: found.askedAt ? found.askedAt.toISOString() : null,
        requests: found.requests.map((r) => requestView(r, found.side)),
        summary: found.summary,
      };
    },
  );

  app.post(
    '/providers/:id/reference-requests',
    {
      ...auth,
      ...limited,
      schema: {
        ...common,
        summary: 'Provider: ask reference customers to vouch for the profile',
        params: providerIdParams,
        body: referenceRequestsBody,
        response: { 201: created, ...errors, 409: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ created: await svc.requestForProfile(request.user.sub, request.params.id, request.body) }),
  );

  app.get(
    '/providers/:id/reference-requests',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Provider: the profile’s reference requests and their answers (members only)',
        params: providerIdParams,
        response: { 200: providerReferenceRequestsResponse, ...errors },
      },
    },
    async (request) => ({
      requests: (await svc.forProvider(request.user.sub, request.params.id)).map((r) =>
        requestView(r, 'provider'),
      ),
    }),
  );

  app.get(
    '/public/providers/:slug/references',
    {
      schema: {
        tags: ['references'],
        summary: 'A published profile’s verified references: summary per duty and industry, and the answers',
        params: providerSlugParams,
        response: { 200: publicReferencesResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const found = await svc.published(request.params.slug);
      return { summary: found.summary, answers: found.answers.map(answerView) };
    },
  );
}
