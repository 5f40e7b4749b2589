// What every entry exports: the wasm functions, the JwtError class they throw, and the
// jose-compatible SignJWT builder. Token rules live in the Rust core, not here.
import * as wasm from '../pkg/wasm/jwt_wasm.js';

import { claimsCopy, guarded, instanceGeneration, JwtError, optionsCopy, readingAgain, readingArguments, refuseCallback, refuseExtra, refuseOptions, replaceIfPending, secretAfterToken, shownName, snapshot, uncurryThis, WASM_UNAVAILABLE } from './errors.js';

export { errors, JwtError } from './errors.js';

// jwt-decode's jwtDecode(token, { header: true }) gave the header.
export const decodeJwt = guarded(wasm.decodeJwt, 'decodeJwt', ' (for the protected header, call decodeProtectedHeader(token))');
export const decodeProtectedHeader = guarded(wasm.decodeProtectedHeader, 'decodeProtectedHeader');
const coreErrorCodes = guarded(wasm.errorCodes, 'errorCodes');
/** The core's codes, then the one an entry's import throws when its module cannot be made. */
export function errorCodes(extra) {
  const codes = coreErrorCodes(extra);
  codes.push(WASM_UNAVAILABLE);
  return codes;
}
export const expiryInfo = guarded(wasm.expiryInfo, 'expiryInfo');
export const isExpired = guarded(wasm.isExpired, 'isExpired');
export const jwtVerify = guarded(wasm.jwtVerify, 'jwtVerify');
export const signJwt = guarded(wasm.signJwt, 'signJwt');

// Called with the built-ins of load time: a Verifier's copy of its key and options is passed by
// index, not spread (which would call the array iterator of the time), and its methods through
// the Function.prototype.call of load time.
// The one export whose failure the glue throws (src/wasm.rs, `settled`).
const prepare = guarded(wasm.createVerifier, 'createVerifier', '', true);
const verifyWith = uncurryThis(guarded(wasm.Verifier.prototype.verify, 'verify'));
const signatureOnlyWith = uncurryThis(guarded(wasm.Verifier.prototype.__benchSignatureOnly, 'verify'));
const freeWith = uncurryThis(guarded(wasm.Verifier.prototype.free, 'free'));
const { isArray } = Array;
const { keys } = Object;
const MADE_HERE = Symbol('createVerifier');
const BENCH_SIGNATURE_ONLY = Symbol.for('jwt-wasm.benchSignatureOnly');

/** Frees the glue's verifier `inner` (if any), made in the instance of count `generation`, once a
 * pending replacement is made; one of a replaced instance is not freed: its memory went with that
 * instance (and its address may hold another's now). */
function release(inner, generation) {
  replaceIfPending();
  if (inner !== undefined && generation === instanceGeneration()) freeWith(inner);
}

const HOLDS_ITS_KEY = ' (a Verifier verifies with the key and options given to createVerifier(key, options))';

/** What a `Verifier`'s verify refuses after the token: what `refuseExtra` refuses, and a secret
 * given as the one-shot calls take it, so that the caller learns it is not the one verified with
 * (`map` passes a number there; the strings that forEach of a Set or Map passes are left unread). */
function refuseExtraAfterToken(extra, third) {
  if (secretAfterToken(extra, third)) {
    throw new JwtError(`verify() takes one argument; a string after it would not be read${HOLDS_ITS_KEY}`, { code: 'ERR_OPTIONS_INVALID' });
  }
  refuseExtra('verify', 1, extra, HOLDS_ITS_KEY);
}

/** A key and options parsed once (see `createVerifier`). */
export class Verifier {
  #inner;
  #generation;
  #made;

  constructor(madeHere, inner, generation, made) {
    if (madeHere !== MADE_HERE) throw new TypeError('a Verifier is made by createVerifier()');
    this.#inner = inner;
    this.#generation = generation;
    this.#made = made;
  }

  /** Throws if `self` is not a Verifier: a method taken off one (`const { verify } = verifier`,
   * `tokens.map(verifier.verify)`) is called without it. */
  static #own(self, method) {
    if (typeof self !== 'object' || self === null || !(#inner in self)) {
      const how = method === 'verify' ? 'tokens.map(verifier.verify)' : 'setTimeout(verifier.free)';
      const instead = method === 'verify' ? 'verifier.verify(token), or map with (token) => verifier.verify(token)' : 'verifier.free(), or pass () => verifier.free()';
      throw new TypeError(`${method}() was called without its Verifier (as a method taken off one is, by ${how} or const { ${method} } = verifier): call it as ${instead}`);
    }
  }

