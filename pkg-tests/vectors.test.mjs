// Every shared vector through the built package, imported by name as a consumer would: jwtVerify,
// createVerifier, and createVerifier with a cache (asked twice, so a success is also a hit).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifier, expiryInfo, isExpired, jwtVerify } from 'jwt-wasm';
import { expiryOutcome, keyOf, optionsAt, outcome, vectors } from './vectors.mjs';

test('the vector file holds verify and expiry cases', () => {
  assert.ok(vectors.verify.length > 0, 'no verify vectors');
  assert.ok(vectors.expiry.length > 0, 'no expiry vectors');
  assert.ok(vectors.verify.some((c) => c.expect.code === undefined) && vectors.verify.some((c) => c.expect.code !== undefined), 'verify vectors of both outcomes');
});

describe('verify vectors', () => {
  for (const testCase of vectors.verify) {
    test(testCase.name, () => {
      const once = outcome(() => jwtVerify(testCase.token, keyOf(testCase), optionsAt(testCase)));
      assert.deepEqual(once, testCase.expect, 'jwtVerify');
      const prepared = outcome(() => createVerifier(keyOf(testCase), optionsAt(testCase)).verify(testCase.token));
      assert.deepEqual(prepared, testCase.expect, 'createVerifier().verify');
      // With a cache: a full verification, then (when it succeeded) a hit.
      let cached;
      const verifyCached = () => (cached ??= createVerifier(keyOf(testCase), { ...optionsAt(testCase), cache: true })).verify(testCase.token);
      assert.deepEqual(outcome(verifyCached), testCase.expect, 'createVerifier({ cache: true }).verify, first call');
      assert.deepEqual(outcome(verifyCached), testCase.expect, 'createVerifier({ cache: true }).verify, second call');
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
