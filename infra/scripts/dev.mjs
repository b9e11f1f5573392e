// `pnpm dev`: the api restarts on change (tsx watch) and the web app hot-reloads (vite dev).
import { join } from 'node:path';
import { root, run, superviseAll } from './lib.mjs';

const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const webDir = join(root, 'apps/web');

const api = run('api', ['--import', 'tsx', '--watch', join(root, 'apps/api/src/server.ts')], {
  env: { PORT: apiPort, WEB_ORIGIN: `http://localhost:${webPort}` },
});
const web = run(
  'web',
  [join(webDir, 'node_modules/vite/bin/vite.js'), 'dev', '--port', webPort, '--strictPort'],
  {
    cwd: webDir,
    env: { API_URL: `http://127.0.0.1:${apiPort}` },
  },
);
superviseAll([api, web]);
console.log(`Web http://localhost:${webPort} · API http://localhost:${apiPort} (docs at /docs)`);
