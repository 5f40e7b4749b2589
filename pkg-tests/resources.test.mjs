// Resource bounds of the wasm package, observed on the instance a consumer gets:
// - the length cap holds before any allocation proportional to the input: a 64 MiB token leaves
//   the wasm memory exactly as large as it was (and, as a control, an 8 MiB token under a raised
//   cap does grow it, so the probe can see copies);
// - up to a million mixed good and bad verifications (bounded to ~30 s) leave the wasm memory
//   size unchanged after warm-up, and the instance still works;
// - a JWK over 2 MiB of JSON text is refused without growing the wasm memory, and a JWK or
//   string secret within its cap in UTF-16 units but over it in UTF-8 is not copied whole;
// - no error message contains the token;
// - a verifier with `cache: 1000` fed 200,000 distinct valid tokens keeps its memory flat after
//   warm-up (entries are evicted), and, as a control, a cache large enough to keep them all
//   grows the memory, so the probe sees cache entries;
// - options read for one-shot calls are let go once later calls read other options (the entry
//   reads them into arrays it keeps, js/errors.js), as the JS heap shows;
// - 60,000 Verifiers made and dropped unfreed in a fresh process keep it alive (a glue that made
//   them inside the wasm call ended Node 20 and 22 with a V8 fatal error).
//
// How the memory is observed without a test hook in the package: see instances.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importKeepingInstances, instances } from './instances.mjs';

const { createVerifier, decodeJwt, decodeProtectedHeader, expiryInfo, isExpired, JwtError, jwtVerify, SignJWT, signJwt } = await importKeepingInstances();

const MAX_VERIFIES = Number(process.env.RESOURCE_VERIFIES ?? 1_000_000);
const MAX_SECONDS = Number(process.env.RESOURCE_SECONDS ?? 30);

const KEY = 'a-shared-secret-of-at-least-32-bytes!';
const NOW_S = 1_700_000_000;
const NOW = new Date(NOW_S * 1000);
const b64 = (text) => Buffer.from(text).toString('base64url');
function signed(header, payload) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', KEY).update(input).digest('base64url')}`;
}
const good = signed('{"alg":"HS256"}', JSON.stringify({ sub: 'ada', aud: 'api', exp: NOW_S + 60 }));
// Good tokens under more protected headers than the binding keeps objects for (and one with a
// nested value, never kept), so that kept headers are replaced again and again.
const goods = [good, ...['k1', 'k2', 'k3', 'k4', 'k5'].map((kid) => `{"alg":"HS256","kid":"${kid}"}`), '{"alg":"HS256","jwk":{"kty":"oct"}}']
  .map((header, i) => (i === 0 ? header : signed(header, JSON.stringify({ sub: 'ada', aud: 'api', exp: NOW_S + 60 }))));
const [h, p, s] = good.split('.');
const bad = [
  `${h}.${p}.${s.slice(0, -2)}AA`,
  signed('{"alg":"HS256"}', JSON.stringify({ sub: 'ada', exp: NOW_S - 1 })),
  signed('{"alg":"HS256"}', JSON.stringify({ sub: 'ada', aud: 'web' })),
  signed('{"alg":"none"}', '{}'),
  signed('{"alg":"HS256","crit":["x"],"x":1}', '{}'),
  signed('{"alg":"HS256"}', '[]'),
  signed('{"alg":"HS256"}', '{"a":1,"a":2}'),
  signed('{"alg":"HS256"}', `{"x":${'['.repeat(2000)}${']'.repeat(2000)}}`),
  signed('{"alg":"HS256"}', `{"exp":1e400,"pad":"${'x'.repeat(3000)}"}`),
  `${good}.${s}`,
  `${h}.${p}é.${s}`,
  'not a token',
  '',
  `${h}.${'A'.repeat(70_000)}.${s}`,
];
const memory = () => instances[0].exports.memory.buffer.byteLength;
// The table of JS values the wasm holds (errors, the kept protected header, hooks): a slot leaked
// per call would grow it.
const jsValueSlots = () => instances[0].exports.__wbindgen_externrefs.length;

