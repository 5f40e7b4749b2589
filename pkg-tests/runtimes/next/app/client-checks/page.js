'use client';
// The checks in a client component: bundled for the browser by `next build` (the package's browser
// entry, which fetches its .wasm), run in the page once it has loaded. The report lands on
// window.jwtChecks for the test to read, and its summary on the page.
import { useEffect, useState } from 'react';
import * as jwt from 'jwt-wasm';
import { runChecks } from '../../runtimes/check.mjs';
import vectors from '../../runtimes/vectors.js';

export default function ClientChecks() {
  const [summary, setSummary] = useState('running');
  useEffect(() => {
    const report = runChecks(jwt, vectors);
    window.jwtChecks = report;
    setSummary(`${report.passed} passed, ${report.failures.length} failed`);
  }, []);
  return <p id="summary">{summary}</p>;
}
