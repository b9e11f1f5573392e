import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const serverPath = fileURLToPath(new URL('./server.ts', import.meta.url));
// The server is TypeScript like the rest; tsx (a dependency of this package) loads it.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PORT = 5432;

export type EmbeddedState = 'starting' | 'ready' | 'restarting' | 'stopped';

export type EmbeddedEvent =
  | { type: 'ready'; pid: number; startMs: number; restarts: number }
  | { type: 'wedged'; pid: number; waitedMs: number; lastStatements: string[] }
  | { type: 'exited'; pid: number; code: number | null; signal: string | null; lastStatements: string[] };

export interface EmbeddedDatabaseOptions {
  /** PGlite data directory (created if missing), or `memory://` (lost on every restart). */
  dataDir: string;
  /** How often the watchdog asks the database `SELECT 1` (1 s). */
  probeIntervalMs?: number;
  /** A probe unanswered this long is a wedge: the process is killed and started again (5 s). */
  probeTimeoutMs?: number;
  /** Every lifecycle event: ready, wedged, exited (the api logs them). */
  onEvent?: (event: EmbeddedEvent) => void;
}

export interface EmbeddedDatabase {
  /** `pg` connection settings: a Unix socket in a private temporary directory. */
  connection: { host: string; port: number; user: string; database: string };
  /** postgres:// URL for the same socket, for another process (a worker, a CLI). */
  url: string;
  state(): EmbeddedState;
  /** Resolves once the database answers again (at once when it does). */
  whenReady(): Promise<void>;
  pid(): number | null;
  restarts(): number;
  close(): Promise<void>;
}

