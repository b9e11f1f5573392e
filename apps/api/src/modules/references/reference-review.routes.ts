import {
  errorResponse,
  flaggedReferencesResponse,
  referenceIdParams,
  referenceReviewBody,
} from '@handoff/contracts';
import { ForbiddenError } from '@handoff/core/errors';
import type { ReferenceReviewService } from '@handoff/core/references';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerView } from './reference-views.ts';

async function requireAdmin(request: FastifyRequest) {
  if (!request.user.roles.includes('admin')) throw new ForbiddenError('Only operators can review references');
}

/** The operator's queue of reference answers held by a trust signal. */
export async function referenceReviewRoutes(
  fastify: FastifyInstance,
  opts: { review: ReferenceReviewService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: [app.authenticate, requireAdmin] };
  const common = { tags: ['admin'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/admin/references',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Flagged reference answers, oldest first, with the signals that fired and the private note',
        response: { 200: flaggedReferencesResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async () => ({
      answers: (await opts.review.queue()).map((a) => ({
        ...answerView(a),
        provider: a.provider,
        flags: a.flags,
        privateNote: a.privateNote,
        contactEmail: a.contactEmail,
      })),
    }),
  );

  app.post(
    '/admin/references/:id/review',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Clear (it counts) or reject (with a reason the provider sees) a flagged answer',
        params: referenceIdParams,
        body: referenceReviewBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await opts.review.decide(
        request.user.sub,
        request.params.id,
        request.body.decision,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );
}
