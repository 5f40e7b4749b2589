// Node (ESM), Bun and Deno (a bare specifier, from package.json): the package imported by name
// from a consumer project; the checks make the first call straight away, no init(), no await.
// `jwt-wasm/inline` must be the same entry there (one instance, one JwtError class).
import * as jwt from 'jwt-wasm';
import * as inline from 'jwt-wasm/inline';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

const result = runChecks(jwt, vectors);
result.inlineIsSameInstance = inline.JwtError === jwt.JwtError && inline.jwtVerify === jwt.jwtVerify;
console.log(`RESULT ${JSON.stringify(result)}`);
