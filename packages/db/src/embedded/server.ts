// The embedded database's own process: PGlite on the data directory, served over the Postgres wire
// protocol on a Unix socket, so the api talks to it with `pg` as it would to PostgreSQL and a
// statement that never returns stalls this process, not the api. Started and watched by
// supervisor.ts; never run by hand.
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createWriteCounter } from './maintenance.ts';
import { createMultiplexer } from './multiplexer.ts';

const dataDir = process.env.HANDOFF_PGLITE_DIR ?? 'memory://';
const socketPath = process.env.HANDOFF_PGLITE_SOCKET;
const tracePath = process.env.HANDOFF_PGLITE_TRACE;
const maintenanceMs = Number(process.env.HANDOFF_PGLITE_MAINTENANCE_MS ?? 15_000);
if (!socketPath) throw new Error('HANDOFF_PGLITE_SOCKET is required');

const send = (message: object) => process.send?.(message);
const log = (line: string) => process.stderr.write(`[embedded db] ${line}\n`);

// The trace: each statement's SQL written synchronously before PGlite runs it, so that after a
// wedge or a crash the supervisor can say what was running. Rotated at 2 MB.
let traceFd: number | null = null;
let traceBytes = 0;
function openTrace() {
  if (!tracePath) return;
  traceFd = openSync(tracePath, 'a');
  traceBytes = statSync(tracePath).size;
}
function trace(connection: number, sql: string) {
  if (traceFd === null) return;
  const line = `${new Date().toISOString()} #${connection} ${sql.replace(/\s+/g, ' ').slice(0, 400)}\n`;
  traceBytes += writeSync(traceFd, line);
  if (traceBytes > 2_000_000) {
    closeSync(traceFd);
    renameSync(tracePath!, `${tracePath}.1`);
    openTrace();
  }
}

// The parent stops this process by asking (IPC), and exits cleanly when the parent is gone (the
// api's death must not leave the data directory held). SIGTERM is obeyed only when orphaned: the
// parent's process group gets it too when `pnpm start` stops, and a database that left first would
// look like a crash to its supervisor, which would start it again.
// Declared before any handler that reads them can run: a shutdown can arrive during the start.
let stopping = false;
let serving = false;
const parent = process.ppid;
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'shutdown') void shutdown(0);
});
process.on('disconnect', () => void shutdown(0));
// A wedged main thread never sees 'disconnect'. This thread does not share its event loop: once
// the parent has been gone for 5 s, it kills the process, so no orphan keeps spinning.
const orphanWatch = new Worker(
  `const { workerData } = require('node:worker_threads');
   let goneSince = 0;
   setInterval(() => {
     if (process.ppid === workerData.parent) return;
     goneSince ||= Date.now();
     if (Date.now() - goneSince > 5000) process.kill(process.pid, 'SIGKILL');
   }, 500);`,
  { eval: true, workerData: { parent } },
);
orphanWatch.unref();
process.on('SIGTERM', () => {
  if (process.ppid !== parent) void shutdown(0);
});
// Ctrl-C reaches the whole terminal group; the parent decides when the database stops.
process.on('SIGINT', () => {});

let pglite: PGlite;
try {
  pglite = await PGlite.create(dataDir, { extensions: { btree_gin, pg_trgm } });
} catch (error) {
  send({ type: 'failed', message: `PGlite could not open ${dataDir}: ${(error as Error).message}` });
  process.exit(1);
}
openTrace();

const writes = createWriteCounter();
const multiplexer = createMultiplexer(
  { execProtocolRaw: (bytes) => pglite.execProtocolRaw(bytes) },
  {
    onStatement(connection, sql) {
      trace(connection, sql);
      writes.record(sql);
    },
    onEngineFailure(error) {
      log(`PGlite failed and cannot be trusted any more: ${(error as Error)?.stack ?? String(error)}`);
      process.exit(70);
    },
  },
);

try {
  unlinkSync(socketPath);
} catch {
  // no stale socket
}
const server = createServer((socket) => multiplexer.attach(socket));
server.listen(socketPath, () => send({ type: 'ready', pid: process.pid }));

// Autovacuum's stand-in: tables that took enough writes are vacuumed between clients' work.
const maintenance = setInterval(() => void vacuumDue(), maintenanceMs);
serving = true;
maintenance.unref();
async function vacuumDue() {
  const due = writes.due();
  if (!due.length) return;
  await multiplexer.exclusive('maintenance', async () => {
    const existing = await pglite.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
         AND relname = ANY($1)`,
      [due],
    );
    for (const { relname } of existing.rows) {
      trace(0, `VACUUM (ANALYZE) "${relname}"`);
      await pglite.exec(`VACUUM (ANALYZE) "${relname}"`);
    }
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // Asked to stop while PGlite is still opening (the parent gave up on a slow start): there is
  // nothing to close yet, and the next start recovers from the write-ahead log.
  if (!serving) process.exit(code);
  clearInterval(maintenance);
  server.close();
  // Closing PGlite checkpoints, so the next start does not replay the write-ahead log.
  const timer = setTimeout(() => process.exit(code), 5_000);
  try {
    await multiplexer.exclusive('shutdown', () => pglite.close());
  } catch (error) {
    log(`closing PGlite failed: ${(error as Error).message}`);
  }
  clearTimeout(timer);
  try {
    unlinkSync(socketPath!);
  } catch {
    // already gone
  }
  process.exit(code);
}
