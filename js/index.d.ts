// Types of the jwt-wasm package. Option and result names follow jose's.

/** Every code a `JwtError` can carry. Codes are stable; messages are not.
 * `ERR_WASM_UNAVAILABLE` is the import's own: it fails with it when the WebAssembly module
 * cannot be made, and no function throws it. */
export type JwtErrorCode =
  | 'ERR_JWS_INVALID'
  | 'ERR_JWT_INVALID'
  | 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
  | 'ERR_JOSE_ALG_NOT_ALLOWED'
  | 'ERR_JOSE_NOT_SUPPORTED'
  | 'ERR_JWT_EXPIRED'
  | 'ERR_JWT_CLAIM_VALIDATION_FAILED'
  | 'ERR_JWK_INVALID'
  | 'ERR_KEY_INVALID'
  | 'ERR_OPTIONS_INVALID'
  | 'ERR_JWT_TOO_LONG'
  | 'ERR_WASM_UNAVAILABLE';

/** Why a claim failed, as in jose: `missing`, absent from the claims set; `invalid`, an `exp`,
 * `nbf` or `iat` that is not a finite number; `check_failed`, any other failure (a wrong value or
 * type, or a missing or wrong `typ` header). */
export type ClaimFailureReason = 'missing' | 'invalid' | 'check_failed';

/** A `JwtError`'s `name`: `'JwtError'` for the package's own codes, else the name of jose's class
 * for the code (see {@link errors}). */
export type JwtErrorName =
  | 'JwtError'
  | 'JOSEAlgNotAllowed'
  | 'JOSENotSupported'
  | 'JWKInvalid'
  | 'JWSInvalid'
  | 'JWSSignatureVerificationFailed'
  | 'JWTClaimValidationFailed'
  | 'JWTExpired'
  | 'JWTInvalid';

/** The error every function throws. `instanceof Error` holds. One with a code of jose's is named
 * as jose's class for that code and is an `instanceof` it (`errors.JWTExpired`, ...). */
export declare class JwtError extends Error {
  /** Errors this package throws always carry a `code`; one made here without `details.code` (in
   * a test, say) has `code` undefined, whatever its type says. */
  constructor(
    message?: string,
    details?: { code?: JwtErrorCode | undefined; claim?: string | undefined; reason?: ClaimFailureReason | undefined },
  );
  readonly name: JwtErrorName;
  readonly code: JwtErrorCode;
  /** The claim a claim failure is about (`ERR_JWT_EXPIRED`, `ERR_JWT_CLAIM_VALIDATION_FAILED`). */
  readonly claim?: string;
  /** Why the claim failed. */
  readonly reason?: ClaimFailureReason;
}

/** jose's error classes, so that code written against jose's `errors` keeps working: `err
 * instanceof errors.JWTExpired`, `err.name === 'JWTExpired'`, `err.code === errors.JWTExpired.code`.
 * `instanceof` one holds for every `JwtError` with its code (the package throws `JwtError`s, named
 * as these classes are; its own codes, `ERR_KEY_INVALID`, `ERR_OPTIONS_INVALID` and
 * `ERR_JWT_TOO_LONG`, are none of them). `JOSEError`, the base of jose's, is `JwtError` itself.
 * Made by hand, each is a `JwtError` with its code and name; the constructors take `JwtError`'s
 * arguments, not jose's. jose's classes for JWE and JSON Web Key Sets, which this package does not
 * implement, are not here. */
