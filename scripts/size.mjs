// Prints the raw and gzipped size of what a browser downloads: the .wasm and the JS glue.
// Usage: npm run size
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = ['pkg/wasm/jwt_wasm_bg.wasm', 'pkg/wasm/jwt_wasm.js', 'js/browser.js', 'js/api.js', 'js/errors.js'];
let raw = 0;
let gzipped = 0;
console.log('file                              raw bytes   gzip -9 bytes');
for (const file of files) {
  const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += zipped;
  console.log(`${file.padEnd(32)} ${String(bytes.length).padStart(10)} ${String(zipped).padStart(15)}`);
}
console.log(`${'total'.padEnd(32)} ${String(raw).padStart(10)} ${String(gzipped).padStart(15)}`);
