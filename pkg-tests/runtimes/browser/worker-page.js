// Two module web workers, each asked at once, as a page asks a worker: the checks (their report
// lands on window.jwtChecks) and the README's web worker (written to readme/web-worker.js by the
// test), handed the tokens in the page's URL fragment (its answers land on window.readmeWorker).

/** Adds to window.jwtChecks, keeping what is there: a worker's failure is never overwritten by
 * the other's report. */
const report = ({ passed, failures }) => {
  const was = window.jwtChecks ?? { passed: 0, failures: [] };
  window.jwtChecks = { passed: was.passed + passed, failures: [...was.failures, ...failures] };
};
const failed = (what) => (event) => report({ passed: 0, failures: [`${what} failed: ${event.message ?? 'no message'}`] });

const checks = new Worker(new URL('./checks-worker.js', import.meta.url), { type: 'module' });
checks.addEventListener('message', (event) => report(event.data));
checks.addEventListener('error', failed('the checks worker'));
checks.postMessage('run');

const tokens = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const answers = [];
const readme = new Worker(new URL('../../readme/web-worker.js', import.meta.url), { type: 'module' });
readme.addEventListener('message', (event) => {
  answers.push(event.data);
  if (answers.length === tokens.length) window.readmeWorker = answers;
});
readme.addEventListener('error', failed("the README's worker"));
for (const token of tokens) readme.postMessage(token);
