// The same answers in every runtime: from a seed, the same generated cases everywhere (tokens,
// keys and options that stress what engines differ on: non-ASCII and astral text, lone UTF-16
// surrogates, strings near the length caps counted in bytes and in UTF-16 units, numbers at the
// edges of a double, Dates, typed arrays and their views, getters, proxies, toJSON, a polluted
// Object.prototype), each run through the public API, its result or error written as text. The
// runtime tests run it once in Node for the reference (runtimes.test.mjs) and check.mjs runs it
// again in every runtime and bundle, comparing each case's text by its hash. Runtime-neutral: no
// Node API, only what check.mjs uses (TextEncoder, structuredClone, Proxy, typed arrays).

const NOW = new Date('2026-01-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const enc = new TextEncoder();

// ---------- deterministic PRNG (mulberry32; differential.test.mjs uses it too) ----------
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---------- SHA-256 / HMAC-SHA-256 in plain JS (to sign hand-made bytes) ----------
const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
function sha256(bytes) {
  const len = bytes.length;
  const total = ((len + 9 + 63) >> 6) << 6;
  const m = new Uint8Array(total);
  m.set(bytes);
  m[len] = 0x80;
  const bits = len * 8;
  const dv = new DataView(m.buffer);
  dv.setUint32(total - 4, bits >>> 0);
  dv.setUint32(total - 8, Math.floor(bits / 4294967296));
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = dv.getUint32(off + i * 4);
    for (let i = 16; i < 64; i += 1) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i += 1) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i += 1) ov.setUint32(i * 4, h[i]);
  return out;
}
function hmac256(key, data) {
  let k = key.length > 64 ? sha256(key) : key;
  const block = new Uint8Array(64);
  block.set(k);
  const inner = new Uint8Array(64 + data.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i += 1) { inner[i] = block[i] ^ 0x36; outer[i] = block[i] ^ 0x5c; }
  inner.set(data, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

/** `prng` with ranges, picks, subsets and shuffles, for the Node differentials' generators. */
export function generator(seed) {
  const { next } = prng(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  const subset = (items) => items.filter(() => chance(0.5));
  const shuffle = (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, chance, subset, shuffle };
}

/** A JSON value nested at most a few levels, its strings and member names drawn from `words`. */
export function randomJson(g, words, depth = 0) {
  switch (g.int(0, depth > 2 ? 4 : 6)) {
    case 0: return null;
    case 1: return g.chance(0.5);
    case 2: return g.int(-1e6, 1e6) * (g.chance(0.3) ? 0.25 : 1);
    case 3: return g.pick(words);
    case 4: return g.chance(0.5) ? g.next() * 1e12 : -g.int(0, 100);
    case 5: return Array.from({ length: g.int(0, 3) }, () => randomJson(g, words, depth + 1));
    default: return Object.fromEntries(Array.from({ length: g.int(0, 3) }, () => [g.pick(words), randomJson(g, words, depth + 1)]));
  }
}

/** Top-level member names of a JSON object text, in order (duplicates kept); [] if not one. */
export function memberNames(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const names = [];
  let depth = 0;
  let expectName = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectName) names.push(JSON.parse(text.slice(i, j + 1)));
      expectName = false;
      i = j;
    } else if (c === '{' || c === '[') {
      depth += 1;
      expectName = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
    } else if (c === ',' && depth === 1) {
      expectName = true;
    }
  }
  return names;
}

/** Whether a key's secret is bytes that are all zero (HMAC's empty key by another name). Node
 * only (Buffer): the Node differentials use it. */
export function isZeroKey(key) {
  const bytes = typeof key === 'string' ? Buffer.from(key)
    : key instanceof Uint8Array ? key
      : typeof key?.k === 'string' ? Buffer.from(key.k, 'base64url') : null;
  return bytes !== null && bytes.length > 0 && bytes.every((byte) => byte === 0);
}

/** Whether a segment is canonical base64url (no padding, no other characters, zero spare bits).
 * Node only (Buffer), as `lenientText` and `isZeroKey`. */
export const isCanonical = (segment) =>
  /^[A-Za-z0-9_-]*$/.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;

/** A segment's text as a lenient decoder reads it (white space dropped, `+`, `/` and padding
 * taken), a BOM kept; undefined if it is not UTF-8. */
export function lenientText(segment) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(segment.replace(/\s/g, ''), 'base64url'));
  } catch {
    return undefined;
  }
}

