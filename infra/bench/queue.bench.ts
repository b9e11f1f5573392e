// pnpm bench queue [--jobs=N]: N e-mail jobs through outbox → relay → BullMQ → worker → SMTP sink,
// against a bare BullMQ producer/worker loop sending the same mail, in the same run.
// Both workers get the same BullMQ concurrency and SMTP pool and are timed from their ready line.
// Besides jobs/s it prints each worker's CPU time per job (from /proc): on a shared machine that
// moves far less than wall-clock throughput. BENCH_CHILD_PROF=dir writes a --cpu-prof of each child.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createNotificationService } from '@handoff/core/notifications';
import { createLinkSigner } from '@handoff/core';
import {
  createTransactor,
  migrate,
  openDatabase,
  createNotificationsRepository,
  type Database,
} from '@handoff/db';
import { producerConnection } from '@handoff/queue';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { admin, root, withDatabase } from './api-process.ts';
import { bare, child, started, startSink, stopChild, waitFor, type Sink } from './worker-process.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const JOBS = Number(arg('jobs') ?? 10_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONCURRENCY = Number(arg('concurrency') ?? 50);
const SMTP_POOL_SIZE = Number(arg('smtp-pool') ?? 20);

/** CPU time (user + system) a process has used so far, in ms; NaN where /proc is missing. */
function cpuMs(pid: number | string | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return NaN;
  }
}

type Cpu = Record<'worker' | 'sink' | 'postgres' | 'redis', number>;
interface CpuSnapshot {
  worker: number;
  sink: number;
  /** Per process, so that one which exits in between is left out rather than subtracted. */
  servers: Map<string, { kind: 'postgres' | 'redis'; ms: number }>;
}
/**
 * CPU used so far by every process a job passes through. Postgres and Redis are summed over all
 * their processes on this machine (a backend that exits in between takes its share with it, and
 * anyone else's queries count too): approximate, but it shows what a job costs in total, which is
 * what bounds jobs/s on a small machine.
 */
function cpuSnapshot(workerPid: number | undefined, sinkPid: number | undefined): CpuSnapshot {
  const servers: CpuSnapshot['servers'] = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    // not Linux: worker and sink read NaN too
  }
  for (const pid of pids) {
    let comm = '';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    const kind = comm === 'postgres' ? 'postgres' : comm === 'redis-server' ? 'redis' : null;
    const ms = kind ? cpuMs(pid) : NaN;
    if (kind && !Number.isNaN(ms)) servers.set(pid, { kind, ms });
  }
  return { worker: cpuMs(workerPid), sink: cpuMs(sinkPid), servers };
}
function perJob(from: CpuSnapshot, to: CpuSnapshot, jobs: number): Cpu {
  const cpu: Cpu = { worker: to.worker - from.worker, sink: to.sink - from.sink, postgres: 0, redis: 0 };
  for (const [pid, { kind, ms }] of to.servers) cpu[kind] += ms - (from.servers.get(pid)?.ms ?? 0);
  if (!to.servers.size) cpu.postgres = cpu.redis = NaN;
  return {
    worker: cpu.worker / jobs,
    sink: cpu.sink / jobs,
    postgres: cpu.postgres / jobs,
    redis: cpu.redis / jobs,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};

async function bareBaseline(sink: Sink): Promise<{ jobsPerS: number; cpu: Cpu; received: number }> {
  let cpu0: CpuSnapshot | undefined;
  let cpu: Cpu | undefined;
  const b = await bare(sink, {
    jobs: JOBS,
    redisUrl: REDIS_URL,
    concurrency: CONCURRENCY,
    smtpPool: SMTP_POOL_SIZE,
    measure: (at, worker) => {
      if (at === 'start') cpu0 = cpuSnapshot(worker.pid, sink.pid);
      else cpu = perJob(cpu0!, cpuSnapshot(worker.pid, sink.pid), JOBS);
    },
  });
  return { jobsPerS: b.jobsPerS, cpu: cpu!, received: b.received };
}

async function produce(
  database: Database,
  userId: string,
  count: number,
  notify: ReturnType<typeof createNotificationService>['notify'],
  PER_TX: number,
) {
  const transaction = createTransactor(database.db);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const n = Math.min(PER_TX, count - next);
        next += n;
        await transaction(async (scope) => {
          for (let k = 0; k < n; k++) {
            await notify(scope, {
              userId,
              kind: 'account.security',
              title: 'Bench alert',
              body: 'Benchmark notification',
            });
          }
        });
      }
    }),
  );
}

