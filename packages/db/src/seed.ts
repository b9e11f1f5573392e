import { functions, industries, TAXONOMY_VERSION } from '@handoff/core/taxonomy';
import { argon2Hasher } from '@handoff/core/auth';
import type { Database } from './client.ts';
import { createTaxonomyRepository } from './repositories/taxonomy.ts';
import { createUsersRepository } from './repositories/users.ts';

export const DEMO_PASSWORD = 'handoff-demo-2026';
export const demoAccounts = [
  { email: 'owner@demo.handoff.test', name: 'Olivia Owner', roles: ['owner'] as const },
  { email: 'provider@demo.handoff.test', name: 'Priya Provider', roles: ['provider'] as const },
  { email: 'admin@demo.handoff.test', name: 'Avery Operator', roles: ['admin'] as const },
];

export interface SeedOptions {
  /** Demo accounts are for local runs only; production seeds taxonomy alone. */
  demo: boolean;
  log?: (line: string) => void;
}

/** Idempotent: run it on every start. Taxonomy is upserted; demo accounts are created once. */
export async function seed(database: Database, { demo, log = () => {} }: SeedOptions): Promise<void> {
  await createTaxonomyRepository(database.db).replaceAll({
    version: TAXONOMY_VERSION,
    functions,
    industries,
  });
  log(`taxonomy ${TAXONOMY_VERSION}: ${functions.length} functions, ${industries.length} industries`);
  if (!demo) return;
  const users = createUsersRepository(database.db);
  const passwordHash = await argon2Hasher.hash(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    const created = await users.create({ ...account, roles: [...account.roles], passwordHash });
    log(created ? `demo account ${account.email} created` : `demo account ${account.email} already there`);
  }
}
