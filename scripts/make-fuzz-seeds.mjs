// Writes the committed seed corpora in fuzz/seeds/<target>/: a handful of small inputs per
// target that reach past the first checks (valid tokens signed with the fuzz key, headers with
// crit and b64, time claims, option and JWK objects). Deterministic; rerun after changing it.
// Usage: node scripts/make-fuzz-seeds.mjs
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'jwt-wasm fuzzing key, 32+ bytes long'; // fuzz/common.rs KEY
const NOW = 1_700_000_000; // fuzz/common.rs NOW_SECS

const b64 = (text) => Buffer.from(text).toString('base64url');
const hashOf = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
function sign(header, payload) {
  const alg = JSON.parse(header).alg;
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hashOf[alg] ?? 'sha256', KEY).update(input).digest('base64url')}`;
}

const strictClaims = JSON.stringify({
  iss: 'fuzz', sub: 'ada', aud: ['api', 'web'], jti: 'j1', iat: NOW - 10, nbf: NOW - 5, exp: NOW + 60,
});
const pairs = [
  ['{"alg":"HS256","typ":"JWT"}', strictClaims],
  ['{"alg":"HS384","typ":"application/jwt","crit":["exp"],"exp":1}', strictClaims],
  ['{"alg":"HS512"}', '{"exp":1699999999,"nbf":1700000001,"iat":1e400}'],
  ['{"alg":"HS256","crit":["b64"],"b64":false}', '{}'],
  ['{"alg":"none"}', '{"sub":"x"}'],
  ['{"alg":"HS256","alg":"HS256"}', '{"exp":1,"\\u0065xp":2}'],
  ['{"alg":"HS256"}', '{"aud":[1,null,"api",{"a":[]}],"exp":"1700000100"}'],
  ['{"alg":"HS256"}', '[{"exp":1}]'],
];
const tokens = [
  ...pairs.map(([header, payload]) => sign(header, payload)),
  // RFC 7515 appendix A.1 (another key: a signature failure).
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  'a.b', 'a.b.c.d', '..', `${b64('{"alg":"HS256"}')}.e30=.AA`,
];
const clock = (secs, tolerance) => {
  const out = Buffer.alloc(16);
  out.writeBigInt64LE(BigInt(secs), 0);
  out.writeDoubleLE(tolerance, 8);
  return out;
};
const options = [
  '{"algorithms":["HS256"],"issuer":["a","b"],"audience":"api","subject":"s","typ":"at+jwt"}',
  '{"clockTolerance":"30s","maxTokenAge":"1.5 days ago","requiredClaims":["jti"],"crit":{"exp":true}}',
  '{"maxTokenLength":65536,"clockTolerance":5}',
  '{"kty":"oct","k":"c2VjcmV0","alg":"HS384","use":"sig","key_ops":["sign","verify"]}',
  '{"alg":"HS512","header":{"typ":"JWT","kid":"k1"},"issuedAt":true,"expirationTime":"2h","notBefore":-300}',
  '{"issuer":"me","subject":"ada","audience":["a","b"],"jti":"j","issuedAt":1700000000}',
  '5 minutes from now',
  '-1.5y',
];

const seeds = {
  decode_jwt: tokens,
  decode_header: tokens,
  verify: tokens,
  verify_signed: pairs.map(([header, payload]) => `${header}\u0000${payload}`),
  expiry_info: [
    Buffer.concat([clock(NOW, 0), Buffer.from(tokens[0])]),
    Buffer.concat([clock(NOW + 60, 30), Buffer.from(tokens[0])]),
    Buffer.concat([clock(-1, 1e308), Buffer.from(tokens[2])]),
    Buffer.concat([clock(NOW, 0), Buffer.from(tokens[6])]),
  ],
  options,
};

for (const [target, inputs] of Object.entries(seeds)) {
  const dir = join(root, 'fuzz/seeds', target);
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) rmSync(join(dir, old));
  inputs.forEach((input, i) => writeFileSync(join(dir, `seed-${String(i).padStart(2, '0')}`), input));
}
console.log(`fuzz seeds: ${Object.entries(seeds).map(([t, s]) => `${t} ${s.length}`).join(', ')}`);
