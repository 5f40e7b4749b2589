// Hardened JavaScript (SES, the `ses` package): `lockdown()` freezes every shared intrinsic and
// tames Date and Math in new Compartments. Run as `node ses.mjs <case>`:
//   before       lockdown(), then the package imported by name: the checks;
//   after        the package imported, then lockdown(): the checks;
//   compartment  lockdown(), then the package's CommonJS build evaluated inside a Compartment
//                given the globals it needs (Date and FinalizationRegistry among them): the checks,
//                run on the exports that Compartment made;
//   compartment-without-date  the same but for Date: what calls that read the clock throw.
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
} else if (which === 'compartment' || which === 'compartment-without-date') {
  // A Compartment has no WebAssembly, TextEncoder, TextDecoder or FinalizationRegistry, and its
  // own Date cannot read the clock (its now() throws): all are given, as the README says to, but
  // for Date in the second case. The WebAssembly given counts the instances made.
  const withDate = which === 'compartment';
  let instances = 0;
  const counted = Object.fromEntries(Object.getOwnPropertyNames(WebAssembly).map((name) => [name, WebAssembly[name]]));
  counted.Instance = function Instance(module, imports) {
    instances += 1;
    return new WebAssembly.Instance(module, imports);
  };
  counted.Instance.prototype = WebAssembly.Instance.prototype;
  jwt = inCompartment({ WebAssembly: counted, TextEncoder, TextDecoder, FinalizationRegistry, ...(withDate ? { Date } : {}) });
  if (!withDate) {
    console.log(`RESULT ${JSON.stringify(withoutClock(jwt, () => instances))}`);
    process.exit(0);
  }
} else {
  throw new Error(`usage: node ses.mjs before|after|compartment|compartment-without-date (not ${which})`);
}
const result = runChecks(jwt, vectors, { frozen: true });
result.frozen = Object.isFrozen(Object.prototype) && Object.isFrozen(Uint8Array.prototype);
console.log(`RESULT ${JSON.stringify(result)}`);

/** The package's CommonJS build evaluated in a Compartment given `globals`, after lockdown(). */
function inCompartment(globals) {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('jwt-wasm');
  const source = readFileSync(entry, 'utf8');
  const { wasmBytes } = require(join(dirname(entry), 'wasm-bytes.cjs'));
  lockdown();
  const compartment = new Compartment({ __options__: true, globals });
  const load = compartment.evaluate(`(function (module, exports, require) {${source}\n})`);
  const module = { exports: {} };
  load(module, module.exports, (id) => {
    if (id === './wasm-bytes.cjs') return { wasmBytes };
    throw new Error(`the Compartment has no module ${id}`);
  });
  return module.exports;
}

/** In a Compartment whose Date.now() throws: what 200 calls that read the clock threw, how many
 * instances were made meanwhile, what calls given a currentDate answered, and what calls that need
 * no time answered (a sign without time options, a token refused before its time claims). */
function withoutClock(pkg, instancesMade) {
  const secret = 'a-shared-secret-of-at-least-32-bytes!';
  const at = { currentDate: new Date('2026-01-01T00:00:00Z') };
  const token = pkg.signJwt({ sub: 'ada' }, secret, at);
  const verifier = pkg.createVerifier(secret);
  const before = instancesMade();
  const thrown = new Set();
  for (let i = 0; i < 100; i += 1) {
    for (const call of [() => verifier.verify(token), () => pkg.jwtVerify(token, secret)]) {
      try {
        call();
        thrown.add('nothing');
      } catch (error) {
        thrown.add(`${error instanceof pkg.JwtError ? 'JwtError' : error?.name}: ${error?.message}`);
      }
    }
  }
  return {
    thrown: [...thrown],
    replaced: instancesMade() - before,
    withCurrentDate: [pkg.jwtVerify(token, secret, at).payload.sub, pkg.createVerifier(secret, at).verify(token).payload.sub],
    needingNoTime: [
      pkg.decodeJwt(pkg.signJwt({ sub: 'ada' }, secret)).sub,
      ...[() => pkg.jwtVerify('not.a.token', secret), () => verifier.verify(`${token}A`)].map((call) => {
        try {
          return `answered ${call()}`;
        } catch (error) {
          return error?.code ?? `${error?.name}: ${error?.message}`;
        }
      }),
    ],
  };
}
