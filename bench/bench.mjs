// Throughput of jwt-wasm and its peers on the same tokens and key, in the runtime that runs this
// file (node, deno or bun). Cases are interleaved in a shuffled order each round so that machine
// noise hits every library alike; each (case, library) gets warm-up rounds, then many timed
// batches, and its median is reported. Writes bench/results/<runtime>-<run>.json, where <run> is
// BENCH_RUN (npm run bench runs each runtime several times, interleaved, and bench/report.mjs takes
// the median over the runs); without BENCH_RUN it is a single run, 1, and older runs are removed.
// Usage: node bench/bench.mjs | deno run -A bench/bench.mjs | bun bench/bench.mjs  (or npm run bench)
import { createHmac, createSecretKey } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { AUDIENCE, claims2k, claims400, ISSUER, SECRET } from './fixtures.mjs';
import { median, resultsDir, shuffle } from './stats.mjs';

const runtime = typeof Deno !== 'undefined' ? 'deno' : typeof Bun !== 'undefined' ? 'bun' : 'node';
const version = runtime === 'deno' ? Deno.version.deno : runtime === 'bun' ? Bun.version : process.versions.node;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const run = process.env.BENCH_RUN;
/** Calls an async peer keeps in flight in its throughput variant (see timeBatch). */
const IN_FLIGHT = 8;
const WARMUP_ROUNDS = 2;
const BATCH_MS = Number(process.env.BENCH_BATCH_MS ?? 8);

const wasm = await import('../pkg/node.mjs');
const peers = {};
for (const [name, load] of [
  ['jose', () => import('jose')],
  ['fast-jwt', () => import('fast-jwt')],
  ['jsonwebtoken', () => import('jsonwebtoken').then((m) => m.default ?? m)],
  ['jwt-decode', () => import('jwt-decode')],
  ['cloudflare-worker-jwt', () => import('@tsndr/cloudflare-worker-jwt').then((m) => m.default ?? m)],
]) {
  try {
    peers[name] = await load();
  } catch (error) {
    console.error(`bench: ${name} does not load in ${runtime}: ${error.message}`);
  }
}

const secretBytes = new TextEncoder().encode(SECRET);
const sign = (claims, alg) => wasm.signJwt(claims, SECRET, { alg, header: { typ: 'JWT' } });
const tokens = { hs256: sign(claims400, 'HS256'), hs256_2k: sign(claims2k, 'HS256'), hs512: sign(claims400, 'HS512') };
// The one-shot case's second secret, for a call that cannot reuse the previous call's key.
const OTHER_SECRET = `${SECRET}-other`;
const otherTokens = {
  HS256: wasm.signJwt(claims400, OTHER_SECRET, { alg: 'HS256', header: { typ: 'JWT' } }),
  HS512: wasm.signJwt(claims400, OTHER_SECRET, { alg: 'HS512', header: { typ: 'JWT' } }),
};
// The peers' signer is checked against ours, so every library verifies the very same bytes.
const nodeHmac = createHmac('sha256', SECRET).update(tokens.hs256.split('.').slice(0, 2).join('.')).digest('base64url');
if (nodeHmac !== tokens.hs256.split('.')[2]) throw new Error('bench: jwt-wasm and node:crypto disagree on HS256');

const cryptoKey = (hash) =>
  crypto.subtle.importKey('raw', secretBytes, { name: 'HMAC', hash }, false, ['sign', 'verify']);
const keys = { 'SHA-256': await cryptoKey('SHA-256'), 'SHA-512': await cryptoKey('SHA-512') };
const keyObject = createSecretKey(secretBytes);
const claimChecks = { issuer: ISSUER, audience: AUDIENCE };

/**
 * Each case: an id, a title, and its contestants { lib, variant, fn, async, versus }. A peer's
 * speedup is measured against jwt-wasm's first contestant, or against its `versus` variant.
 */
