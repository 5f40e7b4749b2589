// The README's "Coming from jsonwebtoken, fast-jwt or jwt-decode" tables, run against those
// libraries: each failure row is read out of README.md and reproduced in all three, each option,
// error-check, signing-option and jwt-decode row has a check of what it states, the code block runs
// as written, and the calls' differences (callbacks, decode, result shapes, claims an option makes
// required) are checked as written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createDecoder, createSigner, createVerifier as fastVerifier } from 'fast-jwt';
import * as jose from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { InvalidTokenError, jwtDecode } from 'jwt-decode';
import { createVerifier, decodeJwt, decodeProtectedHeader, errors, JwtError, jwtVerify, signJwt } from 'jwt-wasm';
import { errorOf, readmeCode, signedToken } from './runtimes/harness.mjs';

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
  const section = readme.slice(readme.indexOf(`### ${SECTION}`));
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

const SECTION = 'Coming from jsonwebtoken, fast-jwt or jwt-decode';
const unquote = (cell) => cell.replace(/`/g, '');

/** The claims and header of a token, read by node (not by a library under test). */
const partsOf = (token) => {
  const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
};

/** Runs the checks keyed by a README table's last cell: every row has one, every check a row. */
function checkRows(header, checks) {
  const rows = readmeTable(header);
  assert.deepEqual(rows.map((row) => row.at(-1)).sort(), Object.keys(checks).sort(), `the README rows of "${header}" and the checks here`);
  for (const row of rows) checks[row.at(-1)](...row.slice(0, -1));
}

describe('coming from jsonwebtoken or fast-jwt (README)', () => {
  // Each failure the README lists: the token and the options that make it, per library.
  const failures = {
    expired: [hs256({ sub: 'a', exp: NOW - 100 }), {}],
    'older than `maxAge`': [hs256({ sub: 'a', iat: NOW - 100 }), { jsonwebtoken: { maxAge: 10 }, fastJwt: { maxAge: 10_000 }, jwtWasm: { maxTokenAge: 10 } }],
    'not yet valid': [hs256({ sub: 'a', nbf: NOW + 100 }), {}],
    'wrong signature': [hs256({ sub: 'a' }, 'another-secret-of-at-least-32-bytes!'), {}],
    malformed: ['not.a.jwt', {}],
    'unsigned (`alg: none`), no `algorithms` given': [`${b64u({ alg: 'none' })}.${b64u({ sub: 'a' })}.`, {}],
    "unsigned (`alg: none`), `algorithms: ['HS256']`": [`${b64u({ alg: 'none' })}.${b64u({ sub: 'a' })}.`, { jsonwebtoken: { algorithms: ['HS256'] }, fastJwt: { algorithms: ['HS256'] }, jwtWasm: { algorithms: ['HS256'] } }],
    '`alg` not allowed': [hs256({ sub: 'a' }), { jsonwebtoken: { algorithms: ['HS512'] }, fastJwt: { algorithms: ['HS512'] }, jwtWasm: { algorithms: ['HS512'] } }],
    'wrong audience': [hs256({ aud: 'web' }), { jsonwebtoken: { audience: 'api' }, fastJwt: { allowedAud: 'api' }, jwtWasm: { audience: 'api' } }],
    'wrong issuer': [hs256({ iss: 'them' }), { jsonwebtoken: { issuer: 'me' }, fastJwt: { allowedIss: 'me' }, jwtWasm: { issuer: 'me' } }],
    'wrong subject': [hs256({ sub: 'b' }), { jsonwebtoken: { subject: 'a' }, fastJwt: { allowedSub: 'a' }, jwtWasm: { subject: 'a' } }],
    '`exp` not a number': [hs256({ sub: 'a', exp: 'soon' }), {}],
    '`alg` not HMAC nor `none` (`RS256`), no `algorithms` given': [hs256({ sub: 'a' }, SECRET, { alg: 'RS256' }), {}],
    '`crit` naming an extension': [hs256({ sub: 'a' }, SECRET, { alg: 'HS256', crit: ['foo'], foo: 1 }), {}],
    'claims set not JSON': [hs256('nope'), {}],
    'token over 64 KB': [hs256({ sub: 'a', pad: 'x'.repeat(70_000) }), {}],
  };
  // A peer's cell for a token it accepted.
  const accepted = 'none: verified';

  test('every failure row is what the three libraries answer', () => {
    const rows = readmeTable('| failure |');
    assert.deepEqual(rows.map(([failure]) => failure).sort(), Object.keys(failures).sort(), 'the README rows and the cases here');
    for (const [failure, jsonwebtokenError, fastJwtCode, jwtWasmCell] of rows) {
      const [token, options] = failures[failure];
      const seen = outcomes(token, options);
      assert.equal(seen.jsonwebtoken === 'ok' ? accepted : seen.jsonwebtoken.name, unquote(jsonwebtokenError), `${failure}: jsonwebtoken ${seen.jsonwebtoken}`);
      assert.equal(seen.fastJwt === 'ok' ? accepted : seen.fastJwt.code, unquote(fastJwtCode), `${failure}: fast-jwt ${seen.fastJwt}`);
      const [, code, claim] = unquote(jwtWasmCell).match(/^(\S+)(?: \((\w+)\))?$/);
      assert.ok(seen.jwtWasm instanceof JwtError, `${failure}: jwt-wasm ${seen.jwtWasm}`);
      assert.deepEqual([seen.jwtWasm.code, seen.jwtWasm.claim], [code, claim], failure);
    }
    // As the note below the table says: a payload segment that cannot be read, under a wrong
    // signature, fails the signature first (as in jose); fast-jwt calls it malformed.
    const [head] = hs256({ sub: 'a' }).split('.');
    for (const payload of ['!!!', Buffer.from('nope').toString('base64url')]) {
      const damaged = `${head}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      const seen = outcomes(damaged, {});
      assert.deepEqual([seen.fastJwt.code, seen.jwtWasm.code], ['FAST_JWT_MALFORMED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'], payload);
    }
    // As the note below the table says: without typ, jsonwebtoken returns a claims set that is not JSON as its text.
    assert.equal(jsonwebtoken.verify(hs256('nope', SECRET, { alg: 'HS256' }), SECRET), 'nope');
  });

  test('every option row states the units and meaning each library has', () => {
    // Keyed by the jwt-wasm cell: the peers' cells of that row, and a check that fails if the
    // row's statement stops being true.
    const expiredFiveSecondsAgo = hs256({ sub: 'a', exp: NOW - 5 });
    const hundredSecondsOld = hs256({ sub: 'a', iat: NOW - 100 });
    const ok = (seen) => Object.values(seen).every((outcome) => outcome === 'ok');
    const checks = {
      '`algorithms` (HS256, HS384 and HS512 only: a list naming `RS256` is `ERR_JOSE_NOT_SUPPORTED`)': [['`algorithms`', '`algorithms`'], () => {
        const hs512 = hs256({ sub: 'a' }, SECRET, { alg: 'HS512' });
        const same = { algorithms: ['HS256'] };
        assert.ok(Object.values(outcomes(hs512, { jsonwebtoken: same, fastJwt: same, jwtWasm: same })).every((o) => o !== 'ok'));
        const withRsa = { algorithms: ['HS256', 'RS256'] };
        const seen = outcomes(hs256({ sub: 'a' }), { jsonwebtoken: withRsa, jwtWasm: withRsa });
        assert.deepEqual([seen.jsonwebtoken, seen.jwtWasm.code], ['ok', 'ERR_JOSE_NOT_SUPPORTED']);
      }],
      '`audience` (strings; a RegExp is `ERR_OPTIONS_INVALID`)': [['`audience` (strings or RegExps)', '`allowedAud`'], () => {
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
        // As the paragraph under the table says: fast-jwt's numbers kept are far looser here.
        const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
        assert.ok(readme.includes("A fast-jwt `clockTolerance: 5000` or `maxAge: 7200000` kept as it was (renamed `maxTokenAge`) is taken here as about 83 minutes or 83 days"));
        const expiredAnHourAgo = hs256({ sub: 'a', exp: NOW - 3600 });
        const loose = outcomes(expiredAnHourAgo, { fastJwt: { clockTolerance: 5000 }, jwtWasm: { clockTolerance: 5000 } });
        assert.deepEqual([loose.fastJwt.code, loose.jwtWasm], ['FAST_JWT_EXPIRED', 'ok']);
        assert.equal(outcomes(hs256({ sub: 'a', exp: NOW - 5030 }), { jwtWasm: { clockTolerance: 5000 } }).jwtWasm.code, 'ERR_JWT_EXPIRED');
        const issuedTenDaysAgo = hs256({ sub: 'a', iat: NOW - 10 * 86_400 });
        const old = outcomes(issuedTenDaysAgo, { fastJwt: { maxAge: 7_200_000 }, jwtWasm: { maxTokenAge: 7_200_000 } });
        assert.deepEqual([old.fastJwt.code, old.jwtWasm], ['FAST_JWT_EXPIRED', 'ok']);
        assert.equal(outcomes(hs256({ sub: 'a', iat: NOW - 84 * 86_400 }), { jwtWasm: { maxTokenAge: 7_200_000 } }).jwtWasm.code, 'ERR_JWT_EXPIRED');
      }],
      "`maxTokenAge` (seconds, or `'2h'`); a token exactly that old still passes, through that whole second, as in jose (fast-jwt, counting milliseconds, passes it at that millisecond only; jsonwebtoken refuses it); a token whose `iat` is in the future (beyond `clockTolerance`) is refused, as in jose, where both let it through": [['`maxAge` (seconds, or `\'2h\'`)', '`maxAge` (milliseconds)'], () => {
        const issuedAhead = hs256({ sub: 'a', iat: NOW + 60 });
        const ahead = outcomes(issuedAhead, { jsonwebtoken: { maxAge: '2h' }, fastJwt: { maxAge: 7_200_000 }, jwtWasm: { maxTokenAge: '2h' } });
        assert.deepEqual([ahead.jsonwebtoken, ahead.fastJwt, ahead.jwtWasm.code, ahead.jwtWasm.claim], ['ok', 'ok', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat']);
        assert.equal(outcomes(issuedAhead, { jwtWasm: { maxTokenAge: '2h', clockTolerance: 60 } }).jwtWasm, 'ok');
        assert.equal(outcomes(issuedAhead, { jwtWasm: { maxTokenAge: '2h', clockTolerance: 30 } }).jwtWasm.claim, 'iat');
        assert.ok(ok(outcomes(hundredSecondsOld, { jsonwebtoken: { maxAge: 200 }, fastJwt: { maxAge: 200_000 }, jwtWasm: { maxTokenAge: 200 } })));
        assert.ok(ok(outcomes(hundredSecondsOld, { jsonwebtoken: { maxAge: '2h' }, fastJwt: { maxAge: 7_200_000 }, jwtWasm: { maxTokenAge: '2h' } })));
        assert.equal(outcomes(hundredSecondsOld, { fastJwt: { maxAge: 200 } }).fastJwt.code, 'FAST_JWT_EXPIRED');
        // Exactly maxAge old, at a fixed clock.
        const at = { jsonwebtoken: { clockTimestamp: NOW }, fastJwt: { clockTimestamp: NOW * 1000 }, jwtWasm: { currentDate: new Date(NOW * 1000) } };
        const edge = outcomes(hs256({ sub: 'a', iat: NOW - 100 }), {
          jsonwebtoken: { ...at.jsonwebtoken, maxAge: 100 }, fastJwt: { ...at.fastJwt, maxAge: 100_000 }, jwtWasm: { ...at.jwtWasm, maxTokenAge: 100 },
        });
        assert.deepEqual([edge.jsonwebtoken.name, edge.fastJwt, edge.jwtWasm], ['TokenExpiredError', 'ok', 'ok']);
        // Half a second later: still that second (jose and jwt-wasm), past the millisecond (fast-jwt).
        const later = { currentDate: new Date(NOW * 1000 + 500) };
        const half = outcomes(hs256({ sub: 'a', iat: NOW - 100 }), { fastJwt: { clockTimestamp: NOW * 1000 + 500, maxAge: 100_000 }, jwtWasm: { ...later, maxTokenAge: 100 } });
        assert.deepEqual([half.fastJwt.code, half.jwtWasm], ['FAST_JWT_EXPIRED', 'ok']);
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
      'none: `jwtVerify`, then the claims of a token refused for `exp` alone (below)': [['`ignoreExpiration`', 'the same'], () => {
        const token = hs256({ sub: 'a', exp: NOW - 100 });
        const ignoring = { ignoreExpiration: true };
        const seen = outcomes(token, { jsonwebtoken: ignoring, fastJwt: ignoring, jwtWasm: ignoring });
        assert.deepEqual([seen.jsonwebtoken, seen.fastJwt, seen.jwtWasm.code], ['ok', 'ok', 'ERR_OPTIONS_INVALID']);
        // The README's code block, run by its own test below, gives the claims.
        assert.deepEqual([seen.jwtWasm.code, outcomes(token, {}).jwtWasm.claim], ['ERR_OPTIONS_INVALID', 'exp']);
      }],
      'none: a token is refused until its `nbf`, less `clockTolerance`': [['`ignoreNotBefore`', 'the same'], () => {
        const token = hs256({ sub: 'a', nbf: NOW + 100 });
        const ignoring = { ignoreNotBefore: true };
        const seen = outcomes(token, { jsonwebtoken: ignoring, fastJwt: ignoring, jwtWasm: ignoring });
        assert.deepEqual([seen.jsonwebtoken, seen.fastJwt, seen.jwtWasm.code], ['ok', 'ok', 'ERR_OPTIONS_INVALID']);
        assert.equal(outcomes(token, {}).jwtWasm.claim, 'nbf');
        assert.equal(outcomes(token, { jwtWasm: { clockTolerance: 200 } }).jwtWasm, 'ok');
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
  test('the README\'s claimsEvenIfExpired, as written: what jsonwebtoken\'s ignoreExpiration accepts and refuses, never a forged token', () => {
    const { lang, code } = readmeCode(SECTION);
    assert.equal(lang, 'js');
    const importLine = "import { decodeJwt, jwtVerify } from 'jwt-wasm';\n";
    assert.ok(code.startsWith(importLine), 'the block imports what it uses from the package');
    // eslint-disable-next-line no-new-func
    const claimsEvenIfExpired = new Function('decodeJwt', 'jwtVerify', `${code.slice(importLine.length)}\nreturn claimsEvenIfExpired;`)(decodeJwt, jwtVerify);
    const options = { audience: 'api' };
    const claims = { sub: 'a', aud: 'api' };
    const cases = {
      valid: [hs256({ ...claims, exp: NOW + 100 }), 'ok'],
      expired: [hs256({ ...claims, exp: NOW - 100 }), 'ok'],
      'expired, another secret': [hs256({ ...claims, exp: NOW - 100 }, 'another-secret-of-at-least-32-bytes!'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      'expired, unsigned': [`${b64u({ alg: 'none' })}.${b64u({ ...claims, exp: NOW - 100 })}.`, 'ERR_JOSE_NOT_SUPPORTED'],
      'expired, another audience': [hs256({ ...claims, aud: 'web', exp: NOW - 100 }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
      'not yet valid': [hs256({ ...claims, nbf: NOW + 100 }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    };
    for (const [name, [token, expected]] of Object.entries(cases)) {
      let ours;
      try {
        ours = claimsEvenIfExpired(token, SECRET, options);
      } catch (error) {
        ours = error;
      }
      if (expected === 'ok') assert.deepEqual(ours, partsOf(token).payload, name);
      else assert.equal(ours.code, expected, name);
      // jsonwebtoken with ignoreExpiration gives the same verdict.
      const theirs = outcomes(token, { jsonwebtoken: { ...options, ignoreExpiration: true } }).jsonwebtoken;
      assert.equal(theirs === 'ok', expected === 'ok', `${name}: jsonwebtoken ${theirs}`);
    }
  });

  test('every error-check row: the jsonwebtoken check holds on its error, the jwt-wasm check on ours, the old one not', () => {
    const expired = hs256({ sub: 'a', exp: NOW - 100 });
    const early = hs256({ sub: 'a', nbf: NOW + 100 });
    const forged = hs256({ sub: 'a' }, 'another-secret-of-at-least-32-bytes!');
    const both = (token) => {
      const seen = outcomes(token, {});
      return [seen.jsonwebtoken, seen.jwtWasm];
    };
    checkRows('| jsonwebtoken check |', {
      "`err.code === 'ERR_JWT_EXPIRED'` (or `err instanceof errors.JWTExpired`; `err.name` is `'JWTExpired'`)": () => {
        const [theirs, ours] = both(expired);
        assert.ok(theirs.name === 'TokenExpiredError' && theirs instanceof jsonwebtoken.TokenExpiredError);
        assert.ok(ours.code === 'ERR_JWT_EXPIRED' && ours instanceof errors.JWTExpired && ours.name === 'JWTExpired');
        assert.notEqual(ours.name, 'TokenExpiredError');
      },
      "`err.claim === 'nbf' && err.reason === 'check_failed'` (code `ERR_JWT_CLAIM_VALIDATION_FAILED`; an `nbf` that is not a number is `reason: 'invalid'`, which jsonwebtoken reports as a `JsonWebTokenError`)": () => {
        const [theirs, ours] = both(early);
        assert.equal(theirs.name, 'NotBeforeError');
        assert.deepEqual([ours.claim, ours.reason, ours.code], ['nbf', 'check_failed', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);
        assert.notEqual(ours.name, 'NotBeforeError');
        // The claim alone would also take an nbf that is not a number, not a NotBeforeError there.
        const [theirsInvalid, oursInvalid] = both(hs256({ sub: 'a', nbf: 'later' }));
        assert.equal(theirsInvalid.name, 'JsonWebTokenError');
        assert.deepEqual([oursInvalid.claim, oursInvalid.reason, oursInvalid.code], ['nbf', 'invalid', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);
      },
      '`err instanceof JwtError` (configuration errors, `ERR_KEY_INVALID` and `ERR_OPTIONS_INVALID`, are `JwtError`s too)': () => {
        const [theirs, ours] = both(forged);
        assert.equal(theirs.name, 'JsonWebTokenError');
        assert.ok(ours instanceof JwtError);
        assert.notEqual(ours.name, 'JsonWebTokenError');
        for (const [call, code] of [[() => jwtVerify(forged, ''), 'ERR_KEY_INVALID'], [() => jwtVerify(forged, SECRET, { issuerr: 'x' }), 'ERR_OPTIONS_INVALID']]) {
          const error = errorOf(call);
          assert.ok(error instanceof JwtError && error.code === code, code);
        }
      },
      "`err.code === 'ERR_JWT_EXPIRED'` (messages differ, and may change)": () => {
        const [theirs, ours] = both(expired);
        assert.equal(theirs.message, 'jwt expired');
        assert.equal(ours.code, 'ERR_JWT_EXPIRED');
        assert.notEqual(ours.message, 'jwt expired');
      },
      '`new Date(decodeJwt(token).exp * 1000)`, after `ERR_JWT_EXPIRED` for `exp`': () => {
        const [theirs, ours] = both(expired);
        assert.deepEqual([ours.expiredAt, ours.claim], [undefined, 'exp']);
        assert.deepEqual(new Date(decodeJwt(expired).exp * 1000), theirs.expiredAt);
      },
      '`new Date(decodeJwt(token).nbf * 1000)`, after a `check_failed` for `nbf`': () => {
        const [theirs, ours] = both(early);
        assert.deepEqual([ours.date, ours.claim], [undefined, 'nbf']);
        assert.deepEqual(new Date(decodeJwt(early).nbf * 1000), theirs.date);
      },
    });
    // The first column of each row is what jsonwebtoken code checks.
    assert.deepEqual(readmeTable('| jsonwebtoken check |').map(([check]) => check), [
      "`err.name === 'TokenExpiredError'`, `err instanceof jwt.TokenExpiredError`", "`err.name === 'NotBeforeError'`",
      "`err.name === 'JsonWebTokenError'`", "`err.message === 'jwt expired'`", '`err.expiredAt`', '`err.date`',
    ]);
  });

  test('every signing-option row states what each library signs', () => {
    const at = new Date(NOW * 1000);
    // jsonwebtoken reads the clock from Date.now, set to NOW for the call.
    const jwt = (options, claims = { x: 1 }) => {
      const { now } = Date;
      Date.now = () => NOW * 1000;
      try {
        return partsOf(jsonwebtoken.sign(claims, SECRET, options));
      } finally {
        Date.now = now;
      }
    };
    const fast = (options, claims = { x: 1 }) => partsOf(createSigner({ key: SECRET, clockTimestamp: NOW * 1000, ...options })(claims));
    const ours = (options, claims = { x: 1 }) => partsOf(signJwt(claims, SECRET, { currentDate: at, ...options }));
    const refused = (options) => errorOf(() => signJwt({ x: 1 }, SECRET, options)).code;
    checkRows('| jsonwebtoken `sign` option |', {
      "`expirationTime: '3600s'` (or `'1h'`)": (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`expiresIn: 3600` (seconds from now)', '`expiresIn: 3600000` (milliseconds)']);
        assert.equal(jwt({ expiresIn: 3600 }).payload.exp, NOW + 3600);
        assert.equal(fast({ expiresIn: 3_600_000 }).payload.exp, NOW + 3600);
        assert.equal(ours({ expirationTime: '3600s' }).payload.exp, NOW + 3600);
        assert.equal(ours({ expirationTime: '1h' }).payload.exp, NOW + 3600);
        assert.equal(ours({ expirationTime: 3600 }).payload.exp, 3600);
      },
      "`notBefore: '60s'`": (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`notBefore: 60` (seconds from now)', '`notBefore: 60000` (milliseconds)']);
        assert.equal(jwt({ notBefore: 60 }).payload.nbf, NOW + 60);
        assert.equal(fast({ notBefore: 60_000 }).payload.nbf, NOW + 60);
        assert.equal(ours({ notBefore: '60s' }).payload.nbf, NOW + 60);
        assert.equal(ours({ notBefore: 60 }).payload.nbf, 60);
      },
      "none: `'3600'` is `ERR_OPTIONS_INVALID` (a duration needs its unit)": (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ["`expiresIn: '3600'` (digits only: milliseconds)", "`expiresIn: '3600'` (the same)"]);
        // 3,600 ms: 3 s once rounded down to whole seconds.
        assert.equal(jwt({ expiresIn: '3600' }).payload.exp, NOW + 3);
        assert.equal(fast({ expiresIn: '3600' }).payload.exp, NOW + 3);
        assert.equal(refused({ expirationTime: '3600' }), 'ERR_OPTIONS_INVALID');
      },
      '`issuedAt: true` (no `iat` without it, as in jose)': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`iat` added', '`iat` added']);
        assert.equal(jwt({}).payload.iat, NOW);
        assert.equal(fast({}).payload.iat, NOW);
        assert.equal(ours({ issuedAt: true }).payload.iat, NOW);
        assert.equal('iat' in ours({}).payload, false);
      },
      'the default': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`noTimestamp: true`', '`noTimestamp: true`']);
        assert.equal('iat' in jwt({ noTimestamp: true }).payload, false);
        assert.equal('iat' in fast({ noTimestamp: true }).payload, false);
        assert.equal(refused({ noTimestamp: true }), 'ERR_OPTIONS_INVALID');
      },
      'counted from now (the clock, or `currentDate`)': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ["`expiresIn` counted from the payload's `iat` when it has one", 'the same']);
        const claims = { iat: NOW - 1000 };
        assert.equal(jwt({ expiresIn: 60 }, claims).payload.exp, NOW - 940);
        assert.equal(fast({ expiresIn: 60_000 }, claims).payload.exp, NOW - 940);
        assert.deepEqual(ours({ expirationTime: '60s' }, claims).payload, { iat: NOW - 1000, exp: NOW + 60 });
      },
      '`alg`': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`algorithm`', '`algorithm`']);
        assert.equal(jwt({ algorithm: 'HS512' }).header.alg, 'HS512');
        assert.equal(fast({ algorithm: 'HS512' }).header.alg, 'HS512');
        assert.equal(ours({ alg: 'HS512' }).header.alg, 'HS512');
        assert.equal(refused({ algorithm: 'HS512' }), 'ERR_OPTIONS_INVALID');
      },
      '`jti`': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`jwtid`', '`jti`']);
        assert.deepEqual([jwt({ jwtid: 'j' }).payload.jti, fast({ jti: 'j' }).payload.jti, ours({ jti: 'j' }).payload.jti], ['j', 'j', 'j']);
        assert.equal(refused({ jwtid: 'j' }), 'ERR_OPTIONS_INVALID');
      },
      '`header: { kid }`': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`keyid`', '`kid`']);
        assert.deepEqual([jwt({ keyid: 'k' }).header.kid, fast({ kid: 'k' }).header.kid, ours({ header: { kid: 'k' } }).header.kid], ['k', 'k', 'k']);
        assert.equal(refused({ keyid: 'k' }), 'ERR_OPTIONS_INVALID');
      },
      '`issuer`, `subject`, `audience`': (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ['`issuer`, `subject`, `audience`', '`iss`, `sub`, `aud`']);
        const pick = ({ payload: { iss, sub, aud } }) => ({ iss, sub, aud });
        const expected = { iss: 'i', sub: 's', aud: 'a' };
        assert.deepEqual(pick(jwt({ issuer: 'i', subject: 's', audience: 'a' })), expected);
        assert.deepEqual(pick(fast({ iss: 'i', sub: 's', aud: 'a' })), expected);
        assert.deepEqual(pick(ours({ issuer: 'i', subject: 's', audience: 'a' })), expected);
      },
      "none added, as in jose: `header: { typ: 'JWT' }` for a verifier that checks `typ`": (theirs, fasts) => {
        assert.deepEqual([theirs, fasts], ["header `typ: 'JWT'` added", "header `typ: 'JWT'` added"]);
        assert.deepEqual([jwt({}).header.typ, fast({}).header.typ, ours({}).header.typ], ['JWT', 'JWT', undefined]);
        const typed = signJwt({ x: 1 }, SECRET, { header: { typ: 'JWT' } });
        assert.equal(jwtVerify(typed, SECRET, { typ: 'JWT' }).protectedHeader.typ, 'JWT');
        assert.equal(errorOf(() => jwtVerify(signJwt({ x: 1 }, SECRET), SECRET, { typ: 'JWT' })).claim, 'typ');
      },
    });
  });

  test('every jwt-decode row states what each library reads and throws', () => {
    const token = hs256({ sub: 'a' });
    const [header, payload] = token.split('.');
    checkRows('| jwt-decode |', {
      '`decodeJwt(token)`': (theirs) => {
        assert.equal(theirs, '`jwtDecode(token)`');
        assert.deepEqual(decodeJwt(token), jwtDecode(token));
      },
      '`decodeProtectedHeader(token)` (`decodeJwt` refuses the option: `ERR_OPTIONS_INVALID`)': (theirs) => {
        assert.equal(theirs, '`jwtDecode(token, { header: true })`');
        assert.deepEqual(decodeProtectedHeader(token), jwtDecode(token, { header: true }));
        assert.equal(errorOf(() => decodeJwt(token, { header: true })).code, 'ERR_OPTIONS_INVALID');
      },
      '`err instanceof JwtError`: `decodeJwt` throws `ERR_JWT_INVALID` (`errors.JWTInvalid`), `decodeProtectedHeader` `ERR_JWS_INVALID` (`errors.JWSInvalid`), and both `ERR_JWT_TOO_LONG` for a token over 64 KB (not an `errors.JWTInvalid`: catch `JwtError` to catch every refusal)': (theirs) => {
        assert.equal(theirs, '`err instanceof InvalidTokenError`');
        for (const bad of ['x', 'a.b.c', null]) {
          assert.ok(errorOf(() => jwtDecode(bad)) instanceof InvalidTokenError, String(bad));
          const claimsError = errorOf(() => decodeJwt(bad));
          const headerError = errorOf(() => decodeProtectedHeader(bad));
          assert.ok(claimsError instanceof JwtError && claimsError.code === 'ERR_JWT_INVALID' && claimsError instanceof errors.JWTInvalid, String(bad));
          assert.ok(headerError instanceof JwtError && headerError.code === 'ERR_JWS_INVALID' && headerError instanceof errors.JWSInvalid, String(bad));
        }
        // A long cookie or header: jwt-decode reads it, here it is a refusal of its own code.
        const long = hs256({ sub: 'a', pad: 'x'.repeat(50_000) });
        assert.equal(jwtDecode(long).sub, 'a');
        for (const call of [decodeJwt, decodeProtectedHeader]) {
          const error = errorOf(() => call(long));
          assert.ok(error instanceof JwtError && error.code === 'ERR_JWT_TOO_LONG' && !(error instanceof errors.JWTInvalid), call.name);
        }
      },
      'refused: two segments as jose refuses them; padding, which jose reads, as RFC 7515\'s base64url has none': (theirs) => {
        assert.equal(theirs, 'a token of two segments, or with base64 padding, read');
        const padding = '='.repeat((4 - (payload.length % 4)) % 4);
        assert.notEqual(padding, '');
        const [twoSegments, padded] = [`${header}.${payload}`, `${header}.${payload}${padding}.sig`];
        for (const read of [twoSegments, padded]) {
          assert.deepEqual(jwtDecode(read), { sub: 'a' }, read);
          assert.equal(errorOf(() => decodeJwt(read)).code, 'ERR_JWT_INVALID', read);
        }
        assert.equal(errorOf(() => jose.decodeJwt(twoSegments)).code, 'ERR_JWT_INVALID');
        assert.deepEqual(jose.decodeJwt(padded), { sub: 'a' });
      },
      'refused (`ERR_JWT_INVALID`), as jose refuses them': (theirs) => {
        assert.equal(theirs, 'a token of four or more segments, one in standard base64 (`+`, `/`), or a payload that is JSON but no object (`[1]`), read');
        // '>>>?' is '+/' in base64, '-_' in base64url.
        const standard = Buffer.from('{"a":">>>?"}').toString('base64');
        assert.match(standard, /[+/]/);
        const read = [
          [`${token}.more`, { sub: 'a' }],
          [`${header}.${standard}.sig`, { a: '>>>?' }],
          [`${header}.${Buffer.from('[1]').toString('base64url')}.sig`, [1]],
        ];
        for (const [bad, theirs] of read) {
          assert.deepEqual(jwtDecode(bad), theirs, bad);
          assert.equal(errorOf(() => decodeJwt(bad)).code, 'ERR_JWT_INVALID', bad);
          assert.equal(errorOf(() => jose.decodeJwt(bad)).code, 'ERR_JWT_INVALID', bad);
        }
      },
    });
  });

  test('callbacks: none here, a callback passed is refused; decode: jsonwebtoken\'s null is a throw here, as in fast-jwt', async () => {
    const token = hs256({ sub: 'a' });
    let called = false;
    assert.equal(errorOf(() => jwtVerify(token, SECRET, {}, () => { called = true; })).code, 'ERR_OPTIONS_INVALID');
    assert.equal(errorOf(() => signJwt({ sub: 'a' }, SECRET, {}, () => { called = true; })).code, 'ERR_OPTIONS_INVALID');
    assert.equal(errorOf(() => createVerifier(SECRET).verify(token, () => { called = true; })).code, 'ERR_OPTIONS_INVALID');
    // jsonwebtoken's forms without options: the callback in the options' place.
    assert.equal(errorOf(() => jwtVerify(token, SECRET, () => { called = true; })).code, 'ERR_OPTIONS_INVALID');
    assert.equal(errorOf(() => signJwt({ sub: 'a' }, SECRET, () => { called = true; })).code, 'ERR_OPTIONS_INVALID');
    assert.equal(called, false);
    // The peers call theirs (fast-jwt's with a key function).
    const viaCallback = (start) => new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
    assert.deepEqual(await viaCallback((done) => jsonwebtoken.verify(token, SECRET, {}, done)), { sub: 'a' });
    assert.deepEqual(await viaCallback((done) => fastVerifier({ key: async () => SECRET })(token, done)), { sub: 'a' });
    assert.equal(jsonwebtoken.decode('not a token'), null);
    // A payload that is JSON but no object: jsonwebtoken gives it as it is; fast-jwt has a code of its own.
    const [head] = token.split('.');
    const withPayload = (text) => `${head}.${Buffer.from(text).toString('base64url')}.sig`;
    assert.deepEqual(jsonwebtoken.decode(withPayload('[]')), []);
    assert.equal(errorOf(() => createDecoder()(withPayload('[]'))).code, 'FAST_JWT_INVALID_PAYLOAD');
    assert.equal(errorOf(() => createDecoder()('not a token')).code, 'FAST_JWT_MALFORMED');
    assert.equal(errorOf(() => decodeJwt('not a token')).code, 'ERR_JWT_INVALID');
    assert.equal(errorOf(() => decodeProtectedHeader('not a token')).code, 'ERR_JWS_INVALID');
    assert.equal(errorOf(() => decodeJwt(hs256({ sub: 'a', pad: 'x'.repeat(50_000) }))).code, 'ERR_JWT_TOO_LONG');
  });
});

describe('coming from @tsndr/cloudflare-worker-jwt (README)', () => {
  test('every cloudflare-worker-jwt row states what each library does', async () => {
    const { default: cf } = await import('@tsndr/cloudflare-worker-jwt');
    const settle = async (call) => {
      try {
        return await call();
      } catch (error) {
        return error;
      }
    };
    const good = hs256({ sub: 'a', exp: NOW + 600 });
    const forged = hs256({ sub: 'a', exp: NOW + 600 }, 'another-secret-of-at-least-32-bytes!');
    const expired = hs256({ sub: 'a', exp: NOW - 100 });
    const early = hs256({ sub: 'a', nbf: NOW + 100 });
    const hs512 = hs256({ sub: 'a' }, SECRET, { alg: 'HS512', typ: 'JWT' });
    const messageOf = async (token, options) => (await settle(() => cf.verify(token, SECRET, { throwError: true, ...options })))?.message;
    const ours = (token, options) => {
      const outcome = errorOf(() => jwtVerify(token, SECRET, options));
      return [outcome.code, outcome.claim, outcome.reason];
    };
    // Keyed by the jwt-wasm cell: the cloudflare-worker-jwt cell, and a check of both.
    const checks = {
      '`jwtVerify(token, secret, { algorithms: [\'HS256\'] })`: `{ payload, protectedHeader }`, or it throws (an `if (!verified)` becomes a `try`/`catch`)': ['`await jwt.verify(token, secret)`: `{ header, payload }`, or `undefined` if refused', async () => {
        const theirs = await cf.verify(good, SECRET);
        const mine = jwtVerify(good, SECRET, { algorithms: ['HS256'] });
        assert.deepEqual([theirs.header, theirs.payload], [mine.protectedHeader, mine.payload]);
        assert.equal(await cf.verify(forged, SECRET), undefined);
        assert.ok(errorOf(() => jwtVerify(forged, SECRET, { algorithms: ['HS256'] })) instanceof JwtError);
      }],
      'every refusal throws (`throwError` is `ERR_OPTIONS_INVALID`): `code` `ERR_JWT_EXPIRED`, `ERR_JWT_CLAIM_VALIDATION_FAILED` with `claim` `nbf`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`, and `ERR_JWS_INVALID` for a malformed token': ["`{ throwError: true }`: `Error('EXPIRED')`, `Error('NOT_YET_VALID')`, `Error('INVALID_SIGNATURE')` as the message", async () => {
        assert.deepEqual([await messageOf(expired), await messageOf(early), await messageOf(forged)], ['EXPIRED', 'NOT_YET_VALID', 'INVALID_SIGNATURE']);
        // Refused without throwError: undefined; malformed: thrown either way (the text above the table).
        assert.deepEqual([await cf.verify(expired, SECRET), await cf.verify(early, SECRET)], [undefined, undefined]);
        for (const malformed of ['not.a.token', 'one-segment']) {
          assert.ok((await settle(() => cf.verify(malformed, SECRET))) instanceof Error, malformed);
          assert.equal(ours(malformed)[0], 'ERR_JWS_INVALID', malformed);
        }
        assert.deepEqual([ours(expired)[0], ours(early).slice(0, 2), ours(forged)[0]], ['ERR_JWT_EXPIRED', ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf'], 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
        assert.equal(ours(good, { throwError: true })[0], 'ERR_OPTIONS_INVALID');
      }],
      '`{ algorithms: [\'HS512\'] }` (a token of another `alg` is `ERR_JOSE_ALG_NOT_ALLOWED`; without the option HS256, HS384 and HS512 are all taken, so name the one you sign with; a string in the options\' place is refused with this hint)': ["`{ algorithm: 'HS512' }`, or `'HS512'` as the third argument (`HS256` if not given; a token of another `alg` is `INVALID_SIGNATURE`)", async () => {
        assert.equal(await messageOf(hs512), 'INVALID_SIGNATURE');
        assert.equal((await cf.verify(hs512, SECRET, 'HS512')).payload.sub, 'a');
        assert.match(errorOf(() => jwtVerify(hs512, SECRET, 'HS512')).message, /not a string: for the algorithm, \{ algorithms: \['HS512'\] \}$/);
        assert.equal(await messageOf(good, { algorithm: 'HS512' }), 'INVALID_SIGNATURE');
        assert.equal((await cf.verify(hs512, SECRET, { algorithm: 'HS512' })).payload.sub, 'a');
        assert.equal(jwtVerify(hs512, SECRET, { algorithms: ['HS512'] }).payload.sub, 'a');
        assert.equal(ours(good, { algorithms: ['HS512'] })[0], 'ERR_JOSE_ALG_NOT_ALLOWED');
        assert.equal(jwtVerify(hs512, SECRET).payload.sub, 'a', 'without the option');
      }],
      'never: an unsecured token is `ERR_JOSE_NOT_SUPPORTED` (`ERR_JWS_INVALID` without its third segment), and so are `algorithms: [\'none\']` and `alg: \'none\'`': ["`'none'` as the algorithm: `jwt.sign(claims, secret, 'none')` makes a token of two segments without a signature, and `jwt.verify(token, secret, 'none')` takes it (with any third segment, which it never reads)", async () => {
        const unsecured = await cf.sign({ sub: 'a' }, SECRET, 'none');
        assert.equal(unsecured.split('.').length, 2);
        assert.deepEqual(partsOf(`${unsecured}.`).header.alg, 'none');
        for (const token of [unsecured, `${unsecured}.`, `${unsecured}.not-a-signature`]) {
          assert.equal((await cf.verify(token, SECRET, { algorithm: 'none', throwError: true })).payload.sub, 'a', token);
          assert.equal((await cf.verify(token, SECRET, 'none')).payload.sub, 'a', token);
        }
        assert.equal(ours(unsecured)[0], 'ERR_JWS_INVALID');
        assert.equal(ours(`${unsecured}.`)[0], 'ERR_JOSE_NOT_SUPPORTED');
        assert.equal(ours(`${unsecured}.`, { algorithms: ['none'] })[0], 'ERR_JOSE_NOT_SUPPORTED');
        assert.equal(ours(good, { algorithms: ['none'] })[0], 'ERR_JOSE_NOT_SUPPORTED');
        assert.equal(errorOf(() => signJwt({ sub: 'a' }, SECRET, { alg: 'none' })).code, 'ERR_JOSE_NOT_SUPPORTED');
      }],
      'the same': ['`{ clockTolerance: 30 }` (seconds)', async () => {
        const justExpired = hs256({ sub: 'a', exp: NOW - 10 });
        assert.equal((await cf.verify(justExpired, SECRET, { clockTolerance: 30 })).payload.sub, 'a');
        assert.equal(jwtVerify(justExpired, SECRET, { clockTolerance: 30 }).payload.sub, 'a');
        assert.equal(await messageOf(justExpired, { clockTolerance: 5 }), 'EXPIRED');
        assert.equal(ours(justExpired, { clockTolerance: 5 })[0], 'ERR_JWT_EXPIRED');
      }],
      'expired from its `exp` second on (`exp <= now - clockTolerance`, with `now` in whole seconds, as in jose): one second sooner': ['a token taken during its `exp` second, and with `clockTolerance: 30` during the 30 seconds after it (expired once the current second is more than the tolerance past `exp`)', async () => {
        // cloudflare-worker-jwt reads Date.now() before its first await; its clock is set for
        // that synchronous part only (an exp long past, so that a later reading refuses).
        const exp = NOW - 1000;
        const token = hs256({ sub: 'a', exp });
        const at = async (ms, options) => {
          const realNow = Date.now;
          Date.now = () => ms;
          let pending;
          try {
            pending = settle(() => cf.verify(token, SECRET, { throwError: true, ...options }));
          } finally {
            Date.now = realNow;
          }
          const outcome = await pending;
          return outcome instanceof Error ? outcome.message : outcome.payload.sub;
        };
        const ourAt = (ms, options) => {
          try {
            return jwtVerify(token, SECRET, { currentDate: new Date(ms), ...options }).payload.sub;
          } catch (error) {
            return error.code;
          }
        };
        assert.deepEqual([await at(exp * 1000 + 999), await at(exp * 1000 + 1000)], ['a', 'EXPIRED']);
        assert.deepEqual([ourAt(exp * 1000 - 1), ourAt(exp * 1000)], ['a', 'ERR_JWT_EXPIRED']);
        const tolerance = { clockTolerance: 30 };
        assert.deepEqual([await at((exp + 30) * 1000 + 999, tolerance), await at((exp + 31) * 1000, tolerance)], ['a', 'EXPIRED']);
        assert.deepEqual([ourAt((exp + 30) * 1000 - 1, tolerance), ourAt((exp + 30) * 1000, tolerance)], ['a', 'ERR_JWT_EXPIRED']);
      }],
      '`exp: 0` is expired (`ERR_JWT_EXPIRED`); a value that is not a number is `ERR_JWT_CLAIM_VALIDATION_FAILED` with `reason: \'invalid\'`': ["`exp` or `nbf` of `0` or `null`: not checked; a string or other non-number: compared after conversion to a number (`'soon'` never expires)", async () => {
        for (const value of [0, null]) {
          const token = hs256({ sub: 'a', exp: value });
          assert.equal((await cf.verify(token, SECRET, { throwError: true })).payload.sub, 'a', String(value));
          assert.deepEqual(ours(token).slice(0, 2), value === 0 ? ['ERR_JWT_EXPIRED', 'exp'] : ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp'], String(value));
        }
        // Converted: a past time as text is expired there; text that is no number never expires.
        assert.equal(await messageOf(hs256({ sub: 'a', exp: String(NOW - 100) })), 'EXPIRED');
        assert.equal(await messageOf(hs256({ sub: 'a', nbf: String(NOW + 100) })), 'NOT_YET_VALID');
        for (const claim of ['exp', 'nbf']) {
          const token = hs256({ sub: 'a', [claim]: 'soon' });
          assert.equal((await cf.verify(token, SECRET, { throwError: true })).payload[claim], 'soon', claim);
          assert.deepEqual(ours(token), ['ERR_JWT_CLAIM_VALIDATION_FAILED', claim, 'invalid'], claim);
          assert.deepEqual(ours(hs256({ sub: 'a', [claim]: String(NOW) })), ['ERR_JWT_CLAIM_VALIDATION_FAILED', claim, 'invalid'], claim);
        }
      }],
      '`ERR_KEY_INVALID`: pass the bytes given to `importKey` (see Keys)': ['a `CryptoKey` (from `crypto.subtle.importKey`) as the secret', async () => {
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
        assert.equal((await cf.verify(good, key, { throwError: true })).payload.sub, 'a');
        assert.equal(errorOf(() => jwtVerify(good, key)).code, 'ERR_KEY_INVALID');
      }],
      'its UTF-8 bytes: for a secret with such characters, `Uint8Array.from({ length: secret.length }, (_, i) => secret.charCodeAt(i))` is the key cloudflare-worker-jwt used': ["a string secret: each UTF-16 code unit's low byte, so a secret beyond Latin-1 is not its UTF-8", async () => {
        const secret = 'clé-€-😀-of-at-least-32-bytes-long!!';
        const theirs = await cf.sign({ sub: 'a' }, secret);
        assert.equal(errorOf(() => jwtVerify(theirs, secret)).code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
        const same = Uint8Array.from({ length: secret.length }, (_, i) => secret.charCodeAt(i));
        assert.equal(jwtVerify(theirs, same).payload.sub, 'a');
        assert.equal((await cf.verify(signJwt({ sub: 'a' }, same), secret, { throwError: true })).payload.sub, 'a');
      }],
      '`ERR_JWS_INVALID`': ['a token of four or more segments: the first three read', async () => {
        assert.equal((await cf.verify(`${good}.extra`, SECRET, { throwError: true })).payload.sub, 'a');
        assert.equal(ours(`${good}.extra`)[0], 'ERR_JWS_INVALID');
      }],
      '`issuer` and `audience` options (`ERR_JWT_CLAIM_VALIDATION_FAILED`)': ['no issuer or audience check: compare `payload.iss` and `payload.aud` yourself', async () => {
        const theirs = hs256({ sub: 'a', iss: 'them', aud: 'web', exp: NOW + 600 });
        assert.equal((await cf.verify(theirs, SECRET, { throwError: true })).payload.iss, 'them');
        assert.deepEqual(ours(theirs, { issuer: 'me' }).slice(0, 2), ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss']);
        assert.deepEqual(ours(theirs, { audience: 'api' }).slice(0, 2), ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud']);
      }],
      '`decodeJwt(token)` and `decodeProtectedHeader(token)`': ['`jwt.decode(token)`: `{ header, payload }`', async () => {
        const { header, payload } = cf.decode(good);
        assert.deepEqual([header, payload], [decodeProtectedHeader(good), decodeJwt(good)]);
      }],
      '`signJwt(claims, secret, { issuedAt: true, header: { typ: \'JWT\' } })` (`issuedAt: true` replaces an `iat` the claims have: leave it out to keep theirs; your object is never changed)': ["`await jwt.sign(claims, secret)`: adds `iat` (written into your object, keeping one it has) and `typ: 'JWT'` to the header", async () => {
        const claims = { sub: 'a' };
        await cf.sign(claims, SECRET);
        assert.equal(typeof claims.iat, 'number', 'cloudflare-worker-jwt wrote iat into the object');
        assert.equal(partsOf(await cf.sign({ sub: 'a', iat: 5 }, SECRET)).payload.iat, 5);
        const mineClaims = { sub: 'a', iat: 5 };
        assert.notEqual(partsOf(signJwt(mineClaims, SECRET, { issuedAt: true })).payload.iat, 5);
        assert.equal(partsOf(signJwt(mineClaims, SECRET)).payload.iat, 5);
        assert.deepEqual(mineClaims, { sub: 'a', iat: 5 });
        const theirs = partsOf(await cf.sign({ sub: 'a' }, SECRET));
        const mine = signJwt({ sub: 'a' }, SECRET, { issuedAt: true, header: { typ: 'JWT' } });
        assert.deepEqual([theirs.header, Object.keys(theirs.payload)], [{ typ: 'JWT', alg: 'HS256' }, ['sub', 'iat']]);
        assert.deepEqual([partsOf(mine).header, Object.keys(partsOf(mine).payload)], [{ alg: 'HS256', typ: 'JWT' }, ['sub', 'iat']]);
        assert.ok(Math.abs(theirs.payload.iat - partsOf(mine).payload.iat) <= 2);
        assert.equal((await cf.verify(mine, SECRET, { throwError: true })).payload.sub, 'a');
      }],
      '`signJwt(claims, secret, { alg: \'HS512\' })`': ["`await jwt.sign(claims, secret, { algorithm: 'HS512' })`", async () => {
        const theirs = await cf.sign({ sub: 'a' }, SECRET, { algorithm: 'HS512' });
        const mine = signJwt({ sub: 'a' }, SECRET, { alg: 'HS512' });
        assert.deepEqual([partsOf(theirs).header.alg, partsOf(mine).header.alg], ['HS512', 'HS512']);
        assert.equal(jwtVerify(theirs, SECRET, { algorithms: ['HS512'] }).payload.sub, 'a');
        assert.equal((await cf.verify(mine, SECRET, { algorithm: 'HS512', throwError: true })).payload.sub, 'a');
      }],
    };
    const rows = readmeTable('| cloudflare-worker-jwt |');
    assert.deepEqual(rows.map(([, mine]) => mine).sort(), Object.keys(checks).sort(), 'the README rows and the checks here');
    for (const [theirs, mine] of rows) {
      assert.equal(theirs, checks[mine][0], mine);
      await checks[mine][1]();
    }
  });
});

describe("Hono's jwt() middleware (README, Hono)", () => {
  test('a future iat, which Hono refuses, is refused here only under maxTokenAge, as the README says', async () => {
    const { verify } = await import('hono/jwt');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    assert.ok(readme.includes("Hono's `jwt()` also refuses a token whose `iat` is in the future; here, as in jose, only `maxTokenAge` does (beyond `clockTolerance`): give it the oldest token you take, such as `maxTokenAge: '1d'`, to refuse them too."));
    const ahead = jsonwebtoken.sign({ sub: 'a', iat: NOW + 600 }, SECRET, { algorithm: 'HS256' });
    await assert.rejects(verify(ahead, SECRET, 'HS256'), { name: 'JwtTokenIssuedAt' });
    assert.equal(jwtVerify(ahead, SECRET, { algorithms: ['HS256'] }).payload.sub, 'a');
    const refused = errorOf(() => jwtVerify(ahead, SECRET, { algorithms: ['HS256'], maxTokenAge: '1d' }));
    assert.deepEqual([refused.code, refused.claim], ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat']);
    // A token issued now passes both.
    const now = jsonwebtoken.sign({ sub: 'a' }, SECRET, { algorithm: 'HS256' });
    assert.equal((await verify(now, SECRET, 'HS256')).sub, 'a');
    assert.equal(jwtVerify(now, SECRET, { algorithms: ['HS256'], maxTokenAge: '1d' }).payload.sub, 'a');
  });
});