/**
 * Runs PGlite in a child process (server.ts) and keeps it answering: a probe query every second,
 * and a process that stops answering (a statement that never returns) or dies is killed and
 * started again on the same data directory, where PGlite recovers from its write-ahead log.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dataDir, probeIntervalMs = 1_000, probeTimeoutMs = 5_000, onEvent = () => {} } = options;
  const onDisk = !dataDir.startsWith('memory://');
  const socketDir = mkdtempSync(join(tmpdir(), 'handoff-db-'));
  const socketPath = join(socketDir, `.s.PGSQL.${PORT}`);
  const tracePath = onDisk ? `${dataDir}.trace.log` : join(socketDir, 'trace.log');
  const lockPath = onDisk ? `${dataDir}.lock` : null;
  if (lockPath) takeOverLock(lockPath);

  let child: ChildProcess | null = null;
  let state: EmbeddedState = 'starting';
  let restarts = 0;
  let backoffMs = 250;
  let readyWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  let probeClient: pg.Client | null = null;
  let probing = false;

  const connection = { host: socketDir, port: PORT, user: 'postgres', database: 'postgres' };

  function settle(error?: Error) {
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const w of waiters) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }

  function spawnServer(): void {
    const startedAt = Date.now();
    const proc = spawn(process.execPath, ['--import', tsxLoader, serverPath], {
      env: {
        ...process.env,
        HANDOFF_PGLITE_DIR: dataDir,
        HANDOFF_PGLITE_SOCKET: socketPath,
        HANDOFF_PGLITE_TRACE: tracePath,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = proc;
    if (lockPath) writeFileSync(lockPath, JSON.stringify({ server: proc.pid, owner: process.pid }));
    proc.on('message', (message: { type?: string; message?: string }) => {
      if (message?.type === 'ready') {
        state = 'ready';
        onEvent({ type: 'ready', pid: proc.pid!, startMs: Date.now() - startedAt, restarts });
        settle();
      } else if (message?.type === 'failed') {
        settle(new Error(message.message ?? 'the embedded database did not start'));
      }
    });
    proc.on('exit', (code, signal) => {
      if (child !== proc) return;
      child = null;
      disposeProbe();
      if (state === 'stopped') return;
      onEvent({ type: 'exited', pid: proc.pid!, code, signal, lastStatements: lastStatements(tracePath) });
      if (state === 'starting' && restarts === 0 && code === 1) {
        state = 'stopped';
        settle(new Error(`the embedded database exited while starting (code ${code})`));
        return;
      }
      state = 'restarting';
      restarts += 1;
      const delay = Date.now() - startedAt > 60_000 ? 250 : backoffMs;
      backoffMs = Math.min(delay * 2, 5_000);
      setTimeout(() => state !== 'stopped' && spawnServer(), delay).unref();
    });
  }

  /**
   * Drops the probe's connection without waiting: `end()` waits for the server to close its side,
   * which a wedged server never does, so the socket is destroyed as well.
   */
  function disposeProbe() {
    const client = probeClient;
    probeClient = null;
    if (!client) return;
    client.end().catch(() => {});
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }

  // The watchdog: the probe goes through the same multiplexer as the api's queries, so it waits
  // for a unit of work in progress; one that takes longer than probeTimeoutMs counts as a wedge.
  async function probe() {
    if (state !== 'ready' || probing || !child) return;
    probing = true;
    const proc = child;
    const startedAt = Date.now();
    const timer = setTimeout(() => {
      if (child !== proc || state !== 'ready') return;
      state = 'restarting';
      onEvent({
        type: 'wedged',
        pid: proc.pid!,
        waitedMs: Date.now() - startedAt,
        lastStatements: lastStatements(tracePath),
      });
      proc.kill('SIGKILL');
    }, probeTimeoutMs);
    try {
      if (!probeClient) {
        const client = new pg.Client(connection);
        client.on('error', () => {});
        probeClient = client;
        await client.connect();
      }
      await probeClient.query('SELECT 1');
    } catch {
      disposeProbe(); // the process died under it; its exit handler restarts it
    } finally {
      clearTimeout(timer);
      probing = false;
    }
  }
  const probeTimer = setInterval(() => void probe(), probeIntervalMs);
  probeTimer.unref();

  spawnServer();
  await new Promise<void>((resolve, reject) => readyWaiters.push({ resolve, reject })).catch(
    async (error) => {
      clearInterval(probeTimer);
      rmSync(socketDir, { recursive: true, force: true });
      if (lockPath) rmSync(lockPath, { force: true });
      throw error;
    },
  );

  return {
    connection,
    url: `postgres://postgres@localhost:${PORT}/postgres?host=${encodeURIComponent(socketDir)}`,
    state: () => state,
    whenReady: () =>
      state === 'ready'
        ? Promise.resolve()
        : new Promise((resolve, reject) => readyWaiters.push({ resolve, reject })),
    pid: () => child?.pid ?? null,
    restarts: () => restarts,
    async close() {
      if (state === 'stopped') return;
      state = 'stopped';
      clearInterval(probeTimer);
      disposeProbe();
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        // Asked over IPC (it ignores SIGTERM while it has a parent); a wedged one is killed.
        if (proc.connected) proc.send({ type: 'shutdown' });
        else proc.kill('SIGTERM');
        const killer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(killer);
      }
      child = null;
      settle(new Error('the embedded database was closed'));
      rmSync(socketDir, { recursive: true, force: true });
      if (lockPath) rmSync(lockPath, { force: true });
    },
  };
}

/** The last statements the server traced, newest last: what was running at a wedge or crash. */
export function lastStatements(tracePath: string, count = 12): string[] {
  try {
    const lines = readFileSync(tracePath, 'utf8').trimEnd().split('\n');
    return lines.slice(-count);
  } catch {
    return [];
  }
}

/**
 * One process per data directory. A lock left by a live owner means the database is in use (say,
 * `pnpm start` is running): refuse. A lock whose owner died but whose server still runs (a wedged
 * server that missed its parent's death) is an orphan holding the directory: kill it.
 */
function takeOverLock(lockPath: string): void {
  if (!existsSync(lockPath)) return;
  let lock: { server?: number; owner?: number };
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch {
    unlinkSync(lockPath);
    return;
  }
  const { server, owner } = lock;
  if (owner && owner !== process.pid && alive(owner) && isOurServer(server)) {
    throw new Error(
      `The embedded database in ${lockPath.replace(/\.lock$/, '')} is in use by process ${owner} ` +
        '(is `pnpm start` running?). Stop it first, or set DATABASE_URL to use PostgreSQL.',
    );
  }
  if (server && alive(server) && isOurServer(server)) {
    process.kill(server, 'SIGKILL');
    const deadline = Date.now() + 5_000;
    while (alive(server) && Date.now() < deadline)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  unlinkSync(lockPath);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, the pid is checked to be this server (pids are reused); elsewhere it is trusted. */
function isOurServer(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('embedded/server');
  } catch {
    return !existsSync('/proc');
  }
}