export declare namespace errors {
  /** `JwtError`, the class of every error this package throws. */
  const JOSEError: typeof JwtError;
  type JOSEError = JwtError;
  class JOSEAlgNotAllowed extends JwtError {
    static readonly code: 'ERR_JOSE_ALG_NOT_ALLOWED';
    readonly name: 'JOSEAlgNotAllowed';
    readonly code: 'ERR_JOSE_ALG_NOT_ALLOWED';
  }
  class JOSENotSupported extends JwtError {
    static readonly code: 'ERR_JOSE_NOT_SUPPORTED';
    readonly name: 'JOSENotSupported';
    readonly code: 'ERR_JOSE_NOT_SUPPORTED';
  }
  class JWKInvalid extends JwtError {
    static readonly code: 'ERR_JWK_INVALID';
    readonly name: 'JWKInvalid';
    readonly code: 'ERR_JWK_INVALID';
  }
  class JWSInvalid extends JwtError {
    static readonly code: 'ERR_JWS_INVALID';
    readonly name: 'JWSInvalid';
    readonly code: 'ERR_JWS_INVALID';
  }
  class JWSSignatureVerificationFailed extends JwtError {
    static readonly code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
    readonly name: 'JWSSignatureVerificationFailed';
    readonly code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
  }
  /** A claim failed (`claim` and `reason` say which and why); jose's `payload` is not carried:
   * `decodeJwt(token)` gives it (a claim is judged only once the signature has verified). */
  class JWTClaimValidationFailed extends JwtError {
    static readonly code: 'ERR_JWT_CLAIM_VALIDATION_FAILED';
    readonly name: 'JWTClaimValidationFailed';
    readonly code: 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  }
  /** `exp` has passed (`claim` is `'exp'`), or `iat` is older than `maxTokenAge` (`claim` is
   * `'iat'`), as in jose; as in jose, not a subclass of `JWTClaimValidationFailed`. */
  class JWTExpired extends JwtError {
    static readonly code: 'ERR_JWT_EXPIRED';
    readonly name: 'JWTExpired';
    readonly code: 'ERR_JWT_EXPIRED';
  }
  class JWTInvalid extends JwtError {
    static readonly code: 'ERR_JWT_INVALID';
    readonly name: 'JWTInvalid';
    readonly code: 'ERR_JWT_INVALID';
  }
}

/** The HMAC algorithms this build implements. */
export type Algorithm = 'HS256' | 'HS384' | 'HS512';

/** A duration in seconds, or a string such as `"30s"`, `"5 minutes"`, `"2h"`; not negative
 * (`clockTolerance` and `maxTokenAge` refuse `-5`, `"-5m"` and `"1 day ago"`). */
export type Duration = number | string;

/** An `oct` JSON Web Key (RFC 7518 section 6.4), typed as jose's `JWK_oct`: `kty`, `alg` and
 * `use` take any string (the names below are suggestions), so that a JWK declared apart (whose
 * `"oct"` widens to `string`), parsed from JSON or typed with jose's `JWK_oct` is accepted. What
 * the types let through, the run time judges: a missing or unknown `kty` is `ERR_JWK_INVALID`, a
 * known one that is not `"oct"` (`"RSA"`, `"EC"`, `"OKP"`) `ERR_KEY_INVALID`, an `alg` this build
 * lacks `ERR_JOSE_NOT_SUPPORTED`, a `use` other than `"sig"` `ERR_KEY_INVALID`. */
export interface OctJwk {
  kty?: 'oct' | (string & {}) | undefined;
  /** The secret, base64url without padding. Needed at run time (`ERR_JWK_INVALID` without it),
   * optional here as in WebCrypto's `JsonWebKey` and jose's `JWK`, so that what
   * `crypto.subtle.exportKey('jwk', key)` gives, or a jose-typed `JWK`, is accepted. */
  k?: string | undefined;
  alg?: Algorithm | (string & {}) | undefined;
  use?: 'sig' | (string & {}) | undefined;
  key_ops?: readonly string[] | undefined;
  ext?: boolean | undefined;
  kid?: string | undefined;
  x5c?: readonly string[] | undefined;
  x5t?: string | undefined;
  'x5t#S256'?: string | undefined;
  x5u?: string | undefined;
}

/** A secret: raw bytes, a string (its UTF-8 bytes), or an `oct` JWK. */
export type Key = Uint8Array | string | OctJwk;

/** jose's names for the JWK types, as this package takes them: an `oct` JWK only. */
export type JWK_oct = OctJwk;
/** See `JWK_oct`: the only JWK this package takes. */
export type JWK = OctJwk;
/** jose's name for the algorithms; here the HMAC ones this build implements. */
export type JWSAlgorithm = Algorithm;

/** The registered claims (RFC 7519 section 4.1) and any others, as jose's `JWTPayload` (a
 * result's members are never `undefined`, so one assigns to jose's type under
 * `exactOptionalPropertyTypes`). In a verification's result, as in jose, a member is of its
 * declared type only if a check read it (`exp`, `nbf` and `iat` always; `iss`, `sub`, `aud` when
 * an option checks them): a token may carry `iss: 5` when no `issuer` is given. An `audience`
 * check needs one item of an `aud` array to match and, as jose's, does not check the others
 * (`aud: ["api", 5]` passes `audience: "api"`). `decodeJwt` checks none of them (`exp: "soon"` is
 * returned as it is; `isExpired` refuses it). */
