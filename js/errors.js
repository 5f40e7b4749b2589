// The error class every failure is thrown as; the wasm binding constructs it.
import { __setErrorClass } from '../pkg/wasm/jwt_wasm.js';

/** Every error thrown by jwt-wasm. Switch on `code`; messages may change. */
export class JwtError extends Error {
  constructor(message, { code, claim, reason } = {}) {
    super(message);
    this.name = 'JwtError';
    this.code = code;
    if (claim !== undefined) this.claim = claim;
    if (reason !== undefined) this.reason = reason;
  }
}

/** Called by each entry once the wasm instance is ready. */
export function connectErrors() {
  __setErrorClass(JwtError);
}
