import jwt from '@fastify/jwt';
import type { Role } from '@handoff/contracts';
import { UnauthorizedError } from '@handoff/core/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface AccessClaims {
  sub: string;
  roles: Role[];
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in user; sets `request.user`. */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

export interface AuthPluginOptions {
  secret: string;
  accessTokenTtlSeconds: number;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(jwt, {
    secret: opts.secret,
    sign: { expiresIn: opts.accessTokenTtlSeconds, algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
  });
  app.decorate('authenticate', async (request: FastifyRequest) => {
    if (!request.headers.authorization)
      throw new UnauthorizedError('Log in to continue: no access token was sent');
    try {
      await request.jwtVerify();
    } catch (error) {
      const expired = (error as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED';
      throw new UnauthorizedError(
        expired
          ? 'Your access token has expired; refresh it or log in again'
          : 'Your access token is not valid',
      );
    }
  });
});
