// A seeded random walk over the package's JS surface: every export (and a Verifier's and a
// SignJWT's methods) called with near-valid values (tokens signed here with node:crypto, some then
// mutated; keys as strings, bytes and JWKs; options with a member made hostile) and with values
// that fight back (getters and Proxies that throw or call the package again, revoked Proxies,
// detached and resizable buffers, other realms' objects, deep nests, arguments missing or extra).
// hostile-values.test.mjs holds the cases someone thought of; this finds combinations nobody
// listed, as a revoked Proxy after a call's arguments, which threw the engine's uncoded TypeError
// until 006f6c6. Invariants, each failure naming the seed, the step, the call, its arguments and
// what it threw:
// - only JwtErrors with a code of errorCodes() are thrown, or the documented TypeErrors (a method
//   called without its Verifier or SignJWT, a freed Verifier), by calls that getters make too;
// - the wasm instance is never replaced (no exception unwound through wasm frames);
// - no error message contains a token, a segment of one or a key passed in;
// - results agree: decodeJwt and decodeProtectedHeader give JSON.parse of their segment, a
//   verification decodeJwt's and decodeProtectedHeader's, a signed token node:crypto's HMAC and a
//   verification with its key, isExpired expiryInfo's `expired`;
// - each seed's steps run twice: the second pass gives the same outcome at every step and grows
//   neither the wasm memory nor the externref table (the first pass, the warm-up, saw every input).
// Bounded: three seeds of at most STEPS steps, a first pass ending at SECONDS on a slow machine
// (the second replays it); Date.now is pinned (the binding reads the global one), so that iat and
// relative times repeat. Not here: the JS stack running out inside a call, swept in a child
// process by hostile-values.test.mjs (a random depth would be flaky), and inputs of MiBs (resources).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { inspect, isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { importKeepingInstances, instances } from './instances.mjs';

const jwt = await importKeepingInstances();
const { JwtError } = jwt;

const SEEDS = [1, 2, 3];
const STEPS = 6000;
const SECONDS = 3;
const CODES = new Set(jwt.errorCodes());
const memory = () => instances.at(-1).exports.memory.buffer.byteLength;
const slots = () => instances.at(-1).exports.__wbindgen_externrefs.length;

/** A small seeded generator (xorshift32 over a mixed seed): the same seed, the same values. */
function rngOf(seed) {
  let state = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0 || 1;
  const next = () => ((state ^= state << 13), (state ^= state >>> 17), (state = (state ^ (state << 5)) >>> 0), state / 2 ** 32);
  const int = (n) => Math.floor(next() * n);
  return { int, u32: () => (next() * 2 ** 32) >>> 0, bool: (p = 0.5) => next() < p, pick: (list) => list[int(list.length)] };
}
/** Some members of `table` ({ name: [chance, ...values] }), each present at its chance, copied. */
const some = (r, table) => Object.fromEntries(Object.entries(table).filter(([, [chance]]) => r.bool(chance)).map(([name, [, ...values]]) => [name, structuredClone(r.pick(values))]));

const NOW_S = 1_700_000_000;
const NOW = new Date(NOW_S * 1000);
const KEYS = ['a-shared-secret-of-at-least-32-bytes!', 'short', 'k'.repeat(64), 'été-😀-secret-xxxxxxxxxxxxx', 'x\ud800y-lone-surrogate-secret-yy'];
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
function sign(headerText, payloadText, keyBytes, alg = 'HS256') {
  const input = `${b64u(headerText)}.${b64u(payloadText)}`;
  return `${input}.${createHmac(HASH[alg] ?? 'sha256', keyBytes).update(input).digest('base64url')}`;
}
const GOOD = sign('{"alg":"HS256"}', JSON.stringify({ sub: 'ada', exp: NOW_S + 60 }), Buffer.from(KEYS[0]));
// Made once and never freed, so that a walk passing it around leaves nothing for GC to free.
const SHARED_VERIFIER = jwt.createVerifier(KEYS[0]);
const realm = vm.createContext({});
const inRealm = (code) => vm.runInContext(code, realm);
class HostileError extends Error {}
const proxies = new WeakSet(); // every Proxy made, so that describing one never runs its traps
const detach = (bytes) => (structuredClone(bytes.buffer, { transfer: [bytes.buffer] }), bytes);
/** `bytes`, to be detached or shrunk by a getter that runs while the package reads the others. */
const victim = (ctx, bytes) => (ctx.victims.push(bytes), bytes);

// ---- values that fight back
const NAMES = ['algorithms', 'issuer', 'audience', 'subject', 'typ', 'clockTolerance', 'maxTokenAge', 'currentDate', 'requiredClaims', 'crit', 'maxTokenLength',
  'cache', 'alg', 'header', 'issuedAt', 'expirationTime', 'notBefore', 'jti', 'kty', 'k', 'use', 'key_ops', 'kid', 'key', 'secret', 'exp', 'nbf', 'iat', 'iss',
  'sub', 'aud', '__proto__', 'toJSON', 'constructor', 'length', '0', 'valueOf', 'b64', '', '\ud800', 'then'];
