import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  webOrigin: string;
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
  // Off by default; routes opt in with `config.rateLimit` (the auth routes do).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many attempts. Try again in ${context.after}.`,
    }),
  });
});
