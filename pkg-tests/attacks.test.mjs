// The attack catalogue (vectors/attacks.json, the same file tests/attacks.rs reads) through the
// wasm package: each case gives its expected code (or, for the legitimate look-alikes, exactly
// the signed claims) through jwtVerify and createVerifier().verify, no message echoes the token,
// the decoders and expiry helpers throw only JwtErrors on it, and afterwards a long-lived
// verifier and jwtVerify on the same wasm instance still accept a good token. A wasm trap (a
// Rust panic) would fail the case and break every case after it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  expiryInfo,
  isExpired,
  JwtError,
  jwtVerify,
  signJwt,
} from 'jwt-wasm';
import { keyOf, thrown } from './vectors.mjs';

const catalogue = JSON.parse(readFileSync(new URL('../vectors/attacks.json', import.meta.url), 'utf8'));
const NOW = new Date(catalogue.now * 1000);
const KEY = catalogue.key.utf8;
const CODES = new Set(errorCodes());

const tokenOf = (testCase) =>
  testCase.token ?? `${testCase.build.prefix}${testCase.build.repeat.repeat(testCase.build.times)}${testCase.build.suffix}`;
const decodeSegment = (token, index) => JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));

/** The long-lived instance that must survive every case. */
const instance = createVerifier(KEY, { currentDate: NOW });

/** Deep equality of JSON values without recursion (the nested cases overflow recursive ones,
 * JSON.stringify included); member order counts, as it does for JSON.parse results. */
function sameJson(a, b) {
  const stack = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop();
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const keys = Object.keys(x);
    const others = Object.keys(y);
    if (keys.length !== others.length || keys.some((k, i) => k !== others[i])) return false;
    for (const k of keys) stack.push([x[k], y[k]]);
  }
  return true;
}

function attempt(call) {
  try {
    return { result: call() };
  } catch (error) {
    return { error };
  }
}

function checkError(error, token, how) {
  assert.ok(error instanceof JwtError, `${how}: not a JwtError (a trap?): ${error}`);
  assert.ok(CODES.has(error.code), `${how}: unknown code ${error.code}`);
  for (const part of [token, ...token.split('.')].filter((p) => p.length >= 12)) {
    assert.ok(!error.message.includes(part), `${how}: the message echoes the token: ${error.message}`);
  }
}

function checkOutcome(testCase, token, { result, error }, how) {
  if (testCase.expect.valid) {
    assert.equal(error, undefined, `${how}: expected acceptance, got ${error?.code}`);
    // Exactly the claims and header that were signed.
    assert.ok(sameJson(result.payload, decodeSegment(token, 1)), `${how}: payload differs from the signed one`);
    assert.ok(sameJson(result.protectedHeader, decodeSegment(token, 0)), `${how}: header differs from the signed one`);
    return;
  }
  assert.notEqual(error, undefined, `${how}: accepted, expected ${JSON.stringify(testCase.expect)}`);
  checkError(error, token, how);
  assert.deepEqual(thrown(error), testCase.expect, how);
}

const groups = [...new Set(catalogue.cases.map((c) => c.group))];
for (const group of groups) {
  describe(`attack: ${group}`, () => {
    for (const testCase of catalogue.cases.filter((c) => c.group === group)) {
      test(testCase.name, () => {
        const token = tokenOf(testCase);
        const key = testCase.key === undefined ? KEY : keyOf(testCase);
        const options = { ...testCase.options, currentDate: NOW };
        checkOutcome(testCase, token, attempt(() => jwtVerify(token, key, options)), 'jwtVerify');
        checkOutcome(testCase, token, attempt(() => createVerifier(key, options).verify(token)), 'createVerifier');
        // The unverifying readers may accept or refuse it, but only ever with a JwtError.
        for (const [how, call] of [
          ['decodeJwt', () => decodeJwt(token)],
          ['decodeProtectedHeader', () => decodeProtectedHeader(token)],
          ['expiryInfo', () => expiryInfo(token, { currentDate: NOW })],
          ['isExpired', () => isExpired(token, { currentDate: NOW })],
        ]) {
          const { error } = attempt(call);
          if (error !== undefined) checkError(error, token, how);
        }
        assert.equal(instance.verify(catalogue.good).payload.sub, 'ada', 'the long-lived verifier still works');
        assert.equal(jwtVerify(catalogue.good, KEY, { currentDate: NOW }).payload.sub, 'ada', 'the instance still works');
      });
    }
  });
}

describe('attack: JavaScript-only inputs', () => {
  const codeOf = (call) => {
    const { error } = attempt(call);
    assert.ok(error instanceof JwtError, `expected a JwtError, got ${error}`);
    return error.code;
  };

  test('a token that is not a string is ERR_JWS_INVALID', () => {
    for (const token of [42, null, undefined, {}, [], new Uint8Array(3), Symbol.for('t'), 10n, new String(catalogue.good), () => catalogue.good]) {
      assert.equal(codeOf(() => jwtVerify(token, KEY, { currentDate: NOW })), 'ERR_JWS_INVALID', String(token?.toString?.()));
      assert.equal(codeOf(() => instance.verify(token)), 'ERR_JWS_INVALID');
    }
    assert.equal(instance.verify(catalogue.good).payload.sub, 'ada');
  });

  test('an absent or empty key is ERR_KEY_INVALID, and so is one of zero bytes only (HMAC\'s empty key)', () => {
    const zeros = { kty: 'oct', k: Buffer.alloc(32).toString('base64url') };
    for (const key of [undefined, null, '', new Uint8Array(0), Buffer.alloc(0), new Uint8Array(32), Buffer.alloc(1), '\0\0', zeros]) {
      assert.equal(codeOf(() => jwtVerify(catalogue.good, key, { currentDate: NOW })), 'ERR_KEY_INVALID', String(key));
      assert.equal(codeOf(() => createVerifier(key)), 'ERR_KEY_INVALID', String(key));
      if (key != null) assert.equal(codeOf(() => signJwt({ sub: 'x' }, key)), 'ERR_KEY_INVALID', String(key));
    }
    assert.equal(instance.verify(catalogue.good).payload.sub, 'ada');
  });

  test('lone UTF-16 surrogates in a token are refused', () => {
    const [h, p, s] = catalogue.good.split('.');
    for (const token of [`${h}\ud800.${p}.${s}`, `${h}.${p}\ud800.${s}`, `${h}.${p}.${s}\udfff`, '\ud800.\ud800.\ud800']) {
      assert.equal(codeOf(() => jwtVerify(token, KEY, { currentDate: NOW })), 'ERR_JWS_INVALID');
    }
    assert.equal(instance.verify(catalogue.good).payload.sub, 'ada');
  });

  test('a __proto__ claim is an own property and pollutes no prototype', () => {
    const testCase = catalogue.cases.find((c) => c.name.includes('__proto__'));
    const { payload } = jwtVerify(testCase.token, KEY, { currentDate: NOW });
    assert.ok(Object.hasOwn(payload, '__proto__'));
    assert.equal(Object.getPrototypeOf(payload), Object.prototype);
    assert.equal(payload.admin, undefined);
    assert.equal({}.admin, undefined);
    assert.equal(Object.prototype.admin, undefined);
    assert.deepEqual(payload.__proto__, { admin: true }); // eslint-disable-line no-proto
  });
});