const PRIMITIVES = [undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e308, 5e-324, 1e21, 65536, 65537,
  NOW_S, NOW_S + 60, 8.64e15 + 1, 0n, -1n, 2n ** 64n, Symbol('s'), Symbol.iterator, '', ' ', 'HS256', 'HS512', 'none', 'RS256', 'hs256', 'oct', '1h', '-5m',
  '1.5 days', '2 hours ago', '300000000y', '\0', '\ud800', '\u2028', 'Bearer ', '{"kty":"oct","k":"AAAA"}', 'eyJhbGciOiJIUzI1NiJ9', 'a.b.c', '..', 'a.b.c.d.e', '1e400'];
/** Printable ASCII, any UTF-16 units, or pieces that JSON, base64url and UTF-8 treat specially. */
function randomString(r) {
  const unit = r.pick([() => String.fromCharCode(0x20 + r.int(0x5f)), () => String.fromCharCode(r.int(0x10000)),
    () => r.pick(['a', '.', '-', '_', '=', '\ud800', '\udfff', 'é', '😀', ' ', '\n', '"', '\\', '\0'])]);
  return Array.from({ length: r.pick([0, 1, 2, 5, 10, 20, 40, 100, 1000]) }, unit).join('');
}
function primitive(r) {
  // A few inputs over the 64 KiB cap of tokens. (Not the MiB ones of secrets, in resources.test.mjs:
  // copied, they would leave MiBs of free wasm memory after the warm-up, where a leak would hide.)
  if (r.bool(0.01)) return r.pick(['A', '€', 'a.']).repeat(70_000);
  return r.bool(0.7) ? r.pick(PRIMITIVES) : randomString(r);
}
function plainObject(r, ctx, depth) {
  const kind = r.int(6);
  const object = kind === 0 ? Object.create(null) : kind === 1 ? JSON.parse('{"__proto__":{"issuer":"x"}}') : {};
  for (let i = r.int(5); i > 0; i -= 1) {
    // (defined, so that '__proto__' is an own member rather than the prototype)
    Object.defineProperty(object, r.bool(0.85) ? r.pick(NAMES) : randomString(r), { value: gen(r, ctx, depth - 1), enumerable: r.bool(0.9), configurable: true, writable: true });
  }
  if (r.bool(0.1)) object[Symbol('s')] = gen(r, ctx, depth - 1);
  if (kind === 2) Object.freeze(object);
  if (kind === 3) Object.setPrototypeOf(object, r.pick([Array.prototype, Date.prototype, Uint8Array.prototype, { issuer: 'inherited' }, null]));
  return object;
}
function arrayValue(r, ctx, depth) {
  const array = [];
  for (let i = r.int(5); i > 0; i -= 1) array.push(r.bool(0.6) ? r.pick(['HS256', 'HS512', 'api', 'exp', 'verify']) : gen(r, ctx, depth - 1));
  // With holes, frozen, with a named member, or as it is.
  return r.pick([() => Object.assign(array, { length: array.length + 3 }), () => Object.freeze(array), () => Object.assign(array, { extra: 1 }), () => array])();
}
function dateValue(r) {
  return r.pick([
    () => new Date(r.pick([NaN, 8.64e15, -8.64e15])), () => Object.assign(new Date(NOW), { getTime: () => { throw new HostileError('getTime'); } }),
    () => Object.setPrototypeOf({ getTime: () => NOW_S * 1000 }, Date.prototype), () => inRealm(`new Date(${NOW_S * 1000})`),
    () => new (class extends Date {})(NOW_S * 1000 + r.int(1e9)), () => new Date((NOW_S + r.int(2e6) - 1e6) * 1000),
  ])();
}
/** Bytes and buffers of every kind, and objects of other kinds than plain ones. */
function oddValue(r, ctx) {
  return r.pick([
    () => new Uint8Array(r.pick([0, 1, 16, 32, 64, 4096, 70_000])).map(() => r.int(256)), () => Buffer.from(KEYS[0]), () => detach(new Uint8Array(32)),
    () => new Uint8Array(new SharedArrayBuffer(32)).fill(3), () => inRealm('new Uint8Array(32).fill(1)'), () => new Uint8Array(64).fill(5).subarray(8, 40),
    () => new (r.pick([Int8Array, Uint16Array, Float64Array, Uint8ClampedArray, BigInt64Array]))(4), () => r.pick([new ArrayBuffer(32), new DataView(new ArrayBuffer(32))]),
    () => new (class extends Uint8Array { get length() { return 1e9; } })(32).fill(1), () => victim(ctx, new Uint8Array(32).fill(4)),
    () => victim(ctx, new Uint8Array(new ArrayBuffer(64, { maxByteLength: 128 })).fill(9)), // resizable
    () => r.pick([new Map([['issuer', 'x']]), new Set(['HS256']), new WeakMap(), /HS256/g, Promise.resolve(1), globalThis]),
    () => new (class { constructor() { this.issuer = 'x'; } get algorithms() { return ['HS256']; } })(),
    () => r.pick([() => 1, function named() {}, class K {}, async () => 1, function* generator() {}]),
    () => r.pick([new HostileError('an error'), new JwtError('x', { code: 'ERR_JWT_INVALID' }), Object.create(Object.create({ issuer: 'x' }))]),
    () => Object(r.pick(['text', 1, true, 1n, Symbol('boxed')])),
    () => inRealm(r.pick(['({ issuer: "a", algorithms: ["HS256"] })', '["HS256"]', `({ kty: "oct", k: "${b64u(KEYS[0])}" })`, '(function () {})'])),
    () => ((cyclic) => (cyclic.list.push(cyclic), cyclic))({ list: [] }),
    () => Array.from({ length: r.pick([33, 100, 5000, 100_000]) }).reduce((nest) => (r.bool() ? [nest] : { a: nest }), []),
    () => (r.bool() ? SHARED_VERIFIER : new jwt.SignJWT({})),
  ])();
}
/** A call back into the package, made by a getter or trap while the package reads an argument. */
function callBack(r, ctx) {
  if (ctx.nestedBudget <= 0) return;
  ctx.nestedBudget -= 1;
  try {
    r.pick([
      () => jwt.decodeJwt(GOOD), () => jwt.jwtVerify(GOOD, KEYS[0], { currentDate: NOW }), () => jwt.createVerifier(KEYS[0], { issuer: 'nested' }).free(),
      () => jwt.jwtVerify(GOOD, gen(r, ctx, 2), gen(r, ctx, 2)), () => jwt.isExpired(gen(r, ctx, 2), gen(r, ctx, 2)),
      () => new jwt.SignJWT(gen(r, ctx, 2)).setIssuer(gen(r, ctx, 1)).sign(gen(r, ctx, 1)),
    ])();
  } catch (error) {
    if (!(error instanceof JwtError) && !(error instanceof HostileError)) ctx.nestedOdd.push(said(error));
    if (r.bool(0.3)) throw error;
  }
}
function withHooks(r, ctx, depth) {
  const base = r.bool() ? plainObject(r, ctx, depth - 1) : r.pick([{}, []]);
  const name = r.bool(0.8) ? r.pick(NAMES) : randomString(r);
  const mode = r.int(6);
  const values = [gen(r, ctx, depth - 1), gen(r, ctx, depth - 1)];
  const sub = rngOf(r.u32());
  let reads = 0;
  const getter = () => {
    reads += 1;
    if (mode === 0) throw new HostileError(`getter ${name}`);
    if (mode === 1) return values[reads % 2]; // a different value at each read
    if (mode === 2) callBack(sub, ctx);
    if (mode === 3) for (const bytes of ctx.victims) if (bytes.buffer.resizable) bytes.buffer.resize(8); else if (bytes.buffer.byteLength) detach(bytes);
    if (mode === 4 && reads > 1) throw new HostileError('second read');
    return values[0];
  };
  // (A frozen object, an array's length and a method set over a getter refuse: left as they are.)
  try {
    Object.defineProperty(base, name, { get: getter, enumerable: r.bool(0.9), configurable: true });
    if (r.bool(0.3)) base[r.pick(['toJSON', 'valueOf', 'toString', Symbol.toPrimitive, 'getTime', 'then'])] = getter;
  } catch {}
  return base;
}
function proxyValue(r, ctx, depth) {
  const target = r.pick([() => plainObject(r, ctx, depth - 1), () => arrayValue(r, ctx, depth - 1), () => new Uint8Array(32).fill(1), () => new Date(NOW),
    () => ({ kty: 'oct', k: b64u(KEYS[0]) }), () => function target() {}])();
  const sub = rngOf(r.u32());
  const boom = () => { throw new HostileError('trap'); };
  const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'apply', 'set', 'defineProperty', 'isExtensible'];
  const handler = r.pick([
    () => Object.fromEntries(TRAPS.map((trap) => [trap, boom])), () => ({ [r.pick(TRAPS)]: boom }), () => ({ ownKeys: () => ['issuer', 'issuer', 'x'] }),
    () => ({ ownKeys: () => [sub.pick(NAMES), 'zzz'], getOwnPropertyDescriptor: () => ({ value: gen(sub, ctx, 1), enumerable: true, configurable: true, writable: true }) }),
    () => ({ getPrototypeOf: () => sub.pick([Array.prototype, Date.prototype, Uint8Array.prototype, null]) }),
    () => ({ get: (t, key) => { callBack(sub, ctx); return Reflect.get(t, key); } }),
    () => 'revoked', () => ({}),
  ])();
  const { proxy, revoke } = Proxy.revocable(target, handler === 'revoked' ? {} : handler);
  if (handler === 'revoked') revoke();
  proxies.add(proxy);
  return proxy;
}
/** Any value, `depth` levels of members at most. */
function gen(r, ctx, depth = 3) {
  const k = depth <= 0 ? 0 : r.int(100);
  if (k < 35) return primitive(r);
  if (k < 48) return plainObject(r, ctx, depth);
  if (k < 56) return arrayValue(r, ctx, depth);
  if (k < 61) return dateValue(r);
  if (k < 78) return oddValue(r, ctx);
  if (k < 89) return withHooks(r, ctx, depth);
  if (k < 96) return proxyValue(r, ctx, depth);
  return nearValue(r, ctx, r.pick(['token', 'key', 'verify', 'sign', 'claims']));
}

