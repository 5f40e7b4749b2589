// Compares two builds of this package in one process, their cases interleaved and their order
// alternated every round, so that a slow spell of the machine hits both alike: how each speed
// change in docs/performance.md was measured. Each side is a directory holding a built package
// (pkg/), for example a copy taken before a change:
//   mkdir -p /tmp/before && cp -r pkg /tmp/before/     # then change, rebuild (npm run build)
//   npm run bench:ab -- /tmp/before .                  # or: bun bench/ab.mjs /tmp/before .
// Prints each case's median time per call for both sides and their ratio (below 1: the second
// side is faster). On a shared machine a build compared with a copy of itself can differ by up
// to 6% in a case: try that first to see the noise (a copy: one directory twice loads a single
// instance), and repeat a run before trusting a change. npm run bench:ab rebuilds pkg/ first if
// the sources changed; bun and deno run this file as it is.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUDIENCE, claims2k, claims400, ISSUER, SECRET } from './fixtures.mjs';
import { median } from './stats.mjs';

const args = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2);
const [before, after = '.', roundsArg = '30'] = args;
const rounds = Number(roundsArg);
if (!before || args.length > 3 || !Number.isInteger(rounds) || rounds < 1 || rounds > 200) {
  console.error('usage: node bench/ab.mjs <dir with pkg/> [<dir with pkg/> (default .)] [rounds, 1 to 200 (default 30)]');
  process.exit(2);
}
const WARMUP_ROUNDS = 4;
const BATCH_MS = 5;

async function load(dir) {
  const entry = resolve(dir, 'pkg/node.mjs');
  if (!existsSync(entry)) {
    console.error(`bench/ab: no built package at ${entry} (npm run build, or copy pkg/ there)`);
    process.exit(2);
  }
  return import(pathToFileURL(entry).href);
}

function cases(lib) {
  const options = { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE };
  const token = lib.signJwt(claims400, SECRET, { alg: 'HS256', header: { typ: 'JWT' } });
  const token2k = lib.signJwt(claims2k, SECRET, { alg: 'HS256', header: { typ: 'JWT' } });
  const token512 = lib.signJwt(claims400, SECRET, { alg: 'HS512', header: { typ: 'JWT' } });
  const verifier = lib.createVerifier(SECRET, options);
  const verifier512 = lib.createVerifier(SECRET, { ...options, algorithms: ['HS512'] });
  const cached = lib.createVerifier(SECRET, { ...options, cache: true });
  const expired = lib.signJwt({ ...claims400, exp: claims400.iat - 60 }, SECRET, { alg: 'HS256' });
  const at = new Date(claims400.iat * 1000);
  // The same secret as an "oct" JWK (SECRET is ASCII), which the entry reads as an object.
  const jwk = { kty: 'oct', k: btoa(SECRET).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
  return {
    'verify (prepared)': () => verifier.verify(token),
    'verify, 2 KB token': () => verifier.verify(token2k),
    'verify, HS512': () => verifier512.verify(token512),
    'verify, cache hit': () => cached.verify(token),
    'jwtVerify (one-shot)': () => lib.jwtVerify(token, SECRET, options),
    'jwtVerify, JWK key': () => lib.jwtVerify(token, jwk, options),
    decodeJwt: () => lib.decodeJwt(token),
    'decodeJwt, 2 KB token': () => lib.decodeJwt(token2k),
    signJwt: () => lib.signJwt(claims400, SECRET, { alg: 'HS256' }),
    'expiryInfo (currentDate)': () => lib.expiryInfo(token, { currentDate: at }),
    'verify, expired (throws)': () => {
      try {
        return verifier.verify(expired);
      } catch (error) {
        return [error.code, error.claim, error.reason];
      }
    },
  };
}

if (resolve(before) === resolve(after)) {
  console.error('bench/ab: one directory twice is one wasm instance; for an A/A run, compare with a copy');
}
const [a, b] = [cases(await load(before)), cases(await load(after))];
const names = Object.keys(a);
// Both builds must give the same answers, or the comparison means nothing.
for (const name of names) {
  const [left, right] = [JSON.stringify(a[name]()), JSON.stringify(b[name]())];
  if (left !== right) throw new Error(`bench/ab: the builds disagree on ${name}`);
}

function time(fn) {
  let calls = 0;
  const start = performance.now();
  let now = start;
  do {
    for (let i = 0; i < 50; i += 1) fn();
    calls += 50;
    now = performance.now();
  } while (now - start < BATCH_MS);
  return ((now - start) * 1e6) / calls;
}

const samples = Object.fromEntries(names.map((name) => [name, { a: [], b: [] }]));
for (let round = 0; round < WARMUP_ROUNDS + rounds; round += 1) {
  for (const name of names) {
    const aFirst = round % 2 === 0;
    const first = time(aFirst ? a[name] : b[name]);
    const second = time(aFirst ? b[name] : a[name]);
    if (round < WARMUP_ROUNDS) continue;
    samples[name].a.push(aFirst ? first : second);
    samples[name].b.push(aFirst ? second : first);
  }
}

console.log(`${before} -> ${after}, ${rounds} rounds, ns per call (median)`);
for (const name of names) {
  const [ta, tb] = [median(samples[name].a), median(samples[name].b)];
  console.log(`${name.padEnd(24)} ${ta.toFixed(0).padStart(7)} -> ${tb.toFixed(0).padStart(7)}  ${(tb / ta).toFixed(3)}`);
}
