// Differential testing of SIGNING against jose: thousands of seeded, deterministic builder call
// sequences (new SignJWT(...).setX(...)...sign(key)) and signJwt option sets go through jose's
// SignJWT and ours with the same payload, header, key and one fixed instant (jose reads the clock
// with `new Date()` at each setter; ours gets `currentDate`, or reads `Date.now()` itself: both are
// stubbed to that instant for the length of the calls). Both must give the same outcome: on
// success the same protected header and claims (as objects), tokens whose HMAC is right, that
// each library verifies as it verifies the other's, and the same bytes wherever the texts agree;
// on failure the same code. Each disagreement is classified: one of the deliberate differences the
// README lists (each entry below quotes its line; the last test checks they are there), where our
// answer must be the listed one, or a failure, printed shrunk to a small case. Where the bytes
// differ only in member order, ours must follow the documented order. `SIGN_DIFF_CASES=N` runs
// more cases (default 5000), `SIGN_DIFF_SEED=S` another seed, `SIGN_DIFF_SHOW=N` shrinks and
// prints N failures (default 5).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import * as jose from 'jose';
import { decodeJwt, decodeProtectedHeader, JwtError, jwtVerify, SignJWT, signJwt } from 'jwt-wasm';
import { generator, isZeroKey, memberNames, randomJson } from './runtimes/differential.mjs';

const CASES = Number(process.env.SIGN_DIFF_CASES ?? 5000);
const SEED = Number(process.env.SIGN_DIFF_SEED ?? 20261128);
const NOW_MS = 1_700_000_000_000;
const SECRET = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');

// --- one fixed instant for both libraries ---------------------------------------------------------
// jose's SignJWT reads the clock with `new Date()` in its setters; our binding reads `Date.now()`
// when it is given no currentDate. Both read the global `Date` at the call, so for the length of a
// synchronous call it is a Proxy of the real one that answers a fixed instant to `new Date()` and
// `Date.now()` and passes everything else through (`instanceof Date` still answers as before).
const RealDate = Date;
function withClock(ms, fn) {
  const fixed = new Proxy(RealDate, {
    construct: (target, args) => Reflect.construct(target, args.length === 0 ? [ms] : args),
    apply: () => new RealDate(ms).toString(),
    get: (target, name, receiver) => (name === 'now' ? () => ms : Reflect.get(target, name, receiver)),
  });
  globalThis.Date = fixed;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

// --- inputs ---------------------------------------------------------------------------------------
// With control characters and a character beyond U+1FFFF (bytes are compared only where no
// member moves; the api test checks the writer against JSON.stringify).
const WORDS = ['a', 'api', 'web', 'issuer-1', 'https://auth.example', 'ada', 'Ада', '😀', 'x y', '', 'id-"1"', '\u2028', 'a\\b', 'c\b\f\t\u0001\u001f', '\u{20BB7}'];
const UNITS = [
  's', 'sec', 'secs', 'second', 'seconds', 'm', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours',
  'd', 'day', 'days', 'w', 'week', 'weeks', 'y', 'yr', 'yrs', 'year', 'years',
];
/** Not durations in jose's grammar (or, for the last few, not strings JSON can carry faithfully). */
const BAD_DURATIONS = [
  '', 's', '5', '1e3s', '.5h', '5.h', '1..5h', '1.2.3s', '1h ', '  1h', '1  h', '1h  ago', '1hago', '1 fortnight', '1 mo', '1ms',
  '１h', '1\th', '1\u00a0h', '--1h', '+-1h', '1h later', 'ago', '-1h ago', '+1h from now', '- 1h from now', 'NaN s',
  'Infinity s', '0x10s', '1_000s', 'P1D', '1h30m', 'in 1h', '3600', '2026-01-01T00:00:00Z', '1 hour  from now', '\ud800s', '1 s\udc00',
];
class Claims {
  constructor() {
    this.sub = 'ada';
  }
}

/** A duration string in jose's full grammar: sign, spaces, integer or decimal, every unit in three cases, ago / from now. */
function durationText(g) {
  const number = g.pick([
    () => String(g.int(0, 120)),
    () => `${g.int(0, 99)}.${g.int(0, 999)}`,
    () => String(g.int(0, 1e6)),
    () => g.pick(['0', '00', '007', '0.5', '1.5', '2.5', '0.4', '300000000', '285616', `1${'0'.repeat(g.int(15, 400))}`]),
  ])();
  const base = g.pick(UNITS);
  const unit = g.pick([base, base, base.toUpperCase(), base[0].toUpperCase() + base.slice(1)]);
  const signed = g.chance(0.3);
  const sign = signed ? g.pick(['+', '-']) : '';
  const suffix = !signed && g.chance(0.3) ? g.pick([' ago', ' from now', ' AGO', ' From Now']) : '';
  return `${sign}${g.chance(0.2) ? ' ' : ''}${number}${g.chance(0.3) ? ' ' : ''}${unit}${suffix}`;
}

function numberInput(g, clockMs) {
  return g.pick([
    () => Math.floor(clockMs / 1000) + g.int(-100_000, 100_000),
    () => Math.floor(clockMs / 1000) + g.int(-100, 100) + g.pick([0.25, 0.5, 0.999]),
    () => g.int(-1e6, 1e6),
    () => g.pick([0, -0, 1, -1, 0.5, -1.25, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53 - 1), -(2 ** 53) - 2, 1e21, -1e21, 1e-7, 5e-324,
      Number.MAX_VALUE, 1e300, NaN, Infinity, -Infinity]),
  ])();
}

function dateInput(g, clockMs) {
  return g.pick([
    () => new RealDate(clockMs + g.int(-1e9, 1e9)),
    () => new RealDate(g.int(-1e12, 1e12)),
    () => new RealDate(g.pick([0, -1, -1500, 999, -8.64e15, 8.64e15, NaN])),
  ])();
}

/** What a time setter (or option) is given. */
function timeInput(g, clockMs) {
  const roll = g.next();
  if (roll < 0.35) return durationText(g);
  if (roll < 0.45) return g.pick(BAD_DURATIONS);
  if (roll < 0.7) return numberInput(g, clockMs);
  if (roll < 0.9) return dateInput(g, clockMs);
  return g.pick([true, false, null, undefined, {}, [1], 1n, new Number(5)]);
}

