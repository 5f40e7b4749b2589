#!/usr/bin/env node
// The jwt-wasm command-line tool: decode, inspect, verify and sign tokens. It reads arguments,
// secrets and standard input, calls the package, and prints what the package answers; every
// rule about tokens lives in the package. Exit status: 0 success, 1 the package refused the token,
// key or options (the error code is printed) or the output could not be written, 2 a usage error
// (ERR_USAGE).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { parseArgs } from 'node:util';
import { decodeJwt, decodeProtectedHeader, expiryInfo, JwtError, jwtVerify } from 'jwt-wasm';
// The page and the tool word times alike: one implementation, in the page's folder.
import { describeStatus, isValidDate, jsonText, OUT_OF_RANGE, relativeTime, secondsFrom, STATUS_LABELS, timeStatus } from '../www/format.js';
import { expiredAt, parsePayload, signPayload, unsignedToken } from '../www/payload.js';

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

The token (for sign, the JSON payload) is the argument or, without one, standard input.
Run "jwt-wasm <command> --help" for a command's options.

Exit status: 0 success; 1 the token, key or options were refused (the error code, such as
ERR_JWT_EXPIRED, is printed), or the output could not be written (ERR_OUTPUT); 2 a usage error
(ERR_USAGE).`;

const SECRET_HELP = `  --secret-env <NAME>     Read the secret from environment variable NAME
  --secret-file <path>    Read the secret from a file (one trailing line break is dropped)
  --secret <text>         The secret itself (visible to other users in the process list)
  --secret-encoding <e>   utf8 (default), base64url, or jwk (the JSON text of an "oct" JWK)
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
where present, are numbers), whatever its status.

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
on failure prints the error code and exits 1.

Secret:
${SECRET_HELP}

Checks:
  --alg <alg>             Allow this algorithm (repeat, or comma-separate; default: HS256, HS384, HS512)
  --issuer <iss>          Require this issuer (repeat to accept several)
  --audience <aud>        Require this audience (repeat to accept several)
  --subject <sub>         Require this subject
  --typ <typ>             Require this header typ (e.g. at+jwt)
  --require <claim>       Require this claim to be present (repeatable)
  --clock-tolerance <d>   Leeway for exp, nbf and iat: seconds or a duration such as 30s (default 0)
  --max-token-age <d>     Refuse tokens issued (iat) longer ago than this
  --now <time>            Verify at this time (an ISO 8601 date or date-time, or seconds since the
                          epoch) instead of now

Output:
  --json                  { "valid": true, "header": ..., "payload": ... }, or { "error": ... }
  --help                  This help`,

  sign: `Usage: jwt-wasm sign [payload] [options]

Signs a JSON object (the argument or standard input, UTF-8; default {}) and prints the token.
The object is read as strictly as the claims of a token (a member name repeated at its top level
is refused, in a text of up to about 48 KB); its numbers are JavaScript numbers, so integers
beyond 2^53 lose precision. A token over 64 KB, which decode, inspect and verify would refuse, is
not made (ERR_JWT_TOO_LONG).

Secret:
${SECRET_HELP}

Token:
  --alg <alg>             HS256 (default), HS384 or HS512
  --exp <time>            Expiration: a duration from now (15m, 2h, 7d) or seconds since the epoch
  --nbf <time>            Not before: a duration from now or seconds since the epoch
  --no-iat                Leave out iat (by default iat is the signing time)
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
    // parseArgs names the option at fault, never an option's value; its advice on '--' is noise.
    const message = error.message.replace(/\. To specify[\s\S]*$/, '');
    throw new UsageError(`${message} (see "jwt-wasm ${command} --help")`);
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

/** A number of seconds stays a number; anything else goes to the package as a duration string. */
const secondsOrDuration = (text) => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/** ISO 8601 and RFC 3339 as `Date` reads them: a month or a date (UTC), or a date and a time
 * (after `T`, `t` or a space), in UTC (`Z`, `z`), at an offset (`+02:00`, `+0200`) or without
 * either (local time). Anything else (`Date`'s guesses at other formats) is refused. */
const ISO_8601 = /^\d{4}-\d{2}(-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?)?$/;
/** Seconds from this many on are milliseconds given by mistake: they are past the year 5000. */
const MILLISECONDS_LIKELY = 1e11;

