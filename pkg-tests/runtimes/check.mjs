// The checks every runtime runs on the package it imported: each shared vector (through jwtVerify
// and through createVerifier), each expiry vector, smoke checks of the public API, and the
// generated cases of differential.mjs against Node's answers. It uses no runtime-specific API and
// touches no file, so it runs unchanged in Node, Deno, Bun, workerd and browsers; it returns a
// report rather than throwing, and the Node test asserts on the report.
import { expiryOutcome, keyOf, optionsAt, outcome, thrown } from '../vector-cases.mjs';
import { b64u, outcomeHash, runDiff } from './differential.mjs';

/** The one check that replaces built-ins (Date.now, ArrayBuffer.isView), which frozen intrinsics do not allow. */
export const REPLACES_BUILT_INS = 'a clock that throws or gives no number, and exceptions that unwind through wasm (a throwing ArrayBuffer.isView), after which a fresh instance carries on';

/** What the package exports, in every runtime. */
export const EXPORTS = [
  'JwtError', 'SignJWT', 'Verifier', 'createVerifier', 'decodeJwt', 'decodeProtectedHeader',
  'errorCodes', 'errors', 'expiryInfo', 'isExpired', 'jwtVerify', 'signJwt',
];

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const NOW = new Date('2026-01-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const at = (extra = {}) => ({ currentDate: NOW, ...extra });

/** Structural equality of JSON-like values (object member order does not matter). */
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && same(a[key], b[key]));
}

