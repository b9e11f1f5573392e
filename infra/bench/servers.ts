// A Postgres and a Redis of the bench's own, on spare loopback ports, that it may restart and stop
// at will (the machine's shared servers are never touched). Postgres runs as the postgres user
// (initdb refuses root) with its data directory and unix socket in a temp directory owned by it;
// Redis keeps nothing on disk, as a cache-and-queue Redis often does.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort } from './api-process.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A Postgres binary run as the postgres user (when we are root) or as ourselves. */
function command(binary: string, args: string[]): [string, string[]] {
  const file = join(PG_BIN, binary);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}
function asPostgres(binary: string, args: string[]): string {
  return execFileSync(...command(binary, args), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
/** The same without blocking: the load keeps running while Postgres restarts. */
const asPostgresAsync = (binary: string, args: string[]) =>
  promisify(execFile)(...command(binary, args), { encoding: 'utf8' });

export interface OwnPostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  stop(): void;
}

export async function startPostgres(dir: string): Promise<OwnPostgres> {
  const port = await freePort();
  const data = join(dir, 'pgdata');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // Enough connections for two apis, two workers and the bench; fsync off: this is a bench's
  // throwaway cluster, and a fast restart flushes everything anyway.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  const log = join(dir, 'postgres.log');
  asPostgres('pg_ctl', ['start', '-w', '-D', data, '-l', log, '-o', options]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async () => {
      // -l: the new postmaster writes to the log, not to our pipes (which would never close).
      await asPostgresAsync('pg_ctl', ['restart', '-w', '-m', 'fast', '-D', data, '-l', log, '-o', options]);
    },
    stop: () => {
      try {
        asPostgres('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
      } catch {
        // not running
      }
    },
  };
}

export interface OwnRedis {
  url: string;
  /** SIGTERM and wait: the port is closed when this resolves. */
  stop(): Promise<void>;
  /** A new server on the same port, once it answers PING. */
  start(): Promise<void>;
}

export async function startRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  async function start() {
    proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      const ok = await probe.connect().then(
        () => probe.ping().then(() => true),
        () => false,
      );
      probe.disconnect();
      if (ok) return;
      if (proc.exitCode !== null)
        throw new Error(`redis-server on port ${port} exited with ${proc.exitCode}`);
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer in 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function stop() {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
  await start();
  return { url, start, stop };
}

/** A temp directory the postgres user owns (so initdb, run as it, can write there). */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'handoff-load-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(path, uid, gid);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs one statement on `url`'s server (its `postgres` database). */
export async function query<R>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as R[];
  } finally {
    await client.end();
  }
}
