// Node (ESM), Bun and Deno (a bare specifier, from package.json): the package imported by name
// from a consumer project; the checks make the first call straight away, no init(), no await.
import * as jwt from 'jwt-wasm';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

console.log(`RESULT ${JSON.stringify(runChecks(jwt, vectors))}`);