function stringInput(g) {
  return g.chance(0.92) ? g.pick(WORDS) : g.pick([1, 0, true, null, {}, ['a'], new RealDate(0), '\ud800', 'a\udc00b', undefined]);
}

function audienceInput(g) {
  return g.pick([
    () => g.pick(WORDS),
    () => g.pick(WORDS),
    () => Array.from({ length: g.int(1, 3) }, () => g.pick(WORDS)),
    () => Array.from({ length: g.int(1, 3) }, () => g.pick(WORDS)),
    () => g.pick([[], [''], ['a', 1], ['a', null], 1, null, {}, ['\ud800'], [['a']], undefined]),
  ])();
}


/** An object with these members in this order, each an own data member (`__proto__` too). */
function objectOf(members) {
  const out = {};
  for (const [name, value] of members) {
    if (!Object.hasOwn(out, name)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function makePayload(g, clockMs) {
  if (g.chance(0.03)) return g.pick([[], null, new Map([['a', 1]]), new RealDate(0), 'x', 5, new Claims()]);
  const secs = Math.floor(clockMs / 1000);
  const members = [];
  for (const name of ['iss', 'sub', 'jti']) if (g.chance(0.25)) members.push([name, g.chance(0.85) ? g.pick(WORDS) : g.pick([1, null, ['a']])]);
  if (g.chance(0.25)) members.push(['aud', audienceInput(g) ?? 'api']);
  for (const name of ['iat', 'nbf', 'exp']) {
    if (!g.chance(0.25)) continue;
    members.push([name, g.chance(0.8)
      ? secs + g.int(-1000, 1000) + (g.chance(0.2) ? 0.5 : 0)
      : g.pick(['1700000000', null, true, NaN, Infinity, new RealDate(0), undefined, [], -0, 1e21])]);
  }
  for (let i = g.int(0, 3); i > 0; i -= 1) members.push([`x-${g.pick(WORDS)}-${i}`, randomJson(g, WORDS)]);
  if (g.chance(0.08)) {
    members.push(g.pick([
      ['f', () => 1], ['sym', Symbol('s')], ['u', undefined], ['at', new RealDate(0)], ['z', -0], ['nan', [NaN, Infinity]],
      ['lone', '\ud800'], ['big', 1n], ['map', new Map([['a', 1]])], ['j', { toJSON: () => ({ a: 1 }) }], ['__proto__', { a: 1 }],
      ['7', 'integer-like name'], ['deep', [{ f: () => 1, u: undefined }]], ['\udc00', 1],
    ]));
  }
  if (g.chance(0.02)) return undefined;
  return objectOf(g.chance(0.7) ? g.shuffle(members) : members);
}

const NO_HEADER = Symbol('no setProtectedHeader()');

function makeHeader(g) {
  if (g.chance(0.02)) return g.pick([[], null, 'HS256', new Map()]);
  const members = [];
  const roll = g.next();
  if (roll < 0.85) members.push(['alg', g.pick(['HS256', 'HS256', 'HS384', 'HS512'])]);
  else if (roll < 0.95) members.push(['alg', g.pick(['none', '', 'RS256', 'hs256', 'HS999', 1, null, undefined, ['HS256']])]);
  if (g.chance(0.4)) members.push(['typ', g.pick(['JWT', 'at+jwt', 'application/jwt', 1, null, ''])]);
  if (g.chance(0.3)) members.push(['kid', g.chance(0.95) ? `k${g.int(0, 9)}` : g.pick(['', '\ud800', 7])]);
  if (g.chance(0.1)) members.push(['cty', 'JWT']);
  if (g.chance(0.2)) members.push([`x-${g.pick(WORDS)}`, randomJson(g, WORDS)]);
  if (g.chance(0.04)) members.push(...g.pick([[['b64', true]], [['b64', false]], [['crit', ['x']], ['x', 1]], [['crit', ['b64']], ['b64', false]], [['crit', []]]]));
  if (g.chance(0.04)) members.push(['x-odd', g.pick([NaN, Infinity, new RealDate(0), () => 1, undefined, 1n, Symbol('s'), new Map(), { toJSON: () => 1 }])]);
  return objectOf(g.chance(0.5) ? g.shuffle(members) : members);
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64url');

function makeKey(g) {
  const random = (length) => new Uint8Array(length).map(() => g.int(0, 255));
  const roll = g.next();
  if (roll < 0.55) return g.chance(0.1) ? Buffer.from(random(g.int(1, 80))) : random(g.int(1, 80));
  if (roll < 0.7) return g.pick(['secret', 'a-shared-secret-of-at-least-32-bytes!', 'Ада-ключ', '😀', 'x\ud800y', String(g.int(0, 1e9))]);
  if (roll < 0.93) {
    const jwk = { kty: 'oct', k: b64(random(g.int(1, 64))) };
    if (g.chance(0.4)) jwk.alg = g.chance(0.9) ? g.pick(['HS256', 'HS384', 'HS512']) : g.pick(['RS256', 1]);
    if (g.chance(0.15)) jwk.use = g.pick(['sig', 'sig', 'enc']);
    if (g.chance(0.15)) jwk.key_ops = g.pick([['sign'], ['verify'], ['sign', 'verify'], ['sign', 'sign'], 'sign']);
    if (g.chance(0.05)) jwk.ext = g.pick([true, false, 'x']);
    if (g.chance(0.1)) jwk.kid = g.pick(['k1', '']);
    return jwk;
  }
  return g.pick([
    () => new Uint8Array(g.int(1, 64)), () => '\0', () => ({ kty: 'oct', k: 'AAAA' }),
    () => new Uint8Array(0), () => '', () => ({ kty: 'oct', k: '' }), () => ({ kty: 'oct', k: `${b64(random(31))}=` }),
    () => `{"kty":"oct","k":"${b64(random(32))}"}`, () => null, () => 42, () => random(32).buffer, () => new Uint16Array(16),
    () => ({ kty: 'RSA', k: 'c2VjcmV0' }),
  ])();
}

const SETTERS = ['setIssuer', 'setSubject', 'setAudience', 'setJti', 'setIssuedAt', 'setExpirationTime', 'setNotBefore'];

function argsFor(g, method, clockMs) {
  switch (method) {
    case 'setAudience': return [audienceInput(g)];
    case 'setIssuedAt': return g.chance(0.4) ? [] : g.chance(0.1) ? [undefined] : [timeInput(g, clockMs)];
    case 'setExpirationTime':
    case 'setNotBefore': return [timeInput(g, clockMs)];
    default: return [stringInput(g)];
  }
}

function makeCase(g) {
  const clockMs = g.pick([
    () => NOW_MS + g.int(0, 999),
    () => NOW_MS + g.int(-5, 5) * 86_400_000 + g.int(0, 999),
    () => g.int(-2e12, 4e12),
    () => g.pick([0, -1, -1500, 999, 1000, 8.64e15, -8.64e15]),
  ])();
  // Ours is given the instant as currentDate, or reads it from the stubbed Date.now().
  const ourClock = g.chance(0.75) ? 'currentDate' : 'Date.now';
  const key = makeKey(g);
  const header = g.chance(0.93) ? makeHeader(g) : NO_HEADER;
  if (g.chance(0.6)) {
    const payload = makePayload(g, clockMs);
    const calls = [];
    for (let i = g.int(0, 7); i > 0; i -= 1) {
      const method = g.pick(SETTERS);
      calls.push([method, argsFor(g, method, clockMs)]);
      if (g.chance(0.1)) calls.push([method, argsFor(g, method, clockMs)]); // the same setter again
    }
    if (header !== NO_HEADER) calls.splice(g.int(0, calls.length), 0, ['setProtectedHeader', [header]]);
    if (g.chance(0.02)) calls.splice(g.int(0, calls.length), 0, ['setProtectedHeader', g.pick([[undefined], [{ alg: 'HS256' }]])]);
    return { api: 'SignJWT', payload, calls, key, clockMs, ourClock };
  }
  const payload = makePayload(g, clockMs) ?? {};
  const options = {};
  if (header !== NO_HEADER && g.chance(0.8)) options.header = header;
  const headerAlg = options.header?.alg;
  if (g.chance(0.3) && (headerAlg === undefined || typeof headerAlg === 'string')) {
    // alg and header.alg differing is signJwt's own refusal, with no jose counterpart: not generated.
    options.alg = typeof headerAlg === 'string' ? headerAlg : g.chance(0.9) ? g.pick(['HS256', 'HS384', 'HS512']) : g.pick(['', 'none', 'RS256']);
  }
  if (g.chance(0.4)) options.issuedAt = g.pick([true, true, false, timeInput(g, clockMs), undefined]);
  if (g.chance(0.4)) options.expirationTime = timeInput(g, clockMs);
  if (g.chance(0.2)) options.notBefore = timeInput(g, clockMs);
  for (const name of ['issuer', 'subject', 'jti']) if (g.chance(0.3)) options[name] = stringInput(g);
  if (g.chance(0.3)) options.audience = audienceInput(g);
  const badCurrentDate = ourClock === 'currentDate' && g.chance(0.01);
  return { api: 'signJwt', payload, options, key, clockMs, ourClock, badCurrentDate };
}

// --- the same case for each library ---------------------------------------------------------------
const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value)) && !Array.isArray(value);

/** jose's builder calls for a signJwt options object (jose has no alg option: it goes in the header). */
function joseCallsOf(testCase) {
  if (testCase.api === 'SignJWT') return testCase.calls;
  const { options } = testCase;
  const calls = [];
  let header = options.header;
  if (options.alg !== undefined) {
    header = isPlainObject(header)
      ? objectOf([['alg', options.alg], ...Object.entries(header).filter(([name]) => name !== 'alg')])
      : header === undefined ? { alg: options.alg } : header;
  }
  if (header !== undefined) calls.push(['setProtectedHeader', [header]]);
  const setters = [['issuer', 'setIssuer'], ['subject', 'setSubject'], ['audience', 'setAudience'], ['jti', 'setJti'],
    ['issuedAt', 'setIssuedAt'], ['expirationTime', 'setExpirationTime'], ['notBefore', 'setNotBefore']];
  for (const [name, method] of setters) {
    const value = options[name];
    if (value === undefined || (name === 'issuedAt' && value === false)) continue;
    calls.push([method, name === 'issuedAt' && value === true ? [] : [value]]);
  }
  return calls;
}

/** The key as jose takes it: a string secret as its UTF-8 bytes (TextEncoder's, as ours reads it). */
const joseKeyOf = (key) => (typeof key === 'string' ? new TextEncoder().encode(key) : key);

function secretBytes(key) {
  if (typeof key === 'string') return Buffer.from(new TextEncoder().encode(key));
  if (key instanceof Uint8Array) return Buffer.from(key);
  return Buffer.from(key.k, 'base64url');
}

function failure(error) {
  const out = { code: error.code };
  if (error.claim !== undefined) out.claim = error.claim;
  if (error.reason !== undefined) out.reason = error.reason;
  return out;
}

const segmentText = (token, i) => Buffer.from(token.split('.')[i], 'base64url').toString('utf8');

function success(token, decode) {
  return { ok: true, token, header: decode.header(token), payload: decode.payload(token), headerText: segmentText(token, 0), payloadText: segmentText(token, 1) };
}

async function joseOutcome(testCase) {
  try {
    const pending = withClock(testCase.clockMs, () => {
      let builder = new jose.SignJWT(testCase.payload);
      for (const [method, args] of joseCallsOf(testCase)) builder = builder[method](...args);
      return builder.sign(joseKeyOf(testCase.key));
    });
    return success(await pending, { header: jose.decodeProtectedHeader, payload: jose.decodeJwt });
  } catch (error) {
    if (typeof error?.code === 'string' && error.code.startsWith('ERR_')) return failure(error);
    return { uncoded: `${error?.name}: ${error?.message}` };
  }
}

function ourOutcome(testCase) {
  const { clockMs, ourClock } = testCase;
  const currentDate = testCase.badCurrentDate ? new RealDate(NaN) : new RealDate(clockMs);
  const run = () => {
    if (testCase.api === 'signJwt') {
      return signJwt(testCase.payload, testCase.key, ourClock === 'currentDate' ? { ...testCase.options, currentDate } : testCase.options);
    }
    let builder = new SignJWT(testCase.payload);
    for (const [method, args] of testCase.calls) builder = builder[method](...args);
    return ourClock === 'currentDate' ? builder.sign(testCase.key, { currentDate }) : builder.sign(testCase.key);
  };
  try {
    // With currentDate given, the real clock runs: ours must not read it.
    const token = ourClock === 'currentDate' ? run() : withClock(clockMs, run);
    return success(token, { header: decodeProtectedHeader, payload: decodeJwt });
  } catch (error) {
    if (!(error instanceof JwtError)) return { uncoded: `${error?.name}: ${error?.message}` };
    return failure(error);
  }
}

const same = (a, b) => {
  try {
    if (a.ok && b.ok) {
      assert.deepStrictEqual(a.header, b.header);
      assert.deepStrictEqual(a.payload, b.payload);
      return true;
    }
    return !a.ok && !b.ok && a.code !== undefined && a.code === b.code;
  } catch {
    return false;
  }
};

// --- facts about a case, for the listed differences -------------------------------------------------
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `test` holds for a value or any member name or value nested in it (plain data only). */
function anywhere(value, testValue, depth = 0) {
  if (testValue(value)) return true;
  if (depth > 40 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => anywhere(item, testValue, depth + 1));
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([name, item]) => testValue(name) || anywhere(item, testValue, depth + 1));
}

const hasLoneSurrogate = (value) => anywhere(value, (v) => typeof v === 'string' && LONE_SURROGATE.test(v));
/** What JSON cannot carry faithfully, which options refuse: functions, symbols, BigInts, non-finite numbers, Dates and other objects with toJSON, class instances. */
const notJsonData = (v) =>
  typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' || (typeof v === 'number' && !Number.isFinite(v)) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && !isPlainObject(v)) || (isPlainObject(v) && typeof v.toJSON === 'function');

/** The protected header the case gives (the last setProtectedHeader's, or signJwt's header option). */
function headerOf(testCase) {
  if (testCase.api === 'signJwt') return testCase.options.header;
  const set = testCase.calls.filter(([method]) => method === 'setProtectedHeader');
  return set.length === 0 ? undefined : set.at(-1)[1][0];
}

/** The claims the case sets by option or setter, mapped to the final value given. */
function claimsSet(testCase) {
  const byMethod = { setIssuer: 'iss', setSubject: 'sub', setAudience: 'aud', setJti: 'jti', setIssuedAt: 'iat', setExpirationTime: 'exp', setNotBefore: 'nbf' };
  const set = new Map();
  for (const [method, args] of joseCallsOf(testCase)) {
    if (byMethod[method] !== undefined) set.set(byMethod[method], args.length === 0 ? true : args[0]);
  }
  return set;
}

function jsonView(value) {
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return undefined;
  }
}

