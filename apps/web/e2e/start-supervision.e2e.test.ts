import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `pnpm start` as a person runs it (its own script, the embedded defaults, a fresh data directory),
// with the stall limit lowered so the test does not wait 30 s. The web build the browser project's
// global set-up made is reused.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
/** Running, that is: a zombie (exited, waiting for init to reap it) is not. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
};
async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200 ? true : undefined;
  } catch {
    return undefined;
  }
};

describe('pnpm start supervises what it started', () => {
  let home: string;
  let dataDir: string;
  let start: ChildProcess;
  let output = '';
  let apiUrl: string;
  const lock = () => JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { server: number; owner: number };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'handoff-start-'));
    dataDir = join(home, 'pglite');
    const [apiPort, webPort] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !['DATABASE_URL', 'REDIS_URL', 'MEILI_URL', 'SMTP_URL'].includes(k),
      ),
    );
    start = spawn(process.execPath, [join(root, 'infra/scripts/start.mjs')], {
      cwd: root,
      env: {
        ...env,
        DATA_DIR: dataDir,
        API_PORT: String(apiPort),
        WEB_PORT: String(webPort),
        HANDOFF_STALL_MS: '6000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (d) => (output += d));
    start.stderr!.on('data', (d) => (output += d));
    await until(
      'Handoff is running',
      () => (output.includes('Handoff is running') ? true : undefined),
      170_000,
    );
  }, 180_000);

  afterAll(async () => {
    if (start?.exitCode === null) start.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('kills and starts again an api whose event loop stopped, and says why', async () => {
    const stalled = lock().owner;
    process.kill(stalled, 'SIGSTOP'); // as good as a wedged event loop: nothing in it runs
    const restartedAt = Date.now();
    const fresh = await until(
      'a new api process',
      () => {
        try {
          const owner = lock().owner;
          return owner !== stalled ? owner : undefined;
        } catch {
          return undefined;
        }
      },
      45_000,
    );
    await until('/readyz from the new api', () => answers(`${apiUrl}/readyz`), 60_000);
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    expect(alive(stalled)).toBe(false);
    expect(alive(fresh)).toBe(true);
    expect(output).toMatch(
      /api was killed \(SIGKILL\) because http:\/\/127\.0\.0\.1:\d+\/healthz did not answer for \d+ s/,
    );
    // What was written before is still there: the demo accounts log in.
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@demo.handoff.test', password: 'handoff-demo-2026' }),
    });
    expect(login.status).toBe(200);
  }, 120_000);

  it('stops everything on Ctrl-C within a few seconds, even with the api stalled', async () => {
    const { owner: api, server: database } = lock();
    process.kill(api, 'SIGSTOP');
    const stoppedAt = Date.now();
    const exited = new Promise((r) => start.once('exit', r));
    start.kill('SIGINT');
    await exited;
    expect(Date.now() - stoppedAt).toBeLessThan(8_000);
    expect(alive(api)).toBe(false);
    expect(alive(database)).toBe(false);
  }, 30_000);
});