async function outboxPath(database: Database, dbUrl: string, sink: Sink) {
  const { db } = database;
  const prefix = `bench-outbox-${randomBytes(3).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  // One user; every job is a security notification e-mail (always sent) to them.
  const userRows = await db.execute(sql`INSERT INTO users (email, name, password_hash, roles)
    VALUES ('bench@example.test', 'Bench User', 'x', '{owner}') RETURNING id`);
  const userId = (userRows as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const { notify } = createNotificationService({
    notifications: createNotificationsRepository(db),
    signer: createLinkSigner(secret),
    clock: { now: () => new Date() },
  });

  // Throughput: the jobs are in the outbox (written by use cases); time from the worker process's
  // ready line (it runs the relay and the BullMQ consumers, as in production) to the last message.
  await produce(database, userId, JOBS, notify, 50);
  const start = sink.ids.length;
  const worker = child(join(root, 'apps/worker/src/main.ts'), {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_URL: sink.url,
    JWT_SECRET: secret,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    RELAY_POLL_MS: '20',
    SMTP_POOL_SIZE: String(SMTP_POOL_SIZE),
  });
  const t0 = await started(worker, true);
  const cpu0 = cpuSnapshot(worker.pid, sink.pid);
  const done = await waitFor(
    () => sink.ids.length - start >= JOBS,
    300_000,
    () => `outbox: ${sink.ids.length - start} received`,
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = perJob(cpu0, cpuSnapshot(worker.pid, sink.pid), JOBS);

  // Relay lag: with the worker running, use cases keep producing; how long does a row wait between
  // its transaction and Redis? One notification per transaction, as a use case writes it:
  // created_at is the transaction's start and the relay cannot see a row before its commit, so
  // batching 50 per transaction would add the producer's own transaction time to every row's lag.
  await db.execute(sql`DELETE FROM outbox`);
  const LAG_JOBS = 2000;
  await produce(database, userId, LAG_JOBS, notify, 1);
  await waitFor(() => sink.ids.length - start >= JOBS + LAG_JOBS, 120_000);
  await new Promise((r) => setTimeout(r, 1000)); // anything doubled would arrive now
  const lags = (
    (await db.execute(
      sql`SELECT EXTRACT(EPOCH FROM (relayed_at - created_at)) * 1000 AS lag FROM outbox WHERE relayed_at IS NOT NULL`,
    )) as unknown as { rows: { lag: string }[] }
  ).rows.map((r) => Number(r.lag));
  await stopChild(worker);
  const cleanupConnection = producerConnection(REDIS_URL);
  const cleanup = new Queue('handoff', { connection: cleanupConnection, prefix });
  await cleanup.obliterate({ force: true }).catch(() => {});
  await cleanup.close();
  cleanupConnection.disconnect(); // a Queue does not close a connection it was given
  const ids = sink.ids.slice(start);
  const unique = new Set(ids).size;
  return {
    done,
    jobsPerS: JOBS / seconds,
    cpu,
    lagP50: pct(lags, 50),
    lagP95: pct(lags, 95),
    lost: JOBS + LAG_JOBS - unique,
    doubled: ids.length - unique,
  };
}

const dbName = `handoff_bench_${Date.now()}`;
let database: Database | undefined;
const sink = await startSink();
try {
  // The worker is a separate process sharing the database, so this needs a Postgres server.
  await admin(BASE_DB, `CREATE DATABASE ${dbName}`);
  const dbUrl = withDatabase(BASE_DB, dbName);
  database = await openDatabase({ url: dbUrl, poolMax: 8 });
  await migrate(database);
  console.log(
    `queue bench: ${JOBS} e-mail jobs, Postgres, Redis ${REDIS_URL}, worker concurrency ${CONCURRENCY}, SMTP pool ${SMTP_POOL_SIZE}\n`,
  );
  const b = await bareBaseline(sink);
  const o = await outboxPath(database, dbUrl, sink);
  const ratio = b.jobsPerS / o.jobsPerS;
  const rows = [
    ['path', 'jobs/s', 'worker CPU/job', 'relay lag p50', 'relay lag p95', 'lost', 'doubled'],
    [
      'bare BullMQ → SMTP',
      b.jobsPerS.toFixed(0),
      `${b.cpu.worker.toFixed(2)} ms`,
      '-',
      '-',
      String(JOBS - b.received),
      '-',
    ],
    [
      'outbox → relay → BullMQ → SMTP',
      o.jobsPerS.toFixed(0),
      `${o.cpu.worker.toFixed(2)} ms`,
      `${o.lagP50.toFixed(0)} ms`,
      `${o.lagP95.toFixed(0)} ms`,
      String(o.lost),
      String(o.doubled),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const ms = (x: number) => (Number.isNaN(x) ? '?' : x.toFixed(2));
  const total = (c: Cpu) => c.worker + c.sink + c.postgres + c.redis;
  const cpuRows = [
    ['CPU ms per job', 'worker', 'SMTP sink', 'Postgres', 'Redis', 'total'],
    ...(
      [
        ['bare', b.cpu],
        ['outbox', o.cpu],
      ] as const
    ).map(([name, c]) => [name, ms(c.worker), ms(c.sink), ms(c.postgres), ms(c.redis), ms(total(c))]),
  ];
  const cpuWidths = cpuRows[0]!.map((_, i) => Math.max(...cpuRows.map((r) => r[i]!.length)));
  console.log('');
  for (const r of cpuRows) console.log(r.map((c, i) => c.padEnd(cpuWidths[i]!)).join('  '));
  console.log(
    // ms of CPU per job × 1000 jobs/s = ms of CPU per second = cores.
    `1000 jobs/s would take ${total(o.cpu).toFixed(2)} cores on the outbox path (${o.cpu.worker.toFixed(2)} in the worker, one thread) and ${total(b.cpu).toFixed(2)} bare; this machine has ${availableParallelism()}`,
  );
  console.log(
    `\noutbox costs ${ratio.toFixed(2)}× bare BullMQ (target ≤ 2×); throughput target ≥ 1000 jobs/s; lag p95 target < 1000 ms`,
  );
  if (!o.done) console.log('the outbox path did not finish within the time limit');
  console.log(
    JSON.stringify({
      bench: 'queue',
      jobs: JOBS,
      jobs_per_s: Math.round(o.jobsPerS),
      relay_lag_p50_ms: Math.round(o.lagP50),
      relay_lag_p95_ms: Math.round(o.lagP95),
      bare_jobs_per_s: Math.round(b.jobsPerS),
      ratio_vs_bare: Number(ratio.toFixed(2)),
      lost: o.lost,
      doubled: o.doubled,
    }),
  );
} finally {
  await database?.close();
  await sink.stop();
  await admin(BASE_DB, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
}
