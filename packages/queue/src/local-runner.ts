import { jobPolicies, schedules, type JobHandlers, type JobName } from '@handoff/core';
import { createOutboxWriter, type Db } from '@handoff/db';
import { sql } from 'drizzle-orm';
import { backoffDelay, dispatch, errorText } from './dispatch.ts';

export interface LocalRunnerOptions {
  db: Db;
  handlers: JobHandlers;
  /** How often to look for due jobs when nothing woke the runner. */
  pollMs?: number;
  /** Jobs claimed per round and run side by side. */
  concurrency?: number;
  /** A claimed job whose process died is retried after this long. */
  lockMs?: number;
  log?: { error(obj: object, msg: string): void };
  /** Run the periodic scans from `schedules` (off in tests that count jobs). */
  schedules?: boolean;
}

interface Claimed {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * The embedded default (no REDIS_URL): the api process runs jobs straight from the outbox with the
 * same handlers the BullMQ worker uses. Rows are claimed with FOR UPDATE SKIP LOCKED, retried with
 * exponential backoff, and marked failed with the error after the last attempt.
 */
export function createLocalRunner(options: LocalRunnerOptions) {
  const { db, handlers, pollMs = 500, concurrency = 8, lockMs = 5 * 60_000, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let wakeAgain = false;
  const scheduleTimers: NodeJS.Timeout[] = [];

  async function claim(): Promise<Claimed[]> {
    const result = await db.execute(sql`
      UPDATE outbox SET status = 'running', attempts = attempts + 1,
        locked_until = now() + ${`${lockMs} milliseconds`}::interval
      WHERE id IN (
        SELECT id FROM outbox
        WHERE (status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
        ORDER BY run_at, id LIMIT ${concurrency}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts`);
    return (result as unknown as { rows: Claimed[] }).rows;
  }

  async function runOne(job: Claimed): Promise<void> {
    try {
      await dispatch(handlers, job.name, job.payload, { jobId: String(job.id), attempt: job.attempts });
      await db.execute(
        sql`UPDATE outbox SET status = 'done', finished_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${job.id}`,
      );
    } catch (error) {
      const message = errorText(error).slice(0, 2000);
      log?.error({ err: error, job: job.name, id: job.id, attempt: job.attempts }, 'job failed');
      if (job.attempts >= job.max_attempts) {
        await db.execute(
          sql`UPDATE outbox SET status = 'failed', finished_at = now(), locked_until = NULL, last_error = ${message} WHERE id = ${job.id}`,
        );
      } else {
        const base = jobPolicies[job.name as JobName]?.backoffMs ?? 10_000;
        const delay = backoffDelay(base, job.attempts);
        await db.execute(sql`UPDATE outbox SET status = 'pending', locked_until = NULL, last_error = ${message},
          run_at = now() + ${`${delay} milliseconds`}::interval WHERE id = ${job.id}`);
      }
    }
  }

  /** Runs due jobs until none are left; returns how many ran. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claim();
      if (!jobs.length) return total;
      await Promise.all(jobs.map(runOne));
      total += jobs.length;
    }
  }

  function tick() {
    if (stopped) return;
    if (running) {
      wakeAgain = true;
      return;
    }
    clearTimeout(timer);
    running = drain()
      .catch((error) => {
        log?.error({ err: error }, 'outbox runner round failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (wakeAgain) {
          wakeAgain = false;
          setImmediate(tick);
        } else timer = setTimeout(tick, pollMs);
      });
  }

  return {
    start() {
      stopped = false;
      tick();
      if (options.schedules ?? true) {
        const writer = createOutboxWriter(db);
        for (const s of schedules) {
          scheduleTimers.push(
            setInterval(
              () =>
                void writer
                  .enqueue(s.name, {} as never)
                  .then(tick)
                  // The database may be restarting; the next interval tries again.
                  .catch((error) =>
                    log?.error({ err: error, job: s.name }, 'could not queue a periodic job'),
                  ),
              s.everyMs,
            ).unref(),
          );
        }
      }
    },
    /** Called after a transaction that queued jobs commits: run them now rather than at the next poll. */
    wake: () => tick(),
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      for (const t of scheduleTimers) clearInterval(t);
      await running;
    },
  };
}

export type LocalRunner = ReturnType<typeof createLocalRunner>;