function buildCases() {
  const { jose } = peers;
  const fastJwt = peers['fast-jwt'];
  const jsonwebtoken = peers.jsonwebtoken;
  const cfJwt = peers['cloudflare-worker-jwt'];
  const jwtDecode = peers['jwt-decode']?.jwtDecode;
  const cases = [];
  const add = (id, title, contestants) => cases.push({ id, title, contestants: contestants.filter(Boolean) });
  const when = (ok, contestant) => (ok ? contestant : null);

  for (const [id, token, size] of [['decode-400', tokens.hs256, 400], ['decode-2k', tokens.hs256_2k, 2048]]) {
    const fastDecode = fastJwt?.createDecoder();
    add(id, `decode, ${token.length}-byte token (about ${size} bytes)`, [
      { lib: 'jwt-wasm', variant: 'decodeJwt', fn: () => wasm.decodeJwt(token) },
      when(jose, { lib: 'jose', variant: 'decodeJwt', fn: () => jose.decodeJwt(token) }),
      when(fastJwt, { lib: 'fast-jwt', variant: 'createDecoder()', fn: () => fastDecode(token) }),
      when(jsonwebtoken, { lib: 'jsonwebtoken', variant: 'decode', fn: () => jsonwebtoken.decode(token) }),
      when(jwtDecode, { lib: 'jwt-decode', variant: 'jwtDecode', fn: () => jwtDecode(token) }),
      when(cfJwt, { lib: 'cloudflare-worker-jwt', variant: 'decode', fn: () => cfJwt.decode(token) }),
    ]);
  }

  const prepared = (id, title, token, alg, hash) => {
    const verifier = wasm.createVerifier(SECRET, { algorithms: [alg], ...claimChecks });
    const cachedVerifier = wasm.createVerifier(SECRET, { algorithms: [alg], ...claimChecks, cache: true });
    const fastOptions = { key: SECRET, algorithms: [alg], allowedIss: ISSUER, allowedAud: AUDIENCE };
    const fastNoCache = fastJwt?.createVerifier({ ...fastOptions, cache: false });
    const fastCache = fastJwt?.createVerifier({ ...fastOptions, cache: true });
    const jwtOptions = { algorithms: [alg], issuer: ISSUER, audience: AUDIENCE };
    add(id, title, [
      { lib: 'jwt-wasm', variant: 'createVerifier().verify', fn: () => verifier.verify(token) },
      alg === 'HS256' && { lib: 'jwt-wasm', variant: 'floor: HS256 signature only', fn: () => verifier[Symbol.for('jwt-wasm.benchSignatureOnly')](token) },
      when(fastJwt, { lib: 'fast-jwt', variant: 'createVerifier, cache off', fn: () => fastNoCache(token) }),
      { lib: 'jwt-wasm', variant: 'createVerifier, cache on', fn: () => cachedVerifier.verify(token) },
      when(fastJwt, { lib: 'fast-jwt', variant: 'createVerifier, cache on', versus: 'createVerifier, cache on', fn: () => fastCache(token) }),
      when(jose, { lib: 'jose', variant: 'jwtVerify, CryptoKey', async: true, fn: () => jose.jwtVerify(token, keys[hash], jwtOptions) }),
      // WebCrypto answers asynchronously (under Node, from a thread pool): with several calls in
      // flight, jose's throughput is several times its one-at-a-time figure, and it uses more than
      // one core, where jwt-wasm's synchronous calls use one.
      when(jose, {
        lib: 'jose', variant: `jwtVerify, CryptoKey, ${IN_FLIGHT} calls in flight`, async: true, inFlight: IN_FLIGHT,
        fn: () => jose.jwtVerify(token, keys[hash], jwtOptions),
      }),
      when(jsonwebtoken, { lib: 'jsonwebtoken', variant: 'verify, KeyObject', fn: () => jsonwebtoken.verify(token, keyObject, jwtOptions) }),
      when(cfJwt, {
        lib: 'cloudflare-worker-jwt', variant: 'verify, CryptoKey (exp/nbf only: no iss, aud)', async: true,
        fn: () => cfJwt.verify(token, keys[hash], { algorithm: alg, throwError: true }),
      }),
    ]);
  };
  prepared('verify-hs256', `HS256 verify with exp/iss/aud, ${tokens.hs256.length}-byte token, key prepared`, tokens.hs256, 'HS256', 'SHA-256');
  prepared('verify-hs256-2k', `HS256 verify, ${tokens.hs256_2k.length}-byte token, key prepared`, tokens.hs256_2k, 'HS256', 'SHA-256');
  prepared('verify-hs512', `HS512 verify, ${tokens.hs512.length}-byte token, key prepared`, tokens.hs512, 'HS512', 'SHA-512');

  const oneShot = (id, token, alg) => {
    const options = { algorithms: [alg], ...claimChecks };
    let other = false;
    add(id, `${alg} verify, one call with a raw secret (no prepared key)`, [
      // The same secret and options every call: jwt-wasm keeps the last secret's keyed HMAC state
      // and the last options' reading, as an app with one secret gets.
      { lib: 'jwt-wasm', variant: 'jwtVerify(token, secret), the same secret each call', fn: () => wasm.jwtVerify(token, SECRET, options) },
      // Two secrets in turn: every call keys the HMAC afresh.
      {
        lib: 'jwt-wasm', variant: 'jwtVerify(token, secret), two secrets in turn', fn: () => {
          other = !other;
          return other ? wasm.jwtVerify(otherTokens[alg], OTHER_SECRET, options) : wasm.jwtVerify(token, SECRET, options);
        },
      },
      when(fastJwt, {
        lib: 'fast-jwt', variant: 'createVerifier per call', fn: () =>
          fastJwt.createVerifier({ key: SECRET, algorithms: [alg], allowedIss: ISSUER, allowedAud: AUDIENCE, cache: false })(token),
      }),
      when(jose, { lib: 'jose', variant: 'jwtVerify, Uint8Array secret', async: true, fn: () => jose.jwtVerify(token, secretBytes, options) }),
      when(jsonwebtoken, { lib: 'jsonwebtoken', variant: 'verify, string secret', fn: () => jsonwebtoken.verify(token, SECRET, options) }),
    ]);
  };
  oneShot('verify-hs256-oneshot', tokens.hs256, 'HS256');
  oneShot('verify-hs512-oneshot', tokens.hs512, 'HS512');

  // Each signer with its key prepared as the prepared verifies have it (jwt-wasm keeps the last
  // secret's keyed HMAC state), and the same claims, their `iat` kept: fast-jwt's and
  // jsonwebtoken's `noTimestamp` would drop it (until 2026-11-28 they had it, and jsonwebtoken and
  // cloudflare-worker-jwt a string secret, made into a key at every call).
  const fastSigner = fastJwt?.createSigner({ key: SECRET, algorithm: 'HS256' });
  add('sign-hs256', 'HS256 sign of the typical claims, key prepared', [
    { lib: 'jwt-wasm', variant: 'signJwt', fn: () => wasm.signJwt(claims400, SECRET) },
    when(fastJwt, { lib: 'fast-jwt', variant: 'createSigner', fn: () => fastSigner(claims400) }),
    when(jose, { lib: 'jose', variant: 'SignJWT, CryptoKey', async: true, fn: () => new jose.SignJWT(claims400).setProtectedHeader({ alg: 'HS256' }).sign(keys['SHA-256']) }),
    when(jsonwebtoken, { lib: 'jsonwebtoken', variant: 'sign, KeyObject', fn: () => jsonwebtoken.sign(claims400, keyObject, { algorithm: 'HS256' }) }),
    when(cfJwt, { lib: 'cloudflare-worker-jwt', variant: 'sign, CryptoKey', async: true, fn: () => cfJwt.sign(claims400, keys['SHA-256']) }),
  ]);
  return cases;
}

