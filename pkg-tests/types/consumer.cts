// A strict CommonJS TypeScript consumer (require), checked under moduleResolution nodenext and node16.
import jwt = require('jwt-wasm');
import inline = require('jwt-wasm/inline');
import { JwtError, type JwtErrorCode, type JWTPayload, type JWTVerifyResult, type VerifyOptions } from 'jwt-wasm';

// `exact<typeof value, T>(true)` compiles only if the value's type is T itself (an assignment
// compiles too when it is `any`): the types for require() are a file of their own (pkg/index.d.cts).
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function exact<A, B>(same: Exact<A, B>): void;

const options: VerifyOptions = { algorithms: ['HS256'], audience: 'api' };
const { payload } = jwt.jwtVerify<{ scope: string }>('t', 'secret', options);
const scope: string = payload.scope;
const verifier: jwt.Verifier = jwt.createVerifier('secret', options);
exact<typeof payload, { scope: string } & JWTPayload>(true);
exact<typeof payload.exp, number | undefined>(true);
exact<typeof verifier, jwt.Verifier>(true);
const verified = verifier.verify('t');
exact<typeof verified, JWTVerifyResult<JWTPayload>>(true);
const claims = jwt.decodeJwt('t');
exact<typeof claims, JWTPayload>(true);
exact<ReturnType<typeof jwt.isExpired>, boolean>(true);
exact<ReturnType<typeof jwt.signJwt>, string>(true);
exact<JwtError['code'], JwtErrorCode>(true);
exact<typeof inline.jwtVerify, typeof jwt.jwtVerify>(true);

try {
  verifier.verify('t');
} catch (error) {
  if (error instanceof JwtError) {
    const code: JwtErrorCode = error.code;
    void code;
  }
}

// @ts-expect-error: unknown option name
jwt.jwtVerify('t', 'k', { issuers: 'me' });
// @ts-expect-error: issuer is a string or strings
jwt.jwtVerify('t', 'k', { issuer: 42 });

void [scope, verified, claims];

// The CommonJS build has named exports only: a default import would be undefined at run time.
// @ts-expect-error: no default export
import jwtDefault from 'jwt-wasm';
void jwtDefault;
