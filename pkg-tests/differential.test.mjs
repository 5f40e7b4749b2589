// Differential testing against jose: thousands of seeded, deterministic tokens (valid ones with
// assorted claims, headers, keys and options, and mutations of them) go through jose.jwtVerify
// and our jwtVerify with the same key, options and currentDate. Both must give the same outcome:
// the same payload and protected header on success, the same code (and claim, and reason) on
// failure. Each disagreement is classified: one of the deliberate differences listed in the
// README ("Where jwt-wasm is stricter than jose"), where our answer must be the listed one, or a
// failure. `DIFF_CASES=N` runs more cases (default 10000), `DIFF_SEED=S` another seed.
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import * as jose from 'jose';
import { createVerifier, JwtError, jwtVerify } from 'jwt-wasm';
import { generator, hasDuplicates, hasLoneSurrogate, isCanonical, isZeroKey, lenientText, memberNames, randomJson } from './runtimes/differential.mjs';

const CASES = Number(process.env.DIFF_CASES ?? 10000);
const SEED = Number(process.env.DIFF_SEED ?? 20261126);
const NOW = 1_700_000_000;

// --- tokens ------------------------------------------------------------------------------------
const b64 = (data) => Buffer.from(data).toString('base64url');
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const macOf = (input, alg, key) => createHmac(HASH[alg] ?? 'sha256', key).update(input).digest('base64url');

/** Members as [name, raw JSON text] pairs, so duplicates and literals such as 1e400 survive. */
const objectText = (pairs) => `{${pairs.map(([name, raw]) => `${JSON.stringify(name)}:${raw}`).join(',')}}`;

// Beyond U+FFFF: U+1F600, U+20000 and U+10FFFF (whose surrogate pairs set every bit of theirs).
const WORDS = ['a', 'b', 'api', 'web', 'issuer-1', 'ada', 'bob', 'Ада', '😀', '\u{20000}', 'x\u{10FFFF}', 'x y', 'AT+JWT'];
const TYPS = ['JWT', 'jwt', 'at+jwt', 'application/at+jwt', 'AT+JWT', 'application/x/y', 'x/y', 'Ä', 'ä', 'application/'];


function randomTime(g, around, spread) {
  const base = around + g.int(-spread, spread);
  return g.chance(0.15) ? String(base + g.pick([0.25, 0.5, 0.999])) : String(base);
}

