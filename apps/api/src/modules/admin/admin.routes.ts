import {
  errorResponse,
  jobsOverviewQuery,
  jobsOverviewResponse,
  messageResponse,
  outboxIdParams,
} from '@handoff/contracts';
import { ForbiddenError, NotFoundError } from '@handoff/core/errors';
import type { OutboxRepository } from '@handoff/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Jobs } from '../../services.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function requireAdmin(request: FastifyRequest) {
  if (!request.user.roles.includes('admin')) throw new ForbiddenError('Only operators can see this page');
}

export async function adminRoutes(fastify: FastifyInstance, opts: { outbox: OutboxRepository; jobs: Jobs }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: [app.authenticate, requireAdmin] };
  const common = { tags: ['admin'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/admin/jobs',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Outbox and queue state: pending, failed (with the error), counts',
        querystring: jobsOverviewQuery,
        response: { 200: jobsOverviewResponse, ...errors },
      },
    },
    async (request) => {
      const [counts, rows] = await Promise.all([
        opts.outbox.counts(),
        opts.outbox.list({ limit: 100, ...(request.query.status ? { status: request.query.status } : {}) }),
      ]);
      let queue = null;
      if (opts.jobs.mode === 'bullmq') {
        try {
          const q = opts.jobs.queue;
          const [qCounts, failed] = await Promise.all([
            q.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'),
            q.getFailed(0, 49),
          ]);
          queue = {
            counts: qCounts,
            failed: failed.map((j) => ({
              id: String(j.id),
              name: j.name,
              attemptsMade: j.attemptsMade,
              failedReason: j.failedReason ?? '',
              finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
            })),
          };
        } catch {
          queue = null; // Redis unreachable: the outbox view still works, and shows the backlog
        }
      }
      return {
        mode: opts.jobs.mode,
        outbox: {
          counts,
          jobs: rows.map((r) => ({
            id: r.id,
            name: r.name,
            status: r.status,
            attempts: r.attempts,
            maxAttempts: r.maxAttempts,
            lastError: r.lastError,
            runAt: r.runAt.toISOString(),
            createdAt: r.createdAt.toISOString(),
            finishedAt: iso(r.finishedAt),
          })),
        },
        queue,
      };
    },
  );

  app.post(
    '/admin/outbox/:id/retry',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Put a failed job back in line',
        params: outboxIdParams,
        response: { 200: messageResponse, ...errors },
      },
    },
    async (request) => {
      if (!(await opts.outbox.retry(request.params.id)))
        throw new NotFoundError('No failed job with that id');
      if (opts.jobs.mode === 'in-process') opts.jobs.runner.wake();
      return { message: `Job ${request.params.id} will run again.` };
    },
  );
}
