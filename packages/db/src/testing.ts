import { openDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * The database a test file runs against, chosen by the vitest project:
 * `HANDOFF_TEST_DB=postgres` uses the real server at DATABASE_URL (migrated once in global setup,
 * shared by files that therefore create their own uniquely named data); otherwise a fresh
 * in-memory PGlite with the same migrations applied.
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.HANDOFF_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('HANDOFF_TEST_DB=postgres needs DATABASE_URL');
    return openDatabase({ url, poolMax: 4 });
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  return database;
}

let counter = 0;
/** An e-mail no other test (or earlier run against the same database) has used. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.test`;
}
