import {
  createJobPostBody,
  errorResponse,
  jobPostIdParams,
  jobPostInput,
  jobPostResponse,
  myJobPostsQuery,
  myJobPostsResponse,
  ownerJobPostResponse,
  publicJobPostResponse,
} from '@handoff/contracts';
import type { JobPostService } from '@handoff/core/job-posts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSummaryBody, ownerJobBody, publicJobBody, viewerJobBody } from './job-post-views.ts';

/** The owner's jobs: drafts, publishing, edits, closing; and the public page of an open job. */
export async function jobPostRoutes(fastify: FastifyInstance, opts: { jobPosts: JobPostService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.jobPosts;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['job posts'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse };

  app.post(
    '/job-posts',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Start a draft job: blank, or from a template, a hated task, a provider or a package',
        description:
          'Send at most one of template (a function slug), fromTaskId, fromProviderId or fromPackage. ' +
          'Any job field sent overrides what the start prefilled; a blank start needs functionSlug.',
        body: createJobPostBody,
        response: { 201: ownerJobPostResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(ownerJobBody(await svc.create(request.user.sub, request.body))),
  );

  app.get(
    '/job-posts',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your jobs, newest first, with bid counts and unread messages',
        querystring: myJobPostsQuery,
        response: { 200: myJobPostsResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => ({
      jobPosts: (await svc.list(request.user.sub, request.query.status)).map(jobSummaryBody),
    }),
  );

  app.get(
    '/job-posts/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'A job: everything for its owner; for a provider, what an open or invited job shows',
        description:
          'viewer is "owner" for the job’s owner. Provider members see open public jobs and jobs their ' +
          'profile was invited to or bid on ("provider"); everyone else, and every draft, gets 404.',
        params: jobPostIdParams,
        response: { 200: jobPostResponse, ...errors },
      },
    },
    async (request) => viewerJobBody(await svc.getForViewer(request.user.sub, request.params.id)),
  );

  app.put(
    '/job-posts/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Replace a draft or open job (duties and benchmarks sent with their id keep it)',
        description:
          'A full replacement: absent lists become empty. Editing an open job counts a revision and ' +
          'tells every provider with an active bid what changed. Closed and filled jobs answer 409.',
        params: jobPostIdParams,
        body: jobPostInput,
        response: { 200: ownerJobPostResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => ownerJobBody(await svc.update(request.user.sub, request.params.id, request.body)),
  );

  for (const action of ['publish', 'close'] as const) {
    app.post(
      `/job-posts/:id/${action}`,
      {
        ...auth,
        schema: {
          ...common,
          summary:
            action === 'publish'
              ? 'Publish a complete draft: it opens for bids and matching providers hear of it'
              : 'Close an open job: no more bids; providers with an active bid are told',
          params: jobPostIdParams,
          response: { 200: ownerJobPostResponse, ...errors, 409: errorResponse },
        },
      },
      async (request) => ownerJobBody(await svc[action](request.user.sub, request.params.id)),
    );
  }

  app.delete(
    '/job-posts/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Delete a draft (a published job is closed instead)',
        params: jobPostIdParams,
        response: { 204: z.null(), ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.remove(request.user.sub, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/public/job-posts/:id',
    {
      schema: {
        tags: ['job posts'],
        summary: 'An open public job, for anyone (no owner, no process notes or training links, no bids)',
        params: jobPostIdParams,
        response: { 200: publicJobPostResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => publicJobBody(await svc.getPublic(request.params.id)),
  );
}
