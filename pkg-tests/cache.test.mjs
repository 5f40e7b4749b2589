// createVerifier's `cache` option through the package's API, adversarially: a cached answer must
// be the answer a full verification gives, for every token, key, option and time. (The memory
// bound is in resources.test.mjs, where the wasm memory is observable.)
//
// The clock: verifiers without `currentDate` read Date.now() at every call (the binding calls the
// global one), so tests that let time pass replace Date.now for their duration.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importKeepingInstances, instances } from './instances.mjs';

// The wasm instance the package makes is kept (instances.mjs), so that the control below can see
// cache entries in its memory: without it, every test here passes with the cache switched off, a
// hit never having been made.
const { createVerifier, JwtError, jwtVerify, signJwt } = await importKeepingInstances();
const memory = () => instances.at(-1).exports.memory.buffer.byteLength;

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const OTHER = 'another-secret-of-at-least-32-bytes!!';
const NOW_S = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = new Date(NOW_S * 1000);
const token = signJwt({ sub: 'ada', aud: 'api', roles: ['reader'], exp: NOW_S + 60 }, SECRET, { currentDate: NOW, issuedAt: true });

function outcome(call) {
  try {
    return call();
  } catch (error) {
    assert.ok(error instanceof JwtError, `not a JwtError: ${error}`);
    const { code, claim, reason } = error;
    return { code, claim, reason, message: error.message };
  }
}
const codeOf = (call) => outcome(call).code;

/** Runs `body(setClock)` with Date.now() answering the seconds given to setClock. */
function withClock(body) {
  const realNow = Date.now;
  let millis = NOW_S * 1000;
  Date.now = () => millis;
  try {
    body((secs) => {
      millis = secs * 1000;
    });
  } finally {
    Date.now = realNow;
  }
}

test('control: a cache keeps its entries (the wasm memory grows by them), a verifier without one does not', () => {
  const count = 10_000;
  const tokens = Array.from({ length: count }, (_, n) => signJwt({ sub: `user-${n}`, exp: NOW_S + 60 }, SECRET));
  const plain = createVerifier(SECRET, { currentDate: NOW });
  for (const t of tokens) plain.verify(t);
  const before = memory();
  for (const t of tokens) plain.verify(t);
  assert.equal(memory(), before, 'a verifier without a cache grew the memory');
  plain.free();
  const cached = createVerifier(SECRET, { currentDate: NOW, cache: count });
  for (const t of tokens) cached.verify(t);
  const grown = memory() - before;
  assert.ok(grown >= count * 64, `${count} cache entries grew the wasm memory by ${grown} bytes`);
  for (const [n, t] of tokens.entries()) assert.equal(cached.verify(t).payload.sub, `user-${n}`);
  cached.free();
});

