// Differential testing of the functions that read a token WITHOUT verifying it: thousands of
// seeded, deterministic inputs (valid tokens with assorted headers and claims, and every kind of
// malformed one: segment counts, padding, `+` and `/`, white space and non-ASCII characters in a
// segment, stray trailing bits, base64url of text that is not JSON or JSON that is not an object,
// a byte order mark, bytes that are not UTF-8, escapes of lone surrogates, repeated member names,
// deep nesting, huge numbers, time claims of every type, lengths around the 64 KB cap, and values
// that are not strings) go through:
//
// - jwt-wasm's decodeJwt and jose's decodeJwt, and decodeProtectedHeader and jose's: the same
//   outcome (the same value, or a failure with the same code), or one of the differences the
//   README lists, where ours must give the listed answer;
// - jwt-decode's jwtDecode (lenient by design: any segment count, standard base64, JSON that is
//   not an object): only counted, but for a token both accept the value must be the same;
// - isExpired and expiryInfo, which need no peer: they must agree with each other, with the rules
//   the README gives them (quoted below and checked to be there), and with jwtVerify at the same
//   instant and tolerance, on the token's own payload segment re-signed with a known key and on
//   the decoded claims signed again by signJwt with that key: `expired` exactly when jwtVerify
//   answers ERR_JWT_EXPIRED for `exp`, `notYetValid` exactly when it refuses `nbf`, `secondsLeft`
//   from `exp` and the instant, the same coded error for a time claim that is not a finite
//   number, and the same ERR_OPTIONS_INVALID for an option jwtVerify refuses, whatever the token.
//
// Any other disagreement fails the test, printed shrunk to a small case. `DECODE_DIFF_CASES=N`
// runs more cases (default 5000), `DECODE_DIFF_SEED=S` another seed, `DECODE_DIFF_SHOW=N` shrinks
// and prints N failures (default 5).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as jose from 'jose';
import { jwtDecode } from 'jwt-decode';
import { decodeJwt, decodeProtectedHeader, expiryInfo, isExpired, JwtError, jwtVerify, signJwt } from 'jwt-wasm';
import { generator, hasDuplicates, hasLoneSurrogate, isCanonical, lenientText, memberNames, randomJson } from './runtimes/differential.mjs';
import { failureOf } from './vector-cases.mjs';

const CASES = Number(process.env.DECODE_DIFF_CASES ?? 5000);
const SEED = Number(process.env.DECODE_DIFF_SEED ?? 20261129);
const SHOW = Number(process.env.DECODE_DIFF_SHOW ?? 5);
const NOW = 1_700_000_000;
const CAP = 64 * 1024;
const KEY = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
const RealDate = Date;

