// Writes vectors/attacks.json: the attack catalogue, one case per known JWT attack or hostile
// input, each with the outcome jwt-wasm must give. Read by tests/attacks.rs (native core) and
// pkg-tests/attacks.test.mjs (the wasm package); both also check that a good token still
// verifies on the same instance after every case. Tokens are signed here with node:crypto,
// independently of the library; every expected outcome is written by hand below.
// Usage: node scripts/make-attacks.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'attack-catalogue-secret-of-32+-bytes';
const NOW = 1_700_000_000;

const b64 = (data) => Buffer.from(data).toString('base64url');
const hashOf = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const mac = (input, hash = 'HS256', key = KEY) => createHmac(hashOf[hash], key).update(input).digest('base64url');

/** A token over raw segments, signed with `hash` (default: the header's alg if HMAC, else HS256). */
function signSegments(headerSeg, payloadSeg, { hash, key } = {}) {
  const input = `${headerSeg}.${payloadSeg}`;
  return `${input}.${mac(input, hash ?? 'HS256', key)}`;
}

/** A token over raw JSON texts (so duplicates and odd numbers survive), correctly signed. */
function signed(headerText, payloadText, options = {}) {
  let hash = options.hash;
  if (hash === undefined) {
    try {
      const alg = JSON.parse(headerText).alg;
      hash = hashOf[alg] ? alg : 'HS256';
    } catch {
      hash = 'HS256';
    }
  }
  return signSegments(b64(headerText), b64(payloadText), { ...options, hash });
}

const HS256 = '{"alg":"HS256","typ":"JWT"}';
const claims = (extra = {}) =>
  JSON.stringify({ sub: 'ada', iss: 'catalogue', aud: 'api', iat: NOW - 10, exp: NOW + 3600, ...extra });
const good = signed(HS256, claims());
const [goodHeader, goodPayload, goodSignature] = good.split('.');

const isCanonical = (segment) =>
  /^[A-Za-z0-9_-]*$/.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;

const cases = [];
let group = '';
const VALID = { valid: true };
const code = (c) => ({ code: c });
const claim = (c, name, reason) => ({ code: c, claim: name, reason });
const JWS_INVALID = code('ERR_JWS_INVALID');
const JWT_INVALID = code('ERR_JWT_INVALID');
const SIGNATURE = code('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
const NOT_SUPPORTED = code('ERR_JOSE_NOT_SUPPORTED');
const NOT_ALLOWED = code('ERR_JOSE_ALG_NOT_ALLOWED');
const KEY_INVALID = code('ERR_KEY_INVALID');
const TOO_LONG = code('ERR_JWT_TOO_LONG');

function add(name, token, expect, extra = {}) {
  const entry = { group, name };
  if (typeof token === 'string') entry.token = token;
  else entry.build = token; // { prefix, repeat, times, suffix }: too large to store
  if (extra.key !== undefined) entry.key = extra.key;
  if (extra.options !== undefined) entry.options = extra.options;
  entry.expect = expect;
  cases.push(entry);
}

group = 'alg-none';
for (const none of ['none', 'None', 'NONE', 'nOnE', 'noNE']) {
  const header = b64(JSON.stringify({ alg: none, typ: 'JWT' }));
  add(`alg "${none}", empty signature`, `${header}.${goodPayload}.`, NOT_SUPPORTED);
  add(`alg "${none}", empty signature, algorithms [HS256]`, `${header}.${goodPayload}.`, NOT_ALLOWED, {
    options: { algorithms: ['HS256'] },
  });
  add(`alg "${none}" with a valid HMAC over it`, signSegments(header, goodPayload), NOT_SUPPORTED);
}
add('alg "none" without a signature segment', `${b64('{"alg":"none"}')}.${goodPayload}`, JWS_INVALID);
add('alg "none" with the original signature kept', `${b64('{"alg":"none"}')}.${goodPayload}.${goodSignature}`, NOT_SUPPORTED);

group = 'alg-missing';
add('no alg', signed('{"typ":"JWT"}', claims()), JWS_INVALID);
add('empty header object', signed('{}', claims()), JWS_INVALID);
add('alg only in the payload', signed('{"typ":"JWT"}', claims({ alg: 'HS256' })), JWS_INVALID);

group = 'alg-not-a-string';
for (const alg of ['1', 'null', 'true', '["HS256"]', '{"name":"HS256"}', '""']) {
  add(`alg ${alg}`, signed(`{"alg":${alg}}`, claims()), JWS_INVALID);
}

group = 'alg-unknown';
for (const alg of ['HS257', 'RS256', 'ES256', 'PS256', 'EdDSA', 'hs256', 'HS256 ', ' HS256', 'HS256\u0000', 'ＨＳ256']) {
  const token = signed(JSON.stringify({ alg }), claims());
  add(`alg ${JSON.stringify(alg)}`, token, NOT_SUPPORTED);
  add(`alg ${JSON.stringify(alg)}, algorithms [HS256]`, token, NOT_ALLOWED, { options: { algorithms: ['HS256'] } });
}

group = 'key-empty-or-absent';
add('an empty secret', good, KEY_INVALID, { key: { utf8: '' } });
add('a JWK with an empty "k"', good, KEY_INVALID, { key: { jwk: { kty: 'oct', k: '' } } });
add('a JWK without "k"', good, code('ERR_JWK_INVALID'), { key: { jwk: { kty: 'oct' } } });
add('a JWK without "kty"', good, code('ERR_JWK_INVALID'), { key: { jwk: { k: b64(KEY) } } });
add('an RSA JWK for an HMAC token', good, KEY_INVALID, { key: { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } } });

group = 'key-confusion';
const publicPem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
const confused = signed('{"alg":"RS256"}', claims(), { key: publicPem, hash: 'HS256' });
add('RS256 header, HMAC-signed with the public key text, default algorithms', confused, NOT_SUPPORTED, {
  key: { utf8: publicPem },
});
add('RS256 header, HMAC-signed with the public key text, algorithms [HS256]', confused, NOT_ALLOWED, {
  key: { utf8: publicPem },
  options: { algorithms: ['HS256'] },
});
add('RS256 header, HMAC-signed with the public key text, algorithms [RS256]', confused, NOT_SUPPORTED, {
  key: { utf8: publicPem },
  options: { algorithms: ['RS256'] },
});
add('HS512 token, verifier allows HS256 only', signed('{"alg":"HS512"}', claims()), NOT_ALLOWED, {
  options: { algorithms: ['HS256'] },
});
add('HS256 token, verifier allows HS384 and HS512', good, NOT_ALLOWED, { options: { algorithms: ['HS384', 'HS512'] } });
add('HS256 token, JWK restricted to HS384', good, KEY_INVALID, { key: { jwk: { kty: 'oct', k: b64(KEY), alg: 'HS384' } } });
add('HS256 header over an HS512 MAC', signed(HS256, claims(), { hash: 'HS512' }), SIGNATURE);
add('HS512 header over an HS256 MAC', signed('{"alg":"HS512"}', claims(), { hash: 'HS256' }), SIGNATURE);
add('signed with another key', signed(HS256, claims(), { key: 'another-secret-of-at-least-32-bytes' }), SIGNATURE);

