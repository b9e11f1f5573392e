import {
  errorResponse,
  feedQuery,
  feedResponse,
  inviteProviderBody,
  inviteProviderResponse,
  jobPostIdParams,
  jobPostInvitationsResponse,
  providerInvitationsQuery,
  receivedInvitationsResponse,
} from '@handoff/contracts';
import type { JobPostFeedService, JobPostInvitationService } from '@handoff/core/job-posts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { feedBody, invitationBody, receivedInvitationBody } from './job-post-views.ts';

/** Owners inviting providers to bid, and the provider side: invitations and the jobs feed. */
export async function jobPostInvitationRoutes(
  fastify: FastifyInstance,
  opts: { invitations: JobPostInvitationService; feed: JobPostFeedService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.invitations;
  const auth = { preHandler: app.authenticate };
  const security = [{ bearerAuth: [] }];
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.post(
    '/job-posts/:id/invitations',
    {
      ...auth,
      schema: {
        tags: ['job posts'],
        security,
        summary: 'Invite a published provider to bid on your open job; its members are notified',
        params: jobPostIdParams,
        body: inviteProviderBody,
        response: { 200: inviteProviderResponse, 201: inviteProviderResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { invitation, alreadyInvited } = await svc.invite(
        request.user.sub,
        request.params.id,
        request.body,
      );
      return reply
        .code(alreadyInvited ? 200 : 201)
        .send({ invitation: invitationBody(invitation), alreadyInvited });
    },
  );

  app.get(
    '/job-posts/:id/invitations',
    {
      ...auth,
      schema: {
        tags: ['job posts'],
        security,
        summary: 'The providers you invited to this job, newest first, with their bid if any',
        params: jobPostIdParams,
        response: { 200: jobPostInvitationsResponse, ...errors },
      },
    },
    async (request) => ({
      invitations: (await svc.listForJob(request.user.sub, request.params.id)).map(invitationBody),
    }),
  );

  app.get(
    '/provider/invitations',
    {
      ...auth,
      schema: {
        tags: ['provider jobs'],
        security,
        summary: 'Jobs your provider profiles were invited to, newest first, and whether they bid',
        querystring: providerInvitationsQuery,
        response: { 200: receivedInvitationsResponse, ...errors },
      },
    },
    async (request) => ({
      invitations: (await svc.listReceived(request.user.sub, request.query.providerId)).map(
        receivedInvitationBody,
      ),
    }),
  );

  app.get(
    '/feed/job-posts',
    {
      ...auth,
      schema: {
        tags: ['provider jobs'],
        security,
        summary: 'Jobs for you: open jobs in your profile’s functions, and those you were invited to',
        description:
          'Filters combine; budgetMin and budgetMax are US dollars, compared with each job’s budget ' +
          'converted from its currency. sort=best puts your industries first, then the text match.',
        querystring: feedQuery,
        response: { 200: feedResponse, ...errors },
      },
    },
    async (request) => feedBody(await opts.feed.page(request.user.sub, request.query)),
  );
}