// --- one fixed instant for a call that reads the clock (no currentDate) ---------------------------
// The binding reads `Date.now()` at the call: for the length of a synchronous call the global Date
// is a Proxy of the real one whose `now()` answers a fixed instant (as in sign-differential).
function withClock(ms, fn) {
  globalThis.Date = new Proxy(RealDate, { get: (target, name, receiver) => (name === 'now' ? () => ms : Reflect.get(target, name, receiver)) });
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

// --- building tokens --------------------------------------------------------------------------------
const b64 = (data) => Buffer.from(data).toString('base64url');
const macOf = (input) => createHmac('sha256', KEY).update(input).digest('base64url');
const HS256_HEADER = b64('{"alg":"HS256"}');
/** Members as [name, raw JSON text] pairs; a name already in quotes is raw JSON text too (escapes). */
const objectText = (pairs) => `{${pairs.map(([name, raw]) => `${name.startsWith('"') ? name : JSON.stringify(name)}:${raw}`).join(',')}}`;
const escapedName = (name) => `"\\u${name.charCodeAt(0).toString(16).padStart(4, '0')}${name.slice(1)}"`;

const WORDS = ['a', 'api', 'ada', 'Ада', '😀', 'x y', 'é', '\u2028', 'a\\b', '"q"', '', '\ufeff', '\u007f'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BOM = '\ufeff';

/** The raw JSON text of a time claim: mostly numbers around `around`, and every other type. */
function timeText(g, around) {
  const roll = g.next();
  if (roll < 0.55) return String(around + g.int(-600, 600));
  if (roll < 0.65) return `${around + g.int(-100, 100)}.${g.pick(['5', '25', '999', '001', '0000001', '9999999999', '4999999999999999999'])}`;
  if (roll < 0.72) return String(around + g.int(-2, 2));
  if (roll < 0.8) return g.pick(['0', '-0', '-0.0', '-1', '-1700000000', '-1700000000.5', '1', '0.5', '1e9', '17e8', '1.7e9', '1700000000e0', '170000000000e-2', '1E3', '0e0']);
  if (roll < 0.87) {
    return g.pick(['9007199254740991', '9007199254740993', '18014398509481985', '1e16', '1e21', '8640000000000', '8640000000001', '1e20',
      '1.7976931348623157e308', '-1.7976931348623157e308', '5e-324', '1e-400', `${NOW}${'0'.repeat(g.int(1, 30))}e-${g.int(1, 30)}`]);
  }
  if (roll < 0.92) return g.pick(['1e400', '-1e400', `1${'0'.repeat(400)}`, '-1.8e308']);
  return g.pick(['"1700000000"', '""', '"exp"', 'null', 'true', 'false', '[]', `[${NOW}]`, '{}', `{"$date":${NOW}}`]);
}

function claimPairs(g) {
  const pairs = [];
  const name = (n) => (g.chance(0.05) ? escapedName(n) : n);
  if (g.chance(0.5)) pairs.push(['iss', JSON.stringify(g.pick(WORDS))]);
  if (g.chance(0.4)) pairs.push(['sub', JSON.stringify(g.chance(0.9) ? g.pick(WORDS) : g.pick([1, null, ['a']]))]);
  if (g.chance(0.3)) pairs.push(['aud', JSON.stringify(g.chance(0.5) ? g.pick(WORDS) : g.subset(WORDS))]);
  if (g.chance(0.55)) pairs.push([name('iat'), timeText(g, NOW - 300)]);
  if (g.chance(0.35)) pairs.push([name('nbf'), timeText(g, NOW)]);
  if (g.chance(0.75)) pairs.push([name('exp'), timeText(g, NOW + 300)]);
  if (g.chance(0.3)) pairs.push(['jti', JSON.stringify(`id-${g.int(0, 1e6)}`)]);
  for (let i = g.int(0, 3); i > 0; i -= 1) pairs.push([`x-${g.pick(WORDS)}-${i}`, JSON.stringify(randomJson(g, WORDS))]);
  if (g.chance(0.03)) pairs.push(['__proto__', g.pick(['{"exp":1}', '{"admin":true}', 'null'])]);
  return g.chance(0.5) ? g.shuffle(pairs) : pairs;
}

function headerPairs(g) {
  const pairs = [];
  if (g.chance(0.93)) pairs.push(['alg', JSON.stringify(g.chance(0.9) ? g.pick(['HS256', 'HS384', 'HS512']) : g.pick(['none', 'RS256', '', 1, null]))]);
  if (g.chance(0.5)) pairs.push(['typ', JSON.stringify(g.pick(['JWT', 'at+jwt', 'Ä']))]);
  if (g.chance(0.2)) pairs.push(['kid', JSON.stringify(`k${g.int(0, 9)}`)]);
  if (g.chance(0.05)) pairs.push(['crit', '["x-ext"]'], ['x-ext', '1']);
  if (g.chance(0.15)) pairs.push([`x-${g.pick(WORDS)}`, JSON.stringify(randomJson(g, WORDS))]);
  return g.chance(0.3) ? g.shuffle(pairs) : pairs;
}

const NOT_JSON = [
  '', ' ', 'hello', '{', '}', '{"a":}', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":01}', '{"a":.5}', '{"a":1.}', '{"a":+1}', '{"a":0x10}',
  '{"a":1}x', '{"a":1}{}', '{a:1}', '{"a":"\\x41"}', '{"a":"\\u00"}', '{"a":"\u0001"}', '{"a":"\t"}', '{"a":1}\u0000', 'undefined',
  '{"a":Infinity}', '{"a":-}', '{"a":1e}', '{"a":tru}', '{"a":[1,]}', '{"a":[1 2]}', '{"a"1}', '{"a":1 "b":2}', '{"a":1,,"b":2}',
  '\f{"a":1}', '{"a":1}\u000b', '\u00a0{"a":1}', '{"a":1}\u2028', '{"a":1}\u00a0', '{"a":"\\ "}', '{"a":[}', '{"a":{]}', '{"a":1}}',
  '{"a":-01}', '{"a":1e+}', '{"a":"\\U0041"}', '{"a":"\\u004G"}', '{"a":nul}', '{"a":True}', '{,}', '{"a":[1,2]]}', '{"a":"\n"}',
];
/** JSON text that JSON.parse reads and the strict reader must read alike (white space, escapes). */
const ODD_JSON = [
  '\n{"a":1}\n', '\t{ "a" : 1 }\r\n', ' {"a":[ 1 , 2 ]} ', '{"a":"\\/\\b\\f\\n\\r\\t\\"\\\\"}', '{"a":"\\u0000"}', '{"\\u0000":0}',
  '{"a":"\u007f"}', '{"a":"\u2028\u2029"}', '{"a":"\ufeff"}', '{"":""}', '{"a":-0,"b":0e0,"c":-0.0E-0}', '{"a":1E+2,"b":1e-2}',
  '{"a":{},"b":[],"c":[{}],"d":{"e":[]}}', '{"a":true,"b":false,"c":null}', `{"a":${'9'.repeat(400)}}`, '{"a":0.000000000000000000000000001}',
  '{"a":123456789012345678901234567890}', '{"a":1e999999999999999999}', '{"a":1e-999999999999999999}', '{"a":"\\uD83D\\uDE00"}',
];
const NOT_OBJECT = ['[]', '[{}]', '[{"exp":1}]', '"x"', '""', '1', '0', '-1', '1e400', 'null', 'true', 'false', '"{}"', ' [ ] '];
const BAD_UTF8 = [[0xff], [0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc3], [0xfe], [0xc1, 0xbf]];
const GOOD_UTF8 = [[0xef, 0xbf, 0xbf], [0xf0, 0x9f, 0x98, 0x80], [0xc2, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xee, 0x80, 0x80]];
const SURROGATE_ESCAPES = ['"\\ud800"', '"\\udc00"', '"\\udbff\\udbff"', '"\\ud800\\u0041"', '"a\\udfff"', '"\\udc00\\ud800"', '"\\uD800"'];
const PAIR_ESCAPES = ['"\\ud83d\\ude00"', '"\\uD83D\\uDE00"', '"\\udbff\\udfff"'];

/** A JSON text with `value` at depth `depth`, as arrays or as objects, closed or (now and then) not. */
function deepText(g, depth) {
  const arrays = g.chance(0.6);
  const open = arrays ? '['.repeat(depth) : '{"a":'.repeat(depth);
  const close = (arrays ? ']' : '}').repeat(depth);
  const inner = arrays ? g.pick(['', '1', '"x"']) : g.pick(['1', '"x"', 'null']);
  const text = `${open}${inner}${close}`;
  return g.chance(0.1) ? text.slice(0, -1) : text;
}

/** Bytes of a segment's text as a case wants them, and the tag that says what was done. */
function contentVariant(g, pairs, isHeader) {
  const kind = g.pick(['not json', 'odd json', 'not object', 'bom', 'utf8', 'surrogate', 'duplicates', 'deep', 'numbers']);
  const text = objectText(pairs);
  switch (kind) {
    case 'not json': return { tag: kind, bytes: Buffer.from(g.pick(NOT_JSON)) };
    case 'odd json': return { tag: kind, bytes: Buffer.from(g.pick(ODD_JSON)) };
    case 'not object': return { tag: kind, bytes: Buffer.from(g.chance(0.8) ? g.pick(NOT_OBJECT) : g.pick([`[${text}]`, JSON.stringify(text)])) };
    case 'bom': {
      const variant = g.pick([`${BOM}${text}`, ` ${BOM}${text}`, `${BOM}${BOM}${text}`, `${text}${BOM}`, `${BOM} ${text}`, objectText([...pairs, ['b', `"${BOM}"`]])]);
      return { tag: kind, bytes: Buffer.from(variant) };
    }
    case 'utf8': {
      const good = g.chance(0.25);
      const bytes = g.pick(good ? GOOD_UTF8 : BAD_UTF8);
      const [before, after] = objectText([['u', '"@@"'], ...pairs]).split('@@');
      const inName = g.chance(0.2);
      const shaped = inName ? objectText([['@@', '1'], ...pairs]).split('@@') : [before, after];
      return { tag: good ? 'utf8 valid' : kind, bytes: Buffer.concat([Buffer.from(shaped[0]), Buffer.from(bytes), Buffer.from(shaped[1])]) };
    }
    case 'surrogate': {
      const escape = g.chance(0.8) ? g.pick(SURROGATE_ESCAPES) : g.pick(PAIR_ESCAPES);
      const placed = g.pick([
        () => [...pairs, ['s', escape]],
        () => [...pairs, [escape, '1']],
        () => [...pairs, ['n', `{"a":[1,{${escape}:2}]}`]],
        () => [...pairs, ['n', `[[${escape}]]`]],
      ])();
      return { tag: kind, bytes: Buffer.from(objectText(placed)) };
    }
    case 'duplicates': {
      const named = pairs.filter(([name]) => !name.startsWith('"'));
      const [name, raw] = named.length > 0 ? g.pick(named) : [isHeader ? 'alg' : 'sub', '"a"'];
      const variant = g.pick([
        () => [...pairs, [name, g.pick([raw, '1', '"other"', 'null'])]],
        () => [...pairs, [escapedName(name), raw]],
        () => [[name, '"first"'], ...pairs.filter(([n]) => n !== name), [name, raw]],
        () => [...pairs, ['n', '{"a":1,"a":2}']],
        () => [...pairs, ['n', '[{"b":1,"b":{"c":1,"c":2}}]']],
        () => [...pairs, ['n', `{${escapedName('a')}:1,"a":2}`]],
      ])();
      return { tag: kind, bytes: Buffer.from(objectText(variant)) };
    }
    case 'deep': {
      const depth = g.pick([17, 33, 100, 1000, 5000, 20000]);
      return { tag: kind, bytes: Buffer.from(objectText([...pairs, ['deep', deepText(g, depth)]])) };
    }
    default: {
      const number = g.pick(['1e400', '-1e400', '1e-400', '-0', '0e0', '1E+2', `${'9'.repeat(g.int(17, 330))}`, '123456789012345678901234567890',
        '0.1e-999999999999', '1e999999999999999999999', '9007199254740993', '2.2250738585072011e-308', '4.9406564584124654e-324', '1.7976931348623158e308']);
      return { tag: kind, bytes: Buffer.from(objectText([...pairs, [g.pick(['n', 'exp', 'nbf', 'iat']), number]])) };
    }
  }
}

/** A segment's text made non-canonical (or otherwise damaged) in one way. */
function segmentVariant(g, segment) {
  const at = g.int(0, segment.length);
  const insert = (c) => segment.slice(0, at) + c + segment.slice(at);
  const kind = g.pick(['padding', 'alphabet', 'white space', 'non-ASCII', 'trailing bits', 'truncated', 'standard base64', 'bad character']);
  switch (kind) {
    case 'padding': return { tag: kind, segment: g.chance(0.7) ? `${segment}${'='.repeat(g.int(1, 3))}` : insert('=') };
    case 'alphabet': {
      const swapped = segment.replaceAll('-', '+').replaceAll('_', '/');
      return { tag: kind, segment: swapped !== segment && g.chance(0.7) ? swapped : insert(g.pick(['+', '/'])) };
    }
    case 'white space': return { tag: kind, segment: insert(g.pick([' ', '\n', '\t', '\r', '\f', '\v', '\u00a0', '\r\n', '  '])) };
    case 'non-ASCII': return { tag: kind, segment: insert(g.pick(['é', '€', '😀', '\ud800', '\udc00', '\u0000', '\u2028', '\uff21', '\u0100'])) };
    case 'trailing bits': {
      if (segment.length % 4 === 0 || segment.length % 4 === 1) return { tag: kind, segment: `${segment}${g.pick(['B', 'AB', 'Ab'])}` };
      const last = ALPHABET.indexOf(segment.at(-1));
      const mask = segment.length % 4 === 2 ? 15 : 3;
      const changed = (last & ~mask) | (g.int(1, mask) & mask);
      return { tag: kind, segment: segment.slice(0, -1) + ALPHABET[changed] };
    }
    case 'truncated': return { tag: kind, segment: segment.slice(0, g.int(0, Math.max(0, segment.length - 1))) };
    case 'standard base64': return { tag: kind, segment: Buffer.from(segment, 'base64url').toString('base64') };
    default: return { tag: kind, segment: insert(g.pick(['.', '*', '%', '!', '$', '~', '\\', '"'])) };
  }
}

/** `token` (three segments) grown to `bytes` UTF-8 bytes: the payload by a claim, the rest in the signature. */
function sized(g, headerText, pairs, bytes, filler) {
  const build = (n) => {
    const payload = b64(objectText([...pairs, ['pad', JSON.stringify('p'.repeat(n))]]));
    return `${b64(headerText)}.${payload}.${macOf(`${b64(headerText)}.${payload}`)}`;
  };
  const intoPayload = g.chance(0.6);
  let token = build(0);
  if (intoPayload) {
    let n = Math.max(0, Math.floor(((bytes - token.length) * 3) / 4) - 4);
    while (n > 0 && Buffer.byteLength(build(n)) > bytes) n -= 1;
    token = build(n);
  }
  const missing = bytes - Buffer.byteLength(token);
  if (missing <= 0) return token;
  // The signature segment, which decodeJwt never decodes, takes the rest: ASCII, or two-byte
  // characters, so that the UTF-16 length and the UTF-8 length differ.
  return filler === 'é' ? `${token}${'é'.repeat(Math.floor(missing / 2))}${missing % 2 === 1 ? 'A' : ''}` : `${token}${'A'.repeat(missing)}`;
}

function nonString(g, parts) {
  const [h, p, s] = parts;
  const token = `${h}.${p}.${s}`;
  return g.pick([
    () => undefined, () => null, () => 0, () => 42, () => NaN, () => -0, () => true, () => 1n, () => Symbol('token'), () => ({}), () => [],
    () => [token], () => new String(token), () => new Uint8Array(Buffer.from(token)), () => Buffer.from(token), () => ({ protected: h }),
    () => ({ protected: h, payload: p, signature: s }), () => ({ payload: p, signatures: [{ protected: h, signature: s }] }),
    () => ({ protected: 1 }), () => ({ toString: () => token }), () => () => token, () => new Date(0),
  ])();
}

/** Options of isExpired and expiryInfo: the instant (currentDate, or the clock read at the call)
 * and the tolerance, valid or not (`bad`: an option jwtVerify refuses too). */
const TOLERANCE_TEXTS = { '0s': 0, '1s': 1, '30s': 30, '30 secs': 30, '1m': 60, '1 min': 60, '1.5m': 90, '2 minutes': 120, '1h': 3600, '1 hour': 3600, '1d': 86400, '1w': 604800, '10 seconds': 10, '+5m': 300 };
function expiryOptions(g, pairs) {
  let ms = NOW * 1000 + g.int(-900, 900) * 1000 + g.int(0, 999);
  const numeric = pairs.map(([, raw]) => Number(raw)).filter((v) => Number.isFinite(v) && Math.abs(v) < 8e12);
  let tolerance = 0;
  const options = {};
  let bad = false;
  const roll = g.next();
  if (roll < 0.45) {
    // none
  } else if (roll < 0.78) {
    options.clockTolerance = g.chance(0.6) ? g.pick([0, -0, 1, 2, 30, 59, 60, 61, 300, 0.25, 0.5, 2.5, 1e9]) : g.int(0, 600);
    tolerance = options.clockTolerance;
  } else if (roll < 0.93) {
    options.clockTolerance = g.pick(Object.keys(TOLERANCE_TEXTS));
    tolerance = TOLERANCE_TEXTS[options.clockTolerance];
  } else {
    bad = true;
    options.clockTolerance = g.pick([-1, -0.5, -1e9, '-5m', '5 m ago', '1 hour ago', 'abc', '', '1 fortnight', '1e3s', '5', NaN, Infinity, true, [], {}, null]);
  }
  // Now and then the instant lands on a time claim's second, or the tolerance away from it.
  if (numeric.length > 0 && g.chance(0.4)) {
    const second = Math.floor(g.pick(numeric)) + g.pick([0, 0, -1, 1, -2]) + g.pick([0, Math.floor(tolerance), -Math.floor(tolerance)]);
    if (Math.abs(second) < 8e12) ms = second * 1000 + g.pick([0, 1, 500, 999]);
  }
  const stubClock = g.chance(0.1);
  if (!stubClock) options.currentDate = new RealDate(ms);
  if (g.chance(0.005)) {
    options.currentDate = new RealDate(NaN);
    bad = true;
  }
  return { options, clockMs: ms, tolerance, bad, stubClock };
}

const LENGTHS = [8191, 8192, 8193, CAP - 1, CAP, CAP + 1, CAP + 2, CAP + 1000];

function makeCase(g) {
  const header = headerPairs(g);
  const claims = claimPairs(g);
  const headerText = objectText(header);
  const [h, p] = [b64(headerText), b64(objectText(claims))];
  const parts = [h, p, macOf(`${h}.${p}`)];
  const expiry = expiryOptions(g, claims);
  const roll = g.next();
  let tag;
  let input;
  if (roll < 0.3) {
    tag = 'valid';
    input = parts.join('.');
  } else if (roll < 0.55) {
    // A segment's content: the payload mostly, the header too.
    const target = g.chance(0.7) ? 1 : 0;
    const variant = contentVariant(g, target === 1 ? claims : header, target === 0);
    tag = `${variant.tag} (${target === 1 ? 'payload' : 'header'})`;
    const segments = [...parts];
    segments[target] = b64(variant.bytes);
    segments[2] = macOf(`${segments[0]}.${segments[1]}`);
    input = segments.join('.');
  } else if (roll < 0.75) {
    const target = g.pick([0, 1, 1, 2]);
    const variant = segmentVariant(g, parts[target]);
    tag = `${variant.tag} (${['header', 'payload', 'signature'][target]})`;
    const segments = [...parts];
    segments[target] = variant.segment;
    input = segments.join('.');
  } else if (roll < 0.84) {
    tag = 'segments';
    const jwe = [b64('{"alg":"dir","enc":"A256GCM"}'), '', b64('iv-iv-iv-iv'), b64('ciphertext'), b64('tag-tag-tag-tag')];
    input = g.pick([
      () => parts.slice(0, g.int(1, 2)).join('.'),
      () => [...parts, g.pick(['', parts[2]])].join('.'),
      () => [...parts, parts[2], ''].join('.'),
      () => [...parts, 'a', 'b', 'c'].join('.'),
      () => jwe.join('.'),
      () => [h, ...jwe.slice(1)].join('.'),
      () => [parts[0], parts[1], parts[2], parts[1], parts[2]].join('.'),
      () => g.pick(['', '.', '..', '...', '....', `${h}..${parts[2]}`, `.${p}.${parts[2]}`, `${h}.${p}.`, `..${parts[2]}`, `${h}..`, `.${p}.`]),
      () => g.pick(['a', 'a.b', 'a.b.c', 'a.b.c.d', 'a.b.c.d.e', 'a.b.c.d.e.f']),
    ])();
  } else if (roll < 0.89) {
    tag = 'around';
    const token = parts.join('.');
    input = g.pick([`Bearer ${token}`, `bearer ${token}`, `${token}\n`, ` ${token}`, `\t${token} `, `${token}\r\n`, `Authorization: Bearer ${token}`, '   ', '\n']);
  } else if (roll < 0.95) {
    const bytes = g.pick(LENGTHS);
    const filler = g.chance(0.3) ? 'é' : 'A';
    tag = `length ${bytes <= CAP ? 'at most' : 'over'} the cap${filler === 'é' ? ', non-ASCII' : ''}`;
    input = sized(g, headerText, claims, bytes, filler);
  } else {
    tag = 'not a string';
    input = nonString(g, parts);
  }
  return { input, tag, ...expiry };
}

// --- running the functions ----------------------------------------------------------------------------
/** Ours: a value, or a JwtError's code (claim, reason); anything else thrown is marked `thrown`. */
function ours(call) {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    if (error instanceof JwtError) return failureOf(error);
    return { thrown: `${error?.name}: ${error?.message}` };
  }
}

/** A peer: a value, a coded failure (jose's codes), or an uncoded error's class name. */
function theirs(call) {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    if (typeof error?.code === 'string' && error.code.startsWith('ERR_')) return failureOf(error);
    return { uncoded: error?.name ?? typeof error };
  }
}

