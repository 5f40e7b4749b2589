// A browser extension's background service worker (Manifest V3): jwt-wasm/inline by name, as a
// bundler resolves it (the test bundles it with esbuild, as a classic and as a module worker);
// the report is kept on the worker's global, where the test reads it.
import * as jwt from 'jwt-wasm/inline';
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

self.jwtChecks = runChecks(jwt, vectors);
