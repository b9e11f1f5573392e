import { randomBytes } from 'node:crypto';
import { ownerQueries, path } from './search-mix.ts';
import { startApi, stopApi } from './api-process.ts';

const { child, base } = await startApi({
  NODE_ENV: 'production', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(32).toString('hex'),
  WEB_ORIGIN: 'http://127.0.0.1:9', MEILI_URL: undefined, REDIS_URL: undefined,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/s100k',
});
const rows: [number, string][] = [];
for (const round of [0, 1]) {
  for (const p of ownerQueries()) {
    const t = performance.now();
    await fetch(`${base}${path(p)}`).then((r) => r.text());
    if (round === 1) rows.push([performance.now() - t, p.q!]);
  }
}
rows.sort((a, b) => b[0] - a[0]);
for (const [ms, q] of rows.slice(0, 12)) console.log(ms.toFixed(1).padStart(8), q);
await stopApi(child);
