// The checks inside workerd: run per request (the clock only moves inside a request there).
// `codeGenerationRefused` shows that this workerd refuses to compile wasm bytes at run time, as
// Cloudflare does: the package passing here cannot have compiled its .wasm from bytes.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function codeGenerationRefused() {
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE);
    return false;
  } catch {
    return true;
  }
}

export default {
  fetch() {
    return Response.json({ ...runChecks(jwt, vectors), codeGenerationRefused: codeGenerationRefused() });
  },
};