// ---- near-valid values
const CLAIMS = { sub: [0.7, 'ada', 'bob', ''], iss: [0.5, 'https://auth.example', 'other'], aud: [0.5, 'api', ['api', 'web'], []], jti: [0.2, 'id-1', '\ud800', 'é'.repeat(100)],
  exp: [0.6, NOW_S + 3600, NOW_S + 3600, NOW_S - 3600, NOW_S, 4e9, 1e20, 'x', null, 1.5e9 + 0.5], nbf: [0.3, NOW_S - 10, NOW_S + 3600, 'y', -1],
  iat: [0.4, NOW_S - 100, NOW_S - 1e6, NOW_S + 1e6, true], nested: [0.2, { deep: [1, { x: 'é' }], n: -0 }], big: [0.03, 'x'.repeat(1000), 'x'.repeat(70_000)] };
const CLAIMS_TEXT = [(t) => t.replace('{', '{"a":1,"a":2,'), () => '[]', (t) => `\ufeff${t}`, (t) => t.replace('{', '{"x":"\\ud800",'), (t) => t.replace('{', '{"exp":1e400,'),
  (t) => t.replace('{', '{"__proto__":{"admin":true},'), (t) => t.slice(0, -1), (t) => t.replace('{', `{"d":${'['.repeat(300)}${']'.repeat(300)},`)];
