// pnpm bench soak [--seconds=300] [--connections=6] [--runs=1]
// `pnpm start`'s own processes on the embedded defaults, on a fresh data directory, driven for a
// bounded time from several connections with what churns the database (see soak-workload.ts). It
// watches for the api not answering /healthz within 10 s, for the embedded database wedging or
// dying (the api's log says so, with the statements it was running), and for processes restarted
// by the supervisor. Then it stops the stack with SIGINT (as Ctrl-C would), starts it again on the
// same directory and checks that every write the api acknowledged is there. Each run prints a table
// and one JSON line; with --runs=N the very last line sums them up.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkload, type Outcome } from './soak-workload.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 300);
const CONNECTIONS = arg('connections', 6);
const RUNS = arg('runs', 1);
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'test-output/soak');
mkdirSync(outDir, { recursive: true });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface StackEvent {
  at: number;
  kind: 'db-wedged' | 'db-exited' | 'db-ready' | 'restarted' | 'blocked' | 'api-wedged';
  text: string;
  ms?: number;
}

/** `pnpm start` on a data directory, its output kept in a log file and scanned for events. */
function startStack(
  dataDir: string,
  apiPort: number,
  webPort: number,
  logPath: string,
  events: StackEvent[],
) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const engine of ['DATABASE_URL', 'REDIS_URL', 'MEILI_URL', 'SMTP_URL']) delete env[engine];
  const child = spawn(process.execPath, [join(root, 'infra/scripts/start.mjs')], {
    cwd: root,
    env: {
      ...env,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logPath, { flags: 'a' });
  let lastStatements: string[] | null = null;
  let rest = '';
  const scan = (chunk: Buffer) => {
    log.write(chunk);
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const at = Date.now();
      if (lastStatements && /^api\s+│\s{5}/.test(line)) lastStatements.push(line.replace(/^api\s+│\s+/, ''));
      else lastStatements = null;
      if (/embedded database pid \d+ did not answer/.test(line)) {
        lastStatements = [];
        events.push({ at, kind: 'db-wedged', text: line });
      } else if (/embedded database pid \d+ exited/.test(line)) {
        // The SIGKILL that ends a wedge is part of that wedge, not a crash of its own.
        const pid = /pid (\d+)/.exec(line)?.[1];
        const wedge = events.findLast((e) => e.kind === 'db-wedged');
        if (!(wedge && /SIGKILL/.test(line) && wedge.text.includes(`pid ${pid} `))) {
          lastStatements = [];
          events.push({ at, kind: 'db-exited', text: line });
        }
      } else if (/embedded database ready .*restart \d+/.test(line))
        events.push({ at, kind: 'db-ready', text: line });
      else if (/supervisor │ .*(exited|was killed)/.test(line))
        events.push({ at, kind: 'restarted', text: line });
      else if (/\[watchdog\] api: event loop was blocked for ([\d.]+) s/.test(line)) {
        const seconds = Number(/blocked for ([\d.]+) s/.exec(line)![1]);
        events.push({ at, kind: 'blocked', text: line, ms: seconds * 1000 });
      }
      const last = events.at(-1);
      if (lastStatements && last && (last.kind === 'db-wedged' || last.kind === 'db-exited')) {
        last.text = [last.text.replace(/^api\s+│\s+/, ''), ...lastStatements].join('\n    ');
      }
    }
  };
  child.stdout!.on('data', scan);
  child.stderr!.on('data', scan);
  return { child, close: () => log.end() };
}