/** Deep equality of JSON results without recursion (claims may nest 20,000 levels): the same
 * types and prototypes, the same own member names in the same order, numbers by Object.is. */
function sameJson(a, b) {
  const stack = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop();
    if (typeof x !== typeof y) return false;
    if (typeof x !== 'object' || x === null || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const [kx, ky] = [Object.keys(x), Object.keys(y)];
    if (kx.length !== ky.length) return false;
    for (let i = 0; i < kx.length; i += 1) {
      if (kx[i] !== ky[i]) return false;
      stack.push([x[kx[i]], y[ky[i]]]);
    }
  }
  return true;
}

function depthOf(value) {
  let max = 0;
  const stack = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop();
    max = Math.max(max, d);
    if (typeof v === 'object' && v !== null) for (const inner of Object.values(v)) stack.push([inner, d + 1]);
  }
  return max;
}

const sameOutcome = (a, b) => (a.ok && b.ok ? sameJson(a.value, b.value) : !a.ok && !b.ok && a.code !== undefined && a.code === b.code && a.claim === b.claim && a.reason === b.reason);

// --- facts about an input, for the listed differences ------------------------------------------------

/** The segment each function decodes: jose's decodeJwt the payload of three segments, its
 * decodeProtectedHeader the header of three or five. */
