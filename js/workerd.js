// Cloudflare Workers (workerd) entry. The .wasm is imported as a module, so the platform compiles
// it at upload and this file only instantiates it (`new WebAssembly.Instance`): Workers refuse
// WebAssembly.compile / instantiate on bytes at run time. Wrangler (and esbuild set up as wrangler
// sets it up) ships the imported .wasm as a separate CompiledWasm module.
import module from '../pkg/wasm/jwt_wasm_bg.wasm';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import * as api from './api.js';
import { start } from './errors.js';

start(() => initSync({ module }));

// Local bindings, not `export *`: the package is `sideEffects: false`, and a bundler drops a
// module none of whose own exports are used, and the initialisation above with it.
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
