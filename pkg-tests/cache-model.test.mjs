// createVerifier's `cache`, model-based: seeded random sequences of operations (verify a token
// from a pool, move the clock, often onto an exp/nbf/iat/maxTokenAge edge, sometimes back) run
// against verifiers with small caches (1, 2, 3 entries and `true`), all alive at once under
// several keys and options. After every call, each cached verifier must answer as a verifier with
// the same key and options and no cache (the oracle): the same result, or the same error (class,
// name, code, claim, reason, message). Every success must also be the token's own header and
// claims, decoded here without the package, and a new object: results are mutated as soon as they
// are compared, so a result shared between calls (or a kept header handed out) shows up later.
//
// A small first-in-first-out model of each cache says which calls were hits, so that the run can
// show it exercised hits that pass, hits that fail on each time claim, and evictions (that a cache
// really keeps entries is cache.test.mjs's control). `CACHE_MODEL_SEEDS=a,b,c` runs other seeds,
// `CACHE_MODEL_STEPS=N` longer sequences (default 500).
//
// The clock: verifiers without `currentDate` read Date.now() at every call, so Date.now is
// replaced for the duration of each sequence.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { createVerifier, JwtError, signJwt } from 'jwt-wasm';

const SEEDS = (process.env.CACHE_MODEL_SEEDS ?? '1,2,3,20261126,0xC0FFEE,977').split(',').map(Number);
const STEPS = Number(process.env.CACHE_MODEL_STEPS ?? 500);
const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const OTHER = 'another-secret-of-at-least-32-bytes!!';
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z
const CACHES = [1, 2, 3, true];

/** xorshift32: `below(n)` is a whole number in [0, n). */
function xorshift(seed) {
  let x = (seed >>> 0) || 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const below = (n) => next() % n;
  return { below, pick: (list) => list[below(list.length)], chance: (p) => next() / 2 ** 32 < p };
}

// --- the token pool --------------------------------------------------------------------------
const b64 = (text) => Buffer.from(text).toString('base64url');
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
/** A token from header and payload JSON text, as written (duplicates and literals survive). */
function handMade(headerText, payloadText, secret = SECRET, alg = 'HS256') {
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  return `${input}.${createHmac(HASH[alg], secret).update(input).digest('base64url')}`;
}
const flip = (text, at) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
const AT = { currentDate: new Date(T0 * 1000) };
const claims = (extra) => ({ sub: 'ada', iss: 'me', aud: 'api', roles: ['reader'], ...extra });

