import {
  auditLogQuery,
  auditLogResponse,
  errorResponse,
  jobsOverviewQuery,
  jobsOverviewResponse,
  messageResponse,
  outboxIdParams,
  peopleQuery,
  peopleResponse,
  personIdParams,
  personResponse,
  reinstateBody,
  suspendBody,
} from '@handoff/contracts';
import { ForbiddenError, NotFoundError } from '@handoff/core/errors';
import type { AuditEntry, PeopleService, PersonDetail, PersonSummary } from '@handoff/core/people';
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

const cursorOf = (e: { createdAt: Date; id: string }) => `${e.createdAt.toISOString()}_${e.id}`;
const AUDIT_PAGE = 50;

const auditView = (e: AuditEntry) => ({ ...e, createdAt: e.createdAt.toISOString() });

const personView = (p: PersonDetail, audit: AuditEntry[]) => ({
  ...summaryView(p),
  suspendedReason: p.suspendedReason,
  profiles: p.profiles,
  securityEvents: p.securityEvents.map((e) => ({ ...e, at: e.at.toISOString() })),
  audit: audit.map(auditView),
});

const summaryView = (p: PersonSummary) => ({
  id: p.id,
  email: p.email,
  name: p.name,
  roles: p.roles,
  emailVerifiedAt: iso(p.emailVerifiedAt),
  suspendedAt: iso(p.suspendedAt),
  deletedAt: iso(p.deletedAt),
  createdAt: p.createdAt.toISOString(),
});

/**
 * The operator's people desk. The audit log has a read route and nothing else: no route updates or
 * deletes an entry, and the database refuses it too.
 */
export async function peopleRoutes(fastify: FastifyInstance, opts: { people: PeopleService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: [app.authenticate, requireAdmin] };
  const common = { tags: ['admin'], security: [{ bearerAuth: [] }] };
  const errors = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };
  const detail = async (actor: { sub: string; roles: string[] }, id: string) => {
    const operator = { id: actor.sub, roles: actor.roles };
    const [person, audit] = await Promise.all([
      opts.people.get(operator, id),
      opts.people.auditLog(operator, { limit: 20, targetUserId: id }),
    ]);
    return personView(person, audit);
  };

  app.get(
    '/admin/people',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Find people by e-mail or name (newest first, 50 at most)',
        querystring: peopleQuery,
        response: { 200: peopleResponse, ...errors },
      },
    },
    async (request) => {
      const people = await opts.people.find(
        { id: request.user.sub, roles: request.user.roles },
        request.query.q,
      );
      return { people: people.map(summaryView) };
    },
  );

  app.get(
    '/admin/people/:id',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'One person: roles, profiles, recent security events and what operators did',
        params: personIdParams,
        response: { 200: personResponse, ...errors },
      },
    },
    async (request) => detail(request.user, request.params.id),
  );

  app.post(
    '/admin/people/:id/suspend',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Suspend: no log-in, sessions ended, profiles hidden from search; the reason is audited',
        params: personIdParams,
        body: suspendBody,
        response: { 200: personResponse, ...errors },
      },
    },
    async (request) => {
      await opts.people.suspend(
        { id: request.user.sub, roles: request.user.roles },
        request.params.id,
        request.body.reason,
      );
      return detail(request.user, request.params.id);
    },
  );

  app.post(
    '/admin/people/:id/reinstate',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Lift a suspension: log-in works again and published profiles return to search',
        params: personIdParams,
        body: reinstateBody,
        response: { 200: personResponse, ...errors },
      },
    },
    async (request) => {
      await opts.people.reinstate(
        { id: request.user.sub, roles: request.user.roles },
        request.params.id,
        request.body.reason,
      );
      return detail(request.user, request.params.id);
    },
  );

  app.get(
    '/admin/audit-log',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Every operator action, newest first (read-only)',
        querystring: auditLogQuery,
        response: { 200: auditLogResponse, ...errors },
      },
    },
    async (request) => {
      const before = request.query.before;
      const cut = before ? before.lastIndexOf('_') : -1;
      const entries = await opts.people.auditLog(
        { id: request.user.sub, roles: request.user.roles },
        {
          limit: AUDIT_PAGE + 1,
          ...(before
            ? { before: { createdAt: new Date(before.slice(0, cut)), id: before.slice(cut + 1) } }
            : {}),
        },
      );
      const page = entries.slice(0, AUDIT_PAGE);
      return {
        entries: page.map(auditView),
        next: entries.length > AUDIT_PAGE ? cursorOf(page[page.length - 1]!) : null,
      };
    },
  );
}
