// The README's "Coming from jsonwebtoken or fast-jwt" tables, run against both libraries: each
// failure row is read out of README.md and reproduced in all three, each option row has a check of
// the units and meaning it states, and the calls' differences (iat, result shapes, claims an
// option makes required) are checked as written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createDecoder, createSigner, createVerifier as fastVerifier } from 'fast-jwt';
import jsonwebtoken from 'jsonwebtoken';
import { createVerifier, decodeJwt, JwtError, jwtVerify, signJwt } from 'jwt-wasm';
import { signedToken } from './runtimes/harness.mjs';

const SECRET = 'migration-secret-of-at-least-32-bytes!';
const NOW = Math.floor(Date.now() / 1000);
const b64u = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token signed with node:crypto, whatever its claims hold. */
const hs256 = (claims, secret = SECRET, header = undefined) => signedToken(claims, secret, header);

/** What each library answers: 'ok', or its error (name, code, claim). */
function outcomes(token, { jsonwebtoken: jOptions = {}, fastJwt: fOptions = {}, jwtWasm: wOptions = {} }) {
  const settle = (call) => {
    try {
      call();
      return 'ok';
    } catch (error) {
      return error;
    }
  };
  return {
    jsonwebtoken: settle(() => jsonwebtoken.verify(token, SECRET, jOptions)),
    fastJwt: settle(() => fastVerifier({ key: SECRET, ...fOptions })(token)),
    jwtWasm: settle(() => jwtVerify(token, SECRET, wOptions)),
  };
}