group = 'crit';
add('crit names an unknown extension', signed('{"alg":"HS256","crit":["x-unknown"],"x-unknown":1}', claims()), NOT_SUPPORTED);
add('crit names an unknown extension that is absent', signed('{"alg":"HS256","crit":["x-unknown"]}', claims()), NOT_SUPPORTED);
add('crit is empty', signed('{"alg":"HS256","crit":[]}', claims()), JWS_INVALID);
for (const crit of ['"x-ext"', '{}', '1', 'null', 'true', '[1]', '[""]', '[null]', '[["x-ext"]]']) {
  add(`crit ${crit}`, signed(`{"alg":"HS256","crit":${crit},"x-ext":1}`, claims()), JWS_INVALID, {
    options: { crit: { 'x-ext': true } },
  });
}
add('crit names a recognised extension that is absent', signed('{"alg":"HS256","crit":["x-ext"]}', claims()), JWS_INVALID, {
  options: { crit: { 'x-ext': true } },
});
add('crit names b64, which is absent', signed('{"alg":"HS256","crit":["b64"]}', claims()), JWS_INVALID);
add('crit names a recognised extension that is present', signed('{"alg":"HS256","crit":["x-ext"],"x-ext":null}', claims()), VALID, {
  options: { crit: { 'x-ext': true } },
});
add('crit repeats a recognised name (jose accepts that)', signed('{"alg":"HS256","crit":["b64","b64"],"b64":true}', claims()), VALID);
{
  // A name repeated thousands of times before hundreds of other members: each distinct name is
  // looked up once, so this costs time linear in the header, before the signature vouches for it.
  const head = '{"alg":"HS256", "crit":['; // 24 bytes: the repeated unit starts on a base64 boundary
  const unit = '"b64",'; // 6 bytes: 8 base64 characters
  const times = 4000;
  const members = Array.from({ length: 300 }, (_, i) => `,"m${String(i).padStart(3, '0')}":0`).join('');
  const tail = `"b64"]${members},"b64":true}`;
  const headerText = head + unit.repeat(times) + tail;
  const token = signed(headerText, claims());
  const prefix = b64(head);
  const repeat = b64(unit);
  const suffix = token.slice(prefix.length + repeat.length * times);
  if (`${prefix}${repeat.repeat(times)}${suffix}` !== token) throw new Error('the repeated crit token does not rebuild');
  add('crit repeats b64 4000 times before 300 other members', { prefix, repeat, times, suffix }, VALID);
}
add('crit is checked before alg: an unknown extension with a disallowed alg', signed('{"alg":"none","crit":["x-unknown"],"x-unknown":1}', claims()), NOT_SUPPORTED, {
  options: { algorithms: ['HS256'] },
});

group = 'b64-false';
{
  const header = b64('{"alg":"HS256","crit":["b64"],"b64":false}');
  const raw = claims();
  add('b64:false, correctly signed over the raw payload', signSegments(header, raw), JWT_INVALID);
  add('b64:false, correctly signed over the encoded payload', signSegments(header, b64(raw)), JWT_INVALID);
  add('b64:false with a wrong signature', `${header}.${b64(raw)}.${goodSignature}`, SIGNATURE);
  add('b64 not a boolean', signed('{"alg":"HS256","crit":["b64"],"b64":"false"}', claims()), JWS_INVALID);
  add('b64:false outside crit has no effect', signed('{"alg":"HS256","b64":false}', claims()), VALID);
}