/** JSON text of `value`, its non-ASCII UTF-16 units written as \u escapes one time in three. */
function jsonText(g, value) {
  const text = JSON.stringify(value);
  return g.chance(1 / 3) ? text.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function makeClaims(g, now) {
  const pairs = [];
  if (g.chance(0.6)) pairs.push(['iss', jsonText(g, g.chance(0.95) ? g.pick(WORDS) : g.pick([1, null, ['a']]))]);
  if (g.chance(0.5)) pairs.push(['sub', jsonText(g, g.chance(0.95) ? g.pick(WORDS) : g.pick([1, false]))]);
  if (g.chance(0.5)) {
    const aud = g.pick([
      () => g.pick(WORDS),
      () => Array.from({ length: g.int(1, 3) }, () => g.pick(WORDS)),
      () => [g.pick(WORDS), 1, null, { a: 'api' }],
      () => g.pick([1, null, {}]),
    ])();
    pairs.push(['aud', jsonText(g, aud)]);
  }
  const time = (name, around, spread, p) => {
    if (!g.chance(p)) return;
    pairs.push([name, g.chance(0.95) ? randomTime(g, around, spread) : g.pick(['"1700000000"', 'null', 'true', '[]'])]);
  };
  time('iat', now - 200, 300, 0.6);
  time('nbf', now, 60, 0.3);
  time('exp', now + 200, 300, 0.7);
  if (g.chance(0.3)) pairs.push(['jti', JSON.stringify(`id-${g.int(0, 1e6)}`)]);
  for (let i = g.int(0, 3); i > 0; i -= 1) pairs.push([`x-${g.pick(WORDS)}-${i}`, JSON.stringify(randomJson(g, WORDS))]);
  return pairs;
}

function makeHeader(g) {
  const pairs = [['alg', JSON.stringify(g.pick(['HS256', 'HS256', 'HS384', 'HS512']))]];
  if (g.chance(0.5)) pairs.push(['typ', JSON.stringify(g.pick(TYPS))]);
  if (g.chance(0.2)) pairs.push(['kid', JSON.stringify(`k${g.int(0, 9)}`)]);
  if (g.chance(0.05)) pairs.push(['crit', '["x-ext"]'], ['x-ext', '1']);
  return pairs;
}

/** Options, often matching the token's own claims so that plenty of tokens verify. */
function makeOptions(g, now, header, claims) {
  const own = (pairs, name) => {
    const raw = pairs.find(([n]) => n === name)?.[1];
    return raw === undefined ? undefined : parsed(raw);
  };
  const matching = (name) => {
    const value = own(claims, name);
    const strings = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' && v !== '');
    if (strings.length === 0 || g.chance(0.4)) return g.chance(0.5) ? g.pick(WORDS) : g.subset(WORDS);
    return g.chance(0.5) ? g.pick(strings) : [g.pick(WORDS), g.pick(strings)];
  };
  const options = { currentDate: new Date((now + g.int(-60, 60)) * 1000 + g.int(0, 999)) };
  if (g.chance(0.3)) {
    options.algorithms = g.chance(0.9)
      ? ['HS256', 'HS384', 'HS512'].filter((alg) => alg === own(header, 'alg') || g.chance(0.4))
      : g.pick([[], ['HS256', 'RS256']]);
  }
  if (g.chance(0.3)) options.issuer = g.chance(0.95) ? matching('iss') : g.pick(['', []]);
  if (g.chance(0.3)) options.audience = g.chance(0.95) ? matching('aud') : g.pick(['', []]);
  if (g.chance(0.2)) options.subject = g.chance(0.95) ? [matching('sub')].flat()[0] ?? 'ada' : '';
  if (g.chance(0.2)) {
    const typ = own(header, 'typ');
    options.typ = g.chance(0.95) ? (typeof typ === 'string' && g.chance(0.6) ? g.pick([typ, typ.toUpperCase(), `application/${typ}`]) : g.pick(TYPS)) : '';
  }
  if (g.chance(0.3)) options.clockTolerance = g.pick([() => g.int(0, 120), () => g.int(0, 100) / 4, () => g.pick(['30s', '1m', '2 minutes', '0s', '1.5m'])])();
  if (g.chance(0.2)) options.maxTokenAge = g.pick([() => g.int(0, 600), () => g.pick(['1h', '5m', '0s', '1 day', '10 seconds']), () => 0])();
  if (g.chance(0.15)) {
    const present = claims.map(([name]) => name);
    options.requiredClaims = g.chance(0.95) ? g.subset(g.chance(0.7) ? present : [...present, 'x-custom', 'nbf']) : [''];
  }
  if (g.chance(0.1)) options.crit = { 'x-ext': true };
  for (const name of ['algorithms', 'issuer', 'audience', 'requiredClaims']) {
    if (Array.isArray(options[name]) && options[name].length === 0 && g.chance(0.8)) delete options[name];
  }
  return options;
}

function makeKey(g) {
  const bytes = new Uint8Array(g.int(1, 80)).map(() => g.int(0, 255));
  // Now and then a key of zero bytes only (a listed difference: every seed must meet one).
  if (g.chance(0.005)) bytes.fill(0);
  if (g.chance(0.8)) return { bytes, key: bytes };
  const jwk = { kty: 'oct', k: b64(bytes) };
  if (g.chance(0.3)) jwk.alg = g.pick(['HS256', 'HS384', 'HS512']);
  return { bytes, key: jwk };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Mutations of a valid token: damage on the wire, and re-signed hostile headers and payloads. */
function mutate(g, parts) {
  const { header, claims, bytes } = parts;
  const sign = (headerSegment, payloadSegment, alg = 'HS256', key = bytes) =>
    `${headerSegment}.${payloadSegment}.${macOf(`${headerSegment}.${payloadSegment}`, alg, key)}`;
  const algOf = (pairs) => {
    try {
      return JSON.parse(pairs.find(([n]) => n === 'alg')?.[1] ?? '""');
    } catch {
      return 'HS256';
    }
  };
  const signPairs = (h, c) => sign(b64(objectText(h)), b64(typeof c === 'string' ? c : objectText(c)), algOf(h));
  const token = signPairs(header, claims);
  const kind = g.int(0, 11);
  switch (kind) {
    case 0: { // one character changed anywhere
      const i = g.int(0, token.length - 1);
      const c = g.pick([...ALPHABET, ...ALPHABET, '=', ' ', '+', '/', '.', 'é', '€', '\u0000', '\n', '\ud800', '😀']);
      return { tag: 'char', token: token.slice(0, i) + c + token.slice(i + 1) };
    }
    case 1: return { tag: 'truncate', token: token.slice(0, g.int(0, token.length - 1)) };
    case 2: return { tag: 'append', token: token + g.pick(['=', '==', '.', '.x', 'AAAA', ' ', '\n', 'A']) };
    case 3: { // alg replaced, re-signed or not
      const alg = g.pick(['none', 'None', 'NONE', 'RS256', 'ES256', 'HS384', 'HS512', 'hs256', '', 'HS999']);
      const swapped = header.map(([n, v]) => (n === 'alg' ? [n, JSON.stringify(alg)] : [n, v]));
      const resigned = signPairs(swapped, claims);
      return { tag: 'alg', token: g.chance(0.5) ? resigned : `${resigned.split('.').slice(0, 2).join('.')}.${token.split('.')[2]}` };
    }
    case 4: { // hostile header members, correctly signed
      const alg = header.find(([n]) => n === 'alg');
      const variant = g.pick([
        () => header.filter(([n]) => n !== 'alg'),
        () => [['alg', g.pick(['1', 'null', '["HS256"]', '{}', 'true'])]],
        () => [...header, ['crit', g.pick(['[]', '"x-ext"', '[1]', '[""]', '{}'])], ['x-ext', '1']],
        () => [...header, ['crit', '["x-ext"]']],
        () => [...header, ['crit', '["x-unknown"]'], ['x-unknown', '1']],
        () => [...header, ['crit', '["b64"]'], ['b64', g.pick(['false', 'true', '"no"'])]],
        () => [...header, ['b64', 'false']],
        () => [...header, alg],
        () => [...header, ['\u0061lg', alg[1]]],
      ])();
      return { tag: 'header', token: signPairs(variant, claims) };
    }
    case 5: { // hostile claims, correctly signed
      const text = g.pick([
        () => g.pick(['[]', '1', '"x"', 'null', '', ' ', `[${objectText(claims)}]`, `${objectText(claims)}x`]),
        () => objectText([...claims, claims[g.int(0, claims.length - 1)] ?? ['sub', '"a"']]),
        () => objectText([...claims.filter(([n]) => n !== 'exp'), ['exp', g.pick(['1e400', '-1e400', '"1700000100"', 'null', 'true', '1e308', '-0', '17e8', '9007199254740993'])]]),
        () => objectText([...claims.filter(([n]) => n !== 'iat'), ['iat', g.pick(['1e400', '-1e400'])]]),
        () => objectText([...claims, ['\ud800', '1']]),
        () => objectText([...claims, ['x', '"\\ud800"']]),
        () => objectText([...claims, ['x', `${'['.repeat(500)}${']'.repeat(500)}`]]),
      ])();
      return { tag: 'claims', token: sign(b64(objectText(header)), b64(text), algOf(header)) };
    }
    case 6: { // a byte order mark, or bytes that are not UTF-8, correctly signed
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const h = Buffer.from(objectText(header));
      const c = Buffer.from(objectText(claims));
      const variant = g.pick([
        () => [Buffer.concat([bom, h]), c],
        () => [h, Buffer.concat([bom, c])],
        () => [h, Buffer.concat([c.subarray(0, -1), Buffer.from([0xff, 0x7d])])],
        () => [Buffer.concat([h.subarray(0, -1), Buffer.from([0xc3, 0x28, 0x7d])]), c],
      ])();
      return { tag: 'bytes', token: sign(b64(variant[0]), b64(variant[1]), algOf(header)) };
    }
    case 7: { // a non-canonical encoding of a segment, correctly signed over
      const [h, p] = [b64(objectText(header)), b64(objectText(claims))];
      const odd = (segment) => g.pick([
        () => `${segment}${'='.repeat((4 - (segment.length % 4)) % 4 || 4)}`,
        () => `${segment.slice(0, 4)} ${segment.slice(4)}`,
        () => `${segment.slice(0, 6)}\n${segment.slice(6)}`,
        () => {
          const last = segment.at(-1);
          return segment.length % 4 === 0 ? `${segment}=` : segment.slice(0, -1) + ALPHABET[ALPHABET.indexOf(last) ^ 1];
        },
        () => segment.replaceAll('-', '+').replaceAll('_', '/'),
      ])();
      return { tag: 'encoding', token: g.chance(0.5) ? sign(odd(h), p, algOf(header)) : sign(h, odd(p), algOf(header)) };
    }
    case 8: { // segment count
      const [h, p, s] = token.split('.');
      return { tag: 'segments', token: g.pick([`${h}.${p}`, `${token}.${s}`, `${h}..${p}.${s}`, `${token}.`, h]) };
    }
    case 9: return { tag: 'wrong key', token: sign(b64(objectText(header)), b64(objectText(claims)), algOf(header), new Uint8Array([...bytes, 1])) };
    case 10: { // the signature itself damaged
      const [h, p, s] = token.split('.');
      const damaged = g.pick([
        () => '',
        () => s.slice(0, g.int(0, s.length - 1)),
        () => `${s}${s}`,
        () => `${s}AAAA`,
        () => b64(Buffer.alloc(Buffer.from(s, 'base64url').length)),
      ])();
      return { tag: 'signature', token: `${h}.${p}.${damaged}` };
    }
    default: { // the header's alg re-signed with another algorithm's MAC
      return { tag: 'mac', token: sign(b64(objectText(header)), b64(objectText(claims)), g.pick(['HS256', 'HS384', 'HS512'])) };
    }
  }
}

function makeCase(g) {
  const now = NOW + g.int(-5, 5) * 86_400;
  const header = makeHeader(g);
  const claims = makeClaims(g, now);
  const { bytes, key } = makeKey(g);
  const options = makeOptions(g, now, header, claims);
  const alg = JSON.parse(header[0][1]);
  const headerSegment = b64(objectText(header));
  const payloadSegment = b64(objectText(claims));
  let token = `${headerSegment}.${payloadSegment}.${macOf(`${headerSegment}.${payloadSegment}`, alg, bytes)}`;
  let tag = 'valid';
  if (g.chance(0.45)) ({ token, tag } = mutate(g, { header, claims, bytes }));
  return { token, key, options, tag };
}

// --- running both --------------------------------------------------------------------------------
async function joseOutcome({ token, key, options }) {
  try {
    const { payload, protectedHeader } = await jose.jwtVerify(token, key, options);
    return { ok: true, payload, protectedHeader };
  } catch (error) {
    if (typeof error.code === 'string' && error.code.startsWith('ERR_')) return failure(error);
    return { uncoded: `${error.name}: ${error.message}` };
  }
}

/** Whether `key` is a JWK no token could verify with under `options`. */
function unusableJwk(key, options) {
  if (key instanceof Uint8Array || typeof key !== 'object' || key === null) return false;
  const allowed = options?.algorithms ?? ['HS256', 'HS384', 'HS512'];
  return (Array.isArray(key.key_ops) && !key.key_ops.includes('verify')) || (typeof key.alg === 'string' && !allowed.includes(key.alg));
}

function ourOutcome(call) {
  try {
    const { payload, protectedHeader } = call();
    return { ok: true, payload, protectedHeader };
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error}`);
    return failure(error);
  }
}

function failure(error) {
  const out = { code: error.code };
  if (error.claim !== undefined) out.claim = error.claim;
  if (error.reason !== undefined) out.reason = error.reason;
  return out;
}

const same = isDeepStrictEqual;

// --- the deliberate differences (README: "Where jwt-wasm is stricter than jose") ---------------
const segmentsOf = (token) => token.split('.');
const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const BOM = '\ufeff';

const rawText = (segment) => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(segment, 'base64url'));
  } catch {
    return undefined;
  }
};
const isEmptyOption = (value) => value === '' || (Array.isArray(value) && (value.length === 0 || value.includes('')));

const DIFFERENCES = [
  {
    id: 'non-canonical base64url',
    readme: 'Base64url must be canonical',
    applies: ({ token }) => segmentsOf(token).length === 3 && segmentsOf(token).some((s) => !isCanonical(s)),
    ours: (o) => o.code === 'ERR_JWS_INVALID',
  },
  {
    id: 'duplicate member names',
    readme: 'Duplicate member names in the header or at the top level of the claims set are refused',
    applies: ({ token }) => segmentsOf(token).slice(0, 2).some((s) => hasDuplicates(memberNames(lenientText(s) ?? ''))),
    ours: (o) => o.code === 'ERR_JWS_INVALID' || o.code === 'ERR_JWT_INVALID',
  },
  {
    id: 'non-finite time claim',
    readme: '`exp`, `nbf` and `iat` must be *finite* numbers',
    applies: ({ token }) => {
      const claims = parsed(lenientText(segmentsOf(token)[1] ?? '') ?? '');
      return ['iat', 'nbf', 'exp'].some((n) => typeof claims?.[n] === 'number' && !Number.isFinite(claims[n]));
    },
    ours: (o) => o.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && o.reason === 'invalid' && ['iat', 'nbf', 'exp'].includes(o.claim),
  },
  {
    id: 'byte order mark',
    readme: 'A byte order mark before the header or claims JSON is refused',
    applies: ({ token }) => segmentsOf(token).slice(0, 2).some((s) => rawText(s)?.startsWith(BOM)),
    ours: (o) => o.code === 'ERR_JWS_INVALID' || o.code === 'ERR_JWT_INVALID',
  },
  {
    id: 'lone surrogate escape',
    readme: 'A `\\u` escape of a lone UTF-16 surrogate',
    applies: ({ token }) => segmentsOf(token).slice(0, 2).some((s) => hasLoneSurrogate(parsed(lenientText(s) ?? ''))),
    ours: (o) => o.code === 'ERR_JWS_INVALID' || o.code === 'ERR_JWT_INVALID',
  },
  {
    id: 'typ compared in ASCII case only',
    readme: '`typ` is compared ignoring ASCII case only',
    applies: ({ token, options }) => {
      const typ = parsed(lenientText(segmentsOf(token)[0] ?? '') ?? '')?.typ;
      return typeof options.typ === 'string' && typeof typ === 'string' && /[^\x00-\x7f]/.test(typ + options.typ);
    },
    ours: (o) => o.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && o.claim === 'typ',
  },
  {
    id: 'empty option values',
    readme: 'Empty strings in `algorithms`, `issuer`, `audience`, `subject`, `typ` and `requiredClaims`, and',
    applies: ({ options }) =>
      ['algorithms', 'issuer', 'audience', 'subject', 'typ'].some((n) => isEmptyOption(options[n])) ||
      (Array.isArray(options.requiredClaims) && options.requiredClaims.includes('')),
    ours: (o) => o.code === 'ERR_OPTIONS_INVALID',
  },
  {
    id: 'algorithms option naming an unimplemented algorithm',
    readme: 'An `algorithms` option naming an algorithm this release does not implement',
    applies: ({ options }) => options.algorithms?.some((a) => !(a in HASH)),
    ours: (o) => o.code === 'ERR_JOSE_NOT_SUPPORTED',
  },
  {
    id: 'key of zero bytes only',
    readme: 'A secret of zero bytes only',
    applies: ({ key }) => isZeroKey(key),
    ours: (o) => o.code === 'ERR_KEY_INVALID',
  },
  {
    id: 'jose throws an uncoded error',
    readme: 'Keys, options and payloads that jose rejects with an uncoded `TypeError` get a code here',
    applies: (_, joseSide) => joseSide.uncoded !== undefined,
    ours: (o) => ['ERR_JOSE_NOT_SUPPORTED', 'ERR_KEY_INVALID', 'ERR_JWK_INVALID', 'ERR_OPTIONS_INVALID'].includes(o.code),
  },
];

function classify(testCase, joseSide, ours) {
  return DIFFERENCES.find((d) => d.applies(testCase, joseSide) && !ours.ok && d.ours(ours));
}

test(`jwtVerify agrees with jose.jwtVerify on ${CASES} generated tokens, apart from the listed differences`, async () => {
  const g = generator(SEED);
  const agreements = { ok: 0, codes: new Map() };
  const seen = new Map(DIFFERENCES.map((d) => [d.id, 0]));
  const failures = [];
  const started = Date.now();
  for (let i = 0; i < CASES; i += 1) {
    const testCase = makeCase(g);
    const theirs = await joseOutcome(testCase);
    const ours = ourOutcome(() => jwtVerify(testCase.token, testCase.key, testCase.options));
    const prepared = ourOutcome(() => createVerifier(testCase.key, testCase.options).verify(testCase.token));
    // createVerifier refuses when made a JWK that no token could verify with (key_ops without
    // "verify", an alg outside the allowlist), where jwtVerify judges the token's form first.
    if (!(prepared.code === 'ERR_KEY_INVALID' && !ours.ok && unusableJwk(testCase.key, testCase.options))) {
      assert.deepStrictEqual(prepared, ours, `case ${i}: createVerifier and jwtVerify disagree`);
    }
    if (same(ours, theirs)) {
      if (ours.ok) agreements.ok += 1;
      else agreements.codes.set(ours.code, (agreements.codes.get(ours.code) ?? 0) + 1);
      continue;
    }
    const difference = classify(testCase, theirs, ours);
    if (difference) {
      seen.set(difference.id, seen.get(difference.id) + 1);
    } else {
      failures.push({ i, tag: testCase.tag, token: testCase.token, options: testCase.options, key: testCase.key, jose: theirs, ours });
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const agreedErrors = [...agreements.codes.values()].reduce((a, b) => a + b, 0);
  console.log(
    `differential: ${CASES} cases in ${seconds.toFixed(1)} s (seed ${SEED}): ${agreements.ok} accepted by both, ` +
      `${agreedErrors} refused by both with the same code (${[...agreements.codes].map(([c, n]) => `${c} ${n}`).join(', ')}); ` +
      `listed differences: ${[...seen].map(([id, n]) => `${id} ${n}`).join(', ')}; unexplained: ${failures.length}`,
  );
  const describe = (f) =>
    `#${f.i} [${f.tag}] jose ${JSON.stringify(f.jose)} ours ${JSON.stringify(f.ours)} options ${JSON.stringify(f.options)} ` +
    `key ${f.key instanceof Uint8Array ? `bytes:${b64(f.key)}` : JSON.stringify(f.key)} token ${JSON.stringify(f.token)}`;
  assert.equal(failures.length, 0, `disagreements that are not listed differences:\n${failures.slice(0, 10).map(describe).join('\n')}`);
  // The generator must exercise both sides and every listed difference, or the test proves little.
  assert.ok(agreements.ok >= CASES / 10, `only ${agreements.ok} tokens were accepted by both`);
  for (const code of ['ERR_JWS_INVALID', 'ERR_JWT_INVALID', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JOSE_ALG_NOT_ALLOWED',
    'ERR_JOSE_NOT_SUPPORTED', 'ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED']) {
    assert.ok((agreements.codes.get(code) ?? 0) > 0, `no token refused by both with ${code}`);
  }
  for (const [id, count] of seen) assert.ok(count > 0, `the listed difference "${id}" never occurred`);
});

test('every difference the differential test allows is listed in the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Where jwt-wasm is stricter than jose')[1]?.split('\n## ')[0] ?? '';
  assert.ok(section.length > 0, 'the README section is missing');
  for (const difference of DIFFERENCES) {
    assert.ok(section.includes(difference.readme), `README does not list: ${difference.readme}`);
  }
});

