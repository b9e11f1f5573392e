import { functions } from '@handoff/core/taxonomy';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../repositories/sql-helpers.ts';
import { addJob, emptyBatch, FIRST, LAST, type Provider } from './bulk-job-rows.ts';
import { bulkInsert } from './bulk.ts';
import { createRandom } from './prng.ts';

// Job posts at benchmark volume on top of generated providers: many owners, jobs across every
// function and industry published over 60 days, bids spread over them with an answer per duty and
// per benchmark, and job #0 (the "big job") with `bigJobBids` bids. A pure function of the seed and
// each job's index, written in batches with one multi-row INSERT per table; resumable like the
// provider generator.

const MARKER = 'bulk_job_posts';

export interface BulkJobsOptions {
  /** Job posts in all, the big job included. */
  jobs: number;
  bigJobBids: number;
  seed?: string;
  /** Owner accounts the jobs are spread over (default one for every five jobs). */
  owners?: number;
  /** What every generated owner logs in with. */
  passwordHash: string;
  now?: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BulkJobsResult {
  bigJobId: string;
  bigJobOwnerEmail: string;
  jobs: number;
  bids: number;
  /** Nothing was written: the database holds these jobs already. */
  skipped: boolean;
}

export const bulkOwnerEmail = (n: number) => `job-owner-${n + 1}@demo.handoff.test`;

/** Needs published providers (the provider generator's); the bids go to those offering each function. */
export async function seedJobPostsBulk(db: Db, options: BulkJobsOptions): Promise<BulkJobsResult> {
  const seed = options.seed ?? 'bench';
  const owners = options.owners ?? Math.max(1, Math.ceil(options.jobs / 5));
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? new Date();
  const [marker] = await rowsOf<{ value: string }>(db, sql`SELECT value FROM app_meta WHERE key = ${MARKER}`);
  const stored = marker ? (JSON.parse(marker.value) as { seed: string; done: number; now: string }) : null;
  if (stored && stored.seed !== seed) throw new Error(`bulk job posts from seed "${stored.seed}" are there`);
  // A resumed run keeps the dates of the first one, so its jobs are the same jobs.
  const nowMs = stored ? Date.parse(stored.now) : now.getTime();
  const bigJobId = createRandom(`${seed}:job:0`).uuid();
  const result = { bigJobId, bigJobOwnerEmail: bulkOwnerEmail(0), jobs: options.jobs, bids: 0 };
  if (stored && stored.done >= options.jobs) return { ...result, skipped: true };

  for (let from = 0; from < owners; from += 2000) {
    const rows = Array.from({ length: Math.min(2000, owners - from) }, (_, k) => {
      const r = createRandom(`${seed}:owner:${from + k}`);
      return {
        id: r.uuid(),
        email: bulkOwnerEmail(from + k),
        name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
        password_hash: options.passwordHash,
        roles: ['owner'],
      };
    });
    await bulkInsert(db, 'users', USER_COLUMNS, rows, sql`ON CONFLICT DO NOTHING`);
  }
  const ownerIds = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM users WHERE email LIKE 'job-owner-%@demo.handoff.test'
      ORDER BY substring(email FROM 'job-owner-([0-9]+)@')::int`,
  );
  const providers = await rowsOf<Provider & { fns: string[] }>(
    db,
    sql`SELECT p.id, m.user_id AS author, coalesce(p.rate_min, 30)::float8 AS rate,
        array(SELECT pf.function_slug FROM provider_functions pf WHERE pf.provider_id = p.id) AS fns
      FROM providers p JOIN provider_members m ON m.provider_id = p.id AND m.role = 'owner'
      WHERE p.status = 'published' ORDER BY p.id`,
  );
  const byFunction = new Map<string, Provider[]>(functions.map((f) => [f.slug, []]));
  for (const p of providers) for (const slug of p.fns) byFunction.get(slug)?.push(p);

  const ctx = { seed, nowMs, owners: ownerIds.map((o) => o.id), byFunction, bigJobBids: options.bigJobBids };
  for (let from = stored?.done ?? 0; from < options.jobs; from += batchSize) {
    const size = Math.min(batchSize, options.jobs - from);
    const batch = emptyBatch();
    for (let k = from; k < from + size; k += 1) addJob(batch, k, ctx);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await bulkInsert(t, 'job_posts', JOB_COLUMNS, batch.jobs, sql`ON CONFLICT DO NOTHING`);
      await bulkInsert(t, 'job_post_duties', DUTY_COLUMNS, batch.duties, sql`ON CONFLICT DO NOTHING`);
      await bulkInsert(
        t,
        'job_post_benchmarks',
        BENCHMARK_COLUMNS,
        batch.benchmarks,
        sql`ON CONFLICT DO NOTHING`,
      );
      await bulkInsert(t, 'bids', BID_COLUMNS, batch.bids, sql`ON CONFLICT DO NOTHING`);
      await bulkInsert(t, 'bid_duty_coverage', COVERAGE_COLUMNS, batch.coverage, sql`ON CONFLICT DO NOTHING`);
      await bulkInsert(
        t,
        'bid_benchmark_answers',
        COMMITMENT_COLUMNS,
        batch.commitments,
        sql`ON CONFLICT DO NOTHING`,
      );
      await bulkInsert(t, 'bid_messages', MESSAGE_COLUMNS, batch.messages, sql`ON CONFLICT DO NOTHING`);
      const value = JSON.stringify({ seed, done: from + size, now: new Date(nowMs).toISOString() });
      await t.execute(sql`INSERT INTO app_meta (key, value) VALUES (${MARKER}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    });
    result.bids += batch.bids.length;
    options.onProgress?.(from + size, options.jobs);
  }
  // The feed's index-only scans need the visibility map, and the planner the new row counts.
  await db.execute(
    sql`VACUUM ANALYZE users, job_posts, job_post_duties, job_post_benchmarks, bids, bid_duty_coverage,
      bid_benchmark_answers, bid_messages`,
  );
  return { ...result, skipped: false };
}

