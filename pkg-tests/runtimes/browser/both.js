// A page importing both browser entries, as an app may when part of its code is shared with its
// service worker: they must share one instance, so that a Verifier made by the inline entry while
// the browser entry's .wasm was loading still works once it has loaded (were the instance
// replaced, it would read another instance's memory). The two entries export the very same
// functions (js/api.js) either way: only the Verifier's answers show the instance. The report
// lands on window.jwtBoth for the test to read.
import './both-browser.js';
import { madeWhileLoading, otherToken, token, verifier } from './both-inline.js';

const outcome = (call) => {
  try {
    return { payload: call().payload };
  } catch (error) {
    return { code: error.code ?? String(error) };
  }
};
window.jwtBoth = {
  madeWhileLoading,
  verified: outcome(() => verifier.verify(token)),
  otherSecret: outcome(() => verifier.verify(otherToken)),
};
