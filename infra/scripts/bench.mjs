// `pnpm bench NAME`: runs infra/bench/NAME.ts. Each bench prints a table for people and, as its
// very last line, one JSON object with the same figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const dir = join(root, 'infra/bench');
const available = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => f.replace('.bench.ts', ''))
  : [];
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(
    `Usage: pnpm bench NAME\nAvailable benchmarks: ${available.length ? available.join(', ') : '(none yet)'}`,
  );
  process.exit(name ? 1 : 0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(dir, `${name}.bench.ts`), ...process.argv.slice(3)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
