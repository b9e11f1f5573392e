// pnpm bench references [--requests=10000] [--open=100000]: reference requests at volume, on
// Postgres and Redis. (1) `--requests` requests are created at once (the service's own transaction:
// rows + outbox jobs) and the real worker process e-mails them to an SMTP sink in its own process;
// timed from the worker's ready line to the last message, against a bare BullMQ → SMTP worker sending
// as many in the same run. (2) The reminder scan over `--open` open requests (a third of them due),
// run twice at once: every due reminder queued exactly once; its duration against a plain count of
// the due rows.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createLinkSigner, createLinks } from '@handoff/core';
import { createReferenceEmailHandlers } from '@handoff/core/references';
import { scanReviewReminders } from '@handoff/core/reviews';
import {
  createReferencesRepository,
  createReviewRemindersRepository,
  createTransactor,
  migrate,
  openDatabase,
  rowsOf,
  type Database,
} from '@handoff/db';
import { createMailer, producerConnection } from '@handoff/queue';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { admin, root, withDatabase } from './api-process.ts';
import { generateDueEngagements } from './engagement-data.ts';
import { bare, child, started, startSink, stopChild, waitFor, type Sink } from './worker-process.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const REQUESTS = Number(arg('requests') ?? 10_000);
const OPEN = Number(arg('open') ?? 100_000);
const ENGAGEMENTS = Number(arg('engagements') ?? 100_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONCURRENCY = 50;
const SMTP_POOL = 20;
const DAY = 86_400_000;

/** One provider per 10 requests (a provider asks at most 10 contacts at once), inserted in bulk. */
async function providers(db: Database['db'], count: number, tag: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO providers (slug, name, kind, status, published_at)
        SELECT ${`bench-${tag}-`} || g, 'Bench Provider ' || g, 'firm', 'published', now()
        FROM generate_series(1, ${count}) g RETURNING id`,
  );
  return rows.map((r) => r.id);
}

const contactRow = (providerId: string, n: number, at: Date) => ({
  providerId,
  bidId: null,
  requestedBy: null,
  name: `Reference ${n}`,
  email: `reference-${n}@customer-${n}.example`,
  company: `Customer ${n}`,
  role: 'Owner',
  periodFrom: '2024-01-01',
  periodTo: null,
  functionSlug: 'bookkeeping',
  contactDuties: ['Reconcile bank accounts monthly'],
  duties: [{ id: null, text: 'Reconcile bank accounts monthly' }],
  expiresAt: new Date(at.getTime() + 14 * DAY),
  at,
});

async function drain(database: Database, dbUrl: string, sink: Sink, secret: string) {
  const { db } = database;
  const ids = await providers(db, Math.ceil(REQUESTS / 10), 'drain');
  const transaction = createTransactor(db);
  const at = new Date();
  // "At once": ten producers, each writing requests and their jobs in transactions of 100.
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < REQUESTS) {
        const from = next;
        next += 100;
        await transaction(async (scope) => {
          const rows = Array.from({ length: Math.min(100, REQUESTS - from) }, (_, k) =>
            contactRow(ids[Math.floor((from + k) / 10)]!, from + k, at),
          );
          const created = await scope.references.insertRequests(rows);
          await scope.jobs.enqueueMany(
            'email.reference-request',
            created.map((r) => ({ requestId: r.id })),
          );
        });
      }
    }),
  );
  const prefix = `bench-refs-${randomBytes(3).toString('hex')}`;
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
    SMTP_POOL_SIZE: String(SMTP_POOL),
  });
  const t0 = await started(worker);
  const done = await waitFor(
    () => sink.ids.length - start >= REQUESTS,
    600_000,
    () => `references: ${sink.ids.length - start} e-mailed`,
  );
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1500)); // anything doubled would arrive now
  await stopChild(worker);
  const cleanupConnection = producerConnection(REDIS_URL);
  const cleanup = new Queue('handoff', { connection: cleanupConnection, prefix });
  await cleanup.obliterate({ force: true }).catch(() => {});
  await cleanup.close();
  cleanupConnection.disconnect();
  const received = sink.ids.slice(start);
  const unique = new Set(received).size;
  const [sent] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM reference_requests WHERE status = 'sent'`,
  );
  return {
    done,
    seconds,
    jobsPerS: REQUESTS / seconds,
    lost: REQUESTS - unique,
    doubled: received.length - unique,
    markedSent: sent!.n,
  };
}

