// Hardened JavaScript (SES, the `ses` package): `lockdown()` freezes every shared intrinsic and
// tames Date and Math in new Compartments. Run as `node ses.mjs <case>`:
//   before       lockdown(), then the package imported by name: the checks;
//   after        the package imported, then lockdown(): the checks;
//   compartment  lockdown(), then the package's CommonJS build evaluated inside a Compartment
//                given the globals it needs (Date and FinalizationRegistry among them): the checks,
//                run on the exports that Compartment made.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import 'ses';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

const which = process.argv[2];
let jwt;
if (which === 'before') {
  lockdown();
  jwt = await import('jwt-wasm');
} else if (which === 'after') {
  jwt = await import('jwt-wasm');
  lockdown();
} else if (which === 'compartment') {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('jwt-wasm');
  const source = readFileSync(entry, 'utf8');
  const { wasmBytes } = require(join(dirname(entry), 'wasm-bytes.cjs'));
  lockdown();
  // A Compartment has no WebAssembly, TextEncoder, TextDecoder or FinalizationRegistry, and its
  // own Date cannot read the clock (its now() throws): all are given, as the README says to.
  const globals = { WebAssembly, TextEncoder, TextDecoder, Date, FinalizationRegistry };
  const compartment = new Compartment({ __options__: true, globals });
  const load = compartment.evaluate(`(function (module, exports, require) {${source}\n})`);
  const module = { exports: {} };
  load(module, module.exports, (id) => {
    if (id === './wasm-bytes.cjs') return { wasmBytes };
    throw new Error(`the Compartment has no module ${id}`);
  });
  jwt = module.exports;
} else {
  throw new Error(`usage: node ses.mjs before|after|compartment (not ${which})`);
}
const result = runChecks(jwt, vectors, { frozen: true });
result.frozen = Object.isFrozen(Object.prototype) && Object.isFrozen(Uint8Array.prototype);
console.log(`RESULT ${JSON.stringify(result)}`);
