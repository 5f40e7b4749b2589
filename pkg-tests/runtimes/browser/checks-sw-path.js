// A module service worker importing the inline entry natively, by its path in the package.
import * as jwt from '/node_modules/jwt-wasm/js/inline.js';
import { answerChecks } from './sw-checks.js';

answerChecks(jwt);
