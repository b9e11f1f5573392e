import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { producerConnection } from '@handoff/queue';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  webOrigin: string;
  /**
   * With Redis, every api process counts against the same limits (a guesser cannot multiply their
   * attempts by the number of processes). Without it, each process counts alone.
   */
  redisUrl?: string | undefined;
  /** Keeps one deployment's (or one test's) counters apart from another's on a shared Redis. */
  keyPrefix?: string | undefined;
}

export const securityPlugin = fp(async (app: FastifyInstance, opts: SecurityOptions) => {
  // The swagger UI at /docs needs inline styles and scripts; everything else is JSON.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      },
    },
  });
  await app.register(cors, { origin: [opts.webOrigin], credentials: true });
  const redis = opts.redisUrl
    ? producerConnection(opts.redisUrl, { connectionName: 'handoff-rate-limit' })
    : undefined;
  if (redis) {
    redis.on('error', () => {}); // answered by skipOnError below; the queue's own health reports Redis
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }
  // Off by default; routes opt in with `config.rateLimit` (the auth routes do).
  await app.register(rateLimit, {
    global: false,
    ...(redis
      ? {
          redis,
          nameSpace: `${opts.keyPrefix ?? 'handoff'}:rate-limit:`,
          // Redis down: let requests through rather than refuse every log-in; nothing is lost.
          skipOnError: true,
        }
      : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many attempts. Try again in ${context.after}.`,
    }),
  });
});
