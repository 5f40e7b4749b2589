// Node entry: the wasm module is compiled synchronously from the file beside the glue, so the
// first call needs no init() and no await. Built into pkg/node.cjs (and wrapped by node.mjs).
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/wasm/jwt_wasm.js';
import { connectErrors } from './errors.js';

// A bundler that takes this entry into a server bundle moves it away from its .wasm (or rewrites
// its own location): say what to do rather than leave a bare ENOENT.
function wasmBytes() {
  const file = new URL('../pkg/wasm/jwt_wasm_bg.wasm', import.meta.url);
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new Error(
      `jwt-wasm: cannot read its .wasm (${file.href}: ${cause?.code ?? cause}). The package was probably bundled into a server bundle; ` +
        "keep it external so that Node loads it from node_modules (Next.js: serverExternalPackages: ['jwt-wasm'] in next.config; esbuild: --external:jwt-wasm)",
      { cause },
    );
  }
}

initSync({ module: wasmBytes() });
connectErrors();

export * from './api.js';