test('a public key as PEM text: jose takes its bytes as an HMAC secret (anyone with the key signs tokens that verify), jwt-wasm refuses it, and the README lists it', async () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  const key = new TextEncoder().encode(pem);
  const header = b64('{"alg":"HS256"}');
  const payload = b64(JSON.stringify({ sub: 'admin', exp: NOW + 60 }));
  const forged = `${header}.${payload}.${macOf(`${header}.${payload}`, 'HS256', key)}`;
  const options = { currentDate: new Date(NOW * 1000) };
  assert.equal((await joseOutcome({ token: forged, key, options })).ok, true);
  for (const given of [pem, key]) assert.deepStrictEqual(ourOutcome(() => jwtVerify(forged, given, options)), { code: 'ERR_KEY_INVALID' });
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = (readme.split('### Where jwt-wasm is stricter than jose')[1]?.split('\n## ')[0] ?? '').replace(/\s+/g, ' ');
  assert.ok(section.includes('A secret that is PEM text'), 'README does not list PEM text refused as a secret');
});

test('maxTokenAge: 0 means "at most 0 seconds old" in both libraries', async () => {
  const key = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
  const outcomes = [];
  for (const age of [-1, 0, 1]) {
    const header = b64('{"alg":"HS256"}');
    const payload = b64(JSON.stringify({ iat: NOW - age }));
    const token = `${header}.${payload}.${macOf(`${header}.${payload}`, 'HS256', key)}`;
    const options = { maxTokenAge: 0, currentDate: new Date(NOW * 1000) };
    const ours = ourOutcome(() => jwtVerify(token, key, options));
    assert.deepStrictEqual(ours, await joseOutcome({ token, key, options }), `iat ${age} s ago`);
    outcomes.push(ours.ok ? 'ok' : `${ours.code}/${ours.claim}`);
  }
  assert.deepEqual(outcomes, ['ERR_JWT_CLAIM_VALIDATION_FAILED/iat', 'ok', 'ERR_JWT_EXPIRED/iat']);
});

