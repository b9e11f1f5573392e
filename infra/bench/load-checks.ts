// The load bench's figures and checks: latency and error counts per phase (a fault's window apart),
// acknowledged writes missing from the database, and jobs that never ran or ran twice.
import type { Database } from '@handoff/db';
import { rowsOf } from '@handoff/db';
import type { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import type { Acknowledged, Sample } from './load-workload.ts';
import { pct } from './search-mix.ts';
import type { Sink } from './worker-process.ts';

/** How long the outbox may take to drain after a phase: the relay's 5 minutes for lost jobs, and 2 more. */
export const DRAIN_MS = 420_000;

// ---- Figures ----------------------------------------------------------------------------------------
const isError = (s: Sample) => s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status < 500);
export interface Window {
  from: number;
  to: number;
}
export function figures(samples: Sample[], seconds: number, window?: Window) {
  // In flight at any moment of the window: a request cut off as the fault began counts as the fault's.
  const inWindow = (s: Sample) => !!window && s.at + s.ms >= window.from && s.at <= window.to;
  const outside = samples.filter((s) => !inWindow(s));
  const during = samples.filter(inWindow);
  const latencies = outside.filter((s) => !isError(s)).map((s) => s.ms);
  return {
    requests: samples.length,
    rps: samples.length / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors: outside.filter(isError).length,
    refused: during.filter((s) => s.status === 503).length,
    windowErrors: during.filter((s) => isError(s) && s.status !== 503).length,
    windowRequests: during.length,
    /** Errors in the phase's last 10 s: the apis did not come back by themselves. */
    lateErrors: samples.filter((s) => s.at > seconds * 1000 - 10_000 && isError(s)).length,
    byOp: [...new Set(samples.map((s) => s.op))].map((op) => {
      const mine = samples.filter((s) => s.op === op);
      const ok = mine.filter((s) => !isError(s)).map((s) => s.ms);
      const statuses = new Map<number, number>();
      for (const s of mine.filter(isError)) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
      return {
        op,
        n: mine.length,
        p50: pct(ok, 50),
        p95: pct(ok, 95),
        p99: pct(ok, 99),
        errors: mine.filter(isError).length,
        statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(' '),
      };
    }),
  };
}
export type Figures = ReturnType<typeof figures>;

export function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}
export const ms = (n: number) => n.toFixed(1);

// ---- Verification -----------------------------------------------------------------------------------
export async function missingWrites(db: Database['db'], acked: Acknowledged) {
  const missing = async (table: string, column: string, ids: string[], where = 'true') => {
    if (!ids.length) return 0;
    const [row] = await rowsOf<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}
        WHERE ${sql.raw(column)} = ANY(${sql.param(ids)}::uuid[]) AND ${sql.raw(where)}`,
    );
    return ids.length - row!.n;
  };
  return {
    jobs: await missing('job_posts', 'id', acked.jobs),
    published: await missing('job_posts', 'id', acked.published, "status = 'open'"),
    bids: await missing('bids', 'id', acked.bids),
    messages: await missing('bid_messages', 'id', acked.messages),
    references: await missing('reference_responses', 'request_id', acked.references),
  };
}

/**
 * The jobs' side. With Redis, an outbox row ends `done` once a worker finished it: a job ran when
 * its row is `done`, when BullMQ has it completed (the worker marks the row just after), or (its
 * record gone with a Redis that keeps nothing on disk) when the e-mail it sends is in the mail log. `completed` collects the completed ids seen so far, since a
 * Redis restart forgets them. Waits for the outbox and the queue to drain first.
 */
export async function jobsCheck(db: Database['db'], queue: Queue, sink: Sink, completed: Set<string>) {
  // Relayed rows no worker finished include the jobs a restarted Redis forgot: the relay offers them
  // again after 5 minutes (packages/queue/src/relay.ts), so the wait is long enough for that.
  const pending = async () =>
    (
      await rowsOf<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'running', 'relayed')`,
      )
    )[0]!.n;
  // Relayed jobs only (`outbox-<id>`): the worker's schedulers keep a delayed job of their own.
  const queued = async () =>
    (await queue.getRanges(['waiting', 'active', 'delayed', 'prioritized'], 0, -1)).filter((id) =>
      id.startsWith('outbox-'),
    ).length;
  const started = Date.now();
  const deadline = started + DRAIN_MS;
  let left = (await pending()) + (await queued());
  while (left > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    left = (await pending()) + (await queued());
  }
  const drainedIn = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1500)); // the sink reports in batches; a double arrives now
  for (const id of await queue.getRanges(['completed'], 0, -1)) completed.add(id);
  const failed = new Set(await queue.getRanges(['failed'], 0, -1));
  const rows = await rowsOf<{ id: number; name: string; status: string; mailed: boolean }>(
    db,
    sql`SELECT o.id::int AS id, o.name, o.status, EXISTS (SELECT 1 FROM mail_log m WHERE m.key = CASE o.name
        WHEN 'email.notification' THEN 'notification:' || (o.payload->>'notificationId')
        WHEN 'email.reference-request' THEN 'reference-request:' || (o.payload->>'requestId')
        ELSE NULL END) AS mailed
      FROM outbox o`,
  );
  const missing: string[] = [];
  for (const r of rows) {
    const jobId = `outbox-${r.id}`;
    if (r.status === 'done' || completed.has(jobId) || r.mailed) continue;
    missing.push(`${r.name} #${r.id} (${failed.has(jobId) ? 'failed' : r.status})`);
  }
  const logged = await rowsOf<{ id: string }>(
    db,
    sql`SELECT message_id AS id FROM mail_log WHERE transport = 'smtp' AND message_id IS NOT NULL`,
  );
  const received = new Set(sink.ids);
  return {
    outboxTotal: rows.length,
    notDrained: left,
    drainedIn,
    missing,
    mailed: logged.length,
    mailMissing: logged.filter((r) => !received.has(r.id)).length,
    mailDoubled: sink.ids.length - received.size,
  };
}
