#!/usr/bin/env node
// The jwt-wasm command-line tool: decode, inspect, verify and sign tokens. It reads arguments,
// secrets and standard input, calls the package, and prints what the package answers; every
// rule about tokens lives in the package. Exit status: 0 success, 1 the package refused the token,
// key or options (the error code is printed) or the output could not be written, 2 a usage error
// (ERR_USAGE).
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { parseArgs } from 'node:util';
import { decodeJwt, decodeProtectedHeader, expiryInfo, JwtError, jwtVerify } from 'jwt-wasm';
// The page and the tool word times alike: one implementation, in the page's folder.
import { describeStatus, escapeUnsafe, escapeUnsafeText, isValidDate, jsonText, OUT_OF_RANGE, relativeTime, secondsFrom, secretJwk, STATUS_LABELS, timeStatus } from '../www/format.js';
import { expiredAt, parsePayload, shortSecretWarning, signPayload, unsignedToken } from '../www/payload.js';

const { version } = createRequire(import.meta.url)('jwt-wasm/package.json');

/** A mistake in how the tool was called; never carries a secret or a token. */
class UsageError extends Error {
  code = 'ERR_USAGE';
}

// ---------------------------------------------------------------------------------------------
// Help

const MAIN_HELP = `jwt-wasm ${version}: decode, inspect, verify and sign JSON Web Tokens (HS256/384/512)

Usage: jwt-wasm <command> [options] [token]

Commands:
  decode   Print the header and the payload. Does not verify anything.
  inspect  Say whether the token is expired, not yet valid or valid, and when. Does not verify.
  verify   Check the signature and the claims.
  sign     Sign a JSON payload into a token.

The token (for sign, the JSON payload) is the argument or, without one (or with "-"),
standard input. Run "jwt-wasm <command> --help" (or "jwt-wasm help <command>") for a command's
options, and "jwt-wasm --version" for the version (help and the version are text, with or
without --json).

Exit status: 0 success; 1 the token, key or options were refused (the error code, such as
ERR_JWT_EXPIRED, is printed), or the output could not be written (ERR_OUTPUT); 2 a usage error
(ERR_USAGE), including text the tool reads itself: a --now, a payload that is not JSON, a base64
secret with characters outside its alphabet or broken padding, a jwk secret that is not JSON (a
base64 or base64url secret that does not decode is refused by the package: ERR_JWK_INVALID, 1).`;

const SECRET_HELP = `  --secret-env <NAME>     Read the secret from environment variable NAME
  --secret-file <path>    Read the secret from a file (one trailing line break is dropped)
  --secret <text>         The secret itself (visible to other users in the process list)
  --secret-encoding <e>   utf8 (default), base64url, base64 (standard, as openssl rand -base64
                          prints it), or jwk (the JSON text of an "oct" JWK)
                          Without a --secret option, the JWT_SECRET environment variable is used.
                          The secret is never printed.`;

