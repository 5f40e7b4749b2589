#!/usr/bin/env node
// Verifies a JWT with the secret in JWT_SECRET (and JWT_ISSUER / JWT_AUDIENCE if set), then
// prints the claims and the time left, or why the token was refused, as one JSON line.
// Exit status: 0 valid, 1 refused, 2 usage.
// Usage: JWT_SECRET=... node verify-token.mjs <token>
import { expiryInfo, JwtError, jwtVerify } from 'jwt-wasm';

const [token] = process.argv.slice(2);
const { JWT_SECRET: secret, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = process.env;
if (!token || !secret) {
  console.error('usage: JWT_SECRET=... node verify-token.mjs <token>');
  process.exit(2);
}

// exp required: a token without one never expires, and verification accepts it unless told so.
const options = { algorithms: ['HS256', 'HS384', 'HS512'], requiredClaims: ['exp'] };
if (issuer) options.issuer = issuer;
if (audience) options.audience = audience;

try {
  // Synchronous: no init() and no await, in CommonJS (require) as well.
  const { payload } = jwtVerify(token, secret, options);
  console.log(JSON.stringify({ valid: true, claims: payload, secondsLeft: expiryInfo(token).secondsLeft }));
} catch (error) {
  if (!(error instanceof JwtError)) throw error;
  console.log(JSON.stringify({ valid: false, code: error.code, claim: error.claim, message: error.message }));
  process.exitCode = 1;
}
