// The package's API as a consumer sees it: every export, every error code, and an instance that
// keeps working after every kind of bad input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import * as jose from 'jose';
import * as jwt from 'jwt-wasm';
import {
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  errors,
  expiryInfo,
  isExpired,
  JwtError,
  jwtVerify,
  SignJWT,
  signJwt,
  Verifier,
} from 'jwt-wasm';
import { errorName } from './vector-cases.mjs';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const NOW = new Date('2026-01-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const at = (extra = {}) => ({ currentDate: NOW, ...extra });
const good = signJwt({ sub: 'ada', iss: 'me', aud: 'api', exp: NOW_S + 60 }, SECRET, { currentDate: NOW, issuedAt: true });

function codeOf(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error}`);
    assert.ok(error instanceof Error);
    // Named as jose's class for a jose code (and an instance of it: errors.JWTExpired, ...), else
    // 'JwtError'.
    assert.equal(error.name, errorName(error.code));
    assert.ok(error instanceof (errors[error.name] ?? JwtError), error.name);
    assert.equal(error.constructor, JwtError);
    return error.code;
  }
  assert.fail('expected a JwtError');
}

/** `code: message` of the JwtError that `call` throws; `ifNone`, when given, if it throws nothing. */
function messageOf(call, ifNone = undefined) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error}`);
    return `${error.code}: ${error.message}`;
  }
  return ifNone ?? assert.fail('expected a JwtError');
}

describe('exports', () => {
  test('the package exports exactly the documented API', () => {
    assert.deepEqual(Object.keys(jwt).sort(), [
      'JwtError', 'SignJWT', 'Verifier', 'createVerifier', 'decodeJwt', 'decodeProtectedHeader',
      'errorCodes', 'errors', 'expiryInfo', 'isExpired', 'jwtVerify', 'signJwt',
    ]);
  });

  test('require() and import share one instance and one JwtError class', () => {
    const cjs = createRequire(import.meta.url)('jwt-wasm');
    assert.equal(cjs.JwtError, JwtError);
    assert.equal(cjs.jwtVerify, jwtVerify);
    assert.equal(cjs.jwtVerify(good, SECRET, at()).payload.sub, 'ada');
  });
});

describe('decode', () => {
  test('decodeJwt returns the claims without verifying', () => {
    const tampered = `${good.split('.').slice(0, 2).join('.')}.AAAA`;
    // Expected: what was signed, read by Node from the payload segment (not by the package).
    const signed = { sub: 'ada', iss: 'me', aud: 'api', exp: NOW_S + 60, iat: NOW_S };
    assert.deepEqual(JSON.parse(Buffer.from(good.split('.')[1], 'base64url').toString('utf8')), signed);
    assert.deepEqual(decodeJwt(good), signed);
    assert.deepEqual(decodeJwt(tampered), signed);
  });

  test('decodeProtectedHeader returns the header', () => {
    assert.deepEqual(decodeProtectedHeader(good), { alg: 'HS256' });
  });

  test('malformed tokens throw coded errors', () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', 'x.e30=.y', 'x.W10.y', 'x.bnVsbA.y', 42, null, undefined, {}]) {
      assert.equal(codeOf(() => decodeJwt(bad)), 'ERR_JWT_INVALID', String(bad));
    }
    for (const bad of ['', 'a.b', 'W10.e30.x', 42]) {
      assert.equal(codeOf(() => decodeProtectedHeader(bad)), 'ERR_JWS_INVALID', String(bad));
    }
    // As jwtVerify says it: not an object, or a name given twice.
    const b64 = (text) => Buffer.from(text).toString('base64url');
    for (const [header, message] of [['[]', 'is not a JSON object'], ['{"alg":"HS256","alg":"none"}', 'has a duplicate member name']]) {
      const token = `${b64(header)}.e30.x`;
      assert.equal(messageOf(() => decodeProtectedHeader(token)), `ERR_JWS_INVALID: the protected header ${message}`, header);
      assert.equal(messageOf(() => jwtVerify(token, SECRET)), `ERR_JWS_INVALID: the protected header ${message}`, header);
    }
    assert.equal(codeOf(() => decodeJwt(`e30.${'a'.repeat(70_000)}.x`)), 'ERR_JWT_TOO_LONG');
    // A nested JWT (RFC 7519 section 5.2: a token signed over another, cty "JWT") is not
    // supported: its claims set is no JSON object (SECURITY.md), even correctly signed.
    const inner = signJwt({ sub: 'ada' }, SECRET);
    const input = `${b64(JSON.stringify({ alg: 'HS256', cty: 'JWT' }))}.${b64(inner)}`;
    const nested = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    for (const call of [() => decodeJwt(nested), () => jwtVerify(nested, SECRET)]) {
      assert.match(messageOf(call), /^ERR_JWT_INVALID: the claims set is not a JSON object/);
    }
  });
});