export const hasDuplicates = (names) => new Set(names).size !== names.length;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string or member name in a parsed JSON value holds a lone surrogate. */
export function hasLoneSurrogate(value) {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) return true;
    if (typeof v === 'object' && v !== null) {
      for (const [name, inner] of Object.entries(v)) {
        if (LONE_SURROGATE.test(name)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

// ---------- base64url ----------
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The base64url form of `bytes`, no padding (check.mjs uses it too). */
export function b64u(bytes) {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63];
  }
  return out;
}
const toBytes = (x) => (typeof x === 'string' ? enc.encode(x) : x);
/** An HS256 token of raw header and payload (strings as UTF-8, or bytes), signed with `key` bytes. */
function rawToken(header, payload, key = enc.encode(SECRET)) {
  const input = `${b64u(toBytes(header))}.${b64u(toBytes(payload))}`;
  return `${input}.${b64u(hmac256(key, enc.encode(input)))}`;
}

// ---------- outcome serialization ----------
/** Node 20 gives `Symbol.dispose` a symbol of its own (`nodejs.dispose`), and a runtime without it
 * (Chromium before 134) has no dispose method: the method is left out of the shapes compared. */
const withoutDispose = (symbols) => symbols.filter((symbol) => symbol !== Symbol.dispose).map(String);

function fnv(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i += 1) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
function ser(v, depth = 0) {
  if (depth > 40) return '"<deep>"';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined': return '"<undefined>"';
    case 'number': return Object.is(v, -0) ? '"<-0>"' : Number.isFinite(v) ? String(v) : `"<${v}>"`;
    case 'bigint': return `"<${v}n>"`;
    case 'boolean': return String(v);
    case 'symbol': return '"<symbol>"';
    case 'function': return '"<function>"';
    case 'string': {
      const s = v.length > 300 ? `<len ${v.length} head ${v.slice(0, 40)} tail ${v.slice(-40)} fnv ${fnv(v)}>` : v;
      return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    default: break;
  }
  if (v instanceof Date) return `{"<date>":${ser(v.getTime())}}`;
  if (Array.isArray(v)) return `[${v.map((x) => ser(x, depth + 1)).join(',')}]`;
  const proto = Object.getPrototypeOf(v);
  const tag = proto === null ? 'null' : proto === Object.prototype ? '' : (proto.constructor?.name ?? '?');
  const names = Object.keys(v);
  const parts = names.map((n) => `${ser(n)}:${ser(v[n], depth + 1)}`);
  if (tag) parts.unshift(`"<proto>":${ser(tag)}`);
  return `{${parts.join(',')}}`;
}
function outcome(call) {
  try {
    return `ok ${ser(call())}`;
  } catch (e) {
    if (e === null || typeof e !== 'object') return `throw-value ${ser(e)}`;
    const info = {
      cls: e.constructor?.name,
      isError: e instanceof Error,
      name: e.name,
      code: e.code,
      claim: Object.prototype.hasOwnProperty.call(e, 'claim') ? e.claim : '<absent>',
      reason: Object.prototype.hasOwnProperty.call(e, 'reason') ? e.reason : '<absent>',
      message: e.message,
    };
    return `err ${ser(info)}`;
  }
}

// ---------- value pools ----------
const CHARS = [
  'a', 'Z', '0', '-', '_', ' ', '"', '\\', '/', '.', '\0', '\n', '\t', '\x7f',
  'é', 'ß', 'İ', 'ı', 'Ä', 'ä', 'ſ', 'K', '€', '中', '\u0301', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff',
  '😀', '𝒜', '\u{10ffff}', '\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800',
];
function strOf(r, maxLen = 10) {
  const n = r.int(maxLen + 1);
  let s = '';
  for (let i = 0; i < n; i += 1) s += r.chance(0.5) ? r.pick(CHARS) : String.fromCharCode(97 + r.int(26));
  return s;
}
const NUMS = [
  0, -0, 1, -1, 0.5, 1.5, 0.1, 1e21, 1e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, 5e-324, 1.7976931348623157e308,
  NaN, Infinity, -Infinity, NOW_S, NOW_S + 0.5, NOW_S - 0.5, NOW_S + 0.999999, NOW_S - 1e-9, NOW_S + 60, NOW_S - 60,
  8.64e12, 8.64e12 + 1, -8.64e12, -8.64e12 - 1, 253402300799, 253402300800, 1e16, 4294967296, 2147483648, -2147483649,
];
const NUM_TEXTS = [
  '0', '-0', '-0.0', '0.0', '1e21', '1E21', '1e+21', '1e400', '-1e400', '1e-400', '9007199254740993', '9007199254740992',
  '1767225600', '1767225600.5', '1767225599.9999999999', '1767225600.0000000001', '17672256e2', '1.7672256e9', '1767225660',
  '1.5', '00', '01', '1.', '.5', '+1', '0x10', 'NaN', 'Infinity', '-', '1e', '1e+', `1${'0'.repeat(400)}`, `0.${'0'.repeat(400)}1`,
  '8640000000000', '8640000000001', '-8640000000001', '253402300800', '1767225600e0', '1767225600E-0', '2e9', '-1', '1767225540',
];
const DURATIONS = [
  '1h', '1.5h', ' 1h', '1h ', '1H', '1 hour', '2 hours', '2 hours ago', '-5m', '+5m', '5m ago', '1e3s', '1e21s', 'Infinity s', 'NaN s',
  '١h', '1ｈ', '1 yr', '1y', '1w', '1 week', '1d', '1 day', '30s', '30 secs', '0s', '-0s', '0.5s', '.5s', '5.s', '', 's', '1', '-1', '1 ',
  '1\ud800h', '1 hour from now', '9007199254740993s', '1e308s', '100000000000000y', '2 minutes', '1 mins', '3 hrs', '7 days', '1 sec',
];
const DATES = () => [
  new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(8.64e15 + 1), new Date(0), new Date(-1), new Date(1.5),
  new Date(NOW.getTime() + 999), new Date(NOW.getTime() - 1), new Date(NOW.getTime() + 3600_000), new Date(253402300800000),
  new Date(-62198755200000), new Date(NOW.getTime() + 0.9),
];
const ALGS = ['HS256', 'HS384', 'HS512'];

function randNum(r) {
  return r.chance(0.8) ? r.pick(NUMS) : (r.int(2 ** 31) - 2 ** 30) * (r.chance(0.5) ? 1 : 0.001);
}
function randValue(r, depth = 0) {
  const k = r.int(depth > 2 ? 5 : 8);
  switch (k) {
    case 0: return strOf(r);
    case 1: return randNum(r);
    case 2: return r.chance(0.5);
    case 3: return null;
    case 4: return strOf(r, 3);
    case 5: { const a = []; const n = r.int(4); for (let i = 0; i < n; i += 1) a.push(randValue(r, depth + 1)); return a; }
    default: { const o = {}; const n = r.int(4); for (let i = 0; i < n; i += 1) o[strOf(r, 4)] = randValue(r, depth + 1); return o; }
  }
}
const CLAIM_NAMES = ['sub', 'iss', 'aud', 'exp', 'nbf', 'iat', 'jti', 'scope', '__proto__', 'constructor', 'toString', '0', '1', '-1', '01', 'é', '😀', '\ud800', ''];
function randPayload(r) {
  const o = {};
  const n = r.int(5);
  for (let i = 0; i < n; i += 1) {
    const name = r.chance(0.7) ? r.pick(CLAIM_NAMES) : strOf(r, 4);
    const value = ['exp', 'nbf', 'iat'].includes(name) && r.chance(0.7) ? randNum(r) : randValue(r);
    Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return o;
}
/** A payload JSON text, possibly malformed in ways engines' JSON.parse and the core may differ on. */
function randPayloadText(r) {
  const members = [];
  const n = r.int(4);
  for (let i = 0; i < n; i += 1) {
    const name = r.chance(0.6) ? r.pick(['exp', 'nbf', 'iat', 'sub', 'iss', 'aud']) : r.pick(['x', 'é', '\\u00e9', '\\ud800', '\\udc00\\ud800', '\\ud83d\\ude00', '__proto__', '']);
    let value;
    switch (r.int(5)) {
      case 0: case 1: value = r.pick(NUM_TEXTS); break;
      case 2: value = `"${r.pick(['a', 'é', '\\ud800', '\\u0000', '\\/', '\\uD83D\\uDE00', '😀', '\ud800', '\\x41', '\\u00', '\t'])}"`; break;
      case 3: value = r.pick(['true', 'null', '[]', '{}', '["a","b"]', '[1767225600]', '{"a":1,"a":2}']); break;
      default: value = `"${strOf(r, 3).replace(/["\\]/g, '')}"`;
    }
    members.push(`"${name}":${value}`);
  }
  if (r.chance(0.1) && members.length) members.push(members[0]);
  let text = `{${members.join(r.pick([',', ',', ', ', ',\n']))}}`;
  if (r.chance(0.05)) text = `\ufeff${text}`;
  if (r.chance(0.05)) text = ` ${text} `;
  if (r.chance(0.03)) text = r.pick(['[]', 'null', '1', '"x"', '{', '']);
  return text;
}

// ---------- keys ----------
const SECRET_BYTES = enc.encode(SECRET);
const jwkOf = (bytes, extra = {}) => ({ kty: 'oct', k: b64u(bytes), ...extra });
function keyVariants() {
  const buf = new ArrayBuffer(SECRET_BYTES.length + 7);
  const offset = new Uint8Array(buf, 5, SECRET_BYTES.length);
  offset.set(SECRET_BYTES);
  const big = new Uint8Array(SECRET_BYTES.length + 10);
  big.set(SECRET_BYTES, 3);
  const detachedBytes = new Uint8Array(SECRET_BYTES);
  try { structuredClone(detachedBytes.buffer, { transfer: [detachedBytes.buffer] }); } catch { /* no transfer */ }
  // Where buffers cannot be resizable, a plain copy: the package answers both alike (the bytes),
  // so every runtime gives Node's answer and draws the same cases after it.
  let resizable = new Uint8Array(SECRET_BYTES);
  try {
    const rb = new ArrayBuffer(SECRET_BYTES.length, { maxByteLength: 4096 });
    if (rb.resizable) { resizable = new Uint8Array(rb); resizable.set(SECRET_BYTES); }
  } catch { /* not supported */ }
  const tagged = new Uint16Array(4);
  Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Uint8Array' });
  class Sub extends Uint8Array {}
  const sub = new Sub(SECRET_BYTES);
  const lying = new Uint8Array(SECRET_BYTES);
  Object.defineProperty(lying, 'length', { value: 3 });
  return [
    ['string', SECRET],
    ['bytes', new Uint8Array(SECRET_BYTES)],
    ['jwk', jwkOf(SECRET_BYTES)],
    ['subarray(3)', big.subarray(3, 3 + SECRET_BYTES.length)],
    ['offset view', offset],
    ['subarray of a subarray', big.subarray(1).subarray(2, 2 + SECRET_BYTES.length)],
    ['Uint8Array subclass', sub],
    ['own length 3', lying],
    ['resizable-backed', resizable],
    ['detached', detachedBytes],
    ['Uint8ClampedArray', new Uint8ClampedArray(SECRET_BYTES)],
    ['Int8Array', new Int8Array(SECRET_BYTES)],
    ['Uint16Array', new Uint16Array(SECRET_BYTES)],
    ['Float64Array', new Float64Array(SECRET_BYTES)],
    ['BigUint64Array', new BigUint64Array(4)],
    ['DataView', new DataView(SECRET_BYTES.slice().buffer)],
    ['ArrayBuffer', SECRET_BYTES.slice().buffer],
    ['Uint16 tagged Uint8Array', tagged],
    ['array of numbers', Array.from(SECRET_BYTES)],
    ['array-like', { length: 3, 0: 1, 1: 2, 2: 3 }],
    ['Proxy of Uint8Array', new Proxy(new Uint8Array(SECRET_BYTES), {})],
    ['Proxy of jwk', new Proxy(jwkOf(SECRET_BYTES), {})],
    ['jwk with alg HS384', jwkOf(SECRET_BYTES, { alg: 'HS384' })],
    ['jwk with alg RS256', jwkOf(SECRET_BYTES, { alg: 'RS256' })],
    ['jwk use enc', jwkOf(SECRET_BYTES, { use: 'enc' })],
    ['jwk key_ops verify', jwkOf(SECRET_BYTES, { key_ops: ['verify'] })],
    ['jwk key_ops sign', jwkOf(SECRET_BYTES, { key_ops: ['sign'] })],
    ['jwk key_ops dup', jwkOf(SECRET_BYTES, { key_ops: ['verify', 'verify'] })],
    ['jwk ext string', jwkOf(SECRET_BYTES, { ext: 'yes' })],
    ['jwk kid lone surrogate', jwkOf(SECRET_BYTES, { kid: '\ud800' })],
    ['jwk k padded', { kty: 'oct', k: `${b64u(SECRET_BYTES)}=` }],
    ['jwk k non-canonical', { kty: 'oct', k: `${b64u(SECRET_BYTES).slice(0, -1)}${b64u(SECRET_BYTES).endsWith('E') ? 'F' : 'E'}` }],
    ['jwk k with é', { kty: 'oct', k: `${b64u(SECRET_BYTES)}é` }],
    ['jwk k lone surrogate', { kty: 'oct', k: `\ud800${b64u(SECRET_BYTES)}` }],
    ['jwk kty RSA', { kty: 'RSA', k: b64u(SECRET_BYTES) }],
    ['jwk kty OCT', { kty: 'OCT', k: b64u(SECRET_BYTES) }],
    ['jwk no kty', { k: b64u(SECRET_BYTES) }],
    ['jwk k number', { kty: 'oct', k: 5 }],
    ['jwk toJSON', { kty: 'oct', k: b64u(SECRET_BYTES), toJSON() { return {}; } }],
    ['jwk getter k', { kty: 'oct', get k() { return b64u(SECRET_BYTES); } }],
    ['jwk null proto', Object.assign(Object.create(null), jwkOf(SECRET_BYTES))],
    ['jwk json text', JSON.stringify(jwkOf(SECRET_BYTES))],
    ['string lone high', `${SECRET}\ud800`],
    ['string lone low', `${SECRET}\udc00`],
    ['string U+FFFD', `${SECRET}\ufffd`],
    ['string é', `${SECRET}é`],
    ['string astral', `${SECRET}😀`],
    ['string NUL', '\0'],
    ['string empty', ''],
    ['zero bytes', new Uint8Array(32)],
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['function', () => SECRET],
    ['bigint', 10n],
    ['symbol', Symbol('k')],
    ['Date', new Date(0)],
  ];
}

// ---------- options ----------
function randVerifyOptions(r, { withCache = false } = {}) {
  const o = { currentDate: r.chance(0.9) ? NOW : r.pick(DATES()) };
  // Defined, not assigned: `o.__proto__ = 1` makes an own member under Deno only.
  const set = (name, value) => { Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true }); };
  if (r.chance(0.3)) set('algorithms', r.pick([['HS256'], ['HS384', 'HS512'], ['RS256'], ['hs256'], [], [''], ['HS256', 'HS256'], ['\ud800'], 'HS256', [1]]));
  if (r.chance(0.3)) set('issuer', r.pick(['me', ['me', 'you'], '', [], 'é', '\ud800', 'ﬀ', strOf(r), [strOf(r)], 5, null, undefined, new Date(0), ['me', 1]]));
  if (r.chance(0.3)) set('audience', r.pick(['api', ['api', 'x'], '', [], 'é', '\ud800', strOf(r), [strOf(r), 'api'], true]));
  if (r.chance(0.2)) set('subject', r.pick(['ada', 'é', '\ud800', '', strOf(r), ['ada']]));
  if (r.chance(0.2)) set('typ', r.pick(['JWT', 'jwt', 'at+jwt', 'application/at+jwt', 'APPLICATION/JWT', 'Ä', 'ä', 'ſ', 'K', 'k', 'İ', 'i', '', '\ud800', 'application/', 'application/application/jwt']));
  if (r.chance(0.3)) set('clockTolerance', r.chance(0.5) ? r.pick(DURATIONS) : randNum(r));
  if (r.chance(0.2)) set('maxTokenAge', r.chance(0.5) ? r.pick(DURATIONS) : randNum(r));
  if (r.chance(0.15)) set('requiredClaims', r.pick([['exp'], ['sub', 'iat'], [], [''], ['é'], ['\ud800'], ['__proto__'], 'exp', [strOf(r, 3)]]));
  if (r.chance(0.1)) set('crit', r.pick([{ exp: true }, { b64: false }, {}, { '\ud800': true }, { x: 1 }, []]));
  if (r.chance(0.15)) set('maxTokenLength', r.pick([0, -0, 1, 100, 1.5, 65536, 65537, 2 ** 53 + 2, 1e21, -1, NaN, Infinity, '100', 2 ** 32, 2 ** 31]));
  if (withCache && r.chance(0.7)) set('cache', r.pick([true, false, 1, 2, 0, -0, 1.5, 1e6, 1e6 + 1, -1, 'x', 2 ** 53 + 2, NaN]));
  if (!withCache && r.chance(0.03)) set('cache', r.pick([false, true, 1]));
  if (r.chance(0.03)) set(r.pick(['leeway', 'alg', 'header', 'Issuer', '\ud800', 'é', '__proto__']), 1);
  return o;
}
function randExpiryOptions(r) {
  const o = {};
  if (r.chance(0.85)) o.currentDate = r.chance(0.6) ? NOW : r.pick(DATES());
  else if (r.chance(0.5)) o.currentDate = r.pick([0, '2026-01-01T00:00:00Z', { getTime: () => 0 }, null, NOW_S]);
  if (r.chance(0.4)) o.clockTolerance = r.chance(0.5) ? r.pick(DURATIONS) : randNum(r);
  if (r.chance(0.05)) o[r.pick(['issuer', 'maxTokenAge', 'x'])] = 'a'; // (no __proto__ here)
  if (!('currentDate' in o)) o.currentDate = NOW; // keep the clock out of the answers
  return o;
}
function randSignOptions(r) {
  const o = { currentDate: r.chance(0.9) ? NOW : r.pick(DATES()) };
  const time = () => (r.chance(0.4) ? r.pick(DURATIONS) : r.chance(0.6) ? randNum(r) : r.pick([...DATES(), true, false, null, '2026-01-01']));
  if (r.chance(0.3)) o.alg = r.pick([...ALGS, 'none', 'RS256', 'hs256', '', '\ud800']);
  if (r.chance(0.3)) o.header = r.pick([{ typ: 'JWT' }, { kid: strOf(r) }, { alg: 'HS512' }, { b64: true }, { crit: ['exp'] }, { typ: '\ud800' }, { 'é': 1, '😀': [1] }, { alg: '' }, {}, { x: -0 }, { x: 1e21 }, { x: 2 ** 53 + 2 }, { __proto__: null, typ: 'a' }]);
  if (r.chance(0.4)) o.issuedAt = r.chance(0.4) ? r.chance(0.5) : time();
  if (r.chance(0.5)) o.expirationTime = time();
  if (r.chance(0.3)) o.notBefore = time();
  if (r.chance(0.2)) o.issuer = r.pick(['me', strOf(r), '', 5]);
  if (r.chance(0.2)) o.subject = r.pick(['ada', strOf(r), '']);
  if (r.chance(0.2)) o.audience = r.pick(['api', ['a', 'b'], [], [strOf(r)], '']);
  if (r.chance(0.1)) o.jti = strOf(r);
  if (r.chance(0.03)) o[r.pick(['maxTokenAge', 'cache', 'typ', 'x'])] = 1;
  return o;
}

