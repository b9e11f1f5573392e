// pnpm bench load [--seconds=60] [--connections=4] [--ramp=2,4,8] [--ramp-seconds=15] [--providers=3000] [--jobs=2000] [--links=6000]
//   [--phases=steady,postgres,redis]
// The whole stack under a mixed workload, then under faults. Starts a Postgres and a Redis of its
// own on spare ports (never the machine's), seeds them with the demo generators, and runs two apis
// and two workers on them with e-mail to an SMTP sink process. Each phase drives the same mix
// (load-workload.ts) across both apis for --seconds: `steady` with nothing wrong, `postgres` with
// Postgres restarted (pg_ctl restart -m fast) halfway, `redis` with Redis stopped for 20 s and
// started again on the same port. The baseline is bare /healthz on the same two apis. After each
// phase: every acknowledged write must be in the database, the outbox must drain, and every e-mail
// sent must have reached the sink exactly once (by Message-ID).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { argon2Hasher } from '@handoff/core/auth';
import { reindexProviders } from '@handoff/core/providers';
import { createLinkSigner } from '@handoff/core';
import { formatReferenceToken } from '@handoff/core/references';
import {
  createProvidersRepository,
  migrate,
  openDatabase,
  rowsOf,
  seed,
  seedDemoProviders,
  seedJobPostsBulk,
  bulkOwnerEmail,
} from '@handoff/db';
import { workerConnection } from '@handoff/queue';
import { createPostgresSearch } from '@handoff/search';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { admin, root, startApi, stopApi, withDatabase } from './api-process.ts';
import { createLoadWorkload, OPS, type Account, type Acknowledged } from './load-workload.ts';
import {
  DRAIN_MS,
  figures,
  jobsCheck,
  missingWrites,
  ms,
  table,
  type Figures,
  type Window,
} from './load-checks.ts';
import { startPostgres, startRedis, tempDir, type OwnPostgres, type OwnRedis } from './servers.ts';
import { child, started, startSink, stopChild } from './worker-process.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 60);
// Where this 2-core machine's throughput peaks (see the ramp): past it, requests only queue.
const CONNECTIONS = arg('connections', 4);
const RAMP = (process.argv.find((a) => a.startsWith('--ramp='))?.split('=')[1] ?? '2,4,8')
  .split(',')
  .filter(Boolean)
  .map(Number);
const RAMP_SECONDS = arg('ramp-seconds', 15);
const PROVIDERS = arg('providers', 3_000);
const JOBS = arg('jobs', 2_000);
const LINKS = arg('links', 6_000);
const PHASES = (process.argv.find((a) => a.startsWith('--phases='))?.split('=')[1] ?? 'steady,postgres,redis')
  .split(',')
  .filter(Boolean) as Phase[];
const TARGET_P99_MS = 250;
const PASSWORD = 'load-bench-password-2026';
const LOGINS = { owners: 40, providers: 120 };
/** After a fault ends, the seconds still counted as its window (pools reconnect, queues resume). */
const GRACE_MS = 5_000;
const REDIS_DOWN_MS = 20_000;
const TIMEOUT_MS = 10_000;
type Phase = 'steady' | 'postgres' | 'redis';