const expectSame = (got, want) => same(got, want) || `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;

function codeOf(jwt, call) {
  try {
    call();
  } catch (error) {
    if (!(error instanceof jwt.JwtError)) return `not a JwtError: ${error}`;
    if (!(error instanceof Error)) return 'a JwtError that is not an Error';
    return error.code;
  }
  return 'no error';
}

/** Smoke checks: name and a function that returns true or says what went wrong. */
export const SMOKE = [
  ['exports exactly the documented API', (jwt) => expectSame(Object.keys(jwt).sort(), EXPORTS)],
  // A bundler renames one of two top-level names that meet in one scope (the glue's Verifier
  // and the entry's): each export keeps its own name all the same.
  ['each export is named as exported', (jwt) => {
    const functions = EXPORTS.filter((name) => name !== 'errors');
    return expectSame(functions.map((name) => jwt[name].name), functions);
  }],
  // jose's error classes, each named as jose's (a bundler's minifier renames classes).
  ['errors: jose\'s classes, named as jose\'s', (jwt) => {
    const names = Object.keys(jwt.errors);
    return expectSame(names.map((name) => (name === 'JOSEError' ? jwt.errors[name] === jwt.JwtError : jwt.errors[name].name === name)), names.map(() => true));
  }],
  ['errors: a failure is an instance of jose\'s class for its code, and named as it', (jwt) => {
    try {
      jwt.decodeJwt('a.b');
    } catch (error) {
      return expectSame([error instanceof jwt.errors.JWTInvalid, error instanceof jwt.errors.JWSInvalid, error.name, error.code], [true, false, 'JWTInvalid', 'ERR_JWT_INVALID']);
    }
    return 'no error';
  }],
  ['the first call works with no init and no await', (jwt) => expectSame(jwt.decodeJwt(jwt.signJwt({ a: 1 }, SECRET)), { a: 1 })],
  ['signJwt and jwtVerify round trip with every kind of key', (jwt) => {
    const bytes = new TextEncoder().encode(SECRET);
    const keys = [SECRET, bytes, { kty: 'oct', k: b64u(bytes) }];
    for (const key of keys) {
      const token = jwt.signJwt({ sub: 'ada' }, key, { currentDate: NOW, issuedAt: true, expirationTime: '1h', issuer: 'me' });
      const { payload, protectedHeader } = jwt.jwtVerify(token, key, at({ issuer: 'me', algorithms: ['HS256'] }));
      const ok = expectSame({ payload, protectedHeader }, { payload: { sub: 'ada', iat: NOW_S, exp: NOW_S + 3600, iss: 'me' }, protectedHeader: { alg: 'HS256' } });
      if (ok !== true) return ok;
    }
    return true;
  }],
  ['SignJWT builds a token jwtVerify accepts', (jwt) => {
    const token = new jwt.SignJWT({ scope: 'read' }).setProtectedHeader({ alg: 'HS384', typ: 'at+jwt' })
      .setSubject('ada').setAudience('api').setIssuedAt().setExpirationTime('10m').sign(SECRET, { currentDate: NOW });
    const { payload } = jwt.jwtVerify(token, SECRET, at({ typ: 'at+jwt', audience: 'api', subject: 'ada' }));
    return expectSame(payload, { scope: 'read', sub: 'ada', aud: 'api', iat: NOW_S, exp: NOW_S + 600 });
  }],
  ['createVerifier returns a reusable Verifier', (jwt) => {
    const token = jwt.signJwt({ sub: 'ada', exp: NOW_S + 60 }, SECRET);
    const verifier = jwt.createVerifier(SECRET, at({ algorithms: ['HS256'] }));
    if (!(verifier instanceof jwt.Verifier)) return 'not a Verifier';
    for (let i = 0; i < 20; i += 1) if (verifier.verify(token).payload.sub !== 'ada') return `call ${i} failed`;
    const code = codeOf(jwt, () => verifier.verify(`${token}x`));
    verifier.free();
    return expectSame(code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  }],
  ['createVerifier with a cache answers a repeat as a full verification', (jwt) => {
    const token = jwt.signJwt({ sub: 'ada', exp: NOW_S + 60 }, SECRET);
    const verifier = jwt.createVerifier(SECRET, at({ cache: 2 }));
    verifier.verify(token).payload.sub = 'eve';
    const got = [
      verifier.verify(token).payload.sub,
      codeOf(jwt, () => verifier.verify(`${token.slice(0, -2)}AA`)),
      codeOf(jwt, () => jwt.jwtVerify(token, SECRET, at({ cache: true }))),
      codeOf(jwt, () => jwt.createVerifier(SECRET, { cache: 0 })),
    ];
    verifier.free();
    return expectSame(got, ['ada', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_OPTIONS_INVALID', 'ERR_OPTIONS_INVALID']);
  }],
  ['failures are JwtErrors with stable codes, claim and reason', (jwt) => {
    const token = jwt.signJwt({ sub: 'ada', exp: NOW_S + 60 }, SECRET);
    const got = {
      tampered: codeOf(jwt, () => jwt.jwtVerify(`${token.slice(0, -2)}AA`, SECRET, at())),
      malformed: codeOf(jwt, () => jwt.jwtVerify('not-a-token', SECRET, at())),
      decode: codeOf(jwt, () => jwt.decodeJwt('not-a-token')),
      notAllowed: codeOf(jwt, () => jwt.jwtVerify(token, SECRET, at({ algorithms: ['HS512'] }))),
      key: codeOf(jwt, () => jwt.jwtVerify(token, 42, at())),
      options: codeOf(jwt, () => jwt.jwtVerify(token, SECRET, { leeway: 1 })),
    };
    let expired;
    try {
      jwt.jwtVerify(token, SECRET, { currentDate: new Date((NOW_S + 60) * 1000) });
    } catch (error) {
      expired = thrown(error);
    }
    return expectSame({ ...got, expired }, {
      tampered: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', malformed: 'ERR_JWS_INVALID', decode: 'ERR_JWT_INVALID',
      notAllowed: 'ERR_JOSE_ALG_NOT_ALLOWED', key: 'ERR_KEY_INVALID', options: 'ERR_OPTIONS_INVALID',
      expired: { code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' },
    });
  }],
  ['verify results equal JSON.parse of the token\'s parts, fresh each call, whatever the header', (jwt) => {
    const headers = ['{"typ":"JWT","__proto__":"own","n":1.5,"z":null}', '{"typ":"JWT","ext":{"list":[1]}}', '{"typ":"JWT"}'];
    const verifier = jwt.createVerifier(SECRET, at());
    for (const text of headers) {
      const token = jwt.signJwt({ sub: 'ada' }, SECRET, { header: JSON.parse(text), currentDate: NOW });
      const want = { payload: { sub: 'ada' }, protectedHeader: JSON.parse(`{"alg":"HS256",${text.slice(1)}`) };
      for (const verify of [() => verifier.verify(token), () => jwt.jwtVerify(token, SECRET, at())]) {
        const first = verify();
        first.protectedHeader.typ = 'changed';
        if (first.protectedHeader.ext) first.protectedHeader.ext.list.push(2);
        const second = verify();
        const ok = expectSame([Object.keys(second.protectedHeader), second], [Object.keys(want.protectedHeader), want]);
        if (ok !== true) return ok;
        if (Object.hasOwn(second.protectedHeader, '__proto__') !== Object.hasOwn(want.protectedHeader, '__proto__')) return '__proto__ differs';
      }
    }
    verifier.free();
    return true;
  }],
  ['errorCodes lists distinct ERR_ codes', (jwt) => {
    const codes = jwt.errorCodes();
    return (codes.length >= 11 && new Set(codes).size === codes.length && codes.every((c) => /^ERR_[A-Z_]+$/.test(c))) || JSON.stringify(codes);
  }],
  ['decodeJwt and decodeProtectedHeader read without verifying', (jwt) => {
    const token = jwt.signJwt({ sub: 'ada' }, SECRET, { header: { kid: 'k1', typ: 'JWT' } });
    return expectSame([jwt.decodeJwt(`${token.slice(0, -2)}AA`), jwt.decodeProtectedHeader(token)], [{ sub: 'ada' }, { alg: 'HS256', kid: 'k1', typ: 'JWT' }]);
  }],
  ['isExpired and expiryInfo return this realm\'s Dates', (jwt) => {
    const token = jwt.signJwt({ exp: NOW_S + 90, iat: NOW_S }, SECRET);
    const info = jwt.expiryInfo(token, at());
    if (!(info.expiresAt instanceof Date)) return 'expiresAt is not a Date of this realm';
    return expectSame([jwt.isExpired(token, at()), jwt.isExpired(token, { currentDate: new Date((NOW_S + 90) * 1000) }), info.secondsLeft, info.expiresAt.getTime()],
      [false, true, 90, (NOW_S + 90) * 1000]);
  }],
  ['without currentDate the runtime clock is read', (jwt) => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = jwt.signJwt({ exp: now + 300 }, SECRET);
    const stale = jwt.signJwt({ exp: now - 300 }, SECRET);
    return expectSame([jwt.jwtVerify(fresh, SECRET).payload.exp, codeOf(jwt, () => jwt.jwtVerify(stale, SECRET))], [now + 300, 'ERR_JWT_EXPIRED']);
  }],
  ['the instance keeps working after hostile input', (jwt) => {
    const token = jwt.signJwt({ sub: 'ada' }, SECRET);
    for (const input of ['', '...', `${'e'.repeat(100_000)}.e30.x`, 42, null, {}, [], 10n]) {
      const code = codeOf(jwt, () => jwt.jwtVerify(input, SECRET));
      if (!jwt.errorCodes().includes(code)) return `${String(input).slice(0, 20)}: ${code}`;
    }
    return expectSame(jwt.jwtVerify(token, SECRET).payload, { sub: 'ada' });
  }],
  // Replaces Date.now and ArrayBuffer.isView: not where the intrinsics are frozen (see runChecks).
  [REPLACES_BUILT_INS, (jwt) => {
    const token = jwt.signJwt({ sub: 'ada' }, SECRET);
    const made = jwt.createVerifier(SECRET);
    // The instances made meanwhile: the package replaces its instance with new WebAssembly.Instance.
    const Original = WebAssembly.Instance;
    let instances = 0;
    const counted = function Instance(module, imports) {
      instances += 1;
      return new Original(module, imports);
    };
    counted.prototype = Original.prototype;
    WebAssembly.Instance = counted;
    try {
      return replacingBuiltIns(jwt, token, made, () => instances);
    } finally {
      WebAssembly.Instance = Original;
      made.free();
    }
  }],
];

/** The body of the check REPLACES_BUILT_INS: `instances()` counts the instances made so far. */
function replacingBuiltIns(jwt, token, made, instances) {
  // The clock's own exception goes on as itself, and nothing unwinds (no instance replaced); a
  // clock that gives no number is refused.
  const now = Date.now;
  const noClock = new Error('no clock');
  try {
    Date.now = () => {
      throw noClock;
    };
    for (let i = 0; i < 100; i += 1) {
      try {
        made.verify(token);
        return 'verify without a clock succeeded';
      } catch (error) {
        if (error !== noClock) return `not the clock's own exception: ${error}`;
      }
    }
    Date.now = () => BigInt(now());
    const code = codeOf(jwt, () => jwt.jwtVerify(token, SECRET));
    if (code !== 'ERR_OPTIONS_INVALID') return `a clock giving a BigInt: ${code}`;
  } finally {
    Date.now = now;
  }
  if (instances() !== 0) return `${instances()} instances replaced for a clock that threw`;
  // ArrayBuffer.isView, which the glue calls without a catch when a key is no key (42),
  // throwing: the exception unwinds through wasm frames, and the instance is replaced.
  const { isView } = ArrayBuffer;
  try {
    ArrayBuffer.isView = () => {
      throw new Error('no isView');
    };
    for (let i = 0; i < 300; i += 1) {
      try {
        jwt.jwtVerify(token, 42);
        return 'verify with the key 42 succeeded';
      } catch (error) {
        if (error?.message !== 'no isView') return `not the exception that unwound: ${error}`;
      }
    }
  } finally {
    ArrayBuffer.isView = isView;
  }
  if (instances() !== 300) return `${instances()} instances made for 300 calls that unwound`;
  const after = [made.verify(token).payload, jwt.jwtVerify(token, SECRET).payload, codeOf(jwt, () => made.verify('not a token'))];
  return expectSame(after, [{ sub: 'ada' }, { sub: 'ada' }, 'ERR_JWS_INVALID']);
}

