// Starts the checks in a module web worker; its report lands on window.jwtChecks for the test.
const worker = new Worker(new URL('./checks-worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event) => {
  window.jwtChecks = event.data;
});
worker.addEventListener('error', (event) => {
  window.jwtChecks = { passed: 0, failures: [`the worker failed: ${event.message ?? 'no message'}`] };
});
