// Words for times and expiry verdicts, shared by the inspector page and the command-line tool so
// that both say the same thing. Display only: every verdict comes from the wasm module's
// `expiryInfo`; this file turns its numbers and booleans into text. No DOM, no clock.

const UNITS = [
  ['day', 'days', 86_400],
  ['h', 'h', 3_600],
  ['min', 'min', 60],
  ['s', 's', 1],
];

/**
 * A length of time in words, with its two largest units: `4 min 12 s`, `3 days`, `1 day 2 h`.
 * The sign is ignored and fractions of a second are dropped.
 */
function formatDuration(seconds) {
  let rest = Math.floor(Math.abs(seconds));
  if (!Number.isFinite(rest)) return 'forever';
  // Past 2^53 s a number no longer holds every whole second: a count of days would be rounded.
  if (rest > Number.MAX_SAFE_INTEGER) return 'more than 285 million years';
  if (rest === 0) return '0 s';
  const parts = [];
  for (const [one, many, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest %= size;
    // Only adjacent units: "1 day 2 h", never "1 day 12 s".
    if (parts.length > 0 && count === 0) break;
    // Grouped digits: a count of days from a huge tolerance reads 104,249,991,374 days.
    if (count > 0) parts.push(`${count.toLocaleString('en')} ${count === 1 ? one : many}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** How a time claim beyond what a `Date` holds (±8.64e15 ms) is shown: `expiryInfo` gives an
 * invalid Date for it. */
export const OUT_OF_RANGE = 'out of the range of dates';

/** Whether `date` is a time a `Date` can hold (not such an invalid Date). */
export const isValidDate = (date) => !Number.isNaN(date.getTime());

/** `in 4 min 12 s`, `3 days ago`, or `now` for a moment `seconds` from now (negative: past);
 * for NaN (a time out of the range of dates), `at a time out of the range of dates`. */
export function relativeTime(seconds) {
  if (Number.isNaN(seconds)) return `at a time ${OUT_OF_RANGE}`;
  if (Math.abs(seconds) < 1) return 'now';
  return seconds > 0 ? `in ${formatDuration(seconds)}` : `${formatDuration(seconds)} ago`;
}

/** Seconds from `now` (a Date) to the time `atMs` (milliseconds since the epoch; negative: in the
 * past), from now rounded down to the second, as expiryInfo judges: every time shown then agrees
 * with the verdict and with the others (at 12:00:00.5 an exp of 12:10:00 is "in 10 min"
 * everywhere, not in 10 min here and 9 min 59 s there). */
export function secondsFrom(atMs, now) {
  return atMs / 1000 - Math.floor(now.getTime() / 1000);
}

/**
 * The time status of a token from `expiryInfo`: `expired`, `not-yet-valid`, `valid` (has `exp`,
 * inside its window) or `no-expiry` (no `exp`, nothing else against it).
 */
export function timeStatus(info) {
  if (info.expired) return 'expired';
  if (info.notYetValid) return 'not-yet-valid';
  return info.expiresAt === null ? 'no-expiry' : 'valid';
}

/** The label shown for each time status: of the times alone, which a decode judges without the
 * signature (a forged token can be "Not expired"). */
export const STATUS_LABELS = {
  valid: 'Not expired',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  'no-expiry': 'No expiry',
};

/**
 * One sentence about the time status `expiryInfo` reached at `now` (a Date) with a clock
 * tolerance of `toleranceSecs`, for a token of `claims` (its decoded payload): "expires in 4 min
 * 12 s", "expired 3 days ago", "becomes valid in 2 h", "never expires (no exp claim)". The verdict
 * already includes the tolerance; a time said is the claim's own, but for when a token not yet
 * valid becomes valid (its nbf less the tolerance).
 */
export function describeStatus(info, claims, now, toleranceSecs = 0) {
  // From now rounded down to the second (so a fractional exp a moment after the second is not
  // "passed" while its verdict says valid), and from the claim itself: its Date drops a fraction
  // of a millisecond, and says only whether the time is within the range of dates.
  const until = (date, seconds) => (isValidDate(date) ? secondsFrom(seconds * 1000, now) : NaN);
  const status = timeStatus(info);
  if (status === 'expired') return `expired ${relativeTime(until(info.expiresAt, claims.exp))}`;
  if (status === 'not-yet-valid') {
    // Judged at whole seconds: valid from the first whole second at or after nbf - tolerance.
    const untilNbf = until(info.notBefore, claims.nbf);
    const untilValid = relativeTime(Math.ceil(untilNbf - toleranceSecs));
    if (toleranceSecs <= 0) return `becomes valid ${untilValid}`;
    const tolerance = Number.isInteger(toleranceSecs) ? formatDuration(toleranceSecs) : `${toleranceSecs} s`;
    return `becomes valid ${untilValid} (nbf ${relativeTime(untilNbf)}, less ${tolerance} of clock tolerance)`;
  }
  if (status === 'no-expiry') return 'never expires (no exp claim)';
  const untilExp = until(info.expiresAt, claims.exp);
  if (untilExp <= 0) {
    // At or past exp but inside the clock tolerance: say so, with the time the tolerance still buys.
    const reached = untilExp > -1 ? 'exp is now' : `exp passed ${formatDuration(untilExp)} ago`;
    return `${reached}; accepted for ${formatDuration(info.secondsLeft)} more within the clock tolerance`;
  }
  return `expires ${relativeTime(untilExp)}`;
}

/** What each registered claim (RFC 7519 section 4.1) means, in a sentence. */
export const REGISTERED_CLAIMS = [
  ['iss', 'Issuer', 'Who created and signed the token.'],
  ['sub', 'Subject', 'Whom the token is about, usually a user or client id.'],
  ['aud', 'Audience', 'Who the token is meant for; a recipient must refuse a token not addressed to it.'],
  ['exp', 'Expiration time', 'From this moment on, the token must be refused.'],
  ['nbf', 'Not before', 'Before this moment, the token must be refused.'],
  ['iat', 'Issued at', 'When the token was created.'],
  ['jti', 'JWT ID', 'A unique id for this token, so that a server can refuse a replay.'],
];

/** Values nested deeper than this are written compact: indented two spaces a level, a 64 KB token
 * some thousands of levels deep would be hundreds of megabytes of text (and deeper still,
 * `JSON.stringify` runs out of stack). */
const MAX_INDENTED_DEPTH = 100;

/** Characters a terminal may act on or that reorder the text around them: DEL, the C1 controls
 * (U+009B opens a control sequence on some terminals) and the bidirectional controls (U+202E
 * shows "admin" for "\u202enimda"). JSON.stringify escapes only C0 controls; a token's claims are
 * anyone's text. */
const UNSAFE_TO_SHOW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with those characters written as JSON escapes (`\u202e`): inside JSON strings, still
 * the same JSON. */
export const escapeUnsafe = (text) => text.replace(UNSAFE_TO_SHOW, unicodeEscape);

/** The same for text that is not JSON (a claim's string value or name shown as it is): the C0
 * controls too (a NUL shows nothing, an ESC or a backspace can act on what follows), which
 * JSON.stringify escapes in JSON text. */
export const escapeUnsafeText = (text) => escapeUnsafe(text).replace(/[\u0000-\u001f]/g, unicodeEscape);

function unicodeEscape(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `value` as JSON text indented by `indent` spaces (0: compact), as
 * `JSON.stringify(value, null, indent)` writes it; a value nested more than 100 levels deep is
 * written compact instead, by a writer with a stack of its own, which no depth makes throw.
 */
export function jsonText(value, indent = 2) {
  return nestedDeeperThan(value, MAX_INDENTED_DEPTH) ? compactJson(value) : JSON.stringify(value, null, indent);
}

/** Whether `value` has arrays or objects nested more than `limit` levels deep (a cycle does). */
function nestedDeeperThan(value, limit) {
  const stack = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const key of Object.keys(item)) stack.push([item[key], depth + 1]);
  }
  return false;
}

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
const SKIPPED = new Set(['undefined', 'function', 'symbol']);

/** A member's value as `JSON.stringify` sees it: after its `toJSON`, boxed primitives unboxed. */
function resolved(key, value) {
  const item = value !== null && typeof value === 'object' && typeof value.toJSON === 'function' ? value.toJSON(key) : value;
  return item instanceof Number || item instanceof String || item instanceof Boolean ? item.valueOf() : item;
}

/** `value` as `JSON.stringify(value)` writes it, without recursion; a cycle is a TypeError, as
 * there. */
function compactJson(value) {
  const parts = [];
  // The arrays and objects being written: their entries, how many are done and how many written.
  const stack = [];
  const open = new Set();
  const write = (item) => {
    if (item === null || typeof item !== 'object') {
      parts.push(JSON.stringify(item) ?? 'null');
      return;
    }
    if (open.has(item)) throw new TypeError('Converting circular structure to JSON');
    open.add(item);
    const isArray = Array.isArray(item);
    const entries = isArray ? Array.from(item, (member, index) => [null, String(index), member]) : Object.keys(item).map((name) => [name, name, item[name]]);
    parts.push(isArray ? '[' : '{');
    stack.push({ item, entries, done: 0, written: 0, close: isArray ? ']' : '}' });
  };
  write(resolved('', value));
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.done === frame.entries.length) {
      parts.push(frame.close);
      open.delete(frame.item);
      stack.pop();
      continue;
    }
    const [name, key, member] = frame.entries[frame.done];
    frame.done += 1;
    const item = resolved(key, member);
    if (name !== null && SKIPPED.has(typeof item)) continue;
    if (frame.written > 0) parts.push(',');
    frame.written += 1;
    if (name !== null) parts.push(`${JSON.stringify(name)}:`);
    write(item);
  }
  return parts.join('');
}

/**
 * A secret written as base64url or as standard base64 (`+`, `/`, and `=` padding, whole where
 * given), as the `oct` JWK whose `k` the package decodes and checks; null for text that is not
 * standard base64. Line breaks (tools wrap at 64 or 76 characters) and white space around it are
 * not part of it. Shared by the page and the command-line tool.
 */
export function secretJwk(text, encoding) {
  const unwrapped = text.replace(/\r?\n/g, '').trim();
  if (encoding === 'base64url') return { kty: 'oct', k: unwrapped };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(unwrapped) || (unwrapped.endsWith('=') && unwrapped.length % 4 !== 0)) return null;
  return { kty: 'oct', k: unwrapped.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_') };
}