// ---- Clean-up: every child and the temp directory, on success, failure or Ctrl-C -------------------
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => {});
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the apis, workers and servers`);
    void cleanUp().then(() => process.exit(130));
  });
}

// ---- The run ----------------------------------------------------------------------------------------
const dir = tempDir();
cleanups.push(() => dir.remove());
let json = '';
try {
  const postgres: OwnPostgres = await startPostgres(dir.path);
  cleanups.push(() => postgres.stop());
  const redis: OwnRedis = await startRedis();
  cleanups.push(() => redis.stop());
  const sink = await startSink();
  cleanups.push(() => sink.stop());
  await admin(postgres.url, 'CREATE DATABASE handoff_load');
  const url = withDatabase(postgres.url, 'handoff_load');
  const database = await openDatabase({ url, poolMax: 4 });
  cleanups.push(() => database.close());
  const { db } = database;
  console.log(
    `load bench: Postgres on port ${postgres.port}, Redis ${redis.url} (both the bench's own), ` +
      `${PROVIDERS} providers, ${JOBS} jobs, ${LINKS} reference links; ${CONNECTIONS} connections, ${SECONDS} s a phase`,
  );

  // Seed: the demo generators, the search index, and single-use reference links.
  let t = performance.now();
  await migrate(database);
  await seed(database, { demo: false });
  const passwordHash = await argon2Hasher.hash(PASSWORD);
  await seedDemoProviders(db, { count: PROVIDERS, seed: 'load', passwordHash, queueReindex: false });
  const search = createPostgresSearch(db);
  await search.ensureIndex();
  await reindexProviders({ providers: createProvidersRepository(db), index: search, clear: true });
  await search.ensureIndex();
  await seedJobPostsBulk(db, { jobs: JOBS, bigJobBids: 50, seed: 'load', passwordHash });
  const secret = randomBytes(32).toString('hex');
  const signer = createLinkSigner(secret);
  const duties = [
    { id: null, text: 'Answer inbound calls within three rings' },
    { id: null, text: 'Book showings into the agents’ calendars' },
  ];
  const requests = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO reference_requests (provider_id, status, name, email, company, role, period_from,
        function_slug, contact_duties, duties, sent_at, expires_at)
      SELECT p.id, 'sent', 'Contact ' || g, 'load-' || g || '@customer-' || g || '.example',
        'Customer ' || g, 'Owner', '2023-01-01', 'customer-service',
        ${JSON.stringify([duties[0]!.text])}::jsonb, ${JSON.stringify(duties)}::jsonb, now(), now() + interval '14 days'
      FROM generate_series(1, ${LINKS}) g
      JOIN LATERAL (SELECT id FROM providers WHERE status = 'published'
        ORDER BY id OFFSET (g % 1000) LIMIT 1) p ON true
      RETURNING id`,
  );
  const links = requests.map((r) => ({
    id: r.id,
    token: formatReferenceToken(signer, r.id),
    duties: duties.length,
  }));
  const slugs = (
    await rowsOf<{ slug: string }>(
      db,
      sql`SELECT slug FROM providers WHERE status = 'published' ORDER BY random() LIMIT 2000`,
    )
  ).map((r) => r.slug);
  await db.execute(sql`VACUUM ANALYZE`);
  console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Two apis and two workers on the same servers, sharing a queue prefix, as two machines would.
  const prefix = `load-${randomBytes(3).toString('hex')}`;
  const shared = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    SMTP_URL: sink.url,
    JWT_SECRET: secret,
    PUBLIC_APP_URL: 'http://127.0.0.1:9',
    MEILI_URL: undefined,
  };
  const apis: { child: ChildProcess; base: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const api = await startApi({
      ...shared,
      LOG_LEVEL: 'error',
      WEB_ORIGIN: 'http://127.0.0.1:9',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      // The load comes from one address: the per-address limits would refuse it.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    apis.push(api);
    cleanups.push(() => stopApi(api.child));
  }
  for (let i = 0; i < 2; i++) {
    const worker = child(join(root, 'apps/worker/src/main.ts'), {
      ...Object.fromEntries(Object.entries(shared).filter(([, v]) => v !== undefined)),
      WORKER_CONCURRENCY: '16',
    } as Record<string, string>);
    cleanups.push(() => stopChild(worker));
    await started(worker);
  }
  const bases = apis.map((a) => a.base);
  // The bench's view of the queue, to see jobs finish (it survives the Redis restart by reconnecting).
  const queueConnection = workerConnection(redis.url);
  queueConnection.on('error', () => {});
  const queue = new Queue('handoff', { connection: queueConnection, prefix });
  queue.on('error', () => {});
  cleanups.push(async () => {
    await queue.close();
    queueConnection.disconnect();
  });
  const completed = new Set<string>();

  const logIn = async (email: string): Promise<Account> => {
    const res = await fetch(`${bases[0]}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`logging in as ${email}: ${res.status} ${await res.text()}`);
    return { email, token: ((await res.json()) as { accessToken: string }).accessToken };
  };
  t = performance.now();
  const owners: Account[] = [];
  for (let n = 0; n < LOGINS.owners; n++) owners.push(await logIn(bulkOwnerEmail(n)));
  const providerEmails = await rowsOf<{ email: string }>(
    db,
    sql`SELECT u.email FROM users u JOIN provider_members m ON m.user_id = u.id AND m.role = 'owner'
      JOIN providers p ON p.id = m.provider_id AND p.status = 'published'
      ORDER BY u.email LIMIT ${LOGINS.providers}`,
  );
  const providers: Account[] = [];
  for (const { email } of providerEmails) providers.push(await logIn(email));
  console.log(
    `${owners.length} owners and ${providers.length} providers logged in (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );

  const workload = createLoadWorkload({
    apis: bases,
    owners,
    providers,
    slugs,
    links,
    timeoutMs: TIMEOUT_MS,
  });
  // Warm-up: some open jobs to bid on, and the apis' code paths compiled.
  for (let i = 0; i < 20; i++) await workload.postJob();
  await workload.run(CONNECTIONS, 5);

  // Baseline: bare /healthz on both apis at once, with as many connections in all.
  const healthzRps = (
    await Promise.all(
      bases.map(
        (base) =>
          new Promise<number>((resolve, reject) =>
            autocannon(
              { url: `${base}/healthz`, connections: Math.ceil(CONNECTIONS / 2), duration: 10 },
              (error, result) => (error ? reject(error) : resolve(result.requests.total / 10)),
            ),
          ),
      ),
    )
  ).reduce((a, b) => a + b, 0);
  console.log(`baseline: /healthz on both apis, ${healthzRps.toFixed(0)} requests/s`);

  // The same workload at a few concurrencies: where throughput stops growing, the machine is full.
  const ramp: { connections: number; rps: number; p99_ms: number; errors: number }[] = [];
  if (RAMP.length > 0) {
    console.log(`\nconcurrency ramp: ${RAMP_SECONDS} s at each`);
    for (const connections of RAMP) {
      const run = await workload.run(connections, RAMP_SECONDS);
      const f = figures(run.samples, run.seconds);
      ramp.push({
        connections,
        rps: Number(f.rps.toFixed(1)),
        p99_ms: Number(f.p99.toFixed(1)),
        errors: f.errors,
      });
    }
    table([
      ['connections', 'requests/s', 'p99 ms', 'errors'],
      ...ramp.map((r) => [String(r.connections), r.rps.toFixed(1), ms(r.p99_ms), String(r.errors)]),
    ]);
  }

  const results: {
    phase: Phase;
    f: Figures;
    window?: Window;
    missing: Awaited<ReturnType<typeof missingWrites>>;
    acked: Acknowledged;
    jobs: Awaited<ReturnType<typeof jobsCheck>>;
  }[] = [];
  for (const phase of PHASES) {
    let window: Window | undefined;
    console.log(`\nphase ${phase}: ${SECONDS} s`);
    const run = await workload.run(CONNECTIONS, SECONDS, async (elapsed) => {
      if (phase === 'steady') return;
      const at = phase === 'postgres' ? SECONDS * 500 : SECONDS * 500 - REDIS_DOWN_MS / 2;
      await new Promise((r) => setTimeout(r, Math.max(0, at - elapsed())));
      const from = elapsed();
      if (phase === 'postgres') {
        await postgres.restart();
        console.log(
          `  Postgres restarted at ${(from / 1000).toFixed(1)} s in ${((elapsed() - from) / 1000).toFixed(1)} s`,
        );
      } else {
        // What Redis knows of finished jobs goes with it: keep it first.
        for (const id of await queue.getRanges(['completed'], 0, -1)) completed.add(id);
        await redis.stop();
        console.log(`  Redis stopped at ${(from / 1000).toFixed(1)} s`);
        await new Promise((r) => setTimeout(r, REDIS_DOWN_MS));
        await redis.start();
        console.log(`  Redis started again at ${(elapsed() / 1000).toFixed(1)} s`);
      }
      window = { from, to: elapsed() + GRACE_MS };
    });
    const f = figures(run.samples, run.seconds, window);
    const missing = await missingWrites(db, run.acked);
    const jobs = await jobsCheck(db, queue, sink, completed);
    console.log(
      jobs.notDrained === 0
        ? `  outbox: every job finished ${jobs.drainedIn.toFixed(0)} s after the phase ended`
        : `  outbox: ${jobs.notDrained} jobs still queued or unfinished ${DRAIN_MS / 1000} s after the phase ended`,
    );
    results.push({ phase, f, window, missing, acked: run.acked, jobs });
    const rows = [['operation', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'statuses']];
    for (const o of f.byOp)
      rows.push([o.op, String(o.n), ms(o.p50), ms(o.p95), ms(o.p99), String(o.errors), o.statuses]);
    table(rows);
    if (run.linksLeft === 0) console.log('  !! every reference link was used: raise --links');
  }

  // ---- Report ---------------------------------------------------------------------------------------
  console.log(
    `\nmix (operations): ${OPS.map((o) => `${o.op} ${o.weight} %`).join(', ')}; a job post is two requests ` +
      `(create, publish); ${CONNECTIONS} connections alternating between 2 apis`,
  );
  const rows = [
    [
      'phase',
      'requests/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'fault window',
      'refused (503)',
      'window errors',
      'last 10 s errors',
      'writes acked',
      'writes missing',
    ],
  ];
  for (const r of results) {
    const acked = Object.values(r.acked).reduce((n, ids) => n + ids.length, 0);
    const missing = Object.values(r.missing).reduce((n, k) => n + k, 0);
    rows.push([
      r.phase,
      r.f.rps.toFixed(1),
      ms(r.f.p50),
      ms(r.f.p95),
      ms(r.f.p99),
      String(r.f.errors),
      r.window ? `${(r.window.from / 1000).toFixed(1)}–${(r.window.to / 1000).toFixed(1)} s` : '-',
      String(r.f.refused),
      String(r.f.windowErrors),
      String(r.f.lateErrors),
      String(acked),
      String(missing),
    ]);
  }
  rows.push(['/healthz (baseline)', healthzRps.toFixed(1), '-', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
  table(rows);
  const last = results.at(-1)!.jobs;
  console.log(
    `\njobs: ${last.outboxTotal} outbox jobs, ${last.missing.length} never ran (${last.notDrained} still queued or unfinished after ${DRAIN_MS / 1000} s); ` +
      `${last.mailed} e-mails logged as sent, ${last.mailMissing} of them missing at the sink, ${last.mailDoubled} doubled`,
  );
  if (last.missing.length)
    console.log(
      `  never ran: ${last.missing.slice(0, 20).join(', ')}${last.missing.length > 20 ? ', …' : ''}`,
    );
  const steady = results.find((r) => r.phase === 'steady') ?? results[0]!;
  const writesMissing = results.reduce((n, r) => n + Object.values(r.missing).reduce((a, b) => a + b, 0), 0);
  const faultLost = writesMissing + last.missing.length + last.mailMissing + last.mailDoubled;
  const met = steady.f.errors === 0 && steady.f.p99 < TARGET_P99_MS;
  console.log(
    `target (${steady.phase}): zero errors and p99 under ${TARGET_P99_MS} ms: ${met ? 'met' : 'MISSED'} ` +
      `(${steady.f.errors} errors, p99 ${ms(steady.f.p99)} ms); requests/s ${(steady.f.rps / healthzRps).toFixed(3)}× bare /healthz`,
  );
  for (const r of results.filter((r) => r.window)) {
    const recovered = r.f.lateErrors === 0;
    console.log(
      `${r.phase} fault: ${r.f.refused} refused with 503 and ${r.f.windowErrors} other errors inside the window, ` +
        `${r.f.errors} errors outside it; ${recovered ? 'recovered by itself' : 'DID NOT RECOVER (errors in the last 10 s)'}`,
    );
  }
  console.log(`fault_lost ${faultLost}: writes acknowledged but missing + jobs missing + jobs doubled`);
  const extra: Record<string, number | boolean> = {};
  for (const r of results.filter((r) => r.phase !== 'steady')) {
    extra[`${r.phase}_rps`] = Math.round(r.f.rps);
    extra[`${r.phase}_p99_ms`] = Number(r.f.p99.toFixed(1));
    extra[`${r.phase}_errors_outside_window`] = r.f.errors;
    extra[`${r.phase}_refused_in_window`] = r.f.refused;
    extra[`${r.phase}_errors_in_window`] = r.f.windowErrors;
    extra[`${r.phase}_recovered`] = r.f.lateErrors === 0;
    extra[`${r.phase}_jobs_drained_s`] = Math.round(r.jobs.drainedIn);
  }
  json = JSON.stringify({
    bench: 'load',
    seconds: SECONDS,
    rps: Number(steady.f.rps.toFixed(1)),
    p50_ms: Number(steady.f.p50.toFixed(1)),
    p95_ms: Number(steady.f.p95.toFixed(1)),
    p99_ms: Number(steady.f.p99.toFixed(1)),
    errors: steady.f.errors,
    healthz_rps: Math.round(healthzRps),
    fault_lost: faultLost,
    target_met: met,
    connections: CONNECTIONS,
    ramp,
    ...extra,
    writes_acked: results.reduce(
      (n, r) => n + Object.values(r.acked).reduce((a, ids) => a + ids.length, 0),
      0,
    ),
    writes_missing: writesMissing,
    jobs: last.outboxTotal,
    jobs_missing: last.missing.length + last.mailMissing,
    jobs_doubled: last.mailDoubled,
    emails: last.mailed,
  });
} finally {
  await cleanUp();
}
console.log('');
console.log(json);