const HELP = {
  decode: `Usage: jwt-wasm decode [token] [--json]

Prints the protected header and the claims set. Nothing is verified: use "jwt-wasm verify"
before trusting any of it.

Options:
  --json    One JSON object: { "header": ..., "payload": ... }
  --help    This help`,

  inspect: `Usage: jwt-wasm inspect [token] [options]

Says whether the token is valid, expired, not yet valid or has no expiry, judged by its exp and
nbf claims, with the times in words. The signature is not checked: use "jwt-wasm verify" for that.
Exits 0 whenever the token can be read (its header and claims set decode, and its exp, nbf and iat,
where present, are finite numbers), whatever its status.

Options:
  --clock-tolerance <d>   Leeway for exp and nbf: seconds or a duration such as 30s, 5m (default 0)
  --now <time>            Judge at this time (an ISO 8601 date or date-time, or seconds since the
                          epoch) instead of now
  --json                  One JSON object with status, description (the status in words),
                          expired, notYetValid, expiresAt, notBefore, issuedAt, secondsLeft and
                          now (the time judged at); a time beyond what a date can hold, such as
                          exp 1e20, is "${OUT_OF_RANGE}"
  --help                  This help`,

  verify: `Usage: jwt-wasm verify [token] [options]

Checks the signature, then the claims, exactly as jwtVerify does. Prints the payload on success;
on failure prints the error code and exits 1 (2 for a usage error).

Secret:
${SECRET_HELP}

Checks:
  --alg <alg>             Allow this algorithm (repeat, or comma-separate; default: HS256, HS384, HS512)
  --issuer <iss>          Require this issuer (repeat to accept several)
  --audience <aud>        Require this audience (repeat to accept several)
  --subject <sub>         Require this subject
  --typ <typ>             Require this header typ (e.g. at+jwt)
  --require <claim>       Require this claim to be present (repeatable)
  --clock-tolerance <d>   Leeway for exp, nbf and (with --max-token-age) iat: seconds or a duration
                          such as 30s (default 0)
  --max-token-age <d>     Refuse tokens issued (iat) longer ago than this
  --max-token-length <n>  Refuse tokens longer than n bytes (default 65536)
  --now <time>            Verify at this time (an ISO 8601 date or date-time, or seconds since the
                          epoch) instead of now

Output:
  --json                  { "valid": true, "header": ..., "payload": ... }, or
                          { "valid": false, "error": ... }
  --help                  This help`,

  sign: `Usage: jwt-wasm sign [payload] [options]

Signs a JSON object (the argument or standard input, UTF-8; default {}) and prints the token.
Without a payload argument, standard input is read whenever it is not a terminal: in a script
whose standard input is something else (a while-read loop), pass the payload ('{}') as an argument.
The object is read as strictly as the claims of a token (a member name repeated at its top level
is refused, in a text of up to about 48 KB); its numbers are JavaScript numbers, so integers
beyond 2^53 lose precision. A token over 64 KB, which decode and inspect refuse (and verify, but
with --max-token-length), is not made (ERR_JWT_TOO_LONG).

Secret:
${SECRET_HELP}

Token:
  --alg <alg>             HS256 (the default; with a jwk secret, its own alg if it has one),
                          HS384 or HS512
  --exp <time>            Expiration: a duration from now (15m, 2h, 7d), an ISO 8601 date or
                          date-time, or seconds since the epoch
  --nbf <time>            Not before: the same forms
  --no-iat                Do not set iat (by default iat is the signing time; a payload's own
                          iat then stays)
  --iss <iss>             Issuer
  --sub <sub>             Subject
  --aud <aud>             Audience (repeat for several)
  --jti <id>              Token id
  --typ <typ>             Header typ (e.g. JWT, at+jwt)
  --kid <id>              Header kid
  --now <time>            Sign as of this time (an ISO 8601 date or date-time, or seconds since
                          the epoch)

Output:
  --json                  { "token": ..., "header": ..., "payload": ... }
  --help                  This help`,
};

// ---------------------------------------------------------------------------------------------
// Options

const SECRET_OPTIONS = {
  secret: { type: 'string' },
  'secret-env': { type: 'string' },
  'secret-file': { type: 'string' },
  'secret-encoding': { type: 'string' },
};
const COMMON = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
const OPTIONS = {
  decode: { ...COMMON },
  inspect: { ...COMMON, 'clock-tolerance': { type: 'string' }, now: { type: 'string' } },
  verify: {
    ...COMMON,
    ...SECRET_OPTIONS,
    alg: { type: 'string', multiple: true },
    issuer: { type: 'string', multiple: true },
    audience: { type: 'string', multiple: true },
    subject: { type: 'string' },
    typ: { type: 'string' },
    require: { type: 'string', multiple: true },
    'clock-tolerance': { type: 'string' },
    'max-token-age': { type: 'string' },
    'max-token-length': { type: 'string' },
    now: { type: 'string' },
  },
  sign: {
    ...COMMON,
    ...SECRET_OPTIONS,
    alg: { type: 'string' },
    exp: { type: 'string' },
    nbf: { type: 'string' },
    'no-iat': { type: 'boolean' },
    iss: { type: 'string' },
    sub: { type: 'string' },
    aud: { type: 'string', multiple: true },
    jti: { type: 'string' },
    typ: { type: 'string' },
    kid: { type: 'string' },
    now: { type: 'string' },
  },
};

