// A Cloudflare Worker that guards /api/* with `Authorization: Bearer <JWT>` (RFC 6750): a valid
// token gets 200 and its claims, any other gets 401 and the reason as a jwt-wasm error code.
// The secret is a Worker secret (`wrangler secret put JWT_SECRET`, or `.dev.vars` for
// `wrangler dev`); the issuer and audience are plain vars in wrangler.jsonc.
import { createVerifier, JwtError } from 'jwt-wasm';

// One verifier per isolate and secret: the key and options are parsed once, the HMAC state is
// prepared once, and every request reuses them.
let cached = null;

function verifierFor(env) {
  // A missing secret is a deployment error (500), not the client's fault (401).
  if (!env.JWT_SECRET) throw new Error('JWT_SECRET is not set: `wrangler secret put JWT_SECRET`');
  if (cached?.secret !== env.JWT_SECRET) {
    const verifier = createVerifier(env.JWT_SECRET, {
      algorithms: ['HS256'],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      clockTolerance: '30s',
    });
    cached = { secret: env.JWT_SECRET, verifier };
  }
  return cached.verifier;
}

const json = (status, body, headers = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

// RFC 6750 section 3: a request without a token gets no error code; a bad token gets invalid_token.
function unauthorized(error) {
  if (!error) return json(401, { error: 'missing_token' }, { 'www-authenticate': 'Bearer realm="api"' });
  const body = { error: 'invalid_token', code: error.code };
  if (error.claim !== undefined) body.claim = error.claim;
  return json(401, body, { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/api/')) return new Response('public: no token needed\n');

    const match = /^Bearer +([^ ]+) *$/i.exec(request.headers.get('authorization') ?? '');
    if (!match) return unauthorized(null);
    let claims;
    try {
      claims = verifierFor(env).verify(match[1]).payload;
    } catch (error) {
      if (error instanceof JwtError) return unauthorized(error);
      throw error;
    }
    return json(200, { route: pathname, claims });
  },
};
