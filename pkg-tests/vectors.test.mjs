// Every shared vector through the built package, imported by name as a consumer would.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifier, expiryInfo, isExpired, jwtVerify } from 'jwt-wasm';
import { expiryOutcome, keyOf, optionsAt, outcome, vectors } from './vectors.mjs';

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
  for (const testCase of vectors.expiry) {
    test(testCase.name, () => {
      const got = expiryOutcome(() => expiryInfo(testCase.token, optionsAt(testCase)));
      if (got.code === undefined) {
        assert.equal(isExpired(testCase.token, optionsAt(testCase)), got.expired, 'isExpired agrees with expiryInfo');
      }
      assert.deepEqual(got, testCase.expect);
    });
  }
});
