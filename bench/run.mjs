// npm run bench: throughput under Node, Deno and Bun (one process each), cold start, size and
// memory, then the report (bench/results/README.md and chart.svg).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const step = (label, command, args) => {
  console.log(`\n== ${label}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', timeout: 20 * 60_000 });
  if (run.status !== 0) console.log(`bench: ${label} did not finish (status ${run.status})`);
  return run.status === 0;
};

step('build', process.execPath, ['scripts/build.mjs', '--if-needed']);
step('throughput, node', process.execPath, ['bench/bench.mjs']);
if (existsSync(bin('deno'))) step('throughput, deno', bin('deno'), ['run', '-A', 'bench/bench.mjs']);
if (existsSync(bin('bun'))) step('throughput, bun', bin('bun'), ['bench/bench.mjs']);
step('cold start', process.execPath, ['bench/cold.mjs']);
step('size', process.execPath, ['bench/size.mjs']);
step('memory', process.execPath, ['bench/memory.mjs']);
step('report', process.execPath, ['bench/report.mjs']);