function parse(command, args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(`${parseError(command, error)} (see "jwt-wasm ${command} --help")`);
  }
  // An option that takes one value, given twice, is refused rather than the last one winning
  // (a flag given twice says the same thing twice).
  const seen = new Set();
  for (const { kind, name } of parsed.tokens) {
    if (kind !== 'option' || OPTIONS[command][name].multiple || OPTIONS[command][name].type === 'boolean') continue;
    if (seen.has(name)) throw new UsageError(`--${name} is given more than once (see "jwt-wasm ${command} --help")`);
    seen.add(name);
  }
  return parsed;
}

/** The options each command does not take but a user of the other command, or of jose's names,
 * reaches for: said with the one meant. */
const MEANT = {
  verify: { iss: 'issuer', aud: 'audience', sub: 'subject', 'clock-skew': 'clock-tolerance' },
  sign: { issuer: 'iss', audience: 'aud', subject: 'sub', 'expires-in': 'exp', expiration: 'exp', 'not-before': 'nbf' },
  inspect: { 'clock-skew': 'clock-tolerance' },
  decode: {},
};

/** parseArgs' refusal, on one line: an unknown option by its name only (a value typed after it
 * without "=", as in --secret:hunter2, is not repeated), with the option meant where there is
 * one; a value that starts with "-" with how to give it. */
function parseError(command, error) {
  const option = /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /^--?[A-Za-z][A-Za-z0-9-]{0,39}/.exec(option)?.[0] ?? '';
    if (name === '') return 'unknown option';
    if (name.toLowerCase().startsWith('--secret')) return 'unknown option starting with --secret (not shown: it may hold the secret; write --secret=TEXT)';
    const meant = MEANT[command][name.replace(/^--?/, '')];
    const known = Boolean(meant) && Object.hasOwn(OPTIONS[command], meant);
    return `unknown option ${name === option ? name : `${name}...`}${known ? ` (did you mean --${meant}?)` : ''}`;
  }
  if (/ambiguous/.test(error.message) && /^--[a-z-]+$/.test(option)) {
    return `${option} takes a value; for one that starts with "-", write ${option}=<value> (one word, with "=")`;
  }
  // parseArgs names the option at fault, never an option's value; its advice on '--' is noise.
  return error.message.split('\n')[0].replace(/\. To specify.*$/, '');
}

/** A number of seconds, as flags take one. */
const SECONDS = /^\d+(\.\d+)?$/;

/** A number of seconds stays a number; anything else goes to the package as a duration string. */
const secondsOrDuration = (text) => (SECONDS.test(text) ? Number(text) : text);

/** ISO 8601 and RFC 3339 as `Date` reads them: a month or a date (UTC), or a date and a time
 * (after `T`, `t` or a space), in UTC (`Z`, `z`), at an offset (`+02:00`, `+0200`) or without
 * either (local time). Anything else (`Date`'s guesses at other formats) is refused. */
const ISO_8601 = /^\d{4}-\d{2}(-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?)?$/;
/** Seconds from this many on (the year 5138) are milliseconds given by mistake, as those of any
 * date since March 1973 are. */
const MILLISECONDS_LIKELY = 1e11;

/** Seconds since the epoch as `flag` was given them; undefined for text that is not a number.
 * Milliseconds given by mistake are refused. */
function epochSeconds(text, flag) {
  if (!SECONDS.test(text)) return undefined;
  const seconds = Number(text);
  if (seconds >= MILLISECONDS_LIKELY) {
    throw new UsageError(`${flag} ${text} is past the year 5000: ${flag} takes seconds since the epoch, not milliseconds`);
  }
  return seconds;
}

/** --exp and --nbf: seconds since the epoch (a NumericDate), an ISO 8601 date or date-time (a
 * Date, read as --now reads one), or a duration string for the package. */
function timeOption(text, flag) {
  const seconds = epochSeconds(text, flag);
  if (seconds !== undefined) return seconds;
  return /^\d{4}-\d{2}/.test(text) ? parseNow(text, flag) : text;
}

