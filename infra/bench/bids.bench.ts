// pnpm bench bids [--providers=N] [--jobs=N] [--bids=N] [--seconds=S] [--connections=C] [--small] [--keep=NAME]
//   [--cache-mb=M]
// On Postgres (DATABASE_URL's server, else 127.0.0.1:5432; never PGlite), in a database of its own:
// N generated providers, N job posts from many owners with bids spread over them, and one job with
// --bids bids. Then the real api (node apps/api/src/server.ts) on loopback, driven with autocannon:
// the owner's comparison of that job, a provider's feed (first page, and filtered by the provider's
// first industry), and the bare /healthz as the baseline, in the same run. Latency with one connection
// (requests one after another); throughput and p95 with C connections. --small: a quick run (5,000
// providers, 2,000 jobs). --keep=NAME keeps database NAME and reuses what it holds: for trying an index
// or a query. --cache-mb=0 runs the api without its comparison cache (COMPARISON_CACHE_MB): every call
// computes the comparison, as the first call after a change does.
import { randomBytes } from 'node:crypto';
import { argon2Hasher } from '@handoff/core/auth';
import { migrate, openDatabase, seed, seedDemoProviders, seedJobPostsBulk } from '@handoff/db';
import autocannon from 'autocannon';
import { SingleBar } from 'cli-progress';
import { sql } from 'drizzle-orm';
import { admin, startApi, stopApi, withDatabase } from './api-process.ts';
import { pct, type Measured } from './search-mix.ts';

const SMALL = process.argv.includes('--small');
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const PROVIDERS = arg('providers', SMALL ? 5_000 : 100_000);
const JOBS = arg('jobs', SMALL ? 2_000 : 20_000);
const BIG_BIDS = arg('bids', 200);
const SECONDS = arg('seconds', SMALL ? 3 : 8);
const CONNECTIONS = arg('connections', 8);
const TARGET_P95_MS = 50;
const PASSWORD = 'bench-password-2026';
const SEED = 'bench';
const KEEP = process.argv.find((a) => a.startsWith('--keep='))?.split('=')[1];
const CACHE_MB = process.argv.find((a) => a.startsWith('--cache-mb='))?.split('=')[1];
if (KEEP !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(KEEP)) {
  throw new Error('--keep takes a database name: lower-case letters, digits and underscores');
}

interface Call {
  label: string;
  path: string;
  token?: string;
}

