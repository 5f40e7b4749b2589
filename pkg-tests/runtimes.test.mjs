// The package as users get it, in every runtime it claims: `npm pack`, the tarball installed into
// fresh consumer projects in a temporary folder, then the shared vectors, smoke checks and
// generated cases answered as Node answers them (pkg-tests/runtimes/check.mjs), the examples and
// the README's quick-start code in Node (ESM, CJS), Deno, Bun, workerd, headless Chromium
// (native ESM, esbuild, Vite, Bun's bundler, a Vite-built web worker, service workers, a Chrome
// extension), headless Firefox ESR and Vitest (node, jsdom and happy-dom environments), and the
// types under tsc. One test per runtime or README block, named after it.
// Servers bind to 127.0.0.1 and are stopped at the end; every wait is bounded.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as jwt from 'jwt-wasm';
import { checkCount, REPLACES_BUILT_INS } from './runtimes/check.mjs';
import { outcomeHash, runDiff } from './runtimes/differential.mjs';
import {
  bin, consumerProject, describeRun, errorOf, fetchBounded, MARIONETTE_PYTHON, pack, readmeCode, resultLine, ROOT, run, serveStatic,
  nextCli, signedToken, startDenoServe, startFirefox, startNext, startWorkerd, writeVectorsModule,
} from './runtimes/harness.mjs';

// What consumers need, and nothing else: the entries, the .d.ts, the built Node files, the glue
// and the .wasm, the command-line tool and the wording and payload modules it shares with the
// inspector page, and the two licence texts (npm adds package.json and README.md itself).
const TARBALL_FILES = [
  'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'bin/jwt-wasm.mjs', 'inline/package.json', 'js/api.js', 'js/browser.js', 'js/deno.js', 'js/edge-light.js', 'js/errors.js', 'js/index.d.ts',
  'js/inline.js', 'js/workerd.js',
  'package.json', 'pkg/index.d.cts', 'pkg/node.cjs', 'pkg/node.mjs', 'pkg/wasm-bytes.cjs', 'pkg/wasm-inline.js', 'pkg/wasm/jwt_wasm.js', 'pkg/wasm/jwt_wasm_bg.wasm',
  'www/format.js', 'www/payload.js',
];

// Node's answers to the generated cases of differential.mjs, which every runtime's checks must
// give too (compared by hash; about 0.3 s per run in Node).
const DIFFERENTIAL = { seed: 20261127, count: 1500 };
const differential = { ...DIFFERENTIAL, hashes: runDiff(jwt, DIFFERENTIAL).outcomes.map(outcomeHash) };

// No test may run longer than this (each step inside has its own, shorter deadline).
const LIMIT = { timeout: 180_000 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let work; // the temporary folder that holds the tarball and every consumer project
let tarball;
let packedFiles;
let app; // the consumer project that runs the checks: pkg-tests/runtimes/ and the vectors
let vectors;
const cleanups = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'jwt-wasm-runtimes-'));
  ({ tarball, files: packedFiles } = await pack(work));
  app = await consumerProject(join(work, 'app'), tarball, {
    files: {
      runtimes: join(ROOT, 'pkg-tests/runtimes'),
      'vector-cases.mjs': join(ROOT, 'pkg-tests/vector-cases.mjs'),
      types: join(ROOT, 'pkg-tests/types'),
    },
    packageJson: { name: 'consumer', private: true, type: 'module' },
  });
  vectors = writeVectorsModule(join(app, 'runtimes/vectors.js'), { differential });
  // The count each run must reach comes from this file, so a file that lost its cases would be
  // checked by no run and pass every one (as in tests/common/mod.rs).
  assert.ok(vectors.verify.length >= 50, `the vector file lost verify cases (${vectors.verify.length})`);
  assert.ok(vectors.expiry.length >= 9, `the vector file lost expiry cases (${vectors.expiry.length})`);
  // Deno: resolve npm packages from the project's node_modules (no registry).
  writeFileSync(join(app, 'deno.json'), `${JSON.stringify({ nodeModulesDir: 'manual' })}\n`);
}, LIMIT);

after(async () => {
  // Each cleanup gets 15 s; a hung browser or server must not hold the test run.
  for (const cleanup of cleanups.reverse()) {
    let timer;
    const deadline = new Promise((resolve) => { timer = setTimeout(resolve, 15_000); });
    await Promise.race([Promise.resolve().then(cleanup).catch(() => {}), deadline]);
    clearTimeout(timer);
  }
  if (work) rmSync(work, { recursive: true, force: true });
}, LIMIT);

/** Asserts that a report from check.mjs ran every check and passed them all (but those a run
 * with frozen intrinsics left out and said it did, which its test checks). */
function assertAllPassed(report, what) {
  assert.ok(report, `${what}: no report`);
  assert.deepEqual(report.failures, [], `${what}: failed checks`);
  assert.equal(report.passed + (report.skipped?.checks.length ?? 0), checkCount(vectors), `${what}: not every check ran`);
}

/** Runs a consumer script and asserts on its RESULT line. */
async function runChecksWith(what, command, args, options = {}) {
  const result = await run(command, args, { cwd: app, timeoutMs: 60_000, ...options });
  assert.equal(result.status, 0, describeRun(what, result));
  const report = resultLine(result.stdout);
  assertAllPassed(report, what);
  return report;
}

/** Writes a file under the consumer project's readme/ folder; returns its path from the project. */
function snippetFile(name, text) {
  mkdirSync(join(app, 'readme', posix.dirname(name)), { recursive: true });
  writeFileSync(join(app, 'readme', name), text);
  return posix.join('readme', name);
}

/** A token segment's JSON, decoded by Node (not by the package under test). */
const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

// The Bearer tokens a client might send, signed with node:crypto (not by the package under test).
function bearerTokens(secret, claims) {
  const now = Math.floor(Date.now() / 1000);
  const good = signedToken({ ...claims, iat: now, exp: now + 600 }, secret);
  const flipped = good.at(-2) === 'A' ? 'B' : 'A';
  return {
    good,
    expired: signedToken({ ...claims, iat: now - 7200, exp: now - 3600 }, secret),
    tampered: `${good.slice(0, -2)}${flipped}${good.at(-1)}`,
    malformed: 'not-a-jwt',
    wrongAudience: signedToken({ ...claims, aud: 'another-api', exp: now + 600 }, secret),
    wrongSecret: signedToken({ ...claims, exp: now + 600 }, `${secret}-but-not-quite`),
  };
}

describe('package', () => {
  test('npm pack: the tarball holds exactly what consumers need', LIMIT, () => {
    assert.deepEqual(packedFiles, TARBALL_FILES);
    // From here on, the package as installed from the tarball.
    const installed = join(app, 'node_modules/jwt-wasm');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.sideEffects, false);
    for (const subpath of ['.', './inline']) {
      const conditions = Object.keys(manifest.exports[subpath]);
      assert.equal(conditions[0], 'types', `${subpath}: types must come first`);
      assert.equal(conditions.at(-1), 'default', `${subpath}: default must come last`);
    }
    // Each runtime's own entry is the same under both, but Deno's: the inline entry works in every
    // Deno 2, where the main one needs 2.6 (`import source`).
    for (const condition of ['workerd', 'node', 'edge-light']) {
      assert.deepEqual(manifest.exports['./inline'][condition], manifest.exports['.'][condition], condition);
    }
    assert.equal(manifest.exports['./inline'].deno, './js/inline.js');
    // Every target of exports, main, module and types is in the tarball.
    const targets = [manifest.main, manifest.module, manifest.types];
    const collect = (value) => (typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(collect));
    collect(manifest.exports);
    for (const target of targets) assert.ok(TARBALL_FILES.includes(posix.normalize(target)), `${target} is not packed`);
    // jwt-wasm/inline for resolvers that read no exports map: inline/package.json's fields name
    // what exports does.
    const proxy = JSON.parse(readFileSync(join(installed, 'inline/package.json'), 'utf8'));
    const inline = manifest.exports['./inline'];
    assert.deepEqual(
      Object.fromEntries(['types', 'browser', 'module', 'main'].map((field) => [field, posix.join('inline', proxy[field])])),
      { types: posix.normalize(inline.types.default), browser: posix.normalize(inline.default), module: posix.normalize(inline.default), main: posix.normalize(inline.node.require) },
    );
    // Every relative import of every packed module resolves to a packed file.
    for (const file of TARBALL_FILES.filter((f) => /\.(m|c)?js$/.test(f))) {
      const source = readFileSync(join(installed, file), 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from|import|require)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = posix.join(posix.dirname(file), specifier.replace(/\?.*$/, ''));
        assert.ok(TARBALL_FILES.includes(target), `${file} imports ${specifier}, which is not packed`);
      }
    }
  });
});