test('a lone surrogate in a verification option or a JWK, and a non-JSON value in a JWK member no check reads: jose verifies, jwt-wasm refuses, and the README lists it', async () => {
  const key = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
  const header = b64('{"alg":"HS256"}');
  const payload = b64(JSON.stringify({ iss: 'a', aud: 'api', sub: 's', exp: NOW + 60 }));
  const token = `${header}.${payload}.${macOf(`${header}.${payload}`, 'HS256', key)}`;
  const currentDate = new Date(NOW * 1000);
  const k = b64(key);
  const cases = [
    // A JWKS read with JSON.parse can hold one: "\ud800" is valid JSON text.
    [JSON.parse(`{"kty":"oct","k":"${k}","kid":"\\ud800"}`), { currentDate }, 'ERR_JWK_INVALID'],
    [{ kty: 'oct', k, kid: NaN }, { currentDate }, 'ERR_JWK_INVALID'],
    [key, { currentDate, issuer: ['a', '\ud800'] }, 'ERR_OPTIONS_INVALID'],
    [key, { currentDate, audience: ['api', '\udc00'] }, 'ERR_OPTIONS_INVALID'],
    [key, { currentDate, crit: { '\ud800': true } }, 'ERR_OPTIONS_INVALID'],
  ];
  for (const [k2, options, code] of cases) {
    const theirs = await joseOutcome({ token, key: k2, options });
    assert.equal(theirs.ok, true, `jose verifies it: ${JSON.stringify(theirs)}`);
    assert.deepStrictEqual(ourOutcome(() => jwtVerify(token, k2, options)), { code });
  }
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = (readme.split('### Where jwt-wasm is stricter than jose')[1]?.split('\n## ')[0] ?? '').replace(/\s+/g, ' ');
  assert.ok(section.includes('in a verification option'), 'README does not list lone surrogates in verification options');
  assert.ok(section.includes('in any member of a JWK'), 'README does not list lone surrogates and non-JSON values in any JWK member');
});

