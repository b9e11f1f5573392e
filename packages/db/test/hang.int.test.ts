import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// CI must never wait out its time limit on a database that stopped answering: the test file fails
// within its timeout, and the report names it. PGlite runs in a process of its own, so the test's
// event loop stays free to notice.
const postgresProject = process.env.HANDOFF_TEST_DB === 'postgres';
if (postgresProject) console.log('[handoff] the hung-database test runs in the pglite project only');

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const vitest = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));

describe.skipIf(postgresProject)('a test file whose embedded database stops answering', () => {
  it('fails within its timeout, naming the file, instead of hanging', async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [vitest, 'run', '--root', fixtures, '--reporter', 'default'], {
      env: { ...process.env, CI: 'true', HANDOFF_PGLITE_TEMPLATE: process.env.HANDOFF_PGLITE_TEMPLATE ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const seconds = (Date.now() - started) / 1000;

    expect(code, output).toBe(1);
    expect(output).toContain('wedged-database.fixture.ts');
    expect(output).toMatch(/Test timed out in 3000ms/);
    expect(seconds).toBeLessThan(60);
  }, 90_000);
});
