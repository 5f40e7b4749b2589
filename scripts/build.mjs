// Builds the npm package into pkg/: the release wasm (cargo), its JS glue (wasm-bindgen, web
// target), wasm-opt for size, the Node entries (esbuild: ESM source to CJS, plus an ESM wrapper
// so that import and require share one instance) and the .wasm's bytes as base64 for the Node
// and inline entries.
// Usage: node scripts/build.mjs [--if-needed]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const outputs = ['wasm/jwt_wasm_bg.wasm', 'wasm/jwt_wasm.js', 'wasm-bytes.cjs', 'wasm-inline.js', 'node.cjs', 'node.mjs', 'index.d.cts'].map((f) => join(pkg, f));
const inputs = ['src', 'js', 'Cargo.toml', 'Cargo.lock', '.cargo', 'scripts/build.mjs'].map((f) => join(root, f));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function upToDate() {
  if (!outputs.every(existsSync)) return false;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return Math.max(...inputs.map(newestMtime)) <= oldestOutput;
}

// npm scripts put node_modules/.bin on PATH; direct runs (node scripts/build.mjs) need it too.
process.env.PATH = [join(root, 'node_modules/.bin'), join(process.env.HOME ?? '', '.cargo/bin'), process.env.PATH].join(delimiter);

function run(command, args) {
  console.log(`build: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

if (process.argv.includes('--if-needed') && upToDate()) {
  console.log('build: pkg/ is up to date');
  process.exit(0);
}

run('cargo', ['build', '--lib', '--release', '--target', 'wasm32-unknown-unknown']);
// Cargo's output folder, as cargo itself resolves it: target/, or where CARGO_TARGET_DIR,
// CARGO_BUILD_TARGET_DIR or a config's build.target-dir puts it (a second checkout building
// beside this one).
const { target_directory: targetDir } = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: root, encoding: 'utf8' }));
mkdirSync(join(pkg, 'wasm'), { recursive: true });
// --experimental-reset-state-function: `__wbg_reset_state()` replaces the instance with a fresh
// one (objects of the old one then refuse verify, and their finalizers free nothing; their free()
// is not checked and would free whatever lives at that address in the new instance, so js/api.js
// frees only a Verifier of the current instance); the entries call it after an exception unwinds
// out of a call (js/errors.js, `guarded`).
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--experimental-reset-state-function', '--out-dir', 'pkg/wasm', '--out-name', 'jwt_wasm',
  join(targetDir, 'wasm32-unknown-unknown/release/jwt_wasm.wasm'),
]);
// initSync takes a compiled module only if `instanceof` knows it, and compiles anything else as
// bytes. Next.js's edge sandbox hands over a module made in another realm, which `instanceof`
// does not know and the edge refuses to compile: the glue is patched to ask the engine instead
// (WebAssembly.Module.exports accepts a module of any realm and throws for anything else).
const gluePath = join(pkg, 'wasm/jwt_wasm.js');
const glue = readFileSync(gluePath, 'utf8');
const moduleCheck = 'if (!(module instanceof WebAssembly.Module)) {';
if (glue.split(moduleCheck).length !== 2) throw new Error(`build: the glue no longer has one "${moduleCheck}" to patch`);
// The binding's type checks (`dyn_ref::<Uint8Array>`, `dyn_ref::<Date>`, ...) are the
// glue's `arg0 instanceof Uint8Array`, which looks the class up when the call runs and calls a
// Symbol.hasInstance put on it since: they are patched to ask, as js/errors.js does, frozen
// functions of their own with the prototypes of the classes of load time (SECURITY.md). Not
// ArrayBuffer's, which only picks a message for a key of the wrong type, and whose class at load
// is not the one a Next.js edge route's ArrayBuffers have.
const instanceCheck = /result = arg0 instanceof (\w+);/g;
const classesAtLoad = ['Date', 'Uint8Array'];
const checked = [...glue.matchAll(instanceCheck)].map((match) => match[1]);
if (checked.some((name) => !classesAtLoad.includes(name) && name !== 'ArrayBuffer') || !classesAtLoad.every((name) => checked.includes(name))) {
  throw new Error(`build: the glue's instanceof checks (${checked.join(', ')}) are not those of ${classesAtLoad.join(', ')} and ArrayBuffer: update the list`);
}
// The browser entry starts its instance asynchronously (fetching the .wasm), the inline entry
// synchronously, both in the one glue module: in a page that imports both, the inline entry can
// start it (and a Verifier be made in it) while the fetch is under way. The glue's asynchronous
// start is patched to keep an instance started meanwhile rather than put its own in its place.
const asyncStart = 'const { instance, module } = await __wbg_load(await module_or_path, imports);';
if (glue.split(asyncStart).length !== 2) throw new Error(`build: the glue no longer has one "${asyncStart}" to patch`);
// The glue keeps a DataView on wasm memory and makes a new one once memory has grown, which it
// asks of the old buffer's `detached`, trusting it where it is defined. Where the engine has none
// (Node 20, Safari before 17.4) and a shim adds it (importing SES does), a wasm memory's buffer
// is said not detached after a grow, and the next write through the DataView threw a TypeError:
// the DataView is patched to be made again whenever the memory's buffer is another one.
const dataViewCheck = 'if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {';
if (glue.split(dataViewCheck).length !== 2) throw new Error(`build: the glue no longer has one "${dataViewCheck}" to patch`);
writeFileSync(
  gluePath,
  `// Added by scripts/build.mjs: what the glue's instanceof checks ask, the classes as at load.
const classesAtLoad = Object.fromEntries([${classesAtLoad.join(', ')}].map((Class) => {
    // As js/errors.js's atLoad makes them.
    const brand = function () {};
    brand.prototype = Class.prototype;
    return [Class.name, Object.freeze(brand)];
}));
${glue.replace(moduleCheck, 'if (!isWasmModule(module)) {').replace(dataViewCheck, 'if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== wasm.memory.buffer) { // Patched by scripts/build.mjs.').replace(asyncStart, `${asyncStart}\n    if (wasm !== undefined) return wasm; // Added by scripts/build.mjs: started meanwhile.`).replace(instanceCheck, (check, name) => (classesAtLoad.includes(name) ? `result = arg0 instanceof classesAtLoad.${name};` : check))}
// Added by scripts/build.mjs: whether \`value\` is a compiled module, of this realm or another.
function isWasmModule(value) {
    if (value instanceof WebAssembly.Module) return true;
    try {
        WebAssembly.Module.exports(value);
        return true;
    } catch {
        return false;
    }
}
`,
);
// The features rustc enables by default for wasm32-unknown-unknown, plus simd128 (enabled in
// .cargo/config.toml for sha2's SIMD backend); wasm-opt must keep them.
run('wasm-opt', [
  '-Oz', '--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-multivalue', '--enable-simd',
  'pkg/wasm/jwt_wasm_bg.wasm', '-o', 'pkg/wasm/jwt_wasm_bg.wasm',
]);

// The .wasm's bytes for the Node entry, in a module of their own that node.cjs requires: a bundler
// that takes node.cjs into a server bundle takes them in too, so no file has to be found at run
// time. Apart from node.cjs because Node's ESM loader scans a CommonJS file it imports (node.mjs
// imports node.cjs) for its export names: with 180 KB of base64 inside node.cjs, the faster imports
// were 0.4 to 1 ms slower (25th percentile of 100 fresh processes, interleaved; medians level).
const wasmBase64 = readFileSync(join(pkg, 'wasm/jwt_wasm_bg.wasm')).toString('base64');
writeFileSync(
  join(pkg, 'wasm-bytes.cjs'),
  "// Generated by scripts/build.mjs: the bytes of wasm/jwt_wasm_bg.wasm for the Node entry.\n'use strict';\n" +
    `exports.wasmBytes = Buffer.from('${wasmBase64}', 'base64');\n`,
);
// The same bytes for js/inline.js (`jwt-wasm/inline`), as an ES module that browsers import
// natively; base64 text, which gzip takes to about 79 KB where the .wasm itself is 58 KB.
writeFileSync(
  join(pkg, 'wasm-inline.js'),
  `// Generated by scripts/build.mjs: the bytes of wasm/jwt_wasm_bg.wasm, base64, for js/inline.js.\nexport const wasmBase64 = '${wasmBase64}';\n`,
);
await esbuild.build({
  entryPoints: [join(root, 'js/node.js')],
  outfile: join(pkg, 'node.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // node.cjs requires the module of the bytes (written above) from beside it. A named import: a
  // default one would copy the bytes' every index onto a wrapper object (esbuild's __toESM).
  plugins: [{
    name: 'wasm-bytes',
    setup(build) {
      build.onResolve({ filter: /\/wasm-bytes\.cjs$/ }, () => ({ path: './wasm-bytes.cjs', external: true }));
    },
  }],
  // Only the glue's async init, which fetches the .wasm beside it, reads import.meta.url; the Node
  // entry never calls it and it is left out of node.cjs. Defined so that CommonJS output has no
  // import.meta to warn about.
  define: { 'import.meta.url': 'undefined' },
  // TextEncoder and TextDecoder bound for the whole file: the globals, or where a test
  // environment loads the Node entry without them (Jest's jsdom), Node's own (the same classes)
  // from node:util. Required only then: bundled into an ES module (esbuild, a server bundle), a
  // `require` of a built-in throws.
  banner: {
    js: "const { TextDecoder, TextEncoder } = globalThis.TextDecoder && globalThis.TextEncoder ? globalThis : require('node:util');",
  },
});

// One instance for import and require: node.mjs re-exports what node.cjs exports.
const names = Object.keys(createRequire(import.meta.url)(join(pkg, 'node.cjs'))).sort();
writeFileSync(
  join(pkg, 'node.mjs'),
  `// Generated by scripts/build.mjs: the ESM face of node.cjs (one wasm instance for both).\n` +
    `import cjs from './node.cjs';\n\n` +
    `export const {\n${names.map((n) => `  ${n},`).join('\n')}\n} = cjs;\n`,
);
// The same types for CommonJS consumers: in a "type": "module" package TypeScript reads a .d.ts as
// an ES module, which `require` cannot load under moduleResolution node16 (nodenext can). node.cjs
// marks itself `__esModule` and has no default export, so a default import of it, which TypeScript
// would otherwise allow in CommonJS, is a type error as it would be undefined at run time.
writeFileSync(
  join(pkg, 'index.d.cts'),
  `// Generated by scripts/build.mjs from js/index.d.ts: its types for require().\n${readFileSync(join(root, 'js/index.d.ts'), 'utf8')}` +
    '\n/** Set by the CommonJS build: the module has named exports only. */\nexport declare const __esModule: true;\n',
);
console.log(`build: pkg/ ready (${names.length} exports)`);
