import jsonwebtoken from 'jsonwebtoken';
import { createVerifier as fjVerifier, createSigner, createDecoder } from 'fast-jwt';
import { jwtVerify, signJwt, decodeJwt } from 'jwt-wasm';
import { createHmac } from 'node:crypto';
const secret = 'migration-secret-of-at-least-32-bytes!';
const now = Math.floor(Date.now() / 1000);
const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const tok = (claims, s = secret) => { const i = `${b({ alg: 'HS256', typ: 'JWT' })}.${b(claims)}`; return `${i}.${createHmac('sha256', s).update(i).digest('base64url')}`; };
const run = (name, token, j, f, w) => {
  let a, c, d;
  try { jsonwebtoken.verify(token, secret, j); a = 'ok'; } catch (e) { a = `${e.name}: ${e.message}`; }
  try { fjVerifier({ key: secret, ...f })(token); c = 'ok'; } catch (e) { c = `${e.code}`; }
  try { jwtVerify(token, secret, w); d = 'ok'; } catch (e) { d = `${e.code} ${e.claim ?? ''} ${e.reason ?? ''}`; }
  console.log(name.padEnd(16), '|', a, '|', c, '|', d);
};
run('missing iss', tok({ sub: 'a' }), { issuer: 'me' }, { allowedIss: 'me' }, { issuer: 'me' });
run('missing sub', tok({ iss: 'a' }), { subject: 'me' }, { allowedSub: 'me' }, { subject: 'me' });
run('missing aud', tok({ iss: 'a' }), { audience: 'api' }, { allowedAud: 'api' }, { audience: 'api' });
run('maxAge old', tok({ iat: now - 100 }), { maxAge: 10 }, { maxAge: 10_000 }, { maxTokenAge: 10 });
run('maxAge no iat', tok({ sub: 'a' }), { maxAge: 10 }, { maxAge: 10_000 }, { maxTokenAge: 10 });
run('exp tolerance', tok({ exp: now - 5 }), { clockTolerance: 10 }, { clockTolerance: 10_000 }, { clockTolerance: 10 });
run('exp string', tok({ exp: 'x' }), {}, {}, {});
run('alg none', `${b({ alg: 'none' })}.${b({ sub: 'a' })}.`, {}, {}, {});
run('aud array', tok({ aud: ['x', 'api'] }), { audience: 'api' }, { allowedAud: 'api' }, { audience: 'api' });
run('clockTimestamp', tok({ exp: now + 10 }), { clockTimestamp: now + 20 }, { clockTimestamp: (now + 20) * 1000 }, { currentDate: new Date((now + 20) * 1000) });
console.log('sign iat:', Object.keys(jsonwebtoken.verify(jsonwebtoken.sign({ a: 1 }, secret), secret)), Object.keys(createDecoder()(createSigner({ key: secret })({ a: 1 }))), Object.keys(decodeJwt(signJwt({ a: 1 }, secret))));
console.log('jsonwebtoken expiresIn 15m', (() => { const p = jsonwebtoken.decode(jsonwebtoken.sign({ a: 1 }, secret, { expiresIn: '15m' })); return p.exp - p.iat; })());
console.log('fast-jwt expiresIn', (() => { const p = createDecoder()(createSigner({ key: secret, expiresIn: 900_000 })({ a: 1 })); return p.exp - p.iat; })());
console.log('fast-jwt expiresIn string', (() => { try { const p = createDecoder()(createSigner({ key: secret, expiresIn: '15m' })({ a: 1 })); return p.exp - p.iat; } catch (e) { return e.code; } })());
console.log('complete', Object.keys(jsonwebtoken.verify(tok({a:1}), secret, { complete: true })), Object.keys(fjVerifier({ key: secret, complete: true })(tok({a:1}))));
