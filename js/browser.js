// Browser and bundler entry. The glue fetches the .wasm next to itself
// (`new URL('jwt_wasm_bg.wasm', import.meta.url)`) and compiles it while streaming, once, by a
// top-level await: every export is ready when the import resolves, so there is no init() to call.
// Natively that is pkg/wasm/ in the package; Vite and webpack rewrite the URL and emit the file;
// esbuild leaves it as is, so the .wasm must be copied next to the bundle (see the README).
import init from '../pkg/wasm/jwt_wasm.js';
import * as api from './api.js';
import { connectErrors, wasmUnavailable } from './errors.js';

try {
  await init();
} catch (error) {
  throw wasmUnavailable(error, true);
}
connectErrors();

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
