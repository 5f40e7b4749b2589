// How a vector's key and options become what a JavaScript caller passes, and how a call's result
// is written in the vector file's terms. No imports and no file access: the same file runs in
// Node and, copied into consumer projects, in Deno, Bun, workerd and browsers (pkg-tests/runtimes).

export const keyOf = (testCase) => (testCase.key.utf8 !== undefined ? testCase.key.utf8 : testCase.key.jwk);

export const optionsAt = (testCase) => ({ ...testCase.options, currentDate: new Date(testCase.now * 1000) });

/** What a call gave, in the vector file's terms. */
export function outcome(call) {
  try {
    const { payload, protectedHeader } = call();
    return { payload, header: protectedHeader };
  } catch (error) {
    return thrown(error);
  }
}

/** The `name` of the error the package throws with `code`: `'JwtError'` for the package's own
 * codes, else jose's class name for it, which jose forms from the code (`ERR_JWT_EXPIRED` is
 * `JWTExpired`, `ERR_JOSE_ALG_NOT_ALLOWED` `JOSEAlgNotAllowed`). */
const OWN_CODES = ['ERR_KEY_INVALID', 'ERR_OPTIONS_INVALID', 'ERR_JWT_TOO_LONG'];
export function errorName(code) {
  if (typeof code !== 'string' || OWN_CODES.includes(code)) return 'JwtError';
  const [prefix, ...words] = code.replace(/^ERR_/, '').split('_');
  return prefix + words.map((word) => word[0] + word.slice(1).toLowerCase()).join('');
}

/** A failure in the vector file's terms; one that is not the package's JwtError (an entry that did
 * not connect its hooks throws plain Errors with the right codes) never matches an expectation. */
export function thrown(error) {
  if (!(error instanceof Error) || error.name !== errorName(error.code)) return { notAJwtError: String(error) };
  return failureOf(error);
}

/** A coded error's code, and its claim and reason where it has them (jose's errors too). */
export function failureOf(error) {
  const out = { code: error.code };
  if (error.claim !== undefined) out.claim = error.claim;
  if (error.reason !== undefined) out.reason = error.reason;
  return out;
}

/** What expiryInfo gave (dates as seconds), or what it threw. */
export function expiryOutcome(call) {
  const seconds = (date) => (date === null ? null : date.getTime() / 1000);
  try {
    const info = call();
    return { ...info, expiresAt: seconds(info.expiresAt), issuedAt: seconds(info.issuedAt), notBefore: seconds(info.notBefore) };
  } catch (error) {
    return thrown(error);
  }
}