/** Every value the case passes as an option or to a setter (not the payload, not the key). */
const optionValues = (testCase) => joseCallsOf(testCase).flatMap(([, args]) => args);

/** What jose's uncoded errors refuse, and the codes ours may give for it. */
const UNCODED = [
  [/Zero-length key|Key for the|Invalid key for this operation|JSON Web Key|"ext"|"key_ops"|not correctly encoded/, ['ERR_KEY_INVALID', 'ERR_JWK_INVALID', 'ERR_JOSE_NOT_SUPPORTED']],
  [/claim must be a string|"aud" claim must be|Invalid set\w+ input|Invalid time period format|can only be called once/, ['ERR_OPTIONS_INVALID']],
  [/JWT Claims Set MUST be an object|could not be cloned|serialize a BigInt|claim must be a finite number/, ['ERR_JWT_INVALID', 'ERR_JWT_CLAIM_VALIDATION_FAILED']],
];

/** The parts of a case, each on its own with everything else at a value both accept. */
function partsOf(c) {
  const base = { api: 'SignJWT', payload: {}, key: SECRET, clockMs: c.clockMs, ourClock: 'currentDate' };
  const hs = { alg: 'HS256' };
  const jwtHeader = c.api === 'signJwt' && c.options.alg !== undefined ? { alg: c.options.alg } : headerOf(c);
  const alg = isPlainObject(jwtHeader) ? jwtHeader.alg : undefined;
  const parts = [
    { ...base, key: c.key, calls: [['setProtectedHeader', [['HS256', 'HS384', 'HS512'].includes(alg) ? { alg } : hs]]] },
    { ...base, payload: c.payload, calls: [['setProtectedHeader', [hs]]] },
  ];
  if (alg !== undefined) parts.push({ ...base, calls: [['setProtectedHeader', [{ alg }]]] });
  const header = headerOf(c);
  if (header !== undefined) parts.push({ ...base, calls: [['setProtectedHeader', [isPlainObject(header) && header.alg === undefined ? { ...header, alg: 'HS256' } : header]]] });
  for (const call of joseCallsOf(c)) if (call[0] !== 'setProtectedHeader') parts.push({ ...base, calls: [['setProtectedHeader', [hs]], call] });
  if (c.api === 'SignJWT' && c.calls.filter(([method]) => method === 'setProtectedHeader').length > 1) {
    parts.push({ ...base, calls: [['setProtectedHeader', [hs]], ['setProtectedHeader', [hs]]] });
  }
  if (c.badCurrentDate) parts.push({ ...base, calls: [['setProtectedHeader', [hs]]], badCurrentDate: true });
  return parts;
}

