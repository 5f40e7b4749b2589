// @ts-self-types="./index.d.ts"
// The entry without a .wasm file and without top-level await (`jwt-wasm/inline` in browsers and
// bundlers): the .wasm's bytes are in a module of their own as base64, compiled synchronously at
// import. For service workers, which refuse top-level await (the browser entry's), browser
// extensions' background workers, IIFE bundles, and bundlers that do not ship the .wasm beside
// the bundle (esbuild). It costs about 22 KB more gzipped than the browser entry and its .wasm,
// and the .wasm is not streamed or cached apart from the script.
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import { wasmBase64 } from '../pkg/wasm-inline.js';
import * as api from './api.js';
import { start } from './errors.js';

start(() => initSync({ module: bytesOf(wasmBase64) }));

/** The bytes of base64 `text`: by `Uint8Array.fromBase64` where the engine has it, else by
 * `atob` (every browser and worker has it). */
function bytesOf(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

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