function segmentOf(input, api) {
  if (typeof input !== 'string') return undefined;
  const parts = input.split('.');
  if (api === 'decodeJwt') return parts.length === 3 ? parts[1] : undefined;
  return parts.length === 3 || parts.length === 5 ? parts[0] : undefined;
}
const CODE = { decodeJwt: 'ERR_JWT_INVALID', decodeProtectedHeader: 'ERR_JWS_INVALID' };

// Each difference quotes the README line that lists it (the last tests check they are there).
const DIFFERENCES = [
  {
    id: 'non-canonical base64url',
    readme: 'Base64url must be canonical: no padding, no `+` or `/`, no white space, no stray trailing bits.',
    applies: (c, api, peer) => peer.ok && segmentOf(c.input, api) !== undefined && !isCanonical(segmentOf(c.input, api)),
    ours: (o, api) => o.code === CODE[api],
  },
  {
    id: 'duplicate member names',
    readme: '`decodeJwt` and `decodeProtectedHeader` refuse them too, where jose returns the last.',
    applies: (c, api, peer) => peer.ok && hasDuplicates(memberNames(lenientText(segmentOf(c.input, api) ?? '') ?? '')),
    ours: (o, api) => o.code === CODE[api],
  },
  {
    id: 'byte order mark',
    readme: 'A byte order mark before the header or claims JSON is refused',
    applies: (c, api, peer) => peer.ok && (lenientText(segmentOf(c.input, api) ?? '') ?? '').startsWith(BOM),
    ours: (o, api) => o.code === CODE[api],
  },
  {
    id: 'lone surrogate escape',
    readme: 'A `\\u` escape of a lone UTF-16 surrogate (`"\\ud800"`) anywhere in the header or the claims set makes the token invalid',
    applies: (c, api, peer) => peer.ok && hasLoneSurrogate(peer.value),
    ours: (o, api) => o.code === CODE[api],
  },
  {
    id: 'over 64 KB',
    readme: '`decodeJwt`, `decodeProtectedHeader`, `isExpired` and `expiryInfo` refuse tokens over 64 KB (`ERR_JWT_TOO_LONG`), a cap they do not take as an option; jose has none.',
    applies: (c) => typeof c.input === 'string' && Buffer.byteLength(c.input) > CAP,
    ours: (o) => o.code === 'ERR_JWT_TOO_LONG',
  },
  {
    id: 'the header of a JWE',
    readme: '`decodeProtectedHeader` reads compact JWS only: the header of a five-segment JWE is `ERR_JWS_INVALID`',
    applies: (c, api, peer) => api === 'decodeProtectedHeader' && peer.ok && typeof c.input === 'string' && c.input.split('.').length === 5,
    ours: (o) => o.code === 'ERR_JWS_INVALID',
  },
  {
    id: 'a JWS object (flattened or general JSON serialization)',
    readme: 'and so is a JWS in the JSON serialization (an object, whose `protected` member jose\'s reads)',
    applies: (c, api, peer) => api === 'decodeProtectedHeader' && peer.ok && typeof c.input === 'object' && c.input !== null,
    ours: (o) => o.code === 'ERR_JWS_INVALID',
  },
  {
    id: 'jose\'s decodeProtectedHeader throws an uncoded TypeError',
    readme: 'Every failure of `decodeProtectedHeader` is a `JwtError` (`ERR_JWS_INVALID`, or `ERR_JWT_TOO_LONG`), where jose\'s throws an uncoded `TypeError`.',
    applies: (c, api, peer) => api === 'decodeProtectedHeader' && peer.uncoded === 'TypeError',
    ours: (o) => o.code === 'ERR_JWS_INVALID' || o.code === 'ERR_JWT_TOO_LONG',
  },
];