describe('createVerifier cache: hits answer as full verifications', () => {
  test('a repeated token gets the full result, as a fresh object every call', () => {
    const cached = createVerifier(SECRET, { currentDate: NOW, cache: true });
    const expected = jwtVerify(token, SECRET, { currentDate: NOW });
    const first = cached.verify(token);
    const second = cached.verify(token);
    assert.deepEqual(first, expected);
    assert.deepEqual(second, expected);
    assert.notEqual(first, second);
    assert.notEqual(first.payload, second.payload);
    assert.notEqual(first.payload.roles, second.payload.roles);
    assert.notEqual(first.protectedHeader, second.protectedHeader);
  });

  test('mutating a returned result changes no later result', () => {
    const cached = createVerifier(SECRET, { currentDate: NOW, cache: 10 });
    const expected = structuredClone(cached.verify(token));
    for (let i = 0; i < 3; i += 1) {
      const result = cached.verify(token);
      assert.deepEqual(result, expected);
      result.payload.sub = 'eve';
      result.payload.roles.push('admin');
      result.payload.exp = Number.MAX_SAFE_INTEGER;
      result.protectedHeader.alg = 'none';
      delete result.payload.aud;
    }
    assert.deepEqual(cached.verify(token), expected);
  });

  test('a token changed by one character in any segment misses and fails', () => {
    const cached = createVerifier(SECRET, { currentDate: NOW, cache: true });
    cached.verify(token);
    const [header, payload, signature] = token.split('.');
    const flip = (text, at) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const changed = [
      `${flip(header, 0)}.${payload}.${signature}`,
      `${header}.${flip(payload, 5)}.${signature}`,
      `${header}.${payload}.${flip(signature, 3)}`,
      `${header}.${payload}.${flip(signature, signature.length - 1)}`,
      `${token} `, ` ${token}`, `${token}A`, token.slice(0, -1), `${token}.`, token.toLowerCase(),
    ];
    for (const tampered of changed) {
      for (let i = 0; i < 2; i += 1) {
        assert.deepEqual(outcome(() => cached.verify(tampered)), outcome(() => jwtVerify(tampered, SECRET, { currentDate: NOW })), tampered);
        assert.notEqual(codeOf(() => cached.verify(tampered)), undefined, `${tampered} was accepted`);
      }
    }
    assert.equal(cached.verify(token).payload.sub, 'ada');
  });

  test('verifiers with different keys or options never share entries', () => {
    const otherToken = signJwt({ sub: 'eve', aud: 'api', exp: NOW_S + 60 }, OTHER, { currentDate: NOW });
    const verifiers = {
      mine: createVerifier(SECRET, { currentDate: NOW, cache: true }),
      theirs: createVerifier(OTHER, { currentDate: NOW, cache: true }),
      web: createVerifier(SECRET, { currentDate: NOW, cache: true, audience: 'web' }),
      hs512: createVerifier(SECRET, { currentDate: NOW, cache: true, algorithms: ['HS512'] }),
      later: createVerifier(SECRET, { currentDate: new Date((NOW_S + 60) * 1000), cache: true }),
      young: createVerifier(SECRET, { currentDate: new Date((NOW_S + 11) * 1000), cache: true, maxTokenAge: 10 }),
      jwk: createVerifier({ kty: 'oct', k: Buffer.from(SECRET).toString('base64url'), alg: 'HS384' }, { currentDate: NOW, cache: true }),
    };
    const expected = {
      mine: ['ada', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      theirs: ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'eve'],
      web: ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      hs512: ['ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JOSE_ALG_NOT_ALLOWED'],
      later: ['ERR_JWT_EXPIRED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      young: ['ERR_JWT_EXPIRED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      jwk: ['ERR_KEY_INVALID', 'ERR_KEY_INVALID'],
    };
    // Interleaved, several rounds: whichever verifier cached a token first, the others answer
    // from their own key and options.
    for (let round = 0; round < 3; round += 1) {
      for (const [name, verifier] of Object.entries(verifiers)) {
        const got = [token, otherToken].map((t) => {
          const result = outcome(() => verifier.verify(t));
          return result.code ?? result.payload.sub;
        });
        assert.deepEqual(got, expected[name], `${name}, round ${round}`);
      }
    }
  });

  test('a verifier freed and made again starts with an empty cache', () => {
    const first = createVerifier(SECRET, { currentDate: NOW, cache: true });
    first.verify(token);
    first.free();
    const again = createVerifier(SECRET, { currentDate: NOW, cache: true, issuer: 'me' });
    assert.equal(codeOf(() => again.verify(token)), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  });
});

describe('createVerifier cache: time is judged again at every hit', () => {
  test('a cached token expires at exp, with clockTolerance honoured', () => {
    withClock((setClock) => {
      const strict = createVerifier(SECRET, { cache: true });
      const lenient = createVerifier(SECRET, { cache: true, clockTolerance: '5s' });
      setClock(NOW_S);
      assert.equal(strict.verify(token).payload.sub, 'ada');
      assert.equal(lenient.verify(token).payload.sub, 'ada');
      setClock(NOW_S + 59);
      assert.equal(strict.verify(token).payload.sub, 'ada');
      setClock(NOW_S + 60);
      const expired = outcome(() => strict.verify(token));
      assert.deepEqual(expired, outcome(() => jwtVerify(token, SECRET)));
      assert.equal(expired.code, 'ERR_JWT_EXPIRED');
      assert.equal(expired.claim, 'exp');
      setClock(NOW_S + 64);
      assert.equal(lenient.verify(token).payload.sub, 'ada');
      setClock(NOW_S + 65);
      assert.equal(codeOf(() => lenient.verify(token)), 'ERR_JWT_EXPIRED');
      assert.equal(codeOf(() => strict.verify(token)), 'ERR_JWT_EXPIRED', 'still expired on the next call');
    });
  });

  test('maxTokenAge is judged from iat at every hit', () => {
    withClock((setClock) => {
      const verifier = createVerifier(SECRET, { cache: true, maxTokenAge: '30s' });
      setClock(NOW_S);
      assert.equal(verifier.verify(token).payload.sub, 'ada');
      setClock(NOW_S + 30);
      assert.equal(verifier.verify(token).payload.sub, 'ada');
      setClock(NOW_S + 31);
      const old = outcome(() => verifier.verify(token));
      assert.deepEqual(old, outcome(() => jwtVerify(token, SECRET, { maxTokenAge: '30s' })));
      assert.deepEqual([old.code, old.claim], ['ERR_JWT_EXPIRED', 'iat']);
    });
  });

  test('a failure is never cached: a token not yet valid verifies in full once nbf is reached', () => {
    const early = signJwt({ sub: 'ada', nbf: NOW_S + 100, exp: NOW_S + 200 }, SECRET);
    withClock((setClock) => {
      const verifier = createVerifier(SECRET, { cache: true });
      setClock(NOW_S);
      for (let i = 0; i < 3; i += 1) {
        const notYet = outcome(() => verifier.verify(early));
        assert.deepEqual([notYet.code, notYet.claim], ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf']);
      }
      setClock(NOW_S + 100);
      assert.equal(verifier.verify(early).payload.sub, 'ada');
      // Cached now; a clock set back is judged on the hit exactly as in full.
      setClock(NOW_S + 99);
      assert.deepEqual(outcome(() => verifier.verify(early)), outcome(() => jwtVerify(early, SECRET)));
      setClock(NOW_S + 200);
      assert.equal(codeOf(() => verifier.verify(early)), 'ERR_JWT_EXPIRED');
    });
  });

  test('a fixed currentDate stays fixed for hits', () => {
    const verifier = createVerifier(SECRET, { currentDate: new Date((NOW_S + 59) * 1000), cache: true });
    withClock((setClock) => {
      setClock(NOW_S + 1000);
      for (let i = 0; i < 3; i += 1) assert.equal(verifier.verify(token).payload.sub, 'ada');
    });
  });
});

describe('createVerifier cache: the option', () => {
  test('true, false and whole numbers from 1 to 1,000,000 are accepted', () => {
    for (const cache of [true, false, undefined, 1, 2, 1000, 1_000_000]) {
      const verifier = createVerifier(SECRET, { currentDate: NOW, cache });
      assert.equal(verifier.verify(token).payload.sub, 'ada', String(cache));
      assert.equal(verifier.verify(token).payload.sub, 'ada', String(cache));
      verifier.free();
    }
  });

  test('anything else is ERR_OPTIONS_INVALID', () => {
    const bad = [null, 0, -0, -1, 1.5, 0.5, 1_000_001, 2 ** 53, NaN, Infinity, -Infinity, '1000', 'true', '', {}, [], [1000], { size: 10 }, new Number(10), () => 10, 10n];
    for (const cache of bad) {
      assert.equal(codeOf(() => createVerifier(SECRET, { cache })), 'ERR_OPTIONS_INVALID', String(cache));
    }
    const { message } = outcome(() => createVerifier(SECRET, { cache: 0 }));
    assert.match(message, /cache/);
  });

  test('jwtVerify refuses cache: it applies to createVerifier', () => {
    for (const cache of [true, 1, 1000, 0, 'x']) {
      const refused = outcome(() => jwtVerify(token, SECRET, { currentDate: NOW, cache }));
      assert.equal(refused.code, 'ERR_OPTIONS_INVALID', String(cache));
    }
    assert.match(outcome(() => jwtVerify(token, SECRET, { cache: true })).message, /cache applies to createVerifier/);
    assert.equal(jwtVerify(token, SECRET, { currentDate: NOW, cache: false }).payload.sub, 'ada', 'false is no cache');
  });
});
