import {
  bidIdParams,
  engagementIdParams,
  engagementResponse,
  engagementsQuery,
  engagementsResponse,
  errorResponse,
} from '@handoff/contracts';
import type { EngagementDetail, EngagementRecord, EngagementService } from '@handoff/core/bids';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { logoUrl } from '../providers/provider-views.ts';

const summaryView = (e: EngagementRecord) => ({
  id: e.id,
  role: e.role,
  status: e.status,
  jobPost: e.jobPost,
  owner: { name: e.ownerName },
  provider: {
    id: e.provider.id,
    name: e.provider.name,
    slug: e.provider.slug,
    logoUrl: e.provider.logoSha256 ? logoUrl(e.provider.id, e.provider.logoSha256) : null,
  },
  counterpartName: e.role === 'owner' ? e.provider.name : e.ownerName,
  price: e.price,
  priceBasis: e.priceBasis,
  currency: e.currency,
  startDate: e.startDate,
  bidId: e.bidId,
  createdAt: e.createdAt.toISOString(),
  endedAt: e.endedAt ? e.endedAt.toISOString() : null,
  reviewCadence: e.reviewCadence,
  nextReviewDue: e.nextReviewDue,
});

export const detailView = (e: EngagementDetail) => ({
  ...summaryView(e),
  duties: e.duties,
  benchmarks: e.benchmarks,
});

/** Hiring (accepting a bid) and the engagements it starts, seen by their two parties only. */
export async function engagementRoutes(fastify: FastifyInstance, opts: { engagements: EngagementService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.engagements;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['engagements'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.post(
    '/bids/:id/accept',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Hire: accept an active bid on your open job, which starts an engagement',
        description:
          'In one step: the engagement starts (with the job’s duties and benchmarks as they are now), ' +
          'the job becomes filled, every other active bid becomes not_selected (kept, read-only), and ' +
          'the hired provider and the other bidders are notified. Withdrawn or declined bids and bids ' +
          'on jobs that are not open answer 409.',
        params: bidIdParams,
        response: { 201: engagementResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(detailView(await svc.accept(request.user.sub, request.params.id))),
  );

  app.get(
    '/engagements',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your engagements, as owner and as a member of the hired provider, newest first',
        querystring: engagementsQuery,
        response: { 200: engagementsResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => ({
      engagements: (await svc.list(request.user.sub, request.query)).map(summaryView),
    }),
  );

  app.get(
    '/engagements/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'One engagement, for its owner and the hired provider’s members only',
        params: engagementIdParams,
        response: { 200: engagementResponse, ...errors },
      },
    },
    async (request) => detailView(await svc.get(request.user.sub, request.params.id)),
  );
}
