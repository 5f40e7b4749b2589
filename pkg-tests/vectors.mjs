// The shared vector file, with its keys and options turned into what a JavaScript caller passes.
import { readFileSync } from 'node:fs';

export { expiryOutcome, keyOf, optionsAt, outcome, thrown } from './vector-cases.mjs';

export const vectors = JSON.parse(readFileSync(new URL('../vectors/jwt.json', import.meta.url), 'utf8'));