const HEADER = { typ: [0.2, 'JWT', 'at+jwt', 'application/at+jwt', 'x'], kid: [0.15, 'k1', '\ud800', ''], crit: [0.08, ['b64'], ['x'], [], 'x', ['exp', 'exp']],
  b64: [0.05, true, false], x: [0.1, 1] };
const TOKEN_CHANGES = [
  (r, t, at) => t.slice(0, at) + r.pick(['A', '-', '_', '+', '/', '=', '.', ' ', '\n', 'é', '\0']) + t.slice(at + 1),
  (r, t, at) => t.slice(0, at) + r.pick(['A', '.', '=', ' ']) + t.slice(at), (r, t, at) => t.slice(0, at), (r, t) => t.slice(0, -1) + r.pick(['B', 'C', 'Q', 'g']),
  (r, t) => r.pick([`Bearer ${t}`, ` ${t}\n`, JSON.stringify(t), `${t}=`, `${t}.${t.split('.')[2]}`, t.replace(/\./g, r.pick(['..', '\u2024']))]),
  (r, t) => t.split('.').map((part, i, parts) => (i < 2 ? parts[1 - i] : part)).join('.'),
  (r, t) => t.split('.').map((part, i, parts) => (i === parts.length - 1 ? '' : part)).join('.'),
  (r, t) => t.split('.').map((part) => (r.bool(0.3) ? b64u(randomString(r)) : part)).join('.'),
];
const JWK = { alg: [0.4, 'HS256', 'HS384', 'HS512', 'RS256'], use: [0.3, 'sig', 'enc'], key_ops: [0.3, ['verify'], ['sign'], ['sign', 'verify'], ['verify', 'verify']],
  ext: [0.1, true, 'x'] };
const VERIFY = { algorithms: [0.5, ['HS256'], ['HS256', 'HS384', 'HS512'], ['HS512'], ['RS256'], []], issuer: [0.3, 'https://auth.example', ['https://auth.example', 'other'], ''],
  audience: [0.3, 'api', ['web', 'api'], 'x'], subject: [0.2, 'ada', 'bob'], typ: [0.15, 'JWT', 'at+jwt'], clockTolerance: [0.3, 0, 30, '1m', -1, '1 year', 1e20],
  maxTokenAge: [0.2, 0, 3600, '2h', '30 days', -5], currentDate: [0.8, NOW], requiredClaims: [0.2, ['exp'], ['sub', 'iss'], [], ['']],
  crit: [0.1, { x: true }, { b64: true }, { x: false }], maxTokenLength: [0.1, 10, 65536, 200_000, 0, 1e12] };
