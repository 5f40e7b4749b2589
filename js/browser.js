// Browser and bundler entry: the .wasm file beside the glue is fetched and compiled once, by a
// top-level await, so every export is ready when the import resolves.
import init from '../pkg/wasm/jwt_wasm.js';
import { connectErrors } from './errors.js';

await init({ module_or_path: new URL('../pkg/wasm/jwt_wasm_bg.wasm', import.meta.url) });
connectErrors();

export * from './api.js';
