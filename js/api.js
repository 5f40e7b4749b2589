// What every entry exports: the wasm functions, the JwtError class they throw, and the
// jose-compatible SignJWT builder. Token rules live in the Rust core, not here.
import * as wasm from '../pkg/wasm/jwt_wasm.js';

export {
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  expiryInfo,
  isExpired,
  jwtVerify,
  signJwt,
  Verifier,
} from '../pkg/wasm/jwt_wasm.js';
export { JwtError } from './errors.js';

/** jose's SignJWT builder; `sign` is synchronous (awaiting it still works). */
export class SignJWT {
  #payload;
  #options = {};

  constructor(payload = {}) {
    this.#payload = payload;
  }

  setProtectedHeader(header) {
    this.#options.header = header;
    return this;
  }

  setIssuer(issuer) {
    this.#options.issuer = issuer;
    return this;
  }

  setSubject(subject) {
    this.#options.subject = subject;
    return this;
  }

  setAudience(audience) {
    this.#options.audience = audience;
    return this;
  }

  setJti(jti) {
    this.#options.jti = jti;
    return this;
  }

  setIssuedAt(input = true) {
    this.#options.issuedAt = input;
    return this;
  }

  setExpirationTime(input) {
    this.#options.expirationTime = input;
    return this;
  }

  setNotBefore(input) {
    this.#options.notBefore = input;
    return this;
  }

  sign(key, { currentDate } = {}) {
    const options = currentDate === undefined ? this.#options : { ...this.#options, currentDate };
    return wasm.signJwt(this.#payload, key, options);
  }
}
