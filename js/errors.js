// The error class every failure is thrown as, and the strict JSON conversion of option objects;
// the wasm binding uses both once connectErrors() has registered them.
import { __connect } from '../pkg/wasm/jwt_wasm.js';

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

// Option objects and JWKs cross into wasm as JSON text. What JSON cannot carry is refused
// here rather than dropped silently by JSON.stringify: a function given as `issuer` must fail,
// not vanish and turn the issuer check off.
function toJson(value) {
  return JSON.stringify(value, (key, member) => {
    const type = typeof member;
    if (type === 'function' || type === 'symbol' || type === 'bigint' || (type === 'number' && !Number.isFinite(member))) {
      throw new TypeError(`"${key}" has no JSON form`);
    }
    return member;
  });
}

/** Called by each entry once the wasm instance is ready. */
export function connectErrors() {
  __connect(JwtError, toJson);
}
