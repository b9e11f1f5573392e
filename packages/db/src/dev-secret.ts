import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { appMeta } from './schema/index.ts';

/**
 * Development only: when JWT_SECRET is not set, the api and worker share a random secret kept in
 * the local database, so sessions and e-mailed links survive a restart. Never used in production,
 * where the config refuses to start without JWT_SECRET.
 */
export async function loadOrCreateDevSecret(db: Db): Promise<string> {
  await db
    .insert(appMeta)
    .values({ key: 'dev_secret', value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, 'dev_secret'));
  return row!.value;
}
