import {
  alternativesResponse,
  endEngagementBody,
  engagementIdParams,
  engagementResponse,
  errorResponse,
  handoverBody,
  handoverResponse,
  repostResponse,
} from '@handoff/contracts';
import type { HandoverRecord, SwitchingService } from '@handoff/core/reviews';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { detailView } from './engagements.routes.ts';

const handoverView = (h: HandoverRecord) => ({ ...h, updatedAt: h.updatedAt?.toISOString() ?? null });

/** Switching providers, for the engagement's owner only (the provider's members get 403). */
export async function switchingRoutes(fastify: FastifyInstance, opts: { switching: SwitchingService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.switching;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['engagements'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
  const params = engagementIdParams;

  app.post(
    '/engagements/:id/repost',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Re-post the job as a new draft: same function, industry, duties, benchmarks and budget',
        params,
        response: { 201: repostResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await svc.repost(request.user.sub, request.params.id)),
  );

  app.get(
    '/engagements/:id/alternatives',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Other providers for the same function and industry, by verified references then rating',
        params,
        response: { 200: alternativesResponse, ...errors },
      },
    },
    async (request) => ({ providers: await svc.alternatives(request.user.sub, request.params.id) }),
  );

  app.get(
    '/engagements/:id/handover',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'The handover checklist: access to revoke, documents to collect, the last day',
        params,
        response: { 200: handoverResponse, ...errors },
      },
    },
    async (request) => handoverView(await svc.handover(request.user.sub, request.params.id)),
  );

  app.put(
    '/engagements/:id/handover',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Save the handover checklist (a full replacement)',
        params,
        body: handoverBody,
        response: { 200: handoverResponse, ...errors },
      },
    },
    async (request) =>
      handoverView(await svc.saveHandover(request.user.sub, request.params.id, request.body)),
  );

  app.post(
    '/engagements/:id/end',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'End the engagement: no more reviews; the provider’s members are told',
        params,
        body: endEngagementBody,
        response: { 200: engagementResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => detailView(await svc.end(request.user.sub, request.params.id, request.body.note)),
  );
}
