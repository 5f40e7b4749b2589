// Helpers for the runtime tests: pack the package, install the tarball into consumer projects,
// run commands and servers with bounded time, and serve files on 127.0.0.1. Nothing here reaches
// beyond this machine: npm installs a local tarball offline, servers bind to 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the package being tested). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A development tool's binary from the repository's node_modules. */
export const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/**
 * The environment for a child process: this one without what `npm test` and `node --test` add
 * (npm_* configuration, the test runner's context), so that the consumers' npm, node, deno and
 * bun behave as they do for a user, whichever way the tests were started.
 */
export function childEnv(extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'NODE_TEST_CONTEXT' && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs a command to completion or until `timeoutMs`, then kills it. Never rejects: returns
 * `{ status, signal, stdout, stderr, timedOut }`.
 */
export function run(command, args, { cwd = ROOT, env = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, signal: null, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Sends `signal` to a child started with `detached: true` and to every process it started (its
 * process group: `next build`'s workers, for one), or to the child alone if that fails.
 */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Describes a finished command for an assertion message. */
export const describeRun = (what, result) =>
  `${what}: status ${result.status}${result.timedOut ? ' (timed out)' : ''}${result.signal ? ` signal ${result.signal}` : ''}\n` +
  `--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`;

/** The report a consumer script printed on its `RESULT {...}` line, or null. */
export function resultLine(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? JSON.parse(line.slice('RESULT '.length)) : null;
}

/**
 * `npm pack` of the repository into `destination` (scripts off: pkg/ was built before the tests).
 * Returns the tarball's path and the files it holds.
 */
export async function pack(destination) {
  const result = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { timeoutMs: 60_000 });
  if (result.status !== 0) throw new Error(describeRun('npm pack', result));
  const [info] = JSON.parse(result.stdout);
  return { tarball: join(destination, info.filename), files: info.files.map((f) => f.path).sort() };
}

/**
 * A fresh consumer project in `dir`: `files` ({ target: source } paths, files or folders) are
 * copied in, `packageJson` is written unless a copied folder brought one, and the tarball is
 * installed from disk (--offline: no registry is contacted).
 */
export async function consumerProject(dir, tarball, { files = {}, packageJson } = {}) {
  mkdirSync(dir, { recursive: true });
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    cpSync(source, join(dir, target), { recursive: true });
  }
  if (packageJson) writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  const result = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, timeoutMs: 120_000 });
  if (result.status !== 0) throw new Error(describeRun(`npm install in ${dir}`, result));
  return dir;
}

/** The shared vectors as an ES module, so that every runtime can import them without file access,
 * with `extra` members (the differential's reference answers). */
export function writeVectorsModule(path, extra = {}) {
  const vectors = { ...JSON.parse(readFileSync(join(ROOT, 'vectors', 'jwt.json'), 'utf8')), ...extra };
  writeFileSync(path, `// Generated from vectors/jwt.json by the runtime tests.\nexport default ${JSON.stringify(vectors)};\n`);
  return vectors;
}

/**
 * The code of the first fenced block under the README heading `### heading`, and the block's
 * language: the quick-start snippets, run as written by the runtime tests. Throws if the heading
 * is gone or another heading comes before its code, so a README edit cannot silently skip a test.
 */
export function readmeCode(heading) {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const at = lines.indexOf(`### ${heading}`);
  // A block may be indented (inside a list item); its lines lose that indentation.
  const open = lines.findIndex((line, i) => i > at && line.trimStart().startsWith('```'));
  const indent = open < 0 ? '' : lines[open].slice(0, lines[open].indexOf('`'));
  const close = lines.findIndex((line, i) => i > open && line === `${indent}\`\`\``);
  if (at < 0 || open < 0 || close < 0 || lines.slice(at + 1, open).some((line) => line.startsWith('#'))) {
    throw new Error(`README.md: no code block under "### ${heading}"`);
  }
  const code = lines.slice(open + 1, close).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  return { lang: lines[open].trimStart().slice(3), code: code.join('\n') };
}

const b64u = (data) => Buffer.from(data).toString('base64url');

/** What `call` throws (a failed assertion if it throws nothing). */
export function errorOf(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  return assert.fail('expected an error');
}

const HASHES = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** A token signed with node:crypto, independently of the package under test: its claims and
 * header given as values, or as JSON text (which may be malformed), its MAC by the header's `alg`
 * (SHA-256 for any other, or for a header given as text). */
export function signedToken(claims, secret, header = { alg: 'HS256', typ: 'JWT' }) {
  const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  const input = `${b64u(text(header))}.${b64u(text(claims))}`;
  return `${input}.${createHmac(HASHES[header.alg] ?? 'sha256', secret).update(input).digest('base64url')}`;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves the files under `root` on 127.0.0.1 (a free port), and answers the paths in `routes`
 * (`{ [path]: (request, response) => void }`) with their handlers. Returns `{ origin, close }`. */
export function serveStatic(root, routes = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (Object.hasOwn(routes, path)) {
      routes[path](request, response);
      return;
    }
    const file = join(root, normalize(path).replace(/^[/\\]+/, ''));
    let found = false;
    try {
      found = file.startsWith(root + sep) && statSync(file).isFile();
    } catch {
      found = false;
    }
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/**
 * Starts `workerd serve <config>` with its `http` socket on 127.0.0.1 and a port the system picks,
 * and waits (at most `timeoutMs`) until workerd reports the port on its control descriptor.
 * Wrangler configs are bundled by workerd with the esbuild of this repository, as wrangler does.
 * Returns `{ origin, stop, logs }`; `stop` kills it and waits (bounded) for it to exit.
 */
export function startWorkerd(config, { cwd, timeoutMs = 30_000 } = {}) {
  const args = ['serve', config, '--socket-addr', 'http=127.0.0.1:0', '--control-fd', '3'];
  return startServer('workerd', bin('workerd'), args, { cwd, env: { WORKERD_ESBUILD: bin('esbuild') }, control: true, timeoutMs }, (child, logs, ready) => {
    let control = '';
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => {
      control += chunk;
      for (const line of control.split('\n')) {
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          continue;
        }
        if (message.event === 'listen' && message.socket === 'http') ready(`http://127.0.0.1:${message.port}`);
      }
    });
  });
}