// The one place where the expiry helpers and jwtVerify answer a token differently.
const INTERNAL_DIFFERENCE = {
  id: 'exp not a number, nbf in the future: isExpired refuses exp, jwtVerify nbf',
  readme: 'All three are read before any is judged, so an `exp` that is not a number is refused even where `nbf` is in the future, which `jwtVerify` reports first, as jose does.',
};

// The documented rules of isExpired and expiryInfo that the consistency checks hold them to.
const RULES = [
  'Reads the payload segment only, as jose does (the header and signature segments are not decoded). Throws `ERR_JWT_INVALID`, `ERR_JWT_TOO_LONG` (and `ERR_OPTIONS_INVALID` for an object or a callback after the token).',
  '`exp <= now - clockTolerance`. Reads the payload segment only, as `decodeJwt` does, and throws, as `jwtVerify` would, for an `exp`, `nbf` or `iat` that is not a finite number (`ERR_JWT_CLAIM_VALIDATION_FAILED`, `reason: "invalid"`).',
  '`secondsLeft = exp - (now - clockTolerance)`, with now rounded down to the second (zero or less exactly when expired: so computed, it cannot round the other way as `exp - now + clockTolerance` can), `null` without `exp`. A time beyond what a `Date` can hold (`exp: 1e20`) is an Invalid Date.',
  'Like jose, every time check counts in whole seconds: now (or `currentDate`) is rounded down to the second.',
  'Leeway for `exp`, `nbf`, and `iat` under `maxTokenAge` (as in jose, a future `iat` is not refused otherwise).',
  'Options are judged before the token, as `jwtVerify` judges them',
];

// --- judging one case ----------------------------------------------------------------------------------
/** Every check on one case: { problems: [{ kind, detail }], listed: [ids], facts }. */
function judge(c) {
  const problems = [];
  const listed = [];
  const facts = { decode: {}, jwtDecode: {}, expiry: {} };
  const problem = (kind, detail) => problems.push({ kind, detail });

  // 1. decodeJwt and decodeProtectedHeader against jose's.
  const decoded = ours(() => decodeJwt(c.input));
  const header = ours(() => decodeProtectedHeader(c.input));
  const peers = { decodeJwt: theirs(() => jose.decodeJwt(c.input)), decodeProtectedHeader: theirs(() => jose.decodeProtectedHeader(c.input)) };
  for (const [api, mine] of [['decodeJwt', decoded], ['decodeProtectedHeader', header]]) {
    const peer = peers[api];
    facts.decode[api] = { mine, peer };
    if (mine.thrown !== undefined) {
      problem(`${api} threw something other than a JwtError`, mine.thrown);
      continue;
    }
    if (sameOutcome(mine, peer)) continue;
    if (mine.ok && peer.ok) {
      problem(`${api}: jose returns another value`, `ours ${preview(mine.value)}, jose ${preview(peer.value)}`);
      continue;
    }
    const difference = DIFFERENCES.find((d) => !mine.ok && d.applies(c, api, peer) && d.ours(mine, api));
    if (difference) listed.push(difference.id);
    else problem(`${api}: jose answers otherwise`, `ours ${describeOutcome(mine)}, jose ${describeOutcome(peer)}`);
  }

  // 2. jwt-decode: counted, but a value both accept must be the same.
  for (const [api, mine, peer] of [['payload', decoded, theirs(() => jwtDecode(c.input))], ['header', header, theirs(() => jwtDecode(c.input, { header: true }))]]) {
    facts.jwtDecode[api] = mine.ok && peer.ok ? 'both accept' : mine.ok ? 'only jwt-wasm accepts' : peer.ok ? 'only jwt-decode accepts' : 'both refuse';
    if (mine.ok && peer.ok && !sameJson(mine.value, peer.value)) problem(`jwt-decode returns another ${api} for a token both accept`, `ours ${preview(mine.value)}, jwt-decode ${preview(peer.value)}`);
  }

  // 3. isExpired and expiryInfo: with each other, with the documented rules, and with jwtVerify.
  checkExpiry(c, decoded, problem, facts.expiry);
  return { problems, listed, facts };
}

/** A value as (at most 300 characters of) JSON, for messages. */
function preview(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    text = `(not written: ${error?.name})`;
  }
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const at = (c, call) => (c.stubClock ? withClock(c.clockMs, call) : call());
const describeOutcome = (o) => JSON.stringify(o.ok ? { ok: true } : o);
const dateTime = (date) => (date instanceof RealDate ? date.getTime() : `not a Date: ${String(date)}`);
const EXPIRY_MEMBERS = ['expiresAt', 'issuedAt', 'notBefore', 'expired', 'notYetValid', 'secondsLeft'];

