// The package's tests under the Node releases users run, beside the one that runs `npm test`:
// each release in scripts/node-releases.json (fetched by scripts/setup.sh from npm's
// node-<platform>-<arch> packages) runs each test file below in a process of its own, and every
// test must pass. Left out: this file, the runtime and bundler tests (runtimes.test.mjs, whose
// Node part is the entry these files load anyway) and the page in Chromium (inspector.test.mjs).
// The differentials against jose run 2,000 cases each in each release (10,000, 5,000 and 5,000
// in the main run).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const releases = JSON.parse(readFileSync(new URL('../scripts/node-releases.json', import.meta.url), 'utf8'));
const FILES = [
  'api.test.mjs',
  'attacks.test.mjs',
  'cache.test.mjs',
  'cli.test.mjs',
  'decode-differential.test.mjs',
  'differential.test.mjs',
  'hostile-values.test.mjs',
  'interop.test.mjs',
  'jose-patterns.test.mjs',
  'migration.test.mjs',
  'resources.test.mjs',
  'sign-differential.test.mjs',
  'vectors.test.mjs',
].map((file) => `pkg-tests/${file}`);

// Without NODE_TEST_CONTEXT, which node:test sets in the processes it runs: with it, the inner
// `node --test` would report to this process's runner instead of writing its own TAP.
const childEnv = { ...process.env, DIFF_CASES: '2000', SIGN_DIFF_CASES: '2000', DECODE_DIFF_CASES: '2000' };
delete childEnv.NODE_TEST_CONTEXT;

/** The counts a TAP report ends with (`# pass 12`), by name. */
function counts(tap) {
  const found = {};
  for (const [, name, value] of tap.matchAll(/^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) found[name] = Number(value);
  return found;
}

test('the list of releases names distinct exact versions, none of them the running Node', () => {
  assert.ok(releases.length > 0);
  for (const release of releases) assert.match(release, /^\d+\.\d+\.\d+$/);
  assert.equal(new Set(releases.map((release) => release.split('.')[0])).size, releases.length);
  assert.ok(!releases.includes(process.versions.node));
});

for (const release of releases) {
  const node = `${root}node_modules/.cache/node-releases/${release}/bin/node`;
  const skip = existsSync(node) ? false : `no Node ${release} for ${process.platform}-${process.arch} (scripts/setup.sh fetches it where npm has one)`;
  test(`Node ${release}: the package's tests pass`, { skip, timeout: 10 * 60_000 }, async (t) => {
    assert.equal(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim(), `v${release}`);
    for (const file of FILES) {
      await t.test(file, () => {
        const run = spawnSync(node, ['--test', '--test-reporter=tap', file], {
          cwd: root,
          encoding: 'utf8',
          timeout: 4 * 60_000,
          maxBuffer: 64 * 1024 * 1024,
          env: childEnv,
        });
        const found = counts(run.stdout);
        const failures = run.stdout.split('\n').filter((line) => /^\s*not ok /.test(line));
        assert.deepEqual(failures, [], `${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);
        assert.equal(run.status, 0, run.stderr.slice(-2000));
        assert.equal(found.fail, 0);
        assert.equal(found.cancelled, 0);
        // A test skipped in a release (a helper missing, a condition of its own) did not pass there.
        const skipped = run.stdout.split('\n').filter((line) => /^\s*ok .* # (SKIP|TODO)\b/i.test(line));
        assert.deepEqual([found.skipped, found.todo, skipped], [0, 0, []], 'tests skipped');
        assert.ok(found.pass > 0, `no test passed: ${run.stdout.slice(-2000)}`);
        console.log(`node-releases: Node ${release}, ${file}: ${found.pass} of ${found.tests} passed`);
      });
    }
  });
}