function codeOf(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error}`);
    return error.code;
  }
  return 'ok';
}

test('the package created exactly one wasm instance, and its memory is observable', () => {
  assert.equal(instances.length, 1);
  assert.ok(memory() > 0);
  assert.ok(jsValueSlots() > 0);
});

test('a 64 MiB token is refused before anything proportional to it is allocated', () => {
  const huge = `${h}.${'A'.repeat(64 * 1024 * 1024)}.${s}`;
  const wide = '€'.repeat(22 * 1024 * 1024); // 66 MiB of UTF-8 from 22 Mi UTF-16 units
  codeOf(() => jwtVerify(good, KEY, { currentDate: NOW })); // warm-up
  const before = memory();
  const verifier = createVerifier(KEY, { currentDate: NOW });
  for (const token of [huge, wide]) {
    assert.equal(codeOf(() => jwtVerify(token, KEY, { currentDate: NOW })), 'ERR_JWT_TOO_LONG');
    assert.equal(codeOf(() => verifier.verify(token)), 'ERR_JWT_TOO_LONG');
    assert.equal(codeOf(() => decodeJwt(token)), 'ERR_JWT_TOO_LONG');
    assert.equal(codeOf(() => decodeProtectedHeader(token)), 'ERR_JWT_TOO_LONG');
    assert.equal(codeOf(() => expiryInfo(token, { currentDate: NOW })), 'ERR_JWT_TOO_LONG');
    assert.equal(codeOf(() => isExpired(token, { currentDate: NOW })), 'ERR_JWT_TOO_LONG');
  }
  verifier.free();
  assert.equal(memory(), before, 'the wasm memory grew: the token was copied before the length check');
});

test('claims to sign and options over 64 MiB of text are refused by length, coded, before they are copied', () => {
  // Early, while the wasm memory is small: a copy of 64 MiB would have to grow it. Uncapped, a
  // claims set of 1.5 GB of UTF-8 (500 Mi euro signs) ran the wasm out of memory while signing:
  // an uncoded RuntimeError ("unreachable"), after which the instance was replaced.
  const pad = 'a'.repeat(64 * 1024 * 1024);
  const builder = new SignJWT({ pad });
  // Options over the cap by more than the 4 KiB the binding leaves for the Dates written after them.
  const tooLong = { issuer: 'i'.repeat(64 * 1024 * 1024 + 8192) };
  codeOf(() => signJwt({ sub: 'ada' }, KEY, { currentDate: NOW })); // warm-up
  const before = memory();
  assert.ok(before < 64 * 1024 * 1024, `the wasm memory is ${before} bytes already`);
  assert.equal(codeOf(() => signJwt({ pad }, KEY)), 'ERR_JWT_TOO_LONG');
  assert.equal(codeOf(() => builder.sign(KEY)), 'ERR_JWT_TOO_LONG');
  assert.equal(codeOf(() => jwtVerify(good, KEY, tooLong)), 'ERR_OPTIONS_INVALID');
  assert.equal(codeOf(() => createVerifier(KEY, tooLong)), 'ERR_OPTIONS_INVALID');
  assert.equal(codeOf(() => signJwt({ sub: 'ada' }, KEY, tooLong)), 'ERR_OPTIONS_INVALID');
  assert.equal(codeOf(() => new SignJWT({}).setIssuer(tooLong.issuer).sign(KEY)), 'ERR_OPTIONS_INVALID');
  assert.equal(memory(), before, 'the wasm memory grew: the claims or options were copied before the length check');
});

test('a key over its cap (a JWK over 2 MiB of text, a string secret over 1 MiB of UTF-8) is not copied whole', () => {
  // A secret is at most 1 MiB, so its JWK fits in 2 MiB of text; a longer one, long by its k or
  // by another member, is refused by its length, as string and byte keys are.
  const small = { kty: 'oct', k: b64(KEY) };
  assert.equal(jwtVerify(good, small, { currentDate: NOW }).payload.sub, 'ada'); // warm-up
  createVerifier(small).free();
  const before = memory();
  for (const key of [{ kty: 'oct', k: 'A'.repeat(16 * 1024 * 1024) }, { ...small, kid: 'x'.repeat(8 * 1024 * 1024) }]) {
    assert.equal(codeOf(() => jwtVerify(good, key, { currentDate: NOW })), 'ERR_KEY_INVALID');
    assert.equal(codeOf(() => createVerifier(key)), 'ERR_KEY_INVALID');
  }
  assert.equal(memory(), before, 'the wasm memory grew: the JWK was copied before the length check');
  // A string secret within 1 MiB of UTF-16 units but 3 MiB of UTF-8: encoded only up to the cap
  // and a byte, as tokens are (copied whole, it grew the memory by 4 MiB).
  assert.equal(codeOf(() => jwtVerify(good, '\u20ac'.repeat(1024 * 1024 - 16), { currentDate: NOW })), 'ERR_KEY_INVALID');
  const grownBySecret = memory() - before;
  console.log(`resources: a secret of 3 MiB of UTF-8 within 1 MiB of units grew the wasm memory by ${grownBySecret} bytes`);
  assert.ok(grownBySecret <= 1.5 * 1024 * 1024, `the wasm memory grew by ${grownBySecret} bytes`);
  // Within 2 MiB of UTF-16 units but 6 MiB of UTF-8: encoded only up to the cap and a byte (a
  // first try of one byte per unit, freed before a second of the cap and a byte), not whole, as
  // tokens are. The whole copy grew the memory by 8 MiB; two buffers side by side, by 4 MiB.
  const wide = { ...small, kid: '\u20ac'.repeat(2 * 1024 * 1024 - 256) };
  assert.ok(JSON.stringify(wide).length <= 2 * 1024 * 1024);
  const beforeWide = memory();
  assert.equal(codeOf(() => jwtVerify(good, wide, { currentDate: NOW })), 'ERR_KEY_INVALID');
  const grown = memory() - beforeWide;
  console.log(`resources: a JWK of 6 MiB of UTF-8 within 2 MiB of units grew the wasm memory by ${grown} bytes`);
  assert.ok(grown <= 3 * 1024 * 1024, `the wasm memory grew by ${grown} bytes`);
});

test('a token within the cap in UTF-16 units but over it in UTF-8 is refused before it is copied whole', () => {
  // 1 Mi units of U+20AC are 3 MiB of UTF-8: the units pass a 1 MiB cap, the bytes do not. At
  // most the cap plus one byte of UTF-8 is written (after a first try of one byte per unit), so
  // the memory grows by about twice the cap at most; encoding it all would take 4 MiB. (A small
  // cap, so that the memory this leaves free cannot hide the growth the controls below expect.)
  const cap = 1024 * 1024;
  const wide = '\u20ac'.repeat(cap);
  const before = memory();
  const verifier = createVerifier(KEY, { currentDate: NOW, maxTokenLength: cap });
  assert.equal(codeOf(() => verifier.verify(wide)), 'ERR_JWT_TOO_LONG');
  assert.equal(codeOf(() => jwtVerify(wide, KEY, { currentDate: NOW, maxTokenLength: cap })), 'ERR_JWT_TOO_LONG');
  verifier.free();
  const grown = memory() - before;
  console.log(`resources: a ${cap}-unit token of 3 MiB UTF-8 under a 1 MiB cap grew the wasm memory by ${grown} bytes`);
  assert.ok(grown < 3 * 1024 * 1024, `the wasm memory grew by ${grown} bytes`);
  assert.equal(jwtVerify(good, KEY, { currentDate: NOW }).payload.sub, 'ada');
});

test(`up to ${MAX_VERIFIES} mixed good and bad verifications (at most ${MAX_SECONDS} s), with decodes, expiry readings and signs among them, leave the wasm memory unchanged`, () => {
  const options = { currentDate: NOW, audience: 'api', algorithms: ['HS256'] };
  const verifier = createVerifier(KEY, options);
  const messages = new Set();
  const expected = bad.map((token) => codeOf(() => verifier.verify(token)));
  assert.ok(!expected.includes('ok'), 'every bad token is refused');
  const round = (i) => {
    const which = i % (bad.length + 2);
    const isGood = which >= bad.length;
    const token = isGood ? goods[(i >> 4) % goods.length] : bad[which];
    try {
      const result = i % 5 === 0 ? jwtVerify(token, KEY, options) : verifier.verify(token);
      if (result.payload.sub !== 'ada' || !isGood) throw new Error(`accepted the wrong token (${which})`);
    } catch (error) {
      if (!(error instanceof JwtError) || isGood || error.code !== expected[which]) throw error;
      messages.add(error.message);
    }
    if (i % 1000 === 0) createVerifier(KEY, options).free(); // building and freeing verifiers too
    // The other calls on the same loop: decoding and expiry of the same tokens (a bad one may be
    // refused, coded), and signing.
    if (i % 7 === 0) {
      for (const call of [() => decodeJwt(token), () => expiryInfo(token, { currentDate: NOW })]) {
        try {
          call();
        } catch (error) {
          if (!(error instanceof JwtError) || isGood) throw error;
        }
      }
    }
    if (i % 11 === 0 && jwtVerify(signJwt({ sub: 'ada', aud: 'api', n: i }, KEY, { expirationTime: NOW_S + 60 }), KEY, options).payload.n !== i) {
      throw new Error('a token signed in the loop did not verify as signed');
    }
  };

  for (let i = 0; i < 20_000; i += 1) round(i); // warm-up: the allocator reaches its working size
  const before = memory();
  const slotsBefore = jsValueSlots();
  const deadline = performance.now() + MAX_SECONDS * 1000;
  let done = 20_000;
  while (done < MAX_VERIFIES && (done % 4096 !== 0 || performance.now() < deadline)) {
    round(done);
    done += 1;
  }
  const after = memory();
  console.log(`resources: ${done} verifications, wasm memory ${before} bytes before, ${after} after the warm-up`);
  assert.equal(after, before, `the wasm memory grew from ${before} to ${after} bytes over ${done} verifications`);
  assert.equal(jsValueSlots(), slotsBefore, 'the table of JS values grew');
  assert.ok(done >= 200_000, `only ${done} verifications fitted in ${MAX_SECONDS} s`);
  assert.equal(verifier.verify(good).payload.sub, 'ada', 'the verifier still works');
  verifier.free();

  // No message names a token, nor any long piece of one.
  for (const message of messages) {
    for (const token of [good, ...bad]) {
      for (const part of [token, ...token.split('.')].filter((x) => x.length >= 12)) {
        assert.ok(!message.includes(part), `a message echoes a token: ${message}`);
      }
    }
  }
  assert.ok(messages.size >= 5, 'the bad tokens failed in several ways');
});

/** A valid token for user `n`: every n gives a distinct token. */
const userToken = (n) => signed('{"alg":"HS256"}', `{"sub":"user-${n}","aud":"api","exp":${NOW_S + 3600}}`);

test('values that throw while read (a circular claims set, a BigInt, getters, a Proxy, a detached buffer) are refused without growing the table of JS values or the memory', () => {
  const circular = {};
  circular.self = circular;
  const detached = new Uint8Array(32);
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  const throwing = { get issuer() { throw new Error('getter'); } };
  const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
  const unexpiring = signJwt({ sub: 'ada' }, KEY);
  const failures = [
    [() => signJwt(circular, KEY), 'ERR_JWT_INVALID'],
    [() => signJwt({ n: 1n }, KEY), 'ERR_JWT_INVALID'],
    [() => signJwt({ get sub() { throw new Error('getter'); } }, KEY), 'ERR_JWT_INVALID'],
    [() => new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(detached), 'ERR_KEY_INVALID'],
    [() => jwtVerify(unexpiring, KEY, throwing), 'ERR_OPTIONS_INVALID'],
    [() => jwtVerify(unexpiring, proxy), 'ERR_KEY_INVALID'],
    [() => createVerifier(KEY, proxy), 'ERR_OPTIONS_INVALID'],
  ];
  const round = () => {
    for (const [call, code] of failures) assert.equal(codeOf(call), code, String(call));
  };
  for (let i = 0; i < 200; i += 1) round(); // warm-up
  const before = memory();
  const slotsBefore = jsValueSlots();
  for (let i = 0; i < 3000; i += 1) round();
  assert.equal(jsValueSlots(), slotsBefore, `the table of JS values grew over ${3000 * failures.length} refusals`);
  assert.equal(memory(), before, 'the wasm memory grew');
  assert.equal(jwtVerify(unexpiring, KEY).payload.sub, 'ada');
});

test('a cache of 1000 fed 200,000 distinct valid tokens keeps the wasm memory flat after warm-up', () => {
  const verifier = createVerifier(KEY, { currentDate: NOW, audience: 'api', cache: 1000 });
  let n = 0;
  const feed = (count) => {
    for (const end = n + count; n < end; n += 1) {
      const token = userToken(n);
      if (verifier.verify(token).payload.sub !== `user-${n}`) throw new Error(`wrong answer for user ${n}`);
      if (n % 7 === 0 && verifier.verify(token).payload.sub !== `user-${n}`) throw new Error(`wrong hit for user ${n}`);
    }
  };
  feed(20_000); // warm-up: the cache fills, evicts, and its map and the allocator settle
  const before = memory();
  feed(200_000);
  const after = memory();
  console.log(`resources: 200000 distinct tokens through cache: 1000, wasm memory ${before} bytes before, ${after} after`);
  assert.equal(after, before, `the wasm memory grew from ${before} to ${after} bytes`);
  assert.equal(verifier.verify(userToken(n - 1)).payload.sub, `user-${n - 1}`);
  verifier.free();
});

test('control: a token under a raised cap is copied into wasm memory, and the probe sees it', () => {
  const before = memory();
  const big = `${h}.${'A'.repeat(8 * 1024 * 1024)}.${s}`;
  assert.equal(codeOf(() => jwtVerify(big, KEY, { currentDate: NOW, maxTokenLength: 16 * 1024 * 1024 })), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  assert.ok(memory() >= before + 8 * 1024 * 1024, `memory ${before} -> ${memory()}`);
  assert.equal(jwtVerify(good, KEY, { currentDate: NOW }).payload.sub, 'ada');
});

test('control: a cache large enough to keep 100,000 tokens grows the wasm memory, and the probe sees it', () => {
  const verifier = createVerifier(KEY, { currentDate: NOW, cache: 100_000 });
  const before = memory();
  for (let n = 1_000_000; n < 1_100_000; n += 1) verifier.verify(userToken(n));
  const grown = memory() - before;
  console.log(`resources: 100000 cached tokens grew the wasm memory by ${grown} bytes`);
  assert.ok(grown >= 100_000 * 64, `the wasm memory grew by only ${grown} bytes`);
  verifier.free();
});

test('a JWK\'s key_ops is checked for a repeated operation in near-linear time', () => {
  // Sixteen times the operations must take far less than 256 times as long (what comparing every
  // pair would take): the median of three timings of each size, compared as a ratio.
  const k = b64(KEY);
  const timed = (count) => {
    const key_ops = Array.from({ length: count }, (_, i) => `op${i}`);
    key_ops.push('verify', key_ops[count >> 1]);
    const times = [];
    for (let round = 0; round < 3; round += 1) {
      const start = performance.now();
      assert.equal(codeOf(() => jwtVerify(good, { kty: 'oct', k, key_ops }, { currentDate: NOW })), 'ERR_JWK_INVALID');
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[1];
  };
  timed(1_000);
  const small = timed(4_000);
  const large = timed(64_000);
  console.log(`resources: key_ops of 4,000 in ${small.toFixed(1)} ms, of 64,000 in ${large.toFixed(1)} ms`);
  assert.ok(large < small * 64, `${large} ms against ${small} ms`);
});

test('a header whose crit repeats a name is read in near-linear time, before any signature check', () => {
  // "crit" listing b64 `4n/3` times before `n` other members, with a signature that fails: each
  // distinct crit name is looked up once, so four times the header must take far less than the
  // sixteen times as long that looking up every listing would (the code that did took 163 ms for
  // the larger header against 12 ms for the smaller; this one about 4 ms against 1 to 4 ms). The
  // median of three timings of each size.
  const verifier = createVerifier(KEY, { currentDate: NOW, maxTokenLength: 300_000 });
  const forged = (n) => {
    const crit = Array.from({ length: Math.round((n * 4) / 3) }, () => '"b64"').join(',');
    const members = Array.from({ length: n }, (_, i) => `,"m${i}":0`).join('');
    return `${b64(`{"alg":"HS256","crit":[${crit}]${members},"b64":true}`)}.${b64('{}')}.AAAA`;
  };
  const timed = (token) => {
    const times = [];
    for (let round = 0; round < 3; round += 1) {
      const start = performance.now();
      assert.equal(codeOf(() => verifier.verify(token)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[1];
  };
  const [small, large] = [forged(3_000), forged(12_000)];
  assert.ok(small.length > 60_000 && large.length < 300_000, `${small.length} and ${large.length} characters`);
  timed(forged(500));
  const [smallMs, largeMs] = [timed(small), timed(large)];
  console.log(`resources: repeated crit, ${small.length} characters in ${smallMs.toFixed(1)} ms, ${large.length} in ${largeMs.toFixed(1)} ms`);
  assert.ok(largeMs < smallMs * 8, `${largeMs} ms against ${smallMs} ms`);
  verifier.free();
});

test('options read for one-shot calls are let go once later calls read other options', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const MiB = 1024 * 1024;
  const token = signed('{"alg":"HS256"}', JSON.stringify({ sub: 'ada', aud: 'api', exp: NOW_S + 60 }));
  const base = heap();
  // 2,048 audiences of 16 KiB each (flat strings, not a rope of one shared text), 32 MiB in
  // all, and the control: the probe sees them held.
  let options = { audience: Array.from({ length: 2048 }, (_, i) => Buffer.alloc(16_384, `${i}:`).toString('latin1')), currentDate: NOW };
  options.audience[0] = 'api';
  const held = heap() - base;
  assert.ok(held > 24 * MiB, `${held} bytes held`);
  assert.equal(jwtVerify(token, KEY, options).payload.sub, 'ada');
  assert.ok(signJwt({}, KEY, options).length > 32 * MiB);
  options = undefined;
  for (let round = 0; round < 3; round += 1) {
    assert.equal(jwtVerify(token, KEY, { audience: 'api', currentDate: NOW }).payload.sub, 'ada');
    assert.equal(decodeJwt(signJwt({}, KEY, { audience: 'api', currentDate: NOW })).aud, 'api');
  }
  const kept = heap() - base;
  assert.ok(kept < held / 4, `${kept} bytes of ${held} still held`);
});

test('Verifiers made for every request, 60,000 of them left to the garbage collector, keep the process alive', () => {
  // A fresh process, whose optimised loops inline the call into wasm. Once, the glue made the
  // Verifier (and registered it for finalization) inside that call: Node 20 and 22 then ended
  // with a V8 fatal error ("unreachable code", deoptimizing the loop) within 20,000 of them.
  const script = `
    import { createVerifier, signJwt } from 'jwt-wasm';
    const secret = 'a-shared-secret-of-at-least-32-bytes!';
    const token = signJwt({ sub: 'ada', iss: 'me' }, secret);
    let verified = 0;
    const started = Date.now();
    for (let i = 0; i < 30_000; i += 1) {
      if (createVerifier(secret, { issuer: 'me' }).verify(token).payload.sub === 'ada') verified += 1;
    }
    for (let i = 0; i < 30_000; i += 1) createVerifier(secret + (i % 7));
    console.log(JSON.stringify({ verified, seconds: (Date.now() - started) / 1000 }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('.', import.meta.url), encoding: 'utf8', timeout: 120_000 });
  assert.equal(child.status, 0, `${child.signal ?? ''} ${child.stderr.slice(-2000)}`);
  const { verified, seconds } = JSON.parse(child.stdout);
  assert.equal(verified, 30_000);
  console.log(`resources: 60,000 Verifiers made and dropped in ${seconds} s`);
});