// Whole words of a README line that lists each difference (checked by the last test, whitespace
// folded). `transform` differences give jose an input that means what ours did with the case;
// the others name what ours must answer.
const DIFFERENCES = [
  {
    id: 'no alg in the header: the JWK\'s alg, else HS256',
    readme: '`SignJWT` without `setProtectedHeader()`, or with a header without `alg`, signs with the JWK\'s `alg` if the key is a JWK that has one, else HS256',
    applies: (c) => {
      const header = headerOf(c);
      if (c.api === 'signJwt' && c.options.alg !== undefined) return false;
      return header === undefined || (isPlainObject(header) && header.alg === undefined);
    },
    transform: (c) => {
      const alg = typeof c.key?.alg === 'string' ? c.key.alg : 'HS256';
      const fill = (header) => (isPlainObject(header) && header.alg === undefined
        ? objectOf([['alg', alg], ...Object.entries(header).filter(([name]) => name !== 'alg')])
        : header);
      if (c.api === 'signJwt') return { ...c, options: { ...c.options, header: fill(c.options.header ?? {}) } };
      if (!c.calls.some(([method]) => method === 'setProtectedHeader')) return { ...c, calls: [['setProtectedHeader', [fill({})]], ...c.calls] };
      return { ...c, calls: c.calls.map(([method, args]) => (method === 'setProtectedHeader' ? [method, [fill(args[0])]] : [method, args])) };
    },
  },
  {
    id: 'the claims set written by JSON.stringify (functions, symbols left out, toJSON called)',
    readme: '`signJwt` writes the claims set with `JSON.stringify`, as jsonwebtoken and fast-jwt do: a member holding a function, a symbol or `undefined` is left out',
    applies: (c) => isPlainObject(c.payload) && anywhere(c.payload, (v) => typeof v === 'function' || typeof v === 'symbol') && jsonView(c.payload) !== undefined,
    transform: (c) => ({ ...c, payload: jsonView(c.payload) }),
  },
  {
    id: 'a setter\'s value judged at sign(): one replaced by a later call of the same setter is never judged',
    readme: 'Other values are judged at `sign()` (jose throws a `TypeError` at the setter), so a value that a later call of the same setter replaces is never judged',
    applies: (c) => c.api === 'SignJWT' && new Set(c.calls.map(([m]) => m)).size !== c.calls.length,
    transform: (c) => ({ ...c, calls: c.calls.filter(([method], i) => method === 'setProtectedHeader' || !c.calls.slice(i + 1).some(([m]) => m === method)) }),
  },
  {
    id: 'a setter given undefined refused at the call',
    readme: '`SignJWT`\'s setters refuse a missing value (`setExpirationTime(undefined)`, from a setting left unset) at the call, with `ERR_OPTIONS_INVALID`, as jose\'s do (jose\'s `setProtectedHeader(undefined)` fails at `sign()` unless the header is set again)',
    applies: (c) => c.api === 'SignJWT' && c.calls.some(([method, args]) => method !== 'setIssuedAt' && args.length > 0 && args[0] === undefined),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'setIssuedAt given a boolean refused at the call',
    readme: '`setIssuedAt()` with no value (or `undefined`) is now, and a boolean is refused at the call, as jose refuses it',
    applies: (c) => c.api === 'SignJWT' && c.calls.some(([method, args]) => method === 'setIssuedAt' && typeof args[0] === 'boolean'),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'jose throws an uncoded error',
    readme: 'Keys, options and payloads that jose rejects with an uncoded `TypeError` get a code here.',
    // The code must fit what jose refused: the key, an option (a setter's value) or the payload.
    applies: (c, theirs, ours) => theirs.uncoded !== undefined && (UNCODED.find(([pattern]) => pattern.test(theirs.uncoded))?.[1] ?? []).includes(ours.code),
    ours: () => true,
  },
  {
    id: 'a key of zero bytes only',
    readme: 'A secret of zero bytes only (`new Uint8Array(32)` never filled, `Buffer.alloc(32)`, `\'\\0\'`) is `ERR_KEY_INVALID`',
    applies: (c) => isZeroKey(c.key),
    ours: (o) => o.code === 'ERR_KEY_INVALID',
  },
  {
    id: 'a JWK\'s JSON text given as the secret',
    readme: 'A string or bytes that are a JWK\'s JSON text (in braces, with a `"kty"` inside) are refused with `ERR_KEY_INVALID`',
    applies: (c) => typeof c.key === 'string' && c.key.startsWith('{') && c.key.includes('"kty"'),
    ours: (o) => o.code === 'ERR_KEY_INVALID',
  },
  {
    id: 'a lone surrogate signed',
    readme: 'So signing refuses one too, so as never to make a token it would refuse: in the payload (a member name or value at any depth) it is `ERR_JWT_INVALID`, in an option or a header member (`subject`, `kid`, ...) `ERR_OPTIONS_INVALID`; jose signs it.',
    applies: (c, theirs, ours) => (hasLoneSurrogate(jsonView(c.payload)) && ours.code === 'ERR_JWT_INVALID') ||
      (optionValues(c).some(hasLoneSurrogate) && ours.code === 'ERR_OPTIONS_INVALID'),
    ours: () => true,
  },
  {
    id: 'a claims set with an exp, nbf or iat that is not a finite number',
    readme: '`signJwt` refuses a claims set whose `exp`, `nbf` or `iat` is not a finite number (`ERR_JWT_CLAIM_VALIDATION_FAILED`, `reason: "invalid"`); jose signs',
    applies: (c, theirs, ours) => {
      const claims = jsonView(c.payload);
      const set = claimsSet(c);
      return isPlainObject(claims) && Object.hasOwn(claims, ours.claim) && typeof claims[ours.claim] !== 'number' && !set.has(ours.claim);
    },
    ours: (o) => o.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && o.reason === 'invalid' && ['iat', 'nbf', 'exp'].includes(o.claim),
  },
  {
    id: 'b64 or crit in a header to sign',
    readme: 'So is any `b64` or `crit` in a header to sign, even one jose signs because it changes nothing (`b64: true`)',
    applies: (c) => isPlainObject(headerOf(c)) && (headerOf(c).b64 !== undefined || headerOf(c).crit !== undefined),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'a header jose refuses with a code',
    readme: 'Signing options are options: a `header` that jose refuses with `ERR_JOSE_NOT_SUPPORTED`, `ERR_JWT_INVALID` or `ERR_JWS_INVALID`',
    // jose's header: not an object, or its alg empty or not a string.
    applies: (c, theirs) => {
      const header = joseCallsOf(c).filter(([method]) => method === 'setProtectedHeader').at(-1)?.[1][0];
      const refused = !isPlainObject(header) || (header.alg !== undefined && (typeof header.alg !== 'string' || header.alg === ''));
      return ['ERR_JOSE_NOT_SUPPORTED', 'ERR_JWT_INVALID', 'ERR_JWS_INVALID'].includes(theirs.code) && header !== undefined && refused;
    },
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'an option JSON cannot carry (a function, NaN, a Date in a header; an invalid Date)',
    readme: 'Options** must be plain objects (of any realm) and arrays of strings, finite numbers and booleans, with valid `Date`s only as the values of time options',
    applies: (c) => c.badCurrentDate || anywhere(headerOf(c), notJsonData) ||
      optionValues(c).some((v) => v instanceof RealDate && Number.isNaN(v.getTime())),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'a duration landing beyond 2^53 seconds',
    readme: 'a duration that lands beyond ±(2^53 − 1) seconds (`\'300000000y\'`) is `ERR_OPTIONS_INVALID`, where jose writes a number no longer exact',
    applies: (c, theirs) => theirs.ok && [...claimsSet(c)].some(([name, value]) => typeof value === 'string' && !Number.isSafeInteger(theirs.payload[name])),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'several faults, another reported first',
    readme: 'With several faults at once, signing may report another one than jose does',
    // Both refuse, and the code ours gives is the one it gives for a part of the case on its
    // own (the key, the algorithm, the header, the payload, one setter's value), a part whose
    // outcome alone jose shares or a listed difference explains.
    applies: async (c, theirs, ours, nested) => {
      if (theirs.ok || ours.ok || nested) return false;
      for (const part of partsOf(c)) {
        if (ourOutcome(part).code !== ours.code) continue;
        const alone = await judge(part, true);
        if (alone.problem === undefined) return true;
      }
      return false;
    },
    ours: () => true,
  },
];