const SIGN = { alg: [0.4, 'HS256', 'HS384', 'HS512', 'none', 'RS256'], header: [0.3, { typ: 'JWT' }, { kid: 'k1' }, { alg: 'HS256' }, { crit: ['x'], x: 1 }, { b64: false }, { typ: '\ud800' }],
  issuedAt: [0.4, true, NOW_S, NOW, false, 'x'], expirationTime: [0.5, '15m', '2h', NOW_S + 60, new Date(NOW_S * 1000 + 5000), '-5m', true, '300000000y'],
  notBefore: [0.2, '0s', NOW_S, '-1h'], issuer: [0.3, 'https://auth.example', ''], audience: [0.3, 'api', ['api', 'web']], currentDate: [0.7, NOW] };
const EXPIRY = { currentDate: [0.9, NOW], clockTolerance: [0.4, 0, 30, '1h', -1] };

function nearToken(r, ctx) {
  if (ctx.valid) {
    const alg = r.pick(['HS256', 'HS384', 'HS512']);
    return sign(JSON.stringify({ alg, typ: 'JWT' }), JSON.stringify({ ...some(r, CLAIMS), exp: NOW_S + 3600, nbf: undefined, iat: NOW_S - 100 }), Buffer.from(KEYS[ctx.pair]), alg);
  }
  const alg = r.pick(['HS256', 'HS256', 'HS384', 'HS512', 'none', 'RS256', 'hs256', 1]);
  let header = JSON.stringify({ alg, ...some(r, HEADER) });
  if (r.bool(0.05)) header = header.replace('{', '{"alg":"HS256",');
  const claims = JSON.stringify(some(r, CLAIMS));
  const key = r.bool(0.8) ? KEYS[ctx.pair] : r.bool(0.85) ? r.pick(KEYS) : 'wrong';
  let token = sign(header, r.bool(0.3) ? r.pick(CLAIMS_TEXT)(claims) : claims, Buffer.from(key), HASH[alg] ? alg : 'HS256');
  for (let n = r.bool(0.35) ? r.int(3) + 1 : 0; n > 0; n -= 1) token = r.pick(TOKEN_CHANGES)(r, token, r.int(token.length + 1));
  if (r.bool(0.01)) token = token.replace(/\.[^.]*\./, `.${'A'.repeat(70_000)}.`);
  return token;
}
function nearKey(r, ctx) {
  const secret = r.bool(0.8) || ctx.valid ? KEYS[ctx.pair] : r.pick(KEYS);
  if (ctx.valid) return r.pick([secret, Buffer.from(secret), { kty: 'oct', k: b64u(secret) }]);
  return r.pick([() => secret, () => secret, () => (r.bool(0.3) ? victim(ctx, new Uint8Array(Buffer.from(secret))) : new Uint8Array(Buffer.from(secret))),
    () => ({ kty: 'oct', k: b64u(secret), ...some(r, JWK) }), () => JSON.stringify({ kty: 'oct', k: b64u(secret) }),
    () => ({ kty: 'oct', k: b64u(secret) + r.pick(['', '=', ' ', '+']) })])();
}
/** Options for `role`, near-valid; three times in ten, one member is then replaced by any value. */
function nearOptions(r, ctx, role) {
  let options;
  if (role === 'sign') options = some(r, SIGN);
  else if (role === 'expiry') options = some(r, EXPIRY);
  else if (!ctx.valid) options = some(r, role === 'verifier' ? { ...VERIFY, cache: [0.3, true, false, 1, 1000, 1_000_001, 0] } : VERIFY);
  else options = { currentDate: new Date(NOW), ...some(r, { algorithms: [0.5, ['HS256', 'HS384', 'HS512']], cache: [role === 'verifier' ? 0.5 : 0, true, 10] }) };
  if (options.currentDate && r.bool(0.1)) options.currentDate = dateValue(r);
  if (r.bool(0.7)) return options;
  ctx.clean = false;
  const names = Object.keys(options);
  options[names.length && r.bool(0.7) ? r.pick(names) : r.pick(NAMES)] = gen(r, ctx, 2);
  return options;
}
function nearValue(r, ctx, role) {
  if (role === 'token') return nearToken(r, ctx);
  if (role === 'key') return nearKey(r, ctx);
  if (role === 'claims') return r.bool(0.7) ? some(r, CLAIMS) : ((ctx.clean = false), { ...some(r, CLAIMS), [r.pick(NAMES)]: gen(r, ctx, 2) });
  return nearOptions(r, ctx, role);
}

// ---- one step: an export called with arguments made from the step's own seed
const ROLES = { decodeJwt: ['token'], decodeProtectedHeader: ['token'], jwtVerify: ['token', 'key', 'verify'], createVerifier: ['key', 'verifier'],
  isExpired: ['token', 'expiry'], expiryInfo: ['token', 'expiry'], signJwt: ['claims', 'key', 'sign'], SignJWT: ['claims'], errorCodes: [] };
