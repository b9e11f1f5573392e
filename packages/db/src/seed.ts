import { functions, industries, TAXONOMY_VERSION } from '@handoff/core/taxonomy';
import { argon2Hasher } from '@handoff/core/auth';
import type { ProviderIndex } from '@handoff/core/providers';
import type { Database } from './client.ts';
import { createTaxonomyRepository } from './repositories/taxonomy.ts';
import { createUsersRepository } from './repositories/users.ts';
import { DEMO_PROVIDER_COUNT, DEMO_SEED } from './demo/providers.ts';
import { seedDemoJobs } from './demo/seed-jobs.ts';
import { seedDemoProviders } from './demo/seed-providers.ts';

export const DEMO_PASSWORD = 'handoff-demo-2026';
export const DEMO_OWNER_EMAIL = 'owner@demo.handoff.test';
export const DEMO_PROVIDER_EMAIL = 'provider@demo.handoff.test';
export const demoAccounts = [
  { email: DEMO_OWNER_EMAIL, name: 'Olivia Owner', roles: ['owner'] as const },
  { email: DEMO_PROVIDER_EMAIL, name: 'Priya Provider', roles: ['provider'] as const },
  { email: 'admin@demo.handoff.test', name: 'Avery Operator', roles: ['admin'] as const },
];

export interface SeedOptions {
  /** Demo accounts are for local runs only; production seeds taxonomy alone. */
  demo: boolean;
  log?: (line: string) => void;
  /** Demo providers wanted in total (default 300); more are added on a later run, none removed. */
  providers?: number;
  /** Seed of the provider generator (default 'handoff-demo'). */
  providerSeed?: string;
  /** When the demo jobs' dates count from (now); for tests. */
  now?: Date;
  /** The search index to put demo providers in as they are written; without it one reindex job is queued. */
  search?: ProviderIndex;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Idempotent: run it on every start. Taxonomy is upserted; demo accounts, providers and the demo
 * owner's jobs are created once.
 */
export async function seed(database: Database, options: SeedOptions): Promise<void> {
  const { demo, log = () => {} } = options;
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
  const started = Date.now();
  const result = await seedDemoProviders(database.db, {
    count: options.providers ?? DEMO_PROVIDER_COUNT,
    seed: options.providerSeed ?? DEMO_SEED,
    passwordHash,
    firstOwner: { email: DEMO_PROVIDER_EMAIL, first: 'Priya', last: 'Provider' },
    ...(options.search ? { index: options.search } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (result.otherSeed) {
    log(`demo providers: ${result.existing} from seed "${result.otherSeed}" already there; none added`);
  } else if (result.inserted === 0) {
    log(`demo providers: ${result.existing} already there`);
  } else {
    const how = result.queuedReindex ? 'a search reindex job is queued' : 'indexed';
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `demo providers: ${result.inserted} added (${result.existing + result.inserted} in all) in ${seconds} s, ${how}`,
    );
  }
  const jobs = await seedDemoJobs(database.db, {
    ownerEmail: DEMO_OWNER_EMAIL,
    providerEmail: DEMO_PROVIDER_EMAIL,
    ...(options.now ? { now: options.now } : {}),
  });
  log(
    jobs.created
      ? `demo jobs: ${jobs.jobs} jobs with ${jobs.bids} bids for ${DEMO_OWNER_EMAIL}`
      : `demo jobs: none added (${jobs.reason})`,
  );
}
