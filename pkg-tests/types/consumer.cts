// A strict CommonJS TypeScript consumer (require), checked under moduleResolution nodenext and node16.
import jwt = require('jwt-wasm');
import { JwtError, type JwtErrorCode, type VerifyOptions } from 'jwt-wasm';

const options: VerifyOptions = { algorithms: ['HS256'], audience: 'api' };
const { payload } = jwt.jwtVerify<{ scope: string }>('t', 'secret', options);
const scope: string = payload.scope;
const verifier: jwt.Verifier = jwt.createVerifier('secret', options);

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

void scope;

// The CommonJS build has named exports only: a default import would be undefined at run time.
// @ts-expect-error: no default export
import jwtDefault from 'jwt-wasm';
void jwtDefault;