test('free() lets go of the copy of the key that a Verifier keeps to make itself again', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  // Array buffers outside the wasm memory, once collected: finalized buffers go across turns.
  const buffers = async () => {
    for (let turn = 0; turn < 4; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    return process.memoryUsage().arrayBuffers;
  };
  const MiB = 1024 * 1024;
  const base = await buffers();
  let key = new Uint8Array(MiB).fill(7);
  const verifier = createVerifier(key, { currentDate: NOW });
  key = undefined;
  // The control: with the caller's array let go, the Verifier's copy is what holds a MiB.
  const held = (await buffers()) - base;
  assert.ok(held >= MiB, `${held} bytes held before free()`);
  verifier.free();
  const kept = (await buffers()) - base;
  assert.ok(kept < MiB / 4, `${kept} bytes still held after free()`);
  // The Verifier itself is still alive here, freed.
  assert.throws(() => verifier.verify(good), TypeError);
});

// Last: signing 64 MiB of claims grows the wasm memory by hundreds of MiB for good, which the
// controls above must not start from.
test('claims to sign and options of up to 64 MiB of text are taken, and over it in UTF-8 refused', () => {
  const pad = 'a'.repeat(64 * 1024 * 1024);
  // Within the cap in UTF-16 units, over it in UTF-8: encoded up to the cap and a byte, then refused.
  assert.equal(codeOf(() => signJwt({ pad: '\u20ac'.repeat(22 * 1024 * 1024) }, KEY)), 'ERR_JWT_TOO_LONG');
  assert.equal(codeOf(() => jwtVerify(good, KEY, { issuer: '\u20ac'.repeat(22 * 1024 * 1024) })), 'ERR_OPTIONS_INVALID');
  // Just within the caps: signed and verified; options read, their Dates not counted.
  const longest = signJwt({ pad: pad.slice(0, 64 * 1024 * 1024 - 10) }, KEY);
  assert.equal(jwtVerify(longest, KEY, { maxTokenLength: 2 ** 32 }).payload.pad.length, 64 * 1024 * 1024 - 10);
  assert.equal(codeOf(() => signJwt({ pad: pad.slice(0, 64 * 1024 * 1024 - 9) }, KEY)), 'ERR_JWT_TOO_LONG');
  const within = { issuer: 'i'.repeat(64 * 1024 * 1024 - 13) };
  assert.equal(JSON.stringify(within).length, 64 * 1024 * 1024);
  assert.equal(codeOf(() => jwtVerify(good, KEY, within)), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  assert.equal(codeOf(() => jwtVerify(good, KEY, { ...within, currentDate: NOW })), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  assert.equal(codeOf(() => jwtVerify(good, KEY, { issuer: `${within.issuer}i` })), 'ERR_OPTIONS_INVALID');
  assert.equal(codeOf(() => jwtVerify(good, KEY, { issuer: `${within.issuer}i`, currentDate: NOW })), 'ERR_OPTIONS_INVALID');
  assert.equal(jwtVerify(good, KEY, { currentDate: NOW }).payload.sub, 'ada');
});
