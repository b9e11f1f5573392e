import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const watchdog = fileURLToPath(new URL('./stall-watchdog.mjs', import.meta.url));
const run = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', watchdog, '-e', script], {
    env: { ...process.env, STALL_NAME: 'test', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('the stall watchdog preloaded into the api and the web server', () => {
  it('logs a stall longer than the limit and kills the process, which cannot do it itself', () => {
    const result = run('setTimeout(() => { for (;;) {} }, 100)', { STALL_EXIT_MS: '1500' });
    expect(result.signal).toBe('SIGKILL');
    expect(result.stderr).toMatch(
      /\[watchdog\] test: event loop blocked for \d+ s \(limit 1\.5 s\); killing process \d+/,
    );
  });

  it('only warns about a shorter block, and lets a healthy process exit on its own', () => {
    // A server goes on after a block; this one lives long enough for the next check to see it.
    const result = run(
      'setTimeout(() => { const t = Date.now(); while (Date.now() - t < 1300) {} setTimeout(() => {}, 600); }, 100)',
      {
        STALL_EXIT_MS: '5000',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\[watchdog\] test: event loop was blocked for 1\.\d s/);
    expect(result.stderr).not.toMatch(/killing/);
  });
});