/** autocannon on one path for `seconds`; each response's latency recorded. */
function hammer(base: string, call: Call, connections: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  return new Promise<Measured>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${call.path}`,
        connections,
        duration: seconds,
        headers: call.token ? { authorization: `Bearer ${call.token}` } : {},
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          latencies,
          rps: result.requests.total / seconds,
          errors: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

async function logIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`logging in as ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** One request, checked: the bench measures answers, not errors. */
async function fetchJson<T>(base: string, call: Call): Promise<{ body: T; bytes: number }> {
  const res = await fetch(`${base}${call.path}`, { headers: { authorization: `Bearer ${call.token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${call.label}: ${res.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

function progress(label: string) {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
  });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!server.startsWith('postgres')) throw new Error('DATABASE_URL must be a postgres:// URL');
const benchDb = KEEP ?? `handoff_bench_bids_${Date.now().toString(36)}`;
await admin(server, `CREATE DATABASE "${benchDb}"`).catch((error: { code?: string }) => {
  if (!(KEEP && error.code === '42P04')) throw error; // 42P04: the kept database exists already
});
const url = withDatabase(server, benchDb);
const database = await openDatabase({ url, poolMax: 4 });
let json = '';
try {
  console.log(
    `bids bench: ${PROVIDERS} providers, ${JOBS} jobs, one job with ${BIG_BIDS} bids, on Postgres (${benchDb})`,
  );
  await migrate(database);
  await seed(database, { demo: false });
  const passwordHash = await argon2Hasher.hash(PASSWORD);
  let t = performance.now();
  let bar = progress('providers');
  const providers = await seedDemoProviders(database.db, {
    count: PROVIDERS,
    seed: SEED,
    passwordHash,
    queueReindex: false,
    onProgress: bar.update,
  });
  bar.stop();
  if (providers.otherSeed)
    throw new Error(`database ${benchDb} holds providers of seed ${providers.otherSeed}`);
  console.log(
    `providers: ${providers.inserted} generated, ${providers.existing} there already, ${seconds(t)} s`,
  );
  t = performance.now();
  bar = progress('jobs');
  const jobs = await seedJobPostsBulk(database.db, {
    jobs: JOBS,
    bigJobBids: BIG_BIDS,
    seed: SEED,
    passwordHash,
    onProgress: bar.update,
  });
  bar.stop();
  const [volumes] = (
    (await database.db.execute(sql`SELECT
      (SELECT count(*) FROM job_posts)::int AS jobs, (SELECT count(*) FROM bids)::int AS bids,
      (SELECT count(*) FROM bid_duty_coverage)::int AS coverage,
      (SELECT count(*) FROM bid_benchmark_answers)::int AS commitments,
      (SELECT count(DISTINCT owner_id) FROM job_posts)::int AS owners`)) as unknown as {
      rows: { jobs: number; bids: number; coverage: number; commitments: number; owners: number }[];
    }
  ).rows;
  console.log(
    `jobs: ${jobs.skipped ? 'there already' : `generated in ${seconds(t)} s`}; the database holds ` +
      `${volumes!.jobs} jobs of ${volumes!.owners} owners, ${volumes!.bids} bids, ` +
      `${volumes!.coverage} duty answers, ${volumes!.commitments} benchmark answers`,
  );

  // Statistics and visibility maps for every table, as autovacuum would have them on a settled database.
  t = performance.now();
  await database.db.execute(sql`VACUUM ANALYZE`);
  console.log(`VACUUM ANALYZE: ${seconds(t)} s`);

  // The feed's provider: the generator's first, and the first industry it serves.
  const feedEmail = 'provider-1@demo.handoff.test';
  const [industry] = (
    (await database.db.execute(sql`SELECT pi.industry_slug AS slug FROM users u
      JOIN provider_members m ON m.user_id = u.id JOIN provider_industries pi ON pi.provider_id = m.provider_id
      WHERE u.email = ${feedEmail} ORDER BY pi.position LIMIT 1`)) as unknown as { rows: { slug: string }[] }
  ).rows;

  const { child, base } = await startApi({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    WEB_ORIGIN: 'http://127.0.0.1:9',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    DATABASE_URL: url,
    COMPARISON_CACHE_MB: CACHE_MB,
    MEILI_URL: undefined,
    REDIS_URL: undefined,
    SMTP_URL: undefined,
  });
  try {
    const ownerToken = await logIn(base, jobs.bigJobOwnerEmail);
    const providerToken = await logIn(base, feedEmail);
    const calls: Call[] = [
      { label: 'healthz', path: '/healthz' },
      { label: `compare (${BIG_BIDS} bids)`, path: `/job-posts/${jobs.bigJobId}/bids`, token: ownerToken },
      { label: 'feed', path: '/feed/job-posts', token: providerToken },
      {
        label: `feed, ${industry!.slug}`,
        path: `/feed/job-posts?industry=${industry!.slug}`,
        token: providerToken,
      },
    ];
    const compare = await fetchJson<{ bids: { coverage: unknown[]; benchmarks: unknown[] }[] }>(
      base,
      calls[1]!,
    );
    const feed = await fetchJson<{ items: unknown[]; total: number }>(base, calls[2]!);
    const feedIndustry = await fetchJson<{ total: number }>(base, calls[3]!);
    const first = compare.body.bids[0];
    console.log(
      `comparison: ${compare.body.bids.length} bids × ${first?.coverage.length ?? 0} duties and ` +
        `${first?.benchmarks.length ?? 0} benchmarks, ${CACHE_MB === '0' ? 'not kept' : 'kept while unchanged'}, ` +
        `${Math.round(compare.bytes / 1024)} KB; feed: ${feed.body.items.length} of ${feed.body.total} jobs (${Math.round(feed.bytes / 1024)} KB ` +
        `a page); with the industry: ${feedIndustry.body.total}`,
    );

    for (const call of calls) await hammer(base, call, 1, 2); // warm the api and the database
    const rows: { call: Call; latency: Measured; load: Measured }[] = [];
    for (const call of calls) {
      rows.push({
        call,
        latency: await hammer(base, call, 1, SECONDS),
        load: await hammer(base, call, CONNECTIONS, SECONDS),
      });
    }
    const healthzRps = rows[0]!.load.rps;
    const f = (n: number) => n.toFixed(1).padStart(9);
    console.log(`\nlatency with 1 connection (ms), throughput with ${CONNECTIONS} connections (requests/s)`);
    console.log(
      `${'call'.padEnd(22)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'rps 1'.padStart(9)}` +
        `${`rps ${CONNECTIONS}`.padStart(9)}${`p95 ${CONNECTIONS}`.padStart(9)}${'÷ healthz'.padStart(11)}`,
    );
    for (const r of rows) {
      const l = r.latency.latencies;
      console.log(
        `${r.call.label.padEnd(22)}${f(pct(l, 50))}${f(pct(l, 95))}${f(pct(l, 99))}${f(r.latency.rps)}` +
          `${f(r.load.rps)}${f(pct(r.load.latencies, 95))}${(r.load.rps / healthzRps).toFixed(3).padStart(11)}`,
      );
    }
    const errors = rows.reduce((n, r) => n + r.latency.errors + r.load.errors, 0);
    if (errors > 0) console.log(`!! ${errors} responses were not 2xx`);
    const p95 = (i: number) => round(pct(rows[i]!.latency.latencies, 95));
    const loadedP95 = (i: number) => round(pct(rows[i]!.load.latencies, 95));
    for (const i of [1, 2, 3]) {
      const ok = (n: number) => (n < TARGET_P95_MS ? 'met' : 'MISSED');
      console.log(
        `${rows[i]!.call.label}: p95 ${p95(i)} ms with 1 connection, ${loadedP95(i)} ms with ${CONNECTIONS}; ` +
          `target < ${TARGET_P95_MS} ms: ${ok(p95(i))}, ${ok(loadedP95(i))}`,
      );
    }
    json = JSON.stringify({
      bench: 'bids',
      compare_p95_ms: p95(1),
      compare_p95_loaded_ms: loadedP95(1),
      compare_rps: Math.round(rows[1]!.load.rps),
      feed_p95_ms: p95(2),
      feed_p95_loaded_ms: loadedP95(2),
      feed_rps: Math.round(rows[2]!.load.rps),
      feed_industry_p95_ms: p95(3),
      feed_industry_p95_loaded_ms: loadedP95(3),
      feed_industry_rps: Math.round(rows[3]!.load.rps),
      healthz_rps: Math.round(healthzRps),
      providers: PROVIDERS,
      jobs: JOBS,
      big_job_bids: BIG_BIDS,
      connections: CONNECTIONS,
      comparison_cache_mb: CACHE_MB === undefined ? 'default' : Number(CACHE_MB),
      errors,
    });
  } finally {
    await stopApi(child);
  }
} finally {
  await database.close().catch(() => {});
  if (!KEEP) await admin(server, `DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
}
console.log('');
console.log(json);
