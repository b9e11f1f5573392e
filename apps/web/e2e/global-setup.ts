import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, root, startNode, waitFor, webDir as web } from './processes.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jwtSecret = 'e2e-secret-that-is-at-least-32-characters';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    chromium: string | null;
    /** The api's secret, so tests can sign the links its e-mails would carry (unsubscribe). */
    jwtSecret: string;
    /** The api's own address, for tests that set their data up through it (quicker than the pages). */
    apiUrl: string;
    /**
     * The api's temporary directory, where the embedded database's socket lives (handoff-db-*): for
     * tests that must move time on (a review three months after hiring), which no page can do.
     */
    apiTmpDir: string;
  }
}

// The browser journeys run the api on its embedded defaults (PGlite, in-process jobs, dev mailbox),
// whatever engines the environment points at: the real engines have suites of their own.
const engineVars = ['DATABASE_URL', 'REDIS_URL', 'MEILI_URL', 'SMTP_URL'];

/** Builds the web app and starts the real api and web servers the browser tests drive. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    console.log(
      `[handoff] browser tests not run: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
    project.provide('chromium', null);
    project.provide('webUrl', '');
    project.provide('jwtSecret', '');
    project.provide('apiUrl', '');
    project.provide('apiTmpDir', '');
    return;
  }
  project.provide('chromium', chromiumPath);

  const build = spawnSync(process.execPath, [join(web, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: web,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
  const apiTmpDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-tmp-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = startNode(
    'api',
    ['--import', 'tsx', join(root, 'apps/api/src/server.ts')],
    {
      NODE_ENV: 'test',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_ORIGIN: webUrl,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000',
      JWT_SECRET: jwtSecret,
      TMPDIR: apiTmpDir,
      // As `pnpm start` runs it: the web app in front passes on who is really asking.
      TRUST_PROXY: '127.0.0.1',
    },
    { drop: engineVars },
  );
  const webServer = startNode(
    'web',
    ['build'],
    {
      PORT: String(webPort),
      HOST: '127.0.0.1',
      ORIGIN: webUrl,
      API_URL: `http://127.0.0.1:${apiPort}`,
      // As documented in apps/web/README.md: room for a 1 MB logo and the rest of the profile form.
      BODY_SIZE_LIMIT: '2M',
      // Stands in for a proxy in front of the web app: a test's browser can come from another address
      // (a reference customer's office) by sending X-Forwarded-For; without it the socket's is used.
      ADDRESS_HEADER: 'x-forwarded-for',
    },
    { cwd: web, drop: engineVars },
  );
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/readyz`, api);
    await waitFor(webUrl, webServer);
  } catch (error) {
    api.child.kill();
    webServer.child.kill();
    throw error;
  }
  project.provide('webUrl', webUrl);
  project.provide('jwtSecret', jwtSecret);
  project.provide('apiUrl', `http://127.0.0.1:${apiPort}`);
  project.provide('apiTmpDir', apiTmpDir);

  return async () => {
    for (const child of [webServer.child, api.child]) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(apiTmpDir, { recursive: true, force: true });
  };
}
