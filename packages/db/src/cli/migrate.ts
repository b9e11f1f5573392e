import { openDatabase } from '../client.ts';
import { migrate } from '../migrate.ts';
import { defaultDataDir } from '../paths.ts';

const url = process.env.DATABASE_URL || undefined;
const database = await openDatabase({
  url,
  dataDir: process.env.DATA_DIR || defaultDataDir,
  // An index built on a large table may take a while: that is work, not a wedge.
  probeTimeoutMs: 120_000,
});
try {
  await migrate(database);
  console.log(`migrations applied (${database.kind})`);
} catch (error) {
  console.error('migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