function parseNow(text, flag = '--now') {
  const seconds = epochSeconds(text, flag);
  if (seconds !== undefined) return new Date(seconds * 1000);
  const date = new Date(text);
  if (!ISO_8601.test(text) || !isValidDate(date)) {
    throw new UsageError(`${flag} must be an ISO 8601 date or date-time (2026-03-01, 2026-03-01T12:00:00Z, 2026-03-01 12:00+02:00) or seconds since the epoch${flag === '--now' ? '' : ', or a duration such as 15m'}`);
  }
  // Date reads a day past the month's end as a day of the next month (2026-02-30 as 2 March).
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw new UsageError(`${flag} ${text.slice(0, 10)} is not a day of the calendar`);
  }
  return date;
}

// ---------------------------------------------------------------------------------------------
// Input

/** The most standard input or a secret file may hold: far more than any token (64 KB) or payload
 * the package takes, or than a secret (1 MiB), and little enough that `yes | jwt-wasm decode`
 * stops at once rather than filling the memory. */
const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Sleeps without a timer (the tool is synchronous): for standard input left non-blocking by the
 * process before, which answers EAGAIN until the writer writes. */
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** All of `fd` (standard input) or of the file at `path`, up to MAX_INPUT_BYTES, into one buffer
 * that doubles as it fills (so memory stays bounded however small each read is); `what` names it
 * in errors. */