// Differences in the bytes only (the same header and claims, members in another order), which
// ours must make exactly as documented.
const ORDER_DIFFERENCES = {
  claims: {
    id: 'claims set by setters follow the payload\'s in a fixed order',
    readme: 'A claim set by a setter replaces the payload\'s own in place, or else follows the payload\'s claims in a fixed order (`iat`, `exp`, `nbf`, `iss`, `sub`, `jti`, `aud`) rather than in the order of the calls, so the token\'s bytes may differ from jose\'s; its claims do not.',
  },
  header: {
    id: 'the protected header is written alg first',
    readme: 'The protected header is written with `alg` first, then the other parameters in the order given (jose writes the object given to `setProtectedHeader` in its own order)',
  },
};

/** The order ours must write: the payload's members (set claims in place), then the other set claims in the fixed order. */
function documentedClaimOrder(testCase) {
  const own = memberNames(JSON.stringify(testCase.payload ?? {}));
  const set = claimsSet(testCase);
  if (set.get('iat') === false) set.delete('iat');
  return [...own, ...['iat', 'exp', 'nbf', 'iss', 'sub', 'jti', 'aud'].filter((n) => set.has(n) && !own.includes(n))];
}

function documentedHeaderOrder(header) {
  return ['alg', ...memberNames(JSON.stringify(header)).filter((name) => name !== 'alg')];
}

