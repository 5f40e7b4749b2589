// A Worker whose only import of the package is `jwt-wasm/inline`, made at its first request: there
// workerd refuses to compile wasm bytes, as Cloudflare does (this workerd allows it while a Worker
// starts), so the checks pass only if the import took the workerd entry, which compiles nothing.
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

export default {
  async fetch() {
    const jwt = await import('jwt-wasm/inline');
    return Response.json(runChecks(jwt, vectors));
  },
};