const signed = {
  valid: signJwt(claims({ exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true }),
  short: signJwt(claims({ exp: T0 + 5 }), SECRET, { ...AT, issuedAt: true }),
  fractionalExp: signJwt(claims({ exp: T0 + 7.5, iat: T0 - 0.25 }), SECRET),
  notYet: signJwt(claims({ nbf: T0 + 20, exp: T0 + 90 }), SECRET, { ...AT, issuedAt: true }),
  oneSecondWindow: signJwt(claims({ nbf: T0 + 30, exp: T0 + 31 }), SECRET),
  iatFuture: signJwt(claims({ iat: T0 + 15, exp: T0 + 120 }), SECRET),
  iatPast: signJwt(claims({ iat: T0 - 40, exp: T0 + 120 }), SECRET),
  noExp: signJwt(claims({}), SECRET, { ...AT, issuedAt: true }),
  noTimes: signJwt(claims({}), SECRET),
  wrongIss: signJwt(claims({ iss: 'them', exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true }),
  wrongAud: signJwt(claims({ aud: 'web', exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true }),
  audList: signJwt(claims({ aud: ['web', 'api'], exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true }),
  kid1: signJwt(claims({ exp: T0 + 45 }), SECRET, { ...AT, issuedAt: true, header: { kid: 'k1' } }),
  kid2: signJwt(claims({ exp: T0 + 45 }), SECRET, { ...AT, issuedAt: true, header: { kid: 'k2' } }),
  typJwt: signJwt(claims({ exp: T0 + 50 }), SECRET, { ...AT, issuedAt: true, header: { typ: 'JWT' } }),
  typAt: signJwt(claims({ exp: T0 + 50 }), SECRET, { ...AT, issuedAt: true, header: { typ: 'at+jwt', kid: 'k1' } }),
  hs384: signJwt(claims({ exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true, alg: 'HS384' }),
  hs512: signJwt(claims({ exp: T0 + 60 }), SECRET, { ...AT, issuedAt: true, alg: 'HS512' }),
  otherSecret: signJwt(claims({ exp: T0 + 60 }), OTHER, { ...AT, issuedAt: true }),
  otherSecretNbf: signJwt(claims({ nbf: T0 + 20, exp: T0 + 90 }), OTHER, { ...AT, issuedAt: true }),
  large: signJwt(claims({ exp: T0 + 60, blob: 'x'.repeat(9000) }), SECRET, { ...AT, issuedAt: true }),
};
const [vh, vp, vs] = signed.valid.split('.');
const pool = {
  ...signed,
  // Same header and payload as `valid`, another token's signature; and the reverse.
  swappedSignature: `${vh}.${vp}.${signed.short.split('.')[2]}`,
  swappedPayload: `${vh}.${signed.short.split('.')[1]}.${vs}`,
  headerFlipped: `${flip(vh, 2)}.${vp}.${vs}`,
  payloadFlipped: `${vh}.${flip(vp, 7)}.${vs}`,
  signatureFlipped: `${vh}.${vp}.${flip(vs, 4)}`,
  signatureLastFlipped: `${vh}.${vp}.${flip(vs, vs.length - 1)}`,
  trailingA: `${signed.valid}A`,
  trailingSpace: `${signed.valid} `,
  trailingDot: `${signed.valid}.`,
  leadingSpace: ` ${signed.valid}`,
  cutShort: signed.valid.slice(0, -1),
  loneSurrogate: `${signed.valid}\uD800`,
  // Same claims, a header that differs only in its text (spacing, member order).
  headerSpaced: handMade('{"alg":"HS256" }', JSON.stringify(claims({ exp: T0 + 60, iat: T0 }))),
  headerReordered: handMade('{"typ":"JWT","alg":"HS256"}', JSON.stringify(claims({ exp: T0 + 60, iat: T0 }))),
  headerNested: handMade('{"alg":"HS256","kid":"k3","ext":{"a":[1,2]}}', JSON.stringify(claims({ exp: T0 + 60, iat: T0 }))),
  headerNestedTwin: handMade('{"alg":"HS256","kid":"k3","ext":{"a":[1,2]}}', JSON.stringify(claims({ exp: T0 + 61, iat: T0 }))),
  critUnknown: handMade('{"alg":"HS256","crit":["x"],"x":1}', JSON.stringify(claims({ exp: T0 + 60 }))),
  unencoded: handMade('{"alg":"HS256","b64":false,"crit":["b64"]}', JSON.stringify(claims({ exp: T0 + 60 }))),
  algNone: `${b64('{"alg":"none"}')}.${vp}.`,
  duplicateClaim: handMade('{"alg":"HS256"}', '{"sub":"ada","sub":"eve","exp":1767225660}'),
  expString: handMade('{"alg":"HS256"}', '{"sub":"ada","exp":"1767225660"}'),
  expHuge: handMade('{"alg":"HS256"}', '{"sub":"ada","exp":1e400}'),
  iatBad: handMade('{"alg":"HS256"}', '{"sub":"ada","iat":null,"exp":1767225660}'),
  claimsArray: handMade('{"alg":"HS256"}', '[1,2]'),
  twoSegments: `${vh}.${vp}`,
  fourSegments: `${signed.valid}.${vs}`,
  empty: '',
  notAToken: 'abc',
  notAString: 12345,
  missing: undefined,
};
const NAMES = Object.keys(pool);

/** The header and claims of a token as decoded here (null for what is no three-segment token). */
function decodedHere(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    const read = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());
    return { payload: read(parts[1]), protectedHeader: read(parts[0]) };
  } catch {
    return null;
  }
}

/** Each time claim's edges, shifted by the tolerances and token ages the configurations use. */
function edgesOf(token) {
  const { payload } = decodedHere(token) ?? {};
  const edges = [];
  if (typeof payload !== 'object' || payload === null) return edges;
  for (const name of ['exp', 'nbf', 'iat']) {
    const value = payload[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const bases = name === 'iat' ? [value, value + 20, value + 30, value + 60] : [value];
    for (const base of bases) for (const tolerance of [0, 2.5, 3, 5]) edges.push(base - tolerance, base + tolerance);
  }
  return edges;
}
const EDGES = [...new Set(Object.values(pool).flatMap(edgesOf))];

// --- the verifiers -----------------------------------------------------------------------------
const JWK512 = { kty: 'oct', k: Buffer.from(SECRET).toString('base64url'), alg: 'HS512' };
const CONFIGS = {
  plain: [SECRET, {}],
  tolerant: [SECRET, { clockTolerance: 5 }],
  young: [SECRET, { maxTokenAge: 30 }],
  youngTolerant: [SECRET, { maxTokenAge: '20s', clockTolerance: '3s', audience: 'api' }],
  strict: [SECRET, { issuer: 'me', audience: ['api', 'web'], requiredClaims: ['exp'], typ: 'JWT' }],
  algorithms: [SECRET, { algorithms: ['HS256', 'HS512'], maxTokenLength: 2000 }],
  other: [OTHER, { clockTolerance: 2.5 }],
  fixedClock: [SECRET, { currentDate: new Date((T0 + 30) * 1000), maxTokenAge: 60 }],
  jwk512: [JWK512, { subject: 'ada' }],
};

function makeVerifiers() {
  return Object.entries(CONFIGS).map(([name, [key, options]]) => ({
    name,
    oracle: createVerifier(key, options),
    cached: CACHES.map((cache) => ({ cache, verifier: createVerifier(key, { ...options, cache }), model: [], last: new Map() })),
  }));
}

/** What a call gave, as data to compare; `value` is the result or error itself. */
function outcome(call) {
  try {
    const value = call();
    return { ok: true, value, shape: { keys: Object.keys(value), payload: value.payload, protectedHeader: value.protectedHeader } };
  } catch (error) {
    const { name, code, claim, reason, message } = error;
    const shape = { jwtError: error instanceof JwtError, class: error?.constructor?.name, name, code, claim, reason, message, keys: Object.keys(error) };
    return { ok: false, value: error, shape };
  }
}

/** Changes everything a caller could change in a result. */
function mutate(result) {
  const { payload, protectedHeader } = result;
  payload.sub = 'mallory';
  payload.exp = Number.MAX_SAFE_INTEGER;
  delete payload.aud;
  payload.roles?.push('admin');
  protectedHeader.alg = 'none';
  protectedHeader.kid = 'evil';
  protectedHeader.ext?.a.push(3);
  result.extra = true;
}

// --- the run -------------------------------------------------------------------------------------
const kinds = ['hit ok', 'hit exp', 'hit nbf', 'hit iat', 'eviction', 'miss ok', 'miss failed'];
const coverage = Object.fromEntries(kinds.map((kind) => [kind, 0]));

function run(seed) {
  const random = xorshift(seed);
  const verifiers = makeVerifiers();
  const log = [];
  let millis = T0 * 1000;
  const realNow = Date.now;
  Date.now = () => millis;
  try {
    let recent = [];
    for (let step = 0; step < STEPS; step += 1) {
      const roll = random.below(100);
      if (roll < 25) {
        if (roll < 12) millis += random.below(3000);
        else if (roll < 22) millis = random.pick(EDGES) * 1000 + random.pick([-1000, -1, 0, 1, 500, 999, 1000]);
        else millis -= random.below(5000);
        log.push(`clock ${millis / 1000}`);
        continue;
      }
      const name = recent.length > 0 && random.chance(0.5) ? random.pick(recent) : random.pick(NAMES);
      recent = [name, ...recent.filter((n) => n !== name)].slice(0, 4);
      const token = pool[name];
      const chosen = random.chance(0.3) ? verifiers : [random.pick(verifiers)];
      log.push(`verify ${name} with ${chosen.length === 1 ? chosen[0].name : 'all'}`);
      const where = () => `seed ${seed}, step ${step}, clock ${millis / 1000}s; last operations:\n  ${log.slice(-12).join('\n  ')}`;
      for (const { name: config, oracle, cached } of chosen) {
        const expected = outcome(() => oracle.verify(token));
        if (expected.ok) {
          assert.deepEqual(expected.shape.payload, decodedHere(token).payload, `oracle payload, ${config}, ${name}: ${where()}`);
          assert.deepEqual(expected.shape.protectedHeader, decodedHere(token).protectedHeader, `oracle header, ${config}, ${name}: ${where()}`);
        }
        for (const entry of cached) {
          const got = outcome(() => entry.verifier.verify(token));
          const label = `${config} (cache: ${entry.cache}), ${name}: ${where()}`;
          assert.deepEqual(got.shape, expected.shape, label);
          assert.equal(got.ok, expected.ok, label);
          const previous = entry.last.get(name);
          if (previous !== undefined) {
            assert.notEqual(got.value, previous.value, `the same object twice: ${label}`);
            if (got.ok && previous.ok) {
              assert.notEqual(got.value.payload, previous.value.payload, `the same payload object twice: ${label}`);
              assert.notEqual(got.value.protectedHeader, previous.value.protectedHeader, `the same header object twice: ${label}`);
            }
          }
          entry.last.set(name, got);
          // The model: a hit is a token among the last `cache` tokens that verified on a miss.
          const capacity = entry.cache === true ? 1000 : entry.cache;
          if (entry.model.includes(token)) {
            coverage[got.ok ? 'hit ok' : `hit ${got.shape.claim}`] += 1;
          } else if (got.ok) {
            coverage['miss ok'] += 1;
            entry.model.push(token);
            if (entry.model.length > capacity) {
              entry.model.shift();
              coverage.eviction += 1;
            }
          } else {
            coverage['miss failed'] += 1;
          }
          if (got.ok) mutate(got.value);
        }
        if (expected.ok) mutate(expected.value);
      }
    }
  } finally {
    Date.now = realNow;
    for (const { oracle, cached } of verifiers) {
      oracle.free();
      for (const { verifier } of cached) verifier.free();
    }
  }
}

test('cached verifiers answer every call as verifiers without a cache, over random sequences', () => {
  for (const seed of SEEDS) run(seed);
  // Not a result but the run's reach: every kind of call the cache has was made.
  for (const kind of kinds) assert.ok(coverage[kind] > 0, `no "${kind}" in the run: ${JSON.stringify(coverage)}`);
});

test('the pool holds what the run needs: tokens that pass, fail, and pass only at some times', () => {
  const [key, options] = CONFIGS.plain;
  const plain = createVerifier(key, { ...options, currentDate: new Date(T0 * 1000) });
  const later = createVerifier(key, { ...options, currentDate: new Date((T0 + 100) * 1000) });
  const ok = (verifier, name) => outcome(() => verifier.verify(pool[name])).ok;
  assert.ok(NAMES.some((name) => ok(plain, name)), 'no token passes');
  assert.ok(NAMES.some((name) => !ok(plain, name)), 'no token fails');
  assert.ok(NAMES.some((name) => ok(plain, name) !== ok(later, name)), 'no token whose outcome changes with time');
  assert.notEqual(decodedHere(pool.headerSpaced), null, 'the hand-made tokens do not decode');
  assert.ok(EDGES.length > 20, `only ${EDGES.length} time edges`);
});
