// The checks in a page: loaded natively through the import map (checks.html), or bundled by
// esbuild, Vite or Bun's bundler. The report lands on window.jwtChecks for the test to read.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

window.jwtChecks = runChecks(jwt, vectors);