group = 'signature';
add('empty signature', `${goodHeader}.${goodPayload}.`, SIGNATURE);
for (const drop of [1, 2, 3, 4, 22, 42]) {
  const cut = goodSignature.slice(0, -drop);
  add(`signature truncated by ${drop}`, `${goodHeader}.${goodPayload}.${cut}`, isCanonical(cut) ? SIGNATURE : JWS_INVALID);
}
add('signature padded with =', `${good}=`, JWS_INVALID);
add('signature padded with ==', `${good}==`, JWS_INVALID);
add('signature followed by AAAA', `${good}AAAA`, SIGNATURE);
add('signature repeated twice', `${good}${goodSignature}`, isCanonical(goodSignature + goodSignature) ? SIGNATURE : JWS_INVALID);
add('signature of 64 KB', { prefix: `${goodHeader}.${goodPayload}.`, repeat: 'A', times: 60_000, suffix: '' }, SIGNATURE);
{
  // The same bytes with the last character's unused low bits set: a second encoding.
  const last = goodSignature.at(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const twin = alphabet[alphabet.indexOf(last) ^ 1];
  const sibling = goodSignature.slice(0, -1) + twin;
  if (Buffer.from(sibling, 'base64url').equals(Buffer.from(goodSignature, 'base64url'))) {
    add('signature with non-zero trailing bits (same bytes, second encoding)', `${goodHeader}.${goodPayload}.${sibling}`, JWS_INVALID);
  }
}
{
  // Standard-alphabet base64 for the signature: find claims whose signature has '-' or '_'.
  let jti = 0;
  let token;
  do {
    token = signed(HS256, claims({ jti: String(jti) }));
    jti += 1;
  } while (!/[-_]/.test(token.split('.')[2]));
  const [h, p, s] = token.split('.');
  add('signature in the standard base64 alphabet (+ and /)', `${h}.${p}.${s.replaceAll('-', '+').replaceAll('_', '/')}`, JWS_INVALID);
  add('the same token in base64url verifies', token, VALID);
}
add('signature of an all-zero MAC', `${goodHeader}.${goodPayload}.${b64(Buffer.alloc(32))}`, SIGNATURE);

group = 'segments';
for (const [name, token] of [
  ['empty string', ''],
  ['one segment', goodHeader],
  ['two segments', `${goodHeader}.${goodPayload}`],
  ['four segments', `${good}.${goodSignature}`],
  ['four segments, last empty', `${good}.`],
  ['five segments', `${good}.x.y`],
  ['a lone dot', '.'],
  ['two dots', '..'],
  ['three dots', '...'],
  ['JWE-shaped (five segments)', `${b64('{"alg":"dir","enc":"A256GCM"}')}..${b64('iv')}.${b64('ct')}.${b64('tag')}`],
]) {
  add(name, token, JWS_INVALID);
}
add('empty header segment', `.${goodPayload}.${goodSignature}`, JWS_INVALID);
add('empty payload segment, signed', signSegments(goodHeader, ''), JWT_INVALID);

group = 'white-space';
add('leading space', ` ${good}`, JWS_INVALID);
add('trailing newline', `${good}\n`, JWS_INVALID);
add('trailing CRLF', `${good}\r\n`, JWS_INVALID);
add('space after the first dot', `${goodHeader}. ${goodPayload}.${goodSignature}`, SIGNATURE);
add('tab inside the header', `${goodHeader.slice(0, 5)}\t${goodHeader.slice(5)}.${goodPayload}.${goodSignature}`, JWS_INVALID);
add('space inside the signature', `${goodHeader}.${goodPayload}.${goodSignature.slice(0, 10)} ${goodSignature.slice(10)}`, JWS_INVALID);
add('newline inside the payload, unsigned', `${goodHeader}.${goodPayload.slice(0, 8)}\n${goodPayload.slice(8)}.${goodSignature}`, SIGNATURE);
add('space inside the payload, signed over', signSegments(goodHeader, `${goodPayload.slice(0, 8)} ${goodPayload.slice(8)}`), JWS_INVALID);
add('space inside the header, signed over', signSegments(`${goodHeader.slice(0, 8)} ${goodHeader.slice(8)}`, goodPayload), JWS_INVALID);
add('white space around the header JSON is allowed', signed(' \n{"alg":"HS256"}\t ', claims()), VALID);

group = 'non-ascii';
add('é in the header segment', `${goodHeader}é.${goodPayload}.${goodSignature}`, JWS_INVALID);
add('é in the signature segment', `${good}é`, JWS_INVALID);
add('é in the payload segment, unsigned', `${goodHeader}.${goodPayload}é.${goodSignature}`, JWS_INVALID);
add('é in the payload segment, signed over', signSegments(goodHeader, `${goodPayload}é`), JWS_INVALID);
add('fullwidth dots as separators', good.replaceAll('.', '．'), JWS_INVALID);
add('zero-width space in the signature', `${good.slice(0, -5)}\u200b${good.slice(-5)}`, JWS_INVALID);
add('NUL byte in the header segment', `${goodHeader}\u0000.${goodPayload}.${goodSignature}`, JWS_INVALID);
add('header that is not UTF-8', signSegments(b64(Buffer.from([0x7b, 0xff, 0x7d])), goodPayload), JWS_INVALID);
add('payload that is not UTF-8', signSegments(goodHeader, b64(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))), JWT_INVALID);
add('non-ASCII claim values are fine', signed(HS256, claims({ name: 'Ada Lovelace — ✓ 数学 😀' })), VALID);

