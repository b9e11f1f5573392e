// pnpm bench relevance [--keep=NAME] [--queries=FILE]
// The judged query set (relevance-queries.tsv) through the real api over HTTP, on Postgres with the
// demo data (`pnpm seed`'s 300 providers, indexed as the seed writes them). Per query: precision@10
// normalised by how many relevant providers exist (relevant hits in the first 10 ÷ min(10, relevant)),
// recall@50, whether it returned nothing, and its latency. The relevant set of a query is asked of
// the same api as a facet search (function=…&industry=…), so it is exact and needs no second copy of
// the filter rules. Last line: {"bench":"relevance",…}.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDatabase, seed } from '@handoff/db';
import { createPostgresSearch } from '@handoff/search';
import { admin, root, startApi, stopApi, withDatabase } from './api-process.ts';
import { pct } from './search-mix.ts';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const KEEP = flag('keep');
if (KEEP !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(KEEP)) {
  throw new Error('--keep takes a database name: lower-case letters, digits and underscores');
}
const FILE = flag('queries') ?? join(root, 'infra/bench/relevance-queries.tsv');

interface Judged {
  query: string;
  /** Empty: the right answer is nothing. */
  functions: string[];
  industry: string | null;
  nothing: boolean;
}

function readQueries(file: string): Judged[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const [query, fns, industry] = line.split('\t');
      if (!query || !fns || !industry)
        throw new Error(`${file}: line ${i + 1} needs three tab-separated columns`);
      return {
        query,
        functions: fns === '-' || fns === 'nothing' ? [] : fns.split(','),
        industry: industry === '-' ? null : industry,
        nothing: fns === 'nothing',
      };
    });
}

interface Answer {
  ids: string[];
  total: number;
  understood: { functions: { slug: string }[]; industries: { slug: string }[] } | null;
  ms: number;
}

async function ask(base: string, params: URLSearchParams): Promise<Answer> {
  const t = performance.now();
  const res = await fetch(`${base}/search/providers?${params}`);
  const body = (await res.json()) as {
    hits: { id: string }[];
    total: number;
    understood: Answer['understood'];
  };
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${params}: ${res.status} ${JSON.stringify(body)}`);
  return { ids: body.hits.map((h) => h.id), total: body.total, understood: body.understood, ms };
}

/** Every provider relevant to a judged query, by facet search, page by page. */
async function relevantIds(base: string, j: Judged): Promise<Set<string>> {
  if (j.nothing) return new Set();
  const ids = new Set<string>();
  for (let page = 1; page <= 20; page += 1) {
    const params = new URLSearchParams({ perPage: '50', page: String(page) });
    for (const f of j.functions) params.append('function', f);
    if (j.industry) params.append('industry', j.industry);
    const a = await ask(base, params);
    a.ids.forEach((id) => ids.add(id));
    if (a.ids.length < 50) break;
  }
  return ids;
}

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = KEEP ?? `handoff_relevance_${Date.now().toString(36)}`;
await admin(baseUrl, `CREATE DATABASE "${dbName}"`).catch((error: { code?: string }) => {
  if (!(KEEP && error.code === '42P04')) throw error;
});
const url = withDatabase(baseUrl, dbName);
const queries = readQueries(FILE);
const database = await openDatabase({ url, poolMax: 4 });
try {
  await migrate(database);
  const search = createPostgresSearch(database.db);
  await search.ensureIndex();
  await seed(database, { demo: true, search });
  await search.ensureIndex();
} finally {
  await database.close();
}

const { child, base } = await startApi({
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JWT_SECRET: randomBytes(32).toString('hex'),
  WEB_ORIGIN: 'http://127.0.0.1:9',
  DATABASE_URL: url,
  MEILI_URL: undefined,
  REDIS_URL: undefined,
  SMTP_URL: undefined,
});

const rows: {
  query: string;
  relevant: number;
  p10: number | null;
  r50: number | null;
  zero: boolean;
  ok: boolean;
  ms: number;
  read: string;
}[] = [];
try {
  for (const j of queries) {
    const relevant = await relevantIds(base, j);
    // Warm once, then time: the first call of a plan is not what an owner waits for.
    const params = new URLSearchParams({ q: j.query, perPage: '50' });
    await ask(base, params);
    const a = await ask(base, params);
    const read = a.understood
      ? [
          ...a.understood.functions.map((f) => f.slug),
          ...a.understood.industries.map((i) => `@${i.slug}`),
        ].join(' ')
      : '';
    const answerable = relevant.size > 0;
    const inTop = (n: number) => a.ids.slice(0, n).filter((id) => relevant.has(id)).length;
    rows.push({
      query: j.query,
      relevant: relevant.size,
      p10: answerable ? inTop(10) / Math.min(10, relevant.size) : null,
      r50: answerable ? inTop(50) / relevant.size : null,
      zero: a.total === 0,
      // Unanswerable (judged "nothing", or nothing relevant in the data): right when empty.
      ok: answerable ? a.total > 0 : a.total === 0,
      ms: a.ms,
      read,
    });
  }
} finally {
  await stopApi(child);
  if (!KEEP) await admin(baseUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

const fmt = (n: number | null) => (n === null ? '   –' : n.toFixed(2));
console.log(`\n${'query'.padEnd(46)} relevant  p@10  r@50  zero  ms    read as`);
for (const r of rows) {
  const mark = r.ok ? ' ' : '!';
  console.log(
    `${mark}${r.query.slice(0, 44).padEnd(45)} ${String(r.relevant).padStart(8)}  ${fmt(r.p10)}  ${fmt(r.r50)}  ${r.zero ? 'yes ' : 'no  '}  ${r.ms.toFixed(1).padStart(5)} ${r.read}`,
  );
}
const answerable = rows.filter((r) => r.p10 !== null);
const unanswerable = rows.filter((r) => r.p10 === null);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (n: number, d = 3) => Number(n.toFixed(d));
const zero = answerable.filter((r) => r.zero).length;
const figures = {
  bench: 'relevance',
  queries: rows.length,
  answerable: answerable.length,
  mean_p_at_10: round(mean(answerable.map((r) => r.p10 as number))),
  mean_recall_at_50: round(mean(answerable.map((r) => r.r50 as number))),
  zero_result: zero,
  zero_result_pct: round((100 * zero) / Math.max(1, answerable.length), 1),
  nothing_queries: unanswerable.length,
  nothing_right: unanswerable.filter((r) => r.ok).length,
  p50_ms: round(
    pct(
      rows.map((r) => r.ms),
      50,
    ),
    1,
  ),
  p95_ms: round(
    pct(
      rows.map((r) => r.ms),
      95,
    ),
    1,
  ),
  targets: { mean_p_at_10: 0.9, zero_result_pct_max: 2 },
};
console.log(
  `\n${rows.length} queries (${answerable.length} answerable): mean precision@10 ${figures.mean_p_at_10} (target ≥ 0.9), ` +
    `mean recall@50 ${figures.mean_recall_at_50}, answerable with no result ${zero} (${figures.zero_result_pct} %, target ≤ 2 %), ` +
    `"nothing" answered right ${figures.nothing_right}/${unanswerable.length}, latency p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`,
);
console.log(JSON.stringify(figures));
