import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedEvent,
} from '../src/embedded/supervisor.ts';

// These tests are about the embedded database itself (PGlite in its own process), so they run once,
// in the PGlite project.
const postgresProject = process.env.HANDOFF_TEST_DB === 'postgres';
if (postgresProject) console.log('[handoff] embedded database tests run in the pglite project only');

const homes: string[] = [];
const opened: EmbeddedDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function newDataDir(): string {
  const home = mkdtempSync(join(tmpdir(), 'handoff-embedded-test-'));
  homes.push(home);
  const dataDir = join(home, 'pglite');
  // A copy of the run's migrated template starts in a second; a fresh directory runs initdb (~5 s).
  const template = process.env.HANDOFF_PGLITE_TEMPLATE;
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

async function start(dataDir: string, events: EmbeddedEvent[] = []) {
  const db = await startEmbeddedDatabase({ dataDir, onEvent: (e) => events.push(e) });
  opened.push(db);
  return db;
}

async function client(db: EmbeddedDatabase): Promise<pg.Client> {
  const c = new pg.Client(db.connection);
  c.on('error', () => {});
  await c.connect();
  return c;
}

async function waitFor(condition: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe.skipIf(postgresProject)('the embedded database process', () => {
  it('restarts a database whose statement never returns within 15 s, keeping every committed row', async () => {
    const events: EmbeddedEvent[] = [];
    const db = await start(newDataDir(), events);
    const writer = await client(db);
    await writer.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    for (let i = 1; i <= 50; i++) await writer.query('INSERT INTO notes VALUES ($1, $2)', [i, `note ${i}`]);
    const firstPid = db.pid();

    const wedger = await client(db);
    const wedged = wedger.query('SELECT pg_sleep(3600)').then(
      () => 'returned',
      () => 'failed',
    );
    const startedAt = Date.now();
    await waitFor(() => db.state() === 'restarting', 10_000);
    await db.whenReady();
    const recoveredMs = Date.now() - startedAt;

    expect(recoveredMs).toBeLessThan(15_000);
    expect(db.pid()).not.toBe(firstPid);
    expect(await wedged).toBe('failed');
    const wedge = events.find((e) => e.type === 'wedged');
    expect(wedge && wedge.type === 'wedged' && wedge.lastStatements.at(-1)).toContain('pg_sleep(3600)');
    const reader = await client(db);
    const { rows } = await reader.query('SELECT count(*)::int AS n, max(id) AS last FROM notes');
    expect(rows[0]).toEqual({ n: 50, last: 50 });
    await reader.end();
  }, 40_000);

  it('loses no committed row and keeps no uncommitted one when the process is killed mid-write', async () => {
    const db = await start(newDataDir());
    const setup = await client(db);
    await setup.query(
      'CREATE TABLE ledger (batch int NOT NULL, line int NOT NULL, PRIMARY KEY (batch, line))',
    );

    // Writers commit batches of five rows; a batch counts as committed once COMMIT has answered.
    const committed = new Set<number>();
    let batch = 0;
    let stop = false;
    const writers = [0, 1, 2].map(async () => {
      const c = await client(db);
      while (!stop) {
        const id = ++batch;
        try {
          await c.query('BEGIN');
          for (let line = 1; line <= 5; line++)
            await c.query('INSERT INTO ledger VALUES ($1, $2)', [id, line]);
          await c.query('COMMIT');
          committed.add(id);
        } catch {
          return;
        }
      }
    });
    await waitFor(() => committed.size >= 100, 20_000);
    // A transaction that is never committed: the process dies while it holds the database.
    const open = await client(db);
    await open.query('BEGIN');
    await open.query('INSERT INTO ledger SELECT -1, g FROM generate_series(1, 5) g');
    const killedPid = db.pid()!;
    process.kill(killedPid, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    await waitFor(() => db.state() !== 'ready', 5_000);
    await db.whenReady();
    expect(db.pid()).not.toBe(killedPid);

    const reader = await client(db);
    const { rows } = await reader.query<{ batch: number; lines: number }>(
      'SELECT batch, count(*)::int AS lines FROM ledger GROUP BY batch',
    );
    const found = new Map(rows.map((r) => [r.batch, r.lines]));
    expect(found.has(-1)).toBe(false);
    for (const id of committed) expect(found.get(id)).toBe(5);
    // A batch whose COMMIT was under way may be there, but only whole.
    for (const lines of found.values()) expect(lines).toBe(5);
    await reader.end();
  }, 40_000);

  it('keeps each client’s statements and transactions apart on the one PGlite session', async () => {
    const db = await start(newDataDir());
    const clients = await Promise.all([1, 2, 3, 4].map(() => client(db)));
    await clients[0]!.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await clients[0]!.query('INSERT INTO counters SELECT g, 0 FROM generate_series(1, 4) g');
    // Parameterised (extended-protocol) queries from every client at once, each checking its own answer,
    // while transactions increment counters: interleaved messages would mix answers or lose updates.
    await Promise.all(
      clients.map(async (c, i) => {
        for (let round = 0; round < 40; round++) {
          const echo = await c.query('SELECT $1::int AS v, $2::text AS who', [round, `client ${i}`]);
          expect(echo.rows[0]).toEqual({ v: round, who: `client ${i}` });
          await c.query('BEGIN');
          const { rows } = await c.query('SELECT n FROM counters WHERE id = $1', [i + 1]);
          await c.query('UPDATE counters SET n = $1 WHERE id = $2', [rows[0].n + 1, i + 1]);
          await c.query('COMMIT');
        }
      }),
    );
    const { rows } = await clients[0]!.query('SELECT sum(n)::int AS total FROM counters');
    expect(rows[0].total).toBe(160);

    // A client that leaves in the middle of a transaction: its change is rolled back, others go on.
    const leaver = await client(db);
    await leaver.query('BEGIN');
    await leaver.query('UPDATE counters SET n = -100 WHERE id = 1');
    const waiting = clients[1]!.query('SELECT n FROM counters WHERE id = 1');
    await leaver.end();
    expect((await waiting).rows[0].n).toBe(40);
    for (const c of clients) await c.end();
  }, 40_000);

  it('stays up on a SIGTERM meant for its parent’s process group, and stops when its owner closes it', async () => {
    // `pnpm start` stops the api with SIGTERM to the api's whole process group, the database included:
    // the database must wait for the api to close it rather than leave first and look like a crash.
    const events: EmbeddedEvent[] = [];
    const db = await start(newDataDir(), events);
    const pid = db.pid()!;
    process.kill(pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(db.pid()).toBe(pid);
    expect(events.some((e) => e.type === 'exited')).toBe(false);
    const c = await client(db);
    expect((await c.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await c.end();
    const startedAt = Date.now();
    await db.close();
    expect(Date.now() - startedAt).toBeLessThan(3_000); // asked, not killed after the 3 s grace
    expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);

  it('refuses a data directory another live process is using, and takes one over from a dead owner', async () => {
    const dataDir = newDataDir();
    // Another process opens the directory, and its server is frozen, so it cannot notice its owner die.
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { startEmbeddedDatabase } from ${JSON.stringify(new URL('../src/embedded/supervisor.ts', import.meta.url).pathname)};
         const db = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)} });
         console.log('server ' + db.pid());`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const serverPid = await new Promise<number>((resolve) => {
      owner.stdout!.on('data', (d: Buffer) => {
        const m = /server (\d+)/.exec(String(d));
        if (m) resolve(Number(m[1]));
      });
    });
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/in use by process \d+/);

    process.kill(serverPid, 'SIGSTOP');
    owner.kill('SIGKILL');
    await new Promise((r) => owner.once('exit', r));
    const db = await start(dataDir);
    expect(db.state()).toBe('ready');
    expect(() => process.kill(serverPid, 0)).toThrow(); // the orphan is gone
  }, 60_000);
});
