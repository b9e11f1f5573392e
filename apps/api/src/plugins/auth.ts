import jwt from '@fastify/jwt';
import type { Role } from '@handoff/contracts';
import { UnauthorizedError } from '@handoff/core/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface AccessClaims {
  sub: string;
  roles: Role[];
  /** Issue time in milliseconds (JWT's `iat` has only seconds), compared with password resets. */
  iatMs?: number;
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
  /** False when the user is gone or their sessions were ended after the token was issued. */
  isTokenCurrent: (userId: string, issuedAtMs: number) => Promise<boolean>;
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
    const { sub, iat, iatMs } = request.user as AccessClaims & { iat?: number };
    if (!(await opts.isTokenCurrent(sub, iatMs ?? (iat ?? 0) * 1000))) {
      throw new UnauthorizedError('Your session has ended, please log in again');
    }
  });
});