  /** The glue's verifier, made again from the same key and options if the instance was replaced
   * (again if it was replaced while being made). */
  #current() {
    if (this.#inner === undefined) throw new TypeError('this Verifier has been freed');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      replaceIfPending();
      if (this.#generation === instanceGeneration()) return this.#inner;
      const inner = prepare(this.#made[0], this.#made[1]);
      // free() called while it was made again (by a getter that reading its options' Dates can
      // reach, a Symbol.toStringTag on Object.prototype): it stays freed, and so does the new one.
      if (this.#made === undefined) {
        release(inner, instanceGeneration());
        throw new TypeError('this Verifier has been freed');
      }
      this.#inner = inner;
      this.#generation = instanceGeneration();
    }
    return this.#inner;
  }

  verify(token, extra, third) {
    Verifier.#own(this, 'verify');
    if (extra !== undefined) refuseExtraAfterToken(extra, third);
    return verifyWith(this.#current(), token);
  }

  /** Releases the wasm memory now rather than at garbage collection, and the copy of the key and
   * options kept to make it again; later calls throw a TypeError. */
  free() {
    Verifier.#own(this, 'free');
    const inner = this.#inner;
    this.#inner = undefined;
    this.#made = undefined;
    release(inner, this.#generation);
  }

  /** The floor `npm run bench` compares `verify` against, not part of the API: whether the
   * token's HS256 MAC is right, and nothing else (no allowlist, no key restrictions, no claims).
   * Keyed by a symbol rather than a name, so that it is not taken for a way to verify. */
  [BENCH_SIGNATURE_ONLY](token) {
    return signatureOnlyWith(this.#current(), token);
  }
}
if (Symbol.dispose) Verifier.prototype[Symbol.dispose] = Verifier.prototype.free;

export function createVerifier(key, options, extra) {
  if (extra !== undefined) refuseExtra('createVerifier', 2, extra);
  refuseCallback('createVerifier', options);
  const made = readingArguments('createVerifier', () => snapshot(key, options));
  if (!isArray(made)) {
    // Refused as read: the binding gives the coded error, reading them again through its checks;
    // should they now pass (a getter answering differently), they are refused all the same (the
    // verifier made is left to its finalizer, which frees it only in the instance it lives in).
    readingAgain(() => prepare(key, options));
    throw new JwtError('the key or options answered differently when read again', { code: made });
  }
  const inner = prepare(made[0], made[1]);
  // The count of the instance `inner` lives in, read before anything else can replace it.
  return new Verifier(MADE_HERE, inner, instanceGeneration(), made);
}

/** A builder method's argument, refused at the call if it is missing, as jose refuses it: as
 * an option `undefined` means the default (no claim), so `setExpirationTime(config.ttl)` with the
 * setting unset would sign a token that never expires. Other values are judged at `sign()`. */
function given(method, value) {
  if (value === undefined) {
    throw new JwtError(`${method}() needs a value (got undefined); leave the call out to set nothing`, { code: 'ERR_OPTIONS_INVALID' });
  }
  return value;
}

/** A builder call's argument after its one, refused whatever it is (not only an object, as
 * `refuseExtra` refuses): nothing calls the builder through `map`, and what comes second would
 * be dropped without a word, as `{ expirationTime: '1h' }` in `new SignJWT(claims, options)` or
 * the second audience of `setAudience('a', 'b')` would. */
function onlyOne(method, extra, hint = '') {
  if (extra !== undefined) {
    throw new JwtError(`${method}() takes one argument; what follows it would not be read${hint}`, { code: 'ERR_OPTIONS_INVALID' });
  }
}

/** jose's SignJWT builder; `sign` is synchronous (awaiting it still works). */
export class SignJWT {
  #payload;
  // Without a prototype: a setter put on Object.prototype cannot take the builder's settings.
  #options = { __proto__: null };

  /** Throws if `self` is not a SignJWT (a method taken off one, as `['me'].map(builder.setIssuer)`
   * calls it, is said as such rather than as its arguments' fault), then refuses an argument
   * after the method's one (`onlyOne`). */
  static #call(self, method, extra, hint = '') {
    if (typeof self !== 'object' || self === null || !(#options in self)) {
      throw new TypeError(`${method}() was called without its SignJWT (as a method taken off one is): call it on the builder, as builder.${method}(…)`);
    }
    onlyOne(method, extra, hint);
  }

  /** Takes a copy of the claims, as jose's does: changing the object later changes nothing. */
  constructor(payload = {}, extra) {
    onlyOne('new SignJWT', extra, ": set the token's options with the builder's methods (.setExpirationTime('1h')), or call signJwt(claims, key, options)");
    this.#payload = claimsCopy(payload);
  }

  setProtectedHeader(header, extra) {
    SignJWT.#call(this, 'setProtectedHeader', extra);
    // Set once: given() refuses undefined, so a header set is never undefined.
    if (this.#options.header !== undefined) throw new JwtError('setProtectedHeader() can only be called once', { code: 'ERR_OPTIONS_INVALID' });
    this.#options.header = given('setProtectedHeader', header);
    return this;
  }

  setIssuer(issuer, extra) {
    SignJWT.#call(this, 'setIssuer', extra);
    this.#options.issuer = given('setIssuer', issuer);
    return this;
  }

  setSubject(subject, extra) {
    SignJWT.#call(this, 'setSubject', extra);
    this.#options.subject = given('setSubject', subject);
    return this;
  }

  setAudience(audience, extra) {
    SignJWT.#call(this, 'setAudience', extra, ' (several audiences are one array: setAudience([\'a\', \'b\']))');
    this.#options.audience = given('setAudience', audience);
    return this;
  }

  setJti(jti, extra) {
    SignJWT.#call(this, 'setJti', extra);
    this.#options.jti = given('setJti', jti);
    return this;
  }

  /** No value (or undefined) is now, as in jose. A boolean is refused at the call, as jose
   * refuses it: `true` and `false` are signJwt's `issuedAt` values, and as that option `false`
   * would leave `iat` unset without a word. */
  setIssuedAt(input, extra) {
    SignJWT.#call(this, 'setIssuedAt', extra);
    if (typeof input === 'boolean') {
      throw new JwtError(`setIssuedAt() takes a NumericDate, a duration string or a Date, or nothing for now (got ${input})`, { code: 'ERR_OPTIONS_INVALID' });
    }
    this.#options.issuedAt = input === undefined ? true : input;
    return this;
  }

  setExpirationTime(input, extra) {
    SignJWT.#call(this, 'setExpirationTime', extra);
    this.#options.expirationTime = given('setExpirationTime', input);
    return this;
  }

  setNotBefore(input, extra) {
    SignJWT.#call(this, 'setNotBefore', extra);
    this.#options.notBefore = given('setNotBefore', input);
    return this;
  }

  /** Signs. `currentDate` is the only option (jose's `crit` here is not supported): any other
   * name is refused, not ignored. */
  sign(key, options, extra) {
    SignJWT.#call(this, 'sign');
    if (extra !== undefined) refuseExtra('sign', 2, extra);
    refuseOptions('sign', options);
    if (options === undefined) return signJwt(this.#payload, key, this.#options);
    // Read once, as signJwt reads its options: own members only, a getter or Proxy that throws
    // refused with signJwt's coded error (should they pass when read again, refused all the same).
    const copy = readingArguments('sign', () => optionsCopy(options));
    if (copy === undefined) {
      readingAgain(() => signJwt(this.#payload, key, options));
      throw new JwtError('the options of sign() answered differently when read again', { code: 'ERR_OPTIONS_INVALID' });
    }
    const names = keys(copy);
    for (let i = 0; i < names.length; i += 1) {
      if (names[i] !== 'currentDate') {
        throw new JwtError(`unknown option ${shownName(names[i])} of sign() (expected: currentDate; claims are set by the builder's methods)`, { code: 'ERR_OPTIONS_INVALID' });
      }
    }
    const { currentDate } = copy;
    return signJwt(this.#payload, key, currentDate === undefined ? this.#options : { ...this.#options, currentDate });
  }
}

// Each export named as exported: a bundler that puts the glue and this module in one scope
// renames one of two names that meet there (esbuild made this module's Verifier `Verifier2`),
// and a minifier renames classes (Next.js's made JwtError `r`).
const EXPORTED = { createVerifier, decodeJwt, decodeProtectedHeader, errorCodes, expiryInfo, isExpired, JwtError, jwtVerify, SignJWT, signJwt, Verifier };
for (const name of keys(EXPORTED)) Object.defineProperty(EXPORTED[name], 'name', { value: name });
