// What a browser downloads to verify a token: jwt-wasm's minified JS plus its .wasm (and the
// inline entry, which holds the .wasm in its JS), beside
// jose's jwtVerify, jwt-decode and cloudflare-worker-jwt bundled with esbuild (minified, browser
// conditions), raw and gzip -9. Writes bench/results/size.json.
// Usage: node bench/size.mjs
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { resultsDir } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = async (source) => {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0].contents);
};
const measure = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

const wasmFile = readFileSync(new URL('../pkg/wasm/jwt_wasm_bg.wasm', import.meta.url));
const ourJs = await bundle(`export { jwtVerify, decodeJwt, createVerifier } from './js/browser.js';`);
// The entry without a .wasm file (service workers, IIFE bundles): the .wasm inside the JS, as base64.
const inlineJs = await bundle(`export { jwtVerify, decodeJwt, createVerifier } from './js/inline.js';`);
const rows = [
  { lib: 'jwt-wasm', what: 'JS (minified) + .wasm', js: measure(ourJs), wasm: measure(wasmFile) },
  { lib: 'jwt-wasm/inline', what: 'JS (minified), the .wasm in it as base64', js: measure(inlineJs) },
  { lib: 'jose', what: 'jwtVerify', js: measure(await bundle(`export { jwtVerify } from 'jose';`)) },
  { lib: 'jwt-decode', what: 'jwtDecode', js: measure(await bundle(`export { jwtDecode } from 'jwt-decode';`)) },
  { lib: 'cloudflare-worker-jwt', what: 'verify, decode', js: measure(await bundle(`export { verify, decode } from '@tsndr/cloudflare-worker-jwt';`)) },
];
for (const row of rows) {
  row.total = { raw: row.js.raw + (row.wasm?.raw ?? 0), gzip: row.js.gzip + (row.wasm?.gzip ?? 0) };
  console.log(`size ${row.lib.padEnd(24)} ${String(row.total.raw).padStart(8)} bytes raw ${String(row.total.gzip).padStart(8)} bytes gzip`);
}
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('size.json', resultsDir), `${JSON.stringify(rows, null, 1)}\n`);
