import { reindexProviders } from '@handoff/core/providers';
import { createProvidersRepository, defaultDataDir, openDatabase } from '@handoff/db';
import { SingleBar } from 'cli-progress';
import { createSearchIndex } from '../create.ts';

// pnpm reindex [--keep]: rebuilds the provider search index from Postgres (the source of truth), in
// batches of 1,000. The engine is the api's: Meilisearch when MEILI_URL is set, else Postgres
// full-text search in DATABASE_URL (or the embedded database in .data/, which only one process may
// open at a time: stop the api first). --keep adds and refreshes without emptying the index first,
// so searches keep answering during the run but providers deleted since stay listed.

const keep = process.argv.includes('--keep');
const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || defaultDataDir,
  // Bulk statements on a database nobody else uses: a long one is work, not a wedge.
  probeTimeoutMs: 120_000,
});
const index = createSearchIndex({
  meiliUrl: process.env.MEILI_URL || undefined,
  meiliKey: process.env.MEILI_MASTER_KEY || undefined,
  meiliIndex: process.env.MEILI_INDEX || undefined,
  db: database.db,
  embedded: database.kind === 'pglite',
});
const bar = new SingleBar({
  format: `reindex (${index.engine}) [{bar}] {percentage}% | {value}/{total} providers | {eta_formatted} left`,
  etaBuffer: 20,
});
const started = performance.now();
try {
  await index.ensureIndex();
  let barStarted = false;
  const indexed = await reindexProviders({
    providers: createProvidersRepository(database.db),
    index,
    clear: !keep,
    onProgress: (done, total) => {
      if (!barStarted) bar.start(total, done);
      barStarted = true;
      bar.setTotal(total);
      bar.update(done);
    },
  });
  bar.stop();
  await index.ensureIndex(); // fresh statistics and a merged GIN pending list for the rebuilt index
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${keep ? 'refreshed' : 'rebuilt'} the ${index.engine} index: ${indexed} published providers in ` +
      `${seconds.toFixed(1)} s (${Math.round(indexed / Math.max(seconds, 0.001))} a second)`,
  );
} catch (error) {
  bar.stop();
  console.error('reindex failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
