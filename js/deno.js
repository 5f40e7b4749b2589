// @ts-self-types="./index.d.ts"
// Deno entry (`npm:jwt-wasm`, a package.json dependency, or a path to this file). The .wasm is
// imported as a module source, so no read or net permission is needed and the first call needs
// no init() and no await.
import source module from '../pkg/wasm/jwt_wasm_bg.wasm';
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