// ---------- hostile option wrappers (each returns [label, options, log]) ----------
function hostile(r, base) {
  const log = [];
  const kind = r.int(12);
  switch (kind) {
    case 0: { // enumerable own getter
      const o = { ...base };
      const name = r.pick(Object.keys(o));
      const v = o[name];
      Object.defineProperty(o, name, { get() { log.push(`get ${name}`); return v; }, enumerable: true, configurable: true });
      return ['getter', o, log];
    }
    case 1: { // getter answering differently each read
      const o = { ...base };
      let n = 0;
      Object.defineProperty(o, 'issuer', { get() { n += 1; log.push(`issuer#${n}`); return n === 1 ? 'me' : 'evil'; }, enumerable: true, configurable: true });
      return ['flip getter', o, log];
    }
    case 2: { // throwing getter
      const o = { ...base };
      Object.defineProperty(o, 'issuer', { get() { throw new RangeError('boom'); }, enumerable: true });
      return ['throwing getter', o, log];
    }
    case 3: { // logging Proxy
      const handler = {};
      for (const trap of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf']) {
        handler[trap] = (...args) => { log.push(`${trap}${typeof args[1] === 'string' ? ` ${args[1]}` : ''}`); return Reflect[trap](...args); };
      }
      return ['logging proxy', new Proxy({ ...base }, handler), log];
    }
    case 4: return ['throwing ownKeys proxy', new Proxy({ ...base }, { ownKeys() { throw new Error('no keys'); } }), log];
    case 5: { const { proxy, revoke } = Proxy.revocable({ ...base }, {}); revoke(); return ['revoked proxy', proxy, log]; }
    case 6: return ['own toJSON', { ...base, toJSON() { return {}; } }, log];
    case 7: return ['null prototype', Object.assign(Object.create(null), base), log];
    case 8: { const o = { ...base }; Object.defineProperty(o, 'issuer', { value: 'me', enumerable: false }); return ['non-enumerable', o, log]; }
    case 9: { const o = { ...base }; o[Symbol('s')] = 1; return ['symbol key', o, log]; }
    case 10: { class Opts { constructor() { for (const n of Object.keys(base)) Object.defineProperty(this, n, { value: base[n], enumerable: true, writable: true, configurable: true }); } } return ['class instance', new Opts(), log]; }
    default: { const o = { ...base, issuer: { toJSON: () => 'me' } }; return ['toJSON member', o, log]; }
  }
}

