// A payload to sign, given as JSON text, read as strictly as the claims of a token: shared by the
// inspector page and the command-line tool, so that both refuse the same payloads.
import { decodeJwt, JwtError } from 'jwt-wasm';

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

/** Refuses a payload text that repeats a top-level member name, which JSON.parse would take
 * silently (the last one winning). The package reads it as the claims set of an unsigned token,
 * by the same strict rules as every token's claims (which, as in jose, leave nested objects to
 * JSON.parse); a text too long for that (over about 48 KB) is not checked here. */
export function refuseRepeatedNames(text) {
  try {
    decodeJwt(`eyJhbGciOiJub25lIn0.${base64url(text)}.`);
  } catch (error) {
    if (error instanceof JwtError && error.code === 'ERR_JWT_INVALID') {
      throw new JwtError(error.message.replace(/^the claims set/, 'the payload'), { code: error.code });
    }
    if (!(error instanceof JwtError && error.code === 'ERR_JWT_TOO_LONG')) throw error;
  }
}
