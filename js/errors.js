// The error class every failure is thrown as, the strict JSON conversion of option objects, the
// one-call string writer and the result builder; the wasm binding uses them once connectErrors()
// has registered them.
import { __connect } from '../pkg/wasm/jwt_wasm.js';

/** Every error thrown by jwt-wasm. Switch on `code`; messages may change. */
export class JwtError extends Error {
  constructor(message, { code, claim, reason } = {}) {
    super(message);
    this.name = 'JwtError';
    this.code = code;
    if (claim !== undefined) this.claim = claim;
    if (reason !== undefined) this.reason = reason;
  }
}

// Option objects and JWKs cross into wasm as JSON text. What JSON cannot carry is refused
// here rather than dropped silently by JSON.stringify: a function given as `issuer` must fail,
// not vanish and turn the issuer check off. For the same reason only plain objects and arrays
// are accepted: JSON.stringify sees neither inherited properties nor class getters, and a
// toJSON method could hide a value. (A walk, then a plain stringify: much faster than a
// replacer function.)
function assertJsonable(value, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      break;
    case 'object': {
      // A valid Date crosses as its JSON form (the core reads it); an invalid one would be null.
      if (value === null || (value instanceof Date && !Number.isNaN(value.getTime()))) return;
      const isArray = Array.isArray(value);
      const prototype = Object.getPrototypeOf(value);
      const plain = isArray || prototype === Object.prototype || prototype === null;
      if (plain && depth < 32 && !('toJSON' in value)) {
        const members = isArray ? value : Object.values(value);
        for (let i = 0; i < members.length; i += 1) assertJsonable(members[i], depth + 1);
        return;
      }
      break;
    }
    default:
      break;
  }
  throw new TypeError('options hold only plain objects, arrays, strings, finite numbers, booleans and valid Dates');
}

function toJson(value) {
  assertJsonable(value, 0);
  return JSON.stringify(value);
}

// Strings cross into wasm memory in one call when they are ASCII and short enough (every token in
// practice): the type check, the length and the encoding together. The binding checks the bytes
// again and takes its general path for anything this refuses (-1).
// encodeInto is bound at load, so that later changes to TextEncoder.prototype are not called.
const encodeInto = TextEncoder.prototype.encodeInto.bind(new TextEncoder());
const asciiWriter = {
  write(value, view) {
    if (typeof value !== 'string' || value.length > view.length) return -1;
    const { read, written } = encodeInto(value, view);
    return read === value.length && written === read ? written : -1;
  },
};

// Every result is made here, by the JSON.parse of load time: decoded claims and headers, and a
// verified token's { payload, protectedHeader } as JSON.parse makes it of the whole result text.
// The binding keeps the object header() made for each of the last few protected headers; when the
// next token's header is the same and has no nested values, a spread copy of that object is a
// full copy, and cheaper than parsing the header again. The kept objects are frozen and never
// handed out, so code replacing JSON.parse later can neither see nor change them. (Spread, not
// Object.assign: a "__proto__" member stays an own property, as JSON.parse makes it.)
const parse = JSON.parse;
const results = {
  parse,
  header(text) {
    const header = parse(text);
    const scalar = Object.values(header).every((value) => value === null || typeof value !== 'object');
    return scalar ? Object.freeze(header) : null;
  },
  verified(payload, header) {
    return { payload: parse(payload), protectedHeader: { ...header } };
  },
};

/** Called by each entry once the wasm instance is ready. */
export function connectErrors() {
  __connect(JwtError, toJson, asciiWriter, results);
}