const WEIGHTS = { decodeJwt: 12, decodeProtectedHeader: 8, jwtVerify: 18, createVerifier: 12, isExpired: 8, expiryInfo: 8, signJwt: 14, SignJWT: 14, errorCodes: 2 };
const EXPORTS = Object.entries(WEIGHTS).flatMap(([name, weight]) => Array(weight).fill(name));
const SETTERS = { setProtectedHeader: [{ alg: 'HS256' }, { alg: 'HS512', typ: 'JWT' }, { alg: 'none' }, { kid: 'k' }], setIssuer: ['iss'], setSubject: ['sub'],
  setAudience: ['api', ['a', 'b']], setJti: ['j'], setIssuedAt: [undefined, NOW_S, NOW], setExpirationTime: ['1h', NOW_S + 60, '-1m'], setNotBefore: ['0s', NOW_S] };

/** The arguments of `name` for the step of seed `seed`: near-valid mostly, fewer or more at times. */
function argsFor(name, seed) {
  const r = rngOf(seed);
  const ctx = { victims: [], nestedOdd: [], clean: true, secrets: [], pair: r.int(KEYS.length), valid: r.bool(0.3), nestedBudget: r.pick([0, 2, 10]) };
  const roles = ROLES[name];
  const count = r.bool(0.15) ? r.int(roles.length + 1) : r.bool(0.1) ? roles.length + 1 + r.int(2) : roles.length;
  const args = [];
  for (let i = 0; i < count; i += 1) args.push(i < roles.length && r.bool(0.65) ? nearValue(r, ctx, roles[i]) : ((ctx.clean = false), gen(r, ctx, 3)));
  for (const arg of args) keepSecrets(arg, ctx.secrets);
  return { r, ctx, args };
}

/** Keeps what of `value` no error message may contain: a token and its segments, a key. */
function keepSecrets(value, secrets) {
  if (typeof value === 'string' && value.length >= 16) secrets.push(value, ...value.split('.').filter((segment) => segment.length >= 16));
  if (proxies.has(value) || !value || typeof value !== 'object') return;
  const k = Object.getOwnPropertyDescriptor(value, 'k')?.value;
  if (typeof k === 'string' && k.length >= 16) secrets.push(k);
  const bytes = ArrayBuffer.isView(value) && value.byteLength >= 16 && value.byteLength < 4096 ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : null;
  if (bytes) secrets.push(bytes.toString('latin1'), bytes.toString());
}

// ---- outcomes and failures
let run; // the pass under way: { seed, pass, step, name, stepSeed, args, failures, checks }
const said = (error) => `${error?.constructor?.name}: ${String(error?.message ?? error).slice(0, 200)}`;
const shape = (value) => inspect(value, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity, breakLength: Infinity });
/** `value` told briefly, without reading it (no getter or trap runs). */
function shown(value) {
  if (proxies.has(value)) {
    try {
      Array.isArray(value); // throws for a revoked one
    } catch {
      return 'revoked Proxy';
    }
    return 'Proxy';
  }
  if (typeof value === 'string') return `string(${value.length}) ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object' && value !== null) return `${Object.getPrototypeOf(value)?.constructor?.name ?? 'null-prototype'} {…}`;
  return typeof value === 'function' ? 'function' : typeof value === 'bigint' ? `${value}n` : String(value);
}
function fail(name, detail, args = run.args) {
  const failure = `${name}(${args.map(shown).join(', ')}) ${detail}`;
  // (A failure the first pass saw at this step is not said again by the second.)
  if (run.failures.length < 10 && !run.failures.some((seen) => seen.step === run.step && seen.failure === failure)) {
    run.failures.push({ step: run.step, failure, said: `seed ${run.seed}, ${run.pass} pass, step ${run.step} (${run.name}, step seed ${run.stepSeed}): ${failure}` });
  }
}

/** Calls `name` with `args` by `fn` and checks what it throws (`allowed`: 'misuse' or 'freed' TypeErrors); returns its outcome. */
function call(name, args, fn, ctx, allowed = '') {
  const failed = (detail) => fail(name, detail, args);
  const made = instances.length;
  let outcome;
  let result;
  try {
    result = fn();
    outcome = `ok: ${shape(result)}`;
  } catch (error) {
    if (error instanceof JwtError && CODES.has(error.code)) outcome = error.code;
    else if (error instanceof TypeError && allowed === 'misuse' && /called without its (Verifier|SignJWT)/.test(error.message)) outcome = 'misuse';
    else if (error instanceof TypeError && allowed === 'freed' && error.message === 'this Verifier has been freed') outcome = 'freed';
    else failed(`threw ${(outcome = said(error))}${error instanceof JwtError ? ` (code ${String(error.code)})` : ''}, not a coded JwtError`);
    const leaked = ctx.secrets.find((secret) => error instanceof Error && String(error.message).includes(secret));
    if (leaked !== undefined) failed(`threw a message with ${leaked.length} characters of an argument in it: ${said(error)}`);
  }
  if (instances.length !== made) failed(`had the wasm instance replaced (${outcome})`);
  for (const odd of ctx.nestedOdd.splice(0)) failed(`made a getter's call back into the package throw ${odd}`);
  return { ok: outcome.startsWith('ok'), result, outcome };
}

