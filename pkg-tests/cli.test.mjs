// The command-line tool as a user runs it: each command spawned as a process, tokens from
// arguments and standard input, --json output, exit statuses and error codes, and secrets that
// never appear in any output. Times are fixed with --now: no test reads the wall clock.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeJwt, decodeProtectedHeader, expiryInfo, jwtVerify, signJwt } from 'jwt-wasm';
import { jsonText } from '../www/format.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/jwt-wasm.mjs');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const SECRET = 'cli-test-secret-7f3e9a1c5b2d4e6f8a0b';
const SECRET_BYTES = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256);
const SECRET_B64URL = Buffer.from(SECRET_BYTES).toString('base64url');
const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const AT = ['--now', NOW.toISOString()];
// On Linux (CI) no test here is skipped: /dev/full is always there, and npm test's setup installs
// python3 if missing; elsewhere a test that needs one of them is skipped without it.
const LINUX = process.platform === 'linux';

/** A token segment's JSON as Node reads it (not the package under test, which the tool uses). */
const segment = (jwt, index) => JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8'));

const token = (claims, secret = SECRET, options = {}) => signJwt(claims, secret, { currentDate: NOW, ...options });
const VALID = token({ sub: 'ada', iss: 'https://auth.example', aud: 'api', iat: NOW_S - 60, exp: NOW_S + 600 });

const scratch = mkdtempSync(join(tmpdir(), 'jwt-wasm-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs the bin with `args`, standard input `input` (empty by default: a pipe at end of file)
 * and only the environment given (no JWT_SECRET leaks in from outside). Every run is checked:
 * no secret, in any encoding, appears in what it printed.
 */
function run(args, { input = '', env = {} } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 30_000,
  });
  assert.equal(result.error, undefined, `spawn failed: ${result.error}`);
  for (const secret of [SECRET, SECRET_B64URL]) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `the secret was printed by ${args[0]}`);
  }
  return result;
}

function parseJson(result) {
  try {
    return JSON.parse(result.stdout);
  } catch {
    assert.fail(`not JSON on stdout: ${result.stdout}\n${result.stderr}`);
  }
}

