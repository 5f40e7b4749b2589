// Interoperability with other languages' JWT libraries, from a recorded fixture
// (pkg-tests/interop-vectors.json, made by scripts/interop/: the libraries are needed only there).
// Forward: every token PyJWT, python-jose, joserfc, ruby-jwt, golang-jwt and Rust's jsonwebtoken
// made goes through jwtVerify, createVerifier, decodeJwt, decodeProtectedHeader, expiryInfo and
// isExpired, and through jose's jwtVerify, decodeJwt and decodeProtectedHeader, with the same key,
// options and clock: jwt-wasm must give the outcome the fixture expects (the claims and header the
// issuing library itself decoded, or the recorded error), and jose the same outcome, except in the
// cases marked with a deliberate difference, where jose's recorded outcome is checked and the
// README must list the difference. Reverse: the tokens jwt-wasm signed are still the ones it signs
// now, jose and jwt-wasm accept or refuse them, and every other library judged them as expected
// when the fixture was made.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { createVerifier, decodeJwt, decodeProtectedHeader, expiryInfo, isExpired, JwtError, jwtVerify, signJwt } from 'jwt-wasm';
import { failureOf } from './vector-cases.mjs';

const fixture = JSON.parse(readFileSync(new URL('./interop-vectors.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const stricter = readme.split('### Where jwt-wasm is stricter than jose')[1]?.split('\n### ')[0] ?? '';

// The deliberate differences these tokens meet, each with the README line that lists it
// ("Where jwt-wasm is stricter than jose (deliberately)").
const DIFFERENCES = {
  'duplicate member names': 'Duplicate member names in the header or at the top level of the claims set are refused',
  'non-finite time claim': '`exp`, `nbf` and `iat` must be *finite* numbers',
  'lone surrogate escape': 'A `\\u` escape of a lone UTF-16 surrogate',
};

const keyOf = (secret) => (secret.utf8 !== undefined ? new TextEncoder().encode(secret.utf8) : new Uint8Array(Buffer.from(secret.base64url, 'base64url')));

/** What one of our calls gave: its value, or its JwtError's code, claim and reason. */
function ours(call) {
  try {
    return { ok: call() };
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error?.stack ?? error}`);
    return failureOf(error);
  }
}

/** What one of jose's calls gave; an error without a JOSE code is kept apart (never expected). */
async function theirs(call) {
  try {
    return { ok: await call() };
  } catch (error) {
    if (typeof error?.code === 'string' && error.code.startsWith('ERR_')) return failureOf(error);
    return { uncoded: `${error?.name}: ${error?.message}` };
  }
}

/** A recorded outcome ("ok" with the value given, or a failure) in the shape ours/theirs give. */
const expected = (recorded, value) => (recorded === 'ok' ? { ok: value } : recorded);
const parsedOrUndefined = (text) => (text === null ? undefined : JSON.parse(text));

const FINITE = (value) => typeof value === 'number' && Number.isFinite(value);

describe('tokens made by other libraries: jwt-wasm and jose agree, with the outcome recorded', () => {
  for (const c of fixture.cases) {
    test(`${c.library}: ${c.name}`, async () => {
      const key = keyOf(c.secret);
      const currentDate = new Date(c.now * 1000);
      const options = { ...c.options, currentDate };
      const payload = parsedOrUndefined(c.payloadJson);
      const header = parsedOrUndefined(c.headerJson);
      const result = (r) => (r.ok ? { ok: { payload: r.ok.payload, protectedHeader: r.ok.protectedHeader } } : r);

      // jwtVerify and createVerifier: the recorded outcome.
      const verified = result(ours(() => jwtVerify(c.token, key, options)));
      assert.deepStrictEqual(verified, expected(c.expect, { payload, protectedHeader: header }), 'jwtVerify');
      assert.deepStrictEqual(result(ours(() => createVerifier(key, options).verify(c.token))), verified, 'createVerifier().verify');
      // decodeJwt and decodeProtectedHeader: the claims and header the issuing library decoded.
      const decoded = ours(() => decodeJwt(c.token));
      assert.deepStrictEqual(decoded, expected(c.expectDecode, payload), 'decodeJwt');
      const decodedHeader = ours(() => decodeProtectedHeader(c.token));
      assert.deepStrictEqual(decodedHeader, expected(c.expectHeaderDecode, header), 'decodeProtectedHeader');

      // jose, with the same key, options and clock.
      const joseVerified = result(await theirs(() => jose.jwtVerify(c.token, key, options)));
      const joseDecoded = await theirs(() => jose.decodeJwt(c.token));
      const joseHeader = await theirs(() => jose.decodeProtectedHeader(c.token));
      if (c.difference === undefined) {
        assert.deepStrictEqual(joseVerified, verified, 'jose.jwtVerify and jwtVerify');
        assert.deepStrictEqual(joseDecoded, decoded, 'jose.decodeJwt and decodeJwt');
        assert.deepStrictEqual(joseHeader, decodedHeader, 'jose.decodeProtectedHeader and decodeProtectedHeader');
      } else {
        // A deliberate difference: jose's recorded outcome (where it accepts, the claims the issuing
        // library decoded too: the last of duplicate names, Infinity, a lone surrogate), ours above,
        // and the README line that lists it.
        assert.ok(Object.hasOwn(DIFFERENCES, c.difference), `unknown difference "${c.difference}"`);
        assert.ok(stricter.includes(DIFFERENCES[c.difference]), `the README does not list: ${DIFFERENCES[c.difference]}`);
        assert.notDeepStrictEqual(joseVerified, verified, 'listed as a difference, yet jose agrees');
        assert.deepStrictEqual(joseVerified, expected(c.jose.verify, { payload, protectedHeader: joseHeader.ok }), 'jose.jwtVerify (recorded)');
        assert.deepStrictEqual(joseDecoded, expected(c.jose.decode, payload), 'jose.decodeJwt (recorded)');
        if (c.expectHeaderDecode === 'ok') assert.deepStrictEqual(joseHeader, decodedHeader, 'jose.decodeProtectedHeader');
      }

      // expiryInfo and isExpired (no verification): the times the issuing library wrote, judged
      // at the case's clock as jwtVerify judged them.
      const tolerance = c.options.clockTolerance;
      const expiryOptions = { currentDate, ...(tolerance === undefined ? {} : { clockTolerance: tolerance }) };
      const info = ours(() => expiryInfo(c.token, expiryOptions));
      if (decoded.ok === undefined) {
        // README (API): expiryInfo reads the payload segment as decodeJwt does.
        assert.deepStrictEqual(info, decoded, 'expiryInfo of a token decodeJwt refuses');
        assert.deepStrictEqual(ours(() => isExpired(c.token, expiryOptions)), decoded, 'isExpired of a token decodeJwt refuses');
        return;
      }
      const bad = ['exp', 'nbf', 'iat'].filter((name) => name in payload && !FINITE(payload[name]));
      if (bad.length > 0) {
        assert.equal(info.code, 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'expiryInfo of a time claim that is not a finite number');
        assert.equal(info.reason, 'invalid');
        assert.ok(bad.includes(info.claim), `expiryInfo names ${info.claim}, not one of ${bad}`);
        assert.deepStrictEqual(ours(() => isExpired(c.token, expiryOptions)), info, 'isExpired throws as expiryInfo does');
        return;
      }
      assert.ok(info.ok, `expiryInfo: ${JSON.stringify(info)}`);
      const seconds = (date) => (date === null ? null : date.getTime());
      const dateOf = (value) => (value === undefined ? null : new Date(value * 1000).getTime());
      assert.deepStrictEqual(
        [seconds(info.ok.expiresAt), seconds(info.ok.notBefore), seconds(info.ok.issuedAt)],
        [dateOf(payload.exp), dateOf(payload.nbf), dateOf(payload.iat)],
        'expiryInfo dates are the claims',
      );
      if (verified.code === 'ERR_JWT_EXPIRED' && verified.claim === 'exp') assert.equal(info.ok.expired, true, 'expired for jwtVerify, not for expiryInfo');
      if (verified.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && verified.claim === 'nbf') assert.equal(info.ok.notYetValid, true, 'not yet valid for jwtVerify, not for expiryInfo');
      if (verified.ok) assert.deepStrictEqual([info.ok.expired, info.ok.notYetValid], [false, false], 'valid for jwtVerify, not for expiryInfo');
      assert.equal(isExpired(c.token, expiryOptions), info.ok.expired, 'isExpired agrees with expiryInfo');
    });
  }
});

describe('tokens jwt-wasm signed: the same tokens today, and every library accepted or refused them as expected', () => {
  const at = new Date(Math.min(...Object.values(fixture.verifiedAt)) * 1000);
  for (const t of fixture.reverse) {
    test(t.name, async () => {
      const signingKey = t.key.utf8 ?? t.key.jwk;
      assert.equal(signJwt(t.claims, signingKey, { ...t.options, currentDate: new Date(t.now * 1000) }), t.token,
        'signJwt no longer makes this token: rerun scripts/interop (see assemble.mjs) so the other libraries judge the new one');
      // jwt-wasm and jose, at the time the other libraries judged it, told what they were told.
      const options = { algorithms: [t.verify.alg], currentDate: at };
      if (t.verify.audience !== undefined) options.audience = t.verify.audience;
      if (t.verify.issuer !== undefined) options.issuer = t.verify.issuer;
      const key = keyOf(t.verify.secret);
      const mine = ours(() => jwtVerify(t.token, key, options).payload);
      const joseSide = await theirs(async () => (await jose.jwtVerify(t.token, key, options)).payload);
      assert.deepStrictEqual(joseSide, mine, 'jose and jwt-wasm');
      const refusal = { expired: { code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' }, signature: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' }, audience: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud', reason: 'check_failed' } };
      if (t.expect === 'ok') assert.ok(mine.ok, JSON.stringify(mine));
      else assert.deepStrictEqual(mine, refusal[t.expect]);
      // The other libraries' recorded verdicts.
      assert.deepStrictEqual(Object.keys(t.results).sort(), Object.keys(fixture.libraries).sort(), 'a verdict from every library');
      for (const [library, r] of Object.entries(t.results)) {
        assert.equal(r.agrees, true, `${library} judged it ${r.verdict}${r.error ? ` (${r.error})` : ''}, expected ${t.expect}`);
        assert.equal(r.verdict, t.expect === 'ok' ? 'ok' : 'error', library);
      }
    });
  }
});

test('the fixture covers each library, both outcomes, and every listed difference', () => {
  const names = Object.keys(fixture.libraries);
  assert.ok(names.length >= 6, `libraries: ${names}`);
  for (const library of names) {
    const own = fixture.cases.filter((c) => c.library === library);
    assert.ok(own.some((c) => c.expect === 'ok'), `${library}: no token that verifies`);
    assert.ok(own.some((c) => c.expect !== 'ok'), `${library}: no token that fails`);
    assert.ok(/\d/.test(fixture.libraries[library].version), `${library}: no version recorded`);
  }
  for (const c of fixture.cases) assert.ok(c.code && c.secret && c.options && Number.isInteger(c.now), `${c.library}: ${c.name}: incomplete`);
  const codes = new Set(fixture.cases.map((c) => c.expect.code).filter(Boolean));
  for (const code of ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWT_INVALID', 'ERR_JWS_INVALID']) {
    assert.ok(codes.has(code), `no case expects ${code}`);
  }
  for (const difference of Object.keys(DIFFERENCES)) assert.ok(fixture.cases.some((c) => c.difference === difference), `no case meets "${difference}"`);
  assert.ok(fixture.reverse.length > 0 && fixture.reverse.some((t) => t.expect !== 'ok'));
  // The README's count of them (Security and hardening).
  assert.ok(readme.includes(`${fixture.cases.length} tokens made by`), `the README does not say ${fixture.cases.length} tokens`);
});
