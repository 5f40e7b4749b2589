// The checks in a Next.js route handler on the Node.js runtime (Next's default), with no
// configuration: Next bundles the package's Node entry into its server bundle, .wasm included.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ...runChecks(jwt, vectors), edgeRuntime: typeof EdgeRuntime });
}
