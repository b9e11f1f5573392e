// pnpm bench search [--providers=N] [--seconds=S] [--connections=C] [--keep=NAME]
// N generated providers in a fresh database (a throwaway database on DATABASE_URL's server, else PGlite
// in a temp dir): time indexing them all into the Postgres adapter, time the adapter alone in-process on
// a fixed query mix, then start the real api (node apps/api/src/server.ts) on that database and drive
// GET /search/providers with autocannon on loopback. Latency runs use one connection (requests one after
// another, comparable to the adapter calls); the throughput figure uses C connections. With MEILI_URL,
// the same again through Meilisearch (a throwaway index). Last lines: one JSON object per adapter.
// --keep=NAME (Postgres only) keeps database NAME after the run and, when it already holds the providers,
// skips generating and indexing them: for trying a change to the search SQL without a 2-minute load.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reindexProviders } from '@handoff/core/providers';
import { createProvidersRepository, migrate, openDatabase, seed, seedDemoProviders } from '@handoff/db';
import { createMeiliSearch, createPostgresSearch, type SearchIndex } from '@handoff/search';
import { SingleBar } from 'cli-progress';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hammer, MIX, ownerQueries, pct, timeCalls, TYPES, type Measured } from './search-mix.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const PROVIDERS = arg('providers', 100_000);
const SECONDS = arg('seconds', 8);
const CONNECTIONS = arg('connections', 8);
const ADAPTER_ROUNDS = arg('rounds', 10);
const root = fileURLToPath(new URL('../..', import.meta.url));
const stamp = Date.now().toString(36);
const KEEP = process.argv.find((a) => a.startsWith('--keep='))?.split('=')[1];
if (KEEP !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(KEEP)) {
  throw new Error('--keep takes a database name: lower-case letters, digits and underscores');
}

