// Preloaded into the api and the web server by `pnpm start` (node --import): a thread of its own
// watches the main thread's event loop. A stall over STALL_WARN_MS (1 s) is logged when it ends;
// one over STALL_EXIT_MS (30 s) is logged and the process killed, since a stalled event loop never
// runs its own SIGTERM handler; `pnpm start` then starts it again. The thread cannot be stalled by
// the main thread's JavaScript, only by the whole process being stopped.
import { isMainThread, Worker } from 'node:worker_threads';

const exitMs = Number(process.env.STALL_EXIT_MS ?? 30_000);
const warnMs = Number(process.env.STALL_WARN_MS ?? 1_000);
const name = process.env.STALL_NAME ?? 'process';

if (isMainThread && exitMs > 0) {
  // beat[0]: the main thread's last turn of the event loop (ms since the epoch, low precision ok).
  const beat = new Float64Array(new SharedArrayBuffer(8));
  beat[0] = Date.now();
  setInterval(() => {
    const late = Date.now() - beat[0] - 250;
    if (late > warnMs)
      process.stderr.write(`[watchdog] ${name}: event loop was blocked for ${(late / 1000).toFixed(1)} s\n`);
    beat[0] = Date.now();
  }, 250).unref();

  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const { writeSync } = require('node:fs');
    const { beat, exitMs, name } = workerData;
    setInterval(() => {
      const stalled = Date.now() - beat[0];
      if (stalled < exitMs) return;
      writeSync(2, '[watchdog] ' + name + ': event loop blocked for ' + Math.round(stalled / 1000) +
        ' s (limit ' + exitMs / 1000 + ' s); killing process ' + process.pid + ' so it can be restarted\\n');
      process.kill(process.pid, 'SIGKILL');
    }, Math.min(1000, exitMs / 4));
    `,
    { eval: true, workerData: { beat, exitMs, name } },
  );
  worker.unref();
}
