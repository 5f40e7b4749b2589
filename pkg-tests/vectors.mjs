// The shared vector file, with its keys and options turned into what a JavaScript caller passes.
import { readFileSync } from 'node:fs';

export const vectors = JSON.parse(readFileSync(new URL('../vectors/jwt.json', import.meta.url), 'utf8'));

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

export function thrown(error) {
  const out = { code: error.code };
  if (error.claim !== undefined) out.claim = error.claim;
  if (error.reason !== undefined) out.reason = error.reason;
  return out;
}