test('options judged before the token: where jose reads an option only at its claim, and an array with a hole, as the README says', async () => {
  const key = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
  const signed = (claims) => {
    const [header, payload] = [b64('{"alg":"HS256"}'), b64(JSON.stringify(claims))];
    return `${header}.${payload}.${macOf(`${header}.${payload}`, 'HS256', key)}`;
  };
  const currentDate = new Date(NOW * 1000);
  const withIss = signed({ iss: 'a', sub: 's' });
  const withoutIss = signed({ sub: 's' });
  const cases = [
    [withIss, { issuer: 'b', clockTolerance: 'x' }, { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' }],
    [withoutIss, { maxTokenAge: -1 }, { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iat' }],
    [withoutIss, { issuer: [] }, { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' }],
    [withIss, { issuer: ['a', , 'b'] }, { ok: true }],
  ];
  for (const [token, options, theirs] of cases) {
    const outcome = await joseOutcome({ token, key, options: { ...options, currentDate } });
    assert.deepEqual(theirs.ok ? { ok: outcome.ok } : { code: outcome.code, claim: outcome.claim }, theirs, JSON.stringify(options));
    assert.equal(ourOutcome(() => jwtVerify(token, key, { ...options, currentDate })).code, 'ERR_OPTIONS_INVALID', JSON.stringify(options));
  }
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes("with `issuer: []` or `maxTokenAge: -1` it reports a token without `iss` or `iat` as missing it, and `clockTolerance: 'x'` only after an `iss` it refuses"));
  assert.ok(readme.includes("An array with a hole (`issuer: ['a', , 'b']`, which jose takes) is refused."));
});
