// pnpm bench queue [--jobs N]: N e-mail jobs through outbox → relay → BullMQ → worker → SMTP sink,
// against a bare BullMQ producer/worker loop sending the same mail, in the same run.
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
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import pg from 'pg';

const JOBS = Number(process.argv.find((a) => a.startsWith('--jobs='))?.split('=')[1] ?? 10_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONCURRENCY = 50;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};

async function adminQuery(text: string) {
  const url = new URL(BASE_DB);
  url.pathname = '/postgres';
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, progress?: () => string) {
  const deadline = Date.now() + timeoutMs;
  let nextReport = Date.now() + 5_000;
  while (!check()) {
    if (progress && Date.now() > nextReport) {
      process.stderr.write(`  … ${progress()}\n`);
      nextReport = Date.now() + 5_000;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A child process running TypeScript through tsx, with IPC. */
function child(script: string, env: Record<string, string> = {}): ChildProcess {
  return fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function startSinkProcess() {
  const proc = child(join(root, 'infra/bench/sink.process.ts'));
  const ids: string[] = [];
  const port = await new Promise<number>((resolve) =>
    proc.on('message', (m: { port?: number; ids?: string[] }) => {
      if (m.port) resolve(m.port);
      if (m.ids) ids.push(...m.ids);
    }),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    ids,
    stop: () => new Promise((r) => (proc.once('exit', r), proc.send({ stop: true }))),
  };
}
type Sink = Awaited<ReturnType<typeof startSinkProcess>>;

async function stopChild(proc: ChildProcess) {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

async function bare(sink: Sink): Promise<{ jobsPerS: number; received: number }> {
  const prefix = `bench-bare-${randomBytes(3).toString('hex')}`;
  const producer = producerConnection(REDIS_URL);
  const queue = new Queue('bare', { connection: producer, prefix });
  const start = sink.ids.length;
  for (let i = 0; i < JOBS; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, JOBS - i) }, (_, k) => ({ name: 'mail', data: { n: i + k } })),
    );
  }
  // Jobs are waiting; time from the worker's start to the last message accepted.
  const t0 = performance.now();
  const worker = child(join(root, 'infra/bench/bare-worker.process.ts'), {
    REDIS_URL,
    SMTP_URL: sink.url,
    QUEUE_PREFIX: prefix,
    CONCURRENCY: String(CONCURRENCY),
  });
  await waitFor(
    () => sink.ids.length - start >= JOBS,
    300_000,
    () => `bare: ${sink.ids.length - start} received`,
  );
  const seconds = (performance.now() - t0) / 1000;
  await stopChild(worker);
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect();
  return { jobsPerS: JOBS / seconds, received: sink.ids.length - start };
}

async function produce(
  database: Database,
  userId: string,
  count: number,
  notify: ReturnType<typeof createNotificationService>['notify'],
) {
  const transaction = createTransactor(database.db);
  const PER_TX = 50;
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
  // start (it runs the relay and the BullMQ consumers, as in production) to the last message.
  await produce(database, userId, JOBS, notify);
  const start = sink.ids.length;
  const t0 = performance.now();
  const worker = child(join(root, 'apps/worker/src/main.ts'), {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_URL: sink.url,
    JWT_SECRET: secret,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    RELAY_POLL_MS: '20',
  });
  const done = await waitFor(
    () => sink.ids.length - start >= JOBS,
    300_000,
    () => `outbox: ${sink.ids.length - start} received`,
  );
  const seconds = (performance.now() - t0) / 1000;

  // Relay lag: with the worker running, use cases keep producing; how long does a row wait?
  await db.execute(sql`DELETE FROM outbox`);
  const LAG_JOBS = 2000;
  await produce(database, userId, LAG_JOBS, notify);
  await waitFor(() => sink.ids.length - start >= JOBS + LAG_JOBS, 120_000);
  await new Promise((r) => setTimeout(r, 1000)); // anything doubled would arrive now
  const lags = (
    (await db.execute(
      sql`SELECT EXTRACT(EPOCH FROM (relayed_at - created_at)) * 1000 AS lag FROM outbox WHERE relayed_at IS NOT NULL`,
    )) as unknown as { rows: { lag: string }[] }
  ).rows.map((r) => Number(r.lag));
  await stopChild(worker);
  const cleanup = new Queue('handoff', { connection: producerConnection(REDIS_URL), prefix });
  await cleanup.obliterate({ force: true }).catch(() => {});
  await cleanup.close();
  const ids = sink.ids.slice(start);
  const unique = new Set(ids).size;
  return {
    done,
    jobsPerS: JOBS / seconds,
    lagP50: pct(lags, 50),
    lagP95: pct(lags, 95),
    lost: JOBS + LAG_JOBS - unique,
    doubled: ids.length - unique,
  };
}

const dbName = `handoff_bench_${Date.now()}`;
let database: Database | undefined;
const sink = await startSinkProcess();
try {
  // The worker is a separate process sharing the database, so this needs a Postgres server.
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(BASE_DB);
  dbUrl.pathname = `/${dbName}`;
  database = await openDatabase({ url: dbUrl.toString(), poolMax: 8 });
  await migrate(database);
  console.log(
    `queue bench: ${JOBS} e-mail jobs, Postgres, Redis ${REDIS_URL}, worker concurrency ${CONCURRENCY}\n`,
  );
  const b = await bare(sink);
  const o = await outboxPath(database, dbUrl.toString(), sink);
  const ratio = b.jobsPerS / o.jobsPerS;
  const rows = [
    ['path', 'jobs/s', 'relay lag p50', 'relay lag p95', 'lost', 'doubled'],
    ['bare BullMQ → SMTP', b.jobsPerS.toFixed(0), '-', '-', String(JOBS - b.received), '-'],
    [
      'outbox → relay → BullMQ → SMTP',
      o.jobsPerS.toFixed(0),
      `${o.lagP50.toFixed(0)} ms`,
      `${o.lagP95.toFixed(0)} ms`,
      String(o.lost),
      String(o.doubled),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
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
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
}
