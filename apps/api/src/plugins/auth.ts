import jwt from '@fastify/jwt';
import type { Role } from '@handoff/contracts';
import { UnauthorizedError } from '@handoff/core/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface AccessClaims {
  sub: string;
  /** The roles when the token was issued; `authenticate` replaces them with the user's roles now. */
  roles: Role[];
  /** The session (refresh-token family) the token belongs to, so ending that session ends it too. */
  sid: string;
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
  /**
   * The user's roles now, or null when the user is gone, the token's session has ended, or every
   * session was ended after the token was issued.
   */
  currentAccess: (userId: string, sessionId: string, issuedAtMs: number) => Promise<Role[] | null>;
}

/** Who issues access tokens and who they are for: checked on every request, with the algorithm. */
export const TOKEN_ISSUER = 'handoff';
export const TOKEN_AUDIENCE = 'handoff-api';

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(jwt, {
    secret: opts.secret,
    sign: {
      expiresIn: opts.accessTokenTtlSeconds,
      algorithm: 'HS256',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
    },
    // Pinned: a token claiming `none`, another HMAC size or a public-key algorithm is refused, and
    // so is one signed with our secret for another audience or by another issuer.
    verify: {
      algorithms: ['HS256'],
      allowedIss: TOKEN_ISSUER,
      allowedAud: TOKEN_AUDIENCE,
      requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat'],
    },
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
    const { sub, sid, iat, iatMs } = request.user as AccessClaims & { iat?: number };
    // A token without a session id predates session tracking; the web app refreshes it silently.
    const roles =
      typeof sid === 'string' ? await opts.currentAccess(sub, sid, iatMs ?? (iat ?? 0) * 1000) : null;
    if (!roles) throw new UnauthorizedError('Your session has ended, please log in again');
    request.user.roles = roles;
  });
});