/** fetch with a deadline. */
export function fetchBounded(url, init = {}, timeoutMs = 10_000) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * Stops a server started with `detached: true`, with every process it started: SIGTERM, then
 * SIGKILL after 5 s; resolves once the server has exited.
 */
function stopper(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Anything the server left behind goes with it.
    killGroup(child, 'SIGKILL');
  };
}

/**
 * `deno serve` of `file`'s default export on 127.0.0.1, on a port the system picks, with `flags`
 * (permissions, a config): resolves to `{ origin, stop, logs }` once it listens, or rejects (and
 * stops it) if it exits or does not listen within `timeoutMs`.
 */
export function startDenoServe(file, { cwd, flags = [], env = {}, timeoutMs = 30_000 } = {}) {
  const args = ['serve', '--no-prompt', ...flags, '--host', '127.0.0.1', '--port', '0', file];
  return startServer('deno serve', bin('deno'), args, { cwd, env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...env }, timeoutMs }, (child, logs, ready) => {
    const check = () => {
      const origin = /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(logs())?.[1];
      if (origin) ready(origin);
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
  });
}

/**
 * `next start` of the built Next.js app in `dir` (or `next dev` and its flags, with `command`) on
 * 127.0.0.1, on a port the system picks: resolves to `{ origin, stop, logs }` once it is ready,
 * or rejects (and stops it) if it exits or is not ready within `timeoutMs`.
 */
export function startNext(dir, { command = ['start'], env = {}, timeoutMs = 30_000 } = {}) {
  const args = [nextCli(dir), ...command, '-H', '127.0.0.1', '-p', '0'];
  return startServer('next', process.execPath, args, { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: '1', ...env }, timeoutMs }, (child, logs, ready) => {
    const check = () => {
      const origin = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(logs())?.[1];
      if (origin && /Ready in/.test(logs())) ready(origin);
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
  });
}

/** Debian's Firefox ESR, which scripts/setup.sh installs, and the Python that drives it (runtimes/firefox.py). */
const FIREFOX = '/usr/bin/firefox-esr';
export const MARIONETTE_PYTHON = join(ROOT, 'node_modules/.cache/marionette/bin/python');

/**
 * A headless Firefox ESR (Debian's firefox-esr) with Marionette on a port it picks, its profile
 * in `profile` (a new folder): resolves to `{ origin: <the Marionette port>, stop, logs }` once it
 * has written the port into the profile, for runtimes/firefox.py to drive.
 */
export function startFirefox(profile, { timeoutMs = 60_000 } = {}) {
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(profile, 'user.js'), [
    ['marionette.port', 0], ['app.update.disabledForTesting', true], ['browser.shell.checkDefaultBrowser', false],
    ['datareporting.policy.dataSubmissionEnabled', false], ['toolkit.telemetry.reportingpolicy.firstRun', false],
    ['browser.startup.homepage_override.mstone', '"ignore"'], ['network.proxy.type', 0],
  ].map(([name, value]) => `user_pref("${name}", ${value});`).join('\n'));
  const portFile = join(profile, 'MarionetteActivePort');
  return startServer('firefox', FIREFOX, ['--headless', '--marionette', '--no-remote', '--profile', profile], { env: { MOZ_HEADLESS: '1' }, timeoutMs }, (child, logs, ready) => {
    const poll = setInterval(() => {
      let port = '';
      try {
        port = readFileSync(portFile, 'utf8').trim();
      } catch {
        return;
      }
      if (/^\d+$/.test(port)) {
        clearInterval(poll);
        ready(port);
      }
    }, 100);
    child.once('exit', () => clearInterval(poll));
  });
}

/** The Next.js command-line script installed in the project `dir`. */
export const nextCli = (dir) => join(dir, 'node_modules/next/dist/bin/next');

/**
 * Starts a server process in its own process group, keeping its output, and resolves to
 * `{ origin, stop, logs }` once `watch(child, logs, ready)` calls `ready(origin)`; rejects (and
 * stops it) if it exits first or is not ready within `timeoutMs`. `control` adds a fourth pipe
 * (descriptor 3). `stop` ends it and everything it started, and waits (bounded) for it to exit.
 */
function startServer(what, command, args, { cwd, env = {}, control = false, timeoutMs }, watch) {
  const child = spawn(command, args, {
    cwd,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe', ...(control ? ['pipe'] : [])],
    detached: true,
  });
  let logs = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => { logs += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { logs += chunk; });
  const stop = stopper(child);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = async (why) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      await stop();
      reject(new Error(`${what} ${why}\n${logs.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`was not ready within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited early (${code ?? signal})`));
    watch(child, () => logs, (origin) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ origin, stop, logs: () => logs });
    });
  });
}