/**
 * `OPEN` open requests across 1,000 providers, sent 0–13 days ago with the reminders that were due
 * already sent: at `now`, the ones past their next reminder are due (about a third).
 */
async function openRequests(db: Database['db'], now: Date) {
  const ids = await providers(db, 1000, 'scan');
  // Sent 0–12 days (and an hour) ago; `passed` reminders have fallen due since. Two rows in three
  // had every one of them sent; the third is one behind, so it is due now.
  await db.execute(sql`
    WITH base AS (
      SELECT g, ${now}::timestamptz - (g % 13) * interval '1 day' - interval '1 hour' AS sent_at,
        ((g % 13) >= 1)::int + ((g % 13) >= 3)::int + ((g % 13) >= 7)::int AS passed
      FROM generate_series(1, ${OPEN}) g
    ), s AS (
      SELECT g, sent_at, passed - CASE WHEN g % 3 = 0 AND passed > 0 THEN 1 ELSE 0 END AS reminded
      FROM base
    )
    INSERT INTO reference_requests (provider_id, status, name, email, company, role, period_from,
      function_slug, contact_duties, duties, reminders_sent, sent_at, next_reminder_at, expires_at, created_at)
    SELECT (${sql.param(ids)}::uuid[])[1 + g % 1000], CASE WHEN reminded = 0 THEN 'sent' ELSE 'reminded' END,
      'Contact ' || g, 'open-' || g || '@customer.example', 'Customer ' || g, 'Owner', '2024-01-01',
      'bookkeeping', '[]'::jsonb, '[]'::jsonb, reminded, sent_at,
      sent_at + make_interval(days => (ARRAY[1, 3, 7])[reminded + 1]),
      sent_at + interval '14 days', sent_at
    FROM s`);
  await db.execute(sql`ANALYZE reference_requests`);
}

