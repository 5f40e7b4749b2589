// Vitest, as a frontend app's tests run it (environment node, jsdom or happy-dom, set by the
// runner): the shared checks on the package imported by name, and the clock of Vitest's fake
// timers (`vi.setSystemTime`), which the package must read at each call as jose does. The report
// goes to the file the Node test names in JWT_WASM_REPORT (Vitest owns standard output).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, vi } from 'vitest';
import * as jwt from 'jwt-wasm';
import { runChecks } from './check.mjs';
import vectors from './vectors.js';

const SECRET = 'a-secret-of-at-least-32-bytes-long!';
const codeOf = (call) => {
  try {
    call();
  } catch (error) {
    return error.code;
  }
  return 'no error';
};

/** What the package answers at the fake clock's instants: signed at one, judged an hour later. */
function underFakeTimers() {
  vi.useFakeTimers();
  try {
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const token = jwt.signJwt({ sub: 'ada' }, SECRET, { expirationTime: '1h', issuedAt: true });
    const signed = jwt.decodeJwt(token);
    const verifier = jwt.createVerifier(SECRET);
    const before = { expired: jwt.isExpired(token), sub: verifier.verify(token).payload.sub };
    vi.setSystemTime(new Date('2030-01-01T01:00:01Z'));
    return {
      iat: signed.iat,
      exp: signed.exp,
      before,
      after: {
        expired: jwt.isExpired(token),
        secondsLeft: jwt.expiryInfo(token).secondsLeft,
        jwtVerify: codeOf(() => jwt.jwtVerify(token, SECRET)),
        verifier: codeOf(() => verifier.verify(token)),
      },
    };
  } finally {
    vi.useRealTimers();
  }
}

test('jwt-wasm under Vitest', () => {
  const report = runChecks(jwt, vectors);
  // (Node 21 and later have a navigator of their own, but no document.)
  report.environment = typeof document === 'undefined' ? 'node' : navigator.userAgent;
  // Left to Node, the package is one instance for import and require; inlined into Vite's
  // transform, the import is another module, with its own instance and JwtError.
  report.sameInstanceAsRequire = createRequire(import.meta.url)('jwt-wasm').JwtError === jwt.JwtError;
  report.fakeTimers = underFakeTimers();
  writeFileSync(process.env.JWT_WASM_REPORT, JSON.stringify(report));
  expect(report.failures).toEqual([]);
});
