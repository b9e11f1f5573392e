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
}

interface Row {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

/**
 * Moves outbox rows to BullMQ. Rows are claimed inside a transaction; the transaction commits the
 * "relayed" mark only after Redis accepted the jobs, so a Redis outage leaves them pending. The
 * BullMQ jobId is the outbox id: if we crash between Redis and the commit, the next relay re-adds
 * the same ids and BullMQ ignores them.
 */
export function createRelay(options: RelayOptions) {
  const { db, queue, pollMs = 100, batchSize = 1000, keepCompletedSeconds = 86_400, log } = options;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let failures = 0;

  /** One batch; returns how many rows moved. Throws if Redis refused them. */
  async function relayOnce(): Promise<number> {
    return db.transaction(async (tx) => {
      const result = await tx.execute(sql`
        SELECT id, name, payload,
          GREATEST(0, (EXTRACT(EPOCH FROM (run_at - now())) * 1000))::int AS delay_ms
        FROM outbox WHERE status = 'pending'
        ORDER BY id LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`);
      const rows = (result as unknown as { rows: Row[] }).rows;
      if (!rows.length) return 0;
      await queue.addBulk(
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
      const ids = rows.map((r) => r.id);
      await tx.execute(sql`UPDATE outbox SET status = 'relayed', relayed_at = now()
        WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`);
      return rows.length;
    });
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
        await new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)));
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
      await loop;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