function readAll({ fd, path }, what) {
  let data = Buffer.allocUnsafe(64 * 1024);
  let total = 0;
  let handle = fd;
  try {
    if (handle === undefined) handle = openSync(path, 'r');
    for (;;) {
      if (total === data.length) {
        // One byte past the cap is room enough to tell that the input goes past it.
        const bigger = Buffer.allocUnsafe(Math.min(data.length * 2, MAX_INPUT_BYTES + 1));
        data.copy(bigger, 0, 0, total);
        data = bigger;
      }
      let read;
      try {
        read = readSync(handle, data, total, data.length - total, null);
      } catch (error) {
        // EOF: how Windows ends a pipe.
        if (error.code === 'EOF') break;
        if (error.code !== 'EAGAIN') throw error;
        sleep(5);
        continue;
      }
      if (read === 0) break;
      total += read;
      if (total > MAX_INPUT_BYTES) throw new UsageError(`${what} is longer than 4 MiB, more than any token, payload or secret`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${what}: ${error.code ?? error.message}`);
  } finally {
    if (path !== undefined && handle !== undefined) closeSync(handle);
  }
  return data.subarray(0, total);
}

/** The one positional argument, or standard input when there is none or it is "-", trimmed
 * unless `trim` is false (a payload: parsePayload trims it, counting a fault's position in the
 * text as given, as the page does). */
function readInput(positionals, what, { optional = false, trim = true } = {}) {
  if (positionals.length > 1) throw new UsageError(`too many arguments: expected at most one ${what}`);
  if (positionals.length === 1 && positionals[0] !== '-') {
    const text = positionals[0].trim();
    if (!text && !optional) throw new UsageError(`no ${what}: the argument is empty`);
    return trim ? text : positionals[0];
  }
  // isatty, not process.stdin.isTTY: touching process.stdin makes a pipe non-blocking, and the
  // read below then fails (EAGAIN) while the writer is still writing.
  if (isatty(0) && positionals.length === 0) {
    if (optional) return '';
    throw new UsageError(`no ${what}: pass it as an argument or on standard input`);
  }
  const bytes = readAll({ fd: 0 }, 'standard input');
  let text;
  try {
    // Fatal: bytes that are not UTF-8 would otherwise become U+FFFD, and a payload be signed
    // with claims other than the ones given.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`standard input is not UTF-8 text: give the ${what} as UTF-8`);
  }
  const trimmed = text.trim();
  if (!trimmed && !optional) throw new UsageError(`no ${what}: standard input was empty`);
  return trim ? trimmed : text;
}

/** The secret from exactly one source; its text never reaches any output. */
function readSecret(values) {
  const sources = ['secret', 'secret-env', 'secret-file'].filter((name) => values[name] !== undefined);
  if (sources.length > 1) throw new UsageError(`give one of --secret, --secret-env, --secret-file (got ${sources.map((s) => `--${s}`).join(', ')})`);
  const encoding = values['secret-encoding'] ?? 'utf8';
  if (!['utf8', 'base64url', 'base64', 'jwk'].includes(encoding)) throw new UsageError('--secret-encoding must be utf8, base64url, base64 or jwk');

  let secret;
  if (values.secret !== undefined) {
    secret = values.secret;
  } else if (values['secret-file'] !== undefined) {
    const bytes = readAll({ path: values['secret-file'] }, 'the secret file');
    // Files written by editors and `echo` end with a line break that is not part of the secret.
    let end = bytes.length;
    if (bytes[end - 1] === 0x0a) end -= 1;
    if (bytes[end - 1] === 0x0d) end -= 1;
    secret = new Uint8Array(bytes.subarray(0, end));
  } else {
    const name = values['secret-env'] ?? 'JWT_SECRET';
    // Its own variables only: process.env inherits toString, constructor and __proto__.
    secret = Object.hasOwn(process.env, name) ? process.env[name] : undefined;
    if (secret === undefined) {
      throw new UsageError(
        values['secret-env'] === undefined
          ? 'no secret: use --secret-env NAME, --secret-file PATH or --secret TEXT, or set JWT_SECRET'
          // Not named: a secret given to --secret-env by mistake would be printed.
          : 'the environment variable named by --secret-env is not set',
      );
    }
  }
  if (encoding === 'utf8') return secret;
  const text = typeof secret === 'string' ? secret : new TextDecoder().decode(secret);
  // A base64url or base64 secret goes to the package as an oct JWK (secretJwk, shared with the
  // page), which decodes and checks it.
  if (encoding === 'base64url' || encoding === 'base64') {
    const jwk = secretJwk(text, encoding);
    if (!jwk) throw new UsageError('with --secret-encoding base64 the secret must be standard base64 (A-Z, a-z, 0-9, +, /, and = padding)');
    return jwk;
  }
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the text, the secret.
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    throw new UsageError('with --secret-encoding jwk the secret must be the JSON text of a JWK object, such as {"kty":"oct","k":"..."}');
  }
  return jwk;
}

/** One value or, given several times, the list of them. */
const oneOrMany = (list) => (list.length === 1 ? list[0] : list);
const asIs = (value) => value;
const readNow = (text) => parseNow(text);

/** --alg, repeated or comma-separated. */
function algorithmList(list) {
  const names = list.flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--alg names no algorithm');
  return names;
}

function wholeBytes(text) {
  if (!/^\d+$/.test(text)) throw new UsageError('--max-token-length must be a whole number of bytes');
  return Number(text);
}

/** Each command's flags that become the package's options: the option and how the flag's text
 * becomes its value. The same table names the flag in the package's refusals (inCliTerms). */
const OPTION_FLAGS = {
  inspect: { 'clock-tolerance': ['clockTolerance', secondsOrDuration], now: ['currentDate', readNow] },
  verify: {
    alg: ['algorithms', algorithmList],
    issuer: ['issuer', oneOrMany],
    audience: ['audience', oneOrMany],
    subject: ['subject', asIs],
    typ: ['typ', asIs],
    require: ['requiredClaims', asIs],
    'clock-tolerance': ['clockTolerance', secondsOrDuration],
    'max-token-age': ['maxTokenAge', secondsOrDuration],
    'max-token-length': ['maxTokenLength', wholeBytes],
    now: ['currentDate', readNow],
  },
  sign: {
    alg: ['alg', asIs],
    exp: ['expirationTime', (text) => timeOption(text, '--exp')],
    nbf: ['notBefore', (text) => timeOption(text, '--nbf')],
    iss: ['issuer', asIs],
    sub: ['subject', asIs],
    aud: ['audience', oneOrMany],
    jti: ['jti', asIs],
    now: ['currentDate', readNow],
  },
};

/** The options the command's flags set, by OPTION_FLAGS. */
function optionsFrom(command, values) {
  const options = {};
  for (const [flag, [option, read]] of Object.entries(OPTION_FLAGS[command])) {
    if (values[flag] !== undefined) options[option] = read(values[flag]);
  }
  return options;
}

/** The package's refusals said in the tool's terms: an option by the flag that set it, a JWK's
 * text taken for a secret with the remedy, a base64url or base64 secret as the secret it is (the
 * package sees the JWK it was passed in). */
function inCliTerms(error, command, values) {
  if (!(error instanceof JwtError)) return error;
  if (error.code === 'ERR_KEY_INVALID' && error.message.startsWith("the key is a JWK's JSON text")) {
    return new JwtError("the secret is a JWK's JSON text: read it with --secret-encoding jwk", { code: error.code });
  }
  const encoding = values?.['secret-encoding'];
  if (error.code === 'ERR_JWK_INVALID' && (encoding === 'base64url' || encoding === 'base64')) {
    return new JwtError(`the secret is not ${encoding} (--secret-encoding ${encoding})`, { code: error.code });
  }
  if (!OPTION_FLAGS[command]) return error;
  const flags = Object.fromEntries(Object.entries(OPTION_FLAGS[command]).map(([flag, [option]]) => [option, `--${flag}`]));
  const flagFor = (said, name) => (Object.hasOwn(flags, name) ? flags[name] : said);
  let message = error.message;
  // The package's refusals of an option start with its quoted name; other quoted words (a
  // JWK's "alg", a claim) are left as they are.
  if (error.code === 'ERR_OPTIONS_INVALID' || error.code === 'ERR_JOSE_NOT_SUPPORTED') message = message.replace(/^"(\w+)"/, flagFor);
  // A claim, an alg or a length held to an option names it: the "issuer" option, and so on. (Not
  // a missing claim's refusal: the name there is the caller's, which may read like that.)
  if (error.reason !== 'missing') message = message.replace(/the "(\w+)" option/g, flagFor);
  // --exp and --nbf hand the package as a duration what is neither a number nor a date.
  if (/^--(exp|nbf) is not a duration string/.test(message)) message += '; it also takes an ISO 8601 date (2026-03-01) or seconds since the epoch';
  return message === error.message ? error : new JwtError(message, { code: error.code, claim: error.claim, reason: error.reason });
}

/** The flags of `sign` that set a claim, with the claim. */
const CLAIM_FLAGS = { exp: 'exp', nbf: 'nbf', iss: 'iss', sub: 'sub', aud: 'aud', jti: 'jti' };

// ---------------------------------------------------------------------------------------------
// Output

/** `value` as indented JSON, with the characters a terminal may act on escaped (still the same
 * JSON). */
const json = (value) => `${escapeUnsafe(jsonText(value))}\n`;
/** A claim's time as ISO 8601; null if not set; OUT_OF_RANGE beyond what a Date holds. */
const iso = (date) => (date === null ? null : isValidDate(date) ? date.toISOString() : OUT_OF_RANGE);

function decode(values, positionals) {
  const token = readInput(positionals, 'token');
  const header = decodeProtectedHeader(token);
  const payload = decodeJwt(token);
  if (values.json) return json({ header, payload });
  return `Header\n${json(header)}Payload\n${json(payload)}` +
    'Signature not checked: use "jwt-wasm verify" before trusting these claims.\n';
}

function inspect(values, positionals) {
  const token = readInput(positionals, 'token');
  const { currentDate: now = new Date(), clockTolerance: tolerance = 0 } = optionsFrom('inspect', values);
  // expiryInfo reads the claims set alone (as decodeJwt does); a token is readable only if its
  // header is too (a "Bearer " scheme left on, say, is refused here with a hint, as by decode).
  decodeProtectedHeader(token);
  const info = expiryInfo(token, { clockTolerance: tolerance, currentDate: now });
  const status = timeStatus(info);
  const description = describeStatus(info, decodeJwt(token), now, toleranceSeconds(tolerance));
  if (values.json) {
    return json({
      status,
      description,
      expired: info.expired,
      notYetValid: info.notYetValid,
      expiresAt: iso(info.expiresAt),
      notBefore: iso(info.notBefore),
      issuedAt: iso(info.issuedAt),
      secondsLeft: info.secondsLeft,
      now: now.toISOString(),
    });
  }
  const line = (label, date) => {
    if (date === null) return `${label.padEnd(11)} not set\n`;
    if (!isValidDate(date)) return `${label.padEnd(11)} ${OUT_OF_RANGE}\n`;
    return `${label.padEnd(11)} ${date.toISOString()} (${relativeTime(secondsFrom(date.getTime(), now))})\n`;
  };
  return `${'Status'.padEnd(11)} ${STATUS_LABELS[status]}: ${description}\n` +
    line('Expires', info.expiresAt) + line('Not before', info.notBefore) + line('Issued at', info.issuedAt) +
    'Signature not checked: use "jwt-wasm verify" before trusting this token.\n';
}

function verify(values, positionals) {
  const key = readSecret(values);
  const token = readInput(positionals, 'token');
  const { payload, protectedHeader } = jwtVerify(token, key, optionsFrom('verify', values));
  if (values.json) return json({ valid: true, header: protectedHeader, payload });
  return `Signature verified (${protectedHeader.alg}) and claims accepted.\nPayload\n${json(payload)}`;
}

function sign(values, positionals) {
  for (const name of ['alg', 'iss', 'sub', 'jti', 'typ', 'kid']) {
    if (values[name] === '') throw new UsageError(`--${name} is empty`);
  }
  if (values.aud?.includes('')) throw new UsageError('--aud is empty');
  const key = readSecret(values);
  const text = readInput(positionals, 'payload', { optional: true, trim: false });
  const payload = parsePayload(text, (message) => new UsageError(message));
  const options = optionsFrom('sign', values);
  const header = {};
  if (values.typ !== undefined) header.typ = values.typ;
  if (values.kid !== undefined) header.kid = values.kid;
  if (Object.keys(header).length) options.header = header;
  if (!values['no-iat']) options.issuedAt = true;
  const token = signPayload(payload, text, key, options);
  // The token as signed, read back once for the output and the warnings.
  const signed = { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  const out = values.json ? json({ token, header: signed.header, payload: signed.claims }) : `${token}\n`;
  return {
    out,
    err: replacementWarning(positionals, values, key) + pastExpiryWarning(token, options) + claimWarnings(payload, values, key, signed),
  };
}

/** Warnings for what a flag or the secret did that the caller may not have meant: a payload's
 * claim replaced by a flag (or its iat by the signing time), a token that is never valid (nbf at
 * or after exp), a secret shorter than RFC 7518 section 3.2 asks for the algorithm. The token
 * is still printed. */
function claimWarnings(payload, values, key, { header, claims }) {
  const lines = [];
  const replaced = Object.entries(CLAIM_FLAGS).filter(([flag, claim]) => values[flag] !== undefined && Object.hasOwn(payload, claim));
  for (const [flag, claim] of replaced) lines.push(`--${flag} replaces the payload's ${claim}`);
  if (!values['no-iat'] && Object.hasOwn(payload, 'iat')) lines.push("the payload's iat is replaced by the signing time (--no-iat keeps it)");
  const { exp, nbf } = claims;
  if (typeof exp === 'number' && typeof nbf === 'number' && nbf >= exp) lines.push('the token is never valid: its nbf is not before its exp');
  const short = shortSecretWarning(header.alg, secretLength(key));
  if (short) lines.push(short);
  return lines.map((line) => `jwt-wasm: warning: ${line}\n`).join('');
}

/** The length in bytes of the secret `key`, as readSecret gave it (a JWK's or base64's from its
 * `k`); null for a JWK without one, which the package refuses. */
function secretLength(key) {
  if (typeof key === 'string') return new TextEncoder().encode(key).length;
  if (key instanceof Uint8Array) return key.length;
  if (typeof key?.k === 'string') return Math.floor((key.k.length * 3) / 4);
  return null;
}

/** A warning for text of the token taken from arguments or the environment that holds U+FFFD:
 * Node decodes those itself and turns bytes that are not UTF-8 into that character, so the tool
 * cannot tell them from one given on purpose (standard input and --secret-file are read as bytes,
 * strictly). Names where it is, never what: the secret is one of them (`key` as readSecret gave
 * it, a string when it came from --secret or the environment as UTF-8). The token is still
 * printed. */
function replacementWarning(positionals, values, key) {
  const holds = (text) => typeof text === 'string' && text.includes('\uFFFD');
  const where = positionals.some(holds) ? ['the payload argument'] : [];
  for (const [name, value] of Object.entries(values)) {
    if (name !== 'secret' && (Array.isArray(value) ? value : [value]).some(holds)) where.push(`--${name}`);
  }
  if (holds(key)) where.push('the secret');
  if (where.length === 0) return '';
  return `jwt-wasm: warning: ${where.join(', ')} ${where.length === 1 ? 'holds' : 'hold'} U+FFFD, which is also what bytes that are not UTF-8 become in an argument or environment variable (the payload on standard input and --secret-file are read strictly)\n`;
}

/** The seconds a --clock-tolerance stands for, as the package reads it (a number of seconds, or a
 * duration such as 30s): the expiry of an unsigned token whose exp is 0, judged at 0. */
function toleranceSeconds(tolerance) {
  return expiryInfo(unsignedToken('{"exp":0}'), { clockTolerance: tolerance, currentDate: new Date(0) }).secondsLeft;
}

/** A warning for a token signed already expired: mostly `--exp 3600` meant as an hour, where a
 * plain number is a NumericDate (3600 is 01:00 on 1 January 1970). The token is still printed. */
function pastExpiryWarning(token, { expirationTime, currentDate }) {
  const expiresAt = expiredAt(token, currentDate);
  if (expiresAt === null) return '';
  const hint = typeof expirationTime === 'number'
    ? ': a plain number is a NumericDate, seconds since 1970; for a time from now give a duration such as 15m'
    : '';
  return `jwt-wasm: warning: the token has already expired (exp ${iso(expiresAt)})${hint}\n`;
}

const COMMANDS = { decode, inspect, verify, sign };

// ---------------------------------------------------------------------------------------------
// Main

function errorDetails(error) {
  const details = { code: error.code, message: error.message };
  if (error.claim !== undefined) details.claim = error.claim;
  if (error.reason !== undefined) details.reason = error.reason;
  return details;
}

function main(argv) {
  // Help and the version are text, wherever --json stands among their words.
  const words = argv.filter((arg) => arg !== '--json');
  const [command, ...rest] = ['help', '--help', '-h', '--version', '-v'].includes(words[0]) ? words : argv;
  if (command === '--version' || command === '-v') return { out: `${version}\n` };
  if (command === undefined || command === '--help' || command === '-h') {
    return command === undefined ? { err: `${MAIN_HELP}\n\njwt-wasm: ERR_USAGE: no command given\n`, status: 2 } : { out: `${MAIN_HELP}\n` };
  }
  if (command === 'help') {
    const [topic, ...extra] = rest;
    if (extra.length > 0) throw new UsageError('help takes at most one command');
    if (topic === undefined) return { out: `${MAIN_HELP}\n` };
    if (!Object.hasOwn(HELP, topic)) throw new UsageError('unknown command (commands: decode, inspect, verify, sign)');
    return { out: `${HELP[topic]}\n` };
  }
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command (commands: decode, inspect, verify, sign; see "jwt-wasm --help")`);
  const { values, positionals } = parse(command, rest);
  if (values.help) return { out: `${HELP[command]}\n` };
  try {
    const done = COMMANDS[command](values, positionals);
    return typeof done === 'string' ? { out: done } : done;
  } catch (error) {
    throw inCliTerms(error, command, values);
  }
}

const argv = process.argv.slice(2);
const wantsJson = argv.includes('--json');
// Output that cannot be written (a full disk, a closed pipe) is said on stderr, status 1, not a
// stack trace.
// What goes to stderr (warnings, errors) is for a reader who may be gone: a closed stderr leaves
// the status as it is (a token printed with a warning still exits 0).
process.stderr.on('error', () => {});
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') process.stderr.write(`jwt-wasm: ERR_OUTPUT: cannot write the output (${error.code ?? error.message})\n`);
  process.exitCode = 1;
});
try {
  const { out = '', err = '', status = 0 } = main(argv);
  if (out !== '') process.stdout.write(out);
  if (err !== '') process.stderr.write(err);
  process.exitCode = status;
} catch (thrown) {
  if (!(thrown instanceof JwtError) && !(thrown instanceof UsageError)) throw thrown;
  const error = thrown;
  // verify's answer has "valid" either way, so that `jq .valid` reads true or false.
  if (wantsJson) process.stdout.write(json(argv[0] === 'verify' ? { valid: false, error: errorDetails(error) } : { error: errorDetails(error) }));
  // One line, its controls escaped: a claim's name (--require) may hold a line break or an ESC.
  else process.stderr.write(`jwt-wasm: ${error.code}: ${escapeUnsafeText(`${error.message}${error.claim ? ` (claim ${error.claim}, ${error.reason})` : ''}`)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