function parseNow(text) {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    if (seconds >= MILLISECONDS_LIKELY) {
      throw new UsageError(`--now ${text} is past the year 5000: --now takes seconds since the epoch, not milliseconds`);
    }
    return new Date(seconds * 1000);
  }
  const date = new Date(text);
  if (!ISO_8601.test(text) || !isValidDate(date)) {
    throw new UsageError('--now must be an ISO 8601 date or date-time (2026-03-01, 2026-03-01T12:00:00Z, 2026-03-01 12:00+02:00) or seconds since the epoch');
  }
  // Date reads a day past the month's end as a day of the next month (2026-02-30 as 2 March).
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw new UsageError(`--now ${text.slice(0, 10)} is not a day of the calendar`);
  }
  return date;
}

// ---------------------------------------------------------------------------------------------
// Input

/** The one positional argument, or standard input when there is none. */
function readInput(positionals, what, { optional = false } = {}) {
  if (positionals.length > 1) throw new UsageError(`too many arguments: expected at most one ${what}`);
  if (positionals.length === 1) {
    const text = positionals[0].trim();
    if (!text && !optional) throw new UsageError(`no ${what}: the argument is empty`);
    return text;
  }
  // isatty, not process.stdin.isTTY: touching process.stdin makes a pipe non-blocking, and the
  // read below then fails (EAGAIN) while the writer is still writing.
  if (isatty(0)) {
    if (optional) return '';
    throw new UsageError(`no ${what}: pass it as an argument or on standard input`);
  }
  let bytes;
  try {
    bytes = readFileSync(0);
  } catch (error) {
    throw new UsageError(`cannot read standard input (${error.code ?? error.message}): pass the ${what} as an argument`);
  }
  let text;
  try {
    // Fatal: bytes that are not UTF-8 would otherwise become U+FFFD, and a payload be signed
    // with claims other than the ones given.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
  } catch {
    throw new UsageError(`standard input is not UTF-8 text: give the ${what} as UTF-8`);
  }
  if (!text && !optional) throw new UsageError(`no ${what}: standard input was empty`);
  return text;
}