function checkExpiry(c, decoded, problem, facts) {
  const expired = at(c, () => ours(() => isExpired(c.input, c.options)));
  const info = at(c, () => ours(() => expiryInfo(c.input, c.options)));
  for (const [name, o] of [['isExpired', expired], ['expiryInfo', info]]) {
    if (o.thrown !== undefined) problem(`${name} threw something other than a JwtError`, o.thrown);
  }
  if (expired.thrown !== undefined || info.thrown !== undefined) return;
  if (expired.ok !== info.ok || (!expired.ok && !sameOutcome(expired, info)) || (expired.ok && expired.value !== info.value.expired)) {
    problem('isExpired and expiryInfo disagree', `isExpired ${JSON.stringify(expired)}, expiryInfo ${describeOutcome(info)}`);
    return;
  }
  // An option jwtVerify refuses is refused here too, whatever the token (jwtVerify judges its
  // options before the token).
  if (c.bad) {
    facts.badOptions = true;
    const verified = at(c, () => ours(() => jwtVerify(c.input, KEY, c.options)));
    if (verified.code !== 'ERR_OPTIONS_INVALID') problem('jwtVerify does not refuse an option generated as bad', describeOutcome(verified));
    if (!sameOutcome(expired, verified)) {
      problem('an option jwtVerify refuses gets another answer from isExpired and expiryInfo', `isExpired ${describeOutcome(expired)}, jwtVerify ${describeOutcome(verified)}`);
    }
    return;
  }
  // A token decodeJwt refuses is refused here with decodeJwt's error: the payload segment is read as it reads it.
  if (!decoded.ok) {
    if (!sameOutcome(expired, decoded)) problem('isExpired refuses a token otherwise than decodeJwt', `isExpired ${describeOutcome(expired)}, decodeJwt ${describeOutcome(decoded)}`);
    return;
  }
  // The model, from the claims as JSON.parse reads them: the first of iat, nbf, exp that is
  // present and not a finite number is refused, else the verdicts at now (rounded down to the
  // second) with the tolerance.
  const claims = decoded.value;
  const now = Math.floor(c.clockMs / 1000);
  const tolerance = c.tolerance;
  const invalid = ['iat', 'nbf', 'exp'].find((name) => Object.hasOwn(claims, name) && !(typeof claims[name] === 'number' && Number.isFinite(claims[name])));
  const own = (name) => (Object.hasOwn(claims, name) ? claims[name] : undefined);
  const [iat, nbf, exp] = [own('iat'), own('nbf'), own('exp')];
  const refusal = invalid === undefined ? undefined : { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: invalid, reason: 'invalid' };
  const finite = (v) => typeof v === 'number' && Number.isFinite(v);
  const model = refusal ?? {
    expired: exp !== undefined && exp <= now - tolerance,
    notYetValid: nbf !== undefined && nbf > now + tolerance,
  };
  // What jwtVerify must answer for these claims (no option but the instant and the tolerance), in
  // the order it checks them: iat's type, nbf's type, nbf, exp's type, exp.
  const checkFailed = (claim) => ({ code: claim === 'exp' ? 'ERR_JWT_EXPIRED' : 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim, reason: 'check_failed' });
  const notYet = finite(nbf) && nbf > now + tolerance;
  let verdict;
  if (invalid === 'iat' || invalid === 'nbf') verdict = refusal;
  else if (notYet) verdict = checkFailed('nbf');
  else if (invalid === 'exp') verdict = refusal;
  else verdict = model.expired ? checkFailed('exp') : { ok: true };
  facts.verdict = verdict.ok ? 'valid' : `${verdict.code}/${verdict.claim}/${verdict.reason}`;
  // A listed difference: isExpired and expiryInfo read all three time claims before judging any,
  // so an exp that is not a number is refused even where nbf is in the future, which jwtVerify
  // reports first.
  if (invalid === 'exp' && notYet) facts.listed = INTERNAL_DIFFERENCE.id;
  if (refusal) {
    if (!sameOutcome(expired, refusal)) problem('a time claim that is not a finite number: isExpired answers otherwise', `isExpired ${describeOutcome(expired)}, expected ${JSON.stringify(refusal)}`);
  } else if (!expired.ok) {
    problem('isExpired refuses a token whose time claims are finite numbers', describeOutcome(expired));
  } else {
    const result = info.value;
    const ms = (seconds) => (seconds === undefined ? null : new RealDate(seconds * 1000).getTime());
    const got = EXPIRY_MEMBERS.slice(0, 3).map((name) => (result[name] === null ? null : dateTime(result[name])));
    const want = [ms(exp), ms(iat), ms(nbf)];
    if (Object.getPrototypeOf(result) !== Object.prototype || !sameJson(Object.keys(result), EXPIRY_MEMBERS)) problem('expiryInfo\'s result has other members', JSON.stringify(Object.keys(result)));
    if (!got.every((v, i) => Object.is(v, want[i]))) problem('expiryInfo\'s Dates are not the claims\' times', `${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    if (result.expired !== model.expired) problem('expired is not exp <= now - clockTolerance', `${result.expired}`);
    if (result.notYetValid !== model.notYetValid) problem('notYetValid is not nbf > now + clockTolerance', `${result.notYetValid}`);
    if (exp === undefined) {
      if (result.secondsLeft !== null) problem('secondsLeft is not null without exp', `${result.secondsLeft}`);
    } else {
      const left = result.secondsLeft;
      if (left !== exp - (now - tolerance)) problem('secondsLeft is not exp - (now - clockTolerance)', `${left}, expected ${exp - (now - tolerance)}`);
      if ((left <= 0) !== model.expired) problem('secondsLeft is not zero or less exactly when expired', `${left}, expired ${model.expired}`);
      if (left === exp - (now - tolerance) && left === 0) facts.boundary = true;
    }
    facts.expired = result.expired;
    facts.notYetValid = result.notYetValid;
  }

  // jwtVerify on the same payload segment, re-signed with a known key (the cap raised: the header
  // written here may be longer than the token's own).
  const verifyOptions = { ...c.options, maxTokenLength: 4 * CAP };
  const payloadSegment = c.input.split('.')[1];
  const resigned = `${HS256_HEADER}.${payloadSegment}.${macOf(`${HS256_HEADER}.${payloadSegment}`)}`;
  const verified = at(c, () => ours(() => jwtVerify(resigned, KEY, verifyOptions)));
  const expectVerified = (got, payload, how) => {
    if (verdict.ok ? !(got.ok && sameJson(got.value.payload, payload)) : !sameOutcome(got, verdict)) {
      problem(`jwtVerify (${how}) answers otherwise than expiryInfo's verdicts`, `jwtVerify ${describeOutcome(got)}, expected ${JSON.stringify(verdict)}`);
    }
  };
  expectVerified(verified, claims, 'the payload segment re-signed');

  // The same claims signed again by signJwt, with the same instant: signJwt refuses the same time
  // claim with the same error; otherwise its token gets the same answers. (Claims nested deeper
  // than the JS stack lets JSON.stringify write are left out: signJwt refuses them, as documented.)
  if (depthOf(claims) > 1000) return;
  facts.signed = true;
  const signed = ours(() => signJwt(claims, KEY, { currentDate: new RealDate(c.clockMs) }));
  if (refusal) {
    if (!sameOutcome(signed, refusal)) problem('signJwt refuses a bad time claim otherwise than isExpired', `signJwt ${describeOutcome(signed)}, expected ${JSON.stringify(refusal)}`);
    return;
  }
  if (!signed.ok) {
    problem('signJwt refuses claims decodeJwt returned', describeOutcome(signed));
    return;
  }
  // Its token may be longer than the token it came from (another header, escapes written out).
  if (Buffer.byteLength(signed.value) > CAP) {
    const tooLong = at(c, () => ours(() => expiryInfo(signed.value, c.options)));
    if (tooLong.code !== 'ERR_JWT_TOO_LONG') problem('expiryInfo reads a token over 64 KB', describeOutcome(tooLong));
    return;
  }
  const again = at(c, () => ours(() => expiryInfo(signed.value, c.options)));
  const sameInfo = again.ok && info.ok && EXPIRY_MEMBERS.every((name) => {
    const [x, y] = [again.value[name], info.value[name]];
    return x instanceof RealDate ? y instanceof RealDate && Object.is(x.getTime(), y.getTime()) : x === y;
  });
  if (!sameInfo) problem('expiryInfo answers otherwise for the claims signed again by signJwt', describeOutcome(again));
  if (at(c, () => ours(() => isExpired(signed.value, c.options))).value !== expired.value) problem('isExpired answers otherwise for the claims signed again by signJwt', '');
  expectVerified(at(c, () => ours(() => jwtVerify(signed.value, KEY, verifyOptions))), JSON.parse(JSON.stringify(claims)), 'the claims signed again by signJwt');
}

