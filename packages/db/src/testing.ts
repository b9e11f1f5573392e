import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from './client.ts';
import type { EmbeddedEvent } from './embedded/supervisor.ts';
import { migrate } from './migrate.ts';

/** The migrated template every Postgres test file clones (made once by test/pg-global-setup.ts). */
export const templateName = (url: string) => `${new URL(url).pathname.slice(1)}_tpl`;

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (or re-creates) the migrated template database for this run. */
export async function prepareTemplate(url: string): Promise<void> {
  const tpl = templateName(url);
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${tpl}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${tpl}"`);
  });
  const target = new URL(url);
  target.pathname = `/${tpl}`;
  const database = await openDatabase({ url: target.toString(), poolMax: 1 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
}

/** Drops the template when the test run ends, so runs on a shared server leave nothing behind. */
export async function dropTemplate(url: string): Promise<void> {
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${templateName(url)}" WITH (FORCE)`));
}

/**
 * The database a test file runs against, chosen by the vitest project:
 * `HANDOFF_TEST_DB=postgres` clones the migrated template into a database of its own on the real
 * server at DATABASE_URL (dropped on close), so files never see each other's rows or jobs;
 * otherwise a fresh in-memory PGlite with the same migrations.
 */
export async function openTestDatabase(
  options: { probeTimeoutMs?: number } = {},
): Promise<Database & { url?: string }> {
  if (process.env.HANDOFF_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('HANDOFF_TEST_DB=postgres needs DATABASE_URL');
    const name = `${templateName(url)}_${randomBytes(4).toString('hex')}`;
    await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(url)}"`));
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ url: target.toString(), poolMax: 6 });
    return {
      ...database,
      url: target.toString(),
      close: async () => {
        await database.close();
        await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  }
  // PGlite: a copy of the migrated template directory (made once per run by
  // test/pglite-global-setup.ts), served by its own process like the api's embedded database.
  const home = mkdtempSync(join(tmpdir(), 'handoff-test-db-'));
  const dataDir = join(home, 'pglite');
  const template = process.env.HANDOFF_PGLITE_TEMPLATE;
  if (template && existsSync(template)) cpSync(template, dataDir, { recursive: true });
  const database = await openDatabase({
    dataDir,
    poolMax: 4,
    // A CI run serves several files' databases on two cores, cold: a statement slower than the
    // api's 5 s is not yet a wedge here. Tests of the watchdog itself pass the api's figure.
    probeTimeoutMs: options.probeTimeoutMs ?? 20_000,
    // A restart in the middle of a test is news: it is said, with what was running, so that the
    // failure it causes can be read from CI's log.
    onEmbeddedEvent: (event) => {
      if (event.type !== 'ready' || event.restarts > 0) console.error(describeEvent(dataDir, event));
    },
  });
  if (!template) await migrate(database);
  return {
    ...database,
    url: database.embedded!.url,
    close: async () => {
      await database.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Makes the migrated PGlite directory every test file copies; returns where it is. */
export async function preparePgliteTemplate(): Promise<string> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'handoff-test-template-')), 'pglite');
  const database = await openDatabase({ dataDir, poolMax: 1 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return dataDir;
}

let counter = 0;
/** An e-mail no other test has used. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.test`;
}

function describeEvent(dataDir: string, event: EmbeddedEvent): string {
  const what =
    event.type === 'ready'
      ? `ready again (restart ${event.restarts}, ${event.startMs} ms)`
      : event.type === 'wedged'
        ? `pid ${event.pid} did not answer for ${Math.round(event.waitedMs / 1000)} s: killed, restarting`
        : `pid ${event.pid} exited (${event.signal ?? `code ${event.code}`}): restarting`;
  const tail = event.type === 'ready' ? [] : event.lastStatements.slice(-8);
  return [`[handoff] test database ${dataDir}: ${what}`, ...tail.map((s) => `    ${s.slice(0, 300)}`)].join(
    '\n',
  );
}
