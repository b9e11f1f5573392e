// `pnpm bench suggest [--seconds=5] [--connections=8]`: the search box's autocomplete
// (GET /search/suggest) over HTTP on loopback, on the real api, against /healthz in the same process as
// the baseline. The route reads no database (it is in memory over the taxonomy), so the api runs on its
// embedded defaults in a throwaway directory. Latency with one connection (requests one after another),
// then throughput and latency with several; target p95 under 20 ms. Prints a table, then one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApi, stopApi } from './api-process.ts';
import { pct, type Measured } from './search-mix.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 8);
const TARGET_P95_MS = 20;

/** What owners type on the way to a search: prefixes, "X for Y" as it grows, owner words, typos. */
const TYPED = [
  'bo',
  'book',
  'bookkeeping',
  'bookkeeping f',
  'bookkeeping for r',
  'bookkeeping for rest',
  'payr',
  'payroll for dent',
  'cust serv',
  'customer service for real estate',
  'va for a law',
  'someone to do my books for my caf',
  'chase',
  'answer the phone',
  'email',
  'dentist billing',
  'bokkeep',
  'bookeeping for resturants',
  'market',
  'xylophonist',
];

function hammer(base: string, paths: string[], connections: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  return new Promise<Measured>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
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

const dataDir = mkdtempSync(join(tmpdir(), 'handoff-bench-suggest-'));
let json = '';
try {
  const { child, base } = await startApi({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-that-is-at-least-32-characters',
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    MEILI_URL: undefined,
    SMTP_URL: undefined,
  });
  try {
    const suggestPaths = TYPED.map((q) => `/search/suggest?${new URLSearchParams({ q })}`);
    let answered = 0;
    for (const path of suggestPaths) {
      const res = await fetch(`${base}${path}`);
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      answered += ((await res.json()) as { suggestions: unknown[] }).suggestions.length;
    }
    console.log(`${TYPED.length} typed prefixes, ${answered} suggestions in all`);

    const calls = [
      { label: 'healthz', paths: ['/healthz'] },
      { label: 'suggest', paths: suggestPaths },
    ];
    for (const call of calls) await hammer(base, call.paths, 1, 2); // warm the api
    const rows = [];
    for (const call of calls) {
      rows.push({
        ...call,
        latency: await hammer(base, call.paths, 1, SECONDS),
        load: await hammer(base, call.paths, CONNECTIONS, SECONDS),
      });
    }
    const [healthz, suggest] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const f = (n: number) => n.toFixed(1).padStart(9);
    console.log(`\nlatency with 1 connection (ms), then ${CONNECTIONS} connections (requests/s, ms)`);
    console.log(
      `${'call'.padEnd(10)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'rps 1'.padStart(9)}` +
        `${`rps ${CONNECTIONS}`.padStart(9)}${`p95 ${CONNECTIONS}`.padStart(9)}${'÷ healthz'.padStart(11)}`,
    );
    for (const r of rows) {
      const l = r.latency.latencies;
      console.log(
        `${r.label.padEnd(10)}${f(pct(l, 50))}${f(pct(l, 95))}${f(pct(l, 99))}${f(r.latency.rps)}` +
          `${f(r.load.rps)}${f(pct(r.load.latencies, 95))}${(r.load.rps / healthz.load.rps).toFixed(3).padStart(11)}`,
      );
    }
    const errors = rows.reduce((n, r) => n + r.latency.errors + r.load.errors, 0);
    if (errors > 0) console.log(`!! ${errors} responses were not 2xx`);
    // The p95 that counts is the one under load: several owners typing at once.
    const p95 = pct(suggest.load.latencies, 95);
    console.log(
      `suggest: p95 ${p95} ms with ${CONNECTIONS} connections, target < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`,
    );
    json = JSON.stringify({
      bench: 'suggest',
      p95_ms: p95,
      p95_1_connection_ms: pct(suggest.latency.latencies, 95),
      rps: Math.round(suggest.load.rps),
      healthz_rps: Math.round(healthz.load.rps),
      connections: CONNECTIONS,
      errors,
    });
  } finally {
    await stopApi(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log('');
console.log(json);