// ---- results that must agree
/** Runs a check; one that throws (JSON.parse refusing a decoded segment, decodeJwt a verified token) fails. */
function check(name, args, body) {
  const stepArgs = run.args;
  run.args = args; // (what the checks' failures show)
  try {
    body();
  } catch (error) {
    fail(name, `failed its check with ${said(error)}`);
  } finally {
    run.args = stepArgs;
  }
}
function checkDecoded(name, token, result) {
  run.checks.decodes += 1;
  const segment = Buffer.from(token.split('.')[name === 'decodeJwt' ? 1 : 0], 'base64url').toString();
  if (!isDeepStrictEqual(result, JSON.parse(segment))) fail(name, `gave ${shape(result).slice(0, 100)}, not JSON.parse of its segment`);
}
function checkVerified(name, token, result) {
  run.checks.verifications += 1;
  if (!isDeepStrictEqual(result.payload, jwt.decodeJwt(token))) fail(name, `gave a payload other than decodeJwt's: ${shape(result.payload).slice(0, 100)}`);
  if (!isDeepStrictEqual(result.protectedHeader, jwt.decodeProtectedHeader(token))) fail(name, "gave a protected header other than decodeProtectedHeader's");
}
function checkSigned(name, token, key) {
  const bytes = proxies.has(key) ? null : typeof key === 'string' || key instanceof Uint8Array ? Buffer.from(key) : typeof key?.k === 'string' ? Buffer.from(key.k, 'base64url') : null;
  if (bytes === null) return;
  run.checks.signatures += 1;
  const [header, payload, signature] = token.split('.');
  const { alg } = JSON.parse(Buffer.from(header, 'base64url'));
  if (createHmac(HASH[alg], bytes).update(`${header}.${payload}`).digest('base64url') !== signature) fail(name, `signed with other than node:crypto's HMAC (${alg})`);
  try {
    jwt.jwtVerify(token, key, { algorithms: [alg], maxTokenLength: 1e9, currentDate: NOW, clockTolerance: 1e12 });
  } catch (error) {
    if (!['ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_KEY_INVALID'].includes(error?.code)) fail(name, `signed a token its key does not verify: ${said(error)}`);
  }
}

/** One step; returns the outcomes of its calls, which the second pass must repeat. */
function step(name, seed) {
  const { r, ctx, args } = argsFor(name, seed);
  run.args = args;
  const self = r.bool(0.03) ? gen(r, ctx, 1) : undefined;
  let { clean } = ctx; // no hostile value among the arguments: results are checked
  if (name === 'createVerifier') {
    const made = call(name, args, () => jwt.createVerifier.apply(self, args), ctx);
    if (!made.ok) return [made.outcome];
    const verifier = made.result;
    const outcomes = [];
    let freed = false;
    for (let n = r.int(4) + 1; n > 0; n -= 1) {
      const token = r.bool(0.8) ? nearToken(r, ctx) : gen(r, ctx, 2);
      keepSecrets(token, ctx.secrets);
      const extra = r.bool(0.1) ? [gen(r, ctx, 1)] : [];
      const { verify } = verifier;
      const how = r.int(20);
      let verified;
      if (how === 0) verified = call('verify', [token], () => verify(token), ctx, 'misuse');
      else if (how === 1) verified = call('verify', [token], () => verify.call(gen(r, ctx, 1), token), ctx, 'misuse');
      else if (how === 2 && !freed) [verified, freed] = [call('free', [], () => verifier.free(), ctx), true];
      else verified = call('verify', [token, ...extra], () => verifier.verify(token, ...extra), ctx, freed ? 'freed' : '');
      outcomes.push(verified.outcome);
      if (verified.ok && clean && how > 2 && typeof token === 'string') check('verify', [token], () => checkVerified('verify', token, verified.result));
    }
    return [...outcomes, call('free', [], () => verifier.free(), ctx).outcome]; // freed twice at times: allowed
  }
  if (name === 'SignJWT') {
    let builder;
    const made = call('new SignJWT', args, () => (builder = new jwt.SignJWT(...args)), ctx);
    if (!made.ok) return [made.outcome];
    const outcomes = [];
    for (let n = r.int(6); n > 0; n -= 1) {
      const method = r.pick(Object.keys(SETTERS));
      const value = r.bool(0.6) ? structuredClone(r.pick(SETTERS[method])) : ((clean = false), gen(r, ctx, 2));
      const extra = r.bool(0.05) ? ((clean = false), [gen(r, ctx, 1)]) : [];
      const set = builder[method];
      outcomes.push((r.int(30) === 0 ? call(method, [value], () => set(value), ctx, 'misuse') : call(method, [value, ...extra], () => builder[method](value, ...extra), ctx)).outcome);
    }
    const key = r.bool(0.7) ? nearKey(r, ctx) : ((clean = false), gen(r, ctx, 2));
    keepSecrets(key, ctx.secrets);
    const options = r.bool(0.5) ? [] : r.bool(0.6) ? [{ currentDate: new Date(NOW) }] : ((clean = false), [gen(r, ctx, 2)]);
    if (r.bool(0.05)) options.push(((clean = false), gen(r, ctx, 1)));
    const signed = call('sign', [key, ...options], () => builder.sign(key, ...options), ctx);
    if (signed.ok && clean) check('sign', [key, ...options], () => checkSigned('sign', signed.result, key));
    return [...outcomes, signed.outcome];
  }
  const first = call(name, args, () => jwt[name].apply(self, args), ctx);
  if (first.ok && name === 'errorCodes' && !isDeepStrictEqual(new Set(first.result), CODES)) fail(name, `gave other codes: ${first.result}`);
  if (first.ok && clean && name.startsWith('decode') && typeof args[0] === 'string') check(name, args, () => checkDecoded(name, args[0], first.result));
  if (first.ok && clean && name === 'jwtVerify') check(name, args, () => checkVerified(name, args[0], first.result));
  if (first.ok && clean && name === 'signJwt') check(name, args, () => checkSigned(name, first.result, args[1]));
  if (!clean || (name !== 'isExpired' && name !== 'expiryInfo')) return [first.outcome];
  // The other one, with the same arguments (plain values: reading them again reads the same).
  const twin = name === 'isExpired' ? 'expiryInfo' : 'isExpired';
  const second = call(twin, args, () => jwt[twin](...args), ctx);
  const [expired, info] = name === 'isExpired' ? [first, second] : [second, first];
  run.checks.expiryPairs += 1;
  if (expired.ok !== info.ok || (!expired.ok && expired.outcome !== info.outcome)) fail(name, `disagrees with its twin: isExpired ${expired.outcome}, expiryInfo ${info.outcome}`);
  else if (expired.ok && expired.result !== info.result.expired) fail(name, `gave ${expired.result} where expiryInfo's expired is ${info.result.expired}`);
  return [first.outcome, second.outcome];
}

