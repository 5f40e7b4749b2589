// The checks in a page, the package taken by `require('jwt-wasm')` in CommonJS source bundled for
// the browser (esbuild's platform browser; webpack's target web resolves alike): the `require`
// condition outside Node gets jwt-wasm/inline, which needs no top-level await (the browser
// entry's would leave `require` an object whose exports are not yet set). The report lands on
// window.jwtChecks for the test to read.
const jwt = require('jwt-wasm');
const { runChecks } = require('../check.mjs');
const vectors = require('../vectors.js').default;

window.jwtChecks = runChecks(jwt, vectors);
