// How code written for jose uses it with HMAC secrets, run with jose and with jwt-wasm: each
// pattern below is a short rewrite of a kind of use found in public code (middleware, session
// helpers, builders, error branches), written against a module namespace so that the only change
// between the two runs is the import. Patterns the README says work unchanged must answer as with
// jose; those it says need a change are run with that change; the README's table of jose error
// checks ("Error handling coming from jose") is read and each row run on the same failures.
import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import * as wasm from 'jwt-wasm';
import { signedToken } from './runtimes/harness.mjs';

const SECRET_TEXT = 'pattern-secret-of-at-least-32-bytes!!';
const SECRET = new TextEncoder().encode(SECRET_TEXT);
const OTHER = new TextEncoder().encode('another-secret-of-at-least-32-bytes!');
const NOW = Math.floor(Date.now() / 1000);
const b64u = (text) => Buffer.from(text).toString('base64url');

/** A token signed with node:crypto (neither library), its header and claims given as JSON text or values. */
const token = (claims, { header = undefined, secret = SECRET } = {}) => signedToken(claims, secret, header);

const CLAIMS = { sub: 'user-1', aud: 'api', iss: 'https://auth.example', iat: NOW - 10, exp: NOW + 3600, role: 'admin' };
/** Tokens a server sees, good and bad. */
const TOKENS = {
  valid: token(CLAIMS),
  expired: token({ ...CLAIMS, iat: NOW - 7200, exp: NOW - 3600 }),
  badSignature: token(CLAIMS, { secret: OTHER }),
  wrongAudience: token({ ...CLAIMS, aud: 'other' }),
  notYetValid: token({ ...CLAIMS, nbf: NOW + 600 }),
  noExp: token({ sub: 'user-1', aud: 'api', iss: 'https://auth.example', iat: NOW - 10 }),
  justExpired: token({ ...CLAIMS, exp: NOW - 3 }),
  old: token({ ...CLAIMS, iat: NOW - 2 * 86400 }),
  atJwt: token(CLAIMS, { header: { alg: 'HS256', typ: 'at+jwt' } }),
  hs512: token(CLAIMS, { header: { alg: 'HS512', typ: 'JWT' } }),
  malformed: 'not-a-jwt',
  empty: '',
  missing: undefined,
};

/** Runs `pattern(lib)` with jose and with jwt-wasm and checks that both answer the same. */
async function same(pattern) {
  const withJose = await pattern(jose);
  const withWasm = await pattern(wasm);
  assert.deepEqual(withWasm, withJose);
  return withWasm;
}

/** Each token's outcome under `verify`: what it returns, or the error's code. */
async function perToken(verify, tokens = TOKENS) {
  const out = {};
  for (const [name, value] of Object.entries(tokens)) {
    try {
      out[name] = await verify(value);
    } catch (error) {
      out[name] = `threw ${error.code ?? error.constructor.name}`;
    }
  }
  return out;
}

