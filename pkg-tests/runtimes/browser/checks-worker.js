// The checks inside a web worker, run when the page asks: the package imported by name, as a
// bundler resolves it there, behind a handler set at once (see README "Web workers": a message
// that arrives while a worker's static imports load is dropped).
const loading = Promise.all([import('jwt-wasm'), import('../check.mjs'), import('../vectors.js')]);

self.onmessage = async () => {
  const [jwt, { runChecks }, { default: vectors }] = await loading;
  self.postMessage(runChecks(jwt, vectors));
};
