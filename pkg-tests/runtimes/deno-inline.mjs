// Deno importing only `jwt-wasm/inline` through an npm: specifier, with no permissions: the entry
// that compiles the .wasm from the base64 inside it, which Deno before 2.6 needs (its main entry
// imports the .wasm with `import source`, which those releases do not have).
import * as jwt from 'npm:jwt-wasm/inline';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

const result = runChecks(jwt, vectors);
result.entry = import.meta.resolve('npm:jwt-wasm/inline').split('/jwt-wasm/').at(-1);
console.log(`RESULT ${JSON.stringify(result)}`);