describe('verify', () => {
  test('an alg jose implements and this release does not is ERR_JOSE_NOT_SUPPORTED at the allowlist step, before the payload and signature are read (jose reads on: README)', async () => {
    const segment = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const [, payload, signature] = good.split('.');
    for (const alg of ['RS256', 'ES256', 'PS512', 'EdDSA']) {
      const head = segment({ alg });
      for (const token of [`${head}.${payload}.***`, `${head}.é.${signature}`]) {
        assert.equal(codeOf(() => jwtVerify(token, SECRET, at())), 'ERR_JOSE_NOT_SUPPORTED', `${alg}: ${token}`);
        let theirs;
        try {
          await jose.jwtVerify(token, new TextEncoder().encode(SECRET), at());
        } catch (error) {
          theirs = error.code;
        }
        assert.equal(theirs, 'ERR_JWS_INVALID', `jose, ${alg}: ${token}`);
      }
    }
  });

  test('jwtVerify returns payload and protectedHeader, and await still works as with jose', async () => {
    const { payload, protectedHeader } = await jwtVerify(good, SECRET, at({ issuer: 'me', audience: ['x', 'api'] }));
    assert.equal(payload.sub, 'ada');
    assert.deepEqual(protectedHeader, { alg: 'HS256' });
  });

  test('results are plain values, not promises: a failure throws at the call, caught around the await', async () => {
    const result = jwtVerify(good, SECRET, at());
    assert.equal(typeof result.then, 'undefined');
    assert.throws(() => jwtVerify(good, SECRET, at()).then(() => {}), TypeError);
    assert.equal(typeof (await new SignJWT({ sub: 'ada' }).sign(SECRET)), 'string');
    let caught;
    try {
      await jwtVerify(`${good}x`, SECRET, at());
    } catch (error) {
      caught = error;
    }
    assert.equal(caught?.code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    // A promise chain's .catch() is never reached: the call throws before it.
    assert.throws(() => jwtVerify(`${good}x`, SECRET, at()).catch(() => null), JwtError);
  });

  test('keys may be bytes, a string or an oct JWK', () => {
    const bytes = new TextEncoder().encode(SECRET);
    const jwk = { kty: 'oct', k: Buffer.from(SECRET).toString('base64url') };
    for (const key of [SECRET, bytes, Buffer.from(SECRET), jwk]) {
      assert.equal(jwtVerify(good, key, at()).payload.sub, 'ada');
    }
  });

  test('strings cross the same way whether short ASCII (one call) or not (the general path)', () => {
    // Secrets: ASCII, non-ASCII, a lone surrogate (encoded as U+FFFD, as TextEncoder does), and
    // longer than the 8192-character one-call path; each must key the HMAC as its UTF-8 bytes.
    for (const secret of [SECRET, `sécret-${SECRET}`, `${SECRET}\ud800`, 'k'.repeat(8192), 'k'.repeat(8193)]) {
      const token = signJwt({ sub: 'ada' }, secret);
      const utf8 = new TextEncoder().encode(secret);
      assert.equal(jwtVerify(token, utf8).payload.sub, 'ada');
      assert.equal(jwtVerify(token, secret).payload.sub, 'ada');
      assert.equal(signJwt({ sub: 'ada' }, utf8), token);
    }
    // Tokens: padded to either side of 8192 characters by a long claim, and non-strings.
    for (const length of [8192, 8193]) {
      const base = signJwt({ pad: '' }, SECRET);
      const pad = 'x'.repeat(Math.ceil(((length - base.length) * 3) / 4));
      let token = signJwt({ pad }, SECRET);
      while (token.length > length) token = signJwt({ pad: pad.slice(0, pad.length - (token.length - length)) }, SECRET);
      assert.ok(Math.abs(token.length - length) <= 3, `token of ${token.length} characters`);
      assert.equal(decodeJwt(token).pad.length > 6000, true);
      assert.equal(createVerifier(SECRET).verify(token).payload.pad, decodeJwt(token).pad);
    }
    for (const notString of [new String(good), 42, null, undefined, { toString: () => good }, [good]]) {
      assert.equal(codeOf(() => decodeJwt(notString)), 'ERR_JWT_INVALID');
      assert.equal(codeOf(() => createVerifier(SECRET).verify(notString)), 'ERR_JWS_INVALID');
    }
    // A non-ASCII character anywhere in a token is judged, not mangled, on the general path.
    assert.equal(codeOf(() => decodeJwt(good.replace('.', '.é'))), 'ERR_JWT_INVALID');
    assert.equal(codeOf(() => jwtVerify(`${good.slice(0, -1)}\u00e9`, SECRET, at())), 'ERR_JWS_INVALID');
    // A string that fits the one-call path in UTF-16 units (8192) but not in UTF-8 bytes, its last
    // character two bytes: encodeInto stops before it, and the string must take the general path
    // whole, not be read as its ASCII prefix (a secret keyed without its last character, a token
    // verified without what follows it).
    const cutSecret = 'k'.repeat(8191);
    const tokenOfCut = signJwt({ sub: 'ada' }, cutSecret);
    assert.notEqual(signJwt({ sub: 'ada' }, `${cutSecret}\u00e9`), tokenOfCut);
    assert.equal(codeOf(() => jwtVerify(tokenOfCut, `${cutSecret}\u00e9`)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    let exact;
    for (let pad = 6000; exact === undefined && pad < 6200; pad += 1) {
      const token = signJwt({ pad: 'x'.repeat(pad) }, SECRET);
      if (token.length === 8191) exact = token;
    }
    assert.equal(exact?.length, 8191);
    assert.equal(codeOf(() => jwtVerify(`${exact}\u00e9`, SECRET)), 'ERR_JWS_INVALID');
    assert.equal(codeOf(() => createVerifier(SECRET).verify(`${exact}\u00e9`)), 'ERR_JWS_INVALID');
  });

  test('a call re-entered from inside the string writer (a patched built-in) answers, not traps', () => {
    // A typed array's length getter, replaced, calls the package again from inside the outer
    // call (the writer reads view.length while the binding holds its scratch buffer).
    const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
    const original = Object.getOwnPropertyDescriptor(TypedArray, 'length');
    const inner = [];
    let busy = false;
    Object.defineProperty(TypedArray, 'length', {
      configurable: true,
      get() {
        if (!busy && inner.length < 20) {
          busy = true;
          try {
            inner.push(decodeJwt(good).sub);
          } catch (error) {
            inner.push(`${error.name}: ${error.message}`);
          } finally {
            busy = false;
          }
        }
        return original.get.call(this);
      },
    });
    let outer;
    try {
      outer = jwtVerify(good, SECRET, at()).payload.sub;
    } finally {
      Object.defineProperty(TypedArray, 'length', original);
    }
    assert.ok(inner.length > 0, 'the getter ran');
    assert.deepEqual(inner, inner.map(() => 'ada'));
    assert.equal(outer, 'ada');
    assert.equal(decodeJwt(good).sub, 'ada', 'the instance still works');
  });

  test('one-shot calls that remember the last key and options never confuse them', () => {
    // jwtVerify and signJwt keep the last key's HMAC state and the last options' checked form;
    // every change of key or options between calls must still be honoured.
    const other = 'another-secret-of-at-least-32-bytes!!';
    const otherToken = signJwt({ sub: 'eve', iss: 'me', aud: 'api', exp: NOW_S + 60 }, other, { currentDate: NOW });
    for (let round = 0; round < 3; round += 1) {
      assert.equal(jwtVerify(good, SECRET, at()).payload.sub, 'ada');
      assert.equal(codeOf(() => jwtVerify(good, other, at())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      assert.equal(jwtVerify(otherToken, other, at()).payload.sub, 'eve');
      assert.equal(codeOf(() => jwtVerify(otherToken, SECRET, at())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      assert.equal(codeOf(() => jwtVerify(good, `${SECRET}x`, at())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      assert.equal(codeOf(() => jwtVerify(good, SECRET.slice(0, -1), at())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      const jwk = { kty: 'oct', k: Buffer.from(SECRET).toString('base64url'), alg: 'HS512' };
      assert.equal(codeOf(() => jwtVerify(good, jwk, at())), 'ERR_KEY_INVALID', 'a JWK restriction is not lost to the remembered key');
      // The same secret signs, then comes back as a JWK that may only verify (and the reverse).
      const verifyOnly = { kty: 'oct', k: Buffer.from(SECRET).toString('base64url'), key_ops: ['verify'] };
      const signOnly = { ...verifyOnly, key_ops: ['sign'] };
      assert.equal(typeof signJwt({ n: round }, SECRET), 'string');
      assert.equal(codeOf(() => signJwt({ n: round }, verifyOnly)), 'ERR_KEY_INVALID', 'key_ops is not lost to the remembered key');
      assert.equal(typeof signJwt({ n: round }, signOnly), 'string');
      assert.equal(codeOf(() => signJwt({ n: round }, verifyOnly)), 'ERR_KEY_INVALID');
      assert.equal(jwtVerify(good, verifyOnly, at()).payload.sub, 'ada');
      assert.equal(codeOf(() => jwtVerify(good, signOnly, at())), 'ERR_KEY_INVALID');
      assert.equal(jwtVerify(good, SECRET, at()).payload.sub, 'ada');
      const options = at({ issuer: 'me' });
      assert.equal(jwtVerify(good, SECRET, options).payload.sub, 'ada');
      options.issuer = 'someone-else';
      assert.equal(codeOf(() => jwtVerify(good, SECRET, options)), 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'a mutated options object is read again');
      const signedA = signJwt({ n: round }, SECRET);
      const signedB = signJwt({ n: round }, other);
      assert.notEqual(signedA, signedB);
      assert.equal(jwtVerify(signedB, other).payload.n, round);
      assert.equal(codeOf(() => jwtVerify(signedA, other)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    }
  });

  test('options equal to the last call\'s reuse their text, and every change is still honoured', () => {
    // Without currentDate, so that the options text of the last call is reused (js/errors.js).
    const live = signJwt({ sub: 'ada', iss: 'me', aud: 'api', exp: Math.floor(Date.now() / 1000) + 3600 }, SECRET);
    const pass = (options, message) => assert.equal(jwtVerify(live, SECRET, options).payload.sub, 'ada', message);
    const fail = (options, code, message) => assert.equal(codeOf(() => jwtVerify(live, SECRET, options)), code, message);
    for (let round = 0; round < 2; round += 1) {
      const options = { issuer: 'me', audience: ['x'] };
      fail(options, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      options.audience[0] = 'api';
      pass(options, 'an array element changed in place');
      options.audience.push('y');
      pass(options, 'an array grown in place');
      options.audience.length = 0;
      options.audience.push('z');
      fail(options, 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'an array emptied and refilled');
      pass({ audience: 'api', issuer: 'me' }, 'the same members in another order');
      fail({ audience: 'api', issuer: 'me', subject: 'eve' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'a member added');
      pass({ audience: 'api', issuer: 'me', subject: undefined }, 'a member undefined is a member left out');
      fail({ audience: 'api', issuer: ['you'] }, 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'a string turned into an array');
      pass({ audience: 'api', issuer: ['me'] });
      fail({ audience: 'api', issuer: ['me'], maxTokenAge: 1 }, 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'no iat to judge');
      fail({ audience: 'api', issuer: ['me'], maxTokenAge: true }, 'ERR_OPTIONS_INVALID', 'a number turned into a boolean');
      fail({ audience: 'api', issuer: ['me'], maxTokenAge: 1 }, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      fail({ audience: 'api', issuer: ['me'], maxTokenAge: '1' }, 'ERR_OPTIONS_INVALID', 'a number turned into a string');
      pass({ clockTolerance: 0 });
      pass({ clockTolerance: -0 }, 'minus zero is written as zero');
      fail({ clockTolerance: null }, 'ERR_OPTIONS_INVALID', 'zero turned into null');
    }
    // Options whose items, written out flat without marks around arrays and objects, would be
    // the same: an array's end against an empty array, an object's members against a string and
    // an empty object.
    const message = (options) => {
      try {
        jwtVerify(live, SECRET, options);
        return 'verified';
      } catch (error) {
        return error.message;
      }
    };
    for (let round = 0; round < 2; round += 1) {
      assert.equal(message({ audience: ['api', 'b'], issuer: 'me' }), 'verified');
      assert.match(message({ audience: 'api', b: [], issuer: 'me' }), /unknown option "b"/);
      assert.equal(message({ audience: ['api', 'b'], issuer: 'me' }), 'verified');
      assert.match(message({ issuer: { b: 'c' }, d: 'e' }), /"issuer" must be a string/);
      assert.match(message({ issuer: 'b', c: {}, d: 'e' }), /unknown option "c"/);
      assert.match(message({ issuer: { b: 'c' }, d: 'e' }), /"issuer" must be a string/);
      assert.match(message({ audience: ['api', 'b'], issuer: 'x' }), /"iss" claim/);
      assert.equal(message({ audience: ['api', 'b', 'issuer', 'x'] }), 'verified');
      assert.equal(message({ crit: {}, issuer: 'me' }), 'verified');
      assert.match(message({ crit: { issuer: 'me' } }), /"crit" must be an object of booleans/);
      assert.match(message({ issuer: null, audience: 'api' }), /"issuer" must be .*not null/);
      assert.match(message({ issuer: 'audience', api: null }), /unknown option "api"/);
    }
    // Nested objects: crit lists the extensions a caller understands.
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', crit: ['ext'], ext: 1 })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'ada' })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    const critical = `${header}.${payload}.${mac}`;
    for (let round = 0; round < 2; round += 1) {
      const options = { crit: { ext: true } };
      assert.equal(jwtVerify(critical, SECRET, options).payload.sub, 'ada');
      options.crit = { other: true };
      assert.equal(codeOf(() => jwtVerify(critical, SECRET, options)), 'ERR_JOSE_NOT_SUPPORTED', 'a nested object changed');
      assert.equal(jwtVerify(critical, SECRET, { crit: { ext: true } }).payload.sub, 'ada');
      assert.equal(codeOf(() => jwtVerify(critical, SECRET, { crit: {} })), 'ERR_JOSE_NOT_SUPPORTED', 'a nested member taken out');
      assert.equal(jwtVerify(critical, SECRET, { crit: { other: true, ext: true } }).payload.sub, 'ada', 'a nested member added');
      assert.equal(codeOf(() => jwtVerify(critical, SECRET, { crit: { other: true, ext: 1 } })), 'ERR_OPTIONS_INVALID', 'a nested boolean turned into a number');
    }
  });

  test('a getter of the options calling in with options of its own: each call answers by its own', () => {
    // The entry reads options into an array it keeps for the purpose (js/errors.js): a call made
    // while it is being filled must not write into it.
    const forApi = signJwt({ sub: 'ada', iss: 'me', aud: 'api' }, SECRET);
    const forWeb = signJwt({ sub: 'bob', iss: 'you', aud: 'web' }, SECRET);
    const webOptions = () => ({ audience: 'web', issuer: 'you', subject: 'bob' });
    for (let round = 0; round < 3; round += 1) {
      let inner;
      const outer = {
        audience: 'api',
        get issuer() {
          inner = jwtVerify(forWeb, SECRET, webOptions()).payload.sub;
          return 'me';
        },
        subject: 'ada',
      };
      assert.equal(jwtVerify(forApi, SECRET, outer).payload.sub, 'ada', `round ${round}`);
      assert.equal(inner, 'bob');
      assert.equal(codeOf(() => jwtVerify(forWeb, SECRET, { audience: 'api', issuer: 'me', subject: 'ada' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      assert.equal(jwtVerify(forWeb, SECRET, webOptions()).payload.sub, 'bob');
      assert.equal(codeOf(() => jwtVerify(forApi, SECRET, webOptions())), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      // A sign inside a verify's options, and the other way round.
      let signed;
      const verifyOptions = { audience: 'api', get issuer() { signed = signJwt({}, SECRET, { subject: 'carol', audience: 'web' }); return 'me'; } };
      assert.equal(jwtVerify(forApi, SECRET, verifyOptions).payload.sub, 'ada');
      assert.deepEqual([decodeJwt(signed).sub, decodeJwt(signed).aud], ['carol', 'web']);
      const signOptions = { audience: 'web', get subject() { inner = jwtVerify(forApi, SECRET, { audience: 'api' }).payload.sub; return 'dave'; } };
      const token = signJwt({}, SECRET, signOptions);
      assert.deepEqual([decodeJwt(token).sub, decodeJwt(token).aud, inner], ['dave', 'web', 'ada']);
      // A JWK is read as options are: one whose getter calls in with options.
      const jwk = { kty: 'oct', get k() { inner = jwtVerify(forWeb, SECRET, webOptions()).payload.sub; return Buffer.from(SECRET).toString('base64url'); }, alg: 'HS256' };
      inner = undefined;
      assert.equal(jwtVerify(forApi, jwk, { audience: 'api', issuer: 'me' }).payload.sub, 'ada');
      assert.equal(inner, 'bob');
      assert.equal(jwtVerify(forWeb, SECRET, webOptions()).payload.sub, 'bob');
    }
  });

  test('options that read as the last call\'s are reused with their time: a currentDate only while the same, the clock read at each call', () => {
    const soon = signJwt({ sub: 'x' }, SECRET, { expirationTime: '60s', currentDate: NOW });
    const answer = (call) => {
      try {
        return call().payload.sub === 'x' ? 'ok' : 'wrong payload';
      } catch (error) {
        return error.code;
      }
    };
    const steps = [[NOW_S, 'ok'], [NOW_S + 60, 'ERR_JWT_EXPIRED'], [NOW_S + 60, 'ERR_JWT_EXPIRED'], [NOW_S + 1, 'ok'], [NOW_S + 1, 'ok']];
    const verifyOptions = { algorithms: ['HS256'] };
    const signOptions = { expirationTime: '1m', issuedAt: true };
    const realNow = Date.now;
    let millis = 0;
    Date.now = () => millis;
    try {
      for (const [time, code] of steps) {
        millis = time * 1000;
        assert.equal(answer(() => jwtVerify(soon, SECRET, verifyOptions)), code, `by the clock at ${time - NOW_S} s`);
        const claims = decodeJwt(signJwt({}, SECRET, signOptions));
        assert.deepEqual([claims.iat, claims.exp], [time, time + 60], `signed by the clock at ${time - NOW_S} s`);
      }
    } finally {
      Date.now = realNow;
    }
    for (const [time, code] of steps) {
      const currentDate = new Date(time * 1000);
      assert.equal(answer(() => jwtVerify(soon, SECRET, { ...verifyOptions, currentDate })), code, `at ${time - NOW_S} s`);
      const claims = decodeJwt(signJwt({}, SECRET, { ...signOptions, currentDate }));
      assert.deepEqual([claims.iat, claims.exp], [time, time + 60], `signed at ${time - NOW_S} s`);
    }
  });

  test('createVerifier is reusable and is a Verifier', () => {
    const verifier = createVerifier(SECRET, at({ algorithms: ['HS256'], issuer: 'me' }));
    assert.ok(verifier instanceof Verifier);
    for (let i = 0; i < 100; i += 1) assert.equal(verifier.verify(good).payload.sub, 'ada');
    assert.equal(codeOf(() => verifier.verify(`${good}x`)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    verifier.free();
  });

  test('a Verifier\'s method called without it (taken off, as map takes it) is a TypeError that says how to call it', () => {
    const verifier = createVerifier(SECRET, at());
    const { verify, free } = verifier;
    for (const [call, method] of [[() => verify(good), 'verify'], [() => [good].map(verifier.verify), 'verify'], [() => verify.call({}, good), 'verify'], [() => free(), 'free']]) {
      assert.throws(call, (error) => error instanceof TypeError && error.message.startsWith(`${method}() was called without its Verifier`) && error.message.includes(`call it as verifier.${method}(`), method);
    }
    assert.equal([good].map((token) => verifier.verify(token))[0].payload.sub, 'ada');
    verifier.free();
    assert.throws(() => verifier.verify(good), { name: 'TypeError', message: 'this Verifier has been freed' });
  });

  test('createVerifier refuses at once a JWK no token could verify with; jwtVerify judges the token first, as jose does', () => {
    const k = Buffer.from(SECRET).toString('base64url');
    const cases = [
      [{ kty: 'oct', k, key_ops: ['sign'] }, at(), 'the JWK "key_ops" does not include "verify"'],
      [{ kty: 'oct', k, key_ops: [] }, at(), 'the JWK "key_ops" does not include "verify"'],
      [{ kty: 'oct', k, alg: 'HS512' }, at({ algorithms: ['HS256'] }), 'the JWK "alg" (HS512) is not in the allowed algorithms, so no token could verify'],
    ];
    for (const [jwk, options, message] of cases) {
      assert.equal(messageOf(() => createVerifier(jwk, options)), `ERR_KEY_INVALID: ${message}`);
      assert.equal(codeOf(() => jwtVerify(good, jwk, options)), 'ERR_KEY_INVALID');
      assert.equal(codeOf(() => jwtVerify('not.a.token', jwk, options)), 'ERR_JWS_INVALID');
    }
    // A JWK that can verify some token is taken, whatever the token will be.
    assert.equal(createVerifier({ kty: 'oct', k, alg: 'HS256', key_ops: ['sign', 'verify'] }, at({ algorithms: ['HS256', 'HS512'] })).verify(good).payload.sub, 'ada');
    assert.equal(codeOf(() => createVerifier({ kty: 'oct', k, alg: 'HS512' }, at()).verify(good)), 'ERR_KEY_INVALID');
  });

  test('results are what JSON.parse makes of the result text, a fresh object every call, whatever the header', () => {
    const verifiers = [createVerifier(SECRET, at()), createVerifier(SECRET, at({ cache: true }))];
    const calls = [...verifiers.map((v) => (token) => v.verify(token)), (token) => jwtVerify(token, SECRET, at())];
    const headers = [
      { typ: 'JWT' },
      // Scalars of every kind, and a "__proto__" member (an own property after JSON.parse).
      JSON.parse('{"typ":"JWT","kid":"k1","__proto__":"own","n":1.5,"b":true,"z":null}'),
      // A nested value: never shared between results either.
      { typ: 'JWT', ext: { list: [1, 2] } },
      { typ: 'JWT' },
      { typ: 'at+jwt' },
    ];
    for (const header of headers) {
      const token = signJwt({ sub: 'ada', n: [1] }, SECRET, { header, currentDate: NOW });
      const text = `{"payload":${Buffer.from(token.split('.')[1], 'base64url')},"protectedHeader":${Buffer.from(token.split('.')[0], 'base64url')}}`;
      for (const verify of calls) {
        const first = verify(token);
        const expected = JSON.parse(text);
        assert.deepEqual(first, expected);
        assert.deepEqual(Object.keys(first), ['payload', 'protectedHeader']);
        assert.deepEqual(Object.keys(first.protectedHeader), Object.keys(expected.protectedHeader));
        assert.equal(Object.hasOwn(first.protectedHeader, '__proto__'), Object.hasOwn(expected.protectedHeader, '__proto__'));
        // Changing one result, nested values included, changes no later one.
        first.protectedHeader.alg = 'none';
        first.protectedHeader.added = 1;
        delete first.protectedHeader.typ;
        first.protectedHeader.ext?.list.push(3);
        first.payload.n.push(2);
        const second = verify(token);
        assert.notEqual(second.protectedHeader, first.protectedHeader);
        assert.deepEqual(second, JSON.parse(text));
      }
    }
    for (const verifier of verifiers) verifier.free();
  });

  test('a JSON.parse replaced after load sees no kept header and changes no later result', () => {
    const token = signJwt({ sub: 'ada' }, SECRET, { header: { kid: 'replaced-parse' }, currentDate: NOW });
    const expected = { payload: { sub: 'ada' }, protectedHeader: { alg: 'HS256', kid: 'replaced-parse' } };
    const original = JSON.parse;
    const seen = [];
    JSON.parse = (text, reviver) => {
      const value = original(text, reviver);
      if (value !== null && typeof value === 'object') seen.push(value);
      return value;
    };
    try {
      for (let i = 0; i < 3; i += 1) assert.deepEqual(jwtVerify(token, SECRET, at()), expected);
      for (const value of seen) Object.assign(value, { kid: 'EVIL', extra: {} });
    } finally {
      JSON.parse = original;
    }
    assert.deepEqual(jwtVerify(token, SECRET, at()), expected);
    assert.deepEqual(createVerifier(SECRET, at()).verify(token), expected);
  });

  test('results stay right with headers alternating beyond the few kept', () => {
    const tokens = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((kid) => [kid, signJwt({ sub: kid }, SECRET, { header: { kid }, currentDate: NOW })]);
    const verifier = createVerifier(SECRET, at());
    for (let round = 0; round < 3; round += 1) {
      for (const [kid, token] of tokens) {
        assert.deepEqual(verifier.verify(token), { payload: { sub: kid }, protectedHeader: { alg: 'HS256', kid } });
      }
    }
    verifier.free();
  });

  test('without currentDate, the clock (Date.now) is read on every call, verifier or not', () => {
    const soon = signJwt({ sub: 'x', nbf: NOW_S - 10 }, SECRET, { expirationTime: '60s', currentDate: NOW });
    const verifier = createVerifier(SECRET);
    const realNow = Date.now;
    let millis = NOW_S * 1000;
    Date.now = () => millis;
    try {
      // Before nbf, valid, at exp (expired), valid again: the same verifier each time.
      for (const [at, code] of [[NOW_S, 'ok'], [NOW_S - 11, 'ERR_JWT_CLAIM_VALIDATION_FAILED'], [NOW_S + 59, 'ok'], [NOW_S + 60, 'ERR_JWT_EXPIRED'], [NOW_S + 1, 'ok']]) {
        millis = at * 1000;
        const answer = (call) => {
          try {
            assert.equal(call().payload.sub, 'x');
            return 'ok';
          } catch (error) {
            return error.code;
          }
        };
        assert.equal(answer(() => verifier.verify(soon)), code, `verifier at ${at - NOW_S} s`);
        assert.equal(answer(() => jwtVerify(soon, SECRET)), code, `jwtVerify at ${at - NOW_S} s`);
        assert.equal(isExpired(soon), code === 'ERR_JWT_EXPIRED', `isExpired at ${at - NOW_S} s`);
        assert.equal(expiryInfo(soon).secondsLeft, NOW_S + 60 - at, `expiryInfo at ${at - NOW_S} s`);
      }
    } finally {
      Date.now = realNow;
    }
    // Fake timers (Vitest's, Jest's, Sinon's) replace the global Date itself: its now() is the
    // clock (the real one is long past the token's exp).
    const RealDate = Date;
    globalThis.Date = class FakeDate extends RealDate {
      static now() {
        return (NOW_S + 30) * 1000;
      }
    };
    try {
      assert.equal(verifier.verify(soon).payload.sub, 'x');
      assert.equal(jwtVerify(soon, SECRET).payload.sub, 'x');
      assert.equal(isExpired(soon), false);
      assert.equal(expiryInfo(soon).secondsLeft, 30);
      assert.equal(decodeJwt(signJwt({}, SECRET, { expirationTime: '1h' })).exp, NOW_S + 30 + 3600);
    } finally {
      globalThis.Date = RealDate;
    }
    verifier.free();
  });

  test('claim errors carry claim and reason', () => {
    try {
      jwtVerify(good, SECRET, at({ audience: 'web' }));
      assert.fail('should throw');
    } catch (error) {
      assert.equal(error.code, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      assert.equal(error.claim, 'aud');
      assert.equal(error.reason, 'check_failed');
    }
  });

  test('options are checked: unknown names and wrong types throw ERR_OPTIONS_INVALID', () => {
    const bad = [
      'nope', [], { issuers: 'me' }, { issuer: 5 }, { issuer: () => 'me' }, { algorithms: 'HS256' },
      { algorithms: [''] }, { algorithms: ['HS256', ''] },
      { clockTolerance: true }, { clockTolerance: 'soon' }, { clockTolerance: -1 }, { currentDate: 0 },
      { currentDate: new Date(NaN) }, { maxTokenLength: 0 }, { requiredClaims: 'exp' }, { crit: ['x'] },
      // What JSON.stringify would not see must not switch a check off: inherited options, class
      // getters, and a toJSON that hides a value.
      Object.create({ issuer: 'someone-else' }),
      new (class { get issuer() { return 'someone-else'; } })(),
      { issuer: { toJSON() { return undefined; } } },
      { audience: [new String('api')] },
      new Map([['issuer', 'me']]),
    ];
    for (const options of bad) {
      assert.equal(codeOf(() => jwtVerify(good, SECRET, options)), 'ERR_OPTIONS_INVALID', JSON.stringify(options));
      assert.equal(codeOf(() => createVerifier(SECRET, options)), 'ERR_OPTIONS_INVALID', JSON.stringify(options));
    }
  });

  test('a lone UTF-16 surrogate in an option or a JWK is refused, and the message says so', () => {
    const messageOf = (call) => {
      try {
        call();
      } catch (error) {
        return `${error.code}: ${error.message}`;
      }
      return 'no error';
    };
    const jwk = { kty: 'oct', k: Buffer.from(SECRET).toString('base64url') };
    for (const lone of ['\ud800', '\udfff', 'a\udc00b', '\ud83d']) {
      assert.match(messageOf(() => jwtVerify(good, SECRET, at({ issuer: lone }))), /^ERR_OPTIONS_INVALID: the options hold a string with a lone UTF-16 surrogate/);
      assert.match(messageOf(() => jwtVerify(good, SECRET, at({ audience: ['api', lone] }))), /^ERR_OPTIONS_INVALID: the options hold a string with a lone UTF-16 surrogate/);
      assert.match(messageOf(() => createVerifier(SECRET, { subject: lone })), /^ERR_OPTIONS_INVALID: the options hold a string with a lone UTF-16 surrogate/);
      assert.match(messageOf(() => signJwt({}, SECRET, { issuer: lone })), /^ERR_OPTIONS_INVALID: the options hold a string with a lone UTF-16 surrogate/);
      assert.match(messageOf(() => jwtVerify(good, { ...jwk, kid: lone }, at())), /^ERR_JWK_INVALID: the JWK holds a string with a lone UTF-16 surrogate/);
      // Signing makes no token that verification would refuse: in the payload, at any depth or
      // in a name, and in a header member.
      for (const payload of [{ a: lone }, { a: [{ b: lone }] }, { [lone]: 1 }]) {
        assert.match(messageOf(() => signJwt(payload, SECRET)), /^ERR_JWT_INVALID: .*lone UTF-16 surrogate/);
        assert.match(messageOf(() => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(SECRET)), /^ERR_JWT_INVALID: /);
      }
      assert.match(messageOf(() => signJwt({}, SECRET, { header: { kid: lone } })), /^ERR_OPTIONS_INVALID: the options hold a string with a lone UTF-16 surrogate/);
      assert.match(messageOf(() => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(lone).sign(SECRET)), /^ERR_OPTIONS_INVALID: /);
    }
    // A whole pair is text like any other.
    assert.equal(messageOf(() => jwtVerify(good, SECRET, at({ issuer: '\ud83d\ude00' }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED: the "iss" claim does not match the "issuer" option');
  });

  test('a Date is taken only where an option is a time, never read as its ISO text', () => {
    // A token whose claims hold the ISO text of a Date: a Date given as the option expecting them
    // must be refused, not turned into that text and matched.
    const epoch = new Date(0);
    const text = epoch.toISOString();
    const token = signJwt({ iss: text, sub: text, aud: text, [text]: 1 }, SECRET, { header: { typ: text } });
    const verifyOptions = [
      { issuer: epoch }, { issuer: [epoch] }, { audience: epoch }, { audience: [epoch] }, { subject: epoch },
      { typ: epoch }, { requiredClaims: [epoch] }, { clockTolerance: epoch }, { maxTokenAge: epoch },
      { algorithms: [epoch] }, { crit: { b64: epoch } }, { ['__proto__']: epoch },
    ];
    for (const options of verifyOptions) {
      assert.equal(codeOf(() => jwtVerify(token, SECRET, options)), 'ERR_OPTIONS_INVALID', Object.keys(options)[0]);
      assert.equal(codeOf(() => createVerifier(SECRET, options)), 'ERR_OPTIONS_INVALID', Object.keys(options)[0]);
    }
    assert.equal(codeOf(() => isExpired(token, { clockTolerance: epoch })), 'ERR_OPTIONS_INVALID');
    const signOptions = [
      { issuer: epoch }, { subject: epoch }, { jti: epoch }, { audience: epoch }, { audience: [epoch] },
      { alg: epoch }, { header: epoch }, { header: { kid: epoch } },
      // The ISO text itself is a string like any other, and not a duration.
      { expirationTime: text },
    ];
    for (const options of signOptions) {
      assert.equal(codeOf(() => signJwt({}, SECRET, options)), 'ERR_OPTIONS_INVALID', JSON.stringify(options));
    }
    const k = Buffer.from(SECRET).toString('base64url');
    assert.equal(codeOf(() => jwtVerify(token, { kty: 'oct', k, exp: epoch })), 'ERR_JWK_INVALID');
    // Where a Date is a time, it still is, alone or beside the other options.
    assert.equal(jwtVerify(token, SECRET, { issuer: text, currentDate: NOW }).payload.iss, text);
    assert.equal(createVerifier(SECRET, { currentDate: NOW, subject: text }).verify(token).payload.sub, text);
    const timed = signJwt({}, SECRET, { notBefore: epoch, issuer: text, expirationTime: new Date(5_999), currentDate: NOW });
    assert.deepEqual(decodeJwt(timed), { nbf: 0, iss: text, exp: 5 });
    // The Dates cross after the options' text, past a NUL that JSON writes only escaped: a NUL
    // or a quote in a value or in a Date member's name cannot move that boundary.
    const nul = signJwt({ iss: 'a\0"b', exp: NOW_S + 60 }, SECRET);
    assert.equal(jwtVerify(nul, SECRET, { issuer: 'a\0"b', currentDate: NOW }).payload.iss, 'a\0"b');
    assert.equal(codeOf(() => jwtVerify(nul, SECRET, { issuer: 'a\0"c', currentDate: NOW })), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    for (const name of ['x"\0{', '\0', 'currentDate\0']) {
      assert.equal(codeOf(() => jwtVerify(nul, SECRET, { [name]: NOW })), 'ERR_OPTIONS_INVALID', JSON.stringify(name));
    }
  });

  test('currentDate: undefined means the current time; null is refused like any null option', () => {
    const fresh = signJwt({ sub: 'now' }, SECRET, { expirationTime: '1m' });
    assert.equal(jwtVerify(fresh, SECRET, { currentDate: undefined }).payload.sub, 'now');
    assert.equal(codeOf(() => jwtVerify(fresh, SECRET, { currentDate: null })), 'ERR_OPTIONS_INVALID');
    assert.equal(codeOf(() => isExpired(fresh, { currentDate: null })), 'ERR_OPTIONS_INVALID');
  });

  test('a token that is no string is named by its type, never its value; a missing one is said to be', () => {
    const verifier = createVerifier(SECRET, at());
    const calls = [
      ['ERR_JWS_INVALID', (token) => jwtVerify(token, SECRET, at())], ['ERR_JWS_INVALID', (token) => verifier.verify(token)],
      ['ERR_JWT_INVALID', decodeJwt], ['ERR_JWS_INVALID', decodeProtectedHeader], ['ERR_JWT_INVALID', isExpired], ['ERR_JWT_INVALID', (token) => expiryInfo(token)],
    ];
    for (const [code, call] of calls) {
      assert.equal(messageOf(() => call(undefined)), `${code}: the token must be a string (got undefined): is the header or cookie it comes from missing?`);
      assert.equal(messageOf(() => call(null)), `${code}: the token must be a string (got null): is the header or cookie it comes from missing?`);
      assert.equal(messageOf(() => call(42)), `${code}: the token must be a string (got number)`);
      assert.equal(messageOf(() => call({ token: good })), `${code}: the token must be a string (got object)`);
      assert.equal(messageOf(() => call(new String(good))), `${code}: the token must be a string (got object)`);
    }
  });

  test('a refusal names the option it is about, and where there is one, what to do', () => {
    const token = signJwt({ iss: 'them', sub: 'b', aud: 'web' }, SECRET, { header: { typ: 'JWT' } });
    const refusals = [
      [at({ issuer: 'me' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED: the "iss" claim does not match the "issuer" option'],
      [at({ subject: 'a' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED: the "sub" claim does not match the "subject" option'],
      [at({ audience: ['api', 'admin'] }), 'ERR_JWT_CLAIM_VALIDATION_FAILED: the "aud" claim holds none of the "audience" option\'s values'],
      [at({ typ: 'at+jwt' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED: the "typ" header parameter does not match the "typ" option'],
      [at({ algorithms: ['HS512'] }), 'ERR_JOSE_ALG_NOT_ALLOWED: the token\'s "alg" is not in the "algorithms" option'],
    ];
    for (const [options, message] of refusals) assert.equal(messageOf(() => jwtVerify(token, SECRET, options)), message);
    const input = `${Buffer.from('{"alg":"HS256","crit":["exp"],"exp":1}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}`;
    const critical = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    assert.equal(messageOf(() => jwtVerify(critical, SECRET)),
      'ERR_JOSE_NOT_SUPPORTED: a critical header extension is not recognised (one the application checks itself is named in the "crit" option: { crit: { name: true } })');
    assert.equal(jwtVerify(critical, SECRET, { crit: { exp: true } }).protectedHeader.exp, 1);
    assert.equal(messageOf(() => jwtVerify(token, '')), 'ERR_KEY_INVALID: the secret key is empty (is the variable or file it comes from empty?)');
    // A verify's length cap is an option's, and its refusal names it; a decode's is fixed.
    const long = signJwt({ pad: 'x'.repeat(70_000) }, SECRET);
    const capped = 'ERR_JWT_TOO_LONG: the token is longer than 65536 bytes, the "maxTokenLength" option\'s cap (65536 unless set)';
    const verifier = createVerifier(SECRET, at());
    const verifierCached = createVerifier(SECRET, at({ cache: true }));
    for (const token of [long, `${long}\u20ac`]) {
      assert.equal(messageOf(() => jwtVerify(token, SECRET, at())), capped);
      assert.equal(messageOf(() => verifier.verify(token)), capped);
      assert.equal(messageOf(() => verifierCached.verify(token)), capped);
      assert.equal(messageOf(() => decodeJwt(token)), 'ERR_JWT_TOO_LONG: the token is longer than 65536 bytes');
      assert.equal(messageOf(() => expiryInfo(token)), 'ERR_JWT_TOO_LONG: the token is longer than 65536 bytes');
    }
    verifier.free();
    verifierCached.free();
    assert.equal(messageOf(() => jwtVerify(good, SECRET, at({ maxTokenLength: 100 }))),
      'ERR_JWT_TOO_LONG: the token is longer than 100 bytes, the "maxTokenLength" option\'s cap (65536 unless set)');
  });

  test('keys are checked', () => {
    for (const key of [42, null, undefined, true, [1, 2], '', new Uint8Array(0), { kty: 'oct', k: '' }, { kty: 'RSA' }]) {
      assert.equal(codeOf(() => jwtVerify(good, key, at())), 'ERR_KEY_INVALID', String(key));
    }
    // The message says what was wrong: a missing key (an unset variable) is not taken for a CryptoKey.
    for (const key of [undefined, null]) {
      for (const call of [() => jwtVerify(good, key, at()), () => createVerifier(key), () => signJwt({}, key)]) {
        assert.match(messageOf(call), /^ERR_KEY_INVALID: the key is missing \(undefined or null\)/, String(key));
      }
    }
    assert.match(messageOf(() => jwtVerify(good, 42, at())), /must be a string, a Uint8Array or an "oct" JWK object$/);
    assert.match(messageOf(() => jwtVerify(good, new Map(), at())), /\(a CryptoKey or KeyObject is not taken either: pass the secret's bytes\)$/);
    // PEM text (a public key for RS256, say) is no HMAC secret: taken as one, anyone who has the
    // public key could sign tokens (algorithm confusion), as signJwt below would have shown.
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq1\n-----END PUBLIC KEY-----\n';
    for (const key of [pem, ` \n${pem}`, new TextEncoder().encode(pem), Buffer.from(pem)]) {
      for (const call of [() => jwtVerify(good, key, at()), () => createVerifier(key), () => signJwt({ sub: 'admin' }, key)]) {
        assert.match(messageOf(call), /^ERR_KEY_INVALID: the key is PEM text \(-----BEGIN \.\.\.\), not a secret: /);
      }
    }
    // fast-jwt's createVerifier({ key, ...options }) and options given in the key's place are
    // said as what they are, not only as a JWK without "kty".
    for (const call of [() => createVerifier({ key: SECRET, algorithms: ['HS256'] }), () => jwtVerify(good, { algorithms: ['HS256'], secret: SECRET }), () => signJwt({}, { key: SECRET })]) {
      assert.equal(messageOf(call), 'ERR_JWK_INVALID: the JWK has no "kty": an object holding the secret as "key" or "secret" (fast-jwt\'s and jsonwebtoken\'s form) is not a key here; pass the secret itself as the key, and the options apart');
    }
    for (const options of [{ issuer: 'me' }, { cache: true }, { expiresIn: '1h' }, { allowedAud: 'api' }]) {
      assert.equal(messageOf(() => jwtVerify(good, options)), 'ERR_JWK_INVALID: the JWK has no "kty": the object given as the key looks like options; pass the key first, then the options');
    }
    assert.equal(messageOf(() => jwtVerify(good, { k: 'c2VjcmV0' })), 'ERR_JWK_INVALID: the JWK has no "kty"');
    // Bytes in another view are told how to pass them.
    const bytes = new TextEncoder().encode(SECRET);
    // So are another realm's (a test runner's jsdom window, a vm context), and a SharedArrayBuffer.
    const [otherBuffer, otherView, otherArray] = runInNewContext('[new ArrayBuffer(40), new DataView(new ArrayBuffer(8)), new Uint16Array(4)]');
    const views = [bytes.buffer, new DataView(bytes.buffer), new Int8Array(bytes.buffer), new Uint16Array(2), otherBuffer, otherView, otherArray, new SharedArrayBuffer(40)];
    for (const view of views) {
      assert.match(messageOf(() => jwtVerify(good, view, at())), /\(for an ArrayBuffer, a DataView or another typed array, pass a Uint8Array over the same bytes: new Uint8Array\(buffer, offset, length\)\)$/, String(view));
    }
    // jose's jwtVerify also takes a function that resolves the key; here the message says so.
    for (const resolver of [() => SECRET, async () => SECRET]) {
      for (const call of [() => jwtVerify(good, resolver, at()), () => createVerifier(resolver), () => signJwt({}, resolver)]) {
        assert.match(messageOf(call), /^ERR_KEY_INVALID: .*\(not a function: choose the key before the call, where jose would call a key resolver\)$/);
      }
    }
    const k = Buffer.from(SECRET).toString('base64url');
    // A JWK's JSON text (as read from an environment variable or a file) is not taken for a secret,
    // which would fail every token's signature with nothing to say why.
    const jwkText = `${JSON.stringify({ kty: 'oct', k }, null, 1)}\n`;
    const jwkBytes = new TextEncoder().encode(jwkText);
    for (const call of [() => jwtVerify(good, jwkText, at()), () => createVerifier(jwkText), () => signJwt({}, jwkText), () => jwtVerify(good, jwkBytes, at()), () => signJwt({}, jwkBytes)]) {
      const message = messageOf(call);
      assert.match(message, /^ERR_KEY_INVALID: the key is a JWK's JSON text, not a secret: pass the JWK object \(JSON\.parse the text first\)$/);
    }
    assert.equal(jwtVerify(good, JSON.parse(jwkText), at()).payload.sub, 'ada');
    const braced = '{"not":"a jwk"} but a secret';
    assert.equal(jwtVerify(signJwt({ sub: 'b' }, braced), braced, at()).payload.sub, 'b');
    const badJwks = [
      {}, { kty: 'oct' }, { kty: 'oct', k: 5 }, { kty: 'oct', k: 'a=' },
      // As jose refuses them: a non-boolean `ext`, an operation named twice (RFC 7517 4.3).
      { kty: 'oct', k, ext: 'x' }, { kty: 'oct', k, key_ops: ['verify', 'verify'] },
    ];
    for (const key of badJwks) {
      assert.equal(codeOf(() => jwtVerify(good, key, at())), 'ERR_JWK_INVALID', JSON.stringify(key));
    }
    assert.equal(jwtVerify(good, { kty: 'oct', k, ext: true, key_ops: ['sign', 'verify'] }, at()).payload.sub, 'ada');
    // Other members may hold any JSON data.
    assert.equal(jwtVerify(good, { kty: 'oct', k, x: { nested: [null, 1, 'a', true] }, y: null }, at()).payload.sub, 'ada');
  });
});

describe('expiry', () => {
  test('isExpired and expiryInfo read an unverified token', () => {
    assert.equal(isExpired(good, at()), false);
    assert.equal(isExpired(good, { currentDate: new Date((NOW_S + 60) * 1000) }), true);
    assert.equal(isExpired(good, { currentDate: new Date((NOW_S + 60) * 1000), clockTolerance: '1s' }), false);
    const info = expiryInfo(good, at());
    assert.deepEqual(info.expiresAt, new Date((NOW_S + 60) * 1000));
    assert.deepEqual(info.issuedAt, NOW);
    assert.equal(info.notBefore, null);
    assert.equal(info.secondsLeft, 60);
    // Now counts in whole seconds, rounded down, as in every time check.
    const late = { currentDate: new Date((NOW_S + 59) * 1000 + 999) };
    assert.equal(expiryInfo(good, late).secondsLeft, 1);
    assert.equal(isExpired(good, late), false);
    assert.equal(jwtVerify(good, SECRET, late).payload.sub, 'ada');
  });

  test('secondsLeft is exp - (now - clockTolerance): zero or less exactly when expired, as the README says', () => {
    const exp = 1_700_000_000;
    const at = (seconds, clockTolerance) => expiryInfo(signJwt({ exp: seconds }, SECRET), { currentDate: new Date(exp * 1000), clockTolerance });
    // exp - now + tolerance would be 1e-9 here, though the token is expired.
    assert.deepEqual([at(exp, 1e-9).expired, at(exp, 1e-9).secondsLeft], [true, 0]);
    assert.equal(at(exp + 0.3, 0.1).secondsLeft, (exp + 0.3) - (exp - 0.1));
    assert.notEqual((exp + 0.3) - (exp - 0.1), (exp + 0.3) - exp + 0.1, 'the two forms differ here');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes('`secondsLeft = exp - (now - clockTolerance)`'));
  });

  test('a malformed token or a bad option throws', () => {
    assert.equal(codeOf(() => isExpired('nope')), 'ERR_JWT_INVALID');
    assert.equal(codeOf(() => expiryInfo(good, { leeway: 5 })), 'ERR_OPTIONS_INVALID');
  });

  test('isExpired throws, as jwtVerify would, for any time claim that is not a finite number', () => {
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const claim of ['exp', 'nbf', 'iat']) {
      const token = `${part({ alg: 'HS256' })}.${part({ exp: NOW_S + 60, [claim]: 'soon' })}.c2ln`;
      assert.equal(codeOf(() => isExpired(token)), 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim);
      try {
        isExpired(token);
      } catch ({ claim: named, reason }) {
        assert.deepEqual([named, reason], [claim, 'invalid']);
      }
    }
  });
});

describe('sign', () => {
  test('options holding a Date are written again on every call', () => {
    // The options text of the last call is reused only for the same data (js/errors.js): a Date
    // must never count as the same, or a second token would carry the first one's times.
    for (let round = 0; round < 3; round += 1) {
      for (const seconds of [NOW_S + 60, NOW_S + 120, NOW_S + 120 + round]) {
        const when = new Date(seconds * 1000);
        const token = signJwt({ sub: 'ada' }, SECRET, { expirationTime: when, notBefore: when, currentDate: NOW });
        assert.equal(decodeJwt(token).exp, seconds);
        assert.equal(decodeJwt(token).nbf, seconds);
      }
    }
  });

  test('signJwt sets claims from options with jose meanings', () => {
    const token = signJwt({ role: 'admin', exp: 1 }, SECRET, {
      alg: 'HS512', header: { typ: 'JWT', kid: 'k1' }, currentDate: NOW,
      issuedAt: true, expirationTime: '2h', notBefore: '-5m', issuer: 'me', subject: 'ada', audience: ['a', 'b'], jti: 'id-1',
    });
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS512', typ: 'JWT', kid: 'k1' });
    assert.deepEqual(decodeJwt(token), {
      role: 'admin', exp: NOW_S + 7200, iat: NOW_S, nbf: NOW_S - 300, iss: 'me', sub: 'ada', aud: ['a', 'b'], jti: 'id-1',
    });
    assert.equal(jwtVerify(token, SECRET, at({ algorithms: ['HS512'] })).payload.role, 'admin');
  });

  test('a duration that lands beyond 2^53 - 1 seconds is refused; a number there is written as given', () => {
    const epoch = { currentDate: new Date(0) };
    assert.equal(decodeJwt(signJwt({}, SECRET, { ...epoch, expirationTime: '9007199254740991s' })).exp, 2 ** 53 - 1);
    for (const expirationTime of ['9007199254740992s', '300000000y', '-300000000y']) {
      assert.equal(codeOf(() => signJwt({}, SECRET, { ...epoch, expirationTime })), 'ERR_OPTIONS_INVALID', expirationTime);
      assert.equal(codeOf(() => new SignJWT({}).setExpirationTime(expirationTime).sign(SECRET, epoch)), 'ERR_OPTIONS_INVALID', expirationTime);
    }
    assert.equal(decodeJwt(signJwt({}, SECRET, { ...epoch, expirationTime: 2 ** 60 })).exp, 2 ** 60);
  });

  test('claims set by options and names rewritten with them are written as JSON.stringify writes them (control characters too)', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    const payloadText = (token) => Buffer.from(token.split('.')[1], 'base64url').toString('utf8');
    assert.equal(payloadText(signJwt({}, SECRET, { issuer: controls })), JSON.stringify({ iss: controls }));
    const claims = { [`n${controls}`]: `v${controls}` };
    assert.equal(payloadText(signJwt(claims, SECRET, { subject: controls })), JSON.stringify({ ...claims, sub: controls }));
  });

  test('SignJWT builds the same token as jose would describe it', () => {
    const token = new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: 'HS384', typ: 'at+jwt' })
      .setIssuer('me')
      .setSubject('ada')
      .setAudience('api')
      .setJti('j')
      .setIssuedAt()
      .setNotBefore(new Date((NOW_S - 10) * 1000))
      .setExpirationTime('1h')
      .sign(SECRET, { currentDate: NOW });
    const { payload, protectedHeader } = jwtVerify(token, SECRET, at({ typ: 'at+jwt', issuer: 'me', audience: 'api', subject: 'ada' }));
    assert.deepEqual(protectedHeader, { alg: 'HS384', typ: 'at+jwt' });
    assert.deepEqual(payload, { scope: 'read', iss: 'me', sub: 'ada', aud: 'api', jti: 'j', iat: NOW_S, nbf: NOW_S - 10, exp: NOW_S + 3600 });
  });

  test('SignJWT.sign takes currentDate only: any other option, or options that are not an object, is refused', () => {
    const builder = () => new SignJWT({ sub: 'ada' }).setExpirationTime('1m');
    assert.equal(decodeJwt(builder().sign(SECRET, { currentDate: NOW })).exp, NOW_S + 60);
    assert.equal(typeof decodeJwt(builder().sign(SECRET, { currentDate: undefined })).exp, 'number');
    for (const options of [{ bogus: 1 }, { issuer: 'me' }, { currentDate: NOW, crit: {} }, null, 'now', [NOW], NOW, new Map()]) {
      assert.equal(codeOf(() => builder().sign(SECRET, options)), 'ERR_OPTIONS_INVALID', String(options));
    }
    assert.match(messageOf(() => builder().sign(SECRET, { issuer: 'me' })), /^ERR_OPTIONS_INVALID: unknown option "issuer" of sign\(\)/);
  });

  test('SignJWT refuses a missing value at the setter, and a second protected header, as jose does', () => {
    for (const method of ['setProtectedHeader', 'setIssuer', 'setSubject', 'setAudience', 'setJti', 'setExpirationTime', 'setNotBefore']) {
      const error = (() => {
        try {
          new SignJWT({})[method](undefined);
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      assert.ok(error instanceof JwtError, method);
      assert.equal(error.code, 'ERR_OPTIONS_INVALID', method);
      assert.match(error.message, new RegExp(`^${method}\\(\\) needs a value`), method);
    }
    // Other values, null among them, are judged at sign(), as an option's value.
    const withNull = new SignJWT({}).setIssuer(null);
    assert.equal(messageOf(() => withNull.sign(SECRET)), messageOf(() => signJwt({}, SECRET, { issuer: null })));
    assert.equal(codeOf(() => withNull.sign(SECRET)), 'ERR_OPTIONS_INVALID');
    // setIssuedAt() means now, as in jose.
    assert.equal(decodeJwt(new SignJWT({}).setIssuedAt().sign(SECRET, { currentDate: NOW })).iat, NOW_S);
    const twice = new SignJWT({}).setProtectedHeader({ alg: 'HS256' });
    assert.equal(codeOf(() => twice.setProtectedHeader({ alg: 'HS512' })), 'ERR_OPTIONS_INVALID');
    assert.deepEqual(decodeProtectedHeader(twice.sign(SECRET)), { alg: 'HS256' });
  });

  test('SignJWT.setIssuedAt refuses a boolean at the call, as jose does: false would have signed no iat', () => {
    for (const flag of [true, false]) {
      const error = (() => {
        try {
          new SignJWT({ iat: 1 }).setIssuedAt(flag);
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      assert.ok(error instanceof JwtError, String(flag));
      assert.equal(error.code, 'ERR_OPTIONS_INVALID', String(flag));
      assert.match(error.message, /^setIssuedAt\(\) takes a NumericDate/, String(flag));
    }
    // No value, or undefined, is still now; signJwt's issuedAt still takes true and false.
    assert.equal(decodeJwt(new SignJWT({}).setIssuedAt(undefined).sign(SECRET, { currentDate: NOW })).iat, NOW_S);
    assert.equal(decodeJwt(signJwt({ iat: 1 }, SECRET, { issuedAt: false })).iat, 1);
    assert.equal(decodeJwt(signJwt({}, SECRET, { issuedAt: true, currentDate: NOW })).iat, NOW_S);
  });

  test('a NumericDate given as a number is written as given, fractional or beyond 2^53, as jose writes it', () => {
    const exp = NOW_S + 3600.5;
    const built = new SignJWT({}).setExpirationTime(exp).setNotBefore(1e21).setIssuedAt(NOW_S - 0.25).sign(SECRET);
    assert.deepEqual(decodeJwt(built), { exp, nbf: 1e21, iat: NOW_S - 0.25 });
    assert.deepEqual(decodeJwt(signJwt({}, SECRET, { expirationTime: exp })), { exp });
    // jose's usual pattern, now plus an hour in fractional seconds, verifies.
    const token = new SignJWT({ sub: 'ada' }).setExpirationTime(Date.now() / 1000 + 3600).sign(SECRET);
    assert.equal(jwtVerify(token, SECRET).payload.sub, 'ada');
    // Durations and Dates are still whole seconds.
    assert.deepEqual(decodeJwt(signJwt({}, SECRET, { expirationTime: '1.5s', notBefore: new Date(NOW_S * 1000 + 999), currentDate: NOW })),
      { exp: NOW_S + 2, nbf: NOW_S });
  });

  test('an empty alg is a malformed option, not an unsupported algorithm', () => {
    for (const options of [{ alg: '' }, { header: { alg: '' } }]) {
      assert.equal(codeOf(() => signJwt({}, SECRET, options)), 'ERR_OPTIONS_INVALID', JSON.stringify(options));
    }
    assert.equal(codeOf(() => new SignJWT({}).setProtectedHeader({ alg: '' }).sign(SECRET)), 'ERR_OPTIONS_INVALID');
  });

  test('SignJWT copies its claims when made, as jose does: changing the object later signs nothing new', () => {
    const roles = ['user'];
    const claims = { role: 'user', roles, nested: { level: 1 }, at: new Date(NOW_S * 1000) };
    const builder = new SignJWT(claims);
    claims.role = 'admin';
    roles.push('admin');
    claims.nested.level = 2;
    claims.added = true;
    const signed = decodeJwt(builder.sign(SECRET));
    assert.deepEqual(signed, { role: 'user', roles: ['user'], nested: { level: 1 }, at: new Date(NOW_S * 1000).toISOString() });
    // Signed as signJwt signs the claims as they were: the same token.
    const before = { role: 'user', roles: ['user'], nested: { level: 1 }, at: new Date(NOW_S * 1000) };
    assert.equal(new SignJWT(before).sign(SECRET), signJwt(before, SECRET));
    // What signJwt refuses is still refused at sign(), with its code.
    class Claims {}
    for (const payload of [new Claims(), { big: 1n }, [], null]) {
      assert.equal(codeOf(() => new SignJWT(payload).sign(SECRET)), 'ERR_JWT_INVALID', String(payload));
    }
    // Refused as it was when the builder was made, whatever it has become since.
    const refused = { sub: 'user', big: 1n };
    const throwing = { sub: 'user', get boom() { throw new Error('boom'); } };
    const late = [new SignJWT(refused), new SignJWT(throwing)];
    delete refused.big;
    refused.sub = 'admin';
    Object.defineProperty(throwing, 'boom', { value: 1 });
    for (const builder of late) assert.equal(codeOf(() => builder.sign(SECRET)), 'ERR_JWT_INVALID');
  });

  test('a claim given as undefined is left out, as JSON.stringify leaves it out', () => {
    assert.deepEqual(decodeJwt(signJwt({ sub: undefined, exp: undefined, scope: 'x' }, SECRET)), { scope: 'x' });
  });

  test('signJwt takes a Date as an absolute time, rounded down to the second as jose does', () => {
    const token = signJwt({}, SECRET, { expirationTime: new Date((NOW_S + 90) * 1000 + 999), issuedAt: NOW });
    assert.deepEqual(decodeJwt(token), { exp: NOW_S + 90, iat: NOW_S });
  });

  test('only issuedAt takes true (now): a boolean expiry or not-before is refused, not signed as now', () => {
    assert.deepEqual(decodeJwt(signJwt({}, SECRET, { issuedAt: true, currentDate: NOW })), { iat: NOW_S });
    assert.deepEqual(decodeJwt(signJwt({ iat: 7 }, SECRET, { issuedAt: false })), { iat: 7 });
    for (const name of ['expirationTime', 'notBefore']) {
      for (const flag of [true, false]) {
        assert.equal(messageOf(() => signJwt({}, SECRET, { [name]: flag })),
          `ERR_OPTIONS_INVALID: "${name}" must be a NumericDate, a duration string such as "2h" or a Date (not a boolean)`, `${name}: ${flag}`);
      }
    }
    assert.equal(codeOf(() => new SignJWT({}).setExpirationTime(true).sign(SECRET)), 'ERR_OPTIONS_INVALID');
    assert.equal(codeOf(() => new SignJWT({}).setNotBefore(false).sign(SECRET)), 'ERR_OPTIONS_INVALID');
  });

  test('bad payloads, keys and options throw coded errors', () => {
    const circular = {};
    circular.self = circular;
    for (const payload of [null, 'text', 5, circular, { big: 1n }]) {
      assert.equal(codeOf(() => signJwt(payload, SECRET)), 'ERR_JWT_INVALID', String(payload));
    }
    assert.equal(codeOf(() => signJwt({}, '')), 'ERR_KEY_INVALID');
    assert.equal(codeOf(() => signJwt({}, SECRET, { alg: 'none' })), 'ERR_JOSE_NOT_SUPPORTED');
    assert.equal(codeOf(() => signJwt({}, SECRET, { alg: 'HS256', header: { alg: 'HS512' } })), 'ERR_OPTIONS_INVALID');
    assert.equal(codeOf(() => signJwt({}, SECRET, { expiresIn: '1h' })), 'ERR_OPTIONS_INVALID');
    assert.equal(codeOf(() => signJwt({}, SECRET, { expirationTime: new Date(NaN) })), 'ERR_OPTIONS_INVALID');
    assert.equal(codeOf(() => signJwt({ exp: 'tomorrow' }, SECRET)), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    // Each time claim that is not a finite number gets the error verification would give the token.
    for (const [claim, value] of [['exp', 'x'], ['nbf', null], ['iat', Infinity], ['exp', true]]) {
      try {
        signJwt({ [claim]: value }, SECRET);
        assert.fail(`${claim}: ${value} was signed`);
      } catch (error) {
        assert.deepEqual([error.code, error.claim, error.reason], ['ERR_JWT_CLAIM_VALIDATION_FAILED', claim, 'invalid'], `${claim}: ${value}`);
      }
    }
    assert.equal(codeOf(() => signJwt({}, { kty: 'oct', k: 'c2VjcmV0', key_ops: ['verify'] })), 'ERR_KEY_INVALID');
  });
});

describe('errors', () => {
  test('a token pasted with its "Bearer " scheme, with whitespace or in quotes is refused with a hint', () => {
    const scheme = '; pass the token without the "Bearer " scheme before it';
    const spaced = '; the token has white space around it (trim it)';
    const within = '; the token contains white space, which a JWT never does (pass the token alone, without a scheme or a header\'s name, on one line)';
    const verifier = createVerifier(SECRET);
    const [header, payload, signature] = good.split('.');
    const cases = [
      [`Bearer ${good}`, 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', scheme],
      [`bearer ${good}`, 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', scheme],
      [`${good}\n`, 'ERR_JWS_INVALID: the signature is not base64url', spaced],
      [` ${good}`, 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', spaced],
      ['Bearer', 'ERR_JWS_INVALID: a compact JWS has exactly three segments', scheme],
      ['Bearer ', 'ERR_JWS_INVALID: a compact JWS has exactly three segments', scheme],
      [' \n', 'ERR_JWS_INVALID: the token is only white space', ''],
      ['Bearer  x', 'ERR_JWS_INVALID: a compact JWS has exactly three segments', scheme],
      [`Token ${good}`, 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', within],
      // White space in the payload segment is found by the MAC, before the segment is decoded (as
      // in jose): the code stays the MAC's, and the hint says why.
      [`${header}.${payload.slice(0, 9)}\n${payload.slice(9)}.${signature}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED: signature verification failed', within],
      [`${header}.${payload} .${signature}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED: signature verification failed', within],
      [`${header}.${payload}.${signature.slice(0, -2)}AA`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED: signature verification failed', ''],
      // In quotes, as copied from JSON or a shell, or stored with JSON.stringify.
      [JSON.stringify(good), 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', '; the token is in quotes (remove them)'],
      [`'${good}'`, 'ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8', '; the token is in quotes (remove them)'],
    ];
    for (const [token, message, hint] of cases) {
      assert.equal(messageOf(() => jwtVerify(token, SECRET)), message + hint, JSON.stringify(token));
      assert.equal(messageOf(() => verifier.verify(token)), message + hint, JSON.stringify(token));
    }
    assert.equal(messageOf(() => decodeProtectedHeader(`Bearer ${good}`)),
      `ERR_JWS_INVALID: the protected header is not base64url-encoded UTF-8${scheme}`);
    assert.equal(messageOf(() => decodeJwt('Bearer x')), `ERR_JWT_INVALID: a JWT in compact form has exactly three segments${scheme}`);
    assert.equal(messageOf(() => isExpired('x y')), `ERR_JWT_INVALID: a JWT in compact form has exactly three segments${within}`);
    // An empty token (a header that was not sent) and an encrypted one (five segments) are named.
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn';
    for (const [call, code] of [[(token) => jwtVerify(token, SECRET), 'ERR_JWS_INVALID'], [(token) => verifier.verify(token), 'ERR_JWS_INVALID'],
      [decodeProtectedHeader, 'ERR_JWS_INVALID'], [decodeJwt, 'ERR_JWT_INVALID'], [isExpired, 'ERR_JWT_INVALID']]) {
      assert.equal(messageOf(() => call('')), `${code}: the token is empty`);
      assert.equal(messageOf(() => call(jwe)),
        `${code}: the token has five segments, as an encrypted JWT (JWE) has; only signed tokens (JWS, three segments) are supported`);
    }
    // Only the payload segment is decoded, as in jose: a header left unread cannot fail.
    assert.deepEqual(decodeJwt(`Bearer ${good}`), decodeJwt(good));
    verifier.free();
  });

  test('an algorithm not supported is said where it was named, and an unsecured token as such', () => {
    const supported = '(supported: HS256, HS384, HS512; names are case-sensitive)';
    const k = Buffer.from(SECRET).toString('base64url');
    assert.equal(messageOf(() => jwtVerify(good, SECRET, { algorithms: ['RS256'] })), `ERR_JOSE_NOT_SUPPORTED: "algorithms" names an algorithm that is not supported ${supported}`);
    assert.equal(messageOf(() => jwtVerify(good, { kty: 'oct', k, alg: 'hs256' })), `ERR_JOSE_NOT_SUPPORTED: the JWK "alg" names an algorithm that is not supported ${supported}`);
    assert.equal(messageOf(() => signJwt({}, SECRET, { alg: 'RS256' })), `ERR_JOSE_NOT_SUPPORTED: "alg" names an algorithm that is not supported ${supported}`);
    const [, payload, signature] = good.split('.');
    const withAlg = (alg) => `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${payload}.${signature}`;
    assert.equal(messageOf(() => jwtVerify(withAlg('none'), SECRET)), 'ERR_JOSE_NOT_SUPPORTED: the token is unsecured ("alg": "none"), which is never accepted');
    assert.equal(messageOf(() => jwtVerify(withAlg('RS256'), SECRET)), `ERR_JOSE_NOT_SUPPORTED: the token's "alg" is not supported ${supported}`);
  });

  test('a payload JSON.stringify throws on is told from one that is not an object', () => {
    const circular = { sub: 'ada' };
    circular.self = circular;
    const threw = 'ERR_JWT_INVALID: the payload could not be read or written as JSON (a circular reference, a BigInt, nesting too deep, or a getter, toJSON or Proxy that threw)';
    const getter = { get sub() { throw new Error('no'); } };
    for (const payload of [circular, { n: 1n }, getter, { a: { toJSON() { throw new Error('no'); } } }]) {
      assert.equal(messageOf(() => signJwt(payload, SECRET)), threw);
      // SignJWT reads the claims when made and gives signJwt's refusal at sign(), message included.
      assert.equal(messageOf(() => new SignJWT(payload).sign(SECRET)), threw);
    }
    for (const payload of ['text', null, [1], new Map()]) {
      assert.equal(messageOf(() => signJwt(payload, SECRET)), 'ERR_JWT_INVALID: the payload must be a plain object that JSON can carry', String(payload));
      assert.equal(messageOf(() => new SignJWT(payload).sign(SECRET)), 'ERR_JWT_INVALID: the payload must be a plain object that JSON can carry', String(payload));
    }
  });

  test('an option a message names is quoted, whatever the fault', () => {
    const cases = [
      ['clockTolerance', () => jwtVerify(good, SECRET, { clockTolerance: -1 })],
      ['clockTolerance', () => isExpired(good, { clockTolerance: 'soon' })],
      ['maxTokenAge', () => jwtVerify(good, SECRET, { maxTokenAge: '-1h' })],
      ['maxTokenLength', () => jwtVerify(good, SECRET, { maxTokenLength: 0 })],
      ['algorithms', () => jwtVerify(good, SECRET, { algorithms: [] })],
      ['requiredClaims', () => jwtVerify(good, SECRET, { requiredClaims: [''] })],
      ['issuer', () => jwtVerify(good, SECRET, { issuer: '' })],
      ['subject', () => jwtVerify(good, SECRET, { subject: '' })],
      ['typ', () => jwtVerify(good, SECRET, { typ: '' })],
      ['currentDate', () => jwtVerify(good, SECRET, { currentDate: new Date(NaN) })],
      ['currentDate', () => jwtVerify(good, SECRET, { currentDate: 'now' })],
      ['cache', () => createVerifier(SECRET, { cache: 0 })],
      ['expirationTime', () => signJwt({}, SECRET, { expirationTime: new Date(NaN) })],
      ['alg', () => signJwt({}, SECRET, { alg: '' })],
      ['header.alg', () => signJwt({}, SECRET, { header: { alg: 1 } })],
      ['issuer', () => jwtVerify(good, SECRET, { issuer: 1 })],
    ];
    for (const [option, call] of cases) {
      const message = messageOf(call);
      assert.ok(message.startsWith('ERR_OPTIONS_INVALID: ') && message.includes(`"${option}"`), message);
    }
  });

  test('a value options cannot carry is named with the option it is in, and said what it is', () => {
    const escaped = (text) => text.replace(/[()[\]\\.*+?^$|{}]/g, '\\$&');
    const holds = (option, what) => new RegExp(`^ERR_OPTIONS_INVALID: "${option}" holds ${escaped(what)}, which options cannot carry \\(options hold only plain objects`);
    let deep = 'x';
    for (let i = 0; i < 40; i += 1) deep = [deep];
    const cases = [
      [() => jwtVerify(good, SECRET, { clockTolerance: Number(undefined) }), holds('clockTolerance', 'NaN')],
      [() => createVerifier(SECRET, { maxTokenLength: Infinity }), holds('maxTokenLength', 'Infinity')],
      [() => signJwt({}, SECRET, { expirationTime: -Infinity }), holds('expirationTime', '-Infinity')],
      [() => jwtVerify(good, SECRET, { issuer: () => 'me' }), holds('issuer', 'a function')],
      [() => jwtVerify(good, SECRET, { issuer: /me/ }), holds('issuer', 'a RegExp (options compare whole strings: list each value as one)')],
      [() => jwtVerify(good, SECRET, { audience: ['api', runInNewContext('/^web/')] }), holds('audience', 'a RegExp (options compare whole strings: list each value as one)')],
      [() => jwtVerify(good, SECRET, { issuer: new Proxy(/me/, {}) }), holds('issuer', 'an object that is not a plain object (a class instance, a Map, a RegExp)')],
      [() => jwtVerify(good, SECRET, { issuer: new Map() }), holds('issuer', 'an object that is not a plain object (a class instance, a Map, a RegExp)')],
      [() => jwtVerify(good, SECRET, { audience: ['api', new Date(0)] }), holds('audience', 'a Date')],
      [() => signJwt({}, SECRET, { header: { kid: 1n } }), holds('header', 'a BigInt')],
      [() => signJwt({}, SECRET, { header: { kid: Symbol('k') } }), holds('header', 'a symbol')],
      [() => jwtVerify(good, SECRET, { audience: deep }), holds('audience', 'values nested over 32 levels deep')],
      [() => jwtVerify(good, SECRET, { issuer: { toJSON: () => 'me' } }), holds('issuer', 'an object with a toJSON member')],
      [() => jwtVerify(good, SECRET, { toJSON: () => ({}) }), /^ERR_OPTIONS_INVALID: the options hold a toJSON member, which they cannot carry/],
      // Not a function, which JSON.stringify would take as data: refused all the same (README).
      [() => signJwt({}, SECRET, { header: { alg: 'HS256', toJSON: 1 } }), holds('header', 'an object with a toJSON member')],
      [() => jwtVerify(good, SECRET, { toJSON: null }), /^ERR_OPTIONS_INVALID: the options hold a toJSON member, which they cannot carry/],
      [() => isExpired(good, Object.defineProperty({}, 'clockTolerance', { value: 5 })), /^ERR_OPTIONS_INVALID: the options hold a property that is not enumerable/],
    ];
    for (const [call, message] of cases) assert.match(messageOf(call), message);
    // The option named is the one refused, even after a trap of the options calls in with options
    // of its own that are refused too.
    const calling = new Proxy({ toJSON() {} }, {
      has(target, name) {
        assert.throws(() => jwtVerify(good, SECRET, { clockTolerance: NaN }), /"clockTolerance" holds NaN/);
        return name in target;
      },
    });
    assert.match(messageOf(() => jwtVerify(good, SECRET, calling)), /^ERR_OPTIONS_INVALID: the options hold a toJSON member, which they cannot carry/);
    // A refusal calls nothing of the caller's to describe the value: a JWK member with a toJSON
    // and a tag that throws is still a JWK refused, not a key that could not be read.
    const tagged = { toJSON() {}, get [Symbol.toStringTag]() { throw new Error('no'); } };
    assert.equal(codeOf(() => jwtVerify(good, { kty: 'oct', k: 'c2VjcmV0', x: tagged }, at())), 'ERR_JWK_INVALID');
    // A name is quoted as JSON (a newline cannot start a line of a log) and shown up to 64
    // characters, by the core and by SignJWT's sign().
    assert.equal(messageOf(() => isExpired(good, { 'a\nb': 1 })), 'ERR_OPTIONS_INVALID: unknown option "a\\nb" (expected one of: clockTolerance, currentDate)');
    assert.match(messageOf(() => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(SECRET, { ['y'.repeat(100)]: 1 })),
      new RegExp(`^ERR_OPTIONS_INVALID: unknown option "${'y'.repeat(64)}\\.\\.\\." of sign\\(\\)`));
    const long = 'x'.repeat(300);
    assert.match(messageOf(() => jwtVerify(good, SECRET, { [long]: 1 })), new RegExp(`^ERR_OPTIONS_INVALID: unknown option "${'x'.repeat(64)}\\.\\.\\." \\(expected`));
    assert.match(messageOf(() => jwtVerify(good, SECRET, { [long]: NaN })), new RegExp(`^ERR_OPTIONS_INVALID: "${'x'.repeat(64)}\\.\\.\\." holds NaN`));
    // Cut at 64 code points by both, so never within a surrogate pair: the same name shown.
    const astral = `a${'\u{1F600}'.repeat(70)}`;
    const shown = (message) => /unknown option ("[^"]*")/.exec(message)?.[1];
    const bySign = shown(messageOf(() => new SignJWT({}).sign(SECRET, { [astral]: 1 })));
    assert.equal(bySign, `"a${'\u{1F600}'.repeat(63)}..."`);
    assert.equal(shown(messageOf(() => signJwt({}, SECRET, { [astral]: 1 }))), bySign);
    assert.equal(shown(messageOf(() => new SignJWT({}).sign(SECRET, { [astral.slice(0, 127)]: 1 }))), `"${astral.slice(0, 127)}"`);
  });

  test('an unknown option is named, with every option the call takes, each of which it does take', () => {
    const listed = (message) => message.match(/\(expected one of: (.*)\)$/)[1].split(', ').map((name) => name.split(' ')[0]);
    const calls = [
      ['jwtVerify', (options) => jwtVerify(good, SECRET, options), 'issuerr',
        'algorithms, issuer, audience, subject, typ, clockTolerance, maxTokenAge, requiredClaims, crit, maxTokenLength, currentDate, cache (createVerifier only)'],
      ['createVerifier', (options) => createVerifier(SECRET, options), 'issuerr',
        'algorithms, issuer, audience, subject, typ, clockTolerance, maxTokenAge, requiredClaims, crit, maxTokenLength, currentDate, cache (createVerifier only)'],
      ['signJwt', (options) => signJwt({}, SECRET, options), 'expiresAt',
        'alg, header, issuedAt, expirationTime, notBefore, issuer, subject, audience, jti, currentDate'],
      ['isExpired', (options) => isExpired(good, options), 'maxTokenAge', 'clockTolerance, currentDate'],
      ['expiryInfo', (options) => expiryInfo(good, options), 'maxTokenAge', 'clockTolerance, currentDate'],
    ];
    for (const [what, call, unknown, names] of calls) {
      const message = messageOf(() => call({ [unknown]: '1h' }));
      assert.equal(message, `ERR_OPTIONS_INVALID: unknown option "${unknown}" (expected one of: ${names})`, what);
      // Every name listed is one the call reads: a value no option takes is refused for its type.
      for (const name of listed(message)) {
        assert.doesNotMatch(messageOf(() => call({ [name]: [[]] })), /unknown option/, `${what}: ${name}`);
      }
    }
    // Options brought from jsonwebtoken are named together, each with its hint, in one error.
    assert.equal(messageOf(() => signJwt({}, SECRET, { expiresIn: '1h', issuer: 'me', jwtid: 'j', keyid: 'k' })),
      'ERR_OPTIONS_INVALID: unknown option "expiresIn": use expirationTime, a duration such as "15m" (a number there is an absolute NumericDate); '
      + 'also unknown: "jwtid": use jti; "keyid": use header: { kid } (expected one of: alg, header, issuedAt, expirationTime, notBefore, issuer, subject, audience, jti, currentDate)');
    assert.match(messageOf(() => jwtVerify(good, SECRET, { maxAge: 60, algorithms: ['HS256'], complete: true, cache: true })),
      /^ERR_OPTIONS_INVALID: unknown option "maxAge": use maxTokenAge [^;]*; also unknown: "complete": none needed[^;]* \(expected one of: /);
  });

  const HOLDS_ITS_KEY = ' (a Verifier verifies with the key and options given to createVerifier(key, options))';
  test('a callback or an options object passed after a call\'s arguments, or a callback or map\'s index in the options\' place, is refused, never ignored; an index or an array after them (map) is left unread', () => {
    const verifier = createVerifier(SECRET, at());
    // Each call with its arguments in full, as jose takes them.
    const calls = {
      decodeJwt: [decodeJwt, [good]],
      decodeProtectedHeader: [decodeProtectedHeader, [good]],
      jwtVerify: [jwtVerify, [good, SECRET, at()]],
      createVerifier: [createVerifier, [SECRET, at()]],
      verify: [(...args) => verifier.verify(...args), [good]],
      isExpired: [isExpired, [good, at()]],
      expiryInfo: [expiryInfo, [good, at()]],
      signJwt: [signJwt, [{ sub: 'ada' }, SECRET, at()]],
      sign: [(...args) => new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(...args), [SECRET, at()]],
      errorCodes: [errorCodes, []],
    };
    for (const [name, [call, args]] of Object.entries(calls)) {
      let called = false;
      // jsonwebtoken's verify(token, key, options, callback), fast-jwt's verifier(token, callback):
      // the callback would never be called, and a request waiting on it would hang.
      assert.equal(messageOf(() => call(...args, () => { called = true; })),
        `ERR_OPTIONS_INVALID: ${name}() takes no callback: it is synchronous, so use what it returns and catch what it throws`, name);
      assert.equal(called, false, name);
      // jwt-decode's jwtDecode(token, { header: true }): the claims would come back, not the header.
      const count = args.length === 1 ? 'one argument' : `${args.length} arguments`;
      const hint = { decodeJwt: ' (for the protected header, call decodeProtectedHeader(token))', verify: HOLDS_ITS_KEY }[name] ?? '';
      const after = args.length === 1 ? 'it' : 'them';
      assert.equal(messageOf(() => call(...args, { header: true })), `ERR_OPTIONS_INVALID: ${name}() takes ${count}; an object after ${after} would not be read${hint}`, name);
      // A revoked Proxy there, which Array.isArray throws for, is refused as the object it is.
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      assert.equal(messageOf(() => call(...args, revoked)), `ERR_OPTIONS_INVALID: ${name}() takes ${count}; an object after ${after} would not be read${hint}`, name);
      assert.deepEqual(call(...args, new Proxy([good], {})), call(...args), name);
      // What Array.prototype.map passes, and undefined, change nothing.
      assert.deepEqual(call(...args, undefined), call(...args), name);
      assert.deepEqual(call(...args, 0, [good]), call(...args), name);
    }
    assert.deepEqual([good].map(decodeJwt), [decodeJwt(good)]);
    // The one-shot habit with a Verifier: the secret given would not be the one verified with,
    // alone, with options or with a callback after it.
    for (const secret of [SECRET, 'another secret of at least thirty-two bytes']) {
      // Options whose Proxy throws when asked what it is (revoked) are no collection either.
      const { proxy: revokedOptions, revoke: revokeOptions } = Proxy.revocable({}, {});
      revokeOptions();
      for (const after of [[], [{ issuer: 'me' }], [Object.create(null)], [() => {}], [revokedOptions]]) {
        assert.equal(messageOf(() => verifier.verify(good, secret, ...after)), `ERR_OPTIONS_INVALID: verify() takes one argument; a string after it would not be read${HOLDS_ITS_KEY}`);
      }
    }
    // What forEach of a Set, a Map, Headers and URLSearchParams pass (a value or a key, then the
    // collection) is left unread, as map's index is.
    const verify = (...args) => verifier.verify(...args);
    const seen = [];
    new Set([good]).forEach((...args) => seen.push(verify(...args).payload));
    new Map([['ada', good]]).forEach((...args) => seen.push(verify(...args).payload));
    new Headers({ authorization: good }).forEach((...args) => seen.push(verify(...args).payload));
    new URLSearchParams({ token: good }).forEach((...args) => seen.push(verify(...args).payload));
    assert.equal(seen.length, 4);
    for (const payload of seen) assert.deepEqual(payload, decodeJwt(good));
    assert.equal(messageOf(() => verifier.verify(good, new TextEncoder().encode(SECRET))), `ERR_OPTIONS_INVALID: verify() takes one argument; an object after it would not be read${HOLDS_ITS_KEY}`);
    // jsonwebtoken's commonest forms put the callback in the options' place: verify(token, secret,
    // callback), sign(payload, secret, callback).
    const optionsPlace = {
      jwtVerify: (callback) => jwtVerify(good, SECRET, callback),
      createVerifier: (callback) => createVerifier(SECRET, callback),
      isExpired: (callback) => isExpired(good, callback),
      expiryInfo: (callback) => expiryInfo(good, callback),
      signJwt: (callback) => signJwt({ sub: 'ada' }, SECRET, callback),
      sign: (callback) => new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(SECRET, callback),
    };
    for (const [name, call] of Object.entries(optionsPlace)) {
      assert.equal(messageOf(() => call(() => {})),
        `ERR_OPTIONS_INVALID: ${name}() takes no callback: it is synchronous, so use what it returns and catch what it throws`, name);
    }
    // cloudflare-worker-jwt's verify(token, secret, 'HS512') and sign(claims, secret, 'HS512').
    // The hint repeats an HMAC algorithm's name, and no other string (it could be a secret).
    const algorithmHint = [
      ['jwtVerify', () => jwtVerify(good, SECRET, 'HS256'), "{ algorithms: ['HS256'] }"],
      ['createVerifier', () => createVerifier(SECRET, 'HS384'), "{ algorithms: ['HS384'] }"],
      ['signJwt', () => signJwt({ sub: 'ada' }, SECRET, 'HS512'), "{ alg: 'HS512' }"],
      ['jwtVerify', () => jwtVerify(good, SECRET, 'none'), "{ algorithms: ['HS512'] }"],
      ['createVerifier', () => createVerifier(SECRET, SECRET), "{ algorithms: ['HS512'] }"],
      ['signJwt', () => signJwt({ sub: 'ada' }, SECRET, 'hs256'), "{ alg: 'HS512' }"],
    ];
    for (const [name, call, hint] of algorithmHint) {
      assert.equal(messageOf(call), `ERR_OPTIONS_INVALID: ${name}() takes options as a plain object, not a string: for the algorithm, ${hint}`, `${name} ${hint}`);
    }
    // The builder's sign() names its own way to set the algorithm, not signJwt's.
    assert.equal(messageOf(() => new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(SECRET, 'HS512')),
      "ERR_OPTIONS_INVALID: sign() takes options as a plain object, not a string: the algorithm is set by setProtectedHeader({ alg: 'HS512' })");
    assert.equal(messageOf(() => isExpired(good, 'HS256')), 'ERR_OPTIONS_INVALID: options must be a plain object');
    // map, filter and forEach put an index in the options' place of isExpired and expiryInfo.
    for (const [name, call] of [['isExpired', isExpired], ['expiryInfo', expiryInfo]]) {
      const said = `ERR_OPTIONS_INVALID: ${name}() takes options as its second argument, where Array.prototype.map, filter and forEach pass an index: call it as tokens.map((token) => ${name}(token))`;
      assert.equal(messageOf(() => [good].map(call)), said, name);
      assert.equal(messageOf(() => [good].filter(call)), said, name);
      // A number alone is just options that are not an object.
      assert.equal(messageOf(() => call(good, 0)), 'ERR_OPTIONS_INVALID: options must be a plain object', name);
      const { proxy: revoked, revoke } = Proxy.revocable([], {});
      revoke();
      assert.match(messageOf(() => call(good, 0, revoked)), /^ERR_OPTIONS_INVALID: /, name);
    }
  });

  test('SignJWT\'s constructor and setters refuse a second argument of any kind, which would be dropped', () => {
    const built = () => new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' });
    const refused = {
      // Options given to the constructor, as to signJwt: the token would never expire.
      'new SignJWT': [() => new SignJWT({ sub: 'ada' }, { expirationTime: '1h' }), ": set the token's options with the builder's methods (.setExpirationTime('1h')), or call signJwt(claims, key, options)"],
      setProtectedHeader: [() => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }, { kid: 'k1' }), ''],
      // Two audiences as two arguments: the second would be dropped.
      setAudience: [() => built().setAudience('a', 'b'), " (several audiences are one array: setAudience(['a', 'b']))"],
      setIssuer: [() => built().setIssuer('me', 'you'), ''],
      setSubject: [() => built().setSubject('ada', {}), ''],
      setJti: [() => built().setJti('id', 1), ''],
      setIssuedAt: [() => built().setIssuedAt(0, {}), ''],
      setExpirationTime: [() => built().setExpirationTime('1h', { currentDate: new Date(0) }), ''],
      setNotBefore: [() => built().setNotBefore('1m', () => {}), ''],
    };
    for (const [name, [call, hint]] of Object.entries(refused)) {
      assert.equal(messageOf(call), `ERR_OPTIONS_INVALID: ${name}() takes one argument; what follows it would not be read${hint}`, name);
    }
    // A method taken off the builder is told so, not its arguments' fault (map passes an index).
    const builder = built();
    for (const [call, method] of [[() => ['me'].map(builder.setIssuer), 'setIssuer'], [() => builder.sign.call(undefined, SECRET), 'sign'], [() => Reflect.apply(builder.setAudience, {}, ['a'])]]) {
      assert.throws(call, (error) => error instanceof TypeError && error.message.startsWith(`${method ?? 'setAudience'}() was called without its SignJWT`), method);
    }
    // undefined after them is no argument, and the one-argument forms still sign.
    const token = new SignJWT({ sub: 'ada' }, undefined).setProtectedHeader({ alg: 'HS256' }, undefined).setAudience(['a', 'b'], undefined).sign(SECRET);
    assert.deepEqual(decodeJwt(token), { sub: 'ada', aud: ['a', 'b'] });
  });

  test('messages name the function called, also in a minified bundle (which renames the glue\'s functions)', async () => {
    const { build } = await import('esbuild');
    const source = `import { decodeJwt, isExpired, jwtVerify, signJwt } from 'jwt-wasm';
const said = (call) => { try { call(); } catch (error) { return error.message; } };
const good = ${JSON.stringify(good)};
console.log(JSON.stringify([
  said(() => decodeJwt(good, { header: true })), said(() => jwtVerify(good, 'k', () => {})),
  said(() => [good].map(isExpired)), said(() => signJwt({}, 'k', {}, () => {})),
]));
`;
    const { outputFiles: [bundle] } = await build({
      stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)), sourcefile: 'said.mjs' }, bundle: true, minify: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent',
    });
    const said = JSON.parse(execFileSync(process.execPath, ['--input-type=module'], { input: bundle.text, encoding: 'utf8', timeout: 30_000 }));
    assert.deepEqual(said.map((message) => message.match(/^\w+(?=\(\))/)?.[0]), ['decodeJwt', 'jwtVerify', 'isExpired', 'signJwt'], said.join('\n'));
  });

  test('an option of jsonwebtoken\'s or fast-jwt\'s is told what to write instead, in the call it belongs to', () => {
    const hinted = (message) => message.match(/^ERR_OPTIONS_INVALID: unknown option "\w+": (.*) \(expected one of: .*\)$/)?.[1];
    const signing = {
      expiresIn: 'use expirationTime, a duration such as "15m" (a number there is an absolute NumericDate)',
      algorithm: 'use alg', jwtid: 'use jti', keyid: 'use header: { kid }', kid: 'use header: { kid }',
      noTimestamp: 'leave out issuedAt (no iat is the default)', iss: 'use issuer', sub: 'use subject', aud: 'use audience',
      typ: 'use header: { typ }', nonce: 'set nonce in the claims', clockTimestamp: 'use currentDate, a Date',
      mutatePayload: 'none here: the claims given are never changed', encoding: 'none here: claims are signed as UTF-8',
      allowInsecureKeySizes: 'none needed: no minimum key length is enforced',
      allowInvalidAsymmetricKeyTypes: 'none needed: only HMAC secrets are taken', key: 'the key is the argument before the options',
    };
    const verifying = {
      maxAge: 'use maxTokenAge (seconds, or a duration such as "2h")', clockTimestamp: 'use currentDate, a Date',
      algorithm: 'use algorithms, an array', allowedAud: 'use audience', allowedIss: 'use issuer', allowedSub: 'use subject',
      jwtid: 'use requiredClaims: ["jti"], then compare the payload\'s jti', allowedJti: 'use requiredClaims: ["jti"], then compare the payload\'s jti',
      ignoreExpiration: 'none here: verify, then take the claims of a token refused for exp alone',
      ignoreNotBefore: 'none here: a token is refused until its nbf, less clockTolerance',
      complete: 'none needed: the result is always { payload, protectedHeader }', key: 'the key is the argument before the options',
      checkTyp: 'use typ', nonce: 'use requiredClaims: ["nonce"], then compare the payload\'s nonce',
      allowedNonce: 'use requiredClaims: ["nonce"], then compare the payload\'s nonce',
      allowedCritHeaders: 'use crit: { name: true }',
      cacheTTL: 'none here: a cached token is kept until evicted, its exp and nbf judged at each hit',
      errorCacheTTL: 'none here: failures are never cached', cacheKeyBuilder: 'none here: the cache is keyed by the whole token',
      allowInvalidAsymmetricKeyTypes: 'none needed: only HMAC secrets are taken', throwError: 'none needed: every refusal throws',
    };
    for (const [name, hint] of Object.entries(signing)) {
      assert.equal(hinted(messageOf(() => signJwt({}, SECRET, { [name]: 1 }))), hint, name);
      assert.equal(hinted(messageOf(() => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(SECRET, { [name]: 1 }))), undefined, `sign() ${name}`);
    }
    for (const [name, hint] of Object.entries(verifying)) {
      for (const call of [() => jwtVerify(good, SECRET, { [name]: 1 }), () => createVerifier(SECRET, { [name]: 1 })]) {
        assert.equal(hinted(messageOf(call)), hint, name);
      }
      // The expiry helpers take two options, and are told neither.
      assert.equal(hinted(messageOf(() => isExpired(good, { [name]: 1 }))), undefined, name);
    }
    // A name of the other call gets no hint: signJwt's expiresIn given to jwtVerify.
    assert.equal(hinted(messageOf(() => jwtVerify(good, SECRET, { expiresIn: '1h' }))), undefined);
    // Every option jsonwebtoken 9's verify and sign, fast-jwt 6's createVerifier and createSigner
    // and @tsndr/cloudflare-worker-jwt 3's verify and sign read (from their sources) is taken here,
    // or refused with what to write instead.
    const theirs = {
      verify: ['algorithms', 'allowInvalidAsymmetricKeyTypes', 'audience', 'clockTimestamp', 'clockTolerance', 'complete', 'ignoreExpiration',
        'ignoreNotBefore', 'issuer', 'jwtid', 'maxAge', 'nonce', 'subject', 'key', 'cache', 'cacheTTL', 'errorCacheTTL', 'checkTyp', 'allowedJti',
        'allowedAud', 'allowedIss', 'allowedSub', 'allowedNonce', 'requiredClaims', 'allowedCritHeaders', 'cacheKeyBuilder', 'algorithm', 'throwError'],
      sign: ['expiresIn', 'notBefore', 'audience', 'algorithm', 'header', 'encoding', 'issuer', 'subject', 'jwtid', 'noTimestamp', 'keyid',
        'mutatePayload', 'allowInsecureKeySizes', 'allowInvalidAsymmetricKeyTypes', 'key', 'clockTimestamp', 'jti', 'aud', 'iss', 'sub', 'nonce', 'kid', 'typ'],
    };
    const unhinted = /^ERR_OPTIONS_INVALID: unknown option "\w+" \(expected/;
    // '' where a call takes the option (clockTolerance: 12.5, notBefore: 12.5).
    for (const name of theirs.verify) {
      for (const call of [() => jwtVerify(good, SECRET, { [name]: 12.5 }), () => createVerifier(SECRET, { [name]: 12.5 })]) {
        assert.doesNotMatch(messageOf(call, ''), unhinted, name);
      }
    }
    for (const name of theirs.sign) assert.doesNotMatch(messageOf(() => signJwt({}, SECRET, { [name]: 12.5 }), ''), unhinted, name);
  });

  test('errorCodes lists every code, each reachable through the public API', async () => {
    const reached = new Set([
      codeOf(() => jwtVerify('a.b', SECRET)),
      codeOf(() => decodeJwt('a.b')),
      codeOf(() => jwtVerify(`${good}x`, SECRET, at())),
      codeOf(() => jwtVerify(good, SECRET, at({ algorithms: ['HS512'] }))),
      codeOf(() => jwtVerify(good, SECRET, at({ algorithms: ['RS256'] }))),
      codeOf(() => jwtVerify(good, SECRET, { currentDate: new Date((NOW_S + 61) * 1000) })),
      codeOf(() => jwtVerify(good, SECRET, at({ subject: 'bob' }))),
      codeOf(() => jwtVerify(good, { kty: 'oct' })),
      codeOf(() => jwtVerify(good, 7)),
      codeOf(() => jwtVerify(good, SECRET, { nope: 1 })),
      codeOf(() => jwtVerify(good, SECRET, { maxTokenLength: 10 })),
    ]);
    // The import's own code, where there is no WebAssembly (runtimes.test.mjs has its causes).
    const { execFileSync } = await import('node:child_process');
    const script = "try { require('jwt-wasm'); } catch (error) { process.stdout.write(error.code); }";
    reached.add(execFileSync(process.execPath, ['--jitless', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    assert.deepEqual([...reached].sort(), [...errorCodes()].sort());
    assert.equal(new Set(errorCodes()).size, errorCodes().length);
  });

  test('the .d.ts code union lists exactly errorCodes()', async () => {
    const { readFile } = await import('node:fs/promises');
    const dts = await readFile(new URL('../js/index.d.ts', import.meta.url), 'utf8');
    const union = dts.match(/type JwtErrorCode =([^;]+);/)[1].match(/'([A-Z_]+)'/g).map((s) => s.slice(1, -1));
    assert.deepEqual(union, errorCodes());
  });

  test('messages never contain the token or the key', () => {
    const secretKey = 'this-key-must-never-appear-in-a-message';
    const token = signJwt({ sub: 'x', exp: 1, 'crit-name-from-token': 1 }, secretKey);
    const attempts = [
      () => jwtVerify(token, secretKey),
      () => jwtVerify(token, 'wrong-key'),
      () => jwtVerify(`${token}x`, secretKey),
      () => jwtVerify(token.slice(1), secretKey),
      () => jwtVerify(token, secretKey, { issuer: 'x', currentDate: new Date(0) }),
      () => decodeJwt(token.split('.').slice(0, 2).join('.')),
      () => decodeProtectedHeader(token.split('.').reverse().join('.')),
      () => jwtVerify(token, { kty: 'oct', k: `${secretKey}=` }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        assert.fail('should throw');
      } catch (error) {
        assert.ok(error instanceof JwtError, String(error));
        for (const part of [token, ...token.split('.'), secretKey]) {
          assert.ok(!error.message.includes(part), `message leaks input: ${error.message}`);
        }
      }
    }
  });

  test('a thrown JwtError\'s stack starts at the call that failed, not inside the glue or wasm', () => {
    const failures = [
      () => jwtVerify(`${good}x`, SECRET, at()),
      () => createVerifier(SECRET, at()).verify('a.b'),
      () => createVerifier(SECRET, { nope: 1 }),
      () => decodeJwt('a.b'),
      () => signJwt([], SECRET),
      () => new SignJWT({}).setProtectedHeader({ alg: 'none' }).sign(SECRET),
    ];
    for (const fail of failures) {
      const error = (() => {
        try {
          fail();
        } catch (e) {
          return e;
        }
      })();
      assert.ok(error instanceof JwtError, String(fail));
      const frames = error.stack.split('\n').filter((line) => line.trimStart().startsWith('at '));
      assert.ok(!frames.some((frame) => frame.includes('wasm')), `${fail}: ${error.stack}`);
      assert.ok(frames.slice(0, 4).some((frame) => frame.includes('api.test.mjs')), `${fail}: ${error.stack}`);
    }
  });

  test('JwtError can be constructed and checked like any Error', () => {
    const error = new JwtError('boom', { code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' });
    assert.ok(error instanceof Error);
    assert.ok(error instanceof JwtError);
    assert.deepEqual([error.name, error.message, error.code, error.claim, error.reason], ['JWTExpired', 'boom', 'ERR_JWT_EXPIRED', 'exp', 'check_failed']);
    assert.match(String(error), /^JWTExpired: boom$/);
    assert.ok(error instanceof errors.JWTExpired);
    const bare = new JwtError('plain', { code: 'ERR_JWS_INVALID' });
    assert.deepEqual([bare.message, bare.code, Object.hasOwn(bare, 'claim'), Object.hasOwn(bare, 'reason')], ['plain', 'ERR_JWS_INVALID', false, false]);
  });
});

describe('the import\'s own error', () => {
  test('a .wasm fetched from a dev server\'s pre-bundled dependencies (Vite 5 to 7) is said as such, with the setting to add', async () => {
    // The entries' diagnosis, called as the browser entry calls it after a failed fetch.
    const { wasmUnavailable } = await import('../js/errors.js');
    const said = (url) => wasmUnavailable(new Error(`failed to fetch Wasm: 404 Not Found fetching '${url}'`), true);
    for (const url of ['http://127.0.0.1:5173/node_modules/.vite/deps/jwt_wasm_bg.wasm', 'http://127.0.0.1:3000/_nuxt/@fs/app/node_modules/.cache/vite/client/deps/jwt_wasm_bg.wasm']) {
      const error = said(url);
      assert.equal(error.code, 'ERR_WASM_UNAVAILABLE');
      assert.equal(error.message, `jwt-wasm cannot start: its WebAssembly module could not be fetched (failed to fetch Wasm: 404 Not Found fetching '${url}'): the dev server pre-bundled the package away from its .wasm: add optimizeDeps: { exclude: ['jwt-wasm'] } to the Vite config`);
    }
    assert.match(said('http://127.0.0.1:8080/dist/jwt_wasm_bg.wasm').message, /: serve the package's pkg\/wasm\/jwt_wasm_bg\.wasm beside the bundle/);
  });
});

describe('errors: jose\'s classes', () => {
  // One failure for each of jose's codes this package throws, made the same way for both.
  const expiredToken = signJwt({ exp: NOW_S - 10 }, SECRET, at());
  const failures = {
    ERR_JOSE_ALG_NOT_ALLOWED: (lib) => lib.jwtVerify(good, ENCODED, { algorithms: ['HS512'], currentDate: NOW }),
    ERR_JOSE_NOT_SUPPORTED: (lib) => lib.jwtVerify(`${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`, ENCODED, at()),
    ERR_JWS_INVALID: (lib) => lib.jwtVerify('a.b', ENCODED, at()),
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: (lib) => lib.jwtVerify(`${good.slice(0, -2)}AA`, ENCODED, at()),
    ERR_JWT_CLAIM_VALIDATION_FAILED: (lib) => lib.jwtVerify(good, ENCODED, { issuer: 'other', currentDate: NOW }),
    ERR_JWT_EXPIRED: (lib) => lib.jwtVerify(expiredToken, ENCODED, at()),
    ERR_JWT_INVALID: (lib) => lib.decodeJwt('a.b'),
  };
  const ENCODED = new TextEncoder().encode(SECRET);

  test('each failure with one of jose\'s codes is jose\'s class for it, named as jose names it', async () => {
    for (const [code, fail] of Object.entries(failures)) {
      const ours = (() => {
        try {
          fail({ jwtVerify, decodeJwt });
        } catch (error) {
          return error;
        }
      })();
      let theirs;
      try {
        await fail(jose);
      } catch (error) {
        theirs = error;
      }
      assert.equal(ours.code, code);
      assert.equal(theirs?.code, code, `jose: ${theirs}`);
      // What code written for jose asks of an error answers alike.
      assert.equal(ours.name, theirs.name, code);
      assert.ok(ours instanceof errors[theirs.name], code);
      assert.ok(ours instanceof errors.JOSEError && ours instanceof JwtError && ours instanceof Error, code);
      assert.equal(errors[theirs.name].code, jose.errors[theirs.name].code, code);
      assert.equal(errors[theirs.name].name, theirs.name, code);
      for (const [name, Class] of Object.entries(errors)) {
        if (name !== 'JOSEError') assert.equal(ours instanceof Class, theirs instanceof jose.errors[name], `${code} instanceof ${name}`);
        // The classes are this package's: none imported from jose itself matches (README).
        assert.equal(ours instanceof jose.errors[name], false, `${code} instanceof jose's ${name}`);
      }
    }
    // ERR_JWK_INVALID, thrown by jose's importJWK rather than by jwtVerify.
    const jwk = codeOf(() => jwtVerify(good, { kty: 'oct', k: Buffer.from(SECRET).toString('base64url'), ext: 'yes' }, at()));
    assert.equal(jwk, 'ERR_JWK_INVALID');
  });

  test('the package\'s own codes are a plain JwtError; errors is frozen; JOSEError is JwtError', () => {
    for (const fail of [() => jwtVerify(good, '', at()), () => jwtVerify(good, SECRET, { nope: 1 }), () => decodeJwt('a'.repeat(70_000))]) {
      try {
        fail();
        assert.fail('expected a JwtError');
      } catch (error) {
        assert.equal(error.constructor, JwtError, error.code);
        assert.equal(error.name, 'JwtError', error.code);
        for (const Class of Object.values(errors)) if (Class !== JwtError) assert.equal(error instanceof Class, false, `${error.code} ${Class.name}`);
      }
    }
    assert.equal(errors.JOSEError, JwtError);
    assert.ok(Object.isFrozen(errors));
    assert.equal(Object.getPrototypeOf(errors), null);
    assert.deepEqual(Object.keys(errors).sort(), Object.keys(jose.errors).filter((name) => !/^JWE|^JWKS/.test(name) && name !== 'JWKSTimeout').sort());
  });

  test('a class made by hand keeps its code whatever it is given, as jose\'s does', () => {
    const error = new errors.JWTExpired('gone', { code: 'ERR_JWS_INVALID', claim: 'exp', reason: 'check_failed' });
    assert.deepEqual([error.name, error.code, error.claim, error.reason, error.message], ['JWTExpired', 'ERR_JWT_EXPIRED', 'exp', 'check_failed', 'gone']);
    assert.match(String(error), /^JWTExpired: gone$/);
    // A null in the details' place, as jose's classes take a null payload there.
    for (const Class of [JwtError, errors.JWTExpired, errors.JWSInvalid]) {
      const made = new Class('made', null);
      assert.deepEqual([made.message, made.claim, made.reason], ['made', undefined, undefined], Class.name);
    }
    assert.equal(new errors.JWTExpired('made', null).code, 'ERR_JWT_EXPIRED');
    // As in jose, an expired token is not a claim validation failure by class.
    assert.equal(error instanceof errors.JWTClaimValidationFailed, false);
    assert.ok(error instanceof errors.JWTExpired && error instanceof JwtError && error instanceof Error);
    // What is not a JwtError is none of them, whatever its code.
    for (const other of [new Error('x'), Object.assign(new Error('x'), { code: 'ERR_JWT_EXPIRED' }), { code: 'ERR_JWT_EXPIRED' }, null, 'ERR_JWT_EXPIRED']) {
      assert.equal(other instanceof errors.JWTExpired, false, String(other));
    }
    // A JwtError made with a jose code is of that class, as the package's own failures are.
    assert.ok(new JwtError('x', { code: 'ERR_JWS_INVALID' }) instanceof errors.JWSInvalid);
  });

  test('a class extending one of them is asked for its own instances, as a subclass of jose\'s is', () => {
    class SessionExpired extends errors.JWTExpired {}
    class Mine extends JwtError {}
    const failure = (() => {
      try {
        jwtVerify(signJwt({ exp: NOW_S - 10 }, SECRET, at()), SECRET, at());
      } catch (error) {
        return error;
      }
    })();
    assert.equal(failure.code, 'ERR_JWT_EXPIRED');
    assert.ok(failure instanceof errors.JWTExpired);
    assert.equal(failure instanceof SessionExpired, false);
    assert.equal(failure instanceof Mine, false);
    const made = new SessionExpired('session over');
    assert.ok(made instanceof SessionExpired && made instanceof errors.JWTExpired && made instanceof JwtError);
    assert.equal(new errors.JWTExpired('x') instanceof SessionExpired, false);
    assert.ok(new Mine('x') instanceof Mine);
    // jose answers alike for a subclass of its own class.
    class JoseSessionExpired extends jose.errors.JWTExpired {}
    assert.equal(new jose.errors.JWTExpired('x', {}) instanceof JoseSessionExpired, false);
  });
});

describe('resilience', () => {
  test('the instance keeps working after every kind of bad input', () => {
    const verifier = createVerifier(SECRET, at());
    const hostile = [
      '', '.', '..', '...', 'a.b.c', `${good}.`, ` ${good}`, `${good}\n`, 'é.é.é', '\u0000.\u0000.\u0000',
      `${'e'.repeat(200_000)}.e30.x`, `${Buffer.from('{"alg":"HS256"'.padEnd(5000, '[')).toString('base64url')}.e30.x`,
      `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(`{"a":${'['.repeat(30_000)}${']'.repeat(30_000)}}`).toString('base64url')}.x`,
      `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"exp":1e99999}').toString('base64url')}.x`,
      `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('\ud800').toString('base64url')}.x`,
      42, null, undefined, {}, [], Symbol.for('x'), () => 1, 10n,
    ];
    for (const input of hostile) {
      for (const call of [
        () => jwtVerify(input, SECRET, at()),
        () => verifier.verify(input),
        () => decodeJwt(input),
        () => decodeProtectedHeader(input),
        () => expiryInfo(input, at()),
        () => isExpired(input, at()),
        () => jwtVerify(good, input, at()),
        () => jwtVerify(good, SECRET, input),
        () => signJwt(input, SECRET),
        () => signJwt({}, input),
        () => signJwt({}, SECRET, input),
      ]) {
        try {
          call();
        } catch (error) {
          assert.ok(error instanceof JwtError, `uncoded error: ${error}`);
          assert.ok(errorCodes().includes(error.code));
        }
      }
      assert.equal(verifier.verify(good).payload.sub, 'ada', 'the verifier still works');
      assert.equal(jwtVerify(good, SECRET, at()).payload.sub, 'ada', 'the instance still works');
    }
  });
});