/** Runs `call` with Object.prototype / Array.prototype polluted, restoring them after. */
function polluted(r, call) {
  const kind = r.int(9);
  const targets = [
    [Object.prototype, 'issuer', { value: 'evil', configurable: true, writable: true }],
    [Object.prototype, 'toJSON', { value() { return { issuer: 'evil' }; }, configurable: true, writable: true }],
    [Array.prototype, 'toJSON', { value() { return ['evil']; }, configurable: true, writable: true }],
    [Object.prototype, 'alg', { value: 'none', configurable: true, writable: true }],
    [Object.prototype, 'kty', { value: 'oct', configurable: true, writable: true }],
    [Object.prototype, '0', { value: 'x', configurable: true, writable: true }],
    [Object.prototype, 'currentDate', { value: new Date(0), configurable: true, writable: true }],
    [Object.prototype, 'claim', { get() { return 'polluted'; }, set(v) { /* swallow */ }, configurable: true }],
    [Object.prototype, 'cache', { get() { return true; }, configurable: true }],
  ];
  const [target, name, desc] = targets[kind];
  const before = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, desc);
  try {
    return `${target === Object.prototype ? 'Object' : 'Array'}.prototype.${name}: ${outcome(call)}`;
  } finally {
    if (before) Object.defineProperty(target, name, before);
    else delete target[name];
  }
}