const USER_COLUMNS = { id: 'uuid', email: 'text', name: 'text', password_hash: 'text', roles: 'text[]' };
const JOB_COLUMNS = {
  id: 'uuid',
  owner_id: 'uuid',
  status: 'text',
  title: 'text',
  function_slug: 'text',
  industry_slug: 'text',
  summary: 'text',
  start_by: 'date',
  duration_weeks: 'int',
  budget_basis: 'text',
  budget_min: 'numeric',
  budget_max: 'numeric',
  currency: 'text',
  hours_per_week: 'numeric',
  engagement_type: 'text',
  work_location: 'text',
  visibility: 'text',
  search_text: 'text',
  published_at: 'timestamptz',
  closed_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const DUTY_COLUMNS = { id: 'uuid', job_post_id: 'uuid', position: 'int', text: 'text' };
const BENCHMARK_COLUMNS = {
  id: 'uuid',
  job_post_id: 'uuid',
  position: 'int',
  objective: 'text',
  target: 'text',
  cadence: 'text',
};
const BID_COLUMNS = {
  id: 'uuid',
  job_post_id: 'uuid',
  provider_id: 'uuid',
  author_id: 'uuid',
  status: 'text',
  price: 'numeric',
  price_basis: 'text',
  currency: 'text',
  estimated_hours: 'numeric',
  start_date: 'date',
  duration_weeks: 'int',
  cover_note: 'text',
  shortlisted: 'boolean',
  decline_reason: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const COVERAGE_COLUMNS = { bid_id: 'uuid', duty_id: 'uuid', coverage: 'text', note: 'text' };
const COMMITMENT_COLUMNS = { bid_id: 'uuid', benchmark_id: 'uuid', commitment: 'text', note: 'text' };
const MESSAGE_COLUMNS = {
  id: 'uuid',
  bid_id: 'uuid',
  author_id: 'uuid',
  body: 'text',
  created_at: 'timestamptz',
};
