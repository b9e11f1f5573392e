import { openDatabase } from '../client.ts';
import { migrate } from '../migrate.ts';
import { defaultDataDir } from '../paths.ts';
import { seed } from '../seed.ts';

const url = process.env.DATABASE_URL || undefined;
const demo = process.env.NODE_ENV !== 'production' || process.argv.includes('--demo');
const database = await openDatabase({ url, dataDir: process.env.DATA_DIR || defaultDataDir });
try {
  await migrate(database);
  await seed(database, { demo, log: (line) => console.log(line) });
} catch (error) {
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