/** Runs the steps of one pass, with Date.now pinned and each wasm instance the package makes kept. */
function pass(steps, more) {
  const { now } = Date;
  const OriginalInstance = WebAssembly.Instance;
  Date.now = () => NOW_S * 1000;
  WebAssembly.Instance = function Instance(module, imports) {
    return instances[instances.push(new OriginalInstance(module, imports)) - 1];
  };
  try {
    for (let n = 0; n < steps.length || more(steps); n += 1) {
      Object.assign(run, steps[n], { step: n + 1 });
      const outcomes = step(run.name, run.stepSeed);
      if (steps[n].outcomes && !isDeepStrictEqual(outcomes, steps[n].outcomes)) {
        fail(run.name, `gave ${shape(outcomes).slice(0, 300)} where the first pass gave ${shape(steps[n].outcomes).slice(0, 300)}`);
      }
      steps[n].outcomes = outcomes;
      if (run.warm && (memory() > run.warm.memory || slots() > run.warm.slots)) {
        return fail(run.name, `grew the wasm memory from ${run.warm.memory} to ${memory()} bytes or its externref table from ${run.warm.slots} to ${slots()} slots after warm-up`);
      }
    }
  } finally {
    Date.now = now;
    WebAssembly.Instance = OriginalInstance;
  }
}

describe('surface fuzz: every export with random and near-valid arguments, run twice over', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: only coded errors, no instance replaced, no secret in a message, results that agree and repeat, flat memory`, () => {
      const started = performance.now();
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
      const master = rngOf(seed);
      const steps = [];
      run = { seed, pass: 'first', failures: [], checks: { decodes: 0, verifications: 0, signatures: 0, expiryPairs: 0 } };
      // The first pass makes its steps as it goes, up to STEPS or SECONDS; the second replays them.
      pass(steps, () => steps.length < STEPS && performance.now() - started < SECONDS * 1000 && steps.push({ name: master.pick(EXPORTS), stepSeed: master.u32() }));
      const firstPass = seconds();
      Object.assign(run, { pass: 'second', warm: { memory: memory(), slots: slots() } });
      pass(steps, () => false);
      const { checks, failures } = run;
      console.log(`surface fuzz seed ${seed}: ${steps.length} steps twice in ${seconds()} s (first pass ${firstPass} s); results checked over both passes: ` +
        `${Object.entries(checks).map(([what, count]) => `${count} ${what}`).join(', ')}; wasm memory ${memory()} bytes, ${slots()} table slots; ${failures.length} failures`);
      assert.equal(failures.length, 0, `invariants broken (the first ${failures.length} failures):\n${failures.map((failure) => failure.said).join('\n')}`);
      // A walk that rarely reaches a result to check would prove little.
      for (const [what, count] of Object.entries(checks)) assert.ok(count >= steps.length / 100, `only ${count} ${what} checked in ${steps.length} steps`);
    });
  }
});
