import { randomUUID } from 'node:crypto';
import { migrate, openDatabase } from '@handoff/db';
import { sql } from 'drizzle-orm';
import { createPostgresSearch } from './src/postgres.ts';
import { fixtures } from './test/fixtures.ts';

const url = process.env.PROBE_URL;
const N = Number(process.env.N ?? 20000);
const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
await migrate(database);
await database.db.execute(sql`vacuum analyze search_providers`);
const nsName = 'scale_' + Date.now();
const s = Object.assign(createPostgresSearch(database.db, { namespace: nsName }), { ns: nsName });
const docs = Array.from({ length: N }, (_, i) => {
  const f = fixtures[i % 28]!;
  const w = (k: number) => Array.from({ length: k }, () => Math.random().toString(36).slice(2, 9)).join(' ');
  return { ...f, id: randomUUID(), name: `${w(2)}`, headline: `${w(6)}`, bio: `${w(40)}`, duties: [w(8)], functionNames: i % 5 === 0 ? f.functionNames : [w(2)], rateMin: f.rateMin + (i % 17), ratingCount: i % 50, published: true };
});
await s.upsert(docs);
await database.db.execute(sql`analyze search_providers`);
const time = async (label: string, query: object, n = 10) => {
  const r = await s.search({ page: 1, perPage: 20, ...query });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await s.search({ page: 1, perPage: 20, ...query });
  console.log(`${database.kind} ${N} ${label}: ${((performance.now() - t0) / n).toFixed(1)} ms/search (total ${r.total})`);
};
const { searchStatement } = await import('./src/postgres.ts');
const { normalizeQuery } = await import('./src/query.ts');
const ex = (await database.db.execute(sql`explain (analyze, costs on) ${searchStatement(s.ns, normalizeQuery({ q: process.env.Q ?? 'payroll', page: 1, perPage: 20 }))}`)) as unknown as { rows: Record<string, string>[] };
console.log(ex.rows.map((x) => x['QUERY PLAN']).join('\n'));
await time('no text, no filter', {});
await time('"customer service real estate"', { q: 'customer service real estate' });
await time('"payroll"', { q: 'payroll' });
await time('typo "bookeeping"', { q: 'bookeeping' });
await time('text + filters', { q: 'payroll', industries: ['construction', 'retail'], rateMin: 20, rateMax: 90 });
await time('filters, sort by rate', { functions: ['bookkeeping', 'payroll'], sort: 'rate_asc' });
if (!process.env.KEEP) await s.clear();
await database.db.execute(sql`vacuum analyze search_providers`);
await database.close();
