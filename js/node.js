// Node entry: the .wasm travels inside this file (esbuild's binary loader writes its bytes into
// pkg/node.cjs), so the module is compiled synchronously with no file to find: the first call
// needs no init() and no await, and a bundler that takes this entry into a server bundle (esbuild,
// Next.js) cannot move it away from its .wasm. Built into pkg/node.cjs (and wrapped by node.mjs).
import wasmBytes from '../pkg/wasm/jwt_wasm_bg.wasm';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import { connectErrors } from './errors.js';

initSync({ module: wasmBytes });
connectErrors();

export * from './api.js';