async function scan(database: Database, secret: string) {
  const { db } = database;
  const now = new Date();
  await openRequests(db, now);
  await generateDueEngagements(db, ENGAGEMENTS, 'refs');
  const reminders = createReviewRemindersRepository(db);
  const [due] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM reference_requests WHERE status IN ('sent', 'reminded') AND next_reminder_at <= ${now}::timestamptz`,
  );
  const t0 = performance.now();
  await rowsOf(
    db,
    sql`SELECT count(*) FROM reference_requests WHERE status IN ('sent', 'reminded') AND next_reminder_at <= ${now}::timestamptz`,
  );
  const baselineS = (performance.now() - t0) / 1000;
  const handlers = (() => {
    const mailer = createMailer(db, {
      smtpUrl: 'smtp://127.0.0.1:9',
      from: 'Handoff <no-reply@handoff.localhost>',
    });
    return createReferenceEmailHandlers({
      transaction: createTransactor(db),
      references: createReferencesRepository(db),
      mailer,
      signer: createLinkSigner(secret),
      links: createLinks('http://localhost:3000'),
      clock: { now: () => now },
    });
  })();
  const t1 = performance.now();
  // The hour's scans, each started by two workers at the same moment as two schedulers might fire
  // them: reference reminders and engagement review reminders, side by side.
  const reviewsClaimed = await Promise.all([
    handlers['references.reminder-scan']({}, { jobId: 'a', attempt: 1 }),
    handlers['references.reminder-scan']({}, { jobId: 'b', attempt: 1 }),
    scanReviewReminders({ reminders }, now),
    scanReviewReminders({ reminders }, now),
  ]);
  const scanS = (performance.now() - t1) / 1000;
  const reviewReminders = Number(reviewsClaimed[2]) + Number(reviewsClaimed[3]);
  const [notes] = await rowsOf<{ n: number; distinct: number }>(
    db,
    sql`SELECT count(*)::int AS n, count(DISTINCT link)::int AS distinct
        FROM notifications WHERE kind = 'engagement.review-due'`,
  );
  const [queued] = await rowsOf<{ jobs: number; requests: number }>(
    db,
    sql`SELECT count(*)::int AS jobs, count(DISTINCT payload->>'requestId')::int AS requests
        FROM outbox WHERE name = 'email.reference-reminder'`,
  );
  return {
    open: OPEN,
    due: due!.n,
    queued: queued!.jobs,
    distinct: queued!.requests,
    reviewReminders,
    reviewNotes: notes!.n,
    reviewDistinct: notes!.distinct,
    scanS,
    baselineS,
  };
}

const dbName = `handoff_bench_refs_${Date.now()}`;
let database: Database | undefined;
const sink = await startSink();
try {
  await admin(BASE_DB, `CREATE DATABASE ${dbName}`);
  const dbUrl = withDatabase(BASE_DB, dbName);
  database = await openDatabase({ url: dbUrl, poolMax: 8 });
  await migrate(database);
  const secret = randomBytes(32).toString('hex');
  console.log(
    `references bench: ${REQUESTS} requests, ${OPEN} open requests to scan; Postgres, Redis ${REDIS_URL}\n`,
  );
  const b = await bare(sink, {
    jobs: REQUESTS,
    redisUrl: REDIS_URL,
    concurrency: CONCURRENCY,
    smtpPool: SMTP_POOL,
  });
  const d = await drain(database, dbUrl, sink, secret);
  const s = await scan(database, secret);
  const rows = [
    ['path', 'seconds', 'jobs/s', 'lost', 'doubled'],
    ['bare BullMQ → SMTP (baseline)', b.seconds.toFixed(2), b.jobsPerS.toFixed(0), '-', '-'],
    [
      'reference requests: outbox → worker → SMTP',
      d.seconds.toFixed(2),
      d.jobsPerS.toFixed(0),
      String(d.lost),
      String(d.doubled),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(
    `${d.markedSent} of ${REQUESTS} requests marked sent; ${(b.jobsPerS / d.jobsPerS).toFixed(2)}× the bare path's time per job`,
  );
  console.log(
    `\nreminder scans, each twice at once: ${s.open} open requests (${s.due} due) → ${s.queued} reminder jobs for ${s.distinct} requests; ${ENGAGEMENTS} engagements due a review → ${s.reviewReminders} claimed, ${s.reviewNotes} owner notifications for ${s.reviewDistinct} engagements; ${s.scanS.toFixed(2)} s in all (target < 5 s; counting the due requests alone: ${s.baselineS.toFixed(3)} s)`,
  );
  if (!d.done) console.log('the requests did not all arrive within the time limit');
  console.log(
    JSON.stringify({
      bench: 'references',
      requests: REQUESTS,
      drain_s: Number(d.seconds.toFixed(2)),
      jobs_per_s: Math.round(d.jobsPerS),
      bare_jobs_per_s: Math.round(b.jobsPerS),
      lost: d.lost,
      doubled: d.doubled,
      scan_engagements: ENGAGEMENTS,
      scan_review_reminders: s.reviewReminders,
      scan_review_duplicates: s.reviewNotes - s.reviewDistinct,
      scan_open_requests: s.open,
      scan_due: s.due,
      scan_queued: s.queued,
      scan_duplicates: s.queued - s.distinct,
      scan_s: Number(s.scanS.toFixed(2)),
    }),
  );
} finally {
  await database?.close();
  await sink.stop();
  await admin(BASE_DB, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
}