async function admin(url: string, text: string) {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

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

async function startApi(
  env: Record<string, string | undefined>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/server.ts')], {
    cwd: root,
    env: { ...childEnv, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the api did not become ready in 180 s');
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
}

const stopApi = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

interface Row {
  label: string;
  api: Measured;
  adapter: Measured;
}

function printTable(adapter: string, rows: Row[], throughput: Measured) {
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${adapter}: latency with 1 connection (ms); throughput with ${CONNECTIONS} connections`);
  console.log(
    `${'query type'.padEnd(16)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'rps'.padStart(8)}` +
      `${'adapter p50'.padStart(13)}${'ratio'.padStart(8)}`,
  );
  for (const r of rows) {
    const a = pct(r.adapter.latencies, 50);
    const p = pct(r.api.latencies, 50);
    console.log(
      `${r.label.padEnd(16)}${f(p)}${f(pct(r.api.latencies, 95))}${f(pct(r.api.latencies, 99))}${f(r.api.rps)}` +
        `${a.toFixed(1).padStart(13)}${(p / a).toFixed(2).padStart(8)}`,
    );
  }
  console.log(
    `${`${CONNECTIONS} connections`.padEnd(16)}${f(pct(throughput.latencies, 50))}${f(pct(throughput.latencies, 95))}` +
      `${f(pct(throughput.latencies, 99))}${f(throughput.rps)}`,
  );
  const errors = rows.reduce((n, r) => n + r.api.errors, throughput.errors);
  if (errors > 0) console.log(`!! ${errors} responses were not 2xx`);
}

/** Adapter alone, then the api on the same data; returns the JSON figures. */
async function measure(
  adapter: string,
  index: SearchIndex,
  apiEnv: Record<string, string | undefined>,
  beforeApi: () => Promise<void>,
) {
  const queriesOf = (type: string) =>
    MIX.filter((m) => type === 'overall' || m.type === type).map((m) => m.params);
  await timeCalls((q) => index.search(q), queriesOf('overall'), 2); // warm caches
  const adapterRuns = new Map<string, Measured>();
  for (const type of [...TYPES, 'overall']) {
    adapterRuns.set(type, await timeCalls((q) => index.search(q), queriesOf(type), ADAPTER_ROUNDS));
  }
  // The judged owner-language queries; the adapter gets their words as plain text (no reading).
  const owners = ownerQueries();
  const ownerAdapter = await timeCalls((q) => index.search(q), owners, ADAPTER_ROUNDS);
  await beforeApi();
  const { child, base } = await startApi(apiEnv);
  try {
    await hammer(base, queriesOf('overall'), 1, 2); // warm the api
    const rows: Row[] = [];
    for (const type of [...TYPES, 'overall']) {
      rows.push({
        label: type,
        api: await hammer(base, queriesOf(type), 1, SECONDS),
        adapter: adapterRuns.get(type)!,
      });
    }
    const overall = rows.at(-1)!;
    const owner: Row = {
      label: 'owner words',
      api: await hammer(base, owners, 1, SECONDS),
      adapter: ownerAdapter,
    };
    rows.push(owner);
    const throughput = await hammer(base, queriesOf('overall'), CONNECTIONS, SECONDS);
    printTable(adapter, rows, throughput);
    const apiP50 = pct(overall.api.latencies, 50);
    const adapterP50 = pct(overall.adapter.latencies, 50);
    return {
      p50_ms: round(apiP50),
      p95_ms: round(pct(overall.api.latencies, 95)),
      p99_ms: round(pct(overall.api.latencies, 99)),
      rps: Math.round(throughput.rps),
      adapter_p50_ms: round(adapterP50),
      api_over_adapter_p50: round(apiP50 / adapterP50, 2),
      owner_words_queries: owners.length,
      owner_words_p50_ms: round(pct(owner.api.latencies, 50)),
      owner_words_p95_ms: round(pct(owner.api.latencies, 95)),
    };
  } finally {
    // Let the last in-flight requests finish before the api shuts its pool.
    await new Promise((r) => setTimeout(r, 500));
    await stopApi(child);
  }
}

/** Providers in the default search namespace (a kept database from an earlier run). */
async function countIndexed(db: Parameters<typeof createPostgresSearch>[0]): Promise<number> {
  const result = (await db.execute(
    sql`SELECT count(*)::int AS n FROM search_providers WHERE namespace = 'default'`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

const baseUrl = process.env.DATABASE_URL;
if (KEEP && !baseUrl) throw new Error('--keep needs DATABASE_URL (a Postgres server)');
const benchDb = KEEP ?? `handoff_bench_${stamp}`;
const dataDir = baseUrl ? undefined : mkdtempSync(join(tmpdir(), 'handoff-bench-'));
let url: string | undefined;
if (baseUrl) {
  await admin(baseUrl, `CREATE DATABASE "${benchDb}"`).catch((error: { code?: string }) => {
    if (!(KEEP && error.code === '42P04')) throw error; // 42P04: the kept database exists already
  });
  const u = new URL(baseUrl);
  u.pathname = `/${benchDb}`;
  url = u.toString();
}
const lines: string[] = [];
// Loading 100,000 providers into PGlite runs statements far longer than the watchdog's 5 s.
let database = await openDatabase({ url, dataDir, poolMax: 4, probeTimeoutMs: 300_000 });
try {
  console.log(
    `search bench: ${PROVIDERS} providers on ${baseUrl ? `Postgres (${benchDb})` : `PGlite (${dataDir})`}`,
  );
  await migrate(database);
  const postgres = createPostgresSearch(database.db);
  const stored = KEEP ? await countIndexed(database.db) : 0;
  let bar = progress('generate');
  let t = performance.now();
  let indexS: number | null = null; // null when a kept database was reused
  if (stored === PROVIDERS) {
    console.log(
      `database ${benchDb} already holds ${stored} indexed providers: generating and indexing skipped`,
    );
  } else {
    await seed(database, { demo: false });
    await seedDemoProviders(database.db, {
      count: PROVIDERS,
      seed: 'bench',
      passwordHash: 'bench-accounts-cannot-log-in',
      queueReindex: false,
      onProgress: bar.update,
    });
    bar.stop();
    console.log(
      `generated and stored ${PROVIDERS} providers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    await postgres.ensureIndex();
    bar = progress('index (postgres)');
    t = performance.now();
    await reindexProviders({
      providers: createProvidersRepository(database.db),
      index: postgres,
      clear: true,
      onProgress: bar.update,
    });
    bar.stop();
    await postgres.ensureIndex(); // statistics and the GIN pending list merged, as the reindex command ends: part of the cost
    indexS = (performance.now() - t) / 1000;
    console.log(`indexed ${PROVIDERS} providers into postgres in ${indexS.toFixed(1)} s (target < 60 s)`);
  }
  if (indexS === null) await postgres.ensureIndex(); // a kept database: as the api's start-up does

  const figures = await measure(
    'postgres',
    postgres,
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'),
      WEB_ORIGIN: 'http://127.0.0.1:9',
      MEILI_URL: undefined,
      REDIS_URL: undefined,
      ...(url ? { DATABASE_URL: url } : { DATABASE_URL: undefined, DATA_DIR: dataDir }),
    },
    // PGlite: one process per data directory, so the api gets it once the bench lets go.
    async () => {
      if (!url) await database.close();
    },
  );
  if (!url) database = await openDatabase({ dataDir });
  lines.push(
    JSON.stringify({
      bench: 'search',
      adapter: 'postgres',
      providers: PROVIDERS,
      ...figures,
      index_s: indexS === null ? null : round(indexS),
    }),
  );

  const meiliUrl = process.env.MEILI_URL;
  if (!meiliUrl) {
    console.log('\nMEILI_URL is not set: the Meilisearch half was not run');
  } else {
    const uid = `providers_bench_${stamp}`;
    const meili = createMeiliSearch({ host: meiliUrl, apiKey: process.env.MEILI_MASTER_KEY, indexUid: uid });
    try {
      await meili.ensureIndex();
      bar = progress('index (meilisearch)');
      t = performance.now();
      await reindexProviders({
        providers: createProvidersRepository(database.db),
        index: meili,
        clear: true,
        onProgress: bar.update,
      });
      bar.stop();
      const meiliS = (performance.now() - t) / 1000;
      console.log(`indexed ${PROVIDERS} providers into meilisearch in ${meiliS.toFixed(1)} s`);
      const meiliFigures = await measure(
        'meilisearch',
        meili,
        {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          JWT_SECRET: randomBytes(32).toString('hex'),
          WEB_ORIGIN: 'http://127.0.0.1:9',
          MEILI_INDEX: uid,
          REDIS_URL: undefined,
          ...(url ? { DATABASE_URL: url } : { DATABASE_URL: undefined, DATA_DIR: dataDir }),
        },
        async () => {
          if (!url) await database.close();
        },
      );
      if (!url) database = await openDatabase({ dataDir });
      lines.push(
        JSON.stringify({
          bench: 'search',
          adapter: 'meilisearch',
          providers: PROVIDERS,
          ...meiliFigures,
          index_s: round(meiliS),
        }),
      );
    } finally {
      await meili.deleteIndex();
    }
  }
} finally {
  await database.close().catch(() => {});
  if (url && baseUrl && !KEEP) await admin(baseUrl, `DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
console.log('');
for (const line of lines) console.log(line);
