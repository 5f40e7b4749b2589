// Deno through a local path to the package's Deno entry, with no permissions.
import * as jwt from '../node_modules/jwt-wasm/js/deno.js';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

console.log(`RESULT ${JSON.stringify(runChecks(jwt, vectors))}`);
