// A strict TypeScript consumer: must type-check with no `any` leaking from the package.
import {
  type Algorithm,
  type ClaimFailureReason,
  createVerifier,
  decodeJwt,
  decodeProtectedHeader,
  errorCodes,
  errors,
  type ExpiryInfo,
  expiryInfo,
  isExpired,
  JwtError,
  type CompactJWSHeaderParameters,
  type JWK,
  type JWK_oct,
  type JWSAlgorithm,
  type JWSHeaderParameters,
  type JWTClaimVerificationOptions,
  type JwtErrorCode,
  type JwtErrorName,
  type JWTHeaderParameters,
  type JWTPayload,
  type ProtectedHeaderParameters,
  type RegisteredClaims,
  jwtVerify,
  type JWTVerifyOptions,
  type JWTVerifyResult,
  SignJWT,
  signJwt,
  type SignJWTOptions,
  type SignOptions,
  type Verifier,
  type VerifierOptions,
  type VerifyOptions,
} from 'jwt-wasm';
import * as inline from 'jwt-wasm/inline';

// `exact<typeof value, T>(true)` compiles only if the value's type is T itself. An assignment
// (`const x: T = value`) compiles too when the type is `any`, or narrower than T (a `| null`
// dropped), so each result type is checked here as well as assigned.
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function exact<A, B>(same: Exact<A, B>): void;

interface AppClaims {
  scope: string;
}

const options: VerifyOptions = { algorithms: ['HS256'], issuer: 'me', clockTolerance: '30s', currentDate: new Date() };
const { payload, protectedHeader } = jwtVerify<AppClaims>('t', 'secret', options);
const scope: string = payload.scope;
const exp: number | undefined = payload.exp;
const alg: Algorithm = protectedHeader.alg;
exact<typeof payload, AppClaims & JWTPayload>(true);
exact<typeof payload.scope, string>(true);
exact<typeof payload.exp, number | undefined>(true);
exact<typeof payload.sub, string | undefined>(true);
exact<typeof payload.aud, string | string[] | undefined>(true);
exact<typeof protectedHeader, JWTHeaderParameters>(true);
exact<typeof protectedHeader.alg, Algorithm>(true);

const verifier = createVerifier(new Uint8Array(32), { audience: ['a', 'b'] });
const sub: string | undefined = verifier.verify('t').payload.sub;
const verified = verifier.verify('t');
exact<typeof verifier, Verifier>(true);
exact<typeof verified, JWTVerifyResult<JWTPayload>>(true);
exact<typeof verified.payload.sub, string | undefined>(true);
const cachedOptions: VerifierOptions = { ...options, cache: 5000 };
const cached = createVerifier('secret', cachedOptions);
createVerifier('secret', { cache: true }).free();
verifier[Symbol.dispose]();
const unverifiedAlg: string | undefined = decodeProtectedHeader('t').alg;
// @ts-expect-error: an unverified header may have no alg
const mustHaveAlg: string = decodeProtectedHeader('t').alg;

const left: number | null = expiryInfo('t', { clockTolerance: 5 }).secondsLeft;
const expired: boolean = isExpired('t');
const when: Date | null = expiryInfo('t').expiresAt;
const claims = decodeJwt('t');
const iss: string | undefined = claims.iss;
exact<typeof claims, JWTPayload>(true);
exact<typeof claims.iss, string | undefined>(true);
exact<ReturnType<typeof decodeProtectedHeader>, ProtectedHeaderParameters>(true);
exact<ReturnType<typeof isExpired>, boolean>(true);
exact<ReturnType<typeof expiryInfo>, ExpiryInfo>(true);
exact<ExpiryInfo, {
  expiresAt: Date | null; issuedAt: Date | null; notBefore: Date | null; expired: boolean; notYetValid: boolean; secondsLeft: number | null;
}>(true);
exact<ReturnType<typeof errorCodes>, JwtErrorCode[]>(true);