/** The secret from exactly one source; its text never reaches any output. */
function readSecret(values) {
  const sources = ['secret', 'secret-env', 'secret-file'].filter((name) => values[name] !== undefined);
  if (sources.length > 1) throw new UsageError(`give one of --secret, --secret-env, --secret-file (got ${sources.map((s) => `--${s}`).join(', ')})`);
  const encoding = values['secret-encoding'] ?? 'utf8';
  if (!['utf8', 'base64url', 'jwk'].includes(encoding)) throw new UsageError('--secret-encoding must be utf8, base64url or jwk');

  let secret;
  if (values.secret !== undefined) {
    secret = values.secret;
  } else if (values['secret-file'] !== undefined) {
    let bytes;
    try {
      bytes = readFileSync(values['secret-file']);
    } catch (error) {
      throw new UsageError(`cannot read the secret file: ${error.code ?? error.message}`);
    }
    // Files written by editors and `echo` end with a line break that is not part of the secret.
    let end = bytes.length;
    if (bytes[end - 1] === 0x0a) end -= 1;
    if (bytes[end - 1] === 0x0d) end -= 1;
    secret = new Uint8Array(bytes.subarray(0, end));
  } else {
    const name = values['secret-env'] ?? 'JWT_SECRET';
    secret = process.env[name];
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
  // A base64url secret goes to the package as an oct JWK, which decodes and checks it.
  if (encoding === 'base64url') return { kty: 'oct', k: text.trim() };
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

/** The package's refusal of a JWK's text taken for a secret, said with the CLI's remedy. */
function inCliTerms(error) {
  if (error instanceof JwtError && error.code === 'ERR_KEY_INVALID' && error.message.startsWith("the key is a JWK's JSON text")) {
    return new JwtError("the secret is a JWK's JSON text: read it with --secret-encoding jwk", { code: error.code });
  }
  return error;
}

// ---------------------------------------------------------------------------------------------
// Output

const json = (value) => `${jsonText(value)}\n`;
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
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  const tolerance = secondsOrDuration(values['clock-tolerance'] ?? '0');
  // expiryInfo reads the claims set alone (as decodeJwt does); a token is readable only if its
  // header is too (a "Bearer " scheme left on, say, is refused here with a hint, as by decode).
  decodeProtectedHeader(token);
  const info = expiryInfo(token, { clockTolerance: tolerance, currentDate: now });
  const status = timeStatus(info);
  const description = describeStatus(info, now, toleranceSeconds(tolerance));
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
  const options = {};
  if (values.alg) options.algorithms = values.alg.flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  if (values.issuer) options.issuer = values.issuer.length === 1 ? values.issuer[0] : values.issuer;
  if (values.audience) options.audience = values.audience.length === 1 ? values.audience[0] : values.audience;
  if (values.subject !== undefined) options.subject = values.subject;
  if (values.typ !== undefined) options.typ = values.typ;
  if (values.require) options.requiredClaims = values.require;
  if (values['clock-tolerance'] !== undefined) options.clockTolerance = secondsOrDuration(values['clock-tolerance']);
  if (values['max-token-age'] !== undefined) options.maxTokenAge = secondsOrDuration(values['max-token-age']);
  if (values.now !== undefined) options.currentDate = parseNow(values.now);
  const { payload, protectedHeader } = jwtVerify(token, key, options);
  if (values.json) return json({ valid: true, header: protectedHeader, payload });
  return `Signature verified (${protectedHeader.alg}) and claims accepted.\nPayload\n${json(payload)}`;
}

function sign(values, positionals) {
  const key = readSecret(values);
  const text = readInput(positionals, 'payload', { optional: true });
  const payload = parsePayload(text, (message) => new UsageError(message));
  const options = {};
  const header = {};
  if (values.alg !== undefined) options.alg = values.alg;
  if (values.typ !== undefined) header.typ = values.typ;
  if (values.kid !== undefined) header.kid = values.kid;
  if (Object.keys(header).length) options.header = header;
  if (!values['no-iat']) options.issuedAt = true;
  if (values.exp !== undefined) options.expirationTime = secondsOrDuration(values.exp);
  if (values.nbf !== undefined) options.notBefore = secondsOrDuration(values.nbf);
  if (values.iss !== undefined) options.issuer = values.iss;
  if (values.sub !== undefined) options.subject = values.sub;
  if (values.aud) options.audience = values.aud.length === 1 ? values.aud[0] : values.aud;
  if (values.jti !== undefined) options.jti = values.jti;
  if (values.now !== undefined) options.currentDate = parseNow(values.now);
  const token = signPayload(payload, text, key, options);
  const out = values.json ? json({ token, header: decodeProtectedHeader(token), payload: decodeJwt(token) }) : `${token}\n`;
  return { out, err: replacementWarning(positionals, values, key) + pastExpiryWarning(token, options) };
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
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return { out: `${version}\n` };
  if (command === undefined || command === '--help' || command === '-h') {
    return command === undefined ? { err: `${MAIN_HELP}\n`, status: 2 } : { out: `${MAIN_HELP}\n` };
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { out: `${MAIN_HELP}\n` };
    if (!HELP[topic]) throw new UsageError(`unknown command "${topic}" (commands: decode, inspect, verify, sign)`);
    return { out: `${HELP[topic]}\n` };
  }
  if (!COMMANDS[command]) throw new UsageError(`unknown command (commands: decode, inspect, verify, sign; see "jwt-wasm --help")`);
  const { values, positionals } = parse(command, rest);
  if (values.help) return { out: `${HELP[command]}\n` };
  const done = COMMANDS[command](values, positionals);
  return typeof done === 'string' ? { out: done } : done;
}

const argv = process.argv.slice(2);
const wantsJson = argv.includes('--json');
// Output that cannot be written (a full disk, a closed pipe) is said on stderr, status 1, not a
// stack trace.
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
  const error = inCliTerms(thrown);
  if (wantsJson) process.stdout.write(json({ error: errorDetails(error) }));
  else process.stderr.write(`jwt-wasm: ${error.code}: ${error.message}${error.claim ? ` (claim ${error.claim}, ${error.reason})` : ''}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
