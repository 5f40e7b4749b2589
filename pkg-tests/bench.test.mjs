// `npm run bench` as a smoke run: bench/bench.mjs under Node with one timed round of 1 ms batches,
// into a temporary folder, then bench/report.mjs on it. Nothing here judges a time (that is the
// benchmark's own job, on a quiet machine); it checks that every case and peer the performance
// issue names is measured and reported, with each target's verdict, so a peer that stops loading
// or a case that goes missing fails here rather than at the next benchmark.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const results = mkdtempSync(join(tmpdir(), 'jwt-wasm-bench-'));
after(() => rmSync(results, { recursive: true, force: true }));

function runScript(script) {
  const run = spawnSync(process.execPath, [script], {
    cwd: ROOT,
    // A single run (no BENCH_RUN), written to the temporary folder.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_RESULTS: results, BENCH_ROUNDS: '1', BENCH_BATCH_MS: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `${script}: ${run.stderr}`);
}

test('npm run bench measures every case and peer the issue names, and reports every target', { timeout: 300_000 }, () => {
  runScript('bench/bench.mjs');
  runScript('bench/report.mjs');
  const run = JSON.parse(readFileSync(join(results, 'node-1.json'), 'utf8'));
  const libsOf = (id) => new Set(run.cases.find((c) => c.id === id)?.rows.map((row) => row.lib));
  const decoders = ['jwt-wasm', 'jose', 'fast-jwt', 'jsonwebtoken', 'jwt-decode', 'cloudflare-worker-jwt'];
  const verifiers = ['jwt-wasm', 'jose', 'fast-jwt', 'jsonwebtoken', 'cloudflare-worker-jwt'];
  for (const [id, libs] of [
    ['decode-400', decoders],
    ['decode-2k', decoders],
    ['verify-hs256', verifiers],
    ['verify-hs256-2k', verifiers],
    ['verify-hs512', verifiers],
    ['verify-hs256-oneshot', ['jwt-wasm', 'jose', 'fast-jwt', 'jsonwebtoken']],
    ['verify-hs512-oneshot', ['jwt-wasm', 'jose', 'fast-jwt', 'jsonwebtoken']],
    ['sign-hs256', verifiers],
  ]) {
    assert.deepEqual([...libsOf(id)].sort(), [...libs].sort(), id);
  }
  // The variants the issue asks for: jose with a raw secret and a CryptoKey, fast-jwt's cache off
  // and on, jsonwebtoken with a string secret and a KeyObject, and the floor beside the verify.
  const variants = run.cases.flatMap((c) => c.rows.map((row) => `${row.lib} (${row.variant ?? ''})`));
  for (const variant of ['jose (jwtVerify, Uint8Array secret)', 'jose (jwtVerify, CryptoKey)', 'fast-jwt (createVerifier, cache off)',
    'fast-jwt (createVerifier, cache on)', 'jsonwebtoken (verify, string secret)', 'jsonwebtoken (verify, KeyObject)',
    'jwt-wasm (floor: HS256 signature only)']) {
    assert.ok(variants.includes(variant), variant);
  }
  for (const row of run.cases.flatMap((c) => c.rows)) assert.ok(row.medianNs > 0 && Number.isFinite(row.medianNs), `${row.lib} ${row.variant}`);

  const report = readFileSync(join(results, 'README.md'), 'utf8');
  const targets = report.slice(report.indexOf('## Targets'), report.indexOf('\n## ', report.indexOf('## Targets') + 1));
  const verdicts = targets.split('\n').filter((line) => /^\| [a-zA-Z0-9]/.test(line) && !line.startsWith('| target'));
  assert.equal(verdicts.length, 11, targets);
  for (const line of verdicts) assert.match(line, /\| [\d.]+x (met|\*\*missed\*\*) \|$/, line);
  const chart = readFileSync(join(results, 'chart.svg'), 'utf8');
  assert.match(chart, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok((chart.match(/<rect /g) ?? []).length > 20, 'a bar per peer and case');
});
