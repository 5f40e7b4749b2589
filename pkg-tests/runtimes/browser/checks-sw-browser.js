// A module service worker importing the browser entry by its path: it cannot start, since service
// workers refuse top-level await, which that entry uses (the reason for `jwt-wasm/inline`).
import * as jwt from '/node_modules/jwt-wasm/js/browser.js';
import { answerChecks } from './sw-checks.js';

answerChecks(jwt);
