// Child processes the queue benches share: a tsx child (the real worker, the bare BullMQ worker, the
// SMTP sink), waiting for a worker's ready line, stopping it, polling for a condition, and the bare
// BullMQ → SMTP baseline the worker's throughput is compared with.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { producerConnection } from '@handoff/queue';
import { Queue } from 'bullmq';
import { root } from './api-process.ts';

/**
 * A child process running TypeScript through tsx, with IPC. BENCH_CHILD_PROF=dir writes a
 * --cpu-prof of it there.
 */
export function child(
  script: string,
  env: Record<string, string> = {},
  stdout: 'pipe' | 'inherit' = 'pipe',
): ChildProcess {
  return fork(script, [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CHILD_PROF] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
}

/**
 * Resolves when a worker logs that it has started (the real and the bare worker both print
 * `worker started` once their consumers are created), with the time it did. Benches time a worker
 * from this line, not from the spawn: loading and compiling the worker through tsx is start-up cost,
 * not queue throughput. `echo` passes the worker's output through (else it is read and dropped, so
 * the pipe never fills).
 */
export function started(proc: ChildProcess, echo = false): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let seen = false;
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (echo) process.stdout.write(chunk);
      if (seen) return;
      buffered += chunk.toString('utf8');
      if (buffered.includes('worker started')) {
        seen = true;
        resolve(performance.now());
      }
    });
    proc.once('exit', (code) => reject(new Error(`worker exited with ${code} before it started`)));
  });
}

/** SIGTERM, and wait for the exit (at once if it has exited already). */
export async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/** Polls `check` every 5 ms until it holds (true) or `timeoutMs` passes (false); `progress` every 5 s. */
export async function waitFor(check: () => boolean, timeoutMs: number, progress?: () => string) {
  const deadline = Date.now() + timeoutMs;
  let nextReport = Date.now() + 5_000;
  while (!check()) {
    if (progress && Date.now() > nextReport) {
      process.stderr.write(`  … ${progress()}\n`);
      nextReport = Date.now() + 5_000;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/** The SMTP sink in its own process (`sink.process.ts`): its URL, and every Message-ID it accepted. */
export async function startSink() {
  const proc = child(join(root, 'infra/bench/sink.process.ts'), {}, 'inherit');
  const ids: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code} before it listened`)));
    proc.on('message', (m: { port?: number; ids?: string[] }) => {
      if (m.port) resolve(m.port);
      if (m.ids) ids.push(...m.ids);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    pid: proc.pid,
    ids,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.send({ stop: true });
      }),
  };
}
export type Sink = Awaited<ReturnType<typeof startSink>>;

/**
 * The baseline: `jobs` e-mails queued in BullMQ at once, then a bare BullMQ worker
 * (`bare-worker.process.ts`, no database) sending them to the sink, timed from its ready line to the
 * last message. `measure` is called with the worker process at both ends of the timed span (the queue
 * bench reads its CPU time there).
 */
export async function bare(
  sink: Sink,
  options: {
    jobs: number;
    redisUrl: string;
    concurrency: number;
    smtpPool: number;
    measure?: (at: 'start' | 'end', worker: ChildProcess) => void;
  },
) {
  const { jobs, redisUrl } = options;
  const prefix = `bench-bare-${randomBytes(3).toString('hex')}`;
  const producer = producerConnection(redisUrl);
  const queue = new Queue('bare', { connection: producer, prefix });
  const start = sink.ids.length;
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'mail', data: { n: i + k } })),
    );
  }
  const worker = child(join(root, 'infra/bench/bare-worker.process.ts'), {
    REDIS_URL: redisUrl,
    SMTP_URL: sink.url,
    QUEUE_PREFIX: prefix,
    CONCURRENCY: String(options.concurrency),
    SMTP_POOL_SIZE: String(options.smtpPool),
  });
  const t0 = await started(worker);
  options.measure?.('start', worker);
  await waitFor(
    () => sink.ids.length - start >= jobs,
    300_000,
    () => `bare: ${sink.ids.length - start} received`,
  );
  const seconds = (performance.now() - t0) / 1000;
  options.measure?.('end', worker);
  await stopChild(worker);
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect(); // a Queue does not close a connection it was given
  return { seconds, jobsPerS: jobs / seconds, received: sink.ids.length - start };
}