const same2 = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const equal = isDeepStrictEqual;

/** The checks on two successes that agree: right HMACs, the bytes, the order, and each verifying the other's token. */
async function checkTokens(testCase, ours, theirs, notes) {
  const problems = [];
  const secret = secretBytes(testCase.key);
  for (const [who, out] of [['ours', ours], ['jose', theirs]]) {
    const [h, p, s] = out.token.split('.');
    const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[out.header.alg];
    if (hash === undefined || createHmac(hash, secret).update(`${h}.${p}`).digest('base64url') !== s) problems.push(`${who}'s token has a wrong HMAC`);
  }
  if (ours.headerText === theirs.headerText && ours.payloadText === theirs.payloadText && ours.token !== theirs.token) problems.push('same texts, different tokens');
  if (ours.payloadText !== theirs.payloadText) {
    if (same2(memberNames(ours.payloadText), documentedClaimOrder(testCase))) notes.push(ORDER_DIFFERENCES.claims.id);
    else problems.push(`claims not in the documented order: ${JSON.stringify(memberNames(ours.payloadText))}, expected ${JSON.stringify(documentedClaimOrder(testCase))}`);
  }
  if (ours.headerText !== theirs.headerText) {
    const expected = documentedHeaderOrder(headerOf(testCase) ?? {});
    if (same2(memberNames(ours.headerText), expected)) notes.push(ORDER_DIFFERENCES.header.id);
    else problems.push(`header not in the documented order: ${JSON.stringify(memberNames(ours.headerText))}, expected ${JSON.stringify(expected)}`);
  }
  // Each library verifies the other's token exactly as it verifies its own (signature and claims, at the signing instant).
  const options = { currentDate: new RealDate(testCase.clockMs) };
  const verified = async (verify, token) => {
    try {
      const { payload, protectedHeader } = await verify(token);
      return { ok: true, payload, protectedHeader };
    } catch (error) {
      return typeof error?.code === 'string' ? failure(error) : { uncoded: error?.name };
    }
  };
  const joseVerify = (token) => jose.jwtVerify(token, joseKeyOf(testCase.key), options);
  const ourVerify = (token) => jwtVerify(token, testCase.key, options);
  const [joseOnOurs, joseOnJose] = [await verified(joseVerify, ours.token), await verified(joseVerify, theirs.token)];
  const [oursOnJose, oursOnOurs] = [await verified(ourVerify, theirs.token), await verified(ourVerify, ours.token)];
  if (!equal(joseOnOurs, joseOnJose)) problems.push(`jose verifies our token as ${JSON.stringify(joseOnOurs)}, its own as ${JSON.stringify(joseOnJose)}`);
  if (!equal(oursOnJose, oursOnOurs)) problems.push(`ours verifies jose's token as ${JSON.stringify(oursOnJose)}, its own as ${JSON.stringify(oursOnOurs)}`);
  for (const v of [joseOnOurs, joseOnJose, oursOnJose, oursOnOurs]) {
    if (v.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') problems.push('a signature refused');
  }
  return { problems, verifiedBoth: joseOnOurs.ok === true && oursOnJose.ok === true };
}

/** Runs one case: { agreed, listed: [ids], ours, theirs } or { problem, ours, theirs }. `nested`
 * for a part of a case, judged without the several-faults difference (which judges parts). */
async function judge(testCase, nested = false) {
  const ours = ourOutcome(testCase);
  if (ours.uncoded !== undefined) return { problem: `ours threw a non-JwtError: ${ours.uncoded}`, ours };
  let theirs = await joseOutcome(testCase);
  const listed = [];
  if (!same(ours, theirs)) {
    // Differences that give jose an input meaning what ours made of the case.
    let changed = testCase;
    for (const d of DIFFERENCES) {
      if (d.transform && d.applies(changed)) {
        changed = d.transform(changed);
        listed.push(d.id);
      }
    }
    if (listed.length > 0) theirs = await joseOutcome(changed);
    if (!same(ours, theirs)) {
      let refusal;
      for (const d of DIFFERENCES) {
        if (d.ours && !ours.ok && d.ours(ours) && (await d.applies(testCase, theirs, ours, nested))) {
          refusal = d;
          break;
        }
      }
      if (!refusal) return { problem: 'outcomes differ', ours, theirs };
      return { listed: [...listed, refusal.id], ours, theirs };
    }
  }
  if (!ours.ok) return { agreed: true, listed, ours, theirs };
  const notes = [];
  const { problems, verifiedBoth } = await checkTokens(testCase, ours, theirs, notes);
  if (problems.length > 0) return { problem: problems.join('; '), ours, theirs };
  return { agreed: listed.length === 0, listed: [...listed, ...notes], ours, theirs, verifiedBoth, identical: ours.token === theirs.token };
}

// --- printing and shrinking a failing case -----------------------------------------------------------
function show(value, depth = 0) {
  if (depth > 6) return '…';
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'undefined': return 'undefined';
    case 'boolean': return String(value);
    case 'symbol': return 'Symbol()';
    case 'function': return '() => 1';
    default:
  }
  if (value === null) return 'null';
  if (value instanceof RealDate) return `new Date(${Number.isNaN(value.getTime()) ? 'NaN' : value.getTime()})`;
  if (value instanceof Number) return `new Number(${value.valueOf()})`;
  if (Buffer.isBuffer(value)) return `Buffer.from('${value.toString('hex')}', 'hex')`;
  if (value instanceof Uint8Array) return `new Uint8Array([${value.join(', ')}])`;
  if (value instanceof Uint16Array) return `new Uint16Array(${value.length})`;
  if (value instanceof ArrayBuffer) return `new ArrayBuffer(${value.byteLength})`;
  if (value instanceof Map) return `new Map(${show([...value], depth + 1)})`;
  if (value instanceof Claims) return 'new (class Claims { sub = \'ada\'; })()';
  if (Array.isArray(value)) return `[${value.map((item) => show(item, depth + 1)).join(', ')}]`;
  const members = Object.entries(value).map(([name, item]) => `${name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name)}: ${show(item, depth + 1)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

function describeCase(c) {
  const currentDate = new RealDate(c.badCurrentDate ? NaN : c.clockMs);
  const clock = `/* clock ${c.clockMs} ms${c.ourClock === 'Date.now' ? ', read by both from Date.now / new Date()' : ''} */`;
  if (c.api === 'signJwt') {
    return `signJwt(${show(c.payload)}, ${show(c.key)}, ${show(c.ourClock === 'currentDate' ? { ...c.options, currentDate } : c.options)}) ${clock}`;
  }
  const calls = c.calls.map(([method, args]) => `.${method}(${args.map((a) => show(a)).join(', ')})`).join('');
  return `new SignJWT(${show(c.payload)})${calls}.sign(${show(c.key)}${c.ourClock === 'currentDate' ? `, ${show({ currentDate })}` : ''}) ${clock}`;
}

/** Smaller cases than `c`: a fixed key and clock, fewer calls, options, payload and header members. */
function* smaller(c) {
  if (c.key !== SECRET) yield { ...c, key: SECRET };
  if (c.clockMs !== NOW_MS) yield { ...c, clockMs: NOW_MS };
  if (c.ourClock !== 'currentDate') yield { ...c, ourClock: 'currentDate' };
  if (isPlainObject(c.payload)) {
    if (Object.keys(c.payload).length > 0) yield { ...c, payload: {} };
    for (const name of Object.keys(c.payload)) yield { ...c, payload: objectOf(Object.entries(c.payload).filter(([n]) => n !== name)) };
  }
  const smallerHeaders = function* (header) {
    if (!isPlainObject(header)) return;
    for (const name of Object.keys(header)) yield objectOf(Object.entries(header).filter(([n]) => n !== name));
  };
  if (c.api === 'SignJWT') {
    for (let i = 0; i < c.calls.length; i += 1) {
      yield { ...c, calls: c.calls.filter((_, j) => j !== i) };
      const [method, args] = c.calls[i];
      if (method === 'setProtectedHeader') {
        for (const header of smallerHeaders(args[0])) yield { ...c, calls: c.calls.map((call, j) => (j === i ? [method, [header]] : call)) };
      }
    }
  } else {
    for (const name of Object.keys(c.options)) yield { ...c, options: Object.fromEntries(Object.entries(c.options).filter(([n]) => n !== name)) };
    for (const header of smallerHeaders(c.options.header)) yield { ...c, options: { ...c.options, header } };
  }
}

async function shrink(c) {
  let current = c;
  for (let attempts = 0, progress = true; progress && attempts < 400;) {
    progress = false;
    for (const candidate of smaller(current)) {
      attempts += 1;
      if ((await judge(candidate)).problem !== undefined) {
        current = candidate;
        progress = true;
        break;
      }
      if (attempts >= 400) break;
    }
  }
  return current;
}

// --- the tests ---------------------------------------------------------------------------------------
test(`signing agrees with jose's SignJWT on ${CASES} generated builder sequences and signJwt option sets, apart from the listed differences`, async () => {
  const g = generator(SEED);
  const stats = { ok: 0, identical: 0, verifiedBoth: 0, codes: new Map(), byApi: { SignJWT: 0, signJwt: 0 } };
  const seen = new Map([...DIFFERENCES, ...Object.values(ORDER_DIFFERENCES)].map((d) => [d.id, 0]));
  const failures = [];
  const started = RealDate.now();
  for (let i = 0; i < CASES; i += 1) {
    const testCase = makeCase(g);
    stats.byApi[testCase.api] += 1;
    const verdict = await judge(testCase);
    if (verdict.problem !== undefined) {
      failures.push({ i, testCase, verdict });
      continue;
    }
    for (const id of verdict.listed) seen.set(id, seen.get(id) + 1);
    if (verdict.agreed && verdict.ours.ok) stats.ok += 1;
    if (verdict.agreed && !verdict.ours.ok) stats.codes.set(verdict.ours.code, (stats.codes.get(verdict.ours.code) ?? 0) + 1);
    if (verdict.verifiedBoth) stats.verifiedBoth += 1;
    if (verdict.identical) stats.identical += 1;
  }
  const seconds = (RealDate.now() - started) / 1000;
  console.log(
    `sign differential: ${CASES} cases (${stats.byApi.SignJWT} SignJWT, ${stats.byApi.signJwt} signJwt) in ${seconds.toFixed(1)} s (seed ${SEED}): ` +
      `${stats.ok} signed alike by both (${stats.identical} tokens identical byte for byte), ${stats.verifiedBoth} tokens each verified by the other library, refused by both with the same code: ` +
      `${[...stats.codes].map(([c, n]) => `${c} ${n}`).join(', ')}; listed differences: ${[...seen].map(([id, n]) => `${id} ${n}`).join(', ')}; ` +
      `unexplained: ${failures.length}`,
  );
  const shown = [];
  for (const f of failures.slice(0, Number(process.env.SIGN_DIFF_SHOW ?? 5))) {
    const small = await shrink(f.testCase);
    const verdict = await judge(small);
    shown.push(`#${f.i}: ${verdict.problem}\n  shrunk: ${describeCase(small)}\n  jose ${JSON.stringify(verdict.theirs)}\n  ours ${JSON.stringify(verdict.ours)}\n  as generated: ${describeCase(f.testCase)}`);
  }
  assert.equal(failures.length, 0, `disagreements that are not listed differences:\n${shown.join('\n')}`);
  // The generator must exercise both sides and every listed difference, or the test proves little.
  assert.ok(stats.ok >= CASES / 5, `only ${stats.ok} cases were signed alike by both`);
  assert.ok(stats.verifiedBoth >= CASES / 10, `only ${stats.verifiedBoth} tokens were verified by the other library`);
  assert.ok((stats.codes.get('ERR_JOSE_NOT_SUPPORTED') ?? 0) > 0, 'no case refused by both with ERR_JOSE_NOT_SUPPORTED');
  for (const [id, count] of seen) assert.ok(count > 0, `the listed difference "${id}" never occurred`);
});