export interface JWTPayload {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  jti?: string;
  nbf?: number;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

/** A verified token's JWS protected header: `alg` is one the verification allowed, and `crit`
 * was checked; as in jose, the other members' types are not (a `kid` may be a number). */
export interface JWTHeaderParameters {
  alg: Algorithm;
  typ?: string;
  kid?: string;
  crit?: string[];
  b64?: boolean;
  [parameter: string]: unknown;
}

/** Names a call does not take: passing another call's options object there (which throws
 * `ERR_OPTIONS_INVALID`) is a compile error too. */
type NotTaken<Names extends string> = { [Name in Names]?: undefined };

/** The names of `signJwt`'s options that verification does not take. */
type SignOnly = 'alg' | 'header' | 'issuedAt' | 'expirationTime' | 'notBefore' | 'jti';

/** The options `jwtVerify` and `createVerifier` share, with jose's names and meaning. Unknown
 * names throw `ERR_OPTIONS_INVALID`; an option left `undefined` takes its default (so the types
 * allow it under `exactOptionalPropertyTypes`). Arrays may be readonly (`as const`). */
export interface VerificationOptions extends NotTaken<SignOnly> {
  /** Allowed `alg` values. Defaults to HS256, HS384 and HS512. */
  algorithms?: readonly Algorithm[] | undefined;
  /** Required `iss`, or any of several; makes `iss` required. */
  issuer?: string | readonly string[] | undefined;
  /** Accepted audiences; the token's `aud` must share at least one; makes `aud` required. */
  audience?: string | readonly string[] | undefined;
  /** Required `sub`; makes `sub` required. */
  subject?: string | undefined;
  /** Required header `typ`, case-insensitive, `application/` optional (e.g. `"at+jwt"`). */
  typ?: string | undefined;
  /** Leeway for `exp`, `nbf` and `iat`. Defaults to 0. */
  clockTolerance?: Duration | undefined;
  /** Largest accepted age, counted from `iat`; makes `iat` required. */
  maxTokenAge?: Duration | undefined;
  /** The time to verify at. Defaults to the current time (read on every call). */
  currentDate?: Date | undefined;
  /** Claims that must be present. */
  requiredClaims?: readonly string[] | undefined;
  /** Critical header extensions you understand (`b64` is always understood). */
  crit?: Record<string, boolean> | undefined;
  /** Longest accepted token, in bytes. Defaults to 65536. */
  maxTokenLength?: number | undefined;
}

/** Options of `jwtVerify`. A `cache` is `createVerifier`'s only (here `ERR_OPTIONS_INVALID` unless
 * `false`), so a `VerifierOptions` object that may hold one is a compile error here too. */
export interface VerifyOptions extends VerificationOptions {
  cache?: false | undefined;
}

/** jose's name for `jwtVerify`'s options. */
export type JWTVerifyOptions = VerifyOptions;
/** jose's name for the claim checks of `jwtVerify`'s options; here all of them. */
export type JWTClaimVerificationOptions = VerifyOptions;

/** Options of `createVerifier`: the verification options, and its cache. */
export interface VerifierOptions extends VerificationOptions {
  /**
   * Keep successful verifications and answer an exact repeat of a token from them, judging its
   * `exp`, `nbf` and `iat` again at each call: `true` for 1000 entries, or a whole number from 1
   * to 1,000,000. Failures are never kept; the oldest entry goes first when full. Defaults to no
   * cache (`false`).
   */
  cache?: boolean | number | undefined;
}

/** What a successful verification returns. */
export interface JWTVerifyResult<PayloadType = JWTPayload> {
  payload: PayloadType & JWTPayload;
  protectedHeader: JWTHeaderParameters;
}

/** A key and options parsed once, with HMAC state prepared: reuse it for every request. */
export declare class Verifier {
  private constructor();
  /** Verifies a token. Throws `JwtError`. Called without its `Verifier` (`const { verify } =
   * verifier`), a `TypeError`: `this` is typed so that the compiler says so first. */
  verify<PayloadType = JWTPayload>(this: Verifier, token: string): JWTVerifyResult<PayloadType>;
  /** Frees the wasm memory now rather than at garbage collection. Later `verify` calls throw a
   * `TypeError`; a second `free()` does nothing. */
  free(this: Verifier): void;
  /** `free()`, for `using verifier = createVerifier(...)` (where the runtime has `Symbol.dispose`). */
  [Symbol.dispose](): void;
}

declare global {
  interface SymbolConstructor {
    /** Declared here too for consumers whose `lib` predates explicit resource management. */
    readonly dispose: unique symbol;
  }
}

/** Options of `isExpired` and `expiryInfo`: `clockTolerance` and `currentDate`; every other
 * verification option is refused. */
export interface ExpiryOptions extends NotTaken<Exclude<keyof VerifierOptions, 'clockTolerance' | 'currentDate'>> {
  /** Leeway for `exp` and `nbf`. Defaults to 0. */
  clockTolerance?: Duration | undefined;
  /** The time to judge at. Defaults to now. */
  currentDate?: Date | undefined;
}

/** The time claims of a token and the verdicts verification would reach on them. */
export interface ExpiryInfo {
  /** `exp` as a `Date`; null without `exp`; an Invalid Date for a time beyond what a `Date`
   * holds (`exp: 1e20`), whose verdicts below still stand. */
  expiresAt: Date | null;
  /** `iat`, as `expiresAt` is `exp`. */
  issuedAt: Date | null;
  /** `nbf`, as `expiresAt` is `exp`. */
  notBefore: Date | null;
  /** `exp <= now - clockTolerance`, with now rounded down to the second (as verification does);
   * false without `exp`. */
  expired: boolean;
  /** `nbf > now + clockTolerance`, with now rounded down to the second; false without `nbf`. */
  notYetValid: boolean;
  /** `exp - (now - clockTolerance)` in seconds, with now rounded down to the second (zero or
   * less exactly when expired); null without `exp`. */
  secondsLeft: number | null;
}

/** A time claim for signing: a NumericDate (absolute: seconds since 1970, not from now), a
 * duration from now (`"2h"`, `"-5m"`), or a `Date`. */
export type TimeInput = number | string | Date;

/** Protected header parameters to sign with. A `b64` or `crit` is refused at run time
 * (`ERR_OPTIONS_INVALID`: tokens are signed with `b64` true and no critical extension); the types
 * allow them so that a verified token's `protectedHeader` can be signed again. */
export type SignHeader<Alg> = {
  alg?: Alg;
  typ?: string | undefined;
  kid?: string | undefined;
  [parameter: string]: unknown;
} & (undefined extends Alg ? unknown : { alg: Alg });

/** Options of `signJwt`. Unknown names throw `ERR_OPTIONS_INVALID`. */
export interface SignOptions extends NotTaken<Exclude<keyof VerifierOptions, SignOnly | 'issuer' | 'subject' | 'audience' | 'currentDate'>> {
  /** Defaults to `header.alg`, then the JWK's `alg`, then HS256. */
  alg?: Algorithm | undefined;
  /** Further protected header parameters (`typ`, `kid`, ...). */
  header?: SignHeader<Algorithm | undefined> | undefined;
  /** `true` for now; `false` leaves the payload's own `iat`. */
  issuedAt?: TimeInput | boolean | undefined;
  expirationTime?: TimeInput | undefined;
  notBefore?: TimeInput | undefined;
  issuer?: string | undefined;
  subject?: string | undefined;
  audience?: string | readonly string[] | undefined;
  jti?: string | undefined;
  /** The time relative durations count from. Defaults to now. */
  currentDate?: Date | undefined;
}

/** Decodes the claims set without verifying anything. Throws `ERR_JWT_INVALID`, `ERR_JWT_TOO_LONG`,
 * and `ERR_OPTIONS_INVALID` for an object or function passed after the token. */
export declare function decodeJwt<PayloadType = JWTPayload>(token: string): PayloadType & JWTPayload;

/** An unverified protected header, as jose's `ProtectedHeaderParameters`: any JSON object, so
 * even `alg` may be absent, and no member's type has been checked. */
export interface ProtectedHeaderParameters {
  alg?: string;
  typ?: string;
  kid?: string;
  crit?: string[];
  b64?: boolean;
  [parameter: string]: unknown;
}

/** jose's names for a JWS protected header: unverified (`JWSHeaderParameters`), and as a verified
 * token's (`CompactJWSHeaderParameters`, with its `alg`). */
export type JWSHeaderParameters = ProtectedHeaderParameters;
export type CompactJWSHeaderParameters = JWTHeaderParameters;

/** Decodes the protected header without verifying anything. Throws `ERR_JWS_INVALID`,
 * `ERR_JWT_TOO_LONG`, and `ERR_OPTIONS_INVALID` for an object or function passed after the token. */
export declare function decodeProtectedHeader(token: string): ProtectedHeaderParameters;

/** Verifies signature and claims, synchronously. Throws `JwtError`. */
export declare function jwtVerify<PayloadType = JWTPayload>(
  token: string,
  key: Key,
  options?: VerifyOptions,
): JWTVerifyResult<PayloadType>;

/** Parses the key and options once; `verify(token)` then answers as `jwtVerify`. A JWK no token
 * could verify with (`key_ops` without `"verify"`, an `alg` outside `algorithms`) is refused here
 * (`ERR_KEY_INVALID`), where `jwtVerify` judges the token's form first. */
export declare function createVerifier(key: Key, options?: VerifierOptions): Verifier;

/** Whether the token's `exp` has passed. Does not verify the signature. */
export declare function isExpired(token: string, options?: ExpiryOptions): boolean;

/** The token's time claims and verdicts. Does not verify the signature. */
export declare function expiryInfo(token: string, options?: ExpiryOptions): ExpiryInfo;

/** The registered claims as a claims set to sign may hold them. A claim given as `undefined` is
 * left out, as `JSON.stringify` leaves it out. */
export interface RegisteredClaims {
  iss?: string | undefined;
  sub?: string | undefined;
  aud?: string | readonly string[] | undefined;
  jti?: string | undefined;
  nbf?: number | undefined;
  exp?: number | undefined;
  iat?: number | undefined;
}

/** Objects that are not plain data: as a payload to sign they are `ERR_JWT_INVALID`. (A class
 * instance is too, but no type can tell it from a plain object.) */
type NotPlain =
  | readonly unknown[]
  | ((...args: never[]) => unknown)
  | (abstract new (...args: never[]) => unknown)
  | Date
  | RegExp
  | Map<unknown, unknown>
  | Set<unknown>
  | WeakMap<object, unknown>
  | WeakSet<object>
  | ArrayBuffer
  | ArrayBufferView
  | Promise<unknown>;

/** A claims set to sign: a plain object of any type (an interface of your own claims too), whose
 * registered claims, where it has them, have their types. */
export type SignPayload<Payload extends object> = Payload & (Payload extends NotPlain ? never : unknown) & RegisteredClaims;

/** Signs a claims set (a plain object, at most 64 MiB of JSON text) with HS256 (or HS384, HS512).
 * Throws `JwtError`. */
export declare function signJwt<Payload extends object = RegisteredClaims>(payload: SignPayload<Payload>, key: Key, options?: SignOptions): string;
/** The same, for a payload whose type is a type parameter (`<T extends JWTPayload>(claims: T)`),
 * which the first form cannot check. */
export declare function signJwt<Payload extends object = JWTPayload>(payload: Payload & JWTPayload, key: Key, options?: SignOptions): string;

/** Every error code, in a fixed order. */
export declare function errorCodes(): JwtErrorCode[];

/** The options of `SignJWT`'s `sign`: `currentDate` only (claims are set by the builder's methods). */
export interface SignJWTOptions extends NotTaken<Exclude<keyof SignOptions | keyof VerifierOptions, 'currentDate'>> {
  /** The time relative durations count from. Defaults to now. */
  currentDate?: Date | undefined;
}

/** jose's builder; `sign` is synchronous (`await` on it still works). */
export declare class SignJWT<Payload extends object = RegisteredClaims> {
  constructor(payload?: SignPayload<Payload>);
  /** For a payload whose type is a type parameter, as `signJwt`'s second form. */
  constructor(payload?: Payload & JWTPayload);
  setProtectedHeader(header: SignHeader<Algorithm>): this;
  setIssuer(issuer: string): this;
  setSubject(subject: string): this;
  setAudience(audience: string | readonly string[]): this;
  setJti(jwtId: string): this;
  /** Sets `iat`: now without an argument, else a {@link TimeInput}. */
  setIssuedAt(input?: TimeInput): this;
  /** Sets `exp`: a {@link TimeInput}, so a number is absolute (`3600` is 01:00 on 1 January 1970);
   * for a time from now give a duration such as `"2h"`. */
  setExpirationTime(input: TimeInput): this;
  /** Sets `nbf`: a {@link TimeInput}, as `setExpirationTime`. */
  setNotBefore(input: TimeInput): this;
  /** Signs; the only option is `currentDate` (any other name throws `ERR_OPTIONS_INVALID`). */
  sign(key: Key, options?: SignJWTOptions): string;
}
