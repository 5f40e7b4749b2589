// A service worker importing `jwt-wasm/inline` by name, as a bundler resolves it (the test bundles
// it as an IIFE, a classic worker script).
import * as jwt from 'jwt-wasm/inline';
import { answerChecks } from './sw-checks.js';

answerChecks(jwt);