async function waitReady(url: string, child: ChildProcess, ms = 240_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${url} was not ready within ${ms / 1000} s`);
}

/** SIGINT, as Ctrl-C; seconds until pnpm start and everything it started are gone. */
async function stopStack(child: ChildProcess): Promise<number> {
  const started = Date.now();
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  }
  return (Date.now() - started) / 1000;
}

const pct = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function soak(run: number) {
  const home = mkdtempSync(join(tmpdir(), 'handoff-soak-'));
  const dataDir = join(home, 'pglite');
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const logPath = join(outDir, `run-${run}.log`);
  rmSync(logPath, { force: true });
  const events: StackEvent[] = [];
  console.log(
    `\nsoak run ${run}: ${SECONDS} s, ${CONNECTIONS} connections, data in ${dataDir}, log ${logPath}`,
  );

  let stack = startStack(dataDir, apiPort, webPort, logPath, events);
  await waitReady(`${apiUrl}/readyz`, stack.child);

  // /healthz every 250 ms: its latency is how long the api's event loop was busy; no answer within
  // 10 s is a wedge of the api itself.
  const health: number[] = [];
  let monitoring = true;
  const monitor = (async () => {
    while (monitoring) {
      const started = performance.now();
      try {
        await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
        health.push(performance.now() - started);
      } catch (error) {
        if ((error as Error).name === 'TimeoutError')
          events.push({ at: Date.now(), kind: 'api-wedged', text: '/healthz did not answer within 10 s' });
      }
      await sleep(250);
    }
  })();

  const outcomes: Array<Outcome & { end: number }> = [];
  const workload = createWorkload(apiUrl, (o) => outcomes.push({ ...o, end: Date.now() }));
  const startedAt = Date.now();
  const until = startedAt + SECONDS * 1000;
  let lastReport = startedAt;
  const loops = Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      await workload.step();
      if (Date.now() - lastReport >= 30_000) {
        lastReport = Date.now();
        const done = outcomes.filter((o) => o.end > lastReport - 30_000).length;
        console.log(
          `  ${Math.round((lastReport - startedAt) / 1000)} s: ${round(done / 30)} requests/s, ${events.filter((e) => e.kind === 'db-wedged' || e.kind === 'db-exited').length} database restarts`,
        );
      }
    }
  });
  await Promise.all(loops);
  const elapsed = (Date.now() - startedAt) / 1000;
  monitoring = false;
  await monitor;

  const stopSeconds = await stopStack(stack.child);
  stack.close();
  // Everything acknowledged must be there after a restart on the same directory.
  stack = startStack(dataDir, apiPort, webPort, logPath, []);
  await waitReady(`${apiUrl}/readyz`, stack.child);
  const { checked, lost } = await workload.verify(apiUrl);
  await stopStack(stack.child);
  stack.close();
  rmSync(home, { recursive: true, force: true });

  // Figures.
  const failed = (o: Outcome) => o.status === 0 || o.status >= 500;
  let windowStart: number | null = null;
  let maxUnavailable = 0;
  for (const o of [...outcomes].sort((a, b) => a.end - b.end)) {
    if (failed(o)) windowStart ??= o.end - o.ms;
    else if (windowStart !== null) {
      maxUnavailable = Math.max(maxUnavailable, o.end - windowStart);
      windowStart = null;
    }
  }
  // Throughput is work done: a request turned away with 503 is fast and would flatter the minute it fell in.
  const perMinute = (from: number) =>
    outcomes.filter((o) => !failed(o) && o.end >= from && o.end < from + 60_000).length / 60;
  const firstMin = perMinute(startedAt);
  const lastMin = perMinute(startedAt + (elapsed - 60) * 1000);
  const trouble = events.filter(
    (e) =>
      e.kind === 'db-wedged' || e.kind === 'db-exited' || e.kind === 'restarted' || e.kind === 'api-wedged',
  );
  const recovered = trouble.filter((e) => {
    const back = outcomes.find((o) => o.end > e.at && !failed(o));
    return back && back.end - e.at <= 15_000;
  }).length;
  const blockedMs = Math.max(0, ...events.filter((e) => e.kind === 'blocked').map((e) => e.ms ?? 0));

  const ops = [...new Set(outcomes.map((o) => o.op))].sort();
  console.log(`\n  operation        count    ok   503  other-5xx  no-answer   p50 ms   p95 ms`);
  for (const op of ops) {
    const mine = outcomes.filter((o) => o.op === op);
    const ok = mine.filter((o) => o.status > 0 && o.status < 500).length;
    console.log(
      `  ${op.padEnd(15)}${String(mine.length).padStart(6)}${String(ok).padStart(6)}${String(mine.filter((o) => o.status === 503).length).padStart(6)}` +
        `${String(mine.filter((o) => o.status > 503 || o.status === 500 || o.status === 502).length).padStart(11)}${String(mine.filter((o) => o.status === 0).length).padStart(11)}` +
        `${round(
          pct(
            mine.map((o) => o.ms),
            50,
          ),
        )
          .toString()
          .padStart(9)}${round(
          pct(
            mine.map((o) => o.ms),
            95,
          ),
        )
          .toString()
          .padStart(9)}`,
    );
  }
  console.log(
    `\n  answered requests/s: first minute ${round(firstMin)}, last minute ${round(lastMin)} (ratio ${round(lastMin / firstMin, 2)})`,
  );
  console.log(
    `  /healthz while loaded: p50 ${round(pct(health, 50))} ms, p99 ${round(pct(health, 99))} ms, max ${round(Math.max(0, ...health))} ms; longest event-loop block the api reported: ${blockedMs} ms`,
  );
  console.log(
    `  wedges and crashes: ${trouble.length}, recovered within 15 s: ${recovered}, longest unavailability: ${round(maxUnavailable / 1000, 2)} s`,
  );
  console.log(
    `  Ctrl-C stopped everything in ${round(stopSeconds, 2)} s; after a restart ${checked} acknowledged writes checked, ${lost.length} missing`,
  );
  for (const e of trouble) console.log(`  ${new Date(e.at).toISOString()} ${e.kind}: ${e.text}`);
  for (const l of lost.slice(0, 10)) console.log(`  LOST ${l}`);

  return {
    bench: 'soak',
    seconds: Math.round(elapsed),
    requests: outcomes.length,
    wedges: trouble.filter((e) => e.kind === 'db-wedged' || e.kind === 'api-wedged').length,
    crashes: trouble.filter((e) => e.kind === 'db-exited' || e.kind === 'restarted').length,
    recovered,
    max_unavailable_s: round(maxUnavailable / 1000, 2),
    lost: lost.length,
    first_min_rps: round(firstMin),
    last_min_rps: round(lastMin),
    max_healthz_ms: round(Math.max(0, ...health)),
    max_block_ms: blockedMs,
    stop_s: round(stopSeconds, 2),
  };
}

const results: Array<Awaited<ReturnType<typeof soak>>> = [];
for (let run = 1; run <= RUNS; run++) {
  const result = await soak(run);
  results.push(result);
  console.log(JSON.stringify(result));
}
if (RUNS > 1) {
  const sum = (k: keyof (typeof results)[number]) => results.reduce((s, r) => s + Number(r[k]), 0);
  const max = (k: keyof (typeof results)[number]) => Math.max(...results.map((r) => Number(r[k])));
  console.log(
    JSON.stringify({
      bench: 'soak',
      runs: RUNS,
      seconds: sum('seconds'),
      requests: sum('requests'),
      wedges: sum('wedges'),
      crashes: sum('crashes'),
      recovered: sum('recovered'),
      max_unavailable_s: max('max_unavailable_s'),
      lost: sum('lost'),
      first_min_rps: round(Math.min(...results.map((r) => r.first_min_rps))),
      last_min_rps: round(Math.min(...results.map((r) => r.last_min_rps))),
      worst_last_over_first: round(Math.min(...results.map((r) => r.last_min_rps / r.first_min_rps)), 2),
      max_healthz_ms: max('max_healthz_ms'),
      max_block_ms: max('max_block_ms'),
      stop_s: max('stop_s'),
    }),
  );
}
process.exit(0);