group = 'duplicate-names';
add('alg twice, HS256 then none', signed('{"alg":"HS256","alg":"none"}', claims()), JWS_INVALID);
add('alg twice, none then HS256', signed('{"alg":"none","alg":"HS256"}', claims()), JWS_INVALID);
add('alg twice, the second escaped', signed('{"alg":"HS256","\\u0061lg":"HS256"}', claims()), JWS_INVALID);
add('crit twice', signed('{"alg":"HS256","crit":["x-unknown"],"crit":["b64"],"b64":true,"x-unknown":1}', claims()), JWS_INVALID);
add('exp twice, expired then not', signed(HS256, `{"sub":"ada","exp":1,"exp":${NOW + 3600}}`), JWT_INVALID);
add('sub twice, the second escaped', signed(HS256, `{"sub":"ada","s\\u0075b":"root","exp":${NOW + 3600}}`), JWT_INVALID);
add('aud twice', signed(HS256, `{"aud":"other","aud":"api"}`), JWT_INVALID, { options: { audience: 'api' } });
add('duplicates below the top level are passed through', signed(HS256, '{"sub":"ada","x":{"y":1,"y":2}}'), VALID);
{
  const many = Array.from({ length: 3000 }, (_, i) => `"c${i}":${i}`);
  add('3000 distinct claims', signed(HS256, `{${many.join(',')}}`), VALID);
  add('3000 claims, the last repeating the first', signed(HS256, `{${many.join(',')},"c0":0}`), JWT_INVALID);
}

