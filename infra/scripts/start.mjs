// `pnpm start`: the whole marketplace on the embedded defaults (PGlite in .data/, Postgres
// full-text search, in-process jobs, dev mailbox) unless DATABASE_URL, REDIS_URL… say otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, root } from './lib.mjs';
import { supervise } from './supervisor.mjs';

const webDir = join(root, 'apps/web');
const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const webUrl = process.env.PUBLIC_APP_URL ?? `http://localhost:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;

// Build the web app only when its sources (or the shared contracts) changed since the last build.
const built = join(webDir, 'build/index.js');
const sources = newestMtime([join(webDir, 'src'), join(root, 'packages/contracts/src')]);
if (!existsSync(built) || newestMtime([join(webDir, 'build')]) < sources) {
  console.log('Building the web app…');
  const build = spawnSync(
    process.execPath,
    [join(webDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: webDir,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const watchdog = join(root, 'infra/scripts/stall-watchdog.mjs');
// A server whose health URL has not answered for this long is killed and started again.
const stallMs = Number(process.env.HANDOFF_STALL_MS ?? 30_000);
const { ready, stop } = supervise([
  {
    name: 'api',
    args: ['--import', watchdog, '--import', 'tsx', join(root, 'apps/api/src/server.ts')],
    health: `${apiUrl}/healthz`,
    stallMs,
    env: {
      PORT: apiPort,
      HOST: host,
      WEB_ORIGIN: webUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // The web server calls the api from loopback on behalf of each visitor and forwards their IP.
      TRUST_PROXY: process.env.TRUST_PROXY ?? '127.0.0.1',
      STALL_NAME: 'api',
    },
  },
  {
    name: 'web',
    args: ['--import', watchdog, 'build'],
    cwd: webDir,
    health: `http://127.0.0.1:${webPort}/healthz`,
    stallMs,
    // Logo uploads are up to 1 MB; adapter-node refuses bodies over 512 KB unless told otherwise.
    env: {
      PORT: webPort,
      HOST: host,
      ORIGIN: webUrl,
      API_URL: apiUrl,
      BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '2M',
      STALL_NAME: 'web',
    },
  },
]);
try {
  await ready;
} catch (error) {
  console.error(`Handoff did not start: ${error.message}`);
  await stop(1);
}

const database = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `PGlite, embedded, in ${process.env.DATA_DIR ?? '.data/pglite'} (its own process, restarted if it stops answering)`;
console.log(`
  Handoff is running.

    Web app   ${webUrl}
    API       http://localhost:${apiPort}   (OpenAPI docs: http://localhost:${apiPort}/docs)
    Database  ${database}

  Demo accounts (password handoff-demo-2026): owner@demo.handoff.test, provider@demo.handoff.test,
  admin@demo.handoff.test (operator view at /admin/jobs); 300 demo providers to find at /search.
  Press Ctrl-C to stop.
`);
