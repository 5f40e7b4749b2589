// Writes vectors/jwt.json: tokens, keys, options, a clock and the expected outcome, shared by
// the Rust tests (tests/vectors.rs, tests/wasm.rs) and the package tests (pkg-tests/).
// Tokens are signed here with node:crypto, an HMAC implementation independent of ours.
// Usage: node scripts/make-vectors.mjs   (the output is committed; rerun after editing)
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const b64u = (data) => Buffer.from(data).toString('base64url');
const json = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

// A header given as text (possibly malformed on purpose) is signed with HS256.
function sign(header, payload, secret) {
  const input = `${b64u(json(header))}.${b64u(json(payload))}`;
  const alg = typeof header === 'string' ? 'HS256' : header.alg;
  const mac = createHmac(HASH[alg] ?? 'sha256', secret).update(input).digest();
  return `${input}.${b64u(mac)}`;
}

// A 43-character HS256 signature carries 2 unused bits in its last character; setting one of
// them gives a second spelling of (nearly) the same bytes, which a strict decoder refuses.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const nonCanonical = (last) => ALPHABET[(ALPHABET.indexOf(last) & ~3) | 1];

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const KEY = { utf8: SECRET };
const NOW = 1_700_000_000;
const claims = { iss: 'https://issuer.example', sub: 'user-42', aud: 'api', iat: NOW - 60, exp: NOW + 600, scope: 'read' };
const good = sign({ alg: 'HS256', typ: 'JWT' }, claims, SECRET);
const [goodHeader, goodPayload, goodSignature] = good.split('.');
const ok = (payload, header = { alg: 'HS256', typ: 'JWT' }) => ({ payload, header });
const fail = (code, claim, reason) => (claim ? { code, claim, reason } : { code });
const withClaims = (extra, header = { alg: 'HS256' }) => sign(header, { ...claims, ...extra }, SECRET);
const rawClaims = (text) => sign({ alg: 'HS256' }, text, SECRET);

// RFC 7515 appendix A.1 (the header and payload contain CR LF, exactly as published).
const rfc7515 = {
  token:
    'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  key: { jwk: { kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' } },
};
const rfcPayload = { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true };