const token: string = signJwt({ sub: 'a' }, { kty: 'oct', k: 'c2VjcmV0' }, { alg: 'HS512', expirationTime: '1h' });
const built: string = new SignJWT({ scope: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign('k');
const chain = new SignJWT({ scope: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('me').setSubject('a').setAudience('b')
  .setJti('j').setIssuedAt().setExpirationTime('2h').setNotBefore(0);
exact<typeof chain, SignJWT<{ scope: string }>>(true);
exact<ReturnType<typeof chain.sign>, string>(true);
exact<ReturnType<typeof signJwt>, string>(true);

try {
  jwtVerify(token, 'k');
} catch (error) {
  if (error instanceof JwtError) {
    const code: JwtErrorCode = error.code;
    const claim: string | undefined = error.claim;
    // @ts-expect-error: a JwtError's code is read-only
    error.code = 'ERR_JWT_EXPIRED';
    switch (code) {
      case 'ERR_JWT_EXPIRED':
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        break;
      default:
        break;
    }
    void claim;
  }
}
const codes: JwtErrorCode[] = errorCodes();
exact<JwtError['code'], JwtErrorCode>(true);
exact<JwtError['claim'], string | undefined>(true);
exact<JwtError['reason'], ClaimFailureReason | undefined>(true);
exact<ClaimFailureReason, 'missing' | 'invalid' | 'check_failed'>(true);
exact<JwtError['name'], JwtErrorName>(true);

// jose's error classes: code written against jose's `errors` type-checks unchanged.
function joseStyle(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    exact<typeof error.code, 'ERR_JWT_EXPIRED'>(true);
    exact<typeof error.name, 'JWTExpired'>(true);
    return `expired ${error.claim ?? ''}`;
  }
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim ?? ''} ${error.reason ?? ''}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JOSEError) {
    exact<typeof error, JwtError>(true);
    return error.code === errors.JWTInvalid.code || error.name === 'JWSInvalid' ? 'malformed' : error.code;
  }
  return 'other';
}
exact<typeof errors.JWTExpired.code, 'ERR_JWT_EXPIRED'>(true);
exact<typeof errors.JOSEError, typeof JwtError>(true);
const typedJoseError: errors.JOSEError = new errors.JWKInvalid('x');
void joseStyle(typedJoseError);
// @ts-expect-error: jose's JWE and key-set classes are not here
void errors.JWKSNoMatchingKey;

// An option left undefined takes its default: allowed under exactOptionalPropertyTypes too.
declare const fromEnv: string | undefined;
jwtVerify('t', 'k', {
  algorithms: undefined, issuer: fromEnv, audience: fromEnv, subject: fromEnv, typ: fromEnv, clockTolerance: fromEnv,
  maxTokenAge: fromEnv, currentDate: undefined, requiredClaims: undefined, crit: undefined, maxTokenLength: undefined,
});
createVerifier('k', { issuer: fromEnv, cache: undefined }).free();
isExpired('t', { clockTolerance: fromEnv, currentDate: undefined });
signJwt({ sub: 'a' }, { kty: 'oct', k: 'c2VjcmV0', alg: undefined, use: undefined, key_ops: undefined, kid: fromEnv }, {
  alg: undefined, header: { alg: undefined, typ: fromEnv, kid: fromEnv }, issuedAt: undefined, expirationTime: fromEnv,
  notBefore: fromEnv, issuer: fromEnv, subject: fromEnv, audience: fromEnv, jti: fromEnv, currentDate: undefined,
});

declare const maybeDate: Date | undefined;
new SignJWT({ sub: fromEnv, aud: fromEnv }).setProtectedHeader({ alg: 'HS256', kid: fromEnv, typ: fromEnv }).sign('k', { currentDate: maybeDate });

// Readonly arrays (`as const`) are accepted wherever the package takes a list.
const ALLOWED = ['HS256', 'HS512'] as const;
const issuers: readonly string[] = ['a', 'b'];
jwtVerify('t', 'k', { algorithms: ALLOWED, issuer: issuers, audience: issuers, requiredClaims: issuers });
signJwt({ aud: issuers }, { kty: 'oct', k: 'c2VjcmV0', key_ops: ['sign'] as const }, { audience: issuers });
new SignJWT({}).setAudience(issuers);
// One options object serves jwtVerify and createVerifier.
createVerifier('k', options).free();

// A payload of the caller's own interface signs (no index signature needed), with the builder too;
// the registered claims it has must still have their types.
interface OwnClaims {
  sub: string;
  roles: string[];
}
declare const own: OwnClaims;
signJwt(own, 'k', { issuedAt: true, expirationTime: '2h' });
new SignJWT(own).setProtectedHeader({ alg: 'HS256' }).sign('k');
interface WrongClaims {
  exp: string;
}
declare const wrongClaims: WrongClaims;
// @ts-expect-error: exp is a NumericDate
signJwt(wrongClaims, 'k');
// @ts-expect-error: so in a literal
signJwt({ exp: 'tomorrow' }, 'k');
// @ts-expect-error: and with the builder
new SignJWT({ sub: 42 });
// @ts-expect-error: only issuedAt takes a boolean (an expiry of true would be now)
signJwt({}, 'k', { expirationTime: true });
// @ts-expect-error: a payload is an object
signJwt('text', 'k');
// Objects that are not plain data throw ERR_JWT_INVALID, so they do not compile either.
// @ts-expect-error: an array
signJwt([1, 2], 'k');
// @ts-expect-error: a Map
signJwt(new Map([['sub', 'a']]), 'k');
// @ts-expect-error: a Date
new SignJWT(new Date());
// @ts-expect-error: bytes
signJwt(new Uint8Array(2), 'k');
// @ts-expect-error: a function
signJwt(() => ({ sub: 'a' }), 'k');
signJwt({}, 'k');
const record: Record<string, unknown> = { sub: 'a' };
signJwt(record, 'k');
const builder: SignJWT = new SignJWT(own).setIssuer('me');

// Options of another call are compile errors, as they are ERR_OPTIONS_INVALID at run time; the
// values that call does take (undefined, and cache: false) still compile.
jwtVerify('t', 'k', { cache: false });
jwtVerify('t', 'k', { cache: undefined, ...options });
isExpired('t', { algorithms: undefined, clockTolerance: 5 });
// @ts-expect-error: isExpired takes clockTolerance and currentDate only
isExpired('t', options);
// @ts-expect-error: expiryInfo too
expiryInfo('t', cachedOptions);
// @ts-expect-error: options that may hold cache are createVerifier's
jwtVerify('t', 'k', cachedOptions);
const signOptions: SignOptions = { currentDate: new Date(), expirationTime: '1h' };
const verifyOnly: VerifierOptions = { currentDate: new Date(), clockTolerance: 5 };
const builderOptions: SignJWTOptions = { currentDate: new Date() };
new SignJWT({}).sign('k', builderOptions);
signJwt({}, 'k', builderOptions);
jwtVerify('t', 'k', builderOptions);
// @ts-expect-error: sign() takes currentDate only, not signJwt's options
new SignJWT({}).sign('k', signOptions);
// @ts-expect-error: nor verification's
new SignJWT({}).sign('k', verifyOnly);
// @ts-expect-error: signJwt's options are not verification's
jwtVerify('t', 'k', signOptions);
// @ts-expect-error: nor a verifier's
createVerifier('k', signOptions);
// Names only verification takes (an object declared apart, so no excess property check): a
// VerifierOptions object would fail on its issuer's type (string[]) whether or not they are refused.
const toleranceOnly = { clockTolerance: 5, currentDate: new Date() };
// @ts-expect-error: nor the other way round
signJwt({}, 'k', toleranceOnly);

// jose-style code: a payload whose type is a type parameter, a JWK declared apart (its kty
// widened to string), jose's name for the options, a JwtError made without details.
function issue<T extends JWTPayload>(claims: T): string {
  return signJwt(claims, 'k') + new SignJWT(claims).setIssuedAt().sign('k');
}
const declaredJwk = { kty: 'oct', k: 'c2VjcmV0' };
jwtVerify('t', declaredJwk);
// Its alg and use widen to string too, as in a JWK read from a JSON file.
const declaredFullJwk = { kty: 'oct', k: 'c2VjcmV0', alg: 'HS256', use: 'sig', kid: 'k1' };
createVerifier(declaredFullJwk).verify('t');
signJwt({}, declaredFullJwk);
// A key typed as jose's JWK_oct (kty optional, alg and use any string), and a result given to
// code typed with jose's JWTPayload (members never undefined), which these mirror.
interface JoseJwkOct {
  kty?: string;
  alg?: string;
  use?: 'sig' | 'enc' | (string & {});
  key_ops?: string[];
  ext?: boolean;
  kid?: string;
  k: string;
}
interface JosePayload {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  jti?: string;
  nbf?: number;
  exp?: number;
  iat?: number;
  [propName: string]: unknown;
}
declare const joseKey: JoseJwkOct;
const forJose: JosePayload = jwtVerify('t', joseKey).payload;
const decodedForJose: JosePayload = decodeJwt('t');
// A JWK's k is optional in the types, as in WebCrypto's JsonWebKey and jose's JWK (a JWK without
// it is ERR_JWK_INVALID at run time), so that what crypto.subtle.exportKey('jwk', key) gives is
// taken as it is typed.
declare const exported: JsonWebKey;
jwtVerify('t', exported);
signJwt({}, exported);
// jose's other names: the JWK types, the algorithm, the claim options, the two header types.
const joseJwk: JWK_oct = { kty: 'oct', k: 'c2VjcmV0' };
const anyJwk: JWK = joseJwk;
const joseAlg: JWSAlgorithm = 'HS256';
const claimOptions: JWTClaimVerificationOptions = { audience: 'api', algorithms: [joseAlg] };
const joseVerifiedHeader: CompactJWSHeaderParameters = jwtVerify('t', anyJwk, claimOptions).protectedHeader;
const unverifiedHeader: JWSHeaderParameters = decodeProtectedHeader('t');
void [joseVerifiedHeader, unverifiedHeader];
// A Verifier's method taken off it is a TypeError at run time, and a compile error here.
const { verify: detached } = createVerifier('k');
// @ts-expect-error: verify() needs its Verifier as this
detached('t');
// jose's error classes take no message too.
void [new JwtError(), new errors.JWTInvalid()];
// Claims to sign that may hold undefined (leaving them out) are RegisteredClaims, not jose's
// JWTPayload, under exactOptionalPropertyTypes; they sign as they are.
const mayHoldUndefined: RegisteredClaims = { sub: fromEnv, iss: fromEnv };
signJwt(mayHoldUndefined, 'k');
new SignJWT(mayHoldUndefined).sign('k');
signJwt({ sub: fromEnv, role: 'user' }, 'k');
const joseOptions: JWTVerifyOptions = { issuer: 'me' };
jwtVerify('t', 'k', joseOptions);
const bare = new JwtError('message');
// Details that may be undefined, as the run time takes them (exactOptionalPropertyTypes).
const maybeCode: 'ERR_JWT_EXPIRED' | undefined = fromEnv === undefined ? undefined : 'ERR_JWT_EXPIRED';
new JwtError('message', { code: maybeCode, claim: fromEnv, reason: undefined });
class ClaimsClass {
  sub = 'x';
}
// @ts-expect-error: a class (a constructor) is not a claims set
signJwt(ClaimsClass, 'k');
// A verified token's header signs again (its b64 or crit, if it had one, is refused at run time).
const verifiedHeader = jwtVerify('t', 'k').protectedHeader;
new SignJWT({}).setProtectedHeader({ ...verifiedHeader, kid: 'next' });
signJwt({}, 'k', { header: verifiedHeader });
// An explicit claims type still checks the payload.
interface RoleClaims {
  sub: string;
  role: 'admin' | 'user';
}
new SignJWT<RoleClaims>({ sub: 'a', role: 'user' });
// @ts-expect-error: sub is missing
new SignJWT<RoleClaims>({ role: 'user' });
// @ts-expect-error: not a role
signJwt<RoleClaims>({ sub: 'a', role: 'root' }, 'k');
function issueExplicit<T extends JWTPayload>(claims: T): string {
  return signJwt<T>(claims, 'k') + new SignJWT<T>(claims).sign('k');
}
// @ts-expect-error: the builder's header names its alg
new SignJWT({}).setProtectedHeader({ typ: 'JWT' });

// Wrong option names and types are compile errors.
// @ts-expect-error: unknown option name
jwtVerify('t', 'k', { issuers: 'me' });
// @ts-expect-error: clockTolerance is a number or a string
jwtVerify('t', 'k', { clockTolerance: true });
// @ts-expect-error: algorithms outside this build
jwtVerify('t', 'k', { algorithms: ['none'] });
// @ts-expect-error: cache applies to createVerifier only
jwtVerify('t', 'k', { cache: true });
// @ts-expect-error: cache is a boolean or a number of entries
createVerifier('k', { cache: '1000' });
// @ts-expect-error: issuer is a string or strings
jwtVerify('t', 'k', { issuer: 42 });
// @ts-expect-error: audience too
jwtVerify('t', 'k', { audience: [42] });
// @ts-expect-error: subject is one string
jwtVerify('t', 'k', { subject: ['a'] });
// @ts-expect-error: typ is a string
jwtVerify('t', 'k', { typ: 1 });
// @ts-expect-error: maxTokenAge is a duration
jwtVerify('t', 'k', { maxTokenAge: true });
// @ts-expect-error: currentDate is a Date
jwtVerify('t', 'k', { currentDate: 1767225600 });
// @ts-expect-error: requiredClaims is a list of names
jwtVerify('t', 'k', { requiredClaims: 'exp' });
// @ts-expect-error: crit maps names to booleans
jwtVerify('t', 'k', { crit: { b64: 'yes' } });
// @ts-expect-error: maxTokenLength is a number of bytes
jwtVerify('t', 'k', { maxTokenLength: '64k' });
// @ts-expect-error: isExpired's clockTolerance is a duration too
isExpired('t', { clockTolerance: true });
// @ts-expect-error: and expiryInfo's currentDate a Date
expiryInfo('t', { currentDate: 'now' });
// @ts-expect-error: signJwt's alg is one of this build's
signJwt({}, 'k', { alg: 'RS256' });
// @ts-expect-error: issuedAt is a time or a boolean
signJwt({}, 'k', { issuedAt: null });
// @ts-expect-error: notBefore is a time
signJwt({}, 'k', { notBefore: true });
// @ts-expect-error: a signed issuer is one string
signJwt({}, 'k', { issuer: ['a'] });
// @ts-expect-error: the header's typ is a string
signJwt({}, 'k', { header: { typ: 1 } });
// @ts-expect-error: the builder's setters take what signJwt's options take
new SignJWT({}).setIssuer(42);
// @ts-expect-error: and its times are times
new SignJWT({}).setExpirationTime(true);
// @ts-expect-error: not a valid code
const wrong: JwtErrorCode = 'ERR_NOPE';
// @ts-expect-error: sign() takes currentDate only
new SignJWT({}).sign('k', { issuer: 'me' });
// @ts-expect-error: results are plain values, not promises
jwtVerify('t', 'k').then(() => {});
// @ts-expect-error: so is a signed token
new SignJWT({}).sign('k').catch(() => {});
// @ts-expect-error: a helper typed as returning a Promise must be async (README, "Other differences from jose")
const verifyLater = (t: string): Promise<JWTVerifyResult> => jwtVerify(t, 'k');
const verifyAsync = async (t: string): Promise<JWTVerifyResult> => jwtVerify(t, 'k');
// @ts-expect-error: keys are bytes, strings or oct JWKs
jwtVerify('t', 42);

// `jwt-wasm/inline` has the same declarations.
exact<typeof inline.jwtVerify, typeof jwtVerify>(true);
exact<typeof inline.SignJWT, typeof SignJWT>(true);
exact<typeof inline.errors, typeof errors>(true);

void [verifyLater, verifyAsync, builder, scope, exp, alg, sub, cached, left, expired, when, iss, built, codes, wrong, unverifiedAlg, mustHaveAlg, issue, bare, issueExplicit, forJose, decodedForJose, verified, chain];
