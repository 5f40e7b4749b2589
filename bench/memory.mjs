// Memory: after a warm-up, many verifies (good, expired, tampered and malformed tokens mixed)
// must not grow the wasm memory, nor the table of JS values the wasm holds. Uses the glue directly,
// connected as the package entries connect it, so that it can read the instance's memory and
// table. Writes bench/results/memory.json.
// Usage: node bench/memory.mjs [count]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createVerifier, initSync, signJwt } from '../pkg/wasm/jwt_wasm.js';
import { connectErrors } from '../js/errors.js';
import { AUDIENCE, claims400, ISSUER, SECRET } from './fixtures.mjs';
import { resultsDir } from './stats.mjs';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const exports = initSync({ module: readFileSync(new URL('../pkg/wasm/jwt_wasm_bg.wasm', import.meta.url)) });
connectErrors();
const tableSize = () => {
  if (!(exports.__wbindgen_externrefs instanceof WebAssembly.Table)) throw new Error('memory: the glue no longer exports its table of JS values');
  return exports.__wbindgen_externrefs.length;
};
const good = signJwt(claims400, SECRET, undefined);
const tokens = [
  good,
  signJwt({ ...claims400, exp: 1 }, SECRET, undefined),
  `${good.slice(0, -2)}AA`,
  'not.a.token',
  `${good}.extra`,
  good.replace('.', '.e30'),
  // More protected headers than the binding keeps objects for, one with a nested value.
  ...['k1', 'k2', 'k3', 'k4', 'k5'].map((kid) => signJwt(claims400, SECRET, { header: { kid } })),
  signJwt(claims400, SECRET, { header: { jwk: { kty: 'oct' } } }),
];
const verifier = createVerifier(SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
let failures = 0;
const run = (n) => {
  for (let i = 0; i < n; i += 1) {
    // The raw glue returns a failure record rather than throwing (the entries throw a JwtError).
    if (!('payload' in verifier.verify(tokens[i % tokens.length]))) failures += 1;
  }
};
run(20_000);
const before = exports.memory.buffer.byteLength;
const tableBefore = tableSize();
const start = performance.now();
run(COUNT);
const seconds = (performance.now() - start) / 1000;
const after = exports.memory.buffer.byteLength;
const tableAfter = tableSize();
const report = {
  count: COUNT,
  kinds: tokens.length,
  wasmMemoryBefore: before,
  wasmMemoryAfter: after,
  externrefTableBefore: tableBefore,
  externrefTableAfter: tableAfter,
  grew: after !== before || tableAfter !== tableBefore,
  seconds,
};
console.log(`memory: ${COUNT.toLocaleString('en-US')} mixed verifies in ${seconds.toFixed(1)} s; wasm memory ${before} -> ${after} bytes; JS value table ${tableBefore} -> ${tableAfter} slots`);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('memory.json', resultsDir), `${JSON.stringify(report, null, 1)}\n`);
if (report.grew || failures === 0) process.exit(1);
