import jsonwebtoken from 'jsonwebtoken';
import { createVerifier as fjVerifier, createSigner, createDecoder } from 'fast-jwt';
import { jwtVerify, signJwt } from 'jwt-wasm';
const secret = 'migration-secret-of-at-least-32-bytes!';
const now = Math.floor(Date.now() / 1000);
const tok = (claims, s = secret) => jsonwebtoken.sign(claims, s, { algorithm: 'HS256', noTimestamp: true });
const cases = {
  expired: [tok({ sub: 'a', exp: now - 100 }), {}],
  notBefore: [tok({ sub: 'a', nbf: now + 100 }), {}],
  badSignature: [tok({ sub: 'a' }, 'another-secret-of-at-least-32-bytes!!'), {}],
  malformed: ['not.a.jwt', {}],
  twoParts: ['abc.def', {}],
  audience: [tok({ sub: 'a', aud: 'x' }), { audience: 'api' }],
  issuer: [tok({ sub: 'a', iss: 'x' }), { issuer: 'me' }],
  subject: [tok({ sub: 'a' }), { subject: 'b' }],
  maxAge: [tok({ sub: 'a', iat: now - 100 }), { maxAge: 10 }],
  algorithm: [tok({ sub: 'a' }), { algorithms: ['HS512'] }],
  missingAud: [tok({ sub: 'a' }), { audience: 'api' }],
};
for (const [name, [token, o]] of Object.entries(cases)) {
  let j, f, w;
  try { jsonwebtoken.verify(token, secret, o); j = 'ok'; } catch (e) { j = `${e.name}: ${e.message}`; }
  const fo = { key: secret };
  if (o.audience) fo.allowedAud = o.audience; if (o.issuer) fo.allowedIss = o.issuer; if (o.subject) fo.allowedSub = o.subject;
  if (o.maxAge) fo.maxAge = o.maxAge * 1000; if (o.algorithms) fo.algorithms = o.algorithms;
  try { fjVerifier(fo)(token); f = 'ok'; } catch (e) { f = `${e.code}: ${e.message}`; }
  const wo = {}; if (o.audience) wo.audience = o.audience; if (o.issuer) wo.issuer = o.issuer; if (o.subject) wo.subject = o.subject;
  if (o.maxAge) wo.maxTokenAge = o.maxAge; if (o.algorithms) wo.algorithms = o.algorithms;
  try { jwtVerify(token, secret, wo); w = 'ok'; } catch (e) { w = `${e.code} ${e.claim ?? ''} ${e.reason ?? ''}`; }
  console.log(name.padEnd(13), '|', j, '|', f, '|', w);
}
