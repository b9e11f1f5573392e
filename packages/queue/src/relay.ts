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
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let failures = 0;
  let wakeUp: (() => void) | undefined;

  /** One batch; returns how many rows moved. Throws if Redis refused them or did not answer. */
  async function relayOnce(): Promise<number> {
    const result = await db.execute(sql`
      SELECT id, name, payload,
        GREATEST(0, (EXTRACT(EPOCH FROM (run_at - now())) * 1000))::int AS delay_ms
      FROM outbox WHERE status = 'pending'
      ORDER BY id LIMIT ${batchSize}`);
    const rows = (result as unknown as { rows: Row[] }).rows;
    if (!rows.length) return 0;
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
    const ids = rows.map((r) => r.id);
    await db.execute(sql`UPDATE outbox SET status = 'relayed', relayed_at = now()
      WHERE status = 'pending' AND id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    return rows.length;
  }

  async function run() {
    while (!stopped) {
      let moved = 0;
      try {
        moved = await relayOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 50 === 0) {
          log?.warn({ err: error, failures }, 'outbox relay: Redis refused the batch; rows stay pending');
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
