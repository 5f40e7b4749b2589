// The checks in a Next.js route handler on the Node.js runtime (Next's default). next.config.mjs
// keeps the package external (`serverExternalPackages`), so Node loads its Node entry from
// node_modules, beside its .wasm.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(runChecks(jwt, vectors));
}
