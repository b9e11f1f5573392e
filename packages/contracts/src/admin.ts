import { z } from 'zod';

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

export const jobsOverviewQuery = z.object({ status: outboxStatus.optional() });
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
export const devMailboxQuery = z.object({ to: z.string().max(254).optional() });
export const devMailParams = z.object({ id: z.uuid({ error: 'Not a message id' }) });