const verify = [
  { name: 'RFC 7515 A.1 verifies before its exp', ...rfc7515, now: 1300819379, expect: ok(rfcPayload, { typ: 'JWT', alg: 'HS256' }) },
  { name: 'RFC 7515 A.1 is expired at its exp', ...rfc7515, now: 1300819380, expect: fail('ERR_JWT_EXPIRED', 'exp', 'check_failed') },
  { name: 'RFC 7515 A.1 is accepted within clockTolerance', ...rfc7515, options: { clockTolerance: '10s' }, now: 1300819389, expect: ok(rfcPayload, { typ: 'JWT', alg: 'HS256' }) },
  { name: 'RFC 7515 A.1 with a JWK restricted to HS512', token: rfc7515.token, key: { jwk: { ...rfc7515.key.jwk, alg: 'HS512' } }, now: 1300819379, expect: fail('ERR_KEY_INVALID') },
  { name: 'HS256 with every claim option', token: good, key: KEY, options: { algorithms: ['HS256'], issuer: 'https://issuer.example', audience: ['web', 'api'], subject: 'user-42', typ: 'jwt', requiredClaims: ['scope'], maxTokenAge: '5m' }, now: NOW, expect: ok(claims) },
  { name: 'HS384', token: sign({ alg: 'HS384' }, claims, SECRET), key: KEY, now: NOW, expect: ok(claims, { alg: 'HS384' }) },
  { name: 'HS512 with an oct JWK', token: sign({ alg: 'HS512' }, claims, SECRET), key: { jwk: { kty: 'oct', k: b64u(SECRET), alg: 'HS512', use: 'sig' } }, now: NOW, expect: ok(claims, { alg: 'HS512' }) },
  { name: 'wrong key', token: good, key: { utf8: 'another-secret-of-at-least-32-bytes' }, now: NOW, expect: fail('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') },
  { name: 'payload changed after signing', token: `${goodHeader}.${b64u(JSON.stringify({ ...claims, sub: 'admin' }))}.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') },
  { name: 'empty signature', token: `${goodHeader}.${goodPayload}.`, key: KEY, now: NOW, expect: fail('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') },
  { name: 'truncated signature', token: good.slice(0, -3), key: KEY, now: NOW, expect: fail('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') },
  { name: 'signature with non-canonical trailing bits', token: good.slice(0, -1) + nonCanonical(good.at(-1)), key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'padded signature', token: `${good}=`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'two segments', token: `${goodHeader}.${goodPayload}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'four segments', token: `${good}.x`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'white space in a segment', token: ` ${good}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'standard base64 alphabet', token: `${goodHeader}.${goodPayload}.${goodSignature.replace(/-/g, '+').replace(/_/g, '/')}${/[-_]/.test(goodSignature) ? '' : '+'}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'non-ASCII in the header segment', token: `é${good}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'header is not JSON', token: sign('{"alg":"HS256"', claims, SECRET), key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'header is an array', token: `${b64u('["HS256"]')}.${goodPayload}.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'header without alg', token: `${b64u('{"typ":"JWT"}')}.${goodPayload}.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'alg is not a string', token: `${b64u('{"alg":256}')}.${goodPayload}.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'duplicate alg in the header', token: sign('{"alg":"HS256","alg":"none"}', claims, SECRET), key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'alg none is not supported', token: `${b64u('{"alg":"none"}')}.${goodPayload}.`, key: KEY, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
  { name: 'alg NONE is not supported', token: `${b64u('{"alg":"NONE"}')}.${goodPayload}.`, key: KEY, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
  { name: 'alg none outside named algorithms', token: `${b64u('{"alg":"none"}')}.${goodPayload}.`, key: KEY, options: { algorithms: ['HS256'] }, now: NOW, expect: fail('ERR_JOSE_ALG_NOT_ALLOWED') },
  { name: 'HS512 token when only HS256 is allowed', token: sign({ alg: 'HS512' }, claims, SECRET), key: KEY, options: { algorithms: ['HS256'] }, now: NOW, expect: fail('ERR_JOSE_ALG_NOT_ALLOWED') },
  { name: 'RS256 header with a secret key (algorithm confusion)', token: `${b64u('{"alg":"RS256"}')}.${goodPayload}.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
  { name: 'unknown critical extension', token: sign({ alg: 'HS256', crit: ['urn:x'], 'urn:x': 1 }, claims, SECRET), key: KEY, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
  { name: 'recognised critical extension', token: sign({ alg: 'HS256', crit: ['urn:x'], 'urn:x': 1 }, claims, SECRET), key: KEY, options: { crit: { 'urn:x': true } }, now: NOW, expect: ok(claims, { alg: 'HS256', crit: ['urn:x'], 'urn:x': 1 }) },
  { name: 'critical extension listed but absent', token: sign({ alg: 'HS256', crit: ['urn:x'] }, claims, SECRET), key: KEY, options: { crit: { 'urn:x': true } }, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'empty crit', token: sign({ alg: 'HS256', crit: [] }, claims, SECRET), key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'b64 false is refused for a JWT', token: sign({ alg: 'HS256', crit: ['b64'], b64: false }, claims, SECRET), key: KEY, now: NOW, expect: fail('ERR_JWT_INVALID') },
  // jose's order for an unencoded payload: the allowlist, then the payload's characters, then
  // whether the algorithm exists.
  { name: 'b64 false, a non-ASCII payload and an unsupported alg: malformed first', token: `${b64u('{"alg":"none","crit":["b64"],"b64":false}')}.é.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JWS_INVALID') },
  { name: 'a non-ASCII payload and an unsupported alg: not supported first', token: `${b64u('{"alg":"none"}')}.é.${goodSignature}`, key: KEY, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
  { name: 'b64 false, a non-ASCII payload and an alg outside named algorithms: not allowed first', token: `${b64u('{"alg":"none","crit":["b64"],"b64":false}')}.é.${goodSignature}`, key: KEY, options: { algorithms: ['HS256'] }, now: NOW, expect: fail('ERR_JOSE_ALG_NOT_ALLOWED') },
  { name: 'claims set is an array', token: rawClaims('[1]'), key: KEY, now: NOW, expect: fail('ERR_JWT_INVALID') },
  { name: 'claims set is not JSON', token: rawClaims('{"exp":'), key: KEY, now: NOW, expect: fail('ERR_JWT_INVALID') },
  { name: 'duplicate claim names', token: rawClaims('{"sub":"user-42","sub":"admin"}'), key: KEY, now: NOW, expect: fail('ERR_JWT_INVALID') },
  // A \u escape's surrogate pair is the code point above U+FFFF it spells, whichever bits it sets.
  { name: 'issuer spelled with an escaped surrogate pair (U+20000)', token: rawClaims('{"iss":"\\ud840\\udc00","sub":"user-42"}'), key: KEY, options: { issuer: '\u{20000}' }, now: NOW, expect: ok({ iss: '\u{20000}', sub: 'user-42' }, { alg: 'HS256' }) },
  { name: 'escaped U+20000 is not U+10000', token: rawClaims('{"iss":"\\ud840\\udc00","sub":"user-42"}'), key: KEY, options: { issuer: '\u{10000}' }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'check_failed') },
  { name: 'names escaped as U+20000, U+10000 and U+10FFFF are distinct', token: rawClaims('{"\\ud840\\udc00":1,"\\ud800\\udc00":2,"\\udbff\\udfff":3}'), key: KEY, options: { requiredClaims: ['\u{20000}', '\u{10000}', '\u{10FFFF}'] }, now: NOW, expect: ok({ '\u{20000}': 1, '\u{10000}': 2, '\u{10FFFF}': 3 }, { alg: 'HS256' }) },
  { name: 'exp as a string', token: withClaims({ exp: String(NOW + 600) }), key: KEY, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid') },
  { name: 'exp as null', token: withClaims({ exp: null }), key: KEY, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid') },
  { name: 'exp of 1e400', token: rawClaims('{"exp":1e400}'), key: KEY, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid') },
  { name: 'exp far in the past is expired', token: withClaims({ exp: -1e300 }), key: KEY, now: NOW, expect: fail('ERR_JWT_EXPIRED', 'exp', 'check_failed') },
  { name: 'nbf in the future', token: withClaims({ nbf: NOW + 30 }), key: KEY, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'check_failed') },
  { name: 'nbf in the future within clockTolerance', token: withClaims({ nbf: NOW + 30 }), key: KEY, options: { clockTolerance: 30 }, now: NOW, expect: ok({ ...claims, nbf: NOW + 30 }, { alg: 'HS256' }) },
  { name: 'issuer mismatch', token: good, key: KEY, options: { issuer: ['https://other.example'] }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'check_failed') },
  { name: 'audience mismatch', token: good, key: KEY, options: { audience: 'web' }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud', 'check_failed') },
  { name: 'audience array overlap', token: withClaims({ aud: ['web', 'api'] }), key: KEY, options: { audience: 'api' }, now: NOW, expect: ok({ ...claims, aud: ['web', 'api'] }, { alg: 'HS256' }) },
  { name: 'subject mismatch', token: good, key: KEY, options: { subject: 'user-43' }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'sub', 'check_failed') },
  { name: 'missing required claim', token: good, key: KEY, options: { requiredClaims: ['jti'] }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'jti', 'missing') },
  { name: 'issuer option makes iss required', token: withClaims({ iss: undefined }), key: KEY, options: { issuer: 'https://issuer.example' }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'missing') },
  { name: 'RFC 9068 typ at+jwt', token: withClaims({}, { alg: 'HS256', typ: 'at+jwt' }), key: KEY, options: { typ: 'application/at+jwt' }, now: NOW, expect: ok(claims, { alg: 'HS256', typ: 'at+jwt' }) },
  { name: 'typ mismatch', token: good, key: KEY, options: { typ: 'at+jwt' }, now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ', 'check_failed') },
  { name: 'older than maxTokenAge', token: good, key: KEY, options: { maxTokenAge: 59 }, now: NOW, expect: fail('ERR_JWT_EXPIRED', 'iat', 'check_failed') },
  { name: 'over maxTokenLength', token: good, key: KEY, options: { maxTokenLength: 100 }, now: NOW, expect: fail('ERR_JWT_TOO_LONG') },
  { name: 'empty secret', token: good, key: { utf8: '' }, now: NOW, expect: fail('ERR_KEY_INVALID') },
  { name: 'JWK of another key type', token: good, key: { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }, now: NOW, expect: fail('ERR_KEY_INVALID') },
  { name: 'JWK without k', token: good, key: { jwk: { kty: 'oct' } }, now: NOW, expect: fail('ERR_JWK_INVALID') },
  { name: 'unknown option name', token: good, key: KEY, options: { issuers: 'x' }, now: NOW, expect: fail('ERR_OPTIONS_INVALID') },
  { name: 'negative clockTolerance', token: good, key: KEY, options: { clockTolerance: -5 }, now: NOW, expect: fail('ERR_OPTIONS_INVALID') },
  { name: 'unsupported algorithm option', token: good, key: KEY, options: { algorithms: ['none'] }, now: NOW, expect: fail('ERR_JOSE_NOT_SUPPORTED') },
];

const expiry = [
  { name: 'unexpired', token: good, now: NOW, expect: { expiresAt: NOW + 600, issuedAt: NOW - 60, notBefore: null, expired: false, notYetValid: false, secondsLeft: 600 } },
  { name: 'expired at exp exactly', token: good, now: NOW + 600, expect: { expiresAt: NOW + 600, issuedAt: NOW - 60, notBefore: null, expired: true, notYetValid: false, secondsLeft: 0 } },
  { name: 'tolerance keeps it alive', token: good, options: { clockTolerance: '1m' }, now: NOW + 630, expect: { expiresAt: NOW + 600, issuedAt: NOW - 60, notBefore: null, expired: false, notYetValid: false, secondsLeft: 30 } },
  { name: 'not yet valid', token: withClaims({ nbf: NOW + 5 }), now: NOW, expect: { expiresAt: NOW + 600, issuedAt: NOW - 60, notBefore: NOW + 5, expired: false, notYetValid: true, secondsLeft: 600 } },
  { name: 'no exp', token: withClaims({ exp: undefined, iat: undefined }), now: NOW, expect: { expiresAt: null, issuedAt: null, notBefore: null, expired: false, notYetValid: false, secondsLeft: null } },
  { name: 'the signature is not checked', token: `${goodHeader}.${goodPayload}.AAAA`, now: NOW, expect: { expiresAt: NOW + 600, issuedAt: NOW - 60, notBefore: null, expired: false, notYetValid: false, secondsLeft: 600 } },
  { name: 'exp of the wrong type', token: withClaims({ exp: 'soon' }), now: NOW, expect: fail('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid') },
  { name: 'malformed token', token: 'not-a-token', now: NOW, expect: fail('ERR_JWT_INVALID') },
  { name: 'bad tolerance', token: good, options: { clockTolerance: 'later' }, now: NOW, expect: fail('ERR_OPTIONS_INVALID') },
];

const file = {
  about: 'Generated by scripts/make-vectors.mjs. Read by tests/vectors.rs, tests/wasm.rs and pkg-tests/. Times are seconds; "now" is the clock for the case.',
  verify,
  expiry,
};
writeFileSync(new URL('../vectors/jwt.json', import.meta.url), `${JSON.stringify(file, null, 1)}\n`);
console.log(`vectors/jwt.json: ${verify.length} verify and ${expiry.length} expiry cases`);