group = 'time-claim-types';
const exp = (value, expect, options) => add(`exp ${value}`, signed(HS256, `{"sub":"ada","exp":${value}}`), expect, options && { options });
const expInvalid = claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid');
const expired = claim('ERR_JWT_EXPIRED', 'exp', 'check_failed');
for (const value of ['"1700003600"', '"NaN"', '"Infinity"', 'true', 'false', 'null', '[]', `[${NOW + 60}]`, '{}', '1e400', '-1e400', '1E999']) {
  exp(value, expInvalid);
}
for (const value of ['NaN', 'Infinity', '-Infinity', '0x10', '+1', '.5', '01', '1.', `${NOW + 60}n`]) {
  exp(value, JWT_INVALID);
}
for (const value of ['0', '-0', '-1', '-1e308', '-1.7976931348623157e308', String(NOW), `${NOW}.0`, `${NOW - 0.5}`]) {
  exp(value, expired);
}
for (const value of ['1e308', '1.7976931348623157e308', '9007199254740993', String(NOW + 1), `${NOW}.5`, `${NOW}.000001`, '17.1e8', '1.7000001e9']) {
  exp(value, VALID);
}
exp(String(NOW), VALID, { clockTolerance: 1 });
exp('-1e308', expired, { clockTolerance: '1y' });
add('nbf far in the future', signed(HS256, '{"nbf":1e308}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'check_failed'));
add('nbf 1e400', signed(HS256, '{"nbf":1e400}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'invalid'));
add('nbf a string', signed(HS256, `{"nbf":"${NOW}"}`), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'invalid'));
add('iat a string', signed(HS256, `{"iat":"${NOW}"}`), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat', 'invalid'));
add('iat -1e400', signed(HS256, '{"iat":-1e400}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat', 'invalid'));
add('iat in the future with maxTokenAge', signed(HS256, `{"iat":${NOW + 60}}`), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat', 'check_failed'), {
  options: { maxTokenAge: '1h' },
});
add('iat 1e308 seconds ago with maxTokenAge', signed(HS256, '{"iat":-1e308}'), claim('ERR_JWT_EXPIRED', 'iat', 'check_failed'), {
  options: { maxTokenAge: '1h' },
});

group = 'aud-mixed-types';
const aud = (value, expect) =>
  add(`aud ${value}`, signed(HS256, `{"sub":"ada","aud":${value}}`), expect, { options: { audience: 'api' } });
const audFailed = claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud', 'check_failed');
aud('["x",1,null,true,{"a":"api"},["api"],"api"]', VALID);
aud('[1,null,true,{"api":1},["api"],"API"]', audFailed);
aud('1', audFailed);
aud('true', audFailed);
aud('null', audFailed);
aud('{"api":true}', audFailed);
aud('"API"', audFailed);
aud('" api"', audFailed);
aud('[]', audFailed);
aud('""', audFailed);
aud('"api"', VALID);
add('aud absent', signed(HS256, '{"sub":"ada"}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud', 'missing'), {
  options: { audience: 'api' },
});
add('iss an array holding the issuer', signed(HS256, '{"iss":["catalogue"]}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'check_failed'), {
  options: { issuer: 'catalogue' },
});
add('sub a number', signed(HS256, '{"sub":1}'), claim('ERR_JWT_CLAIM_VALIDATION_FAILED', 'sub', 'check_failed'), {
  options: { subject: '1' },
});

group = 'deep-nesting';
const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
add('a claim nested 10000 arrays deep', signed(HS256, `{"sub":"ada","x":${deep(10_000)}}`), VALID);
add('a claim nested 5000 objects deep', signed(HS256, `{"sub":"ada","x":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`), VALID);
add('a header member nested 5000 deep', signed(`{"alg":"HS256","x":${deep(5_000)}}`, claims()), VALID);
add('a payload of 10000 nested arrays', signed(HS256, deep(10_000)), JWT_INVALID);
add('a header of 10000 nested arrays', signed(deep(10_000), claims()), JWS_INVALID);
add('unbalanced nesting, 10000 open', signed(HS256, `{"x":${'['.repeat(10_000)}}`), JWT_INVALID);
add('unbalanced nesting in the header', signed(`{"alg":"HS256","x":${'{"a":'.repeat(5_000)}}`, claims()), JWS_INVALID);

group = 'huge-token';
add('a 3 MB token', { prefix: `${goodHeader}.`, repeat: 'A', times: 3_000_000, suffix: `.${goodSignature}` }, TOO_LONG);
add('65537 bytes: one over the default cap', { prefix: `${goodHeader}.`, repeat: 'A', times: 65_537 - goodHeader.length - 2 - goodSignature.length, suffix: `.${goodSignature}` }, TOO_LONG);
add('65536 bytes: at the cap, then checked as usual', { prefix: `${goodHeader}.`, repeat: 'A', times: 65_536 - goodHeader.length - 2 - goodSignature.length, suffix: `.${goodSignature}` }, SIGNATURE);
add('a 3 MB token under a raised cap', { prefix: `${goodHeader}.`, repeat: 'A', times: 3_000_000, suffix: `.${goodSignature}` }, SIGNATURE, {
  options: { maxTokenLength: 4 * 1024 * 1024 },
});
add('a small token over a lowered cap', good, TOO_LONG, { options: { maxTokenLength: 64 } });
add('3 MB of dots', { prefix: '', repeat: '.', times: 3_000_000, suffix: '' }, TOO_LONG);
add('a 20 KB claim', signed(HS256, claims({ blob: 'x'.repeat(20_000) })), VALID);

group = 'payload-not-an-object';
for (const [name, text] of [
  ['an array', '[]'],
  ['an array holding the claims', `[${claims()}]`],
  ['a string', '"sub"'],
  ['a number', '1700000000'],
  ['null', 'null'],
  ['true', 'true'],
  ['white space only', ' \n'],
  ['an object followed by text', `${claims()}x`],
  ['two objects', `${claims()}{}`],
  ['single-quoted JSON', "{'sub':'ada'}"],
  ['a trailing comma', '{"sub":"ada",}'],
  ['a comment', '{"sub":"ada"/* c */}'],
  ['a byte order mark before the object', `\ufeff${claims()}`],
  ['an unterminated object', '{"sub":"ada"'],
]) {
  add(`claims: ${name}`, signed(HS256, text), JWT_INVALID);
}
for (const [name, text] of [['an array', '[]'], ['a string', '"HS256"'], ['null', 'null'], ['not JSON', 'alg=HS256'], ['a byte order mark before the object', '\ufeff{"alg":"HS256"}']]) {
  add(`header: ${name}`, signed(text, claims()), JWS_INVALID);
}
add('claims: __proto__ is an ordinary claim', signed(HS256, '{"sub":"ada","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'), VALID);

writeFileSync(
  join(root, 'vectors/attacks.json'),
  `${JSON.stringify(
    {
      about:
        'Generated by scripts/make-attacks.mjs. The attack catalogue: read by tests/attacks.rs and pkg-tests/attacks.test.mjs. ' +
        'Each case is verified with `key` (unless it has its own) and its options at `now`; `build` is prefix + repeat x times + suffix. ' +
        'After every case, `good` must still verify on the same instance.',
      now: NOW,
      key: { utf8: KEY },
      good,
      cases,
    },
    null,
    1,
  )}\n`,
);
const groups = [...new Set(cases.map((c) => c.group))];
console.log(`attacks: ${cases.length} cases in ${groups.length} groups`);
