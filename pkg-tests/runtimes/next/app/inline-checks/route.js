// The checks in an edge route whose only import of the package is `jwt-wasm/inline`: behind the
// guard that refuses compiling wasm bytes (as Vercel's edge runtime does), it must take the
// `edge-light` entry, which compiles nothing.
import { refused } from '../checks/wasm-guard.js';
import * as jwt from 'jwt-wasm/inline';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ...runChecks(jwt, vectors), refusedBefore: [...refused] });
}