describe('runtimes', () => {
  test('Node ESM: import by name, first call without init; jwt-wasm/inline is the same instance', LIMIT, async () => {
    const report = await runChecksWith('node main.mjs', process.execPath, ['runtimes/main.mjs']);
    assert.equal(report.inlineIsSameInstance, true, 'jwt-wasm/inline must be the Node entry');
  });

  test('Node CJS: require by name, the same instance as import and as jwt-wasm/inline', LIMIT, async () => {
    const report = await runChecksWith('node main.cjs', process.execPath, ['runtimes/main.cjs']);
    assert.equal(report.sameInstanceAsImport, true, 'require() and import() must share one instance');
    assert.equal(report.inlineIsSameInstance, true, "require('jwt-wasm/inline') must be the Node entry");
  });

  test('Node CJS: loads and works where TextEncoder and TextDecoder are not globals (Jest\'s jsdom environment)', LIMIT, async () => {
    const result = await run(process.execPath, ['runtimes/no-text-globals.cjs'], { cwd: app, timeoutMs: 60_000 });
    assert.equal(result.status, 0, describeRun('node no-text-globals.cjs', result));
    assert.deepEqual(resultLine(result.stdout), {
      globals: ['undefined', 'undefined'],
      name: 'Zoë 東京',
      decoded: 'Zoë 東京',
      expired: false,
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  test('Node under Hardened JavaScript (SES): the checks with lockdown() before the import and after it, and in a Compartment given the globals it needs', LIMIT, async () => {
    if (!existsSync(join(app, 'node_modules/ses'))) symlinkSync(join(ROOT, 'node_modules/ses'), join(app, 'node_modules/ses'), 'dir');
    for (const which of ['before', 'after', 'compartment']) {
      const what = `node ses.mjs ${which}`;
      const report = await runChecksWith(what, process.execPath, ['runtimes/ses.mjs', which]);
      assert.equal(report.frozen, true, `${what}: lockdown() did not run`);
      // What frozen intrinsics cannot run is left out and said: the check that replaces Date.now
      // and ArrayBuffer.isView, and the generated cases that pollute a prototype (9 of the 1,500
      // of the fixed seed).
      assert.deepEqual(report.skipped.checks, [REPLACES_BUILT_INS], what);
      assert.equal(report.skipped.pollutedCases, 9, `${what}: polluting cases left out`);
    }
    // A Compartment not given Date: its Date.now() throws, and so does each call that reads the
    // clock, SES's own exception as itself; no instance is replaced for it (each call would take
    // a fraction of a millisecond more), and calls given a currentDate answer.
    const what = 'node ses.mjs compartment-without-date';
    const result = await run(process.execPath, ['runtimes/ses.mjs', 'compartment-without-date'], { cwd: app, timeoutMs: 60_000 });
    assert.equal(result.status, 0, describeRun(what, result));
    const report = resultLine(result.stdout);
    assert.equal(report.thrown.length, 1, `${what}: ${report.thrown}`);
    assert.match(report.thrown[0], /^TypeError: .*secure mode/i, what);
    assert.equal(report.replaced, 0, `${what}: instances replaced`);
    assert.deepEqual(report.withCurrentDate, ['ada', 'ada'], what);
    // The clock is asked only when a time is needed: a sign without time options works, and a
    // token refused before its time claims gets its own error.
    assert.deepEqual(report.needingNoTime, ['ada', 'ERR_JWS_INVALID', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'], what);
  });

  // Where the module cannot be made, the import itself fails with a coded error that says why:
  // WebAssembly absent (node --jitless has none), or (the engine stubbed, as no current Node
  // lacks it) no SIMD, or the module refused otherwise.
  test('Node: an import that cannot make the WebAssembly module fails with ERR_WASM_UNAVAILABLE saying why (ESM and CJS; no WebAssembly, no SIMD, other failures)', LIMIT, async () => {
    const report = `const report = (error) => console.log('RESULT ' + JSON.stringify({ name: error.name, code: error.code, message: error.message, cause: String(error.cause) }));`;
    const esm = `${report}\ntry { await import('jwt-wasm'); console.log('RESULT {}'); } catch (error) { report(error); }`;
    const cjs = `${report}\ntry { require('jwt-wasm'); console.log('RESULT {}'); } catch (error) { report(error); }`;
    // Node 20 also reports an error that a CommonJS module throws while an ES module imports it
    // (node.mjs imports node.cjs) as uncaught, after the import's rejection was caught, and exits
    // with 1 (Node 22 and later do not): the ESM runs there are judged by their RESULT line only.
    const node20 = process.versions.node.startsWith('20.');
    const outcome = async (what, args) => {
      const result = await run(process.execPath, args, { cwd: app, timeoutMs: 60_000 });
      const esm = args.includes('--input-type=module');
      if (esm && node20 && result.status === 1) assert.match(result.stderr, /JwtError: jwt-wasm cannot start/, describeRun(what, result));
      else assert.equal(result.status, 0, describeRun(what, result));
      return resultLine(result.stdout);
    };
    const none = "jwt-wasm cannot start: this runtime has no WebAssembly (turned off by a policy, a hardened browsing mode or node --jitless; some engines, such as React Native's Hermes, have none)";
    for (const [what, args] of [['ESM', ['--input-type=module', '-e', esm]], ['CJS', ['-e', cjs]]]) {
      assert.deepEqual(await outcome(`node --jitless (${what})`, ['--jitless', ...args]),
        { name: 'JwtError', code: 'ERR_WASM_UNAVAILABLE', message: none, cause: 'ReferenceError: WebAssembly is not defined' }, what);
    }
    // An engine without SIMD (or reference types) validates no module using them, and refuses
    // the package's: stood in for by one that refuses every module holding the byte of v128.
    const noSimd = snippetFile('no-simd.cjs', `const { validate, Module } = WebAssembly;
const simd = (bytes) => (bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).includes(0x7b);
WebAssembly.validate = (bytes) => !simd(bytes) && validate(bytes);
WebAssembly.Module = function StandIn(bytes) {
  if (simd(bytes)) throw new WebAssembly.CompileError('stand-in: no SIMD');
  return new Module(bytes);
};
`);
    assert.deepEqual(await outcome('no SIMD', ['--require', `./${noSimd}`, '-e', cjs]), {
      name: 'JwtError', code: 'ERR_WASM_UNAVAILABLE', cause: 'CompileError: stand-in: no SIMD',
      message: 'jwt-wasm cannot start: this engine lacks WebAssembly SIMD or reference types, which the module uses (Chrome and Edge have both from 96, Firefox from 89, Safari from 16.4)',
    });
    // Any other failure is named with the glue's own message: the package's module refused by an
    // engine that compiles others (the Node entry fetched nothing, so no word of serving it), an
    // instance refused at link, or memory refused.
    const standIns = {
      'refused module': ["const { Module } = WebAssembly;\nWebAssembly.Module = function StandIn(bytes) {\n  if (bytes.byteLength > 1000) throw new WebAssembly.CompileError('stand-in: refused');\n  return new Module(bytes);\n};\n", 'CompileError: stand-in: refused', 'stand-in: refused'],
      'no instance': ["WebAssembly.Instance = function StandIn() { throw new WebAssembly.LinkError('stand-in: no instance'); };\n", 'LinkError: stand-in: no instance', 'stand-in: no instance'],
      'no memory': ["WebAssembly.Instance = function StandIn() { throw new RangeError('stand-in: out of memory'); };\n", 'RangeError: stand-in: out of memory', 'stand-in: out of memory'],
    };
    for (const [what, [text, cause, said]] of Object.entries(standIns)) {
      const file = snippetFile(`${what.replace(' ', '-')}.cjs`, text);
      assert.deepEqual(await outcome(what, ['--require', `./${file}`, '--input-type=module', '-e', esm]), {
        name: 'JwtError', code: 'ERR_WASM_UNAVAILABLE', cause, message: `jwt-wasm cannot start: its WebAssembly module could not be made (${said})`,
      }, what);
    }
    // The code is listed, after the core's (no function throws it).
    assert.equal(jwt.errorCodes().at(-1), 'ERR_WASM_UNAVAILABLE');
    // Without the stand-ins, the same program loads.
    assert.deepEqual(await outcome('control', ['-e', cjs]), {});
  });

  // A Node program bundled with the package in it (esbuild, as Next.js and others bundle server
  // code): the Node entry requires its .wasm's bytes as a module (pkg/wasm-bytes.cjs), which the
  // bundle takes in, so it runs from anywhere.
  test('Node: bundled into a server bundle by esbuild (CJS and ESM), runs away from node_modules', LIMIT, async () => {
    const { build } = await import('esbuild');
    const dir = join(work, 'node-bundle');
    const source = `import * as jwt from 'jwt-wasm';
import { runChecks } from './runtimes/check.mjs';
import vectors from './runtimes/vectors.js';
console.log('RESULT ' + JSON.stringify(runChecks(jwt, vectors)));
`;
    for (const format of ['cjs', 'esm']) {
      const out = join(dir, `server.${format === 'cjs' ? 'cjs' : 'mjs'}`);
      await build({ stdin: { contents: source, resolveDir: app }, bundle: true, platform: 'node', format, outfile: out, logLevel: 'silent' });
      const bundled = await run(process.execPath, [out], { cwd: dir });
      assert.equal(bundled.status, 0, describeRun(`node ${out}`, bundled));
      assertAllPassed(resultLine(bundled.stdout), `esbuild ${format} bundle`);
    }
  });

  // A frontend app's unit tests: Vitest in its node, jsdom and happy-dom environments, with the
  // package left to Node (Vitest's default) and inlined into Vite's transform with the `browser`
  // condition added (as Svelte's and Solid's testing setups add it). Both take the Node entry,
  // since `node` comes before `browser` in the exports map; inlined, it is an instance apart from
  // require()'s.
  test('Vitest: the checks in the node, jsdom and happy-dom environments, the package external and inlined with the browser condition; fake timers set the clock', LIMIT, async () => {
    // The development tools the app would have installed.
    for (const tool of ['vitest', 'jsdom', 'happy-dom']) symlinkSync(join(ROOT, 'node_modules', tool), join(app, 'node_modules', tool), 'dir');
    const configs = {
      external: '{ test: { include: ["runtimes/vitest-checks.mjs"] } }',
      inlined: '{ resolve: { conditions: ["browser"] }, test: { include: ["runtimes/vitest-checks.mjs"], server: { deps: { inline: ["jwt-wasm"] } } } }',
    };
    const agents = { node: /^node$/, jsdom: /\bjsdom\b/, 'happy-dom': /HappyDOM/ };
    for (const [name, config] of Object.entries(configs)) {
      writeFileSync(join(app, `vitest.${name}.config.mjs`), `export default ${config};\n`);
      for (const [environment, agent] of Object.entries(agents)) {
        const what = `vitest run (${name}, ${environment})`;
        const reportFile = join(work, `vitest-${name}-${environment}.json`);
        const result = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', `vitest.${name}.config.mjs`, '--environment', environment], {
          cwd: app, timeoutMs: 60_000, env: { JWT_WASM_REPORT: reportFile, CI: 'true' },
        });
        assert.equal(result.status, 0, describeRun(what, result));
        const report = JSON.parse(readFileSync(reportFile, 'utf8'));
        assertAllPassed(report, what);
        assert.match(report.environment, agent, `${what}: not run in that environment`);
        assert.equal(report.sameInstanceAsRequire, name === 'external', `${what}: ${name === 'external' ? 'not left to Node' : 'not inlined'}`);
        const signedAt = Date.parse('2030-01-01T00:00:00Z') / 1000;
        assert.deepEqual(report.fakeTimers, {
          iat: signedAt,
          exp: signedAt + 3600,
          before: { expired: false, sub: 'ada' },
          after: { expired: true, secondsLeft: -1, jwtVerify: 'ERR_JWT_EXPIRED', verifier: 'ERR_JWT_EXPIRED' },
        }, `${what}: the fake clock`);
      }
    }
  });

  test('Deno: npm: specifier, no permissions', LIMIT, async () => {
    await runChecksWith('deno run deno-npm.mjs', bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', 'runtimes/deno-npm.mjs'], {
      env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
  });

  test('Deno: bare specifier from package.json, no permissions; jwt-wasm/inline is the same instance', LIMIT, async () => {
    const report = await runChecksWith('deno run main.mjs', bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', 'runtimes/main.mjs'], {
      env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assert.equal(report.inlineIsSameInstance, true, 'jwt-wasm/inline must be the Deno entry');
  });

  test('Deno: jwt-wasm/inline alone (the base64 entry, for Deno before 2.6), no permissions', LIMIT, async () => {
    const report = await runChecksWith('deno run deno-inline.mjs', bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', 'runtimes/deno-inline.mjs'], {
      env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assert.equal(report.entry, 'js/inline.js');
  });

  test('Deno: local path to the package, no permissions', LIMIT, async () => {
    await runChecksWith('deno run deno-path.mjs', bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', 'runtimes/deno-path.mjs'], {
      env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
  });

  test('Deno: a copy of the package imported by path, no package.json, no permissions', LIMIT, async () => {
    // As the README has it for Deno without npm: the package's files in ./vendor/jwt-wasm/.
    const dir = join(work, 'deno-vendored');
    cpSync(join(app, 'node_modules/jwt-wasm'), join(dir, 'vendor/jwt-wasm'), { recursive: true });
    cpSync(join(app, 'runtimes'), join(dir, 'runtimes'), { recursive: true });
    cpSync(join(app, 'vector-cases.mjs'), join(dir, 'vector-cases.mjs'));
    const main = readFileSync(join(dir, 'runtimes/deno-path.mjs'), 'utf8').replace("'../node_modules/jwt-wasm/js/deno.js'", "'../vendor/jwt-wasm/js/deno.js'");
    assert.match(main, /'\.\.\/vendor\/jwt-wasm\/js\/deno\.js'/);
    writeFileSync(join(dir, 'runtimes/deno-vendored.mjs'), main);
    await runChecksWith('deno run deno-vendored.mjs', bin('deno'), ['run', '--no-prompt', 'runtimes/deno-vendored.mjs'], {
      cwd: dir, env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
  });

  test('Bun: import by name; jwt-wasm/inline is the same instance', LIMIT, async () => {
    const report = await runChecksWith('bun main.mjs', bin('bun'), ['runtimes/main.mjs'], { env: { DO_NOT_TRACK: '1', NO_COLOR: '1' } });
    assert.equal(report.inlineIsSameInstance, true, 'jwt-wasm/inline must be the entry Bun takes for jwt-wasm');
  });

  /** What the Worker of `config` (in runtimes/workerd, bundled as wrangler does) answers its first
   * request with. */
  async function workerdReport(config) {
    const server = await startWorkerd(config, { cwd: join(app, 'runtimes/workerd') });
    cleanups.push(server.stop);
    try {
      const response = await fetchBounded(`${server.origin}/`);
      assert.equal(response.status, 200, server.logs());
      return await response.json();
    } finally {
      await server.stop();
    }
  }

  test('workerd: the checks in a Worker bundled as wrangler does', LIMIT, async () => {
    const report = await workerdReport('wrangler.json');
    assertAllPassed(report, 'workerd');
    assert.equal(report.codeGenerationRefused, true, 'this workerd must refuse to compile wasm bytes at run time');
  });

  test('workerd: jwt-wasm/inline alone, imported in a request, is the workerd entry (compiles nothing)', LIMIT, async () => {
    assertAllPassed(await workerdReport('wrangler-inline.json'), 'workerd, jwt-wasm/inline');
  });

  test('workerd: the inline entry taken by path (no workerd condition) fails at import with ERR_WASM_UNAVAILABLE naming the condition to bundle with', LIMIT, async () => {
    const report = await workerdReport('wrangler-wrong-entry.json');
    assert.deepEqual([report.name, report.code], ['JwtError', 'ERR_WASM_UNAVAILABLE'], JSON.stringify(report));
    // The host's refusal, then what to do: the two platforms' conditions, not a CSP's.
    assert.match(report.message, /^jwt-wasm cannot start: this host compiles no WebAssembly from bytes at run time \(.+\): on Cloudflare Workers .+ \(workerd, .+; edge-light, .+\)/);
    assert.doesNotMatch(report.message, /Content-Security-Policy/);
  });

  test('workerd: examples/cloudflare-worker answers 200 with claims, 401 with the error code, 400 and 500 as RFC 6750 and its config ask', LIMIT, async () => {
    const dir = await consumerProject(join(work, 'worker'), tarball, { files: { '.': join(ROOT, 'examples/cloudflare-worker') } });
    const secret = 'worker-test-secret-of-at-least-32-bytes';
    // The example's config with the secret added as a var (wrangler dev would read .dev.vars).
    const config = JSON.parse(readFileSync(join(dir, 'wrangler.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    config.vars = { ...config.vars, JWT_SECRET: secret };
    writeFileSync(join(dir, 'wrangler.test.json'), JSON.stringify(config));
    const server = await startWorkerd('wrangler.test.json', { cwd: dir });
    cleanups.push(server.stop);
    try {
      const claims = { sub: 'user-42', iss: config.vars.JWT_ISSUER, aud: config.vars.JWT_AUDIENCE };
      const tokens = bearerTokens(secret, claims);
      const call = async (authorization, path = '/api/me') => {
        const response = await fetchBounded(`${server.origin}${path}`, { headers: authorization ? { authorization } : {} });
        const text = await response.text();
        return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, auth: response.headers.get('www-authenticate') };
      };

      assert.equal((await call(null, '/')).status, 200, 'public route');
      const ok = await call(`Bearer ${tokens.good}`);
      assert.equal(ok.status, 200, `${JSON.stringify(ok.body)}\n${server.logs()}`);
      assert.deepEqual(ok.body, { route: '/api/me', claims: decodePart(tokens.good.split('.')[1]) });
      for (const authorization of [null, 'Basic dXNlcjpwYXNz', 'Bearer2 x']) {
        const missing = await call(authorization);
        assert.deepEqual([missing.status, missing.body, missing.auth], [401, { error: 'missing_token' }, 'Bearer realm="api"'], String(authorization));
      }
      for (const authorization of ['Bearer', 'Bearer ', `Bearer ${tokens.good} ${tokens.good}`]) {
        const malformed = await call(authorization);
        assert.deepEqual([malformed.status, malformed.body, malformed.auth],
          [400, { error: 'invalid_request' }, 'Bearer realm="api", error="invalid_request"'], authorization);
      }
      const refusals = {
        expired: { code: 'ERR_JWT_EXPIRED', claim: 'exp' },
        tampered: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
        malformed: { code: 'ERR_JWS_INVALID' },
        wrongAudience: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
        wrongSecret: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
        noExpiry: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp' },
      };
      tokens.noExpiry = signedToken({ ...claims, iat: Math.floor(Date.now() / 1000) }, secret);
      for (const [name, expected] of Object.entries(refusals)) {
        const refused = await call(`Bearer ${tokens[name]}`);
        assert.equal(refused.status, 401, name);
        assert.deepEqual(refused.body, { error: 'invalid_token', ...expected }, name);
        assert.match(refused.auth, /error="invalid_token"/, name);
      }
      // The verifier survives all of that.
      assert.equal((await call(`Bearer ${tokens.good}`)).status, 200);
    } finally {
      await server.stop();
    }
    // Deployed without its issuer (or with an empty audience), it answers 500 to every /api/
    // request rather than letting any issuer's token through or blaming the client.
    for (const [name, value] of [['JWT_ISSUER', undefined], ['JWT_AUDIENCE', '']]) {
      const broken = { ...config, vars: { ...config.vars, [name]: value } };
      writeFileSync(join(dir, 'wrangler.broken.json'), JSON.stringify(broken));
      const misconfigured = await startWorkerd('wrangler.broken.json', { cwd: dir });
      cleanups.push(misconfigured.stop);
      try {
        const response = await fetchBounded(`${misconfigured.origin}/api/me`, { headers: { authorization: `Bearer ${bearerTokens(secret, { sub: 'x', iss: 'https://evil', aud: 'admin' }).good}` } });
        await response.arrayBuffer();
        assert.equal(response.status, 500, `${name}: ${misconfigured.logs()}`);
      } finally {
        await misconfigured.stop();
      }
    }
  });
});

// The README's quick-start snippets, copied out of README.md and run as written (only what a
// snippet leaves undefined, such as the token, is set before it, and a report line added after).
describe('README quick start, as written', () => {
  const secret = 'readme-secret-of-at-least-32-bytes-long';
  const now = () => Math.floor(Date.now() / 1000);

  /** What the Workers and Hono snippets answer each Authorization header with, as
   * [authorization (null for none), { status, challenge, body }]: every 401 carries its challenge
   * (RFC 9110 section 11.6.1; RFC 6750 section 3). */
  function bearerCases(tokens) {
    const refused = (code) => ({ status: 401, challenge: 'Bearer error="invalid_token"', body: { code } });
    const required = { status: 401, challenge: 'Bearer', body: { error: 'a Bearer token is required' } };
    return [
      [`Bearer ${tokens.good}`, { status: 200, challenge: null, body: decodePart(tokens.good.split('.')[1]) }],
      [`Bearer ${tokens.expired}`, refused('ERR_JWT_EXPIRED')],
      [`Bearer ${tokens.tampered}`, refused('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')],
      [`Bearer ${tokens.wrongAudience}`, refused('ERR_JWT_CLAIM_VALIDATION_FAILED')],
      [`Bearer ${tokens.wrongSecret}`, refused('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')],
      [`Bearer ${tokens.malformed}`, refused('ERR_JWS_INVALID')],
      // No exp: required by the snippets.
      [`Bearer ${signedToken({ sub: 'user-42', aud: 'api' }, secret)}`, refused('ERR_JWT_CLAIM_VALIDATION_FAILED')],
      // The algorithm is the one `algorithms` allows: HS512 with the same secret is refused.
      [`Bearer ${signedToken({ sub: 'user-42', aud: 'api', exp: now() + 600 }, secret, { alg: 'HS512', typ: 'JWT' })}`, refused('ERR_JOSE_ALG_NOT_ALLOWED')],
      // No token, or one without its scheme: refused before verification.
      ...[null, tokens.good, 'Bearer ', `Basic ${tokens.good}`].map((authorization) => [authorization, required]),
    ];
  }

  /** The answer of the server at `url` to a request with `authorization` (none if null), in
   * bearerCases' form (a 500's body as text). */
  async function answerAt(url, authorization) {
    const response = await fetchBounded(url, { headers: authorization ? { authorization } : {} });
    const text = await response.text();
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body: response.status === 500 ? text : JSON.parse(text) };
  }

  test('Node and Bun: the Node snippet signs, verifies and prepares, as ESM and as CommonJS', LIMIT, async () => {
    const { lang, code } = readmeCode('Node (20 or later), ESM or CommonJS');
    assert.equal(lang, 'js');
    const lines = code.split('\n');
    const importAt = lines.findIndex((line) => /^import \{.*\} from 'jwt-wasm';$/.test(line));
    const requireAt = lines.findIndex((line) => /^\/\/ or: const \{.*\} = require\('jwt-wasm'\);$/.test(line));
    assert.ok(importAt >= 0 && requireAt >= 0, `the snippet shows both import and require:\n${code}`);
    const report = "console.log('RESULT ' + JSON.stringify({ token, payload, protectedHeader, claims }));";
    const esm = [...lines, report].join('\n');
    const cjs = [...lines.map((line, i) => (i === importAt ? lines[requireAt].slice('// or: '.length) : line)), report]
      .filter((_, i) => i !== requireAt).join('\n');
    const files = [snippetFile('node.mjs', esm), snippetFile('node.cjs', cjs)];
    for (const [runtime, command, env] of [['node', process.execPath, {}], ['bun', bin('bun'), { DO_NOT_TRACK: '1', NO_COLOR: '1' }]]) {
      for (const file of files) {
        const what = `${runtime} ${file}`;
        const result = await run(command, [file], { cwd: app, env: { JWT_SECRET: secret, ...env }, timeoutMs: 60_000 });
        assert.equal(result.status, 0, describeRun(what, result));
        const { token, payload, protectedHeader, claims } = resultLine(result.stdout);
        // The token is signed with the secret (checked with node:crypto), and its parts are what
        // verification returned.
        const [header, body, signature] = token.split('.');
        assert.equal(createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url'), signature, what);
        assert.deepEqual(protectedHeader, decodePart(header), what);
        assert.equal(protectedHeader.alg, 'HS256', what);
        assert.deepEqual(payload, decodePart(body), what);
        assert.deepEqual(claims, payload, what);
        const { iat, exp, ...rest } = payload;
        assert.deepEqual(rest, { sub: 'user-42', scope: 'read', iss: 'https://auth.example', aud: 'api' }, what);
        assert.ok(Math.abs(iat - now()) <= 60 && exp === iat + 15 * 60, `${what}: iat ${iat}, exp ${exp}`);
      }
    }
  });

  test('Deno: the Deno snippet verifies with --allow-env as its only permission', LIMIT, async () => {
    const { lang, code } = readmeCode('Deno');
    assert.equal(lang, 'js');
    const claims = { sub: 'user-42', exp: now() + 600 };
    const token = signedToken(claims, secret);
    const file = snippetFile('deno.mjs', `${code}\nconsole.log('RESULT ' + JSON.stringify({ payload }));\n`);
    const result = await run(bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', '--allow-env', file, token], {
      cwd: app, env: { JWT_SECRET: secret, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }, timeoutMs: 60_000,
    });
    assert.equal(result.status, 0, describeRun('deno run readme/deno.mjs', result));
    assert.deepEqual(resultLine(result.stdout).payload, claims);
  });

  test('Express: the Express snippet answers with the claims, or 401 with the code, served on 127.0.0.1', LIMIT, async () => {
    const { lang, code } = readmeCode('Express');
    assert.equal(lang, 'js');
    if (!existsSync(join(app, 'node_modules/express'))) symlinkSync(join(ROOT, 'node_modules/express'), join(app, 'node_modules/express'), 'dir');
    const file = snippetFile('express/app.mjs', `${code}\n`);
    // The app reads its secret at import, from the environment, as the snippet is written.
    process.env.JWT_SECRET = secret;
    let express;
    try {
      express = (await import(pathToFileURL(join(app, file)).href)).default;
    } finally {
      delete process.env.JWT_SECRET;
    }
    const server = await new Promise((resolve, reject) => {
      const listening = express.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve(listening)));
    });
    try {
      const origin = `http://127.0.0.1:${server.address().port}`;
      for (const [authorization, answer] of bearerCases(bearerTokens(secret, { sub: 'user-42', aud: 'api' }))) {
        assert.deepEqual(await answerAt(`${origin}/api/me`, authorization), answer, String(authorization));
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Hono's own middleware verifies asynchronously, with WebCrypto; the README's replaces it. The
  // same app is served by workerd and by deno serve, and asked through app.request under Node,
  // Bun and Deno.
  test('Hono: the Hono snippet answers with the claims, or 401 with the code, in workerd, Node, Bun and Deno (also served by deno serve)', LIMIT, async () => {
    const { lang, code } = readmeCode('Hono (Workers, Bun, Deno and Node)');
    assert.equal(lang, 'js');
    if (!existsSync(join(app, 'node_modules/hono'))) symlinkSync(join(ROOT, 'node_modules/hono'), join(app, 'node_modules/hono'), 'dir');
    snippetFile('hono/app.js', `${code}\n`);
    const tokens = bearerTokens(secret, { sub: 'user-42', aud: 'api' });
    const cases = bearerCases(tokens);
    const expected = cases.map(([, answer]) => answer);
    // Node, Bun and Deno: the app asked in process, the secret in the environment.
    const ask = snippetFile('hono/ask.mjs', `import app from './app.js';
const answers = [];
for (const authorization of ${JSON.stringify(cases.map(([authorization]) => authorization))}) {
  const response = await app.request('/api/me', { headers: authorization ? { authorization } : {} });
  answers.push({ status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() });
}
console.log('RESULT ' + JSON.stringify(answers));
`);
    for (const [runtime, command, args, env] of [
      ['node', process.execPath, [ask], {}],
      ['bun', bin('bun'), [ask], { DO_NOT_TRACK: '1', NO_COLOR: '1' }],
      ['deno', bin('deno'), ['run', '--no-prompt', '--config', 'deno.json', '--allow-env', ask], { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }],
    ]) {
      const result = await run(command, args, { cwd: app, env: { JWT_SECRET: secret, ...env }, timeoutMs: 60_000 });
      assert.equal(result.status, 0, describeRun(`${runtime} ${ask}`, result));
      assert.deepEqual(resultLine(result.stdout), expected, runtime);
    }
    // Deno serving it as the README says (`deno serve --allow-env app.js`), on 127.0.0.1.
    const deno = await startDenoServe('readme/hono/app.js', { cwd: app, flags: ['--config', 'deno.json', '--allow-env'], env: { JWT_SECRET: secret } });
    cleanups.push(deno.stop);
    try {
      for (const [authorization, answer] of cases) assert.deepEqual(await answerAt(`${deno.origin}/api/me`, authorization), answer, `${authorization}\n${deno.logs()}`);
    } finally {
      await deno.stop();
    }
    // workerd: the secret a binding, as wrangler.json's vars give it. The app is served through a
    // module that can hand it other bindings (?secret=, as tests hand app.request an env), to see
    // the verifier made again for a changed secret and an unset one refused.
    snippetFile('hono/rebind.js', `import app from './app.js';
export default {
  fetch(request, env, context) {
    const secret = new URL(request.url).searchParams.get('secret');
    return app.fetch(request, secret === null ? env : { ...env, JWT_SECRET: secret || undefined }, context);
  },
};
`);
    const config = { name: 'readme-hono', main: 'rebind.js', compatibility_date: '2026-01-01', vars: { JWT_SECRET: secret } };
    snippetFile('hono/wrangler.json', JSON.stringify(config));
    const server = await startWorkerd('wrangler.json', { cwd: join(app, 'readme/hono') });
    cleanups.push(server.stop);
    const served = (query, authorization) => answerAt(`${server.origin}/api/me${query}`, authorization);
    try {
      for (const [authorization, answer] of cases) assert.deepEqual(await served('', authorization), answer, `${authorization}\n${server.logs()}`);
      // Outside /api/, the middleware is not asked.
      assert.equal((await fetchBounded(`${server.origin}/other`)).status, 404, server.logs());
      // A rotated secret: the old one's tokens refused, the new one's taken; unset: an error (500), never a pass.
      const rotated = `${secret}-rotated`;
      const rotatedToken = signedToken({ sub: 'user-42', aud: 'api', exp: now() + 600 }, rotated);
      assert.deepEqual(await served(`?secret=${rotated}`, `Bearer ${tokens.good}`), { status: 401, challenge: 'Bearer error="invalid_token"', body: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' } }, server.logs());
      assert.equal((await served(`?secret=${rotated}`, `Bearer ${rotatedToken}`)).status, 200, server.logs());
      assert.equal((await served('?secret=', `Bearer ${tokens.good}`)).status, 500, server.logs());
      assert.equal((await served('', `Bearer ${tokens.good}`)).status, 200, server.logs());
    } finally {
      await server.stop();
    }
  });

  test('Node: the secret-rotation snippet signs with the newest secret and verifies each token with the secret its kid names', LIMIT, async () => {
    const { lang, code } = readmeCode('Rotating a secret (`kid`)');
    assert.equal(lang, 'js');
    const [newer, older] = [`${secret}-2026-11`, `${secret}-2026-10`];
    Object.assign(process.env, { JWT_SECRET_2026_11: newer, JWT_SECRET_2026_10: older });
    const file = snippetFile('rotation.mjs', `${code}\n`);
    const { sign, verify } = await import(pathToFileURL(join(app, file)).href);
    const { signJwt, decodeProtectedHeader } = jwt;
    const signed = sign({ sub: 'user-42' });
    assert.deepEqual(decodeProtectedHeader(signed), { alg: 'HS256', kid: '2026-11' });
    assert.equal(verify(signed).payload.sub, 'user-42');
    const withKid = (kid, key, claims = { sub: 'user-42', aud: 'api', exp: now() + 600 }) => signJwt(claims, key, kid === undefined ? {} : { header: { kid } });
    assert.equal(verify(withKid('2026-10', older)).payload.sub, 'user-42', 'the older secret still verifies its tokens');
    const codeOf = (token) => errorOf(() => verify(token)).code;
    assert.equal(codeOf(withKid('2026-10', newer)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'a kid naming the wrong secret');
    assert.equal(codeOf(withKid('2026-11', older)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'a kid naming the wrong secret');
    for (const kid of ['2026-09', undefined, 7, '__proto__', 'constructor']) {
      assert.equal(codeOf(withKid(kid, newer)), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', `kid ${String(kid)}`);
    }
    assert.equal(codeOf(withKid('2026-10', older, { sub: 'user-42', aud: 'api', exp: now() - 60 })), 'ERR_JWT_EXPIRED');
    assert.equal(codeOf(withKid('2026-10', older, { sub: 'user-42', aud: 'web', exp: now() + 600 })), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    assert.equal(codeOf(withKid('2026-10', older, { sub: 'user-42', aud: 'api' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'no exp');
    const hs512 = signJwt({ sub: 'user-42', aud: 'api', exp: now() + 600 }, newer, { alg: 'HS512', header: { kid: '2026-11' } });
    assert.equal(codeOf(hs512), 'ERR_JOSE_ALG_NOT_ALLOWED', 'the algorithm is pinned');
    assert.equal(codeOf('not.a.token'), 'ERR_JWS_INVALID');
  });

  test('Node: the wrong-device-clock snippet gives the time left by the server\'s clock, from the iat of a token as it arrives', LIMIT, async () => {
    const { lang, code } = readmeCode('A device clock that is wrong');
    assert.equal(lang, 'js');
    const file = snippetFile('device-clock.mjs', `${code}\n`);
    const { receive, secondsLeft } = await import(pathToFileURL(join(app, file)).href);
    const { signJwt, expiryInfo } = jwt;
    const stored = new Map();
    const realNow = Date.now;
    // Node 26 has a sessionStorage of its own (an accessor): put back whatever was there.
    const own = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    Object.defineProperty(globalThis, 'sessionStorage', {
      value: { getItem: (name) => stored.get(name) ?? null, setItem: (name, value) => stored.set(name, value) }, configurable: true, writable: true,
    });
    try {
      const hours = 3600 * 1000;
      for (const deviceOffset of [-2 * hours, 2 * hours]) {
        const label = `device clock ${deviceOffset / hours} h off`;
        const serverNow = realNow();
        const iat = Math.floor(serverNow / 1000);
        const token = signJwt({ sub: 'user-42', iat, exp: iat + 900 }, secret);
        Date.now = () => serverNow + deviceOffset;
        receive(token);
        // By the device's clock alone, the token is two hours off.
        assert.ok(Math.abs(expiryInfo(token).secondsLeft - (900 - deviceOffset / 1000)) <= 1, label);
        const left = secondsLeft();
        assert.ok(left >= 899 && left <= 900, `${label}: ${left}`);
        // 901 seconds later on the device, expired by the server's clock.
        Date.now = () => serverNow + deviceOffset + 901 * 1000;
        assert.ok(secondsLeft() <= 0, label);
        Date.now = realNow;
      }
      // Without iat, the device's clock.
      const noIat = signJwt({ sub: 'user-42', exp: Math.floor(realNow() / 1000) + 900 }, secret);
      Date.now = () => realNow() + 2 * hours;
      receive(noIat);
      assert.ok(secondsLeft() <= 900 - 7199, 'no iat: no correction');
    } finally {
      Date.now = realNow;
      if (own) Object.defineProperty(globalThis, 'sessionStorage', own);
      else delete globalThis.sessionStorage;
    }
  });

  test('workerd: the Workers snippet answers with the claims, or 401 with the code (exp and the Bearer scheme required)', LIMIT, async () => {
    const { lang, code } = readmeCode('Cloudflare Workers');
    assert.equal(lang, 'js');
    snippetFile('worker/worker.js', `${code}\n`);
    const config = { name: 'readme-worker', main: 'worker.js', compatibility_date: '2026-01-01', vars: { JWT_SECRET: secret } };
    snippetFile('worker/wrangler.json', JSON.stringify(config));
    const server = await startWorkerd('wrangler.json', { cwd: join(app, 'readme/worker') });
    cleanups.push(server.stop);
    try {
      for (const [authorization, answer] of bearerCases(bearerTokens(secret, { sub: 'user-42', aud: 'api' }))) {
        assert.deepEqual(await answerAt(`${server.origin}/`, authorization), answer, `${authorization}\n${server.logs()}`);
      }
    } finally {
      await server.stop();
    }
  });
});

let browser; // headless Chromium, launched by the first test that opens a page

/** The shared headless Chromium, launched on first use and closed at the end. */
async function chromiumBrowser() {
  if (!browser) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 60_000 });
    cleanups.push(() => browser.close());
  }
  return browser;
}

/** Opens a page and returns what `read` finds once `ready` holds; errors say what the page said. */
async function inPage(url, ready, read) {
  const page = await (await chromiumBrowser()).newPage();
  const said = [];
  page.on('console', (message) => said.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => said.push(`requestfailed: ${request.url()}`));
  page.on('response', (response) => response.status() >= 400 && said.push(`HTTP ${response.status()}: ${response.url()}`));
  // An uncaught error in the page fails at once rather than at the deadline.
  const crashed = new Promise((resolve, reject) => page.once('pageerror', reject));
  crashed.catch(() => {});
  try {
    await page.goto(url, { timeout: 20_000 });
    await Promise.race([page.waitForFunction(ready, null, { timeout: 20_000, polling: 100 }), crashed]);
    return await page.evaluate(read);
  } catch (error) {
    throw new Error(`${url}: ${error.message}\n${said.join('\n')}`);
  } finally {
    await page.close();
  }
}

/** Builds, once, the esbuild IIFE bundles of jwt-wasm/inline that the browsers load: a classic
 * service worker in dist-inline-sw/ (beside the page that registers it) and a page in
 * dist-inline-page/, neither with a .wasm file beside it. */
let inlineBundlesBuilt;
function inlineBundles() {
  inlineBundlesBuilt ??= (async () => {
    const { build } = await import('esbuild');
    const iife = (entry, outdir) => build({
      entryPoints: [join(app, 'runtimes/browser', entry)], bundle: true, format: 'iife', platform: 'browser',
      outdir: join(app, outdir), absWorkingDir: app, logLevel: 'silent',
    });
    await iife('checks-sw.js', 'dist-inline-sw');
    for (const file of ['sw.html', 'sw-page.js']) copyFileSync(join(app, 'runtimes/browser', file), join(app, 'dist-inline-sw', file));
    await iife('checks-inline.js', 'dist-inline-page');
    writeFileSync(join(app, 'dist-inline-page/index.html'), '<!doctype html><meta charset="utf-8"><script src="./checks-inline.js"></script>\n');
  })();
  return inlineBundlesBuilt;
}

/** The report of the shared checks in the page at `url`. */
const checksIn = (url) => inPage(url, () => window.jwtChecks !== undefined, () => window.jwtChecks);

// Next.js, built by `next build` with each of its bundlers and served by `next start`, and run by
// `next dev` with each bundler: the checks in an edge route (the `edge-light` entry, with run-time
// compilation refused as Vercel's edge runtime refuses it) and in a Node.js-runtime route (the Node
// entry, bundled into the server bundle with its .wasm's bytes, no configuration) and a server
// component, a client component in Chromium (the browser entry), the README's route handler as
// written, and a proxy (formerly middleware, on the Node.js runtime) that guards a route. Next,
// React and React DOM are installed into the project at the versions of the repository's lock
// file, from npm's cache where it has them (npm ci caches the packages it fetched, but not the
// registry's documents that name their versions, so on a fresh machine npm asks the registry).
describe('Next.js', () => {
  let dir;
  const secret = 'next-test-secret-of-at-least-32-bytes!!';

  before(async () => {
    dir = await consumerProject(join(work, 'next'), tarball, {
      files: {
        app: join(ROOT, 'pkg-tests/runtimes/next/app'),
        'proxy.js': join(ROOT, 'pkg-tests/runtimes/next/proxy.js'),
        'runtimes/check.mjs': join(ROOT, 'pkg-tests/runtimes/check.mjs'),
        'runtimes/differential.mjs': join(ROOT, 'pkg-tests/runtimes/differential.mjs'),
        'vector-cases.mjs': join(ROOT, 'pkg-tests/vector-cases.mjs'),
      },
      packageJson: { name: 'next-consumer', private: true },
    });
    writeVectorsModule(join(dir, 'runtimes/vectors.js'), { differential });
    const fromRoot = createRequire(join(ROOT, 'package.json'));
    const versions = ['next', 'react', 'react-dom'].map((name) => `${name}@${fromRoot(`${name}/package.json`).version}`);
    const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...versions], { cwd: dir, timeoutMs: 150_000 });
    assert.equal(installed.status, 0, describeRun(`npm install ${versions.join(' ')}`, installed));
    const { lang, code } = readmeCode('Next.js');
    assert.equal(lang, 'js');
    assert.match(code, /^\/\/ app\/api\/me\/route\.js\n/, 'the README snippet names its file');
    mkdirSync(join(dir, 'app/api/me'), { recursive: true });
    writeFileSync(join(dir, 'app/api/me/route.js'), `${code}\n`);
  }, { timeout: 240_000 });

  /**
   * The checks against a running app: the edge route (its instance made from the shipped module,
   * with compilation of bytes refused), the Node.js route, the server component, the client
   * component in Chromium, the README route handler and the proxy. `fetchMs` bounds each request
   * (a dev server compiles a route at its first request).
   */
  async function checkApp(server, what, fetchMs) {
    const get = async (path, headers = {}) => {
      const response = await fetchBounded(`${server.origin}${path}`, { headers }, fetchMs);
      return { status: response.status, body: await response.json() };
    };
    const edge = await get('/checks');
    assert.equal(edge.status, 200, server.logs());
    assertAllPassed(edge.body, `${what} edge`);
    // The package made its instance from the module the bundler shipped, and tried to compile
    // nothing; the guard did refuse a compilation of bytes when asked.
    assert.equal(edge.body.instancesAtImport, 1, 'one instance at import, made after the guard was in place');
    assert.ok(edge.body.instancesMade >= 1, 'instances made');
    assert.deepEqual(edge.body.refusedBefore, [], 'the package tried to compile bytes');
    assert.equal(edge.body.codeGenerationRefused, true);
    assert.equal(edge.body.edgeRuntime, 'string', 'the route ran on the edge runtime (EdgeRuntime is defined there)');
    // jwt-wasm/inline alone is the same entry there.
    const inline = await get('/inline-checks');
    assert.equal(inline.status, 200, server.logs());
    assertAllPassed(inline.body, `${what} edge, jwt-wasm/inline`);
    assert.deepEqual(inline.body.refusedBefore, [], 'jwt-wasm/inline tried to compile bytes');
    const node = await get('/node-checks');
    assert.equal(node.status, 200, server.logs());
    assertAllPassed(node.body, `${what} Node.js runtime`);
    assert.equal(node.body.edgeRuntime, 'undefined', 'the route ran on the Node.js runtime');
    // A client component: the browser entry in Next's browser bundle, run in Chromium.
    assertAllPassed(await checksIn(`${server.origin}/client-checks`), `${what} client component`);
    // A server component, rendered on the Node.js runtime; its report read from the page.
    const rendered = await inPage(`${server.origin}/server-checks`, () => document.querySelector('#report') !== null,
      () => document.querySelector('#report').textContent);
    assertAllPassed(JSON.parse(rendered), `${what} server component`);

    const tokens = bearerTokens(secret, { sub: 'user-42', aud: 'api' });
    assert.deepEqual(await get('/api/me', { authorization: `Bearer ${tokens.good}` }), { status: 200, body: decodePart(tokens.good.split('.')[1]) }, server.logs());
    for (const [name, code] of [
      ['expired', 'ERR_JWT_EXPIRED'], ['tampered', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      ['wrongAudience', 'ERR_JWT_CLAIM_VALIDATION_FAILED'], ['wrongSecret', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      ['malformed', 'ERR_JWS_INVALID'],
    ]) {
      assert.deepEqual(await get('/api/me', { authorization: `Bearer ${tokens[name]}` }), { status: 401, body: { code } }, name);
    }
    const noExp = signedToken({ sub: 'user-42', aud: 'api' }, secret);
    assert.deepEqual(await get('/api/me', { authorization: `Bearer ${noExp}` }), { status: 401, body: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' } }, 'no exp');
    for (const headers of [{}, { authorization: tokens.good }]) {
      assert.deepEqual(await get('/api/me', headers), { status: 401, body: { error: 'a Bearer token is required' } }, 'no Bearer token');
    }
    // Every 401 of the route carries its challenge (RFC 9110 section 11.6.1; RFC 6750 section 3).
    const challenge = async (headers) => (await fetchBounded(`${server.origin}/api/me`, { headers }, fetchMs)).headers.get('www-authenticate');
    assert.equal(await challenge({ authorization: `Bearer ${tokens.expired}` }), 'Bearer error="invalid_token"');
    assert.equal(await challenge({}), 'Bearer');
    // proxy.js, on the Node.js runtime, in front of /guarded.
    assert.deepEqual(await get('/guarded', { authorization: `Bearer ${tokens.good}` }), { status: 200, body: { subject: 'user-42' } });
    assert.deepEqual(await get('/guarded', { authorization: `Bearer ${tokens.expired}` }), { status: 401, body: { code: 'ERR_JWT_EXPIRED' } });
    assert.deepEqual(await get('/guarded'), { status: 401, body: { code: 'ERR_JWS_INVALID' } });
  }

  const BUNDLERS = [['Turbopack', []], ['webpack', ['--webpack']]];
  const WHAT = 'checks in an edge route (by name and as jwt-wasm/inline), a Node.js route, a server component and a client component, the README route handler, a proxy';

  for (const [bundler, flags] of BUNDLERS) {
    // The build, the server's start, 16 requests and a page, each with its own deadline, fit in this.
    test(`Next.js (${bundler}), next build and next start: ${WHAT}`, { timeout: 420_000 }, async () => {
      const built = await run(process.execPath, [nextCli(dir), 'build', ...flags], { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: '1' }, timeoutMs: 120_000 });
      assert.equal(built.status, 0, describeRun(`next build ${flags.join(' ')}`, built));
      const server = await startNext(dir, { env: { JWT_SECRET: secret } });
      cleanups.push(server.stop);
      try {
        await checkApp(server, `Next.js ${bundler}`, 10_000);
      } finally {
        await server.stop();
      }
    });
  }

  for (const [bundler, flags] of BUNDLERS) {
    // The dev server compiles each route at its first request: up to 60 s each, 16 requests.
    test(`Next.js (${bundler}), next dev: ${WHAT}`, { timeout: 600_000 }, async () => {
      const server = await startNext(dir, { command: ['dev', ...flags], env: { JWT_SECRET: secret }, timeoutMs: 60_000 });
      cleanups.push(server.stop);
      try {
        await checkApp(server, `Next.js dev ${bundler}`, 60_000);
      } finally {
        await server.stop();
      }
    });
  }
});

describe('Chromium', () => {
  let appServer;

  before(async () => {
    await chromiumBrowser();
    appServer = await serveStatic(app);
    cleanups.push(appServer.close);
  }, LIMIT);

  /** The session example at `url`, checked with a valid, an expired, a just-expired, an
   * expiring (inside the refresh margin), a not-yet-valid and a malformed token. */
  async function sessionExampleAt(url) {
    const tokens = bearerTokens('any-secret: the page does not verify', { sub: 'user-42' });
    const status = (token) => inPage(`${url}#access_token=${token}`, () => document.querySelector('#status')?.dataset.state !== 'none',
      () => ({ ...document.querySelector('#status').dataset, text: document.querySelector('#status').textContent, address: location.href }));
    const valid = await status(tokens.good);
    assert.equal(valid.state, 'valid', JSON.stringify(valid));
    // The countdown is to exp itself.
    assert.ok(Number(valid.secondsLeft) > 500 && Number(valid.secondsLeft) <= 600, JSON.stringify(valid));
    assert.match(valid.text, /^Session expires in \d+ min \d+ s/);
    // The token read from the fragment is taken off the address bar.
    assert.ok(!valid.address.includes(tokens.good) && !valid.address.includes('#'), valid.address);
    const expired = await status(tokens.expired);
    assert.equal(expired.state, 'expired', JSON.stringify(expired));
    const now = Math.floor(Date.now() / 1000);
    // Just past exp: expired, as a server verifying with no leeway says (no tolerance here).
    const ended = await status(signedToken({ sub: 'user-42', exp: now - 2 }, 'any secret'));
    assert.equal(ended.state, 'expired', JSON.stringify(ended));
    // Inside the last minute: still valid, and the page says to refresh it now.
    const ending = await status(signedToken({ sub: 'user-42', exp: now + 30 }, 'any secret'));
    assert.equal(ending.state, 'expiring', JSON.stringify(ending));
    assert.ok(Number(ending.secondsLeft) > 0 && Number(ending.secondsLeft) <= 60, JSON.stringify(ending));
    assert.match(ending.text, /^Session expires in \d+ s \(at .*\): refresh it now\.$/);
    const early = await status(signedToken({ sub: 'user-42', nbf: now + 3600, exp: now + 7200 }, 'any secret'));
    assert.equal(early.state, 'not-yet-valid', JSON.stringify(early));
    // Times beyond what a Date holds: the verdict stands, and no "Invalid Date" is shown.
    const ancient = await status(signedToken({ sub: 'user-42', exp: -1e20 }, 'any secret'));
    assert.deepEqual([ancient.state, ancient.text], ['expired', 'Session expired at a time out of the range of dates.']);
    const far = await status(signedToken({ sub: 'user-42', exp: 1e20 }, 'any secret'));
    assert.deepEqual([far.state, far.text], ['valid', 'Session expires at a time out of the range of dates.']);
    const distant = await status(signedToken({ sub: 'user-42', nbf: 1e20 }, 'any secret'));
    assert.deepEqual([distant.state, distant.text], ['not-yet-valid', 'Session not valid before a time out of the range of dates.']);
    const malformed = await status(tokens.malformed);
    assert.deepEqual([malformed.state, malformed.text], ['invalid', 'Not a readable token (ERR_JWT_INVALID).']);
  }

  let session; // the browser example as its own consumer project, served from its folder
  const sessionProject = async () => {
    if (!session) {
      const dir = await consumerProject(join(work, 'session'), tarball, { files: { '.': join(ROOT, 'examples/browser-session') } });
      const server = await serveStatic(dir);
      cleanups.push(server.close);
      session = { dir, origin: server.origin };
    }
    return session;
  };

  test('Chromium: the README esbuild build script, as written, bundles the checks', LIMIT, async () => {
    const { lang, code } = readmeCode('Browser, through a bundler');
    assert.equal(lang, 'js');
    assert.match(code, /entryPoints: \['src\/app\.js'\]/);
    // A project folder with the script and its entry (src/app.js, the checks); esbuild is the
    // development tool the project would have installed.
    snippetFile('esbuild/build.mjs', `${code}\n`);
    snippetFile('esbuild/src/app.js', "import '../../../runtimes/browser/checks.js';\n");
    symlinkSync(join(ROOT, 'node_modules/esbuild'), join(app, 'node_modules/esbuild'), 'dir');
    const result = await run(process.execPath, ['build.mjs'], { cwd: join(app, 'readme/esbuild'), timeoutMs: 60_000 });
    assert.equal(result.status, 0, describeRun('node build.mjs (README)', result));
    snippetFile('esbuild/dist/index.html', '<!doctype html><meta charset="utf-8"><script type="module" src="./app.js"></script>\n');
    assertAllPassed(await checksIn(`${appServer.origin}/readme/esbuild/dist/index.html`), 'Chromium, README esbuild script');
  });

  test('Chromium: the README browser snippet, as written, with the import map it shows', LIMIT, async () => {
    const { lang, code } = readmeCode('Browser, native ESM (no bundler)');
    assert.equal(lang, 'html');
    const now = Math.floor(Date.now() / 1000);
    // What the page around the snippet provides: the stored token, refresh() and a record of what
    // the snippet logs.
    const page = (token) => [
      '<!doctype html><meta charset="utf-8">',
      '<script>',
      token === null ? "  sessionStorage.removeItem('access_token');" : `  sessionStorage.setItem('access_token', ${JSON.stringify(token)});`,
      '  window.refresh = () => { window.refreshed = true; };',
      '  const log = console.log;',
      '  console.log = (...values) => { window.logged = values; log(...values); };',
      '</script>',
      code,
      '',
    ].join('\n');
    // [exp from now (null: no token stored; undefined: a token without exp; a string: that string
    // stored instead of a token), whether the snippet refreshes (a minute before exp); if it does
    // not, it logs the seconds left]
    for (const [name, expIn, refreshes] of [
      ['valid', 600, false], ['last-minute', 30, true], ['just-expired', -10, true], ['expired', -3600, true], ['none', null, true],
      ['no-exp', undefined, false], ['unreadable', 'undefined', true],
    ]) {
      const claims = expIn === undefined ? { sub: 'user-42' } : { sub: 'user-42', exp: now + expIn };
      // A string stored by mistake (sessionStorage.setItem('access_token', undefined) stores "undefined").
      const token = expIn === null ? null : typeof expIn === 'string' ? expIn : signedToken(claims, 'any secret');
      snippetFile(`browser-${name}.html`, page(token));
      const seen = await inPage(`${appServer.origin}/readme/browser-${name}.html`, () => window.logged !== undefined || window.refreshed,
        () => ({ refreshed: window.refreshed === true, logged: window.logged ?? null }));
      assert.equal(seen.refreshed, refreshes, `${name}: ${JSON.stringify(seen)}`);
      if (refreshes) {
        assert.equal(seen.logged, null, name);
      } else {
        assert.equal(seen.logged.length, 1, name);
        const [secondsLeft] = seen.logged;
        if (expIn === undefined) assert.equal(secondsLeft, Infinity, name);
        else assert.ok(Math.abs(secondsLeft - expIn) <= 60, `${name}: secondsLeft ${secondsLeft}, exp in ${expIn}`);
      }
    }
  });

  test('Chromium: the README service worker snippet, as written, adds the token to same-origin /api/ requests while it is unexpired, also once the browser has stopped and restarted the worker, and sends them without one it cannot read', LIMIT, async () => {
    const { lang, code } = readmeCode('Service workers, browser extensions and IIFE bundles: `jwt-wasm/inline`');
    assert.equal(lang, 'js');
    assert.match(code, /^\/\/ sw\.js: /, 'the README snippet names its file');
    // The API: answers with the Authorization header it got.
    const echo = (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ authorization: request.headers.authorization ?? null }));
    };
    const server = await serveStatic(app, { '/api/echo': echo, '/other/echo': echo });
    cleanups.push(server.close);
    snippetFile('sw/sw.js', `${code}\n`);
    const now = Math.floor(Date.now() / 1000);
    const tokens = {
      good: signedToken({ sub: 'user-42', exp: now + 600 }, 'any secret: the worker does not verify'),
      expired: signedToken({ sub: 'user-42', exp: now - 60 }, 'any secret: the worker does not verify'),
    };
    // The page registers the worker and opens a frame, which the worker controls (a page is
    // controlled from its next load on); the frame hands the worker a token, then fetches until
    // the header is the one expected (at most 3 s), so that it waits for the message to arrive.
    snippetFile('sw/index.html', [
      '<!doctype html><meta charset="utf-8">',
      '<script type="module">',
      '  try {',
      "    await navigator.serviceWorker.register('./sw.js', { type: 'module' });",
      '    await navigator.serviceWorker.ready;',
      "    document.body.append(Object.assign(document.createElement('iframe'), { src: './frame.html' }));",
      '  } catch (error) {',
      '    window.swResult = { error: `${error.name}: ${error.message}` };',
      '  }',
      '</script>',
      '',
    ].join('\n'));
    snippetFile('sw/frame.html', [
      '<!doctype html><meta charset="utf-8">',
      '<script type="module">',
      `  const tokens = ${JSON.stringify(tokens)};`,
      "  const header = async (path) => (await (await fetch(path)).json()).authorization;",
      '  async function until(path, expected) {',
      '    let seen;',
      '    for (let i = 0; i < 60 && (seen = await header(path)) !== expected; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));',
      '    return seen;',
      '  }',
      '  const worker = navigator.serviceWorker.controller;',
      '  const result = { controlled: worker !== null };',
      '  try {',
      "    result.before = await header('/api/echo');",
      '    worker.postMessage({ token: tokens.good });',
      "    result.good = await until('/api/echo', `Bearer ${tokens.good}`);",
      "    result.otherPath = await header('/other/echo');",
      // The test stops the worker, as the browser stops an idle one: the next request starts it
      // afresh, without its variables.
      "    parent.swStage = 'stop';",
      '    for (let i = 0; i < 100 && parent.swStopped !== true; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));',
      "    result.afterRestart = await header('/api/echo');",
      '    worker.postMessage({ token: tokens.expired });',
      "    result.expired = await until('/api/echo', null);",
      // A token the worker cannot read (the page stored String(undefined)): sent without it too.
      '    worker.postMessage({ token: tokens.good });',
      "    await until('/api/echo', `Bearer ${tokens.good}`);",
      "    worker.postMessage({ token: 'undefined' });",
      "    result.unreadable = await until('/api/echo', null);",
      '  } catch (error) {',
      '    result.error = `${error.name}: ${error.message}`;',
      '  }',
      '  parent.swResult = result;',
      '</script>',
      '',
    ].join('\n'));
    const page = await (await chromiumBrowser()).newPage();
    const said = [];
    page.on('console', (message) => said.push(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
    let seen;
    try {
      await page.goto(`${server.origin}/readme/sw/index.html`, { timeout: 20_000 });
      await page.waitForFunction(() => window.swStage === 'stop' || window.swResult !== undefined, null, { timeout: 20_000, polling: 100 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.evaluate(() => {
        window.swStopped = true;
      });
      await page.waitForFunction(() => window.swResult !== undefined, null, { timeout: 20_000, polling: 100 });
      seen = await page.evaluate(() => window.swResult);
    } catch (error) {
      throw new Error(`${error.message}\n${said.join('\n')}`);
    } finally {
      await page.close();
    }
    assert.deepEqual(seen, {
      controlled: true, before: null, good: `Bearer ${tokens.good}`, otherPath: null, afterRestart: `Bearer ${tokens.good}`, expired: null, unreadable: null,
    });
  });

  test('Chromium, native ESM with an import map: checks and examples/browser-session', LIMIT, async () => {
    assertAllPassed(await checksIn(`${appServer.origin}/runtimes/browser/checks.html`), 'Chromium native ESM');
    const { origin } = await sessionProject();
    await sessionExampleAt(`${origin}/index.html`);
  });

  test('Chromium, esbuild bundle (.wasm copied next to the bundle): checks and examples/browser-session', LIMIT, async () => {
    const esbuild = await import('esbuild');
    const bundle = async (projectDir, entry, outdir, html) => {
      await esbuild.build({
        entryPoints: [join(projectDir, entry)], bundle: true, format: 'esm', platform: 'browser',
        outdir: join(projectDir, outdir), absWorkingDir: projectDir, logLevel: 'silent',
      });
      // The one build step esbuild users add: the .wasm goes next to the bundle.
      const wasm = createRequire(join(projectDir, 'package.json')).resolve('jwt-wasm/jwt_wasm_bg.wasm');
      copyFileSync(wasm, join(projectDir, outdir, 'jwt_wasm_bg.wasm'));
      writeFileSync(join(projectDir, outdir, html.name), html.text);
    };
    const script = (src) => `<!doctype html><meta charset="utf-8"><script type="module" src="./${src}"></script>\n`;
    await bundle(app, 'runtimes/browser/checks.js', 'dist-esbuild', { name: 'checks.html', text: script('checks.js') });
    assertAllPassed(await checksIn(`${appServer.origin}/dist-esbuild/checks.html`), 'Chromium esbuild');

    const { dir, origin } = await sessionProject();
    await bundle(dir, 'session.js', 'dist-esbuild', { name: 'index.html', text: readFileSync(join(dir, 'index.html'), 'utf8') });
    const bundled = readFileSync(join(dir, 'dist-esbuild/session.js'), 'utf8');
    assert.ok(!/from\s*['"]jwt-wasm['"]/.test(bundled), 'the page must use the bundle, not the import map');
    await sessionExampleAt(`${origin}/dist-esbuild/index.html`);
  });

  test('Chromium: require(\'jwt-wasm\') in CommonJS source bundled for the browser (esbuild, an IIFE) gets jwt-wasm/inline and runs the checks', LIMIT, async () => {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(app, 'runtimes/browser/checks-require.cjs')], bundle: true, format: 'iife', platform: 'browser',
      outfile: join(app, 'dist-require/checks.js'), absWorkingDir: app, logLevel: 'silent',
    });
    writeFileSync(join(app, 'dist-require/index.html'), '<!doctype html><meta charset="utf-8"><script src="./checks.js"></script>\n');
    assert.ok(!existsSync(join(app, 'dist-require/jwt_wasm_bg.wasm')), 'no .wasm beside the bundle');
    assertAllPassed(await checksIn(`${appServer.origin}/dist-require/index.html`), 'Chromium require');
  });

  // The browser entry fetches its .wasm: a bundle without it beside (esbuild, Rollup) gets a 404,
  // or, from a server that answers every path with the app's page, HTML. Either, and a page where
  // WebAssembly is off or its compiling refused by a Content-Security-Policy, makes the import fail
  // with a coded error that says why and what to do (the inline entry's likewise).
  test('Chromium: an import that cannot start says why, with ERR_WASM_UNAVAILABLE: the .wasm missing or answered by a page, WebAssembly or fetch off, compiling refused by a CSP (browser entry and jwt-wasm/inline)', LIMIT, async () => {
    const copy = join(work, 'unavailable');
    cpSync(join(app, 'node_modules/jwt-wasm'), copy, { recursive: true, dereference: true });
    const page = (entry, { noWasm = false, noFetch = false } = {}) => `<!doctype html><meta charset="utf-8"><script type="module">
${noWasm ? 'delete globalThis.WebAssembly;' : ''}${noFetch ? 'delete globalThis.fetch;' : ''}
try {
  const jwt = await import('${entry}');
  window.outcome = { loaded: typeof jwt.decodeJwt };
} catch (error) {
  window.outcome = { name: error.name, code: error.code, message: error.message };
}
</script>
`;
    const html = (text, headers = {}) => (request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
    const csp = { 'content-security-policy': "script-src 'self' 'unsafe-inline'" };
    const pages = {
      '/browser.html': html(page('/js/browser.js')),
      '/inline.html': html(page('/js/inline.js')),
      '/browser-no-wasm.html': html(page('/js/browser.js', { noWasm: true })),
      '/browser-no-fetch.html': html(page('/js/browser.js', { noFetch: true })),
      '/inline-no-wasm.html': html(page('/js/inline.js', { noWasm: true })),
      '/browser-csp.html': html(page('/js/browser.js'), csp),
      '/inline-csp.html': html(page('/js/inline.js'), csp),
    };
    const wasmPath = '/pkg/wasm/jwt_wasm_bg.wasm';
    const servers = {
      whole: await serveStatic(copy, pages),
      missing: await serveStatic(copy, { ...pages, [wasmPath]: (request, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n') }),
      fallback: await serveStatic(copy, { ...pages, [wasmPath]: html('<!doctype html><title>The app</title><div id="root"></div>\n') }),
    };
    for (const server of Object.values(servers)) cleanups.push(server.close);
    const outcome = (server, path) => inPage(`${servers[server].origin}${path}`, () => window.outcome !== undefined, () => window.outcome);

    // Served whole, both entries load.
    assert.deepEqual(await outcome('whole', '/browser.html'), { loaded: 'function' });
    assert.deepEqual(await outcome('whole', '/inline.html'), { loaded: 'function' });
    const serveIt = "serve the package's pkg/wasm/jwt_wasm_bg.wasm beside the bundle (esbuild, Rollup, Angular's and Bun's bundlers do not emit it: see the README), or import 'jwt-wasm/inline', which needs no file";
    const missing = await outcome('missing', '/browser.html');
    assert.deepEqual([missing.name, missing.code], ['JwtError', 'ERR_WASM_UNAVAILABLE'], JSON.stringify(missing));
    assert.equal(missing.message, `jwt-wasm cannot start: its WebAssembly module could not be fetched (failed to fetch Wasm: 404 Not Found fetching '${servers.missing.origin}${wasmPath}'): ${serveIt}`);
    const fallback = await outcome('fallback', '/browser.html');
    assert.equal(fallback.code, 'ERR_WASM_UNAVAILABLE', JSON.stringify(fallback));
    assert.match(fallback.message, /^jwt-wasm cannot start: what was fetched as jwt_wasm_bg\.wasm is not its WebAssembly module \(.*magic.*; a server answers so, with a page, for a file it does not have\): /);
    assert.ok(fallback.message.endsWith(serveIt), fallback.message);
    // The inline entry has no file to miss.
    assert.deepEqual(await outcome('missing', '/inline.html'), { loaded: 'function' });
    const none = "jwt-wasm cannot start: this runtime has no WebAssembly (turned off by a policy, a hardened browsing mode or node --jitless; some engines, such as React Native's Hermes, have none)";
    for (const path of ['/browser-no-wasm.html', '/inline-no-wasm.html']) {
      assert.deepEqual(await outcome('whole', path), { name: 'JwtError', code: 'ERR_WASM_UNAVAILABLE', message: none }, path);
    }
    assert.deepEqual(await outcome('whole', '/browser-no-fetch.html'), {
      name: 'JwtError', code: 'ERR_WASM_UNAVAILABLE', message: "jwt-wasm cannot start: this runtime has no fetch, which the browser entry loads its .wasm with: import 'jwt-wasm/inline'",
    });
    for (const path of ['/browser-csp.html', '/inline-csp.html']) {
      const refused = await outcome('whole', path);
      assert.equal(refused.code, 'ERR_WASM_UNAVAILABLE', `${path}: ${JSON.stringify(refused)}`);
      assert.match(refused.message, /^jwt-wasm cannot start: compiling WebAssembly is refused here \(.+\): under a Content-Security-Policy, script-src needs 'wasm-unsafe-eval'$/, path);
    }
  });

  // Bun's bundler, as `bun build` and Bun.serve's HTML imports run it, does not follow the glue's
  // new URL(…, import.meta.url): the browser entry's page needs the .wasm copied beside it, as
  // with esbuild, and jwt-wasm/inline needs nothing.
  test('Chromium, Bun\'s bundler (bun build of HTML pages): the checks through jwt-wasm/inline as built, and through the browser entry once its .wasm is copied beside the bundle', LIMIT, async () => {
    const page = (script) => `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="../runtimes/browser/${script}"></script></body></html>\n`;
    mkdirSync(join(app, 'bun-pages'), { recursive: true });
    writeFileSync(join(app, 'bun-pages/browser.html'), page('checks.js'));
    writeFileSync(join(app, 'bun-pages/inline.html'), page('checks-inline.js'));
    const built = await run(bin('bun'), ['build', 'bun-pages/browser.html', 'bun-pages/inline.html', '--outdir', 'dist-bun'], {
      cwd: app, env: { DO_NOT_TRACK: '1', NO_COLOR: '1' }, timeoutMs: 60_000,
    });
    assert.equal(built.status, 0, describeRun('bun build', built));
    assert.ok(!readdirSync(join(app, 'dist-bun')).some((file) => file.endsWith('.wasm')), 'bun build emitted the .wasm');
    assertAllPassed(await checksIn(`${appServer.origin}/dist-bun/inline.html`), 'Chromium, bun build, jwt-wasm/inline');
    await assert.rejects(checksIn(`${appServer.origin}/dist-bun/browser.html`), /HTTP 404: .*\/dist-bun\/jwt_wasm_bg\.wasm/);
    copyFileSync(createRequire(join(app, 'package.json')).resolve('jwt-wasm/jwt_wasm_bg.wasm'), join(app, 'dist-bun/jwt_wasm_bg.wasm'));
    assertAllPassed(await checksIn(`${appServer.origin}/dist-bun/browser.html`), 'Chromium, bun build, browser entry with the .wasm copied');
  });

  // jwt-wasm/inline: the .wasm inlined as base64 and compiled at import, with no top-level await.
  test('Chromium, jwt-wasm/inline: checks in service workers (a module worker importing it by path; an IIFE bundle by esbuild as a classic worker) and in a page (an IIFE bundle, no .wasm file) and beside the browser entry (one instance: a Verifier made while the other loads keeps working); the browser entry cannot start a service worker', LIMIT, async () => {
    const inServiceWorker = (dir, script, type) => checksIn(`${appServer.origin}/${dir}/sw.html?sw=${script}&type=${type}`);
    assertAllPassed(await inServiceWorker('runtimes/browser', 'checks-sw-path.js', 'module'), 'Chromium, module service worker, inline entry');
    // Why the inline entry exists: a service worker refuses the browser entry's top-level await.
    const refused = await inServiceWorker('runtimes/browser', 'checks-sw-browser.js', 'module');
    assert.equal(refused.passed, 0, JSON.stringify(refused));
    assert.match(refused.failures.join('\n'), /^the service worker failed: TypeError: .*cannot be started/, JSON.stringify(refused));

    await inlineBundles();
    assertAllPassed(await inServiceWorker('dist-inline-sw', 'checks-sw.js', 'classic'), 'Chromium, classic service worker, esbuild IIFE of jwt-wasm/inline');

    // Both entries in one page: one instance, even when the inline entry starts it (and makes a
    // Verifier in it) while the browser entry's .wasm is still loading.
    const both = await inPage(`${appServer.origin}/runtimes/browser/both.html`, () => window.jwtBoth !== undefined, () => window.jwtBoth);
    assert.deepEqual(both, {
      madeWhileLoading: true, verified: { payload: { sub: 'user-42' } }, otherSecret: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    });

    // Nothing but the bundle and its page: no .wasm to copy, fetch or serve.
    assert.deepEqual(readdirSync(join(app, 'dist-inline-page')).sort(), ['checks-inline.js', 'index.html']);
    assertAllPassed(await checksIn(`${appServer.origin}/dist-inline-page/index.html`), 'Chromium, page, esbuild IIFE of jwt-wasm/inline');
  });

  // A Chrome extension (Manifest V3) loaded unpacked into its own Chromium profile: the README's
  // content_security_policy, as written, lets its background service worker compile the inline
  // entry; the default policy, which has no 'wasm-unsafe-eval', does not.
  test('Chromium: a Manifest V3 extension\'s background service worker runs the checks through jwt-wasm/inline (esbuild bundles, classic and module) with the README\'s content_security_policy, and stops at the import without it', LIMIT, async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const quoted = readme.match(/`("content_security_policy": \{[^`]*\})`/);
    assert.ok(quoted, 'README.md: no content_security_policy for extensions');
    const policy = JSON.parse(`{${quoted[1].replace(/\s+/g, ' ')}}`);
    const { build } = await import('esbuild');
    const { chromium } = await import('playwright-core');
    const inExtension = async (name, format, extra) => {
      const dir = join(work, `extension-${name}`);
      await build({
        entryPoints: [join(app, 'runtimes/browser/checks-extension.js')], bundle: true, format, platform: 'browser',
        outfile: join(dir, 'sw.js'), absWorkingDir: app, logLevel: 'silent',
      });
      const background = format === 'esm' ? { service_worker: 'sw.js', type: 'module' } : { service_worker: 'sw.js' };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: `jwt-wasm checks (${name})`, version: '1.0', background, ...extra }));
      const context = await chromium.launchPersistentContext(join(work, `profile-${name}`), {
        executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`], timeout: 60_000,
      });
      try {
        const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
        assert.match(worker.url(), /^chrome-extension:\/\/[a-p]{32}\/sw\.js$/, name);
        return await worker.evaluate(() => self.jwtChecks);
      } catch (error) {
        // A worker whose script failed may be gone before it is asked: it ran no checks either.
        if (extra.content_security_policy === undefined && /closed/.test(error.message)) return undefined;
        throw error;
      } finally {
        await context.close();
      }
    };
    assertAllPassed(await inExtension('classic', 'iife', policy), 'Chromium extension, classic service worker');
    assertAllPassed(await inExtension('module', 'esm', policy), 'Chromium extension, module service worker');
    // The worker starts, but its script stops at the compile, before the checks.
    assert.equal(await inExtension('default-policy', 'iife', {}), undefined, 'compiled without \'wasm-unsafe-eval\'');
  });

  test('Chromium, Vite build and dev server: checks (in the page and in a web worker) and examples/browser-session', LIMIT, async () => {
    const { build, createServer } = await import('vite');
    const viteBuild = (root, input, outDir, config = {}) => build({
      root, base: './', configFile: false, logLevel: 'silent',
      build: { outDir, emptyOutDir: true, rollupOptions: { input } },
      ...config,
    });
    await viteBuild(app, join(app, 'runtimes/browser/checks.html'), join(app, 'dist-vite'));
    assertAllPassed(await checksIn(`${appServer.origin}/dist-vite/runtimes/browser/checks.html`), 'Chromium Vite');
    // In module web workers, with the one setting the README gives for them: workers as ES modules
    // (Vite's default worker format, iife, cannot hold the entry's top-level await). Each is asked
    // at once, as a page asks a worker: the checks, and the README's worker as written, with three
    // tokens (a worker that imported the package statically would lose them: see README).
    const { lang, code } = readmeCode('Web workers');
    assert.equal(lang, 'js');
    snippetFile('web-worker.js', `${code}\n`);
    await viteBuild(app, join(app, 'runtimes/browser/worker.html'), join(app, 'dist-vite-worker'), { worker: { format: 'es' } });
    const now = Math.floor(Date.now() / 1000);
    const tokens = [signedToken({ sub: 'user-42', exp: now + 600 }, 'any secret'), signedToken({ exp: now - 60 }, 'any secret'), 'not a token'];
    const { checks, answers } = await inPage(
      `${appServer.origin}/dist-vite-worker/runtimes/browser/worker.html#${encodeURIComponent(JSON.stringify(tokens))}`,
      () => window.jwtChecks !== undefined && (window.readmeWorker !== undefined || window.jwtChecks.failures.length > 0),
      () => ({ checks: window.jwtChecks, answers: window.readmeWorker }),
    );
    assertAllPassed(checks, 'Chromium Vite, web worker');
    const [good, expired, malformed] = answers;
    assert.ok(good.secondsLeft > 590 && good.secondsLeft <= 600, `the README's worker: ${JSON.stringify(answers)}`);
    // exp is 60 s before the test's now; the worker's now is that or later.
    assert.ok(expired.secondsLeft <= -60 && expired.secondsLeft > -70, `the README's worker: ${JSON.stringify(answers)}`);
    assert.deepEqual(malformed, { code: 'ERR_JWT_INVALID' });

    const { dir, origin } = await sessionProject();
    await viteBuild(dir, join(dir, 'index.html'), join(dir, 'dist-vite'));
    await sessionExampleAt(`${origin}/dist-vite/index.html`);

    // The dev server pre-bundles dependencies into another folder: the .wasm must still be found.
    const dev = await createServer({
      root: dir, configFile: false, logLevel: 'silent', clearScreen: false,
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    cleanups.push(() => dev.close());
    try {
      await dev.listen();
      const { port } = dev.httpServer.address();
      await sessionExampleAt(`http://127.0.0.1:${port}/index.html`);
    } finally {
      await dev.close();
    }
  });
});

// Firefox ESR (Debian's), headless, driven through Marionette by runtimes/firefox.py: the shared
// checks through the browser entry natively and through jwt-wasm/inline in a module service
// worker, a classic one and a page (esbuild IIFEs), and both entries in one page.
describe('Firefox', () => {
  test('Firefox ESR: the checks through the browser entry (import map), and through jwt-wasm/inline in a module service worker, a classic one and a page; both entries in one page', LIMIT, async () => {
    await inlineBundles();
    const server = await serveStatic(app);
    cleanups.push(server.close);
    const firefox = await startFirefox(join(work, 'firefox-profile'));
    cleanups.push(firefox.stop);
    const pages = [
      ['/runtimes/browser/checks.html', 'jwtChecks'],
      ['/runtimes/browser/sw.html?sw=checks-sw-path.js&type=module', 'jwtChecks'],
      ['/dist-inline-sw/sw.html?sw=checks-sw.js&type=classic', 'jwtChecks'],
      ['/dist-inline-page/index.html', 'jwtChecks'],
      ['/runtimes/browser/both.html', 'jwtBoth'],
    ];
    try {
      const result = await run(MARIONETTE_PYTHON, [join(ROOT, 'pkg-tests/runtimes/firefox.py'), firefox.origin, server.origin, ...pages.flat()], { timeoutMs: 150_000 });
      assert.equal(result.status, 0, `${describeRun('firefox.py', result)}\n${firefox.logs().slice(-2000)}`);
      assert.match(result.stdout, /^VERSION \d+\.\d+/m, result.stdout);
      const seen = Object.fromEntries(result.stdout.split('\n').filter((line) => line.startsWith('RESULT ')).map((line) => {
        const [, path, json] = /^RESULT (\S+) (.*)$/.exec(line);
        return [path, JSON.parse(json)];
      }));
      assert.deepEqual(Object.keys(seen), pages.map(([path]) => path), result.stdout);
      for (const [path] of pages.slice(0, 4)) assertAllPassed(seen[path], `Firefox ${path}`);
      assert.deepEqual(seen['/runtimes/browser/both.html'], {
        madeWhileLoading: true, verified: { payload: { sub: 'user-42' } }, otherSecret: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
      });
    } finally {
      await firefox.stop();
      await server.close();
    }
  });
});

describe('examples/node', () => {
  test('Node: examples/node/verify-token.mjs prints the claims or the error code', LIMIT, async () => {
    const dir = await consumerProject(join(work, 'node-example'), tarball, { files: { '.': join(ROOT, 'examples/node') } });
    const secret = 'node-example-secret-of-at-least-32-bytes';
    const tokens = bearerTokens(secret, { sub: 'user-42', aud: 'api' });
    const verify = async (token, env = {}) => {
      const result = await run(process.execPath, ['verify-token.mjs', ...(token ? [token] : [])], {
        cwd: dir, env: { JWT_SECRET: secret, JWT_ISSUER: '', JWT_AUDIENCE: '', ...env }, timeoutMs: 30_000,
      });
      return { status: result.status, out: result.stdout ? JSON.parse(result.stdout) : null, result };
    };
    const ok = await verify(tokens.good, { JWT_AUDIENCE: 'api' });
    assert.equal(ok.status, 0, describeRun('verify-token good', ok.result));
    assert.equal(ok.out.valid, true);
    assert.equal(ok.out.claims.sub, 'user-42');
    assert.ok(ok.out.secondsLeft > 500 && ok.out.secondsLeft <= 600);
    for (const [name, code, env] of [
      ['expired', 'ERR_JWT_EXPIRED'], ['tampered', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'], ['malformed', 'ERR_JWS_INVALID'],
      ['good', 'ERR_JWT_CLAIM_VALIDATION_FAILED', { JWT_AUDIENCE: 'web' }],
      ['noExp', 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ]) {
      const refused = await verify(name === 'noExp' ? signedToken({ sub: 'user-42' }, secret) : tokens[name], env);
      assert.equal(refused.status, 1, describeRun(`verify-token ${name}`, refused.result));
      assert.equal(refused.out.code, code, name);
    }
    assert.equal((await verify(null)).status, 2, 'usage');
  });
});

describe('TypeScript', () => {
  // TypeScript 5.9 (the last of the JavaScript compiler) and 7 (the native one, npm's latest, a
  // dev dependency under the alias typescript7): consumers use both.
  const compilers = [
    { major: 5, tsc: join(ROOT, 'node_modules/typescript/bin/tsc') },
    { major: 7, tsc: join(ROOT, 'node_modules/typescript7/bin/tsc') },
  ];
  for (const { major, tsc } of compilers) {
    test(`TypeScript ${major}: the compiler run is that major version`, LIMIT, async () => {
      const result = await run(process.execPath, [tsc, '--version'], { cwd: app, timeoutMs: 60_000 });
      assert.equal(result.status, 0, describeRun(`tsc ${major} --version`, result));
      assert.match(result.stdout, new RegExp(`^Version ${major}\\.`), result.stdout);
    });
  }
  for (const { major, tsc } of compilers) for (const resolution of ['bundler', 'nodenext', 'node16']) {
    test(`tsc --noEmit: a strict consumer of the installed tarball, moduleResolution ${resolution}${major === 5 ? '' : `, TypeScript ${major}`}`, LIMIT, async () => {
      const project = join(app, `types/tsconfig.${resolution}.json`);
      const result = await run(process.execPath, [tsc, '-p', project, '--listFiles'], { cwd: app, timeoutMs: 120_000 });
      assert.equal(result.status, 0, describeRun(`tsc ${major} ${resolution}`, result));
      // The types came from the installed tarball, not from the repository.
      const listed = result.stdout.split('\n');
      assert.ok(listed.includes(join(app, 'node_modules/jwt-wasm/js/index.d.ts')), result.stdout);
      // A CommonJS consumer (consumer.cts) gets the types made for require().
      if (resolution !== 'bundler') assert.ok(listed.includes(join(app, 'node_modules/jwt-wasm/pkg/index.d.cts')), result.stdout);
    });
  }

  // moduleResolution node10 reads no exports map (TypeScript 5 only: 7 removed it): the types
  // come from the package's `types` field, and for jwt-wasm/inline from inline/package.json.
  test('tsc --noEmit: the strict consumer under moduleResolution node10 (no exports map), TypeScript 5', LIMIT, async () => {
    const result = await run(process.execPath, [compilers[0].tsc, '-p', join(app, 'types/tsconfig.node10.json'), '--listFiles'], { cwd: app, timeoutMs: 120_000 });
    assert.equal(result.status, 0, describeRun('tsc 5 node10', result));
    assert.ok(result.stdout.split('\n').includes(join(app, 'node_modules/jwt-wasm/js/index.d.ts')), result.stdout);
  });

  // Deno type-checks with its own compiler and defaults (TypeScript 6.0 in Deno 2.9): the strict
  // consumer, importing the package by name, and the README's Deno snippet as a .ts file importing
  // npm:jwt-wasm, as a Deno user writes it. The expected error shows the package's types were read.
  test('deno check: the strict consumer and the README\'s Deno snippet as TypeScript, with Deno\'s compiler', LIMIT, async () => {
    const { code } = readmeCode('Deno');
    assert.match(code, /from 'npm:jwt-wasm'/);
    const file = snippetFile('types/deno-check.ts', `${code}\nconst sub: string | undefined = payload.sub;\n`
      + `// @ts-expect-error: exp is a number\nconst wrong: string | undefined = payload.exp;\nconsole.log(sub, wrong);\n`);
    // The README's Deno without npm: the entries of a copy of the package, imported by path, take
    // their types from their @ts-self-types line (without it, JWTPayload is no export of theirs).
    cpSync(join(app, 'node_modules/jwt-wasm'), join(app, 'readme/vendor/jwt-wasm'), { recursive: true });
    const byPath = snippetFile('types/deno-path-check.ts', [
      "import { jwtVerify, type JWTPayload } from '../vendor/jwt-wasm/js/deno.js';",
      "import { decodeJwt } from '../vendor/jwt-wasm/js/inline.js';",
      'export function claims(token: string): [JWTPayload, JWTPayload] {',
      "  const verified = jwtVerify(token, 'a-secret-of-at-least-32-bytes-long!!');",
      '  // @ts-expect-error: exp is a number',
      '  const wrong: string | undefined = verified.payload.exp;',
      '  // @ts-expect-error: exp is a number',
      '  const decodedWrong: string | undefined = decodeJwt(token).exp;',
      '  console.log(wrong, decodedWrong);',
      '  return [verified.payload, decodeJwt(token)];',
      '}',
      '',
    ].join('\n'));
    const result = await run(bin('deno'), ['check', '--config', 'deno.json', 'types/consumer.ts', file, byPath], {
      cwd: app, env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }, timeoutMs: 120_000,
    });
    assert.equal(result.status, 0, describeRun('deno check', result));
    for (const checked of ['types/consumer.ts', 'deno-check.ts', 'deno-path-check.ts']) assert.ok(result.stderr.includes(checked), result.stderr);
  });

  // Copied into a strict .ts file, the Node, Deno, Hono and TypeScript snippets must type-check as
  // written. The environment and arguments are typed as @types/node and Deno's own types have them
  // (`string | undefined`), so a snippet that passes them on unchecked fails here.
  for (const { major, tsc } of compilers) test(`tsc --noEmit: the README's Node, Deno, Hono and TypeScript snippets as strict TypeScript${major === 5 ? '' : `, TypeScript ${major}`}`, LIMIT, async () => {
    const node = readmeCode('Node (20 or later), ESM or CommonJS').code;
    const denoAsWritten = readmeCode('Deno').code;
    const deno = denoAsWritten.replace("from 'npm:jwt-wasm'", "from 'jwt-wasm'");
    assert.notEqual(deno, denoAsWritten, 'the Deno snippet imports npm:jwt-wasm');
    const typescript = readmeCode('TypeScript');
    assert.equal(typescript.lang, 'ts');
    // The Hono snippet with the typing the README gives beside it.
    const readmeText = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const [honoEnv, honoKept] = [/`(type Env = \{[^`]*\})`/, /`(let kept: \{[^`]*\} \| undefined)`/]
      .map((typed) => readmeText.match(typed)?.[1].replace(/\s+/g, ' '));
    assert.ok(honoEnv && honoKept, 'README.md: no type Env or let kept for the Hono snippet');
    const honoAsWritten = readmeCode('Hono (Workers, Bun, Deno and Node)').code;
    const hono = honoAsWritten
      .replace("import { createVerifier, JwtError } from 'jwt-wasm';", `import { createVerifier, JwtError, type JWTPayload, type Verifier } from 'jwt-wasm';\n${honoEnv};`)
      .replace('let kept;', `${honoKept};`)
      .replace('createMiddleware(async', 'createMiddleware<Env>(async')
      .replace('new Hono()', 'new Hono<Env>()');
    assert.equal((hono.match(/<Env>|type JWTPayload|let kept: /g) ?? []).length, 4, 'the Hono snippet as the README types it');
    if (!existsSync(join(app, 'node_modules/hono'))) symlinkSync(join(ROOT, 'node_modules/hono'), join(app, 'node_modules/hono'), 'dir');
    const files = [
      snippetFile('types/hono.ts', `${hono}\n`),
      snippetFile('types/node.ts', `declare const process: { env: Record<string, string | undefined> };\n${node}\n`),
      snippetFile('types/deno.ts', `declare const Deno: { env: { get(name: string): string | undefined }; args: string[] };\n${deno}\n`),
      // As written: the snippet declares the token and secret it stands for.
      snippetFile('types/typescript.ts', `${typescript.code}\n`),
    ];
    const tsconfig = JSON.parse(readFileSync(join(app, 'types/tsconfig.nodenext.json'), 'utf8'));
    tsconfig.files = files.map((file) => join(app, file));
    tsconfig.compilerOptions.noUncheckedIndexedAccess = true; // Deno.args[0] is string | undefined
    const project = snippetFile('types/tsconfig.json', JSON.stringify(tsconfig));
    const result = await run(process.execPath, [tsc, '-p', project], { cwd: app, timeoutMs: 120_000 });
    assert.equal(result.status, 0, describeRun(`tsc ${major} readme snippets`, result));
  });
});
