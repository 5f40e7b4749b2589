// The checks in a page, the package imported as `jwt-wasm/inline`: bundled by esbuild as an IIFE
// (a classic script, which cannot hold the browser entry's top-level await) and by Bun's bundler
// as a module, with no .wasm file beside the bundle. The report lands on window.jwtChecks for the
// test to read.
import * as jwt from 'jwt-wasm/inline';
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

window.jwtChecks = runChecks(jwt, vectors);
