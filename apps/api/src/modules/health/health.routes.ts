import { errorResponse } from '@handoff/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RETRY_AFTER_SECONDS } from '../../plugins/availability.ts';

export async function healthRoutes(
  fastify: FastifyInstance,
  opts: { ping: () => Promise<void>; unavailable: () => string | null },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The api can reach its database',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.literal('ok') }),
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const notReady = (message: string) =>
        reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({ statusCode: 503, error: 'Service Unavailable', message });
      const reason = opts.unavailable();
      if (reason) return notReady(reason);
      try {
        await opts.ping();
        return { status: 'ready' as const, database: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return notReady('The database is not reachable');
      }
    },
  );
}
