import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Real servers as child processes, for the browser project's global setup and for tests that start
// a deployment of their own (two-of-everything).

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const webDir = join(root, 'apps/web');

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

export interface Started {
  name: string;
  child: ChildProcess;
  /** The last 4,000 characters it printed, headed by its name: for error messages. */
  log: () => string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Resolves when `url` answers below 500; fails at once, with the log, if the process exits first. */
export async function waitFor(
  url: string,
  started: Pick<Started, 'child' | 'name' | 'log'>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null)
      throw new Error(`${started.name} exited early (${started.child.exitCode}):\n${started.log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${started.name} did not become ready at ${url}:\n${started.log()}`);
}

/**
 * `node args…` with `env` over this process's environment, minus `drop` (the browser journeys drop
 * the engine variables, so their api runs on the embedded defaults). Its output is kept for `log()`
 * and, with `logFile`, written there in full.
 */
export function startNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; drop?: readonly string[]; logFile?: string } = {},
): Started {
  const { cwd = root, drop = [], logFile } = options;
  let out = '';
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !drop.includes(k)),
  ) as Record<string, string>;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let file: ReturnType<typeof createWriteStream> | undefined;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    file = createWriteStream(logFile);
  }
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    file?.write(d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => file?.end());
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  return {
    name,
    child,
    log: () => `${name}:\n${out.slice(-4000)}`,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited();
      clearTimeout(timer);
    },
  };
}
