// The error class every failure is thrown as, the strict conversions of options, keys and
// claims, the one-call string writer and the result builder; the wasm binding uses them once
// connectErrors() has registered them.
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
// not vanish and turn the issuer check off. For the same reason only plain objects (from any
// realm) and arrays are accepted, with only enumerable own properties: JSON.stringify sees
// neither inherited nor non-enumerable properties nor class getters, and a toJSON method could
// hide a value. (A walk, then a plain stringify: much faster than a replacer function.)
const { getOwnPropertyNames, getPrototypeOf, keys } = Object;
const objectTag = Object.prototype.toString;
const dateTime = Date.prototype.getTime;

/** A plain object of any realm: its prototype is null or a prototype whose own is null. */
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || objectTag.call(value) !== '[object Object]') return false;
  const prototype = getPrototypeOf(value);
  return prototype === null || getPrototypeOf(prototype) === null;
}

/** The time of a valid Date of any realm; NaN for an invalid Date or anything else. */
function timeOf(value) {
  try {
    return dateTime.call(value);
  } catch {
    return NaN;
  }
}

function isJsonable(value, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= 32 || 'toJSON' in value) {
        // A valid Date crosses as its JSON form (the core reads it); an invalid one would be null.
        return !Number.isNaN(timeOf(value));
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) if (!isJsonable(value[i], depth + 1)) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      const names = keys(value);
      if (names.length !== getOwnPropertyNames(value).length) return false;
      for (let i = 0; i < names.length; i += 1) if (!isJsonable(value[names[i]], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

// What the binding reads the caller's values through. Each returns what crosses into wasm, or
// one of these numbers for a refusal the binding turns into a coded error (src/wasm.rs); a throw
// (a getter, a revoked Proxy, a detached buffer) is refused there too. No call of these can
// throw through wasm frames.
const NOT_PLAIN = 1;
const NOT_JSONABLE = 2;
const NOT_A_DATE = 3;

const convert = {
  /** Options as JSON text, and `currentDate` (if set) taken out as `[text, milliseconds]`. */
  options(options) {
    if (!isPlainObject(options)) return NOT_PLAIN;
    if (!isJsonable(options, 0)) return NOT_JSONABLE;
    const date = options.currentDate;
    if (date === undefined) return JSON.stringify(options);
    const time = timeOf(date);
    if (Number.isNaN(time)) return NOT_A_DATE;
    return [JSON.stringify({ ...options, currentDate: undefined }), time];
  },
  /** A key that is not a string: a Uint8Array of any realm (Node's Buffer too), or a JWK as JSON text. */
  key(key) {
    if (ArrayBuffer.isView(key) && objectTag.call(key) === '[object Uint8Array]') {
      // Copied into this realm's Uint8Array unless it is one (a detached buffer throws here).
      return key instanceof Uint8Array && key.byteLength > 0 ? key : new Uint8Array(key);
    }
    if (!isPlainObject(key)) return NOT_PLAIN;
    return isJsonable(key, 0) ? JSON.stringify(key) : NOT_JSONABLE;
  },
  /** A claims set to sign, as JSON text: a plain object, its members as JSON.stringify writes them. */
  claims(payload) {
    return isPlainObject(payload) ? JSON.stringify(payload) : NOT_PLAIN;
  },
};

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

// An exception that leaves a wasm call by unwinding, rather than as a returned error, skips the
// code that moves the wasm stack pointer back: only the JS stack running out inside a call can
// do that now (every call out to JavaScript that the caller's values can make throw is caught in
// Rust), but each such exception would leak stack until the instance traps. So every export
// runs through `guarded`: when an exception leaves the outermost call, the pointer is set back to
// where it stands between calls, with no wasm frame live. Coded errors come back as values and
// are thrown here, after the call has returned with the pointer already there.
let depth = 0;
let stackPointer;
let stackBase;

// A failure as the binding reports it. The JwtError is made from it here, in the entry's frame:
// its stack then starts at the caller's call rather than inside the glue and wasm, and capturing
// it walks no wasm frames (a failing verify about 1 us faster than a JwtError made in wasm).
class Failure {
  constructor(message, details) {
    this.message = message;
    this.details = details;
  }
}

const thrown = (value) => (value instanceof Failure ? new JwtError(value.message, value.details) : value);

/** `call` (an export of the glue), with the stack pointer reset after an unwinding exception. */
export function guarded(call) {
  return function guardedCall(a, b, c) {
    let result;
    depth += 1;
    try {
      result = call.call(this, a, b, c);
    } catch (error) {
      if (depth === 1 && stackPointer !== undefined) stackPointer.value = stackBase;
      throw thrown(error);
    } finally {
      depth -= 1;
    }
    // Exports return their failure rather than throw it (see `settled` in src/wasm.rs).
    if (result instanceof Failure) throw new JwtError(result.message, result.details);
    if (result instanceof Error) throw result;
    return result;
  };
}

/** Called by each entry with the instance's exports once it is ready, before any other call. */
export function connectErrors(exports) {
  stackPointer = exports.__stack_pointer;
  stackBase = stackPointer?.value;
  __connect(Failure, convert, asciiWriter, results);
}