describe('jose patterns that work with only the import changed', () => {
  test('await jwtVerify in try/catch, the payload or null (a TextEncoder secret)', async () => {
    const out = await same((lib) => perToken(async (t) => {
      try {
        const { payload } = await lib.jwtVerify(t, SECRET, { algorithms: ['HS256'] });
        return payload.sub;
      } catch {
        return null;
      }
    }));
    assert.equal(out.valid, 'user-1');
    assert.equal(out.expired, null);
  });

  test('Next.js middleware: a cookie verified, next() or a redirect', async () => {
    const middleware = (lib) => async (request) => {
      const value = request.cookies.get('token')?.value || '';
      try {
        await lib.jwtVerify(value, new TextEncoder().encode(SECRET_TEXT));
        return 'next';
      } catch {
        return 'redirect /login';
      }
    };
    const cookie = (t) => ({ cookies: { get: () => (t === undefined ? undefined : { value: t }) } });
    const out = await same((lib) => perToken((t) => middleware(lib)(cookie(t))));
    assert.equal(out.valid, 'next');
    assert.equal(out.badSignature, 'redirect /login');
  });

  test('a Worker fetch handler: Bearer token, 200 with a claim, 401 or 403', async () => {
    const handler = (lib) => async (request, env) => {
      const bearer = request.headers.get('Authorization')?.split(' ')[1];
      if (!bearer) return new Response('Authorization required', { status: 401 });
      try {
        const { payload } = await lib.jwtVerify(bearer, new TextEncoder().encode(env.JWT_SECRET), { algorithms: ['HS256'] });
        return Response.json({ user: payload.sub });
      } catch {
        return new Response('Invalid token', { status: 403 });
      }
    };
    const out = await same((lib) => perToken(async (t) => {
      const headers = t === undefined ? {} : { Authorization: `Bearer ${t}` };
      const response = await handler(lib)(new Request('https://worker.example/', { headers }), { JWT_SECRET: SECRET_TEXT });
      return `${response.status} ${await response.text()}`;
    }));
    assert.equal(out.valid, '200 {"user":"user-1"}');
    assert.equal(out.empty, '401 Authorization required');
  });

  test('a switch on err.code, with err.claim and err.reason', async () => {
    const out = await same((lib) => perToken(async (t) => {
      try {
        await lib.jwtVerify(t, SECRET, { audience: 'api', issuer: 'https://auth.example', requiredClaims: ['exp'] });
        return 200;
      } catch (err) {
        switch (err.code) {
          case 'ERR_JWT_EXPIRED':
            return `401 expired ${err.claim} ${err.reason}`;
          case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
            return `401 ${err.claim} ${err.reason}`;
          case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
            return '401 signature';
          case 'ERR_JWS_INVALID':
          case 'ERR_JWT_INVALID':
            return '400';
          default:
            return `500 ${err.code}`;
        }
      }
    }));
    assert.equal(out.expired, '401 expired exp check_failed');
    assert.equal(out.noExp, '401 exp missing');
    assert.equal(out.old, 200);
  });

  test('error branches on jose\'s classes and names (lib.errors.JWTExpired, err.name), a 401 or a rethrow', async () => {
    const out = await same((lib) => perToken(async (t) => {
      try {
        await lib.jwtVerify(t, SECRET, { audience: 'api', issuer: 'https://auth.example' });
        return 200;
      } catch (err) {
        if (err instanceof lib.errors.JWTExpired) return `401 expired (${err.claim})`;
        if (err.name === 'JWSSignatureVerificationFailed') return '401 signature';
        if (err instanceof lib.errors.JWTClaimValidationFailed) return `401 claim ${err.claim} ${err.reason}`;
        if (err.code === lib.errors.JWSInvalid.code) return '401 malformed';
        if (err instanceof lib.errors.JOSEError) return `401 ${err.name}`;
        throw err;
      }
    }));
    assert.equal(out.valid, 200);
    assert.equal(out.expired, '401 expired (exp)');
    assert.equal(out.badSignature, '401 signature');
    assert.equal(out.wrongAudience, '401 claim aud check_failed');
    assert.equal(out.malformed, '401 malformed');
  });

  test('every verification option at once: algorithms, issuer, audience list, clockTolerance, requiredClaims, typ, maxTokenAge', async () => {
    const options = { algorithms: ['HS256'], issuer: 'https://auth.example', audience: ['api', 'admin'], clockTolerance: 30, requiredClaims: ['exp', 'sub'], typ: 'JWT', maxTokenAge: '1d' };
    const out = await same((lib) => perToken(async (t) => {
      try {
        const { payload, protectedHeader } = await lib.jwtVerify(t, SECRET, options);
        return `ok ${payload.sub} ${protectedHeader.typ}`;
      } catch (e) {
        return [e.code, e.claim, e.reason];
      }
    }));
    assert.equal(out.justExpired, 'ok user-1 JWT');
    assert.deepEqual(out.old, ['ERR_JWT_EXPIRED', 'iat', 'check_failed']);
    assert.deepEqual(out.atJwt, ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ', 'check_failed']);
    assert.deepEqual(out.hs512, ['ERR_JOSE_ALG_NOT_ALLOWED', undefined, undefined]);
  });

  test('a refresh path: an expired token accepted again within a grace period (clockTolerance)', async () => {
    await same((lib) => perToken(async (t) => {
      try {
        return (await lib.jwtVerify(t, SECRET, { algorithms: ['HS256'] })).payload.sub;
      } catch (err) {
        if (err.code !== 'ERR_JWT_EXPIRED') return 'login';
        const { payload } = await lib.jwtVerify(t, SECRET, { algorithms: ['HS256'], clockTolerance: '2h' });
        return `refresh ${payload.sub}`;
      }
    }));
  });

  test('Supabase: the project secret, audience "authenticated" and the auth issuer', async () => {
    const issuer = 'https://abc.supabase.co/auth/v1';
    const claims = { aud: 'authenticated', exp: NOW + 3600, iat: NOW, iss: issuer, sub: 'uuid', email: 'a@b.example', role: 'authenticated', app_metadata: { provider: 'email', providers: ['email'] }, user_metadata: {}, amr: [{ method: 'password', timestamp: NOW }], is_anonymous: false };
    const tokens = {
      user: token(claims, { header: { alg: 'HS256', kid: 'abc', typ: 'JWT' } }),
      anon: token({ iss: 'supabase', ref: 'abc', role: 'anon', iat: NOW, exp: NOW + 99 }),
    };
    const out = await same((lib) => perToken(async (t) => {
      const { payload } = await lib.jwtVerify(t, new TextEncoder().encode(SECRET_TEXT), { algorithms: ['HS256'], audience: 'authenticated', issuer });
      return [payload.sub, payload.role, payload.app_metadata.providers, payload.amr[0].method];
    }, tokens));
    assert.deepEqual(out.user, ['uuid', 'authenticated', ['email'], 'password']);
    assert.equal(out.anon, 'threw ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  test('a base64 secret decoded to bytes (atob, Buffer), errors turned into false', async () => {
    const base64 = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
    const signed = token({ sub: 'x', exp: NOW + 60 }, { secret: Buffer.from(base64, 'base64') });
    await same(async (lib) => {
      const verify = async (t, key) => {
        try {
          return (await lib.jwtVerify(t, key)).payload.sub;
        } catch {
          return false;
        }
      };
      return [
        await verify(signed, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))),
        await verify(signed, Buffer.from(base64, 'base64')),
        await verify(signed, Buffer.from('0123456789abcdef0123456789abcdef')),
        await verify(signed, OTHER),
      ];
    });
  });

  test('calling jwtVerify inside a promise chain (.then(verifier))', async () => {
    const out = await same((lib) => perToken((t) => Promise.resolve(`Bearer ${t}`)
      .then((header) => header.replace(/^Bearer /, ''))
      .then((jwt) => lib.jwtVerify(jwt, SECRET))
      .then(({ payload }) => `next ${payload.sub}`)
      .catch((e) => `401 ${e.code}`)));
    assert.equal(out.expired, '401 ERR_JWT_EXPIRED');
  });

  test('decodeJwt for an expiry check, decodeProtectedHeader for the algorithm and kid', async () => {
    await same((lib) => perToken(async (t) => {
      // jose's decodeProtectedHeader throws an uncoded TypeError for these; ours ERR_JWS_INVALID.
      if (t === undefined || t === '' || t === 'not-a-jwt') return 'not a token';
      const { exp, sub } = lib.decodeJwt(t);
      const { alg, kid, typ } = lib.decodeProtectedHeader(t);
      return [exp !== undefined && exp * 1000 < Date.now() ? 'expired' : `live ${sub}`, alg, kid, typ];
    }));
  });

  test('the payload is a plain object (hasOwnProperty, spread, JSON, structuredClone)', async () => {
    await same(async (lib) => {
      const { payload, protectedHeader } = await lib.jwtVerify(TOKENS.valid, SECRET);
      return [payload.hasOwnProperty('role'), Object.getPrototypeOf(payload) === Object.prototype, JSON.stringify({ ...payload }), structuredClone(payload).sub, protectedHeader.hasOwnProperty('typ')];
    });
  });

  test("SignJWT: jose's README chain, typ JWT, numeric times, setters' durations and a Date", async () => {
    const at = new Date('2030-01-01T00:00:00Z');
    const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url'));
    const headerOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url'));
    const out = await same(async (lib) => {
      const chain = await new lib.SignJWT({ 'urn:example:claim': true, username: 'jay' })
        .setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setIssuer('urn:example:issuer')
        .setAudience('urn:example:audience').setExpirationTime('2h').setSubject('user:id:test').sign(SECRET);
      const fixed = await new lib.SignJWT({ id: 7 }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime(NOW + 3600).setIssuedAt(NOW).setNotBefore(NOW).sign(SECRET);
      const durations = [];
      for (const input of ['1hr', '60 sec from now', '7d', '1.5 days', '15 mins', '1 week', '+2h', '2H', '10 minutes ago', at]) {
        const jwt = await new lib.SignJWT({ expiresAt: at }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(input).sign(SECRET);
        const c = claimsOf(jwt);
        // A duration in minutes (jose's iat and exp may be a second apart), a Date as it is.
        durations.push([input instanceof Date ? c.exp : Math.round((c.exp - c.iat) / 60), c.expiresAt]);
      }
      const c = claimsOf(chain);
      // jose reads the clock at each setter, so iat and exp may be a second further apart.
      const lifetime = Math.abs(c.exp - c.iat - 7200) <= 1 ? 7200 : c.exp - c.iat;
      return [headerOf(chain), Object.keys(c).sort(), lifetime, headerOf(fixed), claimsOf(fixed), durations];
    });
    assert.equal(out[2], 7200);
    assert.deepEqual(out[5].map(([time]) => time), [60, 1, 10080, 2160, 15, 10080, 120, 120, -10, at.getTime() / 1000]);
  });

  test('a token signed by one library verifies with the other (same secret)', async () => {
    const byWasm = await new wasm.SignJWT({ sub: 'w' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('15m').sign(SECRET);
    const byJose = await new jose.SignJWT({ sub: 'j' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('15m').sign(SECRET);
    assert.equal((await jose.jwtVerify(byWasm, SECRET)).payload.sub, 'w');
    assert.equal(wasm.jwtVerify(byJose, SECRET).payload.sub, 'j');
  });
});

describe('jose patterns that need the change the README gives', () => {
  test('a promise chain on jwtVerify: rewritten with try/await (README: "not .catch()")', async () => {
    const withJose = await perToken((t) => jose.jwtVerify(t, SECRET).then(({ payload }) => `next ${payload.sub}`).catch(() => '401'));
    const withWasm = await perToken(async (t) => {
      try {
        const { payload } = await wasm.jwtVerify(t, SECRET);
        return `next ${payload.sub}`;
      } catch {
        return '401';
      }
    });
    assert.deepEqual(withWasm, withJose);
    // Unchanged, it throws (README: "A chain such as jwtVerify(...).then(...) throws a TypeError").
    assert.throws(() => wasm.jwtVerify(TOKENS.valid, SECRET).then(() => {}), TypeError);
    assert.throws(() => wasm.jwtVerify(TOKENS.expired, SECRET).then(() => {}), { code: 'ERR_JWT_EXPIRED' });
  });

  test('try { return jwtVerify(...) } catch in a function that is not async: the failure is caught there now', async () => {
    const helper = (lib) => (t) => {
      try {
        return lib.jwtVerify(t, SECRET);
      } catch {
        return null;
      }
    };
    const caller = (lib) => perToken(async (t) => {
      try {
        const result = await helper(lib)(t);
        return result === null ? 'null' : result.payload.sub;
      } catch (e) {
        return `rejected ${e.code}`;
      }
    });
    const withJose = await caller(jose);
    const withWasm = await caller(wasm);
    assert.equal(withJose.expired, 'rejected ERR_JWT_EXPIRED');
    assert.equal(withWasm.expired, 'null');
    assert.equal(withWasm.valid, withJose.valid);
  });

  test('a key function picking the secret by kid: decodeProtectedHeader before the call', async () => {
    const secrets = { v1: SECRET, v2: OTHER };
    const tokens = { v1: token({ sub: 'v1' }, { header: { alg: 'HS256', kid: 'v1' }, secret: SECRET }), v2: token({ sub: 'v2' }, { header: { alg: 'HS256', kid: 'v2' }, secret: OTHER }) };
    const withJose = await perToken(async (t) => (await jose.jwtVerify(t, async (header) => secrets[header.kid], { algorithms: ['HS256'] })).payload.sub, tokens);
    const withWasm = await perToken(async (t) => wasm.jwtVerify(t, secrets[wasm.decodeProtectedHeader(t).kid], { algorithms: ['HS256'] }).payload.sub, tokens);
    assert.deepEqual(withWasm, withJose);
    assert.throws(() => wasm.jwtVerify(tokens.v1, async () => SECRET), { code: 'ERR_KEY_INVALID' });
  });

  test('a KeyObject or CryptoKey: the bytes given to createSecretKey or importKey', async () => {
    const keyObject = createSecretKey(Buffer.from(SECRET_TEXT));
    const cryptoKey = await crypto.subtle.importKey('raw', SECRET, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    const withJose = [(await jose.jwtVerify(TOKENS.valid, keyObject)).payload.sub, (await jose.jwtVerify(TOKENS.valid, cryptoKey)).payload.sub];
    const withWasm = [wasm.jwtVerify(TOKENS.valid, Buffer.from(SECRET_TEXT)).payload.sub, wasm.jwtVerify(TOKENS.valid, SECRET).payload.sub];
    assert.deepEqual(withWasm, withJose);
    assert.throws(() => wasm.jwtVerify(TOKENS.valid, keyObject), { code: 'ERR_KEY_INVALID' });
    assert.throws(() => wasm.jwtVerify(TOKENS.valid, cryptoKey), { code: 'ERR_KEY_INVALID' });
  });

  test('importJWK of an oct JWK: the JWK itself, whose alg is then enforced (README)', async () => {
    const jwks = [
      { kty: 'oct', kid: 'k1', alg: 'HS256', k: Buffer.from(SECRET).toString('base64url') },
      { kty: 'oct', kid: 'k2', alg: 'HS512', k: Buffer.from(OTHER).toString('base64url') },
    ];
    const tokens = {
      k1: token({ sub: 'a' }, { header: { alg: 'HS256', kid: 'k1' }, secret: SECRET }),
      k2: token({ sub: 'b' }, { header: { alg: 'HS512', kid: 'k2' }, secret: OTHER }),
      k2Hs256: token({ sub: 'c' }, { header: { alg: 'HS256', kid: 'k2' }, secret: OTHER }),
    };
    const find = (t, lib) => jwks.find((jwk) => jwk.kid === lib.decodeProtectedHeader(t).kid);
    const withJose = await perToken(async (t) => {
      const jwk = find(t, jose);
      return (await jose.jwtVerify(t, await jose.importJWK(jwk, jwk.alg))).payload.sub;
    }, tokens);
    const withWasm = await perToken(async (t) => wasm.jwtVerify(t, find(t, wasm)).payload.sub, tokens);
    assert.deepEqual(withJose, { k1: 'a', k2: 'b', k2Hs256: 'c' });
    assert.deepEqual(withWasm, { k1: 'a', k2: 'b', k2Hs256: 'threw ERR_KEY_INVALID' });
  });

  test("base64url.decode(secret): Buffer.from(secret, 'base64url') or the JWK { kty: 'oct', k }", async () => {
    const encoded = Buffer.from(SECRET).toString('base64url');
    const expected = (await jose.jwtVerify(TOKENS.valid, jose.base64url.decode(encoded))).payload;
    assert.deepEqual(wasm.jwtVerify(TOKENS.valid, Buffer.from(encoded, 'base64url')).payload, expected);
    assert.deepEqual(wasm.jwtVerify(TOKENS.valid, { kty: 'oct', k: encoded }).payload, expected);
  });

  test('what jose exports and this package does not: importJWK, base64url, generateSecret', () => {
    for (const name of ['importJWK', 'base64url', 'generateSecret', 'createRemoteJWKSet', 'compactVerify']) {
      assert.ok(name in jose && !(name in wasm), name);
    }
  });
});

describe('README: "Error handling coming from jose"', () => {
  /** The rows of the README's table, as [jose cell, jwt-wasm cell] with the backticks taken off. */
  function table() {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Error handling coming from jose'));
    const lines = section.slice(0, section.indexOf('\n### ')).split('\n');
    const start = lines.findIndex((line) => line.startsWith('| jose | jwt-wasm |'));
    assert.ok(start >= 0, 'README: no "| jose | jwt-wasm |" table');
    const rows = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('|')) break;
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      assert.equal(cells.length, 2, line);
      rows.push(cells.map((cell) => {
        const code = /^`([^`]+)`$/.exec(cell);
        assert.ok(code, `README: a cell that is not one code span: ${cell}`);
        return code[1];
      }));
    }
    return rows;
  }

  // Failures of jwtVerify that a token causes, with the options that make them.
  const failures = {
    expired: [TOKENS.expired, {}],
    'older than maxTokenAge': [TOKENS.old, { maxTokenAge: '1h' }],
    'not yet valid': [TOKENS.notYetValid, {}],
    'wrong audience': [TOKENS.wrongAudience, { audience: 'api' }],
    'wrong issuer': [TOKENS.valid, { issuer: 'https://elsewhere.example' }],
    'missing claim': [TOKENS.noExp, { requiredClaims: ['exp'] }],
    'exp not a number': [token({ exp: 'soon' }), {}],
    'wrong typ': [TOKENS.atJwt, { typ: 'JWT' }],
    'bad signature': [TOKENS.badSignature, {}],
    'bad signature and expired': [token({ exp: NOW - 60 }, { secret: OTHER }), {}],
    'one segment': [TOKENS.malformed, {}],
    'empty token': [TOKENS.empty, {}],
    'no token': [TOKENS.missing, {}],
    'header not JSON': [token({}, { header: '{"alg":"HS256"' }), {}],
    'claims not an object': [token('[1]'), {}],
    'alg not allowed': [TOKENS.hs512, { algorithms: ['HS256'] }],
    'alg none': [`${b64u('{"alg":"none"}')}.${b64u('{}')}.`, {}],
    'unknown crit': [token({}, { header: { alg: 'HS256', crit: ['x'], x: 1 } }), {}],
  };

  async function caught(lib, t, options) {
    try {
      await lib.jwtVerify(t, SECRET, options);
    } catch (err) {
      return err;
    }
    assert.fail('verified');
  }

  const rows = table();
  test('the table is there', () => {
    assert.ok(rows.length >= 10, `${rows.length} rows`);
  });

  for (const [joseCheck, wasmCheck] of rows) {
    test(`${joseCheck}  →  ${wasmCheck}`, async () => {
      // Each cell is an expression of `err` (and `token`), evaluated on the error each library
      // throws. (A cell cannot hold `||`: the table's `|` would split it.)
      const onJose = new Function('err', 'errors', 'token', `return ${joseCheck};`);
      const onWasm = new Function('err', 'errors', 'JwtError', 'decodeJwt', 'token', `return ${wasmCheck};`);
      let matched = 0;
      for (const [name, [t, options]] of Object.entries(failures)) {
        const joseError = await caught(jose, t, options);
        const wasmError = await caught(wasm, t, options);
        const expected = onJose(joseError, jose.errors, t);
        // jose sets `payload` on claim failures only: the row is about those.
        if (joseCheck === 'err.payload' && expected === undefined) continue;
        assert.deepEqual(onWasm(wasmError, wasm.errors, wasm.JwtError, wasm.decodeJwt, t), expected, name);
        if (expected === true || (expected !== false && expected !== undefined)) matched += 1;
      }
      assert.ok(matched > 0, 'no failure in the list is one this row is about');
    });
  }

  test('what changes without a word, as the README says: the messages, err.payload, err.constructor', async () => {
    const err = await caught(wasm, TOKENS.expired, {});
    assert.equal(err.name, 'JWTExpired');
    assert.equal(err.constructor.name, 'JwtError');
    assert.equal((await caught(jose, TOKENS.expired, {})).constructor.name, 'JWTExpired');
    assert.equal(err.payload, undefined);
    assert.ok(!err.message.includes('"exp" claim timestamp check failed'));
  });

  test('configuration errors: a TypeError or DOMException from jose, a JwtError here', async () => {
    const emptyKey = new TextEncoder().encode(undefined); // process.env.JWT_SECRET unset
    for (const [key, options, code] of [[emptyKey, {}, 'ERR_KEY_INVALID'], [SECRET, { clockTolerance: Number(undefined) }, 'ERR_OPTIONS_INVALID']]) {
      const fromJose = await jose.jwtVerify(TOKENS.valid, key, options).then(() => 'ok', (e) => e);
      assert.ok(fromJose instanceof Error && !(fromJose instanceof jose.errors.JOSEError), `${fromJose}`);
      assert.throws(() => wasm.jwtVerify(TOKENS.valid, key, options), (e) => e instanceof wasm.JwtError && e.code === code);
      assert.throws(() => wasm.createVerifier(key, options), { code });
    }
  });
});