// ---------- tokens ----------
function mutateToken(r, token) {
  switch (r.int(16)) {
    case 0: return `${token}x`;
    case 1: return `${token.slice(0, -1)}${r.pick(['A', 'é', '\ud800', '😀', '=', ' '])}`;
    case 2: return `Bearer ${token}`;
    case 3: return ` ${token}\n`;
    case 4: { const i = r.int(token.length); return token.slice(0, i) + r.pick(['\ud800', '\udc00', 'é', '😀', '\0', '.', '+', '/', '=']) + token.slice(i); }
    case 5: return token.split('.').slice(0, 2).join('.');
    case 6: return `${token}.x.y`;
    case 7: return token.replace(/\./g, '..');
    case 8: return token.toUpperCase();
    case 9: return `${token.split('.')[0]}.${b64u(enc.encode(randPayloadText(r)))}.${token.split('.')[2]}`;
    case 10: return token.replace('-', '+').replace('_', '/');
    case 11: return `${token}==`;
    case 12: return r.pick(['', '.', '..', '...', 'e30.e30.', 'e30.e30', 'eyJhbGciOiJub25lIn0.e30.', '\ud800', '😀.😀.😀']);
    default: return token;
  }
}
/** A token close to `target` UTF-16 units long, payload padded with `fill` characters. */
function longToken(targetUnits, fill, extraTail = '') {
  const head = b64u(enc.encode('{"alg":"HS256","typ":"JWT"}'));
  const sig = 'A'.repeat(43);
  const payloadLen = targetUnits - head.length - sig.length - 2 - extraTail.length;
  // A payload whose base64url is exactly payloadLen characters: {"p":"xxx..."}
  let bytesLen = Math.floor((payloadLen * 3) / 4);
  let pad = Math.max(0, bytesLen - 8);
  let payload = b64u(enc.encode(`{"p":"${fill.repeat(pad)}"}`));
  while (payload.length > payloadLen && pad > 0) { pad -= 1; payload = b64u(enc.encode(`{"p":"${fill.repeat(pad)}"}`)); }
  return `${head}.${payload}${extraTail}.${sig}`;
}

