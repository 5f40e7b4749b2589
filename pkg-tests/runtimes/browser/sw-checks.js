// The checks inside a service worker: run once as the worker starts, the report sent to the page
// that asks (sw-page.js). Shared by checks-sw.js (the package by name, for a bundler) and
// checks-sw-path.js (by path, natively: import maps do not apply in workers).
import { runChecks } from '../check.mjs';
import vectors from '../vectors.js';

export function answerChecks(jwt) {
  const report = runChecks(jwt, vectors);
  self.addEventListener('message', (event) => event.source.postMessage(report));
}
