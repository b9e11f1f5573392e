import {
  engagementIdParams,
  errorResponse,
  reviewsResponse,
  reviewView,
  scheduleBody,
  submitReviewBody,
} from '@handoff/contracts';
import type { ReviewRecord, ReviewService } from '@handoff/core/reviews';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const view = (r: ReviewRecord) => ({
  id: r.id,
  dueDate: r.dueDate,
  submittedAt: r.submittedAt.toISOString(),
  benchmarks: r.benchmarks,
  duties: r.duties,
  decision: r.decision,
  note: r.note,
  improvements: r.improvements,
  nextDue: r.nextDue,
});

const overviewView = (o: Awaited<ReturnType<ReviewService['overview']>>) => ({
  schedule: o.schedule,
  reviews: o.reviews.map(view),
  missedTwice: o.missedTwice,
});

/** Reviews of an engagement: the owner writes them and sets the schedule; the provider reads. */
export async function reviewRoutes(fastify: FastifyInstance, opts: { reviews: ReviewService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.reviews;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['engagements'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/engagements/:id/reviews',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'The review schedule and the submitted reviews (oldest first), for both parties',
        params: engagementIdParams,
        response: { 200: reviewsResponse, ...errors },
      },
    },
    async (request) => overviewView(await svc.overview(request.user.sub, request.params.id)),
  );

  app.post(
    '/engagements/:id/reviews',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Submit the open review (owner only): benchmarks, duty scores, and a decision',
        description:
          'Every benchmark and duty of the engagement must be answered once. The schedule moves to ' +
          'its next date ("improve": within 30 days); the provider’s members are told the decision.',
        params: engagementIdParams,
        body: submitReviewBody,
        response: { 201: reviewView, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(view(await svc.submit(request.user.sub, request.params.id, request.body))),
  );

  app.put(
    '/engagements/:id/schedule',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Change the review cadence (owner only); the next due date follows from it',
        params: engagementIdParams,
        body: scheduleBody,
        response: { 200: reviewsResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) =>
      overviewView(await svc.setCadence(request.user.sub, request.params.id, request.body.cadence)),
  );

  app.post(
    '/engagements/:id/schedule/review-now',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Open the next review today instead of on its date (owner only)',
        params: engagementIdParams,
        response: { 200: reviewsResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => overviewView(await svc.reviewNow(request.user.sub, request.params.id)),
  );
}
