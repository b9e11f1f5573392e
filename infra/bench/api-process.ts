// The real api in a child process on a free loopback port, and the server-level statements a bench
// runs on the Postgres it uses (creating and dropping its own database).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs one statement on the server's `postgres` database (CREATE / DROP DATABASE). */
export async function admin(url: string, text: string): Promise<void> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** `url` with its database replaced. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A port nothing listens on now, on loopback. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** `node apps/api/src/server.ts` with this environment, once its /readyz answers. */
export async function startApi(
  env: Record<string, string | undefined>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  // `BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR'` profiles the apis (NODE_OPTIONS refuses it).
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const serverPath = join(root, 'apps/api/src/server.ts');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', serverPath], {
    cwd: root,
    env: { ...childEnv, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the api did not become ready in 180 s');
    }
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM after a short pause, so the last in-flight requests finish before the api shuts its pool. */
export async function stopApi(child: ChildProcess): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
