// The reverse direction of pkg-tests/interop-vectors.json: tokens signed by jwt-wasm (signJwt of
// the built package), which each generator in this folder verifies with its own libraries.
// Not run by CI or the tests; rerun by hand, in this order, from the repository root (a built
// package in pkg/ is needed; see scripts/interop/assemble.mjs for the whole sequence):
//   node scripts/interop/jwt-wasm-tokens.mjs > /tmp/interop/jwt-wasm-tokens.json
// Every token is signed as of 2023-11-14T22:13:20Z (1700000000) and, but for the one meant to be
// expired, expires in 2100, so that the other libraries, which read the real clock, accept it
// whenever they are run. Signing is deterministic (HMAC): the same tokens every run.
import { readFileSync } from 'node:fs';
import { signJwt } from 'jwt-wasm';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const NOW = 1_700_000_000;
const FAR = 4_102_444_800; // 2100-01-01T00:00:00Z
const SECRET = 'interop-secret-of-at-least-32-bytes!!';
const OTHER_SECRET = 'not-the-secret-the-token-was-signed-with';
// 64 fixed bytes, as a backend's random binary secret would be (given to the others as bytes).
const BINARY = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);
const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const currentDate = new Date(NOW * 1000);

const secretOf = (key) => (typeof key === 'string' ? { utf8: key } : key instanceof Uint8Array ? { base64url: b64u(key) } : { jwk: key });

// Each: the claims and options signJwt was given, the code that made it, what the others must
// be told to check (verify), which secret they verify with, and the outcome they must give.
const cases = [
  {
    name: 'HS256 access token: iss, sub, aud, iat, exp, scope, roles',
    claims: { scope: 'read write', roles: ['user'] },
    key: SECRET,
    options: { issuer: 'https://auth.example', subject: 'user-42', audience: 'api', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256', audience: 'api', issuer: 'https://auth.example' },
    expect: 'ok',
  },
  {
    name: 'HS384 with kid and typ JWT headers, audience list',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { alg: 'HS384', header: { kid: 'key-2024', typ: 'JWT' }, audience: ['api', 'web'], issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS384', audience: 'web' },
    expect: 'ok',
  },
  {
    name: 'HS512 with typ at+jwt (RFC 9068) and jti',
    claims: { client_id: 'cli-1', scope: 'openid' },
    key: SECRET,
    options: { alg: 'HS512', header: { typ: 'at+jwt' }, issuer: 'https://auth.example', audience: 'api', jti: 'c0ffee', subject: 'user-42', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS512', audience: 'api', issuer: 'https://auth.example' },
    expect: 'ok',
  },
  {
    name: 'non-ASCII claims (raw UTF-8: é, emoji, astral, CJK, U+2028, RTL override, controls, HTML)',
    claims: { name: 'José Müller', emoji: '😀👍🏽', clef: '𝄞', city: '東京', seps: '\u2028\u2029', rtl: '\u202enimda', ctrl: '\u0000\u001f\t\n', html: '</script><b>&amp;' },
    key: SECRET,
    options: { issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256' },
    expect: 'ok',
  },
  {
    name: 'numbers as JSON.stringify writes them (1e+21, 1e-7, 0.30000000000000004, 2^53 + 2, -1.5)',
    claims: { big: 1e21, small: 1e-7, sum: 0.1 + 0.2, maxSafe: 2 ** 53 - 1, beyond: 2 ** 53 + 2, neg: -1.5, zero: 0, yes: true, nothing: null },
    key: SECRET,
    options: { issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256' },
    expect: 'ok',
  },
  {
    name: 'fractional exp and iat (README: NumericDates written as given, as jose writes them)',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { issuedAt: NOW + 0.25, expirationTime: FAR + 0.5, currentDate },
    verify: { alg: 'HS256' },
    expect: 'ok',
  },
  {
    name: 'nbf in the past',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { issuedAt: true, notBefore: NOW, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256' },
    expect: 'ok',
  },
  {
    name: 'Supabase-style claims (aud authenticated, app_metadata, user_metadata, amr)',
    claims: {
      role: 'authenticated', email: 'ada@example.com', phone: '', session_id: '5f2b1c1e-0000-4000-8000-000000000001', is_anonymous: false, aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] }, user_metadata: { full_name: 'Ada Lovelace', avatar_url: null },
      amr: [{ method: 'password', timestamp: NOW }],
    },
    key: SECRET,
    options: { issuer: 'https://project.supabase.co/auth/v1', subject: '8d1a2b3c-0000-4000-8000-000000000042', audience: 'authenticated', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256', audience: 'authenticated', issuer: 'https://project.supabase.co/auth/v1' },
    expect: 'ok',
  },
  {
    name: 'Hasura-style claims (a namespaced nested object)',
    claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-allowed-roles': ['user', 'editor'], 'x-hasura-default-role': 'user', 'x-hasura-user-id': '42', 'x-hasura-org-id': '7' } },
    key: SECRET,
    options: { subject: '42', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256' },
    expect: 'ok',
  },
  {
    name: 'HS512 with a 64-byte binary secret given as an oct JWK',
    claims: { sub: 'svc-7' },
    key: { kty: 'oct', k: b64u(BINARY), alg: 'HS512' },
    options: { alg: 'HS512', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS512' },
    expect: 'ok',
  },
  {
    name: 'no exp (iat only)',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { issuedAt: true, currentDate },
    verify: { alg: 'HS256', noExpRequired: true },
    expect: 'ok',
  },
  {
    name: 'expired (exp 2023-11-14T22:23:20Z): must be refused as expired',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { issuedAt: true, expirationTime: NOW + 600, currentDate },
    verify: { alg: 'HS256' },
    expect: 'expired',
  },
  {
    name: 'verified with another secret: must be refused (signature)',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256', secret: { utf8: OTHER_SECRET } },
    expect: 'signature',
  },
  {
    name: 'wrong audience: must be refused (aud)',
    claims: { sub: 'user-42' },
    key: SECRET,
    options: { audience: 'api', issuedAt: true, expirationTime: FAR, currentDate },
    verify: { alg: 'HS256', audience: 'billing' },
    expect: 'audience',
  },
];

/** The call that made the token, as source text (the options' currentDate is the Date of NOW). */
function code(c) {
  const { currentDate: _, ...options } = c.options;
  const key = typeof c.key === 'string' ? 'SECRET' : `{ kty: 'oct', k: '${c.key.k}', alg: '${c.key.alg}' }`;
  return `signJwt(${JSON.stringify(c.claims)}, ${key}, { ...${JSON.stringify(options)}, currentDate: new Date(${NOW * 1000}) })`;
}

const out = {
  signer: `jwt-wasm ${version}`,
  tokens: cases.map((c) => {
    const token = signJwt(c.claims, c.key, c.options);
    const [header, payload] = token.split('.').slice(0, 2).map((s) => Buffer.from(s, 'base64url').toString('utf8'));
    const { currentDate: _, ...options } = c.options;
    return {
      name: c.name,
      code: code(c),
      // What signJwt was given, so that pkg-tests/interop.test.mjs can sign it again and check
      // that the token the other libraries judged is still the one jwt-wasm makes.
      claims: c.claims,
      options,
      now: NOW,
      key: secretOf(c.key),
      token,
      header,
      payload,
      verify: { secret: c.verify.secret ?? (typeof c.key === 'object' && !(c.key instanceof Uint8Array) ? { base64url: c.key.k } : secretOf(c.key)), ...c.verify },
      expect: c.expect,
    };
  }),
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
