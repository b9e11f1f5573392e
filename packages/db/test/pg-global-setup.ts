import { migrate, openDatabase } from '../src/index.ts';

/** Migrates the real Postgres once before the `postgres` project's files share it. */
export default async function setup() {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
}
