// Node entry: the .wasm's bytes travel in a module that this one requires (pkg/wasm-bytes.cjs,
// written by scripts/build.mjs), so the module is compiled synchronously with no file to find: the
// first call needs no init() and no await, and a bundler that takes this entry into a server bundle
// (esbuild, Next.js) takes the bytes with it. Built into pkg/node.cjs (and wrapped by node.mjs).
import { wasmBytes } from '../pkg/wasm-bytes.cjs';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import { start } from './errors.js';

start(() => initSync({ module: wasmBytes }));

export * from './api.js';
