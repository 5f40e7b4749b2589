// The checks in a server component (the Node.js runtime, rendered at each request): the report is
// rendered into the page as text, for the test to read.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export const dynamic = 'force-dynamic';

export default function ServerChecks() {
  return <pre id="report">{JSON.stringify(runChecks(jwt, vectors))}</pre>;
}
