// The checks in a Next.js route handler on the edge runtime, bundled by `next build` (Turbopack
// or webpack): the bundler resolves the package's `edge-light` entry and ships its .wasm.
import { instances, refused } from './wasm-guard.js';
import * as jwt from 'jwt-wasm';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

// The package's own instance, made as it was imported (the checks make more: each replacement of
// an instance that an exception unwound through is a new instance of the same module).
const instancesAtImport = instances.made;
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

export function GET() {
  const report = { ...runChecks(jwt, vectors), instancesAtImport, instancesMade: instances.made, refusedBefore: [...refused], edgeRuntime: typeof EdgeRuntime };
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE);
    report.codeGenerationRefused = false;
  } catch {
    report.codeGenerationRefused = true;
  }
  return Response.json(report);
}