test('durations count from sign() here, from the setter in jose (a listed difference the fixed clock above never meets)', async () => {
  const [set, signed] = [NOW_MS, NOW_MS + 60_000];
  const theirs = withClock(set, () => new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h'));
  const ours = withClock(set, () => new SignJWT({}).setIssuedAt().setExpirationTime('1h'));
  const joseToken = await withClock(signed, () => theirs.sign(SECRET));
  const ourToken = withClock(signed, () => ours.sign(SECRET));
  assert.deepEqual(jose.decodeJwt(joseToken), { iat: set / 1000, exp: set / 1000 + 3600 });
  assert.deepEqual(decodeJwt(ourToken), { iat: signed / 1000, exp: signed / 1000 + 3600 });
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes('durations such as `\'1h\'` (and `setIssuedAt()`\'s now) count from the time of `sign()` (jose: of the setter)'));
});

test('a nested object\'s inherited toJSON is called here, not by jose, which copies the claims with structuredClone first (as the README says)', async () => {
  class Tagged {
    constructor() {
      this.f = 1;
    }
    toJSON() {
      return 'T';
    }
  }
  const claims = { b: Buffer.from('ab'), t: new Tagged(), d: new Date(0) };
  const theirs = jose.decodeJwt(await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(SECRET));
  const date = '1970-01-01T00:00:00.000Z';
  assert.deepEqual(theirs, { b: { 0: 97, 1: 98 }, t: { f: 1 }, d: date });
  const ours = { b: { type: 'Buffer', data: [97, 98] }, t: 'T', d: date };
  assert.deepEqual(decodeJwt(signJwt(claims, SECRET)), ours);
  assert.deepEqual(decodeJwt(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(SECRET)), ours);
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes('a `Buffer` signs as `{"0":97,"1":98}` in jose and as `{"type":"Buffer","data":[97,98]}` here, a class instance as its own fields there and as its `toJSON` gives here (a `Date` is its ISO text in both)'));
  // A Proxy: structuredClone refuses it; JSON.stringify reads through it. A getter that throws:
  // its own error there, ERR_JWT_INVALID here.
  const proxied = { sub: 'a', nested: new Proxy({ b: 1 }, {}) };
  await assert.rejects(async () => new jose.SignJWT(proxied).setProtectedHeader({ alg: 'HS256' }).sign(SECRET), { name: 'DataCloneError' });
  assert.deepEqual(decodeJwt(signJwt(proxied, SECRET)), { sub: 'a', nested: { b: 1 } });
  const thrown = new Error('from the getter');
  const throwing = { get sub() { throw thrown; } };
  await assert.rejects(async () => new jose.SignJWT(throwing).setProtectedHeader({ alg: 'HS256' }).sign(SECRET), (error) => error === thrown);
  assert.throws(() => signJwt(throwing, SECRET), { code: 'ERR_JWT_INVALID' });
  assert.ok(readme.includes('a `Proxy` (or one nested in the claims) signs as `JSON.stringify` reads it, where `structuredClone` refuses it with a `DataCloneError`, and a getter that throws is `ERR_JWT_INVALID` here, its own error in jose.'));
});

test('every difference the sign differential allows is listed in the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  for (const difference of [...DIFFERENCES, ...Object.values(ORDER_DIFFERENCES)]) {
    assert.ok(readme.includes(difference.readme.replace(/\s+/g, ' ')), `README does not list: ${difference.readme}`);
  }
});
