// The inline entry, which starts the instance synchronously: this module runs while the browser
// entry's .wasm is still loading, and makes a Verifier then.
import * as jwt from '/node_modules/jwt-wasm/js/inline.js';

const secret = 'a-test-secret-of-at-least-32-bytes!';
export const madeWhileLoading = globalThis.browserEntryStarted !== true;
export const verifier = jwt.createVerifier(secret);
export const token = jwt.signJwt({ sub: 'user-42' }, secret);
export const otherToken = jwt.signJwt({ sub: 'user-42' }, `${secret}-other`);
