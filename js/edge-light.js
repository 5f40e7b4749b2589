// Edge entry for Next.js (the `edge-light` condition: route handlers and middleware with the edge
// runtime, as `next build` bundles them with Turbopack or webpack). The .wasm is imported with
// `?module`, so the bundler ships it as a separate file and the runtime hands over a compiled
// WebAssembly.Module (of another realm, which the glue accepts: see scripts/build.mjs): like
// Cloudflare Workers, the edge runtime refuses WebAssembly.compile and instantiate on bytes at
// run time, and the browser entry's fetch of the .wasm fails there. `?module` is Next's own
// convention; other bundlers that resolve `edge-light` are not supported.
import module from '../pkg/wasm/jwt_wasm_bg.wasm?module';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import * as api from './api.js';
import { start } from './errors.js';

start(() => initSync({ module }));

// Local bindings, not `export *`: see js/workerd.js.
export const {
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  errors,
  expiryInfo,
  isExpired,
  JwtError,
  jwtVerify,
  SignJWT,
  signJwt,
  Verifier,
} = api;
