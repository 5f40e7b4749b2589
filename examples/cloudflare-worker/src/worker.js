// A Cloudflare Worker that guards /api/* with `Authorization: Bearer <JWT>` (RFC 6750): a valid
// token gets 200 and its claims; a missing token 401, a malformed Authorization header 400, a
// refused token 401 with its jwt-wasm error code, and a Worker without its settings 500.
// The secret is a Worker secret (`wrangler secret put JWT_SECRET`, or `.dev.vars` for
// `wrangler dev`); the issuer and audience are plain vars in wrangler.jsonc.
import { createVerifier, JwtError } from 'jwt-wasm';

// One verifier per isolate and configuration: the key and options are parsed once, the HMAC
// state is prepared once, and every request reuses them.
let cached = null;

const CONFIG = ['JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE'];

function verifierFor(env) {
  // A missing setting is a deployment error (500), not the client's fault (401). An unset issuer
  // or audience would not fail: `undefined` turns its check off, so every setting is required.
  for (const name of CONFIG) {
    if (typeof env[name] !== 'string' || env[name] === '') throw new Error(`${name} must be set to a non-empty string (see wrangler.jsonc)`);
  }
  if (!cached || CONFIG.some((name) => cached.env[name] !== env[name])) {
    const verifier = createVerifier(env.JWT_SECRET, {
      algorithms: ['HS256'],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      // An access token without an expiry is refused (RFC 9068 requires `exp`).
      requiredClaims: ['exp'],
      clockTolerance: '30s',
    });
    cached = { env: Object.fromEntries(CONFIG.map((name) => [name, env[name]])), verifier };
  }
  return cached.verifier;
}

const json = (status, body, headers = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

// RFC 6750 section 3: a request without a bearer token gets no error code (401); a malformed
// Authorization header gets invalid_request (400); a bad token gets invalid_token (401).
const missingToken = () => json(401, { error: 'missing_token' }, { 'www-authenticate': 'Bearer realm="api"' });
const invalidRequest = () =>
  json(400, { error: 'invalid_request' }, { 'www-authenticate': 'Bearer realm="api", error="invalid_request"' });

function invalidToken(error) {
  const body = { error: 'invalid_token', code: error.code };
  if (error.claim !== undefined) body.claim = error.claim;
  return json(401, body, { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' });
}

/** The request's bearer token, or the answer to a request without one (no Authorization
 * header, or another scheme) or with a Bearer header that does not hold exactly one token. */
function bearerToken(request) {
  const header = request.headers.get('authorization');
  if (header === null || !/^Bearer(\s|$)/i.test(header)) return { refusal: missingToken() };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? { token: match[1] } : { refusal: invalidRequest() };
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/api/')) return new Response('public: no token needed\n');

    // Outside the try: a configuration the verifier refuses is a 500 too, not a refused token.
    const verifier = verifierFor(env);
    const { token, refusal } = bearerToken(request);
    if (refusal) return refusal;
    let claims;
    try {
      claims = verifier.verify(token).payload;
    } catch (error) {
      if (error instanceof JwtError) return invalidToken(error);
      throw error;
    }
    return json(200, { route: pathname, claims });
  },
};
