// Edge entry for Next.js (the `edge-light` condition: route handlers and middleware with the edge
// runtime, as `next build` bundles them with Turbopack or webpack). The .wasm is imported with
// `?module`, so the bundler ships it as a separate file and the runtime hands over a compiled
// WebAssembly.Module: like Cloudflare Workers, the edge runtime refuses WebAssembly.compile and
// instantiate on bytes at run time, and the browser entry's fetch of the .wasm fails there.
import module from '../pkg/wasm/jwt_wasm_bg.wasm?module';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import * as api from './api.js';
import { connectErrors } from './errors.js';

// Next's edge sandbox hands over a module made in another realm. The glue's `instanceof` check
// would not know it and would try to compile it as bytes, so it gets this realm's prototype
// (WebAssembly.Instance takes a module of any realm).
initSync({ module: module instanceof WebAssembly.Module ? module : Object.setPrototypeOf(module, WebAssembly.Module.prototype) });
connectErrors();

// Local bindings, not `export *`: see js/workerd.js.
export const {
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  expiryInfo,
  isExpired,
  JwtError,
  jwtVerify,
  SignJWT,
  signJwt,
  Verifier,
} = api;
