// Node entry: the wasm module is compiled synchronously from the file beside the glue, so the
// first call needs no init() and no await. Built into pkg/node.cjs (and wrapped by node.mjs).
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import { connectErrors } from './errors.js';

initSync({ module: readFileSync(new URL('../pkg/wasm/jwt_wasm_bg.wasm', import.meta.url)) });
connectErrors();

export * from './api.js';