describe('help', () => {
  test('--help lists every command and exits 0', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    for (const command of ['decode', 'inspect', 'verify', 'sign']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
  });

  test('each command has its own --help (and help <command>)', () => {
    for (const command of ['decode', 'inspect', 'verify', 'sign']) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const result = run(args);
        assert.equal(result.status, 0, args.join(' '));
        assert.match(result.stdout, new RegExp(`^Usage: jwt-wasm ${command} `), args.join(' '));
      }
    }
    assert.match(run(['verify', '--help']).stdout, /--secret-file/);
    assert.match(run(['sign', '--help']).stdout, /--exp/);
  });

  test('no command prints the usage on stderr and exits 2; --version prints the version', () => {
    const bare = run([]);
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /^jwt-wasm .*\n\nUsage: jwt-wasm <command>/);
    assert.ok(bare.stderr.endsWith('\n\njwt-wasm: ERR_USAGE: no command given\n'), 'exit 2 is a usage error, said with its code');
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${PACKAGE.version}\n`);
    // Help and the version are text with --json too, wherever it stands (as the help says).
    for (const args of [['--json', '--version'], ['-v', '--json']]) assert.deepEqual([run(args).status, run(args).stdout], [0, `${PACKAGE.version}\n`], args.join(' '));
    for (const args of [['help', '--json'], ['--json', '--help'], ['help', 'verify', '--json'], ['verify', '--json', '--help']]) {
      const help = run(args);
      assert.deepEqual([help.status, help.stderr], [0, ''], args.join(' '));
      assert.match(help.stdout, /^(jwt-wasm \S+: decode|Usage: jwt-wasm verify)/, args.join(' '));
    }
  });

  test('an unknown command or option is ERR_USAGE with exit 2', () => {
    for (const args of [['frobnicate'], ['decode', '--frob', VALID], ['help', 'frobnicate'], ['decode', VALID, VALID]]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^jwt-wasm: ERR_USAGE: /, args.join(' '));
    }
  });
});

describe('decode', () => {
  test('prints the header and payload of a token given as an argument', () => {
    const result = run(['decode', VALID]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(`Header\n${JSON.stringify(segment(VALID, 0), null, 2)}\n`), result.stdout);
    assert.ok(result.stdout.includes(`Payload\n${JSON.stringify(segment(VALID, 1), null, 2)}\n`), result.stdout);
    assert.match(result.stdout, /Signature not checked/);
  });

  test('reads the token from standard input (with its trailing newline) and prints --json', () => {
    const result = run(['decode', '--json'], { input: `${VALID}\n` });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(parseJson(result), { header: segment(VALID, 0), payload: segment(VALID, 1) });
  });

  test('jsonText (shared with the page) writes what JSON.stringify writes, at any depth', () => {
    const wrapped = (value, levels) => {
      let item = value;
      for (let i = 0; i < levels; i += 1) item = [item];
      return item;
    };
    const sparse = [];
    sparse[2] = 1;
    const values = [
      { a: [1, { b: 2 }], u: undefined, f() {}, s: Symbol('s'), list: [undefined, () => 1, Symbol('x'), 2], n: null, z: -0, big: 1e21, nan: NaN },
      { d: new Date(0), t: { toJSON: () => 'X' }, gone: { toJSON: () => undefined }, boxed: [new Number(5), new String('s'), new Boolean(false)] },
      sparse, JSON.parse('{"__proto__":{"x":1},"1":1,"0":0}'), 'text', 5, null, true,
    ];
    for (const value of values) {
      assert.equal(jsonText(value), JSON.stringify(value, null, 2));
      assert.equal(jsonText(value, 0), JSON.stringify(value));
      // Past 100 levels, compact; past JSON.stringify's own depth, still the same text.
      assert.equal(jsonText(wrapped(value, 150)), JSON.stringify(wrapped(value, 150)));
      assert.equal(jsonText(wrapped(value, 30_000)), `${'['.repeat(30_000)}${JSON.stringify(value)}${']'.repeat(30_000)}`);
    }
    const cycle = { a: 1 };
    cycle.self = [cycle];
    assert.throws(() => jsonText(wrapped(cycle, 200)), TypeError);
    assert.throws(() => jsonText(cycle), TypeError);
  });

  test('JSON nested up to 100 levels is indented, deeper compact', () => {
    // The claims set is one level, each array one more.
    const nested = (levels) => `${'['.repeat(levels - 1)}0${']'.repeat(levels - 1)}`;
    for (const [levels, indented] of [[100, true], [101, false]]) {
      const claims = JSON.parse(`{"a":${nested(levels)}}`);
      const signed = token(claims);
      const result = run(['decode', signed]);
      assert.equal(result.status, 0, result.stderr);
      const written = indented ? JSON.stringify(claims, null, 2) : JSON.stringify(claims);
      assert.ok(result.stdout.includes(`Payload\n${written}\n`), `${levels} levels`);
    }
  });

  test('a token nested deeper than JSON.stringify reaches is printed compact, not a stack trace', () => {
    const deep = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const header = Buffer.from(`{"alg":"HS256","x":${deep(8000)}}`).toString('base64url');
    const payload = Buffer.from(`{"sub":"ada","a":${deep(6000)}}`).toString('base64url');
    const input = `${header}.${payload}`;
    const signed = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    const decoded = run(['decode', signed]);
    assert.equal(decoded.status, 0, decoded.stderr.slice(0, 500));
    assert.ok(decoded.stdout.includes(`Header\n{"alg":"HS256","x":${deep(8000)}}\n`));
    assert.ok(decoded.stdout.includes(`Payload\n{"sub":"ada","a":${deep(6000)}}\n`));
    const json = run(['decode', '--json', signed]);
    assert.equal(json.status, 0, json.stderr.slice(0, 500));
    assert.equal(json.stdout, `{"header":{"alg":"HS256","x":${deep(8000)}},"payload":{"sub":"ada","a":${deep(6000)}}}\n`);
    const verified = run(['verify', signed, '--json', ...AT], { env: { JWT_SECRET: SECRET } });
    assert.equal(verified.status, 0, verified.stderr.slice(0, 500));
    assert.equal(verified.stdout, `{"valid":true,"header":{"alg":"HS256","x":${deep(8000)}},"payload":{"sub":"ada","a":${deep(6000)}}}\n`);
  });

  test('a malformed token exits 1 with its error code, on stderr or as --json', () => {
    const human = run(['decode', 'not.a-token']);
    assert.equal(human.status, 1);
    assert.equal(human.stdout, '');
    assert.match(human.stderr, /^jwt-wasm: ERR_JWS_INVALID: /);

    const payloadBroken = `${VALID.split('.')[0]}.bm90IGpzb24.${VALID.split('.')[2]}`;
    const json = run(['decode', '--json', payloadBroken]);
    assert.equal(json.status, 1);
    assert.equal(parseJson(json).error.code, 'ERR_JWT_INVALID');
  });

  test('no token at all (empty standard input or an empty argument) is a usage error', () => {
    for (const args of [['decode'], ['decode', ''], ['inspect', '  \n'], ['verify', '', '--secret', 'k']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /ERR_USAGE: no token/);
      assert.equal(parseJson(run([...args, '--json'])).error.code, 'ERR_USAGE');
    }
  });

  test('standard input that is not UTF-8 is a usage error, not text with U+FFFD in it', () => {
    const env = { env: { JWT_SECRET: SECRET } };
    const bad = Buffer.from('{"sub":"\xc3\x28"}', 'latin1');
    const result = run(['sign', '--no-iat'], { ...env, input: bad });
    assert.equal(result.status, 2, result.stdout);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /ERR_USAGE: standard input is not UTF-8 text/);
    // The same characters as UTF-8 sign as given.
    const good = run(['sign', '--no-iat'], { ...env, input: Buffer.from('{"sub":"\u00c3("}') });
    assert.equal(good.status, 0, good.stderr);
    assert.equal(decodeJwt(good.stdout.trim()).sub, '\u00c3(');
  });

  test('text that is not UTF-8 in an argument or the environment (Node makes it U+FFFD) signs with a warning', () => {
    // Through a shell (its printf takes octal escapes): Node's spawn passes arguments as UTF-8 only.
    // $2 is the payload, $3 an option's name and $4 its value, each through printf.
    const viaShell = (payload, option = '--no-iat', value = '', env = { JWT_SECRET: SECRET }) => spawnSync(
      'sh',
      ['-c', `"$0" "$1" sign "$(printf '%b' "$2")" --no-iat ${value ? '"$3=$(printf \'%b\' "$4")"' : '"$3"'}`, process.execPath, BIN, payload, option, value],
      { encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 30_000 },
    );
    const warning = (where) => new RegExp(`^jwt-wasm: warning: ${where} holds? U\\+FFFD, which is also what bytes that are not UTF-8 become in an argument or environment variable .*\n$`);
    const bad = viaShell('{"sub":"\\0377"}');
    assert.equal(bad.status, 0, bad.stderr);
    assert.equal(decodeJwt(bad.stdout.trim()).sub, '\uFFFD');
    assert.match(bad.stderr, warning('the payload argument'));
    // The same character typed as UTF-8 is indistinguishable, so it is warned of too.
    assert.match(viaShell('{"sub":"\\0357\\0277\\0275"}').stderr, warning('the payload argument'));
    // An option's value, and the secret (named, never shown), from a flag or the environment.
    const sub = viaShell('{}', '--sub', 'ada\\0377');
    assert.deepEqual([sub.status, decodeJwt(sub.stdout.trim()).sub], [0, 'ada\uFFFD']);
    assert.match(sub.stderr, warning('--sub'));
    assert.match(viaShell('{}', '--aud', '\\0377').stderr, warning('--aud'));
    assert.match(viaShell('{"a":"\\0377"}', '--kid', '\\0377').stderr, warning('the payload argument, --kid'));
    assert.match(viaShell('{}', '--secret', `${SECRET}\\0377`, {}).stderr, warning('the secret'));
    const fromEnv = viaShell('{}', '--no-iat', '', { JWT_SECRET: `${SECRET}\uFFFD` });
    assert.match(fromEnv.stderr, warning('the secret'));
    assert.ok(!fromEnv.stderr.includes(SECRET));
    // Not for other text, nor for U+FFFD on standard input (read strictly, so given on purpose).
    const plain = viaShell('{"sub":"\\0303\\0251"}', '--iss', '\\0303\\0251');
    assert.deepEqual([plain.status, plain.stderr, decodeJwt(plain.stdout.trim()).sub], [0, '', '\u00e9']);
    const stdin = run(['sign', '--no-iat'], { env: { JWT_SECRET: SECRET }, input: '{"sub":"\uFFFD"}' });
    assert.deepEqual([stdin.status, stdin.stderr], [0, '']);
  });
});

describe('inspect', () => {
  test('the whole output, column for column', () => {
    const result = run(['inspect', token({ sub: 'ada', iat: NOW_S - 120, nbf: NOW_S - 60, exp: NOW_S + 3600 }), ...AT]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, [
      'Status      Not expired: expires in 1 h',
      'Expires     2026-03-01T13:00:00.000Z (in 1 h)',
      'Not before  2026-03-01T11:59:00.000Z (1 min ago)',
      'Issued at   2026-03-01T11:58:00.000Z (2 min ago)',
      'Signature not checked: use "jwt-wasm verify" before trusting this token.',
      '',
    ].join('\n'));
  });

  test('durations in words: the two largest adjacent units, whole seconds, days of 86,400 s', () => {
    const status = (claims, ...args) => {
      const result = run(['inspect', token(claims), ...args, ...AT]);
      assert.equal(result.status, 0, result.stderr);
      return /^Status +(.*)$/m.exec(result.stdout)[1];
    };
    const cases = [
      [86_399, 'Not expired: expires in 23 h 59 min'],
      [86_400, 'Not expired: expires in 1 day'],
      [86_412, 'Not expired: expires in 1 day'],
      [90_000, 'Not expired: expires in 1 day 1 h'],
      [2 * 86_400 + 59, 'Not expired: expires in 2 days'],
      [3_725, 'Not expired: expires in 1 h 2 min'],
      [3_605, 'Not expired: expires in 1 h'],
      [125, 'Not expired: expires in 2 min 5 s'],
      [61, 'Not expired: expires in 1 min 1 s'],
      [2.5, 'Not expired: expires in 2 s'],
      [0.5, 'Not expired: expires now'],
      // A fraction of a millisecond, which a Date drops: still after now.
      [0.0004, 'Not expired: expires now'],
      [-1, 'Expired: expired 1 s ago'],
      [-2.5, 'Expired: expired 2 s ago'],
    ];
    for (const [offset, said] of cases) assert.equal(status({ exp: NOW_S + offset }), said, `exp in ${offset} s`);
    // A token that can never be valid (nbf after exp) is expired, not merely not yet valid.
    assert.equal(status({ nbf: NOW_S + 7_200, exp: NOW_S - 60 }), 'Expired: expired 1 min ago');
    // Inside the tolerance: at exp, and past it.
    assert.equal(status({ exp: NOW_S }, '--clock-tolerance', '30'), 'Not expired: exp is now; accepted for 30 s more within the clock tolerance');
    assert.equal(status({ exp: NOW_S - 90 }, '--clock-tolerance', '2m'), 'Not expired: exp passed 1 min 30 s ago; accepted for 30 s more within the clock tolerance');
    // A huge tolerance: counts in grouped digits (not 1.1e+25), exact up to 2^53 s (checked with
    // BigInt), and past it no count a number would round.
    const left = 2n ** 53n - 1n - 90n;
    const [days, hours] = [left / 86_400n, (left % 86_400n) / 3_600n];
    assert.equal(status({ exp: NOW_S - 90 }, '--clock-tolerance', String(2 ** 53 - 1)),
      `Not expired: exp passed 1 min 30 s ago; accepted for ${days.toLocaleString('en')} days ${hours} h more within the clock tolerance`);
    assert.equal(status({ exp: NOW_S - 90 }, '--clock-tolerance', '1000000000000000000000'),
      'Not expired: exp passed 1 min 30 s ago; accepted for more than 285 million years more within the clock tolerance');
    // nbf a fraction of a millisecond after now (a Date drops it): valid at the next second.
    assert.equal(status({ nbf: NOW_S + 0.0004 }), 'Not yet valid: becomes valid in 1 s');
    // A tolerance in minutes is said in minutes.
    assert.equal(status({ nbf: NOW_S + 400, exp: NOW_S + 9_000 }, '--clock-tolerance', '5m'),
      'Not yet valid: becomes valid in 1 min 40 s (nbf in 6 min 40 s, less 5 min of clock tolerance)');
  });

  test('--json: each member as expiryInfo gives it', () => {
    const claims = { iat: NOW_S - 120, nbf: NOW_S + 60, exp: NOW_S + 3600 };
    const result = run(['inspect', token(claims), '--json', ...AT]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(parseJson(result), {
      status: 'not-yet-valid',
      description: 'becomes valid in 1 min',
      expired: false,
      notYetValid: true,
      expiresAt: '2026-03-01T13:00:00.000Z',
      notBefore: '2026-03-01T12:01:00.000Z',
      issuedAt: '2026-03-01T11:58:00.000Z',
      secondsLeft: 3600,
      now: '2026-03-01T12:00:00.000Z',
    });
    const expired = parseJson(run(['inspect', token({ exp: NOW_S - 5 }), '--json', ...AT]));
    assert.deepEqual([expired.status, expired.expired, expired.notYetValid, expired.secondsLeft, expired.notBefore, expired.issuedAt],
      ['expired', true, false, -5, null, null]);
  });

  test('a valid token: status and times in words', () => {
    const result = run(['inspect', VALID, ...AT]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Status +Not expired: expires in 10 min\n/);
    assert.match(result.stdout, /^Expires +2026-03-01T12:10:00\.000Z \(in 10 min\)$/m);
    assert.match(result.stdout, /^Not before +not set$/m);
    assert.match(result.stdout, /^Issued at +2026-03-01T11:59:00\.000Z \(1 min ago\)$/m);
    assert.match(result.stdout, /Signature not checked/);
  });

  test('expired, not yet valid and no expiry, from standard input', () => {
    const cases = [
      [token({ exp: NOW_S - 3 * 86_400 }), /^Status +Expired: expired 3 days ago$/m],
      [token({ nbf: NOW_S + 7_200, exp: NOW_S + 10_000 }), /^Status +Not yet valid: becomes valid in 2 h$/m],
      [token({ sub: 'x' }), /^Status +No expiry: never expires \(no exp claim\)$/m],
    ];
    for (const [jwt, expected] of cases) {
      const result = run(['inspect', ...AT], { input: jwt });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, expected);
    }
  });

  test('--clock-tolerance changes the verdict; --json carries the module\'s numbers', () => {
    const jwt = token({ exp: NOW_S - 30 });
    assert.equal(parseJson(run(['inspect', jwt, '--json', ...AT])).status, 'expired');
    const tolerated = parseJson(run(['inspect', jwt, '--json', '--clock-tolerance', '1m', ...AT]));
    const info = expiryInfo(jwt, { currentDate: NOW, clockTolerance: '1m' });
    assert.deepEqual(tolerated, {
      status: 'valid',
      description: 'exp passed 30 s ago; accepted for 30 s more within the clock tolerance',
      expired: false,
      notYetValid: false,
      expiresAt: info.expiresAt.toISOString(),
      notBefore: null,
      issuedAt: null,
      secondsLeft: info.secondsLeft,
      now: NOW.toISOString(),
    });
    assert.equal(tolerated.secondsLeft, 30);
    // Seconds as a plain number are seconds too.
    assert.equal(parseJson(run(['inspect', jwt, '--json', '--clock-tolerance', '60', ...AT])).status, 'valid');
  });

  test('times beyond what a Date holds are said so, in words and in --json, with status 0', () => {
    for (const [claims, status, description] of [
      [{ exp: 1e20 }, 'valid', 'expires at a time out of the range of dates'],
      [{ exp: -1e20 }, 'expired', 'expired at a time out of the range of dates'],
      [{ nbf: 1e20, exp: 2e20 }, 'not-yet-valid', 'becomes valid at a time out of the range of dates'],
    ]) {
      const jwt = signJwt(claims, SECRET);
      const human = run(['inspect', jwt, ...AT]);
      assert.equal(human.status, 0, human.stderr);
      assert.match(human.stdout, new RegExp(`^Status +[^:]+: ${description}$`, 'm'));
      const out = parseJson(run(['inspect', jwt, '--json', ...AT]));
      assert.deepEqual([out.status, out.description, out.expiresAt], [status, description, 'out of the range of dates']);
    }
  });

  test('a fractional exp a moment after the second is judged and worded as the module judges it', () => {
    // expiryInfo rounds now down to the second: at 12:00:00.7, an exp of 12:00:00.5 has not passed.
    const jwt = signJwt({ exp: NOW_S + 0.5 }, SECRET);
    const out = parseJson(run(['inspect', jwt, '--json', '--now', String(NOW_S + 0.7)]));
    assert.deepEqual([out.status, out.description], ['valid', 'expires now']);
  });

  test('at a fractional now, every line counts from the same whole second', () => {
    // At 12:00:00.5, an exp of 12:10:00 is "in 10 min" on the status line and the Expires line
    // alike (the Expires line used to count from the exact instant: "in 9 min 59 s").
    const jwt = signJwt({ exp: NOW_S + 600, nbf: NOW_S - 60, iat: NOW_S - 60 }, SECRET);
    const human = run(['inspect', jwt, '--now', String(NOW_S + 0.5)]);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /^Status +Not expired: expires in 10 min$/m);
    assert.match(human.stdout, /^Expires +\S+ \(in 10 min\)$/m);
    assert.match(human.stdout, /^Not before +\S+ \(1 min ago\)$/m);
    assert.match(human.stdout, /^Issued at +\S+ \(1 min ago\)$/m);
  });

  test('a bad tolerance or --now is refused with a code', () => {
    const negative = run(['inspect', VALID, '--clock-tolerance=-5s', ...AT]);
    assert.equal(negative.status, 1);
    assert.match(negative.stderr, /ERR_OPTIONS_INVALID/);
    const badNow = run(['inspect', VALID, '--now', 'yesterday-ish']);
    assert.equal(badNow.status, 2);
    assert.match(badNow.stderr, /ERR_USAGE: --now/);
  });

  test('--now takes ISO 8601 or seconds, not what Date would guess at', () => {
    const judged = (now) => parseJson(run(['inspect', VALID, '--json', '--now', now])).now;
    assert.equal(judged('2026-03-01'), '2026-03-01T00:00:00.000Z');
    assert.equal(judged('2026-03-01T12:00:00Z'), NOW.toISOString());
    assert.equal(judged('2026-03-01T14:00:00.000+02:00'), NOW.toISOString());
    // RFC 3339's other spellings, and what `date +%FT%T%z` prints.
    assert.equal(judged('2026-03-01t12:00:00z'), NOW.toISOString());
    assert.equal(judged('2026-03-01 12:00:00.5Z'), '2026-03-01T12:00:00.500Z');
    assert.equal(judged('2026-03-01T14:00:00+0200'), NOW.toISOString());
    assert.equal(judged('2026-03'), '2026-03-01T00:00:00.000Z');
    assert.equal(judged(String(NOW_S)), NOW.toISOString());
    // Date reads these as 2001-01-01, the year 100, and a day in March (local time).
    for (const now of ['foo 1', '-100', 'March 1, 2026']) {
      const result = run(['inspect', VALID, `--now=${now}`]);
      assert.equal(result.status, 2, `${now}: ${result.stdout}`);
      assert.match(result.stderr, /ERR_USAGE: --now must be an ISO 8601 date/);
    }
    // A day past the month's end, which Date would read as one of the next month.
    for (const now of ['2026-02-29', '2026-04-31T12:00:00Z']) {
      const result = run(['inspect', VALID, '--now', now]);
      assert.equal(result.status, 2, `${now}: ${result.stdout}`);
      assert.match(result.stderr, /ERR_USAGE: --now 2026-0\d-\d\d is not a day of the calendar/);
    }
    assert.equal(judged('2024-02-29'), '2024-02-29T00:00:00.000Z');
    // Milliseconds given as seconds (the year 55,840): said so, for sign too.
    for (const command of [['inspect', VALID], ['sign', '{}', '--secret', 'k']]) {
      const millis = run([...command, '--now', String(NOW.getTime())]);
      assert.equal(millis.status, 2, millis.stdout);
      assert.match(millis.stderr, /ERR_USAGE: --now \d+ is past the year 5000: --now takes seconds since the epoch, not milliseconds/);
    }
  });

  test('with a clock tolerance, a token not yet valid becomes valid at its nbf less the tolerance', () => {
    const jwt = token({ nbf: NOW_S + 31, exp: NOW_S + 4000 });
    const early = run(['inspect', jwt, '--clock-tolerance', '30s', ...AT]);
    assert.equal(early.status, 0, early.stderr);
    assert.match(early.stdout, /^Status +Not yet valid: becomes valid in 1 s \(nbf in 31 s, less 30 s of clock tolerance\)$/m);
    // One second on, the verdict agrees.
    const later = parseJson(run(['inspect', jwt, '--json', '--clock-tolerance', '30', '--now', String(NOW_S + 1)]));
    assert.equal(later.status, 'valid');
    // A fractional tolerance: judged at whole seconds, valid from the first at or after nbf less
    // 1.5 s, and said so until then.
    const at = (seconds) => parseJson(run(['inspect', jwt, '--json', '--clock-tolerance', '1.5', '--now', String(NOW_S + seconds)]));
    assert.equal(at(0).description, 'becomes valid in 30 s (nbf in 31 s, less 1.5 s of clock tolerance)');
    assert.deepEqual([at(29).status, at(29).description], ['not-yet-valid', 'becomes valid in 1 s (nbf in 2 s, less 1.5 s of clock tolerance)']);
    assert.equal(at(30).status, 'valid');
  });

  test('the header must be readable too (a Bearer scheme left on is refused, as by decode)', () => {
    for (const args of [['inspect', `Bearer ${VALID}`, ...AT], ['decode', `Bearer ${VALID}`]]) {
      const result = run(args);
      assert.equal(result.status, 1, result.stdout);
      assert.match(result.stderr, /ERR_JWS_INVALID: .*Bearer/);
    }
  });

  test('--json gives what its help lists, and nothing else', () => {
    const help = run(['inspect', '--help']).stdout;
    const listed = help.slice(help.indexOf('--json'), help.indexOf('--help')).replace(/\s+/g, ' ');
    // The names the help lists: "One JSON object with a, b (what b is), c and d (...);".
    const names = /One JSON object with (.*?);/.exec(listed)?.[1].replace(/ \([^)]*\)/g, '').split(/, | and /);
    assert.ok(names && names.length > 1, listed);
    const out = parseJson(run(['inspect', VALID, '--json', ...AT]));
    assert.deepEqual(Object.keys(out), names);
  });
});

describe('verify', () => {
  const secretFile = join(scratch, 'secret.txt');
  writeFileSync(secretFile, `${SECRET}\n`);
  chmodSync(secretFile, 0o600);

  test('the secret from a flag, JWT_SECRET, a named variable or a file', () => {
    const runs = [
      run(['verify', VALID, '--secret', SECRET, ...AT]),
      run(['verify', VALID, ...AT], { env: { JWT_SECRET: SECRET } }),
      run(['verify', VALID, '--secret-env', 'MY_KEY', ...AT], { env: { MY_KEY: SECRET, JWT_SECRET: 'not-this-one' } }),
      run(['verify', VALID, '--secret-file', secretFile, ...AT]),
    ];
    for (const result of runs) {
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Signature verified \(HS256\) and claims accepted\.\nPayload\n/);
      assert.ok(result.stdout.includes(JSON.stringify(decodeJwt(VALID), null, 2)));
    }
  });

  test('a secret file loses one trailing line break (LF, CRLF or CR) and nothing else', () => {
    // Each file's text, and the secret it holds.
    const cases = [
      [`${SECRET}\n`, SECRET],
      [`${SECRET}\r\n`, SECRET],
      [SECRET, SECRET],
      [`${SECRET} \n\n`, `${SECRET} \n`],
      [`${SECRET}\r\n\r\n`, `${SECRET}\r\n`],
      [`${SECRET}\t\n`, `${SECRET}\t`],
      [`${SECRET}\r`, SECRET],
      [`${SECRET}\n\r`, `${SECRET}\n`],
    ];
    for (const [i, [text, secret]] of cases.entries()) {
      const file = join(scratch, `secret-${i}.txt`);
      writeFileSync(file, text);
      const signed = token({ sub: 'ada' }, secret);
      const result = run(['verify', signed, '--secret-file', file, ...AT]);
      assert.equal(result.status, 0, `${JSON.stringify(text)}: ${result.stderr}`);
      // And not with the secret the file's text would be if more (or less) were dropped.
      const other = run(['verify', token({ sub: 'ada' }, `${secret}x`), '--secret-file', file, ...AT]);
      assert.equal(other.status, 1, JSON.stringify(text));
    }
  });

  test('a JWK file: refused as a secret with the CLI\'s remedy, read with --secret-encoding jwk', () => {
    const jwt = token({ sub: 'jwk', exp: NOW_S + 60 }, SECRET_BYTES);
    const file = join(scratch, 'key.jwk');
    writeFileSync(file, `${JSON.stringify({ kty: 'oct', k: SECRET_B64URL, alg: 'HS256' }, null, 2)}\n`);
    for (const command of [['verify', jwt], ['sign', '{}']]) {
      const asSecret = run([...command, '--secret-file', file, ...AT]);
      assert.equal(asSecret.status, 1, command[0]);
      assert.equal(asSecret.stderr, "jwt-wasm: ERR_KEY_INVALID: the secret is a JWK's JSON text: read it with --secret-encoding jwk\n");
      assert.equal(asSecret.stdout, '');
    }
    const verified = run(['verify', jwt, '--secret-file', file, '--secret-encoding', 'jwk', '--json', ...AT]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.equal(parseJson(verified).payload.sub, 'jwk');
    const signed = run(['sign', '{"sub":"s"}', '--secret-env', 'K', '--secret-encoding', 'jwk', ...AT], { env: { K: readFileSync(file, 'utf8') } });
    assert.equal(signed.status, 0, signed.stderr);
    assert.equal(jwtVerify(signed.stdout.trim(), SECRET_BYTES, { currentDate: NOW }).payload.sub, 's');
    // Not a JWK object: a usage error that does not quote the secret.
    for (const text of [SECRET, '"a-json-string"', '[1]']) {
      const bad = run(['sign', '{}', '--secret-env', 'K', '--secret-encoding', 'jwk', ...AT], { env: { K: text } });
      assert.equal(bad.status, 2, text);
      assert.match(bad.stderr, /^jwt-wasm: ERR_USAGE: with --secret-encoding jwk the secret must be the JSON text of a JWK object/);
      assert.ok(!bad.stderr.includes(SECRET.slice(0, 6)), 'the secret is echoed');
    }
  });

  test('a base64url secret, and the token from standard input with --json', () => {
    const jwt = token({ sub: 'bytes', exp: NOW_S + 60 }, SECRET_BYTES, { alg: 'HS512' });
    const result = run(['verify', '--json', '--secret-env', 'K', '--secret-encoding', 'base64url', ...AT], {
      input: `${jwt}\n`,
      env: { K: SECRET_B64URL },
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(parseJson(result), { valid: true, ...{ header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) } });
    // The same text as UTF-8 is a different key.
    const asText = run(['verify', jwt, '--secret-env', 'K', ...AT], { env: { K: SECRET_B64URL } });
    assert.equal(asText.status, 1);
    assert.match(asText.stderr, /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  test('a wrong secret exits 1 with ERR_JWS_SIGNATURE_VERIFICATION_FAILED', () => {
    const human = run(['verify', VALID, '--secret', `${SECRET}x`, ...AT]);
    assert.equal(human.status, 1);
    assert.equal(human.stdout, '');
    assert.match(human.stderr, /^jwt-wasm: ERR_JWS_SIGNATURE_VERIFICATION_FAILED: /);
    const json = run(['verify', VALID, '--json', ...AT], { env: { JWT_SECRET: 'wrong-secret' } });
    assert.equal(json.status, 1);
    assert.equal(parseJson(json).error.code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    // "valid" either way, for `jq .valid`; a usage error of verify too. Other commands' errors
    // are { error } alone.
    assert.deepEqual(Object.keys(parseJson(json)), ['valid', 'error']);
    assert.equal(parseJson(json).valid, false);
    assert.equal(parseJson(run(['verify', VALID, '--json'])).valid, false);
    assert.deepEqual(Object.keys(parseJson(run(['decode', 'x', '--json']))), ['error']);
  });

  test('a refusal without --json: one line on stderr with the code, the message, the claim and reason', () => {
    const env = { env: { JWT_SECRET: SECRET } };
    const issuer = run(['verify', VALID, '--issuer', 'https://other.example', ...AT], env);
    assert.deepEqual([issuer.status, issuer.stdout], [1, '']);
    assert.equal(issuer.stderr, 'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the "iss" claim does not match --issuer (claim iss, check_failed)\n');
    const signature = run(['verify', VALID, '--secret', `${SECRET}x`, ...AT]);
    assert.deepEqual([signature.status, signature.stdout], [1, '']);
    assert.match(signature.stderr, /^jwt-wasm: ERR_JWS_SIGNATURE_VERIFICATION_FAILED: [^(\n]+\n$/);
  });

  test('claim checks: expiry, tolerance, issuer, audience, algorithms', () => {
    const env = { JWT_SECRET: SECRET };
    const expired = token({ exp: NOW_S - 30 });
    const failure = (args) => {
      const result = run(['verify', '--json', ...args, ...AT], { env });
      assert.equal(result.status, 1, result.stdout);
      return parseJson(result).error;
    };
    const { message, ...coded } = failure([expired]);
    assert.deepEqual(coded, { code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' });
    assert.equal(typeof message, 'string');
    assert.equal(run(['verify', expired, '--clock-tolerance', '60', ...AT], { env }).status, 0);
    assert.equal(failure([VALID, '--issuer', 'https://other.example']).claim, 'iss');
    const audience = failure([VALID, '--audience', 'admin']);
    assert.equal(audience.code, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    assert.equal(audience.claim, 'aud');
    // A repeated option accepts each of its values, the first as well as the last.
    for (const args of [
      ['--audience', 'admin', '--audience', 'api'],
      ['--audience', 'api', '--audience', 'admin'],
      ['--issuer', 'https://auth.example', '--issuer', 'https://other.example'],
      ['--issuer', 'https://other.example', '--issuer', 'https://auth.example'],
      ['--alg', 'HS512', '--alg', 'HS256'],
      ['--alg', 'HS256', '--alg', 'HS512'],
      ['--alg', 'HS256,HS512'],
    ]) {
      const result = run(['verify', VALID, ...args, ...AT], { env });
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    }
    assert.equal(failure([VALID, '--issuer', 'https://a.example', '--issuer', 'https://b.example']).claim, 'iss');
    assert.equal(failure([VALID, '--alg', 'HS384,HS512']).code, 'ERR_JOSE_ALG_NOT_ALLOWED');
    assert.equal(failure([VALID, '--require', 'jti']).claim, 'jti');
  });

  test('--subject, --typ and --max-token-age check the token', () => {
    const env = { JWT_SECRET: SECRET };
    const failure = (args) => {
      const result = run(['verify', '--json', ...args, ...AT], { env });
      assert.equal(result.status, 1, result.stdout);
      const { message, ...coded } = parseJson(result).error;
      return coded;
    };
    const passes = (args) => {
      const result = run(['verify', ...args, ...AT], { env });
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    };
    passes([VALID, '--subject', 'ada']);
    assert.deepEqual(failure([VALID, '--subject', 'eve']), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'sub', reason: 'check_failed' });
    const typed = token({ sub: 'ada' }, SECRET, { header: { typ: 'at+jwt' } });
    passes([typed, '--typ', 'at+jwt']);
    passes([typed, '--typ', 'application/at+jwt']);
    assert.deepEqual(failure([typed, '--typ', 'JWT']), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'typ', reason: 'check_failed' });
    assert.deepEqual(failure([VALID, '--typ', 'at+jwt']), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'typ', reason: 'check_failed' });
    // VALID was issued 60 s before now.
    passes([VALID, '--max-token-age', '2m']);
    passes([VALID, '--max-token-age', '60']);
    assert.deepEqual(failure([VALID, '--max-token-age', '59s']), { code: 'ERR_JWT_EXPIRED', claim: 'iat', reason: 'check_failed' });
    assert.deepEqual(failure([token({ sub: 'ada' }), '--max-token-age', '1h']), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iat', reason: 'missing' });
    // A refusal names the flag the claim was held to, not the package's option.
    const said = (args) => run(['verify', ...args, ...AT], { env }).stderr;
    assert.equal(said([VALID, '--max-token-age', '59s']), 'jwt-wasm: ERR_JWT_EXPIRED: the token is older than --max-token-age allows (claim iat, check_failed)\n');
    assert.equal(said([VALID, '--subject', 'eve']), 'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the "sub" claim does not match --subject (claim sub, check_failed)\n');
    assert.equal(said([VALID, '--issuer', 'me']), 'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the "iss" claim does not match --issuer (claim iss, check_failed)\n');
    assert.equal(said([VALID, '--audience', 'web']), 'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the "aud" claim holds none of --audience\'s values (claim aud, check_failed)\n');
    assert.equal(said([VALID, '--alg', 'HS512']), 'jwt-wasm: ERR_JOSE_ALG_NOT_ALLOWED: the token\'s "alg" is not in --alg\n');
    assert.deepEqual(parseJson(run(['verify', VALID, '--json', '--issuer', 'me', ...AT], { env })).error,
      { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', message: 'the "iss" claim does not match --issuer', claim: 'iss', reason: 'check_failed' });
    // A missing claim's name is the caller's text, left as typed even where it reads like an option.
    assert.equal(said([VALID, '--require', 'the "issuer" option']),
      'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the required "the "issuer" option" claim is missing (claim the "issuer" option, missing)\n');
    // A claim name is the caller's text: its line break and controls are escaped, on one line.
    assert.equal(said([VALID, '--require', 'a\nb\u001b[31m\u202e']),
      'jwt-wasm: ERR_JWT_CLAIM_VALIDATION_FAILED: the required "a\\u000ab\\u001b[31m\\u202e" claim is missing (claim a\\u000ab\\u001b[31m\\u202e, missing)\n');
  });

  test('secret mistakes are usage errors that name no secret', () => {
    const none = run(['verify', VALID]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /ERR_USAGE: no secret/);
    const unset = run(['verify', VALID, '--secret-env', 'NOT_SET_ANYWHERE']);
    assert.equal(unset.status, 2);
    assert.match(unset.stderr, /the environment variable named by --secret-env is not set/);
    // The secret itself given to --secret-env by mistake is not printed (run() checks).
    assert.equal(run(['verify', VALID, '--secret-env', SECRET]).status, 2);
    // A name process.env inherits (toString, __proto__) is no variable that is set.
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      for (const encoding of ['utf8', 'base64', 'base64url', 'jwk']) {
        for (const command of [['verify', VALID], ['sign', '{}']]) {
          const inherited = run([...command, '--secret-env', name, '--secret-encoding', encoding]);
          assert.deepEqual([inherited.status, inherited.stderr], [2, 'jwt-wasm: ERR_USAGE: the environment variable named by --secret-env is not set\n'], `${name} ${encoding}`);
        }
      }
    }
    const two = run(['verify', VALID, '--secret', SECRET, '--secret-file', secretFile]);
    assert.equal(two.status, 2);
    assert.match(two.stderr, /give one of/);
    const missingFile = run(['verify', VALID, '--secret-file', join(scratch, 'absent')]);
    assert.equal(missingFile.status, 2);
    assert.match(missingFile.stderr, /cannot read the secret file: ENOENT/);
    const encoding = run(['verify', VALID, '--secret', SECRET, '--secret-encoding', 'hex']);
    assert.equal(encoding.status, 2);
    // A value given without its option is not echoed back either.
    const stray = run(['verify', VALID, SECRET]);
    assert.equal(stray.status, 2);
  });

  test('an option that takes one value, given twice, is a usage error rather than the last one winning', () => {
    const env = { JWT_SECRET: SECRET };
    for (const args of [['--subject', 'ada', '--subject', 'eve'], ['--typ', 'JWT', '--typ=at+jwt'], ['--now', '0', ...AT]]) {
      const result = run(['verify', VALID, ...args], { env });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /ERR_USAGE: --\w+ is given more than once/, args.join(' '));
    }
    assert.equal(run(['sign', '{}', '--iss', 'a', '--iss', 'b'], { env }).status, 2);
    // A flag given twice says the same thing twice.
    assert.equal(run(['sign', '{}', '--json', '--json', '--no-iat', '--no-iat'], { env }).status, 0);
    assert.equal(run(['decode', '-h', '--help']).status, 0);
  });
});

describe('sign', () => {
  test('one --aud is a string claim, several an array; no payload signs {}', () => {
    const env = { env: { JWT_SECRET: SECRET } };
    const one = run(['sign', '{}', '--no-iat', '--aud', 'api', ...AT], env);
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual(decodeJwt(one.stdout.trim()), { aud: 'api' });
    const two = run(['sign', '{}', '--no-iat', '--aud', 'api', '--aud', 'admin', ...AT], env);
    assert.deepEqual(decodeJwt(two.stdout.trim()), { aud: ['api', 'admin'] });
    // Empty standard input, an empty argument, white space: the help's default {}.
    for (const [args, input] of [[[], ''], [[''], ''], [[], ' \n']]) {
      const result = run(['sign', ...args, '--no-iat', ...AT], { ...env, input });
      assert.equal(result.status, 0, `${JSON.stringify([args, input])}: ${result.stderr}`);
      assert.deepEqual(decodeJwt(result.stdout.trim()), {});
    }
  });

  test('signs a payload argument with every option, as the library reads it back', () => {
    const result = run([
      'sign', '{"scope":"read","sub":"payload-sub"}', '--alg', 'HS384', '--exp', '15m', '--nbf', '0',
      '--iss', 'https://auth.example', '--sub', 'ada', '--aud', 'api', '--aud', 'admin', '--jti', 'id-1',
      '--typ', 'at+jwt', '--kid', 'key-1', ...AT,
    ], { env: { JWT_SECRET: SECRET } });
    assert.equal(result.status, 0, result.stderr);
    const jwt = result.stdout.trim();
    assert.equal(result.stdout, `${jwt}\n`);
    const { payload, protectedHeader } = jwtVerify(jwt, SECRET, { currentDate: NOW, algorithms: ['HS384'] });
    assert.deepEqual(protectedHeader, { alg: 'HS384', typ: 'at+jwt', kid: 'key-1' });
    assert.deepEqual(payload, {
      scope: 'read', sub: 'ada', iss: 'https://auth.example', aud: ['api', 'admin'], jti: 'id-1',
      iat: NOW_S, exp: NOW_S + 900, nbf: 0,
    });
  });

  test('a token signed already expired is printed with a warning (a plain --exp is a NumericDate)', () => {
    const env = { env: { JWT_SECRET: SECRET } };
    const hour = run(['sign', '{}', '--exp', '3600', ...AT], env);
    assert.equal(hour.status, 0, hour.stderr);
    assert.equal(decodeJwt(hour.stdout.trim()).exp, 3600);
    assert.equal(hour.stderr, 'jwt-wasm: warning: the token has already expired (exp 1970-01-01T01:00:00.000Z): a plain number is a NumericDate, seconds since 1970; for a time from now give a duration such as 15m\n');
    const past = run(['sign', '{}', '--exp=-1h', '--json', ...AT], env);
    assert.equal(past.status, 0, past.stderr);
    assert.equal(parseJson(past).payload.exp, NOW_S - 3600);
    assert.equal(past.stderr, `jwt-wasm: warning: the token has already expired (exp ${new Date((NOW_S - 3600) * 1000).toISOString()})\n`);
    // An exp from the payload too, where no --exp hint applies.
    const fromPayload = run(['sign', '{"exp":3600}', ...AT], env);
    assert.equal(fromPayload.status, 0, fromPayload.stderr);
    assert.equal(fromPayload.stderr, 'jwt-wasm: warning: the token has already expired (exp 1970-01-01T01:00:00.000Z)\n');
    // Not for a token that has yet to expire, nor without exp.
    for (const args of [['--exp', '15m'], ['--exp', String(NOW_S + 60)], []]) {
      const result = run(['sign', '{}', ...args, ...AT], env);
      assert.deepEqual([result.status, result.stderr], [0, ''], args.join(' '));
    }
  });

  test('a token the tool could not read back (over 64 KB) is not made, with --json or without', () => {
    const env = { env: { JWT_SECRET: SECRET } };
    // 48,000 characters of claims: a token just under the cap, read back by decode.
    const fits = run(['sign', JSON.stringify({ pad: 'x'.repeat(48_000) }), '--no-iat', ...AT], env);
    assert.equal(fits.status, 0, fits.stderr);
    assert.equal(run(['decode', '--json', fits.stdout.trim()]).status, 0);
    for (const json of [[], ['--json']]) {
      const big = run(['sign', JSON.stringify({ pad: 'x'.repeat(60_000) }), '--exp', '1h', ...json, ...AT], env);
      assert.equal(big.status, 1, big.stdout + big.stderr);
      if (json.length) {
        assert.equal(parseJson(big).error.code, 'ERR_JWT_TOO_LONG');
      } else {
        assert.equal(big.stdout, '');
        assert.match(big.stderr, /^jwt-wasm: ERR_JWT_TOO_LONG: the token would be 80,\d{3} bytes, more than jwt-wasm reads by default \(64 KB\)/);
      }
    }
  });

  test('reads standard input from a pipe whose writer is slow or writes more than a pipe holds', () => {
    // Standard input must stay a blocking read: touching process.stdin made the pipe non-blocking,
    // and the read failed with EAGAIN whenever the writer had not finished (`curl ... | jq ... |`).
    // 200 KB of white space inside the payload: read whole, signed small.
    const payload = `{${' '.repeat(200_000)}"sub":"piped"}`;
    const big = run(['sign', '--no-iat', ...AT], { input: payload, env: { JWT_SECRET: SECRET } });
    assert.equal(big.status, 0, big.stderr);
    assert.equal(jwtVerify(big.stdout.trim(), SECRET).payload.sub, 'piped');
    const slow = spawnSync('sh', ['-c', `(sleep 0.3; printf '%s' "$T") | "${process.execPath}" "${BIN}" decode --json`], {
      env: { PATH: process.env.PATH, T: VALID },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(slow.status, 0, slow.stderr);
    assert.equal(JSON.parse(slow.stdout).payload.sub, 'ada');
  });

  test('reads the payload from standard input; --no-iat; --json; secret from a file', () => {
    const file = join(scratch, 'sign-secret');
    writeFileSync(file, `${SECRET}\r\n`);
    const result = run(['sign', '--json', '--no-iat', '--secret-file', file, ...AT], { input: '{ "sub": "from-stdin" }\n' });
    assert.equal(result.status, 0, result.stderr);
    const out = parseJson(result);
    assert.deepEqual(out.payload, { sub: 'from-stdin' });
    assert.deepEqual(out.header, { alg: 'HS256' });
    assert.deepEqual(jwtVerify(out.token, SECRET).payload, { sub: 'from-stdin' });
  });

  test('sign | verify round-trips through standard input', () => {
    const signed = run(['sign', '{"sub":"pipe"}', '--exp', '1h', ...AT], { env: { JWT_SECRET: SECRET } });
    assert.equal(signed.status, 0, signed.stderr);
    const verified = run(['verify', '--json', ...AT], { input: signed.stdout, env: { JWT_SECRET: SECRET } });
    assert.equal(verified.status, 0, verified.stdout);
    assert.equal(parseJson(verified).payload.sub, 'pipe');
    assert.equal(parseJson(verified).payload.exp, NOW_S + 3600);
  });

  test('bad input: not JSON is ERR_USAGE; what the library refuses keeps its code', () => {
    const env = { JWT_SECRET: SECRET };
    const notJson = run(['sign', '{sub:'], { env });
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /ERR_USAGE: the payload is not JSON \(at character 2\)/);
    // Counted in characters: each emoji is one (two UTF-16 units for the parser).
    assert.match(run(['sign', '{"a":"😀😀😀", x}'], { env }).stderr, /\(at character 13\)/);
    // Counted in the text as given, white space before the object included (as the page counts).
    assert.match(run(['sign', '\n\n  { not json'], { env }).stderr, /\(at character 7\)/);
    assert.match(run(['sign'], { env, input: '\n\n  { not json\n' }).stderr, /\(at character 7\)/);
    // A number JavaScript cannot hold would be signed as null: refused (an exp so keeps its code).
    const huge = run(['sign', '{"a":{"b":[1, -1e400]}}'], { env });
    assert.equal(huge.status, 1);
    assert.match(huge.stderr, /ERR_JWT_INVALID: the payload holds a number too large for JavaScript \(such as 1e400\), which would be signed as null/);
    assert.match(run(['sign', '{"exp":1e400}'], { env }).stderr, /ERR_JWT_CLAIM_VALIDATION_FAILED/);
    // The secret given in the payload's place is not quoted back, not even its start (run()
    // checks the whole secret; V8's message quoted the first 10 characters).
    for (const result of [run(['sign', SECRET], { env }), run(['sign', '--json'], { env, input: SECRET })]) {
      assert.equal(result.status, 2);
      assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET.slice(0, 6)), result.stdout + result.stderr);
    }
    // A repeated member name is refused, as in a token's claims, not signed with the last value.
    const repeated = run(['sign', '{"role":"admin","role":"user"}', '--json'], { env });
    assert.equal(repeated.status, 1);
    assert.deepEqual(parseJson(repeated).error, { code: 'ERR_JWT_INVALID', message: 'the payload has a duplicate member name' });
    // signJwt's own refusals come first, as before the check.
    assert.equal(parseJson(run(['sign', '{"a":1,"a":2}', '--exp', 'soon', '--json'], { env })).error.code, 'ERR_OPTIONS_INVALID');
    const cases = [
      [['sign', '{}', '--exp', 'soon'], 'ERR_OPTIONS_INVALID'],
      [['sign', '[1,2]'], 'ERR_JWT_INVALID'],
      [['sign', '{}', '--alg', 'none'], 'ERR_JOSE_NOT_SUPPORTED'],
    ];
    for (const [args, code] of cases) {
      const result = run([...args, '--json'], { env });
      assert.equal(result.status, 1, args.join(' '));
      assert.equal(parseJson(result).error.code, code, args.join(' '));
    }
    const emptyKey = run(['sign', '{}', '--secret', '']);
    assert.equal(emptyKey.status, 1);
    assert.match(emptyKey.stderr, /ERR_KEY_INVALID/);
  });

  test('output that cannot be written is said on stderr with status 1, not a stack trace', { skip: !LINUX && !existsSync('/dev/full') && 'no /dev/full' }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BIN, 'decode', VALID], { stdio: ['pipe', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      assert.equal(result.status, 1);
      assert.equal(result.stderr, 'jwt-wasm: ERR_OUTPUT: cannot write the output (ENOSPC)\n');
      // With nothing to write there, a usage error keeps its status.
      const usage = spawnSync(process.execPath, [BIN], { stdio: ['pipe', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      assert.equal(usage.status, 2, usage.stderr);
    } finally {
      closeSync(full);
    }
  });
});

describe('as a user scripts it', () => {
  const env = { JWT_SECRET: SECRET };

  test('standard input and secret files are read up to 4 MiB, not until the memory runs out', () => {
    // From a file: the tool stops reading at the cap, which a pipe's writer would meet as EPIPE.
    const file = join(scratch, 'huge-input');
    writeFileSync(file, 'A'.repeat(5 * 1024 * 1024));
    const fd = openSync(file, 'r');
    let input;
    try {
      input = spawnSync(process.execPath, [BIN, 'decode'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 30_000 });
    } finally {
      closeSync(fd);
    }
    assert.equal(input.status, 2);
    assert.equal(input.stderr, 'jwt-wasm: ERR_USAGE: standard input is longer than 4 MiB, more than any token, payload or secret\n');
    // An endless input: only a read that stops at the cap can answer (and answer this).
    const zero = openSync('/dev/zero', 'r');
    let endless;
    try {
      endless = spawnSync(process.execPath, [BIN, 'decode'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 30_000 });
    } finally {
      closeSync(zero);
    }
    assert.deepEqual([endless.status, endless.stderr], [2, 'jwt-wasm: ERR_USAGE: standard input is longer than 4 MiB, more than any token, payload or secret\n']);
    const secret = run(['verify', VALID, '--secret-file', file]);
    assert.equal(secret.status, 2);
    assert.match(secret.stderr, /ERR_USAGE: the secret file is longer than 4 MiB/);
    // Under the cap, a long token is the package's to refuse, with its code.
    assert.match(run(['decode'], { input: `${VALID}${'A'.repeat(70_000)}` }).stderr, /ERR_JWT_TOO_LONG/);
  });

  test('standard input of exactly 4 MiB is read; one byte more is refused', () => {
    const padded = (bytes) => `${VALID}${' '.repeat(bytes - VALID.length)}`;
    assert.equal(parseJson(run(['decode', '--json'], { input: padded(4 * 1024 * 1024) })).payload.sub, 'ada');
    const over = run(['decode'], { input: padded(4 * 1024 * 1024 + 1) });
    assert.deepEqual([over.status, over.stderr], [2, 'jwt-wasm: ERR_USAGE: standard input is longer than 4 MiB, more than any token, payload or secret\n']);
  });

  test('"-" is standard input, for every command', () => {
    assert.equal(parseJson(run(['decode', '-', '--json'], { input: VALID })).payload.sub, 'ada');
    assert.equal(run(['inspect', '-', ...AT], { input: VALID }).status, 0);
    assert.equal(parseJson(run(['verify', '-', '--json', ...AT], { input: VALID, env })).payload.sub, 'ada');
    const signed = run(['sign', '-', '--no-iat'], { input: '{"sub":"dash"}', env });
    assert.deepEqual(decodeJwt(signed.stdout.trim()), { sub: 'dash' });
  });

  test('a closed stderr does not change the status: the token is printed, the warning lost', { skip: !LINUX && spawnSync('python3', ['-c', '']).status !== 0 && 'no python3' }, () => {
    const script = [
      'import os,subprocess,sys',
      'r, w = os.pipe(); os.close(r)',
      'p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=w)',
      'sys.stdout.write(f"{p.returncode} {p.stdout.decode().strip()}")',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, 'sign', '{}', '--secret', 'short', '--no-iat'], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const [status, printed] = result.stdout.split(' ');
    assert.equal(status, '0', result.stderr);
    assert.deepEqual(jwtVerify(printed, 'short').payload, {});
  });

  test('standard input left non-blocking by the caller is waited for, not refused (EAGAIN)', { skip: !LINUX && spawnSync('python3', ['-c', '']).status !== 0 && 'no python3' }, () => {
    const script = 'import os,fcntl,subprocess,sys; fcntl.fcntl(0, fcntl.F_SETFL, os.O_NONBLOCK); sys.exit(subprocess.run(sys.argv[1:]).returncode)';
    const result = spawnSync('sh', ['-c', `(sleep 0.5; printf '%s' "$T") | python3 -c '${script}' "${process.execPath}" "${BIN}" decode --json`], {
      env: { PATH: process.env.PATH, T: VALID },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).payload.sub, 'ada');
  });

  test('C1 controls, DEL and bidirectional controls in claims are escaped, as JSON still', () => {
    const claims = { sub: '\u009b2J\u001b[31m', name: 'admin\u202e', note: 'a\u2066b\u007f\u2028' };
    const tricky = token(claims);
    for (const args of [['decode', tricky], ['decode', tricky, '--json'], ['verify', tricky, '--json', ...AT]]) {
      const result = run(args, { env });
      assert.equal(result.status, 0, result.stderr);
      assert.ok(!/[\u007f-\u009f\u202e\u2066\u2028\u001b]/.test(result.stdout), args.join(' '));
      assert.match(result.stdout, /\\u009b2J\\u001b\[31m/);
      assert.match(result.stdout, /admin\\u202e/);
    }
    assert.deepEqual(parseJson(run(['decode', tricky, '--json'])).payload, claims);
  });

  test('a refused option is named by the flag that set it; a base64url secret as a secret', () => {
    const cases = [
      [['sign', '{}', '--exp', '15x'], 'ERR_OPTIONS_INVALID: --exp is not a duration string such as "2h" (it sets "exp"); it also takes an ISO 8601 date (2026-03-01) or seconds since the epoch'],
      [['sign', '{}', '--nbf', 'soon'], 'ERR_OPTIONS_INVALID: --nbf is not a duration string such as "2h" (it sets "nbf"); it also takes an ISO 8601 date (2026-03-01) or seconds since the epoch'],
      [['verify', VALID, '--clock-tolerance', 'x'], 'ERR_OPTIONS_INVALID: --clock-tolerance must be a number of seconds or a duration string such as "30s" or "5 min"'],
      [['inspect', VALID, '--clock-tolerance', 'x'], 'ERR_OPTIONS_INVALID: --clock-tolerance must be a number of seconds or a duration string such as "30s" or "5 min"'],
      [['verify', VALID, '--alg', 'HS256,none'], 'ERR_JOSE_NOT_SUPPORTED: --alg names an algorithm that is not supported (supported: HS256, HS384, HS512; names are case-sensitive)'],
      [['sign', '{}', '--alg', 'none'], 'ERR_JOSE_NOT_SUPPORTED: --alg names an algorithm that is not supported (supported: HS256, HS384, HS512; names are case-sensitive)'],
      [['verify', VALID, '--require', ''], 'ERR_OPTIONS_INVALID: --require must hold non-empty claim names'],
      [['verify', VALID, '--issuer', ''], 'ERR_OPTIONS_INVALID: --issuer must be a non-empty string or a non-empty array of them'],
      [['verify', VALID, '--secret', 'ab!', '--secret-encoding', 'base64url'], 'ERR_JWK_INVALID: the secret is not base64url (--secret-encoding base64url)'],
      // Only an option's name that starts the message is a flag's: a JWK's "alg" stays one.
      [['sign', '{}', '--secret', JSON.stringify({ kty: 'oct', k: SECRET_B64URL, alg: 'none' }), '--secret-encoding', 'jwk'],
        'ERR_JOSE_NOT_SUPPORTED: the JWK "alg" names an algorithm that is not supported (supported: HS256, HS384, HS512; names are case-sensitive)'],
    ];
    for (const [args, line] of cases) {
      const result = run([...args, ...AT], { env });
      assert.equal(result.status, 1, args.join(' '));
      assert.equal(result.stderr, `jwt-wasm: ${line}\n`, args.join(' '));
    }
  });

  test('usage mistakes: one line each, no value repeated that may be a secret, the flag meant', () => {
    const cases = [
      [['sign', '--exp', '-5m'], 'ERR_USAGE: --exp takes a value; for one that starts with "-", write --exp=<value> (one word, with "=") (see "jwt-wasm sign --help")'],
      [['verify', VALID, '--alg', ','], 'ERR_USAGE: --alg names no algorithm'],
      [['verify', VALID, '--SECREThunter2'], 'ERR_USAGE: unknown option starting with --secret (not shown: it may hold the secret; write --secret=TEXT) (see "jwt-wasm verify --help")'],
      [['verify', VALID, '--secret:hunter2'], 'ERR_USAGE: unknown option starting with --secret (not shown: it may hold the secret; write --secret=TEXT) (see "jwt-wasm verify --help")'],
      [['decode', VALID, '-xhunter2'], 'ERR_USAGE: unknown option -x (see "jwt-wasm decode --help")'],
      [['decode', VALID, '--frob:hunter2'], 'ERR_USAGE: unknown option --frob... (see "jwt-wasm decode --help")'],
      [['verify', VALID, '--iss', 'me'], 'ERR_USAGE: unknown option --iss (did you mean --issuer?) (see "jwt-wasm verify --help")'],
      [['sign', '{}', '--audience', 'api'], 'ERR_USAGE: unknown option --audience (did you mean --aud?) (see "jwt-wasm sign --help")'],
      [['help', 'hunter2'], 'ERR_USAGE: unknown command (commands: decode, inspect, verify, sign)'],
      [['help', 'decode', 'extra'], 'ERR_USAGE: help takes at most one command'],
      [['sign', '{}', '--iss='], 'ERR_USAGE: --iss is empty'],
      [['sign', '{}', '--aud', 'api', '--aud', ''], 'ERR_USAGE: --aud is empty'],
      [['verify', VALID, '--max-token-length', '1e3'], 'ERR_USAGE: --max-token-length must be a whole number of bytes'],
      [['sign', '{}', '--exp', '2027-02-30'], 'ERR_USAGE: --exp 2027-02-30 is not a day of the calendar'],
      [['sign', '{}', '--nbf', '1795792525000'], 'ERR_USAGE: --nbf 1795792525000 is past the year 5000: --nbf takes seconds since the epoch, not milliseconds'],
    ];
    for (const [args, line] of cases) {
      const result = run(args, { env });
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr, `jwt-wasm: ${line}\n`, args.join(' '));
      assert.ok(!result.stderr.includes('hunter2'), args.join(' '));
    }
    assert.equal(run(['sign', '{}', '--exp=-5m', ...AT], { env }).status, 0);
  });

  test('an unknown option is named by at most 40 characters after its dashes', () => {
    const forty = `--${'a'.repeat(40)}`;
    assert.equal(run(['decode', VALID, forty]).stderr, `jwt-wasm: ERR_USAGE: unknown option ${forty} (see "jwt-wasm decode --help")\n`);
    assert.equal(run(['decode', VALID, `${forty}a`]).stderr, `jwt-wasm: ERR_USAGE: unknown option ${forty}... (see "jwt-wasm decode --help")\n`);
  });

  test('each option of the other command, or jose\'s name for it, is said with the one meant', () => {
    const meant = {
      verify: { '--iss': '--issuer', '--aud': '--audience', '--sub': '--subject', '--clock-skew': '--clock-tolerance' },
      sign: { '--issuer': '--iss', '--audience': '--aud', '--subject': '--sub', '--expires-in': '--exp', '--expiration': '--exp', '--not-before': '--nbf' },
      inspect: { '--clock-skew': '--clock-tolerance' },
    };
    for (const [command, pairs] of Object.entries(meant)) {
      for (const [given, flag] of Object.entries(pairs)) {
        const result = run([command, command === 'sign' ? '{}' : VALID, given, '5m'], { env });
        assert.equal(result.status, 2, `${command} ${given}`);
        assert.equal(result.stderr, `jwt-wasm: ERR_USAGE: unknown option ${given} (did you mean ${flag}?) (see "jwt-wasm ${command} --help")\n`);
      }
    }
  });

  test('help and the command name only commands: a name every object has is an unknown command too', () => {
    for (const topic of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const result = run(['help', topic]);
      assert.deepEqual([result.status, result.stdout, result.stderr], [2, '', 'jwt-wasm: ERR_USAGE: unknown command (commands: decode, inspect, verify, sign)\n'], topic);
      const command = run([topic, 'x']);
      assert.deepEqual([command.status, command.stdout, command.stderr], [2, '', 'jwt-wasm: ERR_USAGE: unknown command (commands: decode, inspect, verify, sign; see "jwt-wasm --help")\n'], topic);
    }
  });

  test('seconds from 1e11 on are refused as milliseconds; 1e11 - 1 is a time', () => {
    const refused = run(['sign', '{}', '--exp', '100000000000', ...AT], { env });
    assert.deepEqual([refused.status, refused.stderr], [2, 'jwt-wasm: ERR_USAGE: --exp 100000000000 is past the year 5000: --exp takes seconds since the epoch, not milliseconds\n']);
    const signed = run(['sign', '{}', '--exp', '99999999999', '--no-iat', ...AT], { env });
    assert.equal(signed.status, 0, signed.stderr);
    assert.deepEqual(decodeJwt(signed.stdout.trim()), { exp: 99_999_999_999 });
  });

  test('a date --exp or --nbf cannot read says a duration is taken too; --now, which takes none, does not', () => {
    const forms = '(2026-03-01, 2026-03-01T12:00:00Z, 2026-03-01 12:00+02:00) or seconds since the epoch';
    for (const flag of ['--exp', '--nbf']) {
      const result = run(['sign', '{}', flag, '2026-13-01', ...AT], { env });
      assert.deepEqual([result.status, result.stderr], [2, `jwt-wasm: ERR_USAGE: ${flag} must be an ISO 8601 date or date-time ${forms}, or a duration such as 15m\n`]);
    }
    const now = run(['inspect', VALID, '--now', '2026-13-01']);
    assert.deepEqual([now.status, now.stderr], [2, `jwt-wasm: ERR_USAGE: --now must be an ISO 8601 date or date-time ${forms}\n`]);
  });

  test('--exp and --nbf take ISO dates; --max-token-length is verify\'s', () => {
    const signed = run(['sign', '{}', '--exp', '2026-03-02', '--nbf', '2026-03-01T11:00:00Z', '--no-iat', ...AT], { env });
    assert.equal(signed.status, 0, signed.stderr);
    assert.deepEqual(decodeJwt(signed.stdout.trim()), { exp: NOW_S + 12 * 3600, nbf: NOW_S - 3600 });
    const short = run(['verify', VALID, '--max-token-length', '100', '--json', ...AT], { env });
    assert.equal(parseJson(short).error.code, 'ERR_JWT_TOO_LONG');
    // The refusal names the flag that set the cap, not the package's option.
    assert.equal(parseJson(short).error.message, 'the token is longer than 100 bytes, --max-token-length\'s cap (65536 unless set)');
    assert.equal(run(['verify', VALID, '--max-token-length', String(VALID.length), ...AT], { env }).status, 0);
  });

  test('a standard base64 secret (as openssl rand -base64 prints it) signs and verifies', () => {
    const base64 = Buffer.from(SECRET_BYTES).toString('base64');
    assert.match(base64, /[+/=]/);
    const signed = run(['sign', '{"sub":"b64"}', '--secret', base64, '--secret-encoding', 'base64']);
    assert.equal(signed.status, 0, signed.stderr);
    assert.equal(jwtVerify(signed.stdout.trim(), SECRET_BYTES).payload.sub, 'b64');
    assert.equal(run(['verify', signed.stdout.trim(), '--secret', base64.replace(/=+$/, ''), '--secret-encoding', 'base64']).status, 0);
    // As openssl prints 64 bytes: wrapped at 64 characters.
    const long = Uint8Array.from({ length: 64 }, (_, i) => (i * 53 + 7) % 256);
    const file = join(scratch, 'secret.b64');
    writeFileSync(file, `${Buffer.from(long).toString('base64').replace(/.{64}/g, '$&\n')}\n`);
    assert.match(readFileSync(file, 'utf8'), /^.{64}\n.+\n$/);
    const wrapped = run(['sign', '{}', '--alg', 'HS512', '--secret-file', file, '--secret-encoding', 'base64']);
    assert.equal(wrapped.status, 0, wrapped.stderr);
    assert.equal(wrapped.stderr, '');
    assert.equal(jwtVerify(wrapped.stdout.trim(), long).protectedHeader.alg, 'HS512');
    // base64url wrapped the same way (basenc --base64url); a space within is not a line break.
    const wrappedUrl = `${Buffer.from(long).toString('base64url').replace(/.{64}/g, '$&\r\n')}\n`;
    assert.equal(run(['verify', wrapped.stdout.trim(), '--secret', wrappedUrl, '--secret-encoding', 'base64url']).status, 0);
    assert.equal(run(['verify', VALID, '--secret', `${base64.slice(0, 8)} ${base64.slice(8)}`, '--secret-encoding', 'base64']).status, 2);
    for (const bad of [SECRET_B64URL.replace(/[^-_]*$/, '') + '-x', `${base64}=`, 'ab=c']) {
      const result = run(['verify', VALID, '--secret', bad, '--secret-encoding', 'base64']);
      assert.equal(result.status, 2, bad);
      assert.match(result.stderr, /ERR_USAGE: with --secret-encoding base64 the secret must be standard base64/);
    }
  });

  test('sign warns of what a flag or the secret did that may not be meant; the token is still printed', () => {
    const warned = (args, options = { env }) => {
      const result = run(['sign', ...args, ...AT], options);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(decodeJwt(result.stdout.trim()));
      return result.stderr.split('\n').filter(Boolean).map((line) => line.replace(/^jwt-wasm: warning: /, ''));
    };
    assert.deepEqual(warned(['{"exp":5,"sub":"a"}', '--exp', '15m', '--sub', 'b', '--no-iat']), [
      "--exp replaces the payload's exp", "--sub replaces the payload's sub",
    ]);
    assert.deepEqual(warned(['{"iat":5}']), ["the payload's iat is replaced by the signing time (--no-iat keeps it)"]);
    assert.deepEqual(warned(['{"iat":5}', '--no-iat']), []);
    assert.deepEqual(warned(['{}', '--exp', '1h', '--nbf', '2h']), ['the token is never valid: its nbf is not before its exp']);
    assert.deepEqual(warned(['{}', '--secret', 'short']), ['the secret is 5 bytes; RFC 7518 asks for at least 32 for HS256 (random bytes)']);
    assert.deepEqual(warned(['{}', '--alg', 'HS512']), [`the secret is ${SECRET.length} bytes; RFC 7518 asks for at least 64 for HS512 (random bytes)`]);
    assert.deepEqual(warned(['{}', '--secret', SECRET_B64URL, '--secret-encoding', 'base64url']), []);
    // A JWK's secret too, from its k.
    assert.deepEqual(warned(['{}', '--secret', '{"kty":"oct","k":"c2VjcmV0"}', '--secret-encoding', 'jwk']),
      ['the secret is 6 bytes; RFC 7518 asks for at least 32 for HS256 (random bytes)']);
    assert.deepEqual(warned(['{}']), []);
  });

  test('sign warns at the edges: nbf equal to exp, and a JWK secret a byte short (its k rounded down)', () => {
    const warnings = (args) => {
      const result = run(['sign', '{}', '--no-iat', ...args, ...AT], { env });
      assert.equal(result.status, 0, result.stderr);
      return result.stderr;
    };
    const never = 'jwt-wasm: warning: the token is never valid: its nbf is not before its exp\n';
    assert.equal(warnings(['--exp', String(NOW_S + 3600), '--nbf', String(NOW_S + 3600)]), never);
    assert.equal(warnings(['--exp', String(NOW_S + 3600), '--nbf', String(NOW_S + 3599)]), '');
    // 42 characters of k are 31 bytes (not 31.5 rounded up to 32); 43 are 32.
    const jwk = (bytes) => JSON.stringify({ kty: 'oct', k: Buffer.alloc(bytes, 7).toString('base64url') });
    assert.equal(warnings(['--secret', jwk(31), '--secret-encoding', 'jwk']),
      'jwt-wasm: warning: the secret is 31 bytes; RFC 7518 asks for at least 32 for HS256 (random bytes)\n');
    assert.equal(warnings(['--secret', jwk(32), '--secret-encoding', 'jwk']), '');
  });
});

describe('as an installed package', () => {
  test('npm pack + install: the bin runs as jwt-wasm, with every file it needs shipped', { timeout: 180_000 }, () => {
    const npm = (args, cwd) => {
      const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000 });
      assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stdout}${result.stderr}${result.error ?? ''}`);
      return result.stdout;
    };
    const packDir = join(scratch, 'pack');
    const appDir = join(scratch, 'app');
    mkdirSync(packDir);
    mkdirSync(appDir);
    // npm test has built pkg/ already; --ignore-scripts keeps any prepack output off the JSON.
    const [{ filename, files }] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], ROOT));
    const shipped = files.map((f) => f.path);
    assert.ok(['bin/jwt-wasm.mjs', 'www/format.js', 'www/payload.js'].every((file) => shipped.includes(file)), shipped.join(', '));
    writeFileSync(join(appDir, 'package.json'), '{ "name": "app", "private": true }\n');
    npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, filename)], appDir);

    const bin = join(appDir, 'node_modules/.bin/jwt-wasm');
    const decoded = spawnSync(bin, ['decode', '--json', VALID], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(decoded.status, 0, decoded.stderr);
    assert.deepEqual(JSON.parse(decoded.stdout).payload, segment(VALID, 1));

    const npx = spawnSync('npx', ['--offline', '--no', 'jwt-wasm', 'inspect', VALID, ...AT], { cwd: appDir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(npx.status, 0, npx.stdout + npx.stderr);
    assert.match(npx.stdout, /^Status +Not expired: expires in 10 min/);
  });
});
