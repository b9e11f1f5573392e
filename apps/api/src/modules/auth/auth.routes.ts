import {
  confirmSignUpBody,
  errorResponse,
  logInBody,
  meResponse,
  refreshBody,
  sessionResponse,
  signUpBody,
  signUpResponse,
  type Session,
} from '@handoff/contracts';
import type { AuthService, IssuedSession, UserRecord } from '@handoff/core/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface AuthRoutesOptions {
  auth: AuthService;
  accessTokenTtlSeconds: number;
  rateLimitPerMinute: number;
}

export const toUserResponse = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  emailVerified: u.emailVerifiedAt !== null,
  createdAt: u.createdAt.toISOString(),
});

const client = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  ip: request.ip,
});

const errors = { 400: errorResponse, 401: errorResponse, 409: errorResponse, 429: errorResponse };

export async function authRoutes(fastify: FastifyInstance, opts: AuthRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };

  const toSession = async (issued: IssuedSession): Promise<Session> => ({
    user: toUserResponse(issued.user),
    accessToken: await app.jwt.sign({
      sub: issued.user.id,
      roles: issued.user.roles,
      sid: issued.sessionId,
      iatMs: opts.auth.issuedAt(),
    }),
    accessTokenExpiresIn: opts.accessTokenTtlSeconds,
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString(),
  });

  app.post(
    '/auth/signup',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start a sign-up as an owner, a provider, or both: e-mails a link that finishes it',
        body: signUpBody,
        response: { 202: signUpResponse, ...errors },
      },
    },
    // 202 for a new address and a taken one alike: the e-mail sent there says which it was.
    async (request, reply) => reply.code(202).send(await opts.auth.signUp(request.body)),
  );

  app.post(
    '/auth/signup/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish a sign-up with its e-mailed link: creates the account and logs it in',
        body: confirmSignUpBody,
        response: { 201: sessionResponse, 404: errorResponse, 410: errorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await toSession(await opts.auth.confirmSignUp(request.body.token, client(request)))),
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password',
        body: logInBody,
        response: { 200: sessionResponse, ...errors },
      },
    },
    async (request) => toSession(await opts.auth.logIn(request.body, client(request))),
  );

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: { ...rateLimit, max: rateLimit.max * 3 } },
      schema: {
        tags: ['auth'],
        summary: 'Swap a refresh token for a new session (the old token is spent)',
        body: refreshBody,
        response: { 200: sessionResponse, ...errors },
      },
    },
    async (request) => toSession(await opts.auth.refresh(request.body.refreshToken, client(request))),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session this refresh token belongs to',
        body: refreshBody,
        response: { 204: z.null(), 400: errorResponse },
      },
    },
    async (request, reply) => {
      await opts.auth.logOut(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearerAuth: [] }],
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (request) => ({ user: toUserResponse(await opts.auth.me(request.user.sub)) }),
  );
}
