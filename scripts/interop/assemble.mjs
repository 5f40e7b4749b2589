// Writes pkg-tests/interop-vectors.json from what the generators in this folder printed: tokens
// made by other languages' JWT libraries (each with the library and version, the code that made
// it, the secret, the options and clock to verify it with, and the expected outcome), and the
// verdicts of those libraries on tokens jwt-wasm signs. pkg-tests/interop.test.mjs reads it.
//
// Not run by CI or the tests (the libraries are not installed there). The whole sequence, from
// the repository root, with a built package in pkg/ (each generator's header says how to install
// its libraries):
//   mkdir -p /tmp/interop
//   node scripts/interop/jwt-wasm-tokens.mjs > /tmp/interop/jwt-wasm-tokens.json
//   /tmp/interop/py/bin/python scripts/interop/python.py /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/python.json
//   ruby scripts/interop/ruby.rb /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/ruby.json
//   (go.go, in its scratch module)   go run . /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/go.json
//   (rust.rs, in its scratch crate)  cargo run -q -- /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/rust.json
//   node scripts/interop/assemble.mjs /tmp/interop
// Nothing here judges a token with jwt-wasm or jose: the expected outcomes come from the
// generators (written by hand there), and the reverse verdicts from the other libraries.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/interop';
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const signed = read('jwt-wasm-tokens.json');
const parts = ['python.json', 'ruby.json', 'go.json', 'rust.json'].map(read);

const libraries = {};
const cases = [];
const verifiedAt = {};
for (const part of parts) {
  for (const [name, info] of Object.entries(part.libraries)) {
    libraries[name] = info;
    verifiedAt[name] = part.verifiedAt;
  }
  for (const c of part.cases) {
    const record = {
      library: c.library,
      name: c.name,
      code: c.code,
      ...(c.given ? { given: c.given } : {}),
      secret: c.secret,
      ...(c.signedWith ? { signedWith: c.signedWith } : {}),
      options: c.options,
      now: c.now,
      token: c.token,
      expect: c.expect,
      expectDecode: c.expectDecode,
      expectHeaderDecode: c.expectHeaderDecode ?? 'ok',
      ...(c.difference ? { difference: c.difference, jose: c.jose } : {}),
      payloadJson: c.payloadJson,
      headerJson: c.headerJson,
      libraryVerdict: c.libraryVerdict,
      ...(c.note ? { note: c.note } : {}),
    };
    cases.push(record);
  }
}
const ids = cases.map((c) => `${c.library}: ${c.name}`);
assert.equal(new Set(ids).size, ids.length, 'case names repeat within a library');

// The reverse direction: each library's verdict on each jwt-wasm token, and whether it is the
// one the token was made for (its claims as jwt-wasm wrote them, or a refusal for the right reason).
const REFUSAL = { expired: /expir/i, signature: /signature/i, audience: /aud/i };
const reverse = signed.tokens.map((t) => {
  const results = {};
  for (const part of parts) {
    for (const r of part.reverse.filter((x) => x.name === t.name)) {
      let agrees;
      let payloadEqual;
      if (r.verdict === 'ok') {
        try {
          assert.deepStrictEqual(JSON.parse(r.payloadJson), JSON.parse(t.payload));
          payloadEqual = true;
        } catch {
          payloadEqual = false;
        }
        agrees = t.expect === 'ok' && payloadEqual;
      } else {
        agrees = t.expect !== 'ok' && REFUSAL[t.expect].test(r.error);
      }
      results[r.library] = { verdict: r.verdict, ...(r.error ? { error: r.error } : {}), ...(payloadEqual === undefined ? {} : { payloadEqual }), agrees };
    }
  }
  assert.deepEqual(Object.keys(results).sort(), Object.keys(libraries).sort(), `${t.name}: a library did not judge it`);
  return { name: t.name, code: t.code, claims: t.claims, options: t.options, now: t.now, key: t.key, token: t.token, verify: t.verify, expect: t.expect, results };
});

const file = {
  about:
    'Tokens made by other languages\' JWT libraries, and their verdicts on tokens jwt-wasm made. Written by scripts/interop/assemble.mjs ' +
    'from the generators in scripts/interop/ (not run by CI); read by pkg-tests/interop.test.mjs. Times are seconds; "now" is the clock to ' +
    'verify a case at. "expect", "expectDecode" and "expectHeaderDecode" are the outcomes jwtVerify, decodeJwt and decodeProtectedHeader ' +
    'must give ("ok": the claims and header in "payloadJson" and "headerJson", which the issuing library itself decoded from the token and ' +
    'wrote back as JSON); jose must give the same, except in cases with a "difference" (a deliberate one, listed in the README), where ' +
    '"jose" says what jose gives. "libraryVerdict" is the issuing library\'s own verification with the options it has an equivalent for ' +
    '(information, not asserted). "reverse": tokens jwt-wasm signed and each library\'s verdict on them, at the time in "verifiedAt".',
  libraries,
  verifiedAt,
  signer: signed.signer,
  cases,
  reverse,
};
// One case per line: small, and a regenerated file diffs case by case.
const lines = (items) => items.map((item) => `  ${JSON.stringify(item)}`).join(',\n');
const text = `{\n "about": ${JSON.stringify(file.about)},\n "libraries": ${JSON.stringify(libraries)},\n "verifiedAt": ${JSON.stringify(verifiedAt)},\n` +
  ` "signer": ${JSON.stringify(file.signer)},\n "cases": [\n${lines(cases)}\n ],\n "reverse": [\n${lines(reverse)}\n ]\n}\n`;
assert.deepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(file)));
writeFileSync(new URL('../../pkg-tests/interop-vectors.json', import.meta.url), text);
const disagreeing = reverse.flatMap((t) => Object.entries(t.results).filter(([, r]) => !r.agrees).map(([lib]) => `${lib}: ${t.name}`));
console.log(`pkg-tests/interop-vectors.json: ${cases.length} cases from ${Object.keys(libraries).length} libraries, ${reverse.length} jwt-wasm tokens judged by each`);
if (disagreeing.length > 0) console.log(`reverse direction, not as expected:\n  ${disagreeing.join('\n  ')}`);
