import type { Database } from '@handoff/db';
import { sql } from 'drizzle-orm';

/**
 * Set-based generation of `n` active engagements whose first review is due: 1,000 owners and 100
 * providers (tagged, so a bench can call it next to other data), one job, bid and engagement each,
 * all started three months ago.
 */
export async function generateDueEngagements(
  database: Database['db'],
  n: number,
  tag = 'bench',
): Promise<void> {
  // One transaction: the temporary tables live on its one connection.
  await database.transaction(async (tx) => {
    const db = tx as unknown as Database['db'];
    await db.execute(sql`INSERT INTO users (email, name, password_hash)
    SELECT ${tag} || '-owner' || i || '@bench.test', 'Owner ' || i, 'x' FROM generate_series(1, 1000) i`);
    await db.execute(sql`INSERT INTO providers (slug, name, status)
    SELECT ${tag} || '-desk-' || i, 'Desk ' || i, 'published' FROM generate_series(1, 100) i`);
    await db.execute(sql`CREATE TEMP TABLE o ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
    FROM users WHERE email LIKE ${`${tag}-owner%`}`);
    await db.execute(sql`CREATE TEMP TABLE p ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
    FROM providers WHERE slug LIKE ${`${tag}-desk-%`}`);
    await db.execute(sql`INSERT INTO job_posts (owner_id, title, function_slug, status, currency, budget_basis)
    SELECT o.id, 'Job ' || i, 'customer-service', 'filled', 'USD', 'monthly'
    FROM generate_series(0, ${n - 1}) i JOIN o ON o.k = i % 1000`);
    await db.execute(sql`INSERT INTO bids (job_post_id, provider_id, author_id, status, price, price_basis, currency)
    SELECT j.id, p.id, j.owner_id, 'accepted', 100, 'monthly', 'USD'
    FROM (SELECT jp.id, jp.owner_id, row_number() OVER (ORDER BY jp.id) AS k
          FROM job_posts jp JOIN o ON o.id = jp.owner_id) j
    JOIN p ON p.k = j.k % 100`);
    await db.execute(sql`INSERT INTO engagements (job_post_id, bid_id, owner_id, provider_id, price, price_basis,
      currency, start_date, duties, benchmarks)
    SELECT b.job_post_id, b.id, j.owner_id, b.provider_id, 100, 'monthly', 'USD',
      CURRENT_DATE - 92, '[]', '[]'
    FROM bids b JOIN job_posts j ON j.id = b.job_post_id JOIN o ON o.id = j.owner_id`);
    await db.execute(sql`INSERT INTO engagement_review_schedules (engagement_id, owner_id, next_due, next_reminder_at)
    SELECT e.id, e.owner_id, CURRENT_DATE - 1, now() - interval '1 day'
    FROM engagements e JOIN o ON o.id = e.owner_id`);
  });
  await database.execute(sql`ANALYZE`);
}
