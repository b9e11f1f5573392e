import { randomUUID } from 'node:crypto';
import type { Database } from '@handoff/db';
import { openTestDatabase } from '@handoff/db/testing';
import { afterAll, describe } from 'vitest';
import { createMeiliSearch, type MeiliSearch } from '../src/meilisearch.ts';
import { createPostgresSearch } from '../src/postgres.ts';
import { searchContract } from './contract.ts';

// One run's data: its own Postgres namespace (the postgres project shares one database among files)
// and its own Meilisearch index, deleted afterwards.
const runId = `t${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;

let database: Database | undefined;
afterAll(async () => {
  await database?.close();
});

searchContract(`postgres (${process.env.HANDOFF_TEST_DB ?? 'pglite'})`, async () => {
  database = await openTestDatabase();
  return createPostgresSearch(database.db, {
    namespace: `contract_${runId}`,
    vocabularyInMemory: database.kind === 'pglite',
  });
});

const meiliUrl = process.env.MEILI_URL;
if (!meiliUrl) {
  console.log(
    '[handoff] MEILI_URL is not set: the Meilisearch half of the search contract suite was not run',
  );
}

// runIf plus the guard inside: without MEILI_URL nothing is registered, not even as skipped, and the
// line above says so.
describe.runIf(Boolean(meiliUrl))('meilisearch', () => {
  if (!meiliUrl) return;
  let meili: MeiliSearch | undefined;
  afterAll(async () => {
    await meili?.deleteIndex();
  });
  searchContract('meilisearch', async () => {
    meili = createMeiliSearch({
      host: meiliUrl,
      apiKey: process.env.MEILI_MASTER_KEY ?? process.env.MEILI_KEY,
      indexUid: `providers_contract_${runId}`,
    });
    return meili;
  });
});
