// pnpm bench review-reminders [--engagements=100000] [--batch=20000]
// On Postgres (DATABASE_URL's server, else 127.0.0.1:5432), in a throwaway database: N active
// engagements whose first review is due, then the reminder scan (scanReviewReminders, as the hourly
// job runs it) timed three times with a given `now`: every reminder due, the follow-ups a week later,
// and nothing due (the cost of an idle hour). Baseline in the same run: counting the due rows through
// the same index. Checks that each engagement got exactly one notification and one e-mail job per
// reminder. Target: the first scan in well under 5 s.
import { scanReviewReminders } from '@handoff/core/reviews';
import { createReviewRemindersRepository, migrate, openDatabase, seed } from '@handoff/db';
import { sql } from 'drizzle-orm';
import { admin, withDatabase } from './api-process.ts';
import { generateDueEngagements } from './engagement-data.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const N = arg('engagements', 100_000);
const BATCH = arg('batch', 20_000);
const TARGET_MS = 5_000;

const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!server.startsWith('postgres')) throw new Error('DATABASE_URL must be a postgres:// URL');
const benchDb = `handoff_bench_reviews_${Date.now().toString(36)}`;
await admin(server, `CREATE DATABASE "${benchDb}"`);
const database = await openDatabase({ url: withDatabase(server, benchDb), poolMax: 4 });
const { db } = database;
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await db.execute(query)) as unknown as { rows: { n: string }[] }).rows[0]!.n);
const timed = async <T>(fn: () => Promise<T>) => {
  const t = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t) };
};

try {
  console.log(
    `review-reminders bench: ${N} active engagements, batches of ${BATCH}, on Postgres (${benchDb})`,
  );
  await migrate(database);
  await seed(database, { demo: false });
  const gen = await timed(async () => {
    await generateDueEngagements(db, N);
  });
  console.log(`generated in ${(gen.ms / 1000).toFixed(1)} s`);

  const reminders = createReviewRemindersRepository(db);
  const now = new Date();
  const baseline = await timed(() =>
    count(
      sql`SELECT count(*) AS n FROM engagement_review_schedules WHERE next_reminder_at <= ${now}::timestamptz`,
    ),
  );
  const first = await timed(() => scanReviewReminders({ reminders, batchSize: BATCH }, now));
  const again = await timed(() => scanReviewReminders({ reminders, batchSize: BATCH }, now));
  const week = new Date(now.getTime() + 7 * 86_400_000 + 60_000);
  const followUp = await timed(() => scanReviewReminders({ reminders, batchSize: BATCH }, week));
  const idle = await timed(() => scanReviewReminders({ reminders, batchSize: BATCH }, week));

  const notes = await count(
    sql`SELECT count(*) AS n FROM notifications WHERE kind = 'engagement.review-due'`,
  );
  const mails = await count(sql`SELECT count(*) AS n FROM outbox WHERE name = 'email.notification'`);
  const doubled = await count(sql`SELECT count(*) AS n FROM (SELECT user_id, link, title FROM notifications
    WHERE kind = 'engagement.review-due' GROUP BY 1, 2, 3 HAVING count(*) > 1) d`);

  const rows = [
    ['count due (baseline)', baseline.value, baseline.ms],
    ['scan: first reminders', first.value, first.ms],
    ['scan again at once', again.value, again.ms],
    ['scan a week later', followUp.value, followUp.ms],
    ['scan with nothing due', idle.value, idle.ms],
  ] as const;
  console.table(rows.map(([step, claimed, ms]) => ({ step, claimed, ms })));
  console.log(`notifications ${notes} (expected ${2 * N}), e-mail jobs ${mails}, doubled ${doubled}`);
  const ok =
    first.value === N && again.value === 0 && followUp.value === N && notes === 2 * N && doubled === 0;
  console.log(first.ms < TARGET_MS && ok ? 'PASS' : 'FAIL', `(target: first scan under ${TARGET_MS} ms)`);
  console.log(
    JSON.stringify({
      bench: 'review-reminders',
      engagements: N,
      batch: BATCH,
      baselineMs: baseline.ms,
      firstScanMs: first.ms,
      repeatScanMs: again.ms,
      followUpScanMs: followUp.ms,
      idleScanMs: idle.ms,
      notifications: notes,
      emailJobs: mails,
      doubled,
      ok,
    }),
  );
} finally {
  await database.close();
  await admin(server, `DROP DATABASE "${benchDb}"`);
}
