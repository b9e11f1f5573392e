import { jobPolicies, type JobName, type JobPolicy } from '@handoff/core';
import type { Db } from '@handoff/db';
import type { Queue } from 'bullmq';
import { outboxJobId } from './dispatch.ts';
import { sql } from 'drizzle-orm';

export interface RelayOptions {
  db: Db;
  queue: Queue;
  pollMs?: number;
  batchSize?: number;
  /** Keep completed jobs this long so a re-relayed outbox id is still recognised as a duplicate. */
  keepCompletedSeconds?: number;
  log?: { warn(obj: object, msg: string): void };
  /** Overrides of the retry policy per job (tests use short backoffs). */
  policies?: Partial<Record<JobName, JobPolicy>>;
  /** How long one batch may wait for Redis before the round is abandoned (rows stay pending). */
  redisTimeoutMs?: number;
  /**
   * A relayed row the worker has not marked done after this long is added to Redis again (same job
   * id: BullMQ ignores it while it still holds the job, waiting, delayed, running or completed), so
   * jobs a restarted Redis forgot are not lost. Default 5 minutes.
   */
  resendAfterMs?: number;
  /** How often to look for such rows. Default 1 minute. */
  resendEveryMs?: number;
}

interface Row {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

/**
 * Moves outbox rows to BullMQ: read a batch of pending rows, add them to the queue, then mark them
 * relayed. No database transaction is held open across the Redis call, so a Redis outage never
 * blocks the use cases writing to the outbox; the rows simply stay pending. The BullMQ jobId is
 * derived from the outbox id: if we crash (or time out) between Redis and the mark, the next round
 * re-adds the same ids and BullMQ ignores them, so nothing is lost and nothing runs twice.
 */
export function createRelay(options: RelayOptions) {
  const { db, queue, pollMs = 100, batchSize = 1000, keepCompletedSeconds = 86_400, log } = options;
  const redisTimeoutMs = options.redisTimeoutMs ?? 3_000;
  const resendAfterMs = options.resendAfterMs ?? 5 * 60_000;
  const resendEveryMs = options.resendEveryMs ?? 60_000;
  let lastResend = Date.now();
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let failures = 0;
  let wakeUp: (() => void) | undefined;

  /** Adds rows to BullMQ under their outbox job ids; throws if Redis refused them or did not answer. */
  async function add(rows: Row[]): Promise<void> {
    const added = queue.addBulk(
      rows.map((row) => {
        const name = row.name as JobName;
        const policy = options.policies?.[name] ?? jobPolicies[name] ?? { attempts: 3, backoffMs: 10_000 };
        return {
          name: row.name,
          data: row.payload,
          opts: {
            jobId: outboxJobId(row.id),
            delay: row.delay_ms,
            attempts: policy.attempts,
            backoff: { type: 'exponential', delay: policy.backoffMs },
            removeOnComplete: { age: keepCompletedSeconds },
            removeOnFail: false,
          },
        };
      }),
    );
    // BullMQ waits for a connection that is down; give up on this round instead of hanging.
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        added,
        new Promise((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`Redis did not answer within ${redisTimeoutMs} ms`)),
            redisTimeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timeout);
      added.catch(() => {}); // a late answer is harmless: the ids are re-added and ignored
    }
  }

  const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
  const idList = (rows: Row[]) =>
    sql.join(
      rows.map((r) => sql`${r.id}`),
      sql`, `,
    );

  /** One batch; returns how many rows moved. Throws if Redis refused them or did not answer. */
  async function relayOnce(): Promise<number> {
    const rows = rowsOf(
      await db.execute(sql`
        SELECT id, name, payload,
          GREATEST(0, (EXTRACT(EPOCH FROM (run_at - now())) * 1000))::int AS delay_ms
        FROM outbox WHERE status = 'pending'
        ORDER BY id LIMIT ${batchSize}`),
    );
    if (!rows.length) return 0;
    await add(rows);
    await db.execute(sql`UPDATE outbox SET status = 'relayed', relayed_at = now()
      WHERE status = 'pending' AND id IN (${idList(rows)})`);
    return rows.length;
  }

  /**
   * Adds again the relayed rows no worker has finished after `resendAfterMs` (within the time BullMQ
   * keeps completed jobs, so one that ran is still recognised): a Redis that restarted empty lost
   * them. Returns how many rows were offered again; most are ignored by BullMQ as still held.
   */
  async function resendLost(olderThanMs = resendAfterMs): Promise<number> {
    const rows = rowsOf(
      await db.execute(sql`
        SELECT id, name, payload,
          GREATEST(0, (EXTRACT(EPOCH FROM (run_at - now())) * 1000))::int AS delay_ms
        FROM outbox
        WHERE status = 'relayed'
          AND relayed_at <= now() - make_interval(secs => ${olderThanMs / 1000})
          AND relayed_at > now() - make_interval(secs => ${keepCompletedSeconds})
        ORDER BY id LIMIT ${batchSize}`),
    );
    if (!rows.length) return 0;
    await add(rows);
    await db.execute(sql`UPDATE outbox SET relayed_at = now()
      WHERE status = 'relayed' AND id IN (${idList(rows)})`);
    return rows.length;
  }

  async function run() {
    while (!stopped) {
      let moved = 0;
      try {
        moved = await relayOnce();
        if (Date.now() - lastResend >= resendEveryMs) {
          lastResend = Date.now();
          await resendLost();
        }
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 50 === 0) {
          // Either side can be the one down: reading the outbox (Postgres) or adding the jobs (Redis).
          const which =
            error instanceof Error && /Redis/i.test(error.message) ? 'Redis' : 'Redis or Postgres';
          log?.warn(
            { err: error, failures },
            `outbox relay: the batch did not go through (${which}); rows stay pending and are retried`,
          );
        }
      }
      if (moved < batchSize) {
        const wait = failures ? Math.min(pollMs * 2 ** Math.min(failures, 5), 2_000) : pollMs;
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          timer = setTimeout(resolve, wait);
        });
      }
    }
  }

  return {
    relayOnce,
    resendLost,
    start() {
      if (!stopped) return;
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
