import { jobPolicies, type JobName, type JobPayloads, type JobQueue } from '@handoff/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { outbox } from '../schema/index.ts';

/** The producer side: jobs become rows in the caller's transaction (pass the `tx`). */
export function createOutboxWriter(db: Db, onWrite?: () => void): JobQueue {
  return {
    async enqueue<K extends JobName>(name: K, payload: JobPayloads[K], options: { runAt?: Date } = {}) {
      await db.insert(outbox).values({
        name,
        payload: payload as Record<string, unknown>,
        maxAttempts: jobPolicies[name].attempts,
        ...(options.runAt ? { runAt: options.runAt } : {}),
      });
      onWrite?.();
    },
    async enqueueMany<K extends JobName>(name: K, payloads: readonly JobPayloads[K][]) {
      if (payloads.length === 0) return;
      const maxAttempts = jobPolicies[name].attempts;
      await db
        .insert(outbox)
        .values(
          payloads.map((payload) => ({ name, payload: payload as Record<string, unknown>, maxAttempts })),
        );
      onWrite?.();
    },
  };
}

export type OutboxStatus = 'pending' | 'relayed' | 'running' | 'done' | 'failed';

export interface OutboxRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  relayedAt: Date | null;
  finishedAt: Date | null;
}

const columns = {
  id: outbox.id,
  name: outbox.name,
  payload: outbox.payload,
  status: outbox.status,
  runAt: outbox.runAt,
  attempts: outbox.attempts,
  maxAttempts: outbox.maxAttempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  relayedAt: outbox.relayedAt,
  finishedAt: outbox.finishedAt,
};

/** Reading and operating the outbox, for the operator view and the relay. */
export function createOutboxRepository(db: Db) {
  return {
    async list(options: { status?: OutboxStatus; limit: number }): Promise<OutboxRow[]> {
      return db
        .select(columns)
        .from(outbox)
        .where(options.status ? eq(outbox.status, options.status) : undefined)
        .orderBy(desc(outbox.id))
        .limit(options.limit);
    },
    async counts(): Promise<Record<OutboxStatus, number>> {
      const rows = await db
        .select({ status: outbox.status, n: sql<number>`count(*)::int` })
        .from(outbox)
        .groupBy(outbox.status);
      const result = { pending: 0, relayed: 0, running: 0, done: 0, failed: 0 };
      for (const r of rows) result[r.status] = Number(r.n);
      return result;
    },
    /** Puts a failed job back in line, with a fresh set of attempts. */
    async retry(id: number): Promise<boolean> {
      const rows = await db
        .update(outbox)
        .set({ status: 'pending', attempts: 0, runAt: sql`now()`, lockedUntil: null, finishedAt: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
        .returning({ id: outbox.id });
      return rows.length > 0;
    },
    /** A job BullMQ ran to the end: the relay stops offering it again (see `resendLost`). */
    async markDone(id: number): Promise<void> {
      await db
        .update(outbox)
        .set({ status: 'done', finishedAt: sql`now()`, lastError: null })
        .where(and(eq(outbox.id, id), inArray(outbox.status, ['pending', 'relayed'])));
    },
    async markFailed(id: number, error: string, attempts: number): Promise<void> {
      await db
        .update(outbox)
        .set({ status: 'failed', lastError: error.slice(0, 2000), attempts, finishedAt: sql`now()` })
        .where(eq(outbox.id, id));
    },
    async byIds(ids: number[]): Promise<OutboxRow[]> {
      if (!ids.length) return [];
      return db.select(columns).from(outbox).where(inArray(outbox.id, ids));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
