import { schedules, type JobHandlers } from '@handoff/core';
import type { OutboxRepository } from '@handoff/db';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { dispatch, errorText, outboxIdOf } from './dispatch.ts';

export const QUEUE_NAME = 'handoff';

export function createQueue(connection: Redis, prefix?: string): Queue {
  const queue = new Queue(QUEUE_NAME, { connection, ...(prefix ? { prefix } : {}) });
  // Connection errors surface where they matter (the relay's refused batches); without a listener
  // BullMQ would print every reconnect attempt during a Redis outage.
  queue.on('error', () => {});
  return queue;
}

export interface WorkerOptions {
  connection: Redis;
  handlers: JobHandlers;
  concurrency: number;
  outbox: OutboxRepository;
  prefix?: string;
  /** Recorded on each job it runs (BullMQ's processedBy), so one can tell which process ran a job. */
  name?: string;
  /** How often BullMQ looks for jobs whose worker died; such jobs are retried. */
  stalledIntervalMs?: number;
  lockDurationMs?: number;
  log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** The consumer: runs the same handlers as the in-process runner, with BullMQ's retries. */
export function createWorker(options: WorkerOptions): Worker {
  const { handlers, outbox, log } = options;
  const worker = new Worker(
    QUEUE_NAME,
    (job: Job) =>
      dispatch(handlers, job.name, job.data, { jobId: String(job.id), attempt: job.attemptsMade + 1 }),
    {
      connection: options.connection,
      concurrency: options.concurrency,
      ...(options.prefix ? { prefix: options.prefix } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    },
  );
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  // Done in the outbox too, so the relay does not offer it again and the operator sees it finished.
  worker.on('completed', (job) => {
    const outboxId = outboxIdOf(job.id);
    if (outboxId !== null) outbox.markDone(outboxId).catch((e) => log.error({ err: e }, 'mark done'));
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    log.warn({ err, job: job.name, id: job.id, attempt: job.attemptsMade, final }, 'job failed');
    // The operator's outbox view shows final failures in both modes.
    const outboxId = outboxIdOf(job.id);
    if (final && outboxId !== null) {
      outbox
        .markFailed(outboxId, errorText(err), job.attemptsMade)
        .catch((e) => log.error({ err: e }, 'mark failed'));
    }
  });
  return worker;
}

/**
 * Registers the periodic scans as BullMQ job schedulers (idempotent: upsert by id, so every worker
 * registers them and each scan still runs once per period). `everyMs` replaces every scan's own
 * period: for tests and demos that cannot wait an hour (all workers must be given the same value,
 * or each start moves the schedule).
 */
export async function registerSchedules(queue: Queue, options: { everyMs?: number } = {}): Promise<void> {
  for (const s of schedules) {
    await queue.upsertJobScheduler(
      s.name,
      { every: options.everyMs ?? s.everyMs },
      { name: s.name, data: {} },
    );
  }
}