// ---------- the cases ----------
function makeCases(jwt, seed, count) {
  const r = prng(seed);
  const cases = [];
  const add = (name, fn) => cases.push([`${cases.length} ${name}`, fn]);
  const keys = keyVariants();
  // Signs at generation time; a payload the package refuses (a lone surrogate) is signed by hand.
  const good = (payload = { sub: 'ada', exp: NOW_S + 60 }, alg = 'HS256', key = SECRET) => {
    try {
      return jwt.signJwt(payload, key, { alg, currentDate: NOW });
    } catch {
      return rawToken('{"alg":"HS256"}', JSON.stringify(payload));
    }
  };

  // fixed cases: errorCodes, keys, long strings, caps
  add('errorCodes', () => jwt.errorCodes());
  add('export shapes', () => Object.keys(jwt).sort().map((name) => {
    const v = jwt[name];
    const own = typeof v === 'function' && v.prototype ? [...Object.getOwnPropertyNames(v.prototype).sort(), ...withoutDispose(Object.getOwnPropertySymbols(v.prototype))] : null;
    return [name, typeof v, v.name, v.length, own];
  }));
  add('instance shapes', () => {
    const v = jwt.createVerifier(SECRET);
    const e = new jwt.JwtError('m', { code: 'ERR_JWT_INVALID' });
    const b = new jwt.SignJWT({});
    const res = [v.constructor.name, Object.prototype.toString.call(v), e.constructor.name, String(e), Object.keys(e), b.constructor.name, Object.keys(b)];
    v.free();
    return res;
  });
  const goodToken = good({ sub: 'ada', exp: NOW_S + 60, iat: NOW_S });
  for (const [label, key] of keys) {
    add(`jwtVerify key ${label}`, () => jwt.jwtVerify(goodToken, key, { currentDate: NOW }));
    add(`createVerifier key ${label}`, () => jwt.createVerifier(key, { currentDate: NOW }).verify(goodToken));
    add(`signJwt key ${label}`, () => jwt.signJwt({ a: 1 }, key, { currentDate: NOW }));
    add(`SignJWT key ${label}`, () => new jwt.SignJWT({ a: 1 }).setIssuedAt().sign(key, { currentDate: NOW }));
  }
  // key size caps: 1 MiB of secret, in bytes vs UTF-16 units
  const MiB = 1 << 20;
  for (const [label, key] of [
    ['1MiB ascii', 'k'.repeat(MiB)], ['1MiB+1 ascii', 'k'.repeat(MiB + 1)], ['512Ki é (1MiB bytes)', 'é'.repeat(MiB / 2)],
    ['512Ki+1 é', 'é'.repeat(MiB / 2 + 1)], ['lone surrogates 349525 (1048575 bytes)', '\ud800'.repeat(349525)],
    ['lone surrogates 349526', '\ud800'.repeat(349526)], ['astral 262144 (1MiB bytes, 524288 units)', '😀'.repeat(MiB / 4)],
    ['astral 262145', '😀'.repeat(MiB / 4 + 1)], ['bytes 1MiB', new Uint8Array(MiB).fill(1)], ['bytes 1MiB+1', new Uint8Array(MiB + 1).fill(1)],
    ['subarray 1MiB of 2MiB at 7', new Uint8Array(2 * MiB + 7).fill(1).subarray(7, 7 + MiB)],
  ]) {
    add(`key cap ${label} sign`, () => jwt.signJwt({ a: 1 }, key, { currentDate: NOW }));
  }
  add('jwk 2MiB text', () => jwt.jwtVerify(goodToken, { kty: 'oct', k: b64u(SECRET_BYTES), pad: 'x'.repeat(2 * MiB) }, { currentDate: NOW }));
  add('jwk just under 2MiB é', () => jwt.jwtVerify(goodToken, { kty: 'oct', k: b64u(SECRET_BYTES), pad: 'é'.repeat(MiB - 40) }, { currentDate: NOW }));

  // 64 KB token cap: bytes vs UTF-16 units
  const LIMIT = 65536;
  for (const delta of [-1, 0, 1]) {
    const t = longToken(LIMIT + delta, 'a');
    add(`token len ${t.length} decodeJwt`, () => jwt.decodeJwt(t));
    add(`token len ${t.length} decodeProtectedHeader`, () => jwt.decodeProtectedHeader(t));
    add(`token len ${t.length} isExpired`, () => jwt.isExpired(t, { currentDate: NOW }));
    add(`token len ${t.length} jwtVerify`, () => jwt.jwtVerify(t, SECRET, { currentDate: NOW }));
    add(`token len ${t.length} jwtVerify maxTokenLength ${LIMIT - 1}`, () => jwt.jwtVerify(t, SECRET, { currentDate: NOW, maxTokenLength: LIMIT - 1 }));
    for (const tail of ['é', '\ud800', '😀', '\u{10ffff}', 'é'.repeat(10), '\ud800'.repeat(10)]) {
      const tt = longToken(LIMIT + delta, 'a', tail);
      const units = tt.length;
      const bytes = enc.encode(tt).length;
      add(`token units ${units} bytes ${bytes} decodeJwt`, () => jwt.decodeJwt(tt));
      add(`token units ${units} bytes ${bytes} decodeProtectedHeader`, () => jwt.decodeProtectedHeader(tt));
      add(`token units ${units} bytes ${bytes} expiryInfo`, () => jwt.expiryInfo(tt, { currentDate: NOW }));
      add(`token units ${units} bytes ${bytes} jwtVerify`, () => jwt.jwtVerify(tt, SECRET, { currentDate: NOW }));
      add(`token units ${units} bytes ${bytes} verifier maxTokenLength ${units}`, () => jwt.createVerifier(SECRET, { currentDate: NOW, maxTokenLength: units }).verify(tt));
    }
  }
  // a real signed token near the cap, with non-ASCII claims
  for (const fill of ['a', 'é', '😀', '\u0800']) {
    const perChar = enc.encode(fill).length;
    const n = Math.floor((48 * 1024) / perChar) - 10;
    add(`signed near cap fill ${fill.codePointAt(0)}`, () => {
      const t = jwt.signJwt({ p: fill.repeat(n), exp: NOW_S + 1 }, SECRET, { currentDate: NOW });
      return [t.length, jwt.jwtVerify(t, SECRET, { currentDate: NOW }).payload.p.length, jwt.decodeJwt(t).exp];
    });
    add(`signed over cap fill ${fill.codePointAt(0)}`, () => {
      const t = jwt.signJwt({ p: fill.repeat(n + 2000), exp: NOW_S + 1 }, SECRET, { currentDate: NOW });
      return [t.length, outcome(() => jwt.jwtVerify(t, SECRET, { currentDate: NOW })), outcome(() => jwt.jwtVerify(t, SECRET, { currentDate: NOW, maxTokenLength: 1e6 }).payload.p.length)];
    });
  }
  // option strings near the cap
  for (const [label, s] of [['issuer 64Ki ascii', 'i'.repeat(65536)], ['issuer 32Ki é', 'é'.repeat(32768)], ['issuer lone 21846', '\ud800'.repeat(21846)], ['issuer 1MiB', 'i'.repeat(MiB)]]) {
    add(`option ${label}`, () => jwt.jwtVerify(good({ iss: s, exp: NOW_S + 5 }), SECRET, { currentDate: NOW, issuer: s, maxTokenLength: 10 * MiB }));
  }
  add('audience array 65536', () => jwt.jwtVerify(goodToken, SECRET, { currentDate: NOW, audience: Array(65536).fill('a') }));
  add('audience array 65537', () => jwt.jwtVerify(goodToken, SECRET, { currentDate: NOW, audience: Array(65537).fill('a') }));
  for (const [label, value] of [
    ['holey audience', [, 'api']], ['Array(2) audience', new Array(2)], ['array with extra member', Object.assign(['api'], { foo: 1 })],
    ['array subclass', (() => { class A extends Array {} return A.from(['api']); })()], ['Proxy of array', new Proxy(['api'], {})],
    ['frozen array', Object.freeze(['api'])], ['boxed string', new String('api')], ['boxed number', new Number(5)], ['bigint', 5n],
    ['array with getter item', (() => { const a = ['x']; Object.defineProperty(a, 0, { get: () => 'api', enumerable: true }); return a; })()],
    ['array length lying proxy', new Proxy(['api'], { get: (t, k) => (k === 'length' ? 2 ** 32 : t[k]) })],
  ]) {
    add(`odd audience ${label}`, () => jwt.jwtVerify(good({ aud: 'api', exp: NOW_S + 5 }), SECRET, { currentDate: NOW, audience: value }));
    add(`odd clockTolerance ${label}`, () => jwt.expiryInfo(goodToken, { currentDate: NOW, clockTolerance: value }));
  }
  add('frozen options', () => jwt.jwtVerify(goodToken, SECRET, Object.freeze({ currentDate: NOW, algorithms: Object.freeze(['HS256']) })));
  add('boxed string token', () => jwt.jwtVerify(new String(goodToken), SECRET, { currentDate: NOW }));
  add('boxed string key', () => jwt.jwtVerify(goodToken, new String(SECRET), { currentDate: NOW }));
  add('reentrant getter', () => {
    const o = { currentDate: NOW };
    Object.defineProperty(o, 'issuer', { get: () => jwt.decodeJwt(goodToken).sub, enumerable: true });
    return jwt.jwtVerify(good({ iss: 'ada', exp: NOW_S + 5 }), SECRET, o);
  });
  add('payload -0 and friends', () => {
    const t = rawToken('{"alg":"HS256"}', '{"a":-0,"b":-0.0,"c":1e21,"d":9007199254740993,"e":1e-7,"f":0.1e1,"g":[-0],"1":1,"0":0,"__proto__":{"x":1}}');
    const d = jwt.decodeJwt(t);
    return [d, Object.keys(d), Object.getPrototypeOf(d) === Object.prototype, jwt.jwtVerify(t, SECRET, { currentDate: NOW }).payload];
  });
  add('nested 31', () => { let v = 'x'; for (let i = 0; i < 31; i += 1) v = [v]; return jwt.jwtVerify(goodToken, SECRET, { currentDate: NOW, crit: { x: v } }); });
  add('nested 33', () => { let v = 'x'; for (let i = 0; i < 33; i += 1) v = [v]; return jwt.jwtVerify(goodToken, SECRET, { currentDate: NOW, crit: { x: v } }); });

  // Dates as currentDate for each API
  for (const d of [...DATES(), 0, NOW_S, 'now', '2026-01-01T00:00:00Z', null, { getTime: () => 0 }]) {
    const label = d instanceof Date ? `Date(${d.getTime()})` : `${typeof d} ${String(d)}`;
    add(`currentDate ${label} jwtVerify`, () => jwt.jwtVerify(good({ exp: NOW_S + 60, nbf: NOW_S - 60, iat: NOW_S - 1 }), SECRET, { currentDate: d }));
    add(`currentDate ${label} expiryInfo`, () => jwt.expiryInfo(good({ exp: NOW_S + 60, nbf: NOW_S - 60, iat: NOW_S - 1 }), { currentDate: d }));
    add(`currentDate ${label} signJwt 1h`, () => jwt.signJwt({}, SECRET, { currentDate: d, expirationTime: '1h', issuedAt: true }));
    add(`currentDate ${label} SignJWT`, () => new jwt.SignJWT({}).setIssuedAt().setExpirationTime('2h').sign(SECRET, { currentDate: d }));
  }
  add('Date subclass currentDate', () => { class D extends Date {} return jwt.expiryInfo(goodToken, { currentDate: new D(NOW.getTime()) }); });
  // Defined, not assigned: under SES's lockdown() an assignment of a name the frozen prototype
  // holds throws (the "override mistake").
  add('Date with own getTime', () => { const d = new Date(NOW.getTime()); Object.defineProperty(d, 'getTime', { value: () => 0, writable: true, enumerable: true, configurable: true }); return jwt.expiryInfo(goodToken, { currentDate: d }); });
  add('Date with null proto', () => { const d = new Date(NOW.getTime()); Object.setPrototypeOf(d, null); return jwt.expiryInfo(goodToken, { currentDate: d }); });
  add('Proxy of Date', () => jwt.expiryInfo(goodToken, { currentDate: new Proxy(new Date(NOW.getTime()), {}) }));
  add('toStringTag Date look-alike', () => jwt.expiryInfo(goodToken, { currentDate: { [Symbol.toStringTag]: 'Date', getTime: () => 0 } }));

  // Verifier lifecycle
  add('verifier free then verify', () => { const v = jwt.createVerifier(SECRET, { currentDate: NOW }); v.free(); v.free(); return outcome(() => v.verify(goodToken)); });
  add('Verifier constructor', () => new jwt.Verifier());
  add('JwtError constructed', () => { const e = new jwt.JwtError('m', { code: 'ERR_JWT_INVALID', claim: 'c', reason: 'invalid' }); return [e.name, e.code, e.claim, e.reason, e.message, e instanceof Error]; });
  add('SignJWT setters undefined', () => new jwt.SignJWT({}).setExpirationTime(undefined));
  add('SignJWT header twice', () => new jwt.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setProtectedHeader({ alg: 'HS256' }));

  // random cases until `count`
  let guard = 0;
  while (cases.length < count && guard < count * 2) {
    guard += 1;
    const kind = r.int(100);
    const alg = r.pick(ALGS);
    const [keyLabel, key] = r.chance(0.7) ? r.pick(keys.slice(0, 3)) : r.pick(keys);
    if (kind < 14) {
      // hand-made bytes: raw payload texts signed with HS256
      const text = randPayloadText(r);
      const header = r.chance(0.85) ? '{"alg":"HS256","typ":"JWT"}' : r.pick(['{"alg":"HS256","crit":["exp"],"exp":1}', '{"alg":"HS256","b64":false,"crit":["b64"]}', '{"alg":"HS256","typ":"\\ud800"}', '{"alg":"HS256","alg":"HS256"}', '\ufeff{"alg":"HS256"}', '{"alg":"HS256","typ":"Ä"}', '{"alg":"HS256","kid":"😀"}', '{"alg":"none"}', '{"alg":"HS256","typ":"application/JWT"}']);
      const token = rawToken(header, text);
      const opts = randVerifyOptions(r);
      const m = r.int(5);
      const eopts = randExpiryOptions(r);
      add(`raw ${JSON.stringify(header)} ${JSON.stringify(text)} ${['decodeJwt', 'decodeProtectedHeader', 'jwtVerify', 'expiryInfo', 'isExpired'][m]} ${ser(opts)}`, () => {
        switch (m) {
          case 0: return jwt.decodeJwt(token);
          case 1: return jwt.decodeProtectedHeader(token);
          case 2: return jwt.jwtVerify(token, SECRET, opts);
          case 3: return jwt.expiryInfo(token, eopts);
          default: return jwt.isExpired(token, eopts);
        }
      });
    } else if (kind < 20) {
      // raw bytes that are not UTF-8 (lone surrogate encodings, overlongs, bare continuation)
      const bad = r.pick([[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80], [0xff], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xef, 0xbb, 0xbf]]);
      const prefix = enc.encode('{"sub":"');
      const suffix = enc.encode(`","exp":${NOW_S + 60}}`);
      const bytes = new Uint8Array([...prefix, ...bad, ...suffix]);
      const token = rawToken('{"alg":"HS256"}', bytes);
      add(`raw bytes ${bad.join(',')}`, () => [outcome(() => jwt.decodeJwt(token)), outcome(() => jwt.jwtVerify(token, SECRET, { currentDate: NOW })), outcome(() => jwt.expiryInfo(token, { currentDate: NOW }))]);
    } else if (kind < 32) {
      // signJwt with random payloads and options
      const payload = r.chance(0.9) ? randPayload(r) : r.pick([[], new Map(), null, 'x', 5, new Date(0), Object.create(null), { toJSON: () => ({ a: 1 }) }, { f: () => 1, s: Symbol('x'), u: undefined, n: [undefined, () => 1] }, { d: new Date(0) }, { big: 1n }]);
      const opts = randSignOptions(r);
      add(`signJwt ${ser(payload)} key ${keyLabel} ${ser(opts)}`, () => {
        const t = jwt.signJwt(payload, key, opts);
        return [t, outcome(() => jwt.decodeJwt(t)), outcome(() => jwt.decodeProtectedHeader(t))];
      });
    } else if (kind < 38) {
      // SignJWT builder
      const payload = randPayload(r);
      const steps = [];
      const n = r.int(5);
      const time = () => (r.chance(0.5) ? r.pick(DURATIONS) : r.chance(0.7) ? randNum(r) : r.pick(DATES()));
      for (let i = 0; i < n; i += 1) {
        const m = r.pick(['setIssuer', 'setSubject', 'setAudience', 'setJti', 'setIssuedAt', 'setExpirationTime', 'setNotBefore', 'setProtectedHeader']);
        const arg = m === 'setProtectedHeader' ? r.pick([{ alg }, { alg, typ: strOf(r) }, { typ: 'JWT' }, { alg: 'none' }, { alg, crit: ['x'] }])
          : m === 'setAudience' ? r.pick(['api', ['a', strOf(r)], strOf(r)])
            : ['setIssuedAt', 'setExpirationTime', 'setNotBefore'].includes(m) ? (m === 'setIssuedAt' && r.chance(0.3) ? undefined : time())
              : strOf(r);
        steps.push([m, arg]);
      }
      const opts = r.chance(0.9) ? { currentDate: NOW } : r.pick([{ currentDate: r.pick(DATES()) }, { currentDate: NOW, alg: 'HS256' }, { currentDate: NOW, crit: {} }]);
      add(`SignJWT ${ser(payload)} ${ser(steps)} key ${keyLabel} ${ser(opts)}`, () => {
        let b = new jwt.SignJWT(payload);
        for (const [m, arg] of steps) b = arg === undefined ? b[m]() : b[m](arg);
        const t = b.sign(key, opts);
        return [t, jwt.decodeJwt(t), jwt.decodeProtectedHeader(t)];
      });
    } else if (kind < 62) {
      // jwtVerify on signed tokens with varied options, maybe mutated
      const payload = randPayload(r);
      if (r.chance(0.6)) payload.exp = r.chance(0.7) ? NOW_S + r.pick([1, 60, 0, -1, 0.5, -0.5, 3600, 1e10]) : randNum(r);
      if (r.chance(0.3)) payload.iat = r.chance(0.7) ? NOW_S - r.pick([0, 1, 60, 0.5, 3600, -10]) : randNum(r);
      if (r.chance(0.2)) payload.nbf = NOW_S + r.pick([0, 1, -1, 0.5, 60]);
      if (r.chance(0.3)) payload.iss = r.pick(['me', 'you', 'é', strOf(r), 5]);
      if (r.chance(0.3)) payload.aud = r.pick(['api', ['api', 'x'], [], 'x', [strOf(r)]]);
      if (r.chance(0.2)) payload.sub = r.pick(['ada', strOf(r)]);
      const header = r.chance(0.3) ? { typ: r.pick(['JWT', 'at+jwt', 'Ä', 'ä', 'K', 'application/jwt', strOf(r)]) } : undefined;
      let token;
      try {
        token = jwt.signJwt(payload, SECRET, { alg, header, currentDate: NOW });
      } catch (e) {
        token = rawToken('{"alg":"HS256"}', JSON.stringify(payload));
      }
      if (r.chance(0.25)) token = mutateToken(r, token);
      const opts = randVerifyOptions(r);
      const wrapped = r.chance(0.12) ? hostile(r, opts) : null;
      const usePollution = !wrapped && r.chance(0.05);
      const pollR = prng(r.int(2 ** 31));
      add(`jwtVerify ${ser(payload)} ${ser(header)} token ${fnv(token)} key ${keyLabel} ${wrapped ? wrapped[0] : ''} ${ser(opts)}${usePollution ? ' polluted' : ''}`, () => {
        if (usePollution) return polluted(pollR, () => jwt.jwtVerify(token, key, opts));
        if (wrapped) return [outcome(() => jwt.jwtVerify(token, key, wrapped[1])), wrapped[2].slice()];
        return jwt.jwtVerify(token, key, opts);
      });
    } else if (kind < 74) {
      // createVerifier, with and without cache, repeated verifies and a tampered one
      const payload = { sub: 'ada', exp: NOW_S + r.pick([60, 0, -1, 0.5, 1e9]), iat: NOW_S - r.pick([0, 10, 0.5]) };
      if (r.chance(0.3)) payload.x = strOf(r);
      const token = good(payload, alg);
      const opts = randVerifyOptions(r, { withCache: true });
      const wrapped = r.chance(0.1) ? hostile(r, opts) : null;
      const other = r.chance(0.5) ? mutateToken(r, token) : good({ ...payload, n: r.int(5) }, alg);
      add(`createVerifier ${ser(payload)} key ${keyLabel} ${wrapped ? wrapped[0] : ''} ${ser(opts)} other ${ser(other)}`, () => {
        const v = jwt.createVerifier(key, wrapped ? wrapped[1] : opts);
        const first = outcome(() => v.verify(token));
        try { v.verify(token).payload.sub = 'eve'; } catch { /* failure */ }
        const res = [first, outcome(() => v.verify(token)), outcome(() => v.verify(other)), outcome(() => v.verify(token)), wrapped ? wrapped[2].slice() : null];
        v.free();
        return res;
      });
    } else if (kind < 90) {
      // isExpired / expiryInfo
      const payload = {};
      if (r.chance(0.8)) payload.exp = r.chance(0.6) ? NOW_S + r.pick([0, 1, -1, 0.5, -0.5, 0.999, -0.001, 60, 1e-9]) : randNum(r);
      if (r.chance(0.4)) payload.iat = r.chance(0.5) ? NOW_S - r.pick([0, 1, 0.5]) : randNum(r);
      if (r.chance(0.4)) payload.nbf = r.chance(0.5) ? NOW_S + r.pick([0, 1, -1, 0.5]) : randNum(r);
      let token;
      if (r.chance(0.3)) {
        const members = ['exp', 'iat', 'nbf'].filter(() => r.chance(0.5)).map((n) => `"${n}":${r.pick(NUM_TEXTS)}`);
        token = rawToken('{"alg":"HS256"}', `{${members.join(',')}}`);
      } else {
        try { token = jwt.signJwt(payload, SECRET, { currentDate: NOW }); } catch { token = rawToken('{"alg":"HS256"}', JSON.stringify(payload)); }
      }
      const opts = randExpiryOptions(r);
      const m = r.chance(0.5);
      add(`${m ? 'isExpired' : 'expiryInfo'} ${ser(token)} ${ser(opts)}`, () => (m ? jwt.isExpired(token, opts) : jwt.expiryInfo(token, opts)));
    } else if (kind < 95) {
      // decodeJwt / decodeProtectedHeader on mutated tokens
      const token = mutateToken(r, good(randPayload(r), alg));
      add(`decode ${ser(token)}`, () => [outcome(() => jwt.decodeJwt(token)), outcome(() => jwt.decodeProtectedHeader(token))]);
    } else {
      // bad types everywhere
      const bad = r.pick([undefined, null, 42, -0, 1e21, NaN, true, 10n, Symbol('t'), [], () => 1, new Date(0), new Uint8Array(3), new String('a.b.c'), { toString: () => goodToken }, [goodToken]]);
      const m = r.int(8);
      // undefined options would read the runtime's clock: null stands in for them.
      if (bad === undefined && (m === 3 || m === 5 || m === 7)) continue;
      add(`bad type ${ser(bad)} to #${m}`, () => {
        switch (m) {
          case 0: return jwt.decodeJwt(bad);
          case 1: return jwt.decodeProtectedHeader(bad);
          case 2: return jwt.jwtVerify(bad, SECRET, { currentDate: NOW });
          case 3: return jwt.jwtVerify(goodToken, SECRET, bad);
          case 4: return jwt.isExpired(bad, { currentDate: NOW });
          case 5: return jwt.expiryInfo(goodToken, bad);
          case 6: return jwt.signJwt(bad, SECRET, { currentDate: NOW });
          default: return jwt.createVerifier(SECRET, bad);
        }
      });
    }
  }
  return cases;
}

/** Runs every case; returns `{ names, outcomes }`, one text of each per case. */
export function runDiff(jwt, { seed, count }) {
  const names = [];
  const outcomes = [];
  for (const [name, fn] of makeCases(jwt, seed, count)) {
    names.push(name);
    outcomes.push(outcome(() => fn()));
  }
  return { names, outcomes };
}

/** The hash each case's outcome text is compared by (32-bit FNV-1a, as hex). */
export const outcomeHash = fnv;