/** How many checks runChecks makes for a vector file: the caller asserts that all of them ran. */
export const checkCount = (vectors) => vectors.verify.length * 2 + vectors.expiry.length + SMOKE.length + (vectors.differential ? 1 : 0);

/** Runs the generated cases of `reference` (`{ seed, count, hashes }`, Node's answers) and says
 * which answer differently here, with this runtime's answer. With `frozen`, the cases that
 * pollute Object.prototype or Array.prototype (which lockdown() has frozen) are left out and
 * counted in `skipped`. */
function sameAsReference(jwt, reference, frozen, skipped) {
  const { names, outcomes } = runDiff(jwt, reference);
  if (outcomes.length !== reference.hashes.length) return `${outcomes.length} cases made here, ${reference.hashes.length} in Node`;
  const differing = [];
  outcomes.forEach((text, i) => {
    if (frozen && names[i].endsWith(' polluted')) {
      skipped.pollutedCases += 1;
      return;
    }
    if (outcomeHash(text) !== reference.hashes[i]) differing.push(`case ${names[i].slice(0, 300)} answered ${text.slice(0, 500)}`);
  });
  return differing.length === 0 || `${differing.length} of ${outcomes.length} cases answered otherwise than in Node; the first: ${differing.slice(0, 3).join(' | ')}`;
}

