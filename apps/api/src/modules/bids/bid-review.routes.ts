import {
  bidComparisonResponse,
  type BidComparison,
  bidIdParams,
  bidResponse,
  compareBidsQuery,
  declineBidBody,
  errorResponse,
  jobPostBidsParams,
} from '@handoff/contracts';
import type { BidReviewService } from '@handoff/core/bids';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bidView, comparisonView } from './bid-views.ts';
import type { ComparisonCache } from './comparison-cache.ts';

/** The job owner's side: the comparison grid and their decisions on each bid. */
export async function bidReviewRoutes(
  fastify: FastifyInstance,
  opts: { review: BidReviewService; comparisons: ComparisonCache },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.review;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['bids'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/job-posts/:id/bids',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Compare the bids on your job: one entry per bid, the duties and benchmarks as rows',
        description:
          'Only the job’s owner (anyone else: 404). Prices are given as bid, in the job’s currency and ' +
          'in US dollars; conversions are approximate (see `conversion`). Archived bids are left out ' +
          'unless includeArchived=true; `counts` covers every bid whatever the filters. Each api ' +
          'process keeps the answer until anything in it changes (checked against the database on ' +
          'every call), so it is always current.',
        params: jobPostBidsParams,
        querystring: compareBidsQuery,
        response: { 200: bidComparisonResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { sub } = request.user;
      const { id } = request.params;
      const { sort, hideInactive, fullCoverage, shortlisted, includeArchived } = request.query;
      // The stamp is read first, and answers 404 to anyone but the job's owner.
      const stamp = await svc.comparisonStamp(sub, id);
      const key = [sub, id, sort, hideInactive, fullCoverage, shortlisted, includeArchived].join(':');
      // Serialised by the route's own response schema, once per change of the data.
      const body = await opts.comparisons.get(key, stamp, async () =>
        reply.serialize(comparisonView(await svc.compare(sub, id, request.query))),
      );
      // Already JSON made by the response schema: fastify sends bytes with a type as they are.
      return reply.type('application/json; charset=utf-8').send(body as unknown as BidComparison);
    },
  );

  const marks = [
    ['shortlist', 'Shortlist an active bid on your job (the provider is not told)'],
    ['unshortlist', 'Take a bid off your shortlist'],
    ['archive', 'Archive a bid: hidden from the comparison unless asked for (the provider is not told)'],
    ['unarchive', 'Bring an archived bid back into the comparison'],
  ] as const;
  for (const [action, summary] of marks) {
    app.post(
      `/bids/:id/${action}`,
      {
        ...auth,
        schema: {
          ...common,
          summary,
          params: bidIdParams,
          response: { 200: bidResponse, ...errors, 409: errorResponse },
        },
      },
      async (request) => bidView(await svc[action](request.user.sub, request.params.id)),
    );
  }

  app.post(
    '/bids/:id/decline',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Decline an active bid on your job, optionally with a reason the provider is sent',
        params: bidIdParams,
        body: declineBidBody,
        response: { 200: bidResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => bidView(await svc.decline(request.user.sub, request.params.id, request.body.reason)),
  );
}
