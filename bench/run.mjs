// npm run bench: throughput under Node, Deno and Bun, each run BENCH_RUNS times (default 5) in
// fresh processes, the runtimes taking turns so that a slow spell of this shared machine does not
// fall on one runtime's runs only; then cold start, size and memory, then the report
// (bench/results/README.md and chart.svg, medians over the runs with their range).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resultsDir } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const step = (label, command, args, env = {}) => {
  console.log(`\n== ${label}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', timeout: 20 * 60_000, env: { ...process.env, ...env } });
  if (run.status !== 0) console.log(`bench: ${label} did not finish (status ${run.status})`);
  return run.status === 0;
};

step('build', process.execPath, ['scripts/build.mjs', '--if-needed']);
const runtimes = [['node', process.execPath, ['bench/bench.mjs']]];
if (existsSync(bin('deno'))) runtimes.push(['deno', bin('deno'), ['run', '-A', 'bench/bench.mjs']]);
if (existsSync(bin('bun'))) runtimes.push(['bun', bin('bun'), ['bench/bench.mjs']]);
const asked = Number(process.env.BENCH_RUNS ?? 5);
const runs = Number.isInteger(asked) && asked > 0 ? asked : 5;
// Runs of an earlier `npm run bench` must not mix with these.
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
  if (/^(node|deno|bun)-\d+\.json$/.test(file)) rmSync(new URL(file, resultsDir));
}
for (let run = 1; run <= runs; run += 1) {
  for (const [name, command, args] of runtimes) {
    step(`throughput, ${name}, run ${run} of ${runs}`, command, args, { BENCH_RUN: String(run) });
  }
}
step('cold start', process.execPath, ['bench/cold.mjs']);
step('size', process.execPath, ['bench/size.mjs']);
step('memory', process.execPath, ['bench/memory.mjs']);
step('report', process.execPath, ['bench/report.mjs']);
