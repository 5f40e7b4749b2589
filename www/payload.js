// Signing as the inspector page and the command-line tool do it alike: a payload given as JSON
// text, read as strictly as the claims of a token, and what to say of a token just signed. The
// package makes every decision; this file only asks it.
import { decodeJwt, decodeProtectedHeader, expiryInfo, JwtError, signJwt } from 'jwt-wasm';

/** The base64url form of `text`'s UTF-8 bytes (no Buffer: this runs in browsers too). */
function base64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: spreading a whole large array into one call could exceed the engine's argument limit.
  for (let start = 0; start < bytes.length; start += 0x2000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x2000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** `claimsText` as the claims set of an unsigned token (`alg: none`), for the package to read as
 * it reads any token's claims; never verifiable. */
export const unsignedToken = (claimsText) => `eyJhbGciOiJub25lIn0.${base64url(claimsText)}.`;

/** Refuses a payload text that repeats a top-level member name, which JSON.parse would take
 * silently (the last one winning). The package reads it as the claims set of an unsigned token,
 * by the same strict rules as every token's claims (which, as in jose, leave nested objects to
 * JSON.parse); a text too long for that (over about 48 KB) is not checked here. */
function refuseRepeatedNames(text) {
  // Trimmed as parsePayload trims it; no text is the payload {}.
  const trimmed = text.trim();
  if (trimmed === '') return;
  try {
    decodeJwt(unsignedToken(trimmed));
  } catch (error) {
    if (error instanceof JwtError && error.code === 'ERR_JWT_INVALID') {
      throw new JwtError(error.message.replace(/^the claims set/, 'the payload'), { code: error.code });
    }
    if (!(error instanceof JwtError && error.code === 'ERR_JWT_TOO_LONG')) throw error;
  }
}

/** The `exp` of a token just signed if it has already expired at `currentDate` (now if
 * undefined): mostly an expiry meant from now given as a NumericDate, or a negative duration.
 * `null` when it has not, or when the package does not read the token back (over 64 KB). */
export function expiredAt(token, currentDate) {
  try {
    const { expired, expiresAt } = expiryInfo(token, { currentDate });
    return expired ? expiresAt : null;
  } catch {
    return null;
  }
}

/** Refuses a token longer than the package reads by default (signJwt sets no limit, as jose sets
 * none): decoding, inspecting and verifying it here could not read it back, nor most verifiers. */
function refuseUnreadable(token) {
  try {
    decodeProtectedHeader(token);
  } catch (error) {
    if (!(error instanceof JwtError && error.code === 'ERR_JWT_TOO_LONG')) throw error;
    throw new JwtError(
      `the token would be ${token.length.toLocaleString('en')} bytes, more than jwt-wasm reads by default (64 KB): make the payload smaller`,
      { code: error.code },
    );
  }
}

/** The payload typed: `{}` when there is none; text that is not JSON is refused by the position
 * of the fault only (the parser's own message quotes the text, which may be a secret pasted in
 * the wrong field), with `error(message)`'s error. */
export function parsePayload(text, error) {
  // Trimmed as String.prototype.trim trims, which takes more than JSON's white space: a no-break
  // space pasted around the object (the page and the command-line tool both pass the text as
  // given, so that a fault's position counts what is before the object).
  const trimmed = text.trim();
  if (trimmed === '') return {};
  try {
    return JSON.parse(trimmed);
  } catch (parseError) {
    // Counted in characters (code points: the parser counts UTF-16 units, two for an emoji) in
    // the text as given, white space before the object included.
    const at = /at position (\d+)/.exec(parseError.message);
    const leading = text.length - text.trimStart().length;
    const character = at ? [...text.slice(0, leading + Number(at[1]))].length + 1 : 0;
    throw error(`the payload is not JSON${at ? ` (at character ${character})` : ''}: give a JSON object such as {"sub":"ada"}`);
  }
}

/** Signs `payload` (what `parsePayload` made of `text`) as the page and the command-line tool
 * both sign: the package's own refusals first (options, key, claims), then a top-level member
 * name repeated in `text`, then a number the text holds that JavaScript cannot, then a token too
 * long to be read back. */
export function signPayload(payload, text, key, options) {
  const token = signJwt(payload, key, options);
  refuseRepeatedNames(text);
  refuseInfinite(payload);
  refuseUnreadable(token);
  return token;
}

/** The bytes of random secret RFC 7518 section 3.2 asks for each HMAC algorithm: as many as its
 * hash's output. */
const SECRET_BYTES_ASKED = { HS256: 32, HS384: 48, HS512: 64 };

/** A warning for a secret of `length` bytes shorter than RFC 7518 asks for `alg` (the package
 * signs with it all the same, as jose and the others do); '' when it is long enough, or for a
 * length or an algorithm not known. The page and the command-line tool both warn so. */
export function shortSecretWarning(alg, length) {
  const needed = Object.hasOwn(SECRET_BYTES_ASKED, alg) ? SECRET_BYTES_ASKED[alg] : 0;
  if (length === null || length >= needed) return '';
  return `the secret is ${length} bytes; RFC 7518 asks for at least ${needed} for ${alg} (random bytes)`;
}

/** Refuses a payload holding a number beyond what a JavaScript number holds: JSON.parse reads
 * `1e400` as Infinity, which JSON.stringify, and so signJwt, writes as null, so the claim would
 * change without a word. Walked with a stack of its own (a payload may nest deeper than the JS
 * stack reaches). */
function refuseInfinite(payload) {
  const pending = [payload];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new JwtError('the payload holds a number too large for JavaScript (such as 1e400), which would be signed as null', { code: 'ERR_JWT_INVALID' });
    }
    if (value !== null && typeof value === 'object') for (const member of Object.values(value)) pending.push(member);
  }
}