/**
 * Runs every check against `jwt` (the package's namespace or require() result) and returns
 * `{ passed, failures }`, failures as "name: what went wrong" strings.
 */
export function runChecks(jwt, vectors, { frozen = false } = {}) {
  let passed = 0;
  const failures = [];
  // Where the intrinsics are frozen (SES's lockdown()), what replaces or pollutes them is left
  // out, and said: the check that replaces Date.now and ArrayBuffer.isView, and the generated cases that pollute.
  const skipped = { checks: [], pollutedCases: 0 };
  const check = (name, body) => {
    if (frozen && name === REPLACES_BUILT_INS) {
      skipped.checks.push(name);
      return;
    }
    let verdict;
    try {
      verdict = body();
    } catch (error) {
      verdict = `threw ${error && error.stack ? error.stack : error}`;
    }
    if (verdict === true) passed += 1;
    else failures.push(`${name}: ${verdict}`);
  };
  for (const testCase of vectors.verify) {
    check(`verify vector "${testCase.name}" (jwtVerify)`, () =>
      expectSame(outcome(() => jwt.jwtVerify(testCase.token, keyOf(testCase), optionsAt(testCase))), testCase.expect));
    check(`verify vector "${testCase.name}" (createVerifier)`, () =>
      expectSame(outcome(() => jwt.createVerifier(keyOf(testCase), optionsAt(testCase)).verify(testCase.token)), testCase.expect));
  }
  for (const testCase of vectors.expiry) {
    check(`expiry vector "${testCase.name}"`, () => {
      const got = expiryOutcome(() => jwt.expiryInfo(testCase.token, optionsAt(testCase)));
      if (got.code === undefined && jwt.isExpired(testCase.token, optionsAt(testCase)) !== got.expired) return 'isExpired disagrees with expiryInfo';
      return expectSame(got, testCase.expect);
    });
  }
  for (const [name, body] of SMOKE) check(name, () => body(jwt));
  const reference = vectors.differential;
  if (reference) check(`the same answers as Node on ${reference.count} generated cases (seed ${reference.seed})`, () => sameAsReference(jwt, reference, frozen, skipped));
  return frozen ? { passed, failures, skipped } : { passed, failures };
}
