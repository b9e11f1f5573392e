import { createAuthService, argon2Hasher, type PasswordHasher } from '@handoff/core/auth';
import { systemClock, type Clock } from '@handoff/core';
import {
  createRefreshSessionsRepository,
  createTaxonomyRepository,
  createUsersRepository,
  type Database,
} from '@handoff/db';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { taxonomyRoutes } from './modules/taxonomy/taxonomy.routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityPlugin } from './plugins/security.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  hasher?: PasswordHasher;
}

/** The whole api as one plugin: wiring happens here, once. */
async function appPlugin(
  fastify: FastifyInstance,
  { config, database, clock = systemClock, hasher = argon2Hasher }: AppDeps,
) {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(errorsPlugin);
  await fastify.register(securityPlugin, { webOrigin: config.webOrigin });
  await fastify.register(openapiPlugin);
  await fastify.register(authPlugin, {
    secret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
  });

  const { db } = database;
  const auth = createAuthService({
    users: createUsersRepository(db),
    sessions: createRefreshSessionsRepository(db),
    hasher,
    clock,
    refreshTokenTtlMs: config.refreshTokenTtlMs,
  });

  await fastify.register(healthRoutes, { ping: database.ping });
  await fastify.register(authRoutes, {
    auth,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    rateLimitPerMinute: config.authRateLimitPerMinute,
  });
  await fastify.register(taxonomyRoutes, { taxonomy: createTaxonomyRepository(db) });
}

// Not encapsulated, so tests and server.ts see its decorators (jwt, authenticate).
export const app = fp(appPlugin, { name: 'handoff-api' });

/** A ready Fastify instance with the app registered; `server.ts` listens on it, tests `inject()` it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const fastify = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(config.env === 'development' ? { transport: { target: 'pino-pretty' } } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });
  await fastify.register(app, deps);
  await fastify.ready();
  return fastify;
}
