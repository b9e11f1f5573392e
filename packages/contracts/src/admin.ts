import { z } from 'zod';
import { queryParams } from './query.ts';

export const outboxStatus = z.enum(['pending', 'relayed', 'running', 'done', 'failed']);

export const outboxJob = z.object({
  id: z.number().int(),
  name: z.string(),
  status: outboxStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const queueFailedJob = z.object({
  id: z.string(),
  name: z.string(),
  attemptsMade: z.number().int(),
  failedReason: z.string(),
  finishedOn: z.iso.datetime().nullable(),
});

export const jobsOverviewResponse = z.object({
  mode: z.enum(['in-process', 'bullmq']),
  outbox: z.object({
    counts: z.record(outboxStatus, z.number().int()),
    jobs: z.array(outboxJob),
  }),
  queue: z
    .object({
      counts: z.record(z.string(), z.number().int()),
      failed: z.array(queueFailedJob),
    })
    .nullable(),
});
export type JobsOverview = z.infer<typeof jobsOverviewResponse>;

export const jobsOverviewQuery = queryParams({ status: outboxStatus.optional() });
export const outboxIdParams = z.object({ id: z.coerce.number().int().positive() });

export const devMailSummary = z.object({
  id: z.uuid(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
});
export const devMailboxResponse = z.object({ messages: z.array(devMailSummary) });
export const devMailResponse = devMailSummary.extend({ html: z.string(), text: z.string() });
export const devMailboxQuery = queryParams({ to: z.string().max(254).optional() });
export const devMailParams = z.object({ id: z.uuid({ error: 'Not a message id' }) });

/** Text an operator types: no NUL (Postgres refuses it), trimmed. */
const operatorText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .max(max, { error: `Use at most ${max} characters for ${what}` })
    .refine((s) => !s.includes('\u0000'), { error: `Remove the NUL character from ${what}` });

export const peopleQuery = queryParams({
  q: operatorText('the e-mail or name to look for', 200).default(''),
});

export const personIdParams = z.object({
  id: z.uuid({ error: 'This is not an account id' }),
});

export const suspendBody = z.strictObject({
  reason: operatorText('the reason', 500).pipe(
    z.string().min(5, { error: 'Say why, in at least 5 characters: the reason is kept in the audit log' }),
  ),
});

export const reinstateBody = z.strictObject({
  reason: operatorText('the reason', 500).default(''),
});

const personSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(['owner', 'provider', 'admin'])),
  emailVerifiedAt: z.iso.datetime().nullable(),
  suspendedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type PersonSummaryResponse = z.infer<typeof personSummary>;

export const peopleResponse = z.object({ people: z.array(personSummary) });

export const securityEventKind = z.enum([
  'signed_in',
  'session_ended',
  'reset_requested',
  'password_reset',
  'verify_sent',
  'verified',
]);

export const auditAction = z.enum(['user.suspended', 'user.reinstated']);

export const auditEntry = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  actorEmail: z.string(),
  action: auditAction,
  targetUserId: z.uuid().nullable(),
  targetEmail: z.string().nullable(),
  reason: z.string(),
  createdAt: z.iso.datetime(),
});
export type AuditEntryResponse = z.infer<typeof auditEntry>;

export const personResponse = personSummary.extend({
  suspendedReason: z.string().nullable(),
  profiles: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      status: z.enum(['draft', 'published']),
      role: z.enum(['owner', 'member']),
      hidden: z.boolean(),
    }),
  ),
  securityEvents: z.array(z.object({ at: z.iso.datetime(), kind: securityEventKind, detail: z.string() })),
  audit: z.array(auditEntry),
});
export type PersonResponse = z.infer<typeof personResponse>;

export const auditLogQuery = queryParams({
  /** The `next` cursor of the previous page. */
  before: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/, {
      error: 'Use the `next` value of the previous page',
    })
    .optional(),
});

export const auditLogResponse = z.object({ entries: z.array(auditEntry), next: z.string().nullable() });
