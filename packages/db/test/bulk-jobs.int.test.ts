import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBidsRepository,
  seed,
  seedDemoProviders,
  seedJobPostsBulk,
  type Database,
} from '../src/index.ts';
import { rowsOf } from '../src/repositories/sql-helpers.ts';
import { openTestDatabase } from '../src/testing.ts';

// The generator `pnpm bench bids` loads its volumes with, at a size a test can afford.

let database: Database;
const q = <R>(text: string) => rowsOf<R>(database.db, sql.raw(text));
const options = { jobs: 60, bigJobBids: 12, seed: 'bulk-test', passwordHash: 'not-a-hash', batchSize: 25 };

beforeAll(async () => {
  database = await openTestDatabase();
  await seed(database, { demo: false });
  await seedDemoProviders(database.db, {
    count: 300,
    seed: 'bulk-test',
    passwordHash: 'not-a-hash',
    queueReindex: false,
  });
}, 120_000);
afterAll(() => database?.close());

describe('seedJobPostsBulk', () => {
  it('writes the jobs over many owners, bids with an answer per duty and benchmark, and one big job', async () => {
    const result = await seedJobPostsBulk(database.db, options);
    expect(result.skipped).toBe(false);
    const [counts] = await q<{ jobs: number; owners: number; open: number; functions: number }>(
      `SELECT count(*)::int AS jobs, count(DISTINCT owner_id)::int AS owners,
        count(*) FILTER (WHERE status = 'open')::int AS open, count(DISTINCT function_slug)::int AS functions
      FROM job_posts`,
    );
    expect(counts!.jobs).toBe(60);
    expect(counts!.owners).toBeGreaterThan(5);
    expect(counts!.open).toBeGreaterThan(40);
    expect(counts!.functions).toBeGreaterThan(8);

    const [owner] = await q<{ id: string }>(
      `SELECT id FROM users WHERE email = '${result.bigJobOwnerEmail}'`,
    );
    const big = await createBidsRepository(database.db).comparison(owner!.id, result.bigJobId);
    expect(big!.bids).toHaveLength(12);
    expect(new Set(big!.bids.map((b) => b.provider.id)).size).toBe(12);
    for (const bid of big!.bids) expect(bid.coverage).toHaveLength(big!.jobPost.duties.length);
    for (const bid of big!.bids) expect(bid.benchmarks).toHaveLength(big!.jobPost.benchmarks.length);

    const [coverage] = await q<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM bids b JOIN job_post_duties d ON d.job_post_id = b.job_post_id
      LEFT JOIN bid_duty_coverage c ON c.bid_id = b.id AND c.duty_id = d.id WHERE c.bid_id IS NULL`,
    );
    expect(coverage!.missing).toBe(0);
    const [commitments] = await q<{ missing: number; answers: number }>(
      `SELECT count(*) FILTER (WHERE a.bid_id IS NULL)::int AS missing, count(a.bid_id)::int AS answers
      FROM bids b JOIN job_post_benchmarks m ON m.job_post_id = b.job_post_id
      LEFT JOIN bid_benchmark_answers a ON a.bid_id = b.id AND a.benchmark_id = m.id`,
    );
    expect(commitments).toMatchObject({ missing: 0, answers: expect.any(Number) });
    expect(commitments!.answers).toBeGreaterThan(12);
    const [drafts] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM bids b JOIN job_posts j ON j.id = b.job_post_id WHERE j.status = 'draft'`,
    );
    expect(drafts!.n).toBe(0);
  });

  it('is deterministic and resumable: a second run writes nothing', async () => {
    const before = await q(`SELECT id, title, owner_id FROM job_posts ORDER BY id`);
    const again = await seedJobPostsBulk(database.db, options);
    expect(again.skipped).toBe(true);
    expect(await q(`SELECT id, title, owner_id FROM job_posts ORDER BY id`)).toEqual(before);
  });
});
