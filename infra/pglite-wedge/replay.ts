// Reproduction of PGlite's wedge (electric-sql/pglite#1068) for an upstream report: replays, in a
// fresh PGlite, the calls Handoff's api made on a first start (migrations, seed, the first searches),
// recorded as JSON lines by wrapping PGlite's query / exec / transaction. Nothing of Handoff runs.
//
//   node --import tsx infra/pglite-wedge/replay.ts [--runs=10] [--limit=60]
//
// Each run is a child process; one whose main thread makes no progress for --limit seconds is
// reported as wedged (a normal replay takes ~10 s) and killed. See README.md for what was measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

interface Entry {
  op: 'query' | 'exec' | 'begin' | 'commit' | 'rollback';
  text?: string;
  params?: unknown[];
  opts?: object;
}

if (process.env.REPLAY_CHILD) await replayOnce();
else {
  const runs = arg('runs', 10);
  const limit = arg('limit', 60);
  // The package does not export its package.json; its folder is found from its main file.
  const main = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const dir = '/node_modules/@electric-sql/pglite/';
  const pkg = join(main.slice(0, main.lastIndexOf(dir) + dir.length), 'package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  let wedged = 0;
  for (let run = 1; run <= runs; run++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, REPLAY_CHILD: '1', REPLAY_LIMIT_MS: String(limit * 1000) },
      encoding: 'utf8',
      timeout: (limit + 60) * 1000,
    });
    const last = `${child.stdout}`.trim().split('\n').at(-1) ?? '';
    if (!last.startsWith('ok')) wedged++;
    console.log(`run ${run}: ${last || `no output (${child.signal ?? child.status})`}`);
  }
  console.log(`PGlite ${version}: ${wedged} of ${runs} replays wedged`);
}

async function replayOnce() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const trace = gunzipSync(readFileSync(new URL('./trace.jsonl.gz', import.meta.url))).toString('utf8');
  const entries = trace
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Entry);
  const home = mkdtempSync(join(tmpdir(), 'pglite-wedge-'));
  const db = await PGlite.create(join(home, 'pglite'), { extensions: { btree_gin, pg_trgm } });

  // A thread of its own notices when the main thread, inside PGlite, stops coming back.
  const beat = new Float64Array(new SharedArrayBuffer(8));
  const at = new Int32Array(new SharedArrayBuffer(4));
  beat[0] = Date.now();
  setInterval(() => (beat[0] = Date.now()), 100).unref();
  new Worker(
    `const { workerData: w } = require('node:worker_threads');
     setInterval(() => {
       if (Date.now() - w.beat[0] < w.limit) return;
       require('node:fs').writeSync(1, 'WEDGED at entry ' + w.at[0] + '\\n');
       process.kill(process.pid, 'SIGKILL');
     }, 250);`,
    { eval: true, workerData: { beat, at, limit: Number(process.env.REPLAY_LIMIT_MS ?? 60_000) } },
  ).unref();

  type Target = {
    query: (t: string, p?: unknown[], o?: object) => Promise<unknown>;
    exec: (t: string) => Promise<unknown>;
  };
  const run = async (target: Target, e: Entry, i: number) => {
    at[0] = i;
    const done = e.op === 'query' ? target.query(e.text!, e.params, e.opts) : target.exec(e.text!);
    await done.catch((error: Error) => console.log(`entry ${i} failed: ${error.message}`));
  };
  let i = 0;
  while (i < entries.length) {
    if (entries[i]!.op === 'begin') {
      i++;
      await db
        .transaction(async (tx) => {
          for (; i < entries.length && !['commit', 'rollback'].includes(entries[i]!.op); i++)
            await run(tx, entries[i]!, i);
          if (entries[i]?.op === 'rollback') throw new Error('rolled back, as recorded');
        })
        .catch(() => {});
      i++;
    } else await run(db, entries[i]!, i++);
  }
  console.log(`ok ${i}`);
  await db.close();
  rmSync(home, { recursive: true, force: true });
}
