// The checks inside a web worker: the package imported by name, as a bundler resolves it there.
import * as jwt from 'jwt-wasm';
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

self.postMessage(runChecks(jwt, vectors));
