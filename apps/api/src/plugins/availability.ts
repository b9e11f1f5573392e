import type { Database } from '@handoff/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Seconds a client is asked to wait while the embedded database restarts (it takes 1–3 s). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * While the database is known to be away (the embedded one restarting after a wedge or a crash),
 * requests get 503 with Retry-After at once instead of waiting on it. /healthz still answers: the
 * process is alive; /readyz says why it is not ready.
 */
export const availabilityPlugin = fp(async (app: FastifyInstance, opts: { database: Database }) => {
  app.addHook('onRequest', async (request, reply) => {
    const reason = opts.database.unavailable();
    if (!reason || request.url === '/healthz' || request.url.startsWith('/docs')) return;
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ statusCode: 503, error: 'Service Unavailable', message: reason });
  });
});
