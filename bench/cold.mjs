// Cold start: the time from importing a library to its first verified token, each in a fresh
// Node process, many times; reports the median. Writes bench/results/cold-start.json.
// Usage: node bench/cold.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, resultsDir, shuffle } from './stats.mjs';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const here = fileURLToPath(new URL('.', import.meta.url));

// Each probe: import, build what the library needs, verify one HS256 token with iss/aud checks.
const probes = {
  'jwt-wasm': `const m = await import('../pkg/node.mjs');
    m.createVerifier(SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }).verify(TOKEN);`,
  jose: `const m = await import('jose');
    await m.jwtVerify(TOKEN, new TextEncoder().encode(SECRET), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });`,
  'fast-jwt': `const m = await import('fast-jwt');
    m.createVerifier({ key: SECRET, algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE })(TOKEN);`,
  jsonwebtoken: `const m = (await import('jsonwebtoken')).default;
    m.verify(TOKEN, SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });`,
  'cloudflare-worker-jwt': `const m = (await import('@tsndr/cloudflare-worker-jwt')).default;
    if (!(await m.verify(TOKEN, SECRET, { algorithm: 'HS256' }))) throw new Error('not verified');`,
};

// The token is made once, outside the timed processes, with node:crypto.
const { createHmac } = await import('node:crypto');
const { claims400, SECRET, ISSUER, AUDIENCE } = await import('./fixtures.mjs');
const b64u = (s) => Buffer.from(s).toString('base64url');
const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(claims400))}`;
const TOKEN = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;

// The libraries take turns, one process each per round, in a new order each round: a slow
// spell of this shared machine then falls on all of them alike, not on one library's runs.
const scripts = Object.fromEntries(Object.entries(probes).map(([lib, body]) => [lib, `const [SECRET, ISSUER, AUDIENCE, TOKEN] = ${JSON.stringify([SECRET, ISSUER, AUDIENCE, TOKEN])};
    const start = performance.now();
    ${body}
    console.log(performance.now() - start);`]));
const times = Object.fromEntries(Object.keys(probes).map((lib) => [lib, []]));
for (let round = 0; round < RUNS; round += 1) {
  for (const lib of shuffle(Object.keys(probes), round + 1)) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', scripts[lib]], { cwd: here, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`cold start of ${lib} failed: ${run.stderr}`);
    times[lib].push(Number(run.stdout.trim()));
  }
}
const results = Object.entries(times).map(([lib, ms]) => ({ lib, medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), runs: RUNS }));
for (const { lib, medianMs } of results) console.log(`cold start ${lib.padEnd(24)} median ${medianMs.toFixed(1)} ms`);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('cold-start.json', resultsDir), `${JSON.stringify({ node: process.versions.node, results }, null, 1)}\n`);
