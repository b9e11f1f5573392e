import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase, type EmbeddedEvent } from './embedded/supervisor.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One type for both engines and for transactions: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** A trivial round trip, for readiness checks. */
  ping(): Promise<void>;
  /**
   * Why requests should be turned away now (the embedded database is restarting), or null. The
   * api answers 503 with Retry-After instead of letting them wait on a database that isn't there.
   */
  unavailable(): string | null;
  close(): Promise<void>;
  /** The embedded database's process, when there is one (PGlite). */
  embedded?: EmbeddedDatabase;
}

export interface DatabaseOptions {
  /** postgres://… — when set, node-postgres is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory. Used when `url` is absent. */
  dataDir?: string | undefined;
  /** node-postgres pool size. */
  poolMax?: number;
  /** The embedded database's lifecycle (wedges, crashes, restarts), for the log. */
  onEmbeddedEvent?: (event: EmbeddedEvent) => void;
  /** The embedded watchdog's probe timeout (5 s); bulk loads with minute-long statements raise it. */
  probeTimeoutMs?: number;
}

/**
 * A connection that drops (the database restarted) must not crash the process. The pool listens
 * for errors on idle clients only; a client checked out between two queries of a transaction
 * would emit its error to no one, which Node turns into an uncaught exception. Its next query
 * fails instead, and the request that made it gets a 503.
 */
function keepErrorsInside(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
    keepErrorsInside(pool);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await pool.query('select 1');
      },
      unavailable: () => null,
      close: () => pool.end(),
    };
  }
  // PGlite runs in a process of its own, served over the wire protocol, so the same `pg` driver
  // talks to it and a statement that never returns cannot stall this process (see embedded/).
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const embedded = await startEmbeddedDatabase({
    dataDir,
    onEvent: options.onEmbeddedEvent,
    probeTimeoutMs: options.probeTimeoutMs,
  });
  // A wedged server accepts no connection; the watchdog restarts it well within this.
  const pool = new pg.Pool({
    ...embedded.connection,
    max: options.poolMax ?? 4,
    connectionTimeoutMillis: 15_000,
  });
  keepErrorsInside(pool);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    embedded,
    ping: async () => {
      await pool.query('select 1');
    },
    unavailable: () =>
      embedded.state() === 'ready' ? null : 'The database is restarting; try again in a few seconds.',
    close: async () => {
      // A pool with a query stuck in a wedged database never ends on its own: give it a moment,
      // then stop the database, which ends every connection (and the pool with them).
      const ended = pool.end();
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2_000).unref())]);
      await embedded.close();
      await ended;
    },
  };
}