// --- printing and shrinking a failing case ---------------------------------------------------------------
/** A string as a JavaScript expression, long repetitions of one to four characters written with
 * repeat() (a padded token's base64url is a few characters repeated thousands of times). */
function stringExpression(text) {
  /** The unit and count of a repetition of at least 32 characters starting at `i`, if any. */
  const repetitionAt = (i) => {
    for (let period = 1; period <= 4; period += 1) {
      const unit = text.slice(i, i + period);
      let count = 1;
      while (text.startsWith(unit, i + count * period)) count += 1;
      if (unit.length === period && count * period >= 32) return { unit, count };
    }
    return undefined;
  };
  const pieces = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const repetition = repetitionAt(i);
    if (repetition === undefined) {
      plain += text[i];
      i += 1;
      continue;
    }
    if (plain !== '') pieces.push(JSON.stringify(plain));
    plain = '';
    pieces.push(`${JSON.stringify(repetition.unit)}.repeat(${repetition.count})`);
    i += repetition.unit.length * repetition.count;
  }
  if (plain !== '' || pieces.length === 0) pieces.push(JSON.stringify(plain));
  return pieces.join(' + ');
}

function show(value) {
  if (typeof value === 'string') return stringExpression(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return 'Symbol(\'token\')';
  if (typeof value === 'function') return '() => token';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined || value === null || typeof value === 'boolean') return String(value);
  if (value instanceof String) return `new String(${stringExpression(String(value))})`;
  if (Buffer.isBuffer(value)) return `Buffer.from(${stringExpression(value.toString('latin1'))}, 'latin1')`;
  if (value instanceof Uint8Array) return `new Uint8Array(Buffer.from(${stringExpression(Buffer.from(value).toString('latin1'))}, 'latin1'))`;
  if (value instanceof RealDate) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value.toString === 'function' && Object.hasOwn(value, 'toString')) return '{ toString: () => token }';
  return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${show(v)}`).join(', ')} }`;
}

function describeCase(c) {
  const options = show(c.options);
  const texts = typeof c.input === 'string' ? c.input.split('.').slice(0, 2).map((s) => lenientText(s)) : [];
  const shown = texts.map((t, i) => (t !== undefined && t.length <= 400 ? `${['header', 'payload'][i]} text ${JSON.stringify(t)}` : '')).filter(Boolean);
  return `input ${show(c.input)}${shown.length > 0 ? `\n    (${shown.join(', ')})` : ''}\n    options ${options}${c.stubClock ? ` (no currentDate: the clock stubbed to ${c.clockMs} ms)` : ''}, tolerance as read ${c.tolerance}`;
}

/** Top-level members of a JSON object text as raw text (for shrinking), or undefined. */
function rawMembers(text) {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  const members = [];
  let depth = 0;
  let from = start + 1;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (ch === '{' || ch === '[') {
      depth += 1;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) {
        members.push(text.slice(from, i));
        return { head: text.slice(0, start), members: members.filter((m) => m.trim() !== ''), tail: text.slice(i + 1) };
      }
    } else if (ch === ',' && depth === 1) {
      members.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

/** Smaller inputs and options than `c`'s. */
function* smaller(c) {
  if (c.stubClock) yield { ...c, stubClock: false, options: { ...c.options, currentDate: new RealDate(c.clockMs) } };
  if (c.options.clockTolerance !== undefined && !c.bad) {
    const { clockTolerance, ...rest } = c.options;
    yield { ...c, options: rest, tolerance: 0 };
  }
  // The simplest inputs first: a problem that does not need the token shows without one.
  for (const simple of [undefined, 123, '']) if (!Object.is(c.input, simple)) yield { ...c, input: simple };
  if (typeof c.input !== 'string') return;
  const parts = c.input.split('.');
  const withPart = (i, segment) => ({ ...c, input: parts.map((s, j) => (j === i ? segment : s)).join('.') });
  if (parts.length > 1) for (let i = 0; i < parts.length; i += 1) yield { ...c, input: parts.filter((_, j) => j !== i).join('.') };
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i] === '') continue;
    yield withPart(i, '');
    const simple = i === 0 ? HS256_HEADER : i === 1 ? b64('{}') : 'sig';
    if (parts[i] !== simple) yield withPart(i, simple);
  }
  for (let i = 0; i < Math.min(2, parts.length); i += 1) {
    if (!isCanonical(parts[i])) continue;
    const bytes = Buffer.from(parts[i], 'base64url');
    const text = lenientText(parts[i]);
    const object = text === undefined ? undefined : rawMembers(text);
    if (object !== undefined) {
      for (let m = 0; m < object.members.length; m += 1) {
        const rest = object.members.filter((_, n) => n !== m);
        yield withPart(i, b64(`${object.head}{${rest.join(',')}}${object.tail}`));
      }
    }
    for (let size = Math.floor(bytes.length / 2); size >= 1; size = Math.floor(size / 2)) {
      for (let from = 0; from < bytes.length; from += size) yield withPart(i, b64(Buffer.concat([bytes.subarray(0, from), bytes.subarray(from + size)])));
    }
  }
  for (let size = Math.floor(c.input.length / 2); size >= 1; size = Math.floor(size / 2)) {
    for (let from = 0; from < c.input.length; from += size) yield { ...c, input: c.input.slice(0, from) + c.input.slice(from + size) };
  }
}

function shrink(c, kind) {
  let current = c;
  let attempts = 0;
  const budget = 800;
  for (let progress = true; progress && attempts < budget;) {
    progress = false;
    for (const candidate of smaller(current)) {
      attempts += 1;
      if (judge(candidate).problems.some((p) => p.kind === kind)) {
        current = candidate;
        progress = true;
        break;
      }
      if (attempts >= budget) break;
    }
  }
  return current;
}