async function timeBatch(contestant, ops) {
  const start = performance.now();
  if (contestant.inFlight) {
    // `inFlight` loops share the count: each awaits its call, then starts the next.
    let started = 0;
    const loop = async () => {
      while (started < ops) {
        started += 1;
        await contestant.fn();
      }
    };
    await Promise.all(Array.from({ length: contestant.inFlight }, loop));
  } else if (contestant.async) {
    for (let i = 0; i < ops; i += 1) await contestant.fn();
  } else {
    for (let i = 0; i < ops; i += 1) contestant.fn();
  }
  return ((performance.now() - start) * 1e6) / ops;
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

const cases = buildCases();
const entries = cases.flatMap((c) => c.contestants.map((contestant) => ({ case: c, contestant, samples: [] })));
for (const entry of entries) {
  // Check the contestant works, then size its batch to about BATCH_MS.
  await timeBatch(entry.contestant, 20);
  const probe = await timeBatch(entry.contestant, 200);
  entry.ops = Math.max(20, Math.min(200_000, Math.round((BATCH_MS * 1e6) / probe)));
}
for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
  // Seeded by the run too, so that the runs do not all share one order of cases.
  for (const entry of shuffle([...entries], (Number(run) || 1) * 1000 + round + 1)) {
    const nsPerOp = await timeBatch(entry.contestant, entry.ops);
    if (round >= WARMUP_ROUNDS) entry.samples.push(nsPerOp);
  }
}

const results = cases.map((c) => {
  const rows = entries.filter((e) => e.case === c).map((e) => ({
    lib: e.contestant.lib,
    variant: e.contestant.variant,
    medianNs: median(e.samples),
    p25Ns: quantile(e.samples, 0.25),
    p75Ns: quantile(e.samples, 0.75),
    samples: e.samples.length,
    opsPerBatch: e.ops,
    versus: e.contestant.versus,
  }));
  const ours = (variant = rows.find((r) => r.lib === 'jwt-wasm').variant) =>
    rows.find((r) => r.lib === 'jwt-wasm' && r.variant === variant).medianNs;
  for (const row of rows) row.jwtWasmSpeedup = row.medianNs / ours(row.versus);
  return { id: c.id, title: c.title, rows };
});

const report = {
  runtime,
  version,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()} ${os.arch()}` },
  settings: { rounds: ROUNDS, warmupRounds: WARMUP_ROUNDS, batchMs: BATCH_MS },
  tokenBytes: Object.fromEntries(Object.entries(tokens).map(([k, t]) => [k, t.length])),
  cases: results,
};
mkdirSync(resultsDir, { recursive: true });
if (run === undefined) {
  for (const file of readdirSync(resultsDir)) {
    if (new RegExp(`^${runtime}-\\d+\\.json$`).test(file)) rmSync(new URL(file, resultsDir));
  }
}
writeFileSync(new URL(`./${runtime}-${run ?? 1}.json`, resultsDir), `${JSON.stringify(report, null, 1)}\n`);
for (const c of results) {
  console.log(`\n${runtime} ${version}: ${c.title}`);
  for (const r of c.rows) {
    const ops = Math.round(1e9 / r.medianNs).toLocaleString('en-US');
    const versus = r.versus === undefined ? '' : ` (vs jwt-wasm ${r.versus})`;
    console.log(`  ${`${r.lib} (${r.variant})`.padEnd(58)} ${ops.padStart(12)} ops/s  jwt-wasm x${r.jwtWasmSpeedup.toFixed(2)}${versus}`);
  }
}
process.exit(0);