/** The rows of the README table whose header row starts with `header`, as arrays of cells. */
function readmeTable(header) {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Coming from jsonwebtoken or fast-jwt'));
  const lines = section.slice(0, section.indexOf('\n## ')).split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  assert.ok(start >= 0, `README: no table starting "${header}"`);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

const unquote = (cell) => cell.replace(/`/g, '');

describe('coming from jsonwebtoken or fast-jwt (README)', () => {
  // Each failure the README lists: the token and the options that make it, per library.
  const failures = {
    expired: [hs256({ sub: 'a', exp: NOW - 100 }), {}],
    'older than `maxAge`': [hs256({ sub: 'a', iat: NOW - 100 }), { jsonwebtoken: { maxAge: 10 }, fastJwt: { maxAge: 10_000 }, jwtWasm: { maxTokenAge: 10 } }],
    'not yet valid': [hs256({ sub: 'a', nbf: NOW + 100 }), {}],
    'wrong signature': [hs256({ sub: 'a' }, 'another-secret-of-at-least-32-bytes!'), {}],
    malformed: ['not.a.jwt', {}],
    'unsigned (`alg: none`)': [`${b64u({ alg: 'none' })}.${b64u({ sub: 'a' })}.`, {}],
    '`alg` not allowed': [hs256({ sub: 'a' }), { jsonwebtoken: { algorithms: ['HS512'] }, fastJwt: { algorithms: ['HS512'] }, jwtWasm: { algorithms: ['HS512'] } }],
    'wrong audience': [hs256({ aud: 'web' }), { jsonwebtoken: { audience: 'api' }, fastJwt: { allowedAud: 'api' }, jwtWasm: { audience: 'api' } }],
    'wrong issuer': [hs256({ iss: 'them' }), { jsonwebtoken: { issuer: 'me' }, fastJwt: { allowedIss: 'me' }, jwtWasm: { issuer: 'me' } }],
    'wrong subject': [hs256({ sub: 'b' }), { jsonwebtoken: { subject: 'a' }, fastJwt: { allowedSub: 'a' }, jwtWasm: { subject: 'a' } }],
    '`exp` not a number': [hs256({ sub: 'a', exp: 'soon' }), {}],
  };

  test('every failure row is what the three libraries answer', () => {
    const rows = readmeTable('| failure |');
    assert.deepEqual(rows.map(([failure]) => failure).sort(), Object.keys(failures).sort(), 'the README rows and the cases here');
    for (const [failure, jsonwebtokenError, fastJwtCode, jwtWasmCell] of rows) {
      const [token, options] = failures[failure];
      const seen = outcomes(token, options);
      assert.equal(seen.jsonwebtoken.name, unquote(jsonwebtokenError), `${failure}: jsonwebtoken ${seen.jsonwebtoken}`);
      assert.equal(seen.fastJwt.code, unquote(fastJwtCode), `${failure}: fast-jwt ${seen.fastJwt}`);
      const [, code, claim] = unquote(jwtWasmCell).match(/^(\S+)(?: \((\w+)\))?$/);
      assert.ok(seen.jwtWasm instanceof JwtError, `${failure}: jwt-wasm ${seen.jwtWasm}`);
      assert.deepEqual([seen.jwtWasm.code, seen.jwtWasm.claim], [code, claim], failure);
    }
  });

  test('every option row states the units and meaning each library has', () => {
    // Keyed by the jwt-wasm cell: the peers' cells of that row, and a check that fails if the
    // row's statement stops being true.
    const expiredFiveSecondsAgo = hs256({ sub: 'a', exp: NOW - 5 });
    const hundredSecondsOld = hs256({ sub: 'a', iat: NOW - 100 });
    const ok = (seen) => Object.values(seen).every((outcome) => outcome === 'ok');
    const checks = {
      '`algorithms`': [['`algorithms`', '`algorithms`'], () => {
        const hs512 = hs256({ sub: 'a' }, SECRET, { alg: 'HS512' });
        const same = { algorithms: ['HS256'] };
        assert.ok(Object.values(outcomes(hs512, { jsonwebtoken: same, fastJwt: same, jwtWasm: same })).every((o) => o !== 'ok'));
      }],
      '`audience` (strings)': [['`audience` (strings or RegExps)', '`allowedAud`'], () => {
        const token = hs256({ aud: 'api' });
        assert.ok(ok(outcomes(token, { jsonwebtoken: { audience: /^ap/ }, fastJwt: { allowedAud: /^ap/ }, jwtWasm: { audience: 'api' } })));
        assert.equal(outcomes(token, { jwtWasm: { audience: /^ap/ } }).jwtWasm.code, 'ERR_OPTIONS_INVALID');
      }],
      '`issuer`': [['`issuer`', '`allowedIss`'], () => {
        const token = hs256({ iss: 'me' });
        assert.ok(ok(outcomes(token, { jsonwebtoken: { issuer: 'me' }, fastJwt: { allowedIss: 'me' }, jwtWasm: { issuer: 'me' } })));
        // And each refuses another issuer's token with it.
        const other = outcomes(token, { jsonwebtoken: { issuer: 'you' }, fastJwt: { allowedIss: 'you' }, jwtWasm: { issuer: 'you' } });
        assert.deepEqual([other.jsonwebtoken.name, other.fastJwt.code, other.jwtWasm.code, other.jwtWasm.claim], ['JsonWebTokenError', 'FAST_JWT_INVALID_CLAIM_VALUE', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss']);
      }],
      '`subject`': [['`subject`', '`allowedSub`'], () => {
        const token = hs256({ sub: 'me' });
        assert.ok(ok(outcomes(token, { jsonwebtoken: { subject: 'me' }, fastJwt: { allowedSub: 'me' }, jwtWasm: { subject: 'me' } })));
        const other = outcomes(token, { jsonwebtoken: { subject: 'you' }, fastJwt: { allowedSub: 'you' }, jwtWasm: { subject: 'you' } });
        assert.deepEqual([other.jsonwebtoken.name, other.fastJwt.code, other.jwtWasm.code, other.jwtWasm.claim], ['JsonWebTokenError', 'FAST_JWT_INVALID_CLAIM_VALUE', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'sub']);
      }],
      "`clockTolerance` (seconds, or `'30s'`)": [['`clockTolerance` (seconds)', '`clockTolerance` (milliseconds)'], () => {
        assert.ok(ok(outcomes(expiredFiveSecondsAgo, { jsonwebtoken: { clockTolerance: 10 }, fastJwt: { clockTolerance: 10_000 }, jwtWasm: { clockTolerance: 10 } })));
        assert.equal(outcomes(expiredFiveSecondsAgo, { jwtWasm: { clockTolerance: '30s' } }).jwtWasm, 'ok');
        // In fast-jwt the same number is milliseconds.
        assert.equal(outcomes(expiredFiveSecondsAgo, { fastJwt: { clockTolerance: 10 } }).fastJwt.code, 'FAST_JWT_EXPIRED');
      }],
      "`maxTokenAge` (seconds, or `'2h'`)": [['`maxAge` (seconds, or `\'2h\'`)', '`maxAge` (milliseconds)'], () => {
        assert.ok(ok(outcomes(hundredSecondsOld, { jsonwebtoken: { maxAge: 200 }, fastJwt: { maxAge: 200_000 }, jwtWasm: { maxTokenAge: 200 } })));
        assert.ok(ok(outcomes(hundredSecondsOld, { jsonwebtoken: { maxAge: '2h' }, fastJwt: { maxAge: 7_200_000 }, jwtWasm: { maxTokenAge: '2h' } })));
        assert.equal(outcomes(hundredSecondsOld, { fastJwt: { maxAge: 200 } }).fastJwt.code, 'FAST_JWT_EXPIRED');
      }],
      '`currentDate` (a `Date`)': [['`clockTimestamp` (seconds)', '`clockTimestamp` (milliseconds)'], () => {
        const token = hs256({ sub: 'a', exp: NOW + 10 });
        const later = { jsonwebtoken: { clockTimestamp: NOW + 20 }, fastJwt: { clockTimestamp: (NOW + 20) * 1000 }, jwtWasm: { currentDate: new Date((NOW + 20) * 1000) } };
        const seen = outcomes(token, later);
        assert.deepEqual([seen.jsonwebtoken.name, seen.fastJwt.code, seen.jwtWasm.code], ['TokenExpiredError', 'FAST_JWT_EXPIRED', 'ERR_JWT_EXPIRED']);
      }],
      "none: `requiredClaims: ['jti']`, then compare `payload.jti`": [['`jwtid`', '`allowedJti`'], () => {
        const token = hs256({ sub: 'a', jti: 'one' });
        const seen = outcomes(token, { jsonwebtoken: { jwtid: 'two' }, fastJwt: { allowedJti: 'two' }, jwtWasm: { jwtid: 'two' } });
        assert.deepEqual([seen.jsonwebtoken.name, seen.fastJwt.code, seen.jwtWasm.code], ['JsonWebTokenError', 'FAST_JWT_INVALID_CLAIM_VALUE', 'ERR_OPTIONS_INVALID']);
        assert.equal(jwtVerify(token, SECRET, { requiredClaims: ['jti'] }).payload.jti, 'one');
      }],
      'none: read an unverified token with `decodeJwt`, `isExpired` or `expiryInfo`': [['`ignoreExpiration`, `ignoreNotBefore`', 'the same'], () => {
        const token = hs256({ sub: 'a', exp: NOW - 100 });
        const ignoring = { ignoreExpiration: true };
        const seen = outcomes(token, { jsonwebtoken: ignoring, fastJwt: ignoring, jwtWasm: ignoring });
        assert.deepEqual([seen.jsonwebtoken, seen.fastJwt, seen.jwtWasm.code], ['ok', 'ok', 'ERR_OPTIONS_INVALID']);
        assert.equal(decodeJwt(token).sub, 'a');
      }],
      '`requiredClaims`': [['none', '`requiredClaims`'], () => {
        const seen = outcomes(hs256({ sub: 'a' }), { fastJwt: { requiredClaims: ['jti'] }, jwtWasm: { requiredClaims: ['jti'] } });
        assert.deepEqual([seen.fastJwt.code, seen.jwtWasm.claim, seen.jwtWasm.reason], ['FAST_JWT_MISSING_REQUIRED_CLAIM', 'jti', 'missing']);
      }],
      '`cache` (`createVerifier` only)': [['none', '`cache`'], () => {
        const token = hs256({ sub: 'a' });
        const cached = createVerifier(SECRET, { cache: true });
        assert.deepEqual([cached.verify(token).payload, cached.verify(token).payload], [{ sub: 'a' }, { sub: 'a' }]);
        assert.equal(outcomes(token, { jwtWasm: { cache: true } }).jwtWasm.code, 'ERR_OPTIONS_INVALID');
      }],
    };
    const rows = readmeTable('| jsonwebtoken option |');
    assert.deepEqual(rows.map((row) => row[2]).sort(), Object.keys(checks).sort(), 'the README rows and the checks here');
    for (const [jsonwebtokenCell, fastJwtCell, jwtWasmCell] of rows) {
      const [peers, check] = checks[jwtWasmCell];
      assert.deepEqual([jsonwebtokenCell, fastJwtCell], peers, jwtWasmCell);
      check();
    }
  });

  test('an option naming a claim makes it required here; fast-jwt lets a token without it through', () => {
    const cases = [
      ['aud', { jsonwebtoken: { audience: 'api' }, fastJwt: { allowedAud: 'api' }, jwtWasm: { audience: 'api' } }],
      ['iss', { jsonwebtoken: { issuer: 'me' }, fastJwt: { allowedIss: 'me' }, jwtWasm: { issuer: 'me' } }],
      ['sub', { jsonwebtoken: { subject: 'me' }, fastJwt: { allowedSub: 'me' }, jwtWasm: { subject: 'me' } }],
      ['iat', { jsonwebtoken: { maxAge: 60 }, fastJwt: { maxAge: 60_000 }, jwtWasm: { maxTokenAge: 60 } }],
    ];
    for (const [claim, options] of cases) {
      const seen = outcomes(hs256({ jti: 'x' }), options);
      assert.equal(seen.fastJwt, 'ok', claim);
      assert.equal(seen.jsonwebtoken.name, 'JsonWebTokenError', claim);
      assert.deepEqual([seen.jwtWasm.code, seen.jwtWasm.claim, seen.jwtWasm.reason], ['ERR_JWT_CLAIM_VALIDATION_FAILED', claim, 'missing'], claim);
    }
  });

  test('signing: the same expiry from each call form (a number is relative in the peers, absolute here); iat added by both peers, here only when asked', () => {
    const withIat = (token) => decodeJwt(token);
    const jwt = withIat(jsonwebtoken.sign({ sub: 'a' }, SECRET, { expiresIn: '15m' }));
    const fast = withIat(createSigner({ key: SECRET, expiresIn: '15m' })({ sub: 'a' }));
    const ours = withIat(signJwt({ sub: 'a' }, SECRET, { expirationTime: '15m', issuedAt: true }));
    for (const claims of [jwt, fast, ours]) assert.equal(claims.exp - claims.iat, 900);
    assert.ok('iat' in decodeJwt(jsonwebtoken.sign({ sub: 'a' }, SECRET)));
    assert.ok('iat' in createDecoder()(createSigner({ key: SECRET })({ sub: 'a' })));
    assert.deepEqual(decodeJwt(signJwt({ sub: 'a' }, SECRET)), { sub: 'a' });
    // An expiry given as a number: relative in both peers (seconds, milliseconds), absolute here.
    const jwtNumber = withIat(jsonwebtoken.sign({ sub: 'a' }, SECRET, { expiresIn: 3600 }));
    const fastNumber = withIat(createSigner({ key: SECRET, expiresIn: 3_600_000 })({ sub: 'a' }));
    const seconds = 3600;
    const oursRelative = withIat(signJwt({ sub: 'a' }, SECRET, { expirationTime: `${seconds}s`, issuedAt: true }));
    for (const claims of [jwtNumber, fastNumber, oursRelative]) assert.equal(claims.exp - claims.iat, 3600);
    assert.equal(decodeJwt(signJwt({ sub: 'a' }, SECRET, { expirationTime: 3600 })).exp, 3600);
  });

  test('results: the claims, or with complete: true the parts; here always payload and protectedHeader', () => {
    const token = hs256({ sub: 'a' });
    assert.deepEqual(jsonwebtoken.verify(token, SECRET), { sub: 'a' });
    assert.deepEqual(Object.keys(jsonwebtoken.verify(token, SECRET, { complete: true })), ['header', 'payload', 'signature']);
    assert.deepEqual(fastVerifier({ key: SECRET })(token), { sub: 'a' });
    assert.deepEqual(Object.keys(fastVerifier({ key: SECRET, complete: true })(token)), ['header', 'payload', 'signature', 'input']);
    assert.deepEqual(Object.keys(jwtVerify(token, SECRET)), ['payload', 'protectedHeader']);
  });
});
