import { endedSessionsResponse, errorResponse, sessionParams, sessionsResponse } from '@handoff/contracts';
import type { SessionService } from '@handoff/core/auth';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The account's signed-in sessions; ending one ends its refresh and its access tokens. */
export async function sessionRoutes(fastify: FastifyInstance, opts: { sessions: SessionService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];

  app.get(
    '/account/sessions',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['account'],
        summary: 'Signed-in sessions: device, browser, network, last seen; this one first',
        security,
        response: { 200: sessionsResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const list = await opts.sessions.list(request.user.sub, request.user.sid);
      return {
        sessions: list.map((s) => ({
          ...s,
          signedInAt: s.signedInAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/account/sessions/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['account'],
        summary: 'Sign out one session of this account',
        security,
        params: sessionParams,
        response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      await opts.sessions.signOut(request.user.sub, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/account/sessions/sign-out-others',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['account'],
        summary: 'Sign out every session of this account but the one making the request',
        security,
        response: { 200: endedSessionsResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const ended = await opts.sessions.signOutOthers(request.user.sub, request.user.sid);
      return {
        ended,
        message:
          ended === 0
            ? 'No other device was signed in.'
            : `Signed out ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`,
      };
    },
  );
}
