// Node (CommonJS): require() of the package, then the same checks; import() of the package must
// give the same instance (one JwtError class), as must require() of `jwt-wasm/inline`.
const jwt = require('jwt-wasm');
const inline = require('jwt-wasm/inline');

Promise.all([import('./check.mjs'), import('./vectors.js'), import('jwt-wasm')]).then(
  ([{ runChecks }, { default: vectors }, esm]) => {
    const result = runChecks(jwt, vectors);
    result.sameInstanceAsImport = esm.JwtError === jwt.JwtError && esm.jwtVerify === jwt.jwtVerify;
    result.inlineIsSameInstance = inline.JwtError === jwt.JwtError && inline.jwtVerify === jwt.jwtVerify;
    console.log(`RESULT ${JSON.stringify(result)}`);
  },
);
