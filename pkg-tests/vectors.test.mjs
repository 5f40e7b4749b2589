// Every shared vector through the built package, imported by name as a consumer would.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifier, expiryInfo, isExpired, jwtVerify } from 'jwt-wasm';
import { keyOf, optionsAt, outcome, thrown, vectors } from './vectors.mjs';

describe('verify vectors', () => {
  for (const testCase of vectors.verify) {
    test(testCase.name, () => {
      const once = outcome(() => jwtVerify(testCase.token, keyOf(testCase), optionsAt(testCase)));
      assert.deepEqual(once, testCase.expect, 'jwtVerify');
      const prepared = outcome(() => createVerifier(keyOf(testCase), optionsAt(testCase)).verify(testCase.token));
      assert.deepEqual(prepared, testCase.expect, 'createVerifier().verify');
    });
  }
});

describe('expiry vectors', () => {
  const seconds = (date) => (date === null ? null : date.getTime() / 1000);
  for (const testCase of vectors.expiry) {
    test(testCase.name, () => {
      let got;
      try {
        const info = expiryInfo(testCase.token, optionsAt(testCase));
        got = { ...info, expiresAt: seconds(info.expiresAt), issuedAt: seconds(info.issuedAt), notBefore: seconds(info.notBefore) };
        assert.equal(isExpired(testCase.token, optionsAt(testCase)), info.expired, 'isExpired agrees with expiryInfo');
      } catch (error) {
        got = thrown(error);
      }
      assert.deepEqual(got, testCase.expect);
    });
  }
});
