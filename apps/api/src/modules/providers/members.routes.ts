import {
  acceptInvitationResponse,
  errorResponse,
  invitationParams,
  invitationPreviewResponse,
  invitationTokenParams,
  inviteMemberBody,
  inviteMemberResponse,
  memberParams,
  messageResponse,
  providerIdParams,
  providerTeamResponse,
} from '@handoff/contracts';
import type { ProviderInvitationRecord, ProviderMemberService, TeamView } from '@handoff/core/providers';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const invitationView = (i: ProviderInvitationRecord & { inviterName?: string | null; expired: boolean }) => ({
  id: i.id,
  email: i.email,
  inviterName: i.inviterName ?? null,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  expired: i.expired,
});

const teamView = (team: TeamView) => ({
  role: team.role,
  members: team.members.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
    you: m.you,
  })),
  invitations: team.invitations.map(invitationView),
});

/** The signed-in user when the request carries a valid token, else null (the route is public). */
async function viewerOf(request: FastifyRequest): Promise<string | null> {
  if (!request.headers.authorization) return null;
  return request.jwtVerify().then(
    () => request.user.sub,
    () => null,
  );
}

/** Members of a provider profile and invitations to join it. Non-members get 404s, as on /providers/:id. */
export async function providerMemberRoutes(
  fastify: FastifyInstance,
  opts: { members: ProviderMemberService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.members;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['provider members'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/providers/:id/members',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Members of one of your profiles, with its open invitations',
        params: providerIdParams,
        response: { 200: providerTeamResponse, ...errors },
      },
    },
    async (request) => teamView(await svc.team(request.user.sub, request.params.id)),
  );

  app.post(
    '/providers/:id/invitations',
    {
      ...auth,
      schema: {
        ...common,
        summary:
          'Invite a colleague by e-mail to edit the profile (an address with an open invitation gets it again)',
        params: providerIdParams,
        body: inviteMemberBody,
        response: { 200: inviteMemberResponse, 201: inviteMemberResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { invitation, resent } = await svc.invite(
        request.user.sub,
        request.params.id,
        request.body.email,
      );
      return reply
        .code(resent ? 200 : 201)
        .send({ invitation: invitationView({ ...invitation, expired: false }), resent });
    },
  );

  app.post(
    '/providers/:id/invitations/:invitationId/revoke',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Withdraw an open invitation: its link stops working',
        params: invitationParams,
        response: { 200: messageResponse, ...errors },
      },
    },
    async (request) => {
      await svc.revoke(request.user.sub, request.params.id, request.params.invitationId);
      return { message: 'The invitation is withdrawn; its link no longer works.' };
    },
  );

  app.post(
    '/providers/:id/members/:userId/remove',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Remove a member (owner only), or leave the profile (your own id; not for the owner)',
        params: memberParams,
        response: { 200: messageResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      await svc.remove(request.user.sub, id, userId);
      return {
        message:
          userId === request.user.sub ? 'You left the profile.' : 'The member is removed from the profile.',
      };
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['provider members'],
        summary: 'What an invitation link is for, and whether it can still be accepted (no session needed)',
        params: invitationTokenParams,
        response: { 200: invitationPreviewResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const preview = await svc.preview(request.params.token, await viewerOf(request));
      return { ...preview, expiresAt: preview.expiresAt.toISOString() };
    },
  );

  app.post(
    '/invitations/:token/accept',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Accept an invitation: needs the account with the invited e-mail address',
        params: invitationTokenParams,
        response: { 200: acceptInvitationResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => svc.accept(request.user.sub, request.params.token),
  );
}