// --- the tests ------------------------------------------------------------------------------------------------
test(`decodeJwt, decodeProtectedHeader, isExpired and expiryInfo on ${CASES} generated inputs: as jose and jwt-decode decode them, apart from the listed differences, and as jwtVerify judges their time claims`, () => {
  const g = generator(SEED);
  const seen = new Map([...DIFFERENCES, INTERNAL_DIFFERENCE].map((d) => [d.id, 0]));
  const tags = new Map();
  const stats = {
    bothAccept: { decodeJwt: 0, decodeProtectedHeader: 0 }, bothRefuse: { decodeJwt: 0, decodeProtectedHeader: 0 }, sameCode: { decodeJwt: 0, decodeProtectedHeader: 0 },
    jwtDecode: { payload: new Map(), header: new Map() }, verdicts: new Map(), expired: 0, unexpired: 0, notYetValid: 0, boundary: 0, badOptions: 0, signed: 0, stubbed: 0,
  };
  const failures = [];
  const started = RealDate.now();
  for (let i = 0; i < CASES; i += 1) {
    const c = makeCase(g);
    tags.set(c.tag, (tags.get(c.tag) ?? 0) + 1);
    const verdict = judge(c);
    if (verdict.problems.length > 0) {
      failures.push({ i, c, verdict });
      continue;
    }
    for (const id of verdict.listed) seen.set(id, seen.get(id) + 1);
    if (verdict.facts.expiry.listed !== undefined) seen.set(INTERNAL_DIFFERENCE.id, seen.get(INTERNAL_DIFFERENCE.id) + 1);
    const { decode, jwtDecode: jd, expiry } = verdict.facts;
    for (const api of ['decodeJwt', 'decodeProtectedHeader']) {
      const { mine, peer } = decode[api];
      if (mine.ok && peer.ok) stats.bothAccept[api] += 1;
      if (!mine.ok && !peer.ok) stats.bothRefuse[api] += 1;
      if (!mine.ok && sameOutcome(mine, peer)) stats.sameCode[api] += 1;
    }
    for (const api of ['payload', 'header']) stats.jwtDecode[api].set(jd[api], (stats.jwtDecode[api].get(jd[api]) ?? 0) + 1);
    if (expiry.verdict !== undefined) stats.verdicts.set(expiry.verdict, (stats.verdicts.get(expiry.verdict) ?? 0) + 1);
    if (expiry.expired === true) stats.expired += 1;
    if (expiry.expired === false) stats.unexpired += 1;
    if (expiry.notYetValid === true) stats.notYetValid += 1;
    if (expiry.boundary) stats.boundary += 1;
    if (expiry.badOptions) stats.badOptions += 1;
    if (expiry.signed) stats.signed += 1;
    if (c.stubClock && expiry.verdict !== undefined) stats.stubbed += 1;
  }
  const seconds = (RealDate.now() - started) / 1000;
  const list = (map) => [...map].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `decode differential: ${CASES} cases in ${seconds.toFixed(1)} s (seed ${SEED}); ` +
      `decodeJwt: ${stats.bothAccept.decodeJwt} accepted by both, ${stats.bothRefuse.decodeJwt} refused by both (${stats.sameCode.decodeJwt} with the same code); ` +
      `decodeProtectedHeader: ${stats.bothAccept.decodeProtectedHeader} accepted by both, ${stats.bothRefuse.decodeProtectedHeader} refused by both (${stats.sameCode.decodeProtectedHeader} with the same code); ` +
      `listed differences: ${list(seen)}; jwt-decode, payload: ${list(stats.jwtDecode.payload)}; header: ${list(stats.jwtDecode.header)}; ` +
      `time claims as jwtVerify judged them: ${list(stats.verdicts)} (expired ${stats.expired}, not expired ${stats.unexpired}, not yet valid ${stats.notYetValid}, ` +
      `secondsLeft exactly 0 ${stats.boundary}, clock read at the call ${stats.stubbed}, signed again by signJwt ${stats.signed}, bad options ${stats.badOptions}); ` +
      `unexplained: ${failures.length}`,
  );
  const shown = [];
  const kinds = new Map();
  for (const f of failures) for (const p of f.verdict.problems) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  const shownKinds = new Set();
  for (const f of failures) {
    if (shown.length >= SHOW) break;
    const { kind } = f.verdict.problems[0];
    if (shownKinds.has(kind)) continue;
    shownKinds.add(kind);
    const small = shrink(f.c, kind);
    const again = judge(small);
    const { decode } = again.facts;
    shown.push(
      `#${f.i} [${f.c.tag}] ${kind}: ${again.problems.find((p) => p.kind === kind)?.detail ?? ''}\n` +
        `  shrunk: ${describeCase(small)}\n` +
        `    decodeJwt: ours ${describeOutcome(decode.decodeJwt.mine)}, jose ${describeOutcome(decode.decodeJwt.peer)}; ` +
        `decodeProtectedHeader: ours ${describeOutcome(decode.decodeProtectedHeader.mine)}, jose ${describeOutcome(decode.decodeProtectedHeader.peer)}\n` +
        `  as generated: ${describeCase(f.c).slice(0, 600)}`,
    );
  }
  assert.equal(failures.length, 0, `disagreements that are not listed differences (${list(kinds)}):\n${shown.join('\n')}`);
  // The generator must reach every class of input, both outcomes and every listed difference.
  for (const api of ['decodeJwt', 'decodeProtectedHeader']) assert.ok(stats.bothAccept[api] >= CASES / 10, `only ${stats.bothAccept[api]} inputs accepted by both ${api}`);
  assert.ok(stats.sameCode.decodeJwt >= CASES / 20, `only ${stats.sameCode.decodeJwt} inputs refused by both decodeJwt with the same code`);
  assert.ok((stats.jwtDecode.payload.get('both accept') ?? 0) >= CASES / 10, 'too few tokens accepted by jwt-decode and decodeJwt');
  for (const [id, count] of seen) assert.ok(count > 0, `the listed difference "${id}" never occurred`);
  for (const tag of ['valid', 'segments', 'around', 'not a string', 'padding (payload)', 'alphabet (payload)', 'white space (payload)', 'non-ASCII (payload)',
    'trailing bits (payload)', 'not json (payload)', 'not object (payload)', 'bom (payload)', 'utf8 (payload)', 'surrogate (payload)', 'duplicates (payload)',
    'deep (payload)', 'numbers (payload)', 'length over the cap', 'length at most the cap', 'length over the cap, non-ASCII']) {
    assert.ok(tags.has(tag), `no input of the class "${tag}" was generated`);
  }
  for (const verdict of ['valid', 'ERR_JWT_EXPIRED/exp/check_failed', 'ERR_JWT_CLAIM_VALIDATION_FAILED/nbf/check_failed',
    'ERR_JWT_CLAIM_VALIDATION_FAILED/iat/invalid', 'ERR_JWT_CLAIM_VALIDATION_FAILED/nbf/invalid', 'ERR_JWT_CLAIM_VALIDATION_FAILED/exp/invalid']) {
    assert.ok((stats.verdicts.get(verdict) ?? 0) > 0, `no token whose time claims jwtVerify judged ${verdict}`);
  }
  for (const name of ['expired', 'unexpired', 'notYetValid', 'boundary', 'badOptions', 'signed', 'stubbed']) assert.ok(stats[name] > 0, `no case of ${name}`);
});

test('an option jwtVerify refuses is refused by isExpired and expiryInfo too, before the token is read: whatever the token, not a string, over 64 KB or malformed', () => {
  const tokens = [123, undefined, new String('a.b.c'), 'a'.repeat(CAP + 1), 'x', `${HS256_HEADER}.${b64('{"exp":1}')}.sig`];
  for (const clockTolerance of [-1, '-5m', '5 minutes ago', 'abc', '']) {
    const options = { clockTolerance, currentDate: new RealDate(NOW * 1000) };
    for (const token of tokens) {
      const want = ours(() => jwtVerify(token, KEY, options));
      assert.deepStrictEqual(want, { code: 'ERR_OPTIONS_INVALID' }, `jwtVerify(${show(token)}, key, ${show(options)})`);
      assert.deepStrictEqual(ours(() => isExpired(token, options)), want, `isExpired(${show(token)}, ${show(options)})`);
      assert.deepStrictEqual(ours(() => expiryInfo(token, options)), want, `expiryInfo(${show(token)}, ${show(options)})`);
    }
  }
});

test('every difference the decode differential allows, and every rule it holds isExpired and expiryInfo to, is in the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  for (const line of [...DIFFERENCES.map((d) => d.readme), INTERNAL_DIFFERENCE.readme, ...RULES]) {
    assert.ok(readme.includes(line.replace(/\s+/g, ' ')), `README does not say: ${line}`);
  }
});
