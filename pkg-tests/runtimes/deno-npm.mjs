// Deno through an npm: specifier (resolved from the consumer's node_modules), with no permissions.
import * as jwt from 'npm:jwt-wasm';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

console.log(`RESULT ${JSON.stringify(runChecks(jwt, vectors))}`);
