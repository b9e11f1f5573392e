import { SingleBar } from 'cli-progress';
import { openDatabase } from '../client.ts';
import { migrate } from '../migrate.ts';
import { defaultDataDir } from '../paths.ts';
import { seed } from '../seed.ts';

// pnpm seed [--providers N] [--seed S]: taxonomy, demo accounts and N demo providers (default 300).
// This package cannot reach the search engine (packages/search depends on it), so new providers are
// indexed by one `search.reindex` job that the api or worker runs; `pnpm reindex` indexes them now.

function flag(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = process.argv[i]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : process.argv[i + 1];
}

const providersFlag = flag('providers');
const providers = providersFlag === undefined ? undefined : Number(providersFlag);
if (providers !== undefined && (!Number.isInteger(providers) || providers < 0 || providers > 1_000_000)) {
  console.error('--providers takes a whole number from 0 to 1000000');
  process.exit(1);
}
const url = process.env.DATABASE_URL || undefined;
const demo =
  process.env.NODE_ENV !== 'production' || process.argv.includes('--demo') || providers !== undefined;
const database = await openDatabase({
  url,
  dataDir: process.env.DATA_DIR || defaultDataDir,
  // Bulk statements on a database nobody else uses: a long one is work, not a wedge.
  probeTimeoutMs: 120_000,
});
const bar = new SingleBar({
  format: 'demo providers [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left',
  etaBuffer: 20,
});
let barStarted = false;
let barStopped = false;
try {
  await migrate(database);
  await seed(database, {
    demo,
    log: (line) => console.log(line),
    ...(providers !== undefined ? { providers } : {}),
    ...(flag('seed') ? { providerSeed: flag('seed') } : {}),
    onProgress: (done, total) => {
      if (total - done < 1000 && !barStarted) return;
      if (!barStarted) bar.start(total, done);
      barStarted = true;
      bar.update(done);
      if (done >= total && !barStopped) {
        bar.stop();
        barStopped = true;
      }
    },
  });
} catch (error) {
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (barStarted && !barStopped) bar.stop();
  await database.close();
}
