// `pnpm start`'s process supervisor. Each server runs in a process group of its own (the api's
// group includes its embedded database), so one signal reaches everything it started. A server
// that exits is started again with backoff; one whose health URL stops answering for
// `stallMs` is killed and started again; the reason is printed each time. Ctrl-C stops everything
// within a few seconds, even a server that no longer runs its own signal handlers.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { root } from './lib.mjs';

const now = () => Date.now();
const say = (line) => console.log(`\x1b[33msupervisor │ ${line}\x1b[0m`);

/**
 * Whether any process of the group still runs. A zombie (exited, not yet reaped: the api's database
 * process is reparented to init when the api dies, and not every init reaps) does not count.
 */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc')) return true;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/N/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pid && state !== 'Z') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

/** Waits until every process of the group is gone, or `ms` passed; true when gone. */
async function groupGone(pid, ms) {
  const deadline = now() + ms;
  while (groupAlive(pid) && now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive(pid);
}

/**
 * specs: [{ name, args, cwd, env, health, startupMs, stallMs }]. Returns { ready, stop }: `ready`
 * resolves when every health URL has answered once.
 */
export function supervise(specs, { probeEveryMs = 2_000, probeTimeoutMs = 5_000 } = {}) {
  let stopping = false;
  const procs = specs.map((spec) => ({
    spec,
    child: null,
    startedAt: 0,
    healthyAt: 0,
    everHealthy: false,
    restarts: 0,
    backoffMs: 1_000,
    killedBecause: null,
    readyWaiters: [],
  }));

  function start(proc) {
    const { spec } = proc;
    const child = spawn(process.execPath, spec.args, {
      cwd: spec.cwd ?? root,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    proc.child = child;
    proc.startedAt = now();
    proc.killedBecause = null;
    const prefix = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`${spec.name.padEnd(4)} │ ${line}\n`);
      });
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('exit', (code, signal) => void exited(proc, child, code, signal));
  }

  async function exited(proc, child, code, signal) {
    const { spec } = proc;
    if (proc.child !== child) return;
    // What it started (the api's database) goes with it before anything starts again.
    signalGroup(child.pid, 'SIGTERM');
    if (!(await groupGone(child.pid, 3_000))) signalGroup(child.pid, 'SIGKILL');
    await groupGone(child.pid, 2_000);
    proc.child = null;
    if (stopping) return;
    if (!proc.everHealthy) {
      // It never came up (a port in use, a bad setting): starting it again would fail the same way.
      say(
        `${spec.name} exited (${signal ?? `code ${code}`}) before it answered ${spec.health}; stopping (see its output above)`,
      );
      await stop(1);
      return;
    }
    const ranMs = now() - proc.startedAt;
    if (ranMs > 60_000) proc.backoffMs = 1_000;
    const delay = proc.backoffMs;
    proc.backoffMs = Math.min(proc.backoffMs * 2, 30_000);
    proc.restarts += 1;
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    const why = proc.killedBecause ? ` because ${proc.killedBecause}` : '';
    say(
      `${spec.name} ${how}${why} after ${Math.round(ranMs / 1000)} s; starting it again in ${delay / 1000} s (restart ${proc.restarts})`,
    );
    setTimeout(() => !stopping && start(proc), delay);
  }

  async function probe(proc) {
    const { spec, child } = proc;
    if (!child || stopping || !spec.health) return;
    try {
      const res = await fetch(spec.health, { signal: AbortSignal.timeout(probeTimeoutMs) });
      if (res.status < 500 || res.status === 503) {
        proc.healthyAt = now();
        if (!proc.everHealthy) {
          proc.everHealthy = true;
          for (const resolve of proc.readyWaiters.splice(0)) resolve();
        }
        return;
      }
    } catch {
      // not answering
    }
    if (proc.child !== child) return;
    const since = Math.max(proc.healthyAt, proc.startedAt);
    const limit = proc.healthyAt > proc.startedAt ? (spec.stallMs ?? 30_000) : (spec.startupMs ?? 180_000);
    if (now() - since > limit) {
      proc.killedBecause = `${spec.health} did not answer for ${Math.round((now() - since) / 1000)} s`;
      signalGroup(child.pid, 'SIGKILL');
    }
  }

  const timer = setInterval(() => procs.forEach((p) => void probe(p)), probeEveryMs);

  async function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    const running = procs.filter((p) => p.child).map((p) => p.child.pid);
    for (const pid of running) signalGroup(pid, 'SIGTERM');
    const gone = await Promise.all(running.map((pid) => groupGone(pid, 5_000)));
    const stubborn = running.filter((_, i) => !gone[i]);
    for (const pid of stubborn) {
      say(`process group ${pid} ignored SIGTERM for 5 s: killing it`);
      signalGroup(pid, 'SIGKILL');
    }
    // SIGKILL is delivered asynchronously: leave only once nothing of it runs.
    await Promise.all(stubborn.map((pid) => groupGone(pid, 2_000)));
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  procs.forEach(start);
  setImmediate(() => procs.forEach((p) => void probe(p)));
  const ready = Promise.all(
    procs.map((p) => (p.spec.health ? new Promise((resolve) => p.readyWaiters.push(resolve)) : null)),
  );
  return { ready, stop, procs };
}
