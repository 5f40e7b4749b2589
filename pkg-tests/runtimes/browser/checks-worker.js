// The checks inside a web worker, run when the page asks: the package imported by name, as a
// bundler resolves it there, behind a handler set at once (see README "Web workers": a message
// that arrives while a module the worker imports is still in its top-level await is dropped).
// A dynamic import that fails fires no error event on the worker: it is reported as a failure.
const loading = Promise.all([import('jwt-wasm'), import('../check.mjs'), import('../vectors.js')]);

self.onmessage = async () => {
  try {
    const [jwt, { runChecks }, { default: vectors }] = await loading;
    self.postMessage(runChecks(jwt, vectors));
  } catch (error) {
    self.postMessage({ passed: 0, failures: [`the checks worker could not load: ${error}`] });
  }
};
