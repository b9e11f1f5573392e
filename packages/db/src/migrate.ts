import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Applies the drizzle-kit SQL migrations (Postgres, or PGlite through its server); throws on the first failure. */
export async function migrate(database: Database): Promise<void> {
  await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
}
