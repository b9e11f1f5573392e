import { dropTemplate, prepareTemplate, templateName } from '../src/testing.ts';

/** Migrates a template database once; each Postgres test file clones it (see openTestDatabase). */
export default async function setup() {
  const url = process.env.DATABASE_URL!;
  await prepareTemplate(url);
  console.log(`[handoff] Postgres tests clone the migrated template "${templateName(url)}"`);
  return () => dropTemplate(url);
}
