import {
  bidIdParams,
  bidInput,
  bidResponse,
  bidRevisionInput,
  errorResponse,
  jobPostBidsParams,
  myBidsQuery,
  myBidsResponse,
} from '@handoff/contracts';
import type { BidService } from '@handoff/core/bids';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bidListItemView, bidView, statusCounts } from './bid-views.ts';

/** The provider's side of bids, and GET /bids/:id for both parties. Nobody else sees a bid. */
export async function bidRoutes(
  fastify: FastifyInstance,
  opts: { bids: BidService; writeRateLimit?: { max: number; timeWindow: string } },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.bids;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['bids'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  const limited = opts.writeRateLimit ? { config: { rateLimit: opts.writeRateLimit } } : {};
  app.post(
    '/job-posts/:id/bids',
    {
      ...auth,
      ...limited,
      schema: {
        ...common,
        summary: 'Bid on an open job for your provider profile, answering every duty and benchmark',
        description:
          'Every duty of the job needs a coverage answer and every benchmark a commitment (yes, partly ' +
          'or no, with an optional note); a missing one, or one that is not part of the job, answers 400. ' +
          'One bid per provider per job: a second answers 409 (revise the first with PUT /bids/{id}); a ' +
          'bid the provider withdrew is submitted again in its place. Drafts and invite-only jobs the ' +
          'provider was not invited to answer 404; closed and filled jobs 409. The owner is notified.',
        params: jobPostBidsParams,
        body: bidInput,
        response: { 201: bidResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(bidView(await svc.submit(request.user.sub, request.params.id, request.body))),
  );

  app.get(
    '/bids',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'The bids of every provider profile you are a member of, newest first',
        querystring: myBidsQuery,
        response: { 200: myBidsResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const { before, ...rest } = request.query;
      const found = await svc.listMine(request.user.sub, {
        ...rest,
        before: before ? new Date(before) : undefined,
      });
      return {
        bids: found.bids.map(bidListItemView),
        counts: statusCounts(found.counts),
        nextBefore: found.nextBefore ? found.nextBefore.toISOString() : null,
      };
    },
  );

  app.get(
    '/bids/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'One bid: for a member of the bidding provider, or the job’s owner (each their own view)',
        params: bidIdParams,
        response: { 200: bidResponse, ...errors },
      },
    },
    async (request) => bidView(await svc.get(request.user.sub, request.params.id)),
  );

  app.put(
    '/bids/:id',
    {
      ...auth,
      ...limited,
      schema: {
        ...common,
        summary: 'Revise your active bid on an open job (every field is replaced; the owner is told)',
        description:
          'The coverage and benchmark answers are replaced too: answer every duty and benchmark the job ' +
          'has now, including any the owner added since the bid was made.',
        params: bidIdParams,
        body: bidRevisionInput,
        response: { 200: bidResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => bidView(await svc.revise(request.user.sub, request.params.id, request.body)),
  );

  app.post(
    '/bids/:id/withdraw',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Withdraw your active bid on an open job (the owner is told)',
        params: bidIdParams,
        response: { 200: bidResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => bidView(await svc.withdraw(request.user.sub, request.params.id)),
  );
}
