// The error class every failure is thrown as, the strict conversions of options, keys and
// claims, the one-call string writer and the result builder; the wasm binding uses them once
// connectErrors() has registered them.
import { __connect, __isRefusal, __refusalsKept, __wbg_reset_state } from '../pkg/wasm/jwt_wasm.js';

/** jose's class name for each of jose's codes this package throws (see `errors` below). */
const JOSE_NAMES = Object.freeze({
  __proto__: null,
  ERR_JOSE_ALG_NOT_ALLOWED: 'JOSEAlgNotAllowed',
  ERR_JOSE_NOT_SUPPORTED: 'JOSENotSupported',
  ERR_JWK_INVALID: 'JWKInvalid',
  ERR_JWS_INVALID: 'JWSInvalid',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'JWSSignatureVerificationFailed',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'JWTClaimValidationFailed',
  ERR_JWT_EXPIRED: 'JWTExpired',
  ERR_JWT_INVALID: 'JWTInvalid',
});

/** What a JwtError made without details is given (no prototype: nothing inherited is read). */
const NO_DETAILS = Object.freeze({ __proto__: null });

/** Every error thrown by jwt-wasm. Switch on `code`; messages may change. Named as jose names
 * the class for its code (`'JWTExpired'`), else `'JwtError'`. */
// Its members are defined, not assigned: a setter or a read-only member inherited from
// Object.prototype cannot take the place of one (class fields are defined as own members).
export class JwtError extends Error {
  name = 'JwtError';
  code;

  /** `instanceof JwtError` (`errors.JOSEError`, or a class extending it) asks the prototype
   * chain, as the language does for a class without a Symbol.hasInstance: not one put on Error
   * since, which this class would otherwise inherit (it extends Error), so that such a member
   * answering true does not make every error a JwtError, nor false every failure none. */
  static [Symbol.hasInstance](value) {
    return ordinaryHasInstance(this, value);
  }

  constructor(message, details = NO_DETAILS) {
    super(message);
    // The details' own members only: one inherited from Object.prototype is not the caller's (a
    // getter there would run, and its answer become a member of the error, or its code make the
    // error one of jose's classes). The package's own details are object literals and Failures.
    const code = ownDetail(details, 'code');
    const claim = ownDetail(details, 'claim');
    const reason = ownDetail(details, 'reason');
    this.code = code;
    const joseName = typeof code === 'string' ? JOSE_NAMES[code] : undefined;
    if (joseName !== undefined) this.name = joseName;
    if (claim !== undefined) own(this, 'claim', claim);
    if (reason !== undefined) own(this, 'reason', reason);
  }
}

// One descriptor without a prototype (so that nothing inherited is read from it), reused.
const ownMember = { __proto__: null, value: undefined, enumerable: true, writable: true, configurable: true };

/** Gives `object` the own, enumerable, writable member `name`, as an assignment would were
 * nothing inherited in the way: by assignment when nothing is (defineProperty costs a failing
 * verify about 0.5 us more), else by definition. */
function own(object, name, value) {
  if (!(name in object)) {
    object[name] = value;
    return;
  }
  ownMember.value = value;
  defineProperty(object, name, ownMember);
  ownMember.value = undefined;
}

// Option objects and JWKs cross into wasm as JSON text. What JSON cannot carry is refused
// here rather than dropped silently by JSON.stringify: a function given as `issuer` must fail,
// not vanish and turn the issuer check off. For the same reason only plain objects (from any
// realm) and arrays are accepted, with only enumerable own properties: JSON.stringify sees
// neither inherited nor non-enumerable properties nor class getters, and a toJSON method could
// hide a value. Each member is read once, into a trace that is checked and from which the copy
// that is written is made: a getter cannot pass the check with one answer and be written with
// another. (JSON's functions are those of load time, as for results.)
const { create, defineProperty, freeze, getOwnPropertyNames, getPrototypeOf, hasOwn, keys, setPrototypeOf, values } = Object;
const { isArray } = Array;
const { isFinite, isSafeInteger } = Number;
const Bytes = Uint8Array;
const Time = Date;
const stringify = JSON.stringify;
/** `fn` as a function taking its `this` first, called through the Function.prototype.call of
 * load time (a method's `.call` is looked up when it runs, and could have been replaced). */
export const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
/** `instanceof` as the language answers it for a class without a Symbol.hasInstance of its own
 * (OrdinaryHasInstance: `Class.prototype` on `value`'s prototype chain). */
const ordinaryHasInstance = uncurryThis(Function.prototype[Symbol.hasInstance]);
/** `details[name]` if it is the details' own member, else undefined (null details have none: jose's
 * classes take a null payload in that place). */
const ownDetail = (details, name) => (details != null && hasOwn(details, name) ? details[name] : undefined);
const objectTag = uncurryThis(Object.prototype.toString);
/** What `instanceof` asks in place of `Class` to answer as for `Class` at load time: a frozen
 * function of the package's own with Class's prototype, so that the only Symbol.hasInstance it
 * has is Function.prototype's (neither writable nor configurable), where `instanceof Error`
 * would call one put on the global Error later. As fast as `instanceof` itself, which a call
 * through Function.prototype.call is not under Bun. */
function atLoad(Class) {
  // (scripts/build.mjs writes the same into the glue, for its own checks.)
  const brand = function () {};
  brand.prototype = Class.prototype;
  return freeze(brand);
}
const ErrorAtLoad = atLoad(Error);
const RangeErrorAtLoad = atLoad(RangeError);
// What SpiderMonkey (Firefox) throws when the JS stack runs out ("too much recursion"); no other
// engine has the class. (No Firefox on the machines this is tested on.)
const InternalErrorAtLoad = typeof InternalError === 'function' ? atLoad(InternalError) : undefined;
const BytesAtLoad = atLoad(Bytes);
// The name of a typed array's kind, read from its internal slot (undefined for anything else): an
// own Symbol.toStringTag cannot make a Uint16Array pass for a Uint8Array, as it can for the tag.
const typedArrayName = uncurryThis(Object.getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get);
// Binary data of any realm (a test runner's jsdom window, a vm context, an iframe), told by
// internal slots as typedArrayName is: a view (a typed array or a DataView), or an ArrayBuffer or
// SharedArrayBuffer, whose byteLength getter throws for anything else (a Proxy's traps are never
// called by it). An `instanceof` would miss another realm's.
const { isView } = ArrayBuffer;
const bufferLengthGetters = [ArrayBuffer, globalThis.SharedArrayBuffer]
  .filter((Class) => typeof Class === 'function')
  .map((Class) => uncurryThis(Object.getOwnPropertyDescriptor(Class.prototype, 'byteLength').get));
function isBinary(value) {
  if (isView(value)) return true;
  for (const byteLength of bufferLengthGetters) {
    try {
      byteLength(value);
      return true;
    } catch {
      // not this kind of buffer
    }
  }
  return false;
}
const dateTime = uncurryThis(Time.prototype.getTime);
const indexOf = uncurryThis(String.prototype.indexOf);
const slice = uncurryThis(String.prototype.slice);
const codePointAt = uncurryThis(String.prototype.codePointAt);
// A RegExp's source getter reads an internal slot and throws for anything else, a Proxy
// included, calling nothing of the caller's (as `instanceof` would, through a Proxy's trap).
const regExpSource = uncurryThis(Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get);
function isRegExp(value) {
  try {
    regExpSource(value);
    return true;
  } catch {
    return false;
  }
}

// The own names of Object.prototype, as members of an object without a prototype (looked up
// without calling a Set method or an array method of the time).
const objectPrototypeNames = create(null);
let objectPrototypeNameCount = 0;
for (const name of getOwnPropertyNames(Object.prototype)) {
  objectPrototypeNames[name] = true;
  objectPrototypeNameCount += 1;
}

/** A plain object: its prototype is null or an Object.prototype, of this realm or another (a vm
 * context, a test environment), so that it inherits no member JSON.stringify would not see. */
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || objectTag(value) !== '[object Object]') return false;
  const prototype = getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return true;
  if (getPrototypeOf(prototype) !== null) return false;
  const names = getOwnPropertyNames(prototype);
  if (names.length !== objectPrototypeNameCount) return false;
  for (let i = 0; i < names.length; i += 1) if (objectPrototypeNames[names[i]] !== true) return false;
  return true;
}

/** Whether a string after a Verifier's token is the one-shot habit's secret (`verify(token,
 * secret)`, alone or with options or a callback after it), not what Set's, Map's, Headers' and
 * URLSearchParams' forEach pass there (a value or a key, with the collection after it). */
export function secretAfterToken(extra, third) {
  if (typeof extra !== 'string') return false;
  if (third === undefined || typeof third === 'function') return true;
  try {
    return isPlainObject(third);
  } catch {
    // A Proxy whose traps throw: no collection of the forEach family is one.
    return true;
  }
}

/** The time of a Date of any realm (NaN for an invalid one); undefined for anything else. Called
 * for what looks like a Date, and on refusing a value with a toJSON, to name it in the message (a
 * non-Date throws here, and a throw costs microseconds). */
function timeOf(value) {
  try {
    return dateTime(value);
  } catch {
    return undefined;
  }
}

/** An empty array without a prototype: nothing added to Array.prototype or Object.prototype (a
 * toJSON, a setter or getter at an index) reaches it, while filling or writing it. */
const bareArray = () => setPrototypeOf([], null);

/** A trace: `items[0]` to `items[count - 1]`, a value written out as a flat list (names, values,
 * and marks around an object's members and an array's items), so that two values are the same
 * data when their traces hold the same items. `items` is a bare array, written without the `push`
 * of the time. */
const newTrace = (items) => ({ items, count: 0 });

function record(trace, item) {
  trace.items[trace.count] = item;
  trace.count += 1;
}

function sameItems(a, b) {
  if (a.count !== b.count) return false;
  for (let i = 0; i < a.count; i += 1) if (a.items[i] !== b.items[i]) return false;
  return true;
}

// The marks a trace writes around an array's items and an object's names and values.
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');
const END = Symbol('end');

/** The longest array an option or JWK member may be (far beyond any audience list). */
const MAX_ARRAY_LENGTH = 65_536;

// What the last refusal of a value was about, for the message of an options refusal: the
// option it was in and a few words on the value (`NaN`, `a function`). Set as a trace fails (every
// refusal goes through `refuse`), read by `convert.options` right after.
let refusedOption = '';
let refusedWhat = '';

/** A member name as messages show it, as the core's `shown_name` (src/options.rs) shows one:
 * quoted as JSON, whole up to 64 code points, else its first 64 and "..." (never half of a
 * surrogate pair), with the built-ins of load time. */
export function shownName(name) {
  let end = 0;
  for (let count = 0; count < 64 && end < name.length; count += 1) end += codePointAt(name, end) > 0xffff ? 2 : 1;
  return stringify(end < name.length ? `${slice(name, 0, end)}...` : name);
}

/** Notes what a value was refused for; false. The option it is in is noted as the refusal
 * leaves it (in `traceMembers`); none for the options object itself. */
function refuse(what) {
  refusedWhat = what;
  refusedOption = '';
  return false;
}

/** Reads `value` once into `trace`, as the plain data JSON.stringify would write it; false for a
 * value JSON cannot carry faithfully (a Date too: as its ISO text it would pass for a string). */
function traceValue(value, depth, trace) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      record(trace, value);
      return true;
    case 'number':
      if (!isFinite(value)) return refuse(`${value}`);
      record(trace, value);
      return true;
    case 'object': {
      if (value === null) {
        record(trace, null);
        return true;
      }
      // A toJSON could hide a value.
      if (depth >= 32) return refuse('values nested over 32 levels deep');
      if ('toJSON' in value) return refuse(timeOf(value) === undefined ? 'an object with a toJSON member' : 'a Date');
      if (isArray(value)) {
        // Read once, and only a whole length a real array could have, up to a bound (a Proxy
        // could answer anything; a huge sparse array would take seconds and gigabytes to copy).
        const length = value.length;
        if (!isSafeInteger(length) || length < 0 || length > MAX_ARRAY_LENGTH) return refuse('an array of over 65,536 items (or a length no array has)');
        record(trace, ARRAY);
        for (let i = 0; i < length; i += 1) if (!traceValue(value[i], depth + 1, trace)) return false;
        record(trace, END);
        return true;
      }
      if (!isPlainObject(value)) return refuse(isRegExp(value) ? 'a RegExp (options compare whole strings: list each value as one)' : 'an object that is not a plain object (a class instance, a Map, a RegExp)');
      return traceMembers(value, depth, undefined, trace);
    }
    default:
      return refuse(typeof value === 'function' ? 'a function' : typeof value === 'bigint' ? 'a BigInt' : 'a symbol');
  }
}

/** The members of a plain object, each read once, into `trace` as `traceValue` writes them.
 * `dates`, if given, gets each member that is a Date instead of the trace, as a `"name":time`
 * member written to its `json` (time null for an invalid Date): JSON has no dates, and the core
 * decides which options may be one. */
function traceMembers(object, depth, dates, trace) {
  const names = keys(object);
  if (names.length !== getOwnPropertyNames(object).length) return refuse('a property that is not enumerable');
  record(trace, OBJECT);
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i];
    const member = object[name];
    // A Date of any realm, whatever its prototype: tagged "Date" by the toString of load time (a
    // look-alike tagged so by Symbol.toStringTag fails timeOf).
    if (dates !== undefined && typeof member === 'object' && member !== null && !isArray(member) && objectTag(member) === '[object Date]') {
      const time = timeOf(member);
      if (time !== undefined) {
        // A Date's time is a whole number of milliseconds within ±8.64e15: written exactly.
        dates.json += `${dates.json === '' ? '' : ','}${stringify(name)}:${isFinite(time) ? time : 'null'}`;
        continue;
      }
    }
    record(trace, name);
    if (!traceValue(member, depth + 1, trace)) {
      // The message shows 64 characters of a name (shown_name in src/options.rs): 130 UTF-16
      // units hold more than that, and a huge name is not copied into wasm whole.
      if (depth === 0) refusedOption = name.length > 130 ? slice(name, 0, 130) : name;
      return false;
    }
  }
  record(trace, END);
  return true;
}

/** The JSON text of the value a trace holds, written by JSON.stringify from a copy made of the
 * trace alone: objects without a prototype (a member named "__proto__" stays a member) and bare
 * arrays, filled without calling anything of the time. */
function traceText(trace) {
  const { items } = trace;
  let next = 0;
  const value = () => {
    const item = items[next];
    next += 1;
    if (item === OBJECT) {
      const copy = create(null);
      while (items[next] !== END) {
        const name = items[next];
        next += 1;
        copy[name] = value();
      }
      next += 1;
      return copy;
    }
    if (item === ARRAY) {
      const copy = bareArray();
      while (items[next] !== END) copy[copy.length] = value();
      next += 1;
      return copy;
    }
    return item;
  };
  return stringify(value());
}

// What the binding reads the caller's values through. Each returns what crosses into wasm, or
// one of these numbers for a refusal the binding turns into a coded error (src/wasm.rs; `options`
// gives NOT_JSONABLE as [NOT_JSONABLE, option, what] for the message), THREW among them. No call
// of these can throw through wasm frames.
const NOT_PLAIN = 1;
const NOT_JSONABLE = 2;
// A key that is binary data but not a Uint8Array (the binding's message says how to wrap it).
const NOT_BYTES = 3;
// Reading the value threw (a getter, a revoked Proxy, a detached buffer, the JS stack running
// out): answered, not thrown, because an exception that the glue catches for the binding costs a
// slot of the wasm's externref table for good (wasm-bindgen 0.2.130 keeps the one it made for the
// call's result), about 16 bytes a call until the table can grow no more.
const THREW = 4;

/** Reads an options object or a JWK into `trace` (see `traceMembers`): undefined, or the refusal
 * for it. */
function traceObject(value, dates, trace) {
  if (!isPlainObject(value)) return NOT_PLAIN;
  if ('toJSON' in value) {
    refuse('a toJSON member');
    return NOT_JSONABLE;
  }
  return traceMembers(value, 0, dates, trace) ? undefined : NOT_JSONABLE;
}

/** Options as JSON text. Its Date members, if any, are taken out and follow it as a JSON object
 * of their times in milliseconds, after a NUL (which JSON.stringify never writes unescaped):
 * `{"issuer":"me"}\0{"currentDate":1767225600000}`, one string for the binding to read. */
function readOptions(options) {
  const dates = { json: '' };
  // Into the scratch array, unless a getter calling back in finds the outer call using it.
  const scratch = scratchItems;
  const trace = newTrace(scratch ?? bareArray());
  scratchItems = undefined;
  let refusal;
  try {
    refusal = traceObject(options, dates, trace);
  } finally {
    if (scratch !== undefined) scratchItems = scratch;
    // Items past the end, from longer options read before, would keep the caller's values.
    if (trace.items.length > trace.count) trace.items.length = trace.count;
  }
  if (refusal === NOT_JSONABLE) {
    // [refusal, the option it is in ('' for the options object itself), what its value was]
    const detail = bareArray();
    detail[0] = refusal;
    detail[1] = refusedOption;
    detail[2] = refusedWhat;
    return detail;
  }
  if (refusal !== undefined) return refusal;
  const text = optionsText(trace);
  return dates.json === '' ? text : `${text}\0{${dates.json}}`;
}

/** A key that is not a string: a Uint8Array of any realm (Node's Buffer too) as a copy, or a
 * JWK as JSON text; other binary data (of any realm) is NOT_BYTES. */
function readKey(key) {
  if (typedArrayName(key) === 'Uint8Array') {
    // Always a fresh copy, read through the array's internal slots: a subclass or an own
    // `length` cannot lie to the binding, and a detached buffer throws here.
    return new Bytes(key);
  }
  const trace = newTrace(bareArray());
  const refusal = traceObject(key, undefined, trace);
  // Asked only of what is not a plain object: isBinary throws and catches for anything that is
  // no buffer, several microseconds that a JWK would pay at every call.
  if (refusal === NOT_PLAIN && isBinary(key)) return NOT_BYTES;
  return refusal ?? traceText(trace);
}

/** A claims set to sign, as JSON text: a plain object, its members as JSON.stringify writes them. */
function readClaims(payload) {
  if (payload instanceof ReadClaims) return payload.threw ? THREW : payload.read;
  return isPlainObject(payload) ? stringify(payload) : NOT_PLAIN;
}

// Each method catches for itself: one helper calling all three readers would make that call
// polymorphic, and each read about 0.1 us slower under Node.
const convert = freeze({
  options(options) {
    try {
      return readOptions(options);
    } catch {
      return THREW;
    }
  },
  key(key) {
    try {
      return readKey(key);
    } catch {
      return THREW;
    }
  },
  claims(payload) {
    try {
      return readClaims(payload);
    } catch {
      return THREW;
    }
  },
  // The system clock, asked by the binding when a call with no currentDate needs the time (the
  // core says when: as jose, a verify once it reaches the time claims): the time, or NaN
  // for no number (a BigInt, null), which the binding refuses with a code. An exception of the
  // clock's is kept for the call's guard to throw as itself once the binding has returned its
  // failure: let unwind through wasm, it would cost the instance (replaced at every such call).
  // The global Date of the call, not of load time: fake timers (Vitest's, Jest's, Sinon's)
  // replace it.
  now() {
    try {
      const time = Date.now();
      return typeof time === 'number' ? time : NaN;
    } catch (error) {
      clockException = error;
      return NaN;
    }
  },
});

/** What the clock threw in the call in progress, until its guard throws it (`convert.now`). */
const NO_EXCEPTION = freeze({});
let clockException = NO_EXCEPTION;

// The options of the last call and their text. Most callers pass the same options on every call
// (one object, or an equal literal), and JSON.stringify takes most of a microsecond to write them
// again: options whose trace holds the same items as the last call's reuse its text, which
// JSON.stringify would write again character for character (0 and -0 are both written 0). The text
// depends on nothing but the trace: a trace's array and the copy written from it are arrays and
// objects without a prototype, filled without calling anything of the time (a toJSON or an index
// setter added to a prototype, even for the length of one call, reaches neither), and Dates are not
// in the trace (they follow the text, written anew at every call). Options are read into one of two
// arrays kept for it, the other holding the last call's trace, so that a call with the same options
// as the last makes neither a trace array nor a copy.
let lastTrace = newTrace(bareArray());
let lastText = '';
let scratchItems = bareArray();

function optionsText(trace) {
  if (sameItems(trace, lastTrace)) return lastText;
  const text = traceText(trace);
  // The last trace's array becomes the scratch array, unless the outer call of a getter calling
  // in holds the scratch array (this call's trace then has one of its own, and the last trace's
  // array is let go).
  if (scratchItems !== undefined) scratchItems = lastTrace.items;
  lastTrace = trace;
  lastText = text;
  return text;
}

// Strings cross into wasm memory in one call when they are ASCII and short enough (every token in
// practice): the type check, the length and the encoding together. The binding checks the bytes
// again and takes its general path for anything this refuses (-1).
// encodeInto is bound at load, so that later changes to TextEncoder.prototype are not called.
const encodeInto = TextEncoder.prototype.encodeInto.bind(new TextEncoder());
const asciiWriter = freeze({
  write(value, view) {
    if (typeof value !== 'string' || value.length > view.length) return -1;
    const { read, written } = encodeInto(value, view);
    return read === value.length && written === read ? written : -1;
  },
});

// Every result is made here, by the JSON.parse of load time: decoded claims and headers, and a
// verified token's { payload, protectedHeader } as JSON.parse makes it of the whole result text
// (expiryInfo's is an object literal, its Dates made by the glue with the Date of the call).
// The binding keeps the object header() made for each of the last four protected headers first
// seen (a header seen again is not kept longer for it); when the
// next token's header is the same and has no nested values, a spread copy of that object is a
// full copy, and cheaper than parsing the header again. The kept objects are frozen and never
// handed out, so code replacing JSON.parse later can neither see nor change them. (Spread, not
// Object.assign: a "__proto__" member stays an own property, as JSON.parse makes it.)
const parse = JSON.parse;
const results = freeze({
  parse,
  header(text) {
    const header = parse(text);
    const members = values(header);
    for (let i = 0; i < members.length; i += 1) if (members[i] !== null && typeof members[i] === 'object') return null;
    return freeze(header);
  },
  verified(payload, header) {
    return { payload: parse(payload), protectedHeader: { ...header } };
  },
  expiry(expiresAt, issuedAt, notBefore, expired, notYetValid, secondsLeft) {
    return { expiresAt, issuedAt, notBefore, expired, notYetValid, secondsLeft };
  },
  // Every failure is made here, called by the glue as a method: no Reflect.construct, Array.of
  // or Function.prototype.apply of the time is on the way, so code that replaced one can neither
  // stop a failure nor make one pass for a result (the glue still decodes its message with the
  // TextDecoder methods of the time). Making it can fail only for want of JS stack: that
  // RangeError is the answer, returned rather than thrown through wasm frames, and thrown by
  // `guarded` (an Error of load time) or, for createVerifier, by the glue.
  failure(message, code, claim, reason) {
    try {
      return new Failure(message, code, claim, reason);
    } catch (error) {
      return error;
    }
  },
});

// A failure as the binding reports it. The JwtError is made from it here, in the entry's frame:
// its stack then starts at the caller's call rather than inside the glue and wasm, and capturing
// it walks no wasm frames (a failing verify about 2 us faster under Node than with a JwtError
// made in wasm).
// (Class fields are defined as own members, so nothing inherited is called when they are set.)
class Failure {
  message;
  code;
  claim;
  reason;

  constructor(message, code, claim, reason) {
    this.message = message;
    this.code = code;
    this.claim = claim;
    this.reason = reason;
  }
}
// The hooks below are handed to the binding, and through the glue, some of whose calls go through
// built-ins as they are at the time (Function.prototype.apply): code that replaces one for a call
// can get hold of them, and of Failure through a failure they make. Frozen, they stay what they
// are: no Symbol.hasInstance put on Failure makes a failure pass for a result, no converter is
// replaced.
freeze(Failure);
freeze(Failure.prototype);

/** jose's error class for one of its codes: `instanceof` it holds for every JwtError with that
 * code (the package throws JwtErrors of the one class: a subclass per code cost a failing verify
 * 10 to 15% under Node), and made by hand it is one with that code and name. Its static `code` is
 * jose's. */
function joseError(className, joseCode) {
  const Class = class extends JwtError {
    static code = joseCode;
    static [Symbol.hasInstance](value) {
      // A class extending this one is asked as a class is: for its own instances, not for every
      // JwtError with this code (as jose's answers for a subclass of its own).
      if (this !== Class) return ordinaryHasInstance(this, value);
      return ordinaryHasInstance(JwtError, value) && value.code === joseCode;
    }
    name = className;
    code = joseCode;
  };
  // Named as jose's, whatever a minifier makes of the binding.
  defineProperty(Class, 'name', { value: className });
  return Class;
}

/** jose's error classes for the codes this package throws with jose's meaning (jose's
 * `JOSEError`, the base of them all, is JwtError itself: every failure here is one). */
export const errors = { __proto__: null, JOSEError: JwtError };
for (const code of keys(JOSE_NAMES)) errors[JOSE_NAMES[code]] = joseError(JOSE_NAMES[code], code);
freeze(errors);

/** What to throw for a failure an export returned (or createVerifier's glue threw): a JwtError
 * made from a Failure (whose own members are the details a JwtError takes), or the Error as
 * itself. */
const thrown = (value) => (value instanceof Failure ? new JwtError(value.message, value) : value);

// Replacing a broken instance. An exception that leaves a wasm call by unwinding, rather than as
// a returned failure, abandons the Rust code it passes through midway: the wasm stack pointer is
// not moved back, and a borrow or an allocator's bookkeeping may be left half done (a few hundred
// such exceptions, or one at the wrong point, used to leave every later call trapping). Every call
// out to JavaScript that the caller's values could make throw is caught in Rust, so only the JS
// stack running out inside a call, a replaced built-in that the glue calls without a catch and
// that throws (ArrayBuffer.isView, Array.isArray, Object.keys, Object.assign, the Date
// constructor, typed-array methods and getters, TextEncoder.prototype.encodeInto,
// TextDecoder.prototype.decode), or a trap (a bug), can still do this (a clock that throws does
// not: see `convert.now`). So every export runs through `guarded`: when such an exception leaves
// the outermost call, the instance is replaced by a fresh one of the same compiled module
// (wasm-bindgen's reset-state function) before the exception goes on, and a Verifier made in the
// old one makes itself again in the new one at its next call (js/api.js).
let depth = 0;
// Calls nested deeper (a getter among a call's arguments calling back in, again and again) are
// refused: each holds its wasm frames, and about 256 ran out of the wasm's own stack (1 MiB), a
// RangeError from the glue that replaced the instance.
const MAX_DEPTH = 32;
let generation = 0;
let replacePending = false;

/** Counts the instances replaced so far; a Verifier made at another count makes itself again. */
export const instanceGeneration = () => generation;

/** A module of one function taking an externref and returning a v128 constant: valid only where
 * the engine has WebAssembly SIMD and reference types, the last of the features the package's
 * module uses to reach the engines (Chrome and Edge 96, Firefox 89, Safari 16.4). */
const FEATURE_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 111, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11];

/** What to do when the browser entry's .wasm could not be fetched, or what came was not it. */
const SERVE_IT = "serve the package's pkg/wasm/jwt_wasm_bg.wasm beside the bundle (esbuild, Rollup, Angular's and Bun's bundlers do not emit it: see the README), or import 'jwt-wasm/inline', which needs no file";
/** The same, where the glue was fetched from a dev server's folder of pre-bundled dependencies
 * (Vite 5 to 7 pre-bundle the package there, away from its .wasm: /node_modules/.vite/deps/). */
const NOT_PREBUNDLED = "the dev server pre-bundled the package away from its .wasm: add optimizeDeps: { exclude: ['jwt-wasm'] } to the Vite config";
const PREBUNDLED = /\/deps\/jwt_wasm_bg\.wasm/;
/** V8's refusal where its host turns off compiling WebAssembly from bytes: Cloudflare Workers
 * (workerd) in a request, Vercel's edge runtime, a node:vm context made with
 * `codeGeneration: { wasm: false }`. Browsers word a Content-Security-Policy's refusal otherwise. */
const EMBEDDER_REFUSAL = /disallowed by embedder/;
/** What to do there: on the edge platforms, take the entry that imports the .wasm as a module the
 * host compiles; elsewhere (node:vm) the host's own setting is to blame. */
const HOST_CONDITION = "on Cloudflare Workers or Vercel's edge functions, bundle with the platform's export condition (workerd, as wrangler does; edge-light, as Next.js does), whose entry imports the .wasm as a module the platform compiles; elsewhere, the host has turned compiling WebAssembly off";

/** The code of the error an entry's import throws when its WebAssembly module cannot be made;
 * no function throws it (errorCodes() lists it after the core's). */
export const WASM_UNAVAILABLE = 'ERR_WASM_UNAVAILABLE';

/** The error an entry's import throws when its WebAssembly module cannot be made, saying why and
 * what to do: `cause` is what the glue threw, and `fetched` whether the entry fetched the .wasm
 * (the browser entry), when what came may not be it. The engine is asked after the failure only;
 * should asking throw (a WebAssembly replaced by code of the page), the glue's message is said. */
export function wasmUnavailable(cause, fetched) {
  let why;
  try {
    why = whyUnavailable(cause, fetched);
  } catch {
    why = `its WebAssembly module could not be made (${describe(cause)})`;
  }
  const error = new JwtError(`jwt-wasm cannot start: ${why}`, { code: WASM_UNAVAILABLE });
  defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  return error;
}

function whyUnavailable(cause, fetched) {
  const engine = typeof WebAssembly === 'object' ? WebAssembly : null;
  if (engine === null || typeof engine.validate !== 'function' || typeof engine.Module !== 'function') {
    return "this runtime has no WebAssembly (turned off by a policy, a hardened browsing mode or node --jitless; some engines, such as React Native's Hermes, have none)";
  }
  const probe = new Uint8Array(FEATURE_PROBE);
  if (!engine.validate(probe)) {
    return 'this engine lacks WebAssembly SIMD or reference types, which the module uses (Chrome and Edge have both from 96, Firefox from 89, Safari from 16.4)';
  }
  try {
    new engine.Module(probe);
  } catch (refusal) {
    // Before the cause's class is asked: a refusal by a Content-Security-Policy is a CompileError
    // in Firefox, as bytes that are no module are.
    const said = describe(refusal);
    if (EMBEDDER_REFUSAL.test(said)) return `this host compiles no WebAssembly from bytes at run time (${said}): ${HOST_CONDITION}`;
    return `compiling WebAssembly is refused here (${said}): under a Content-Security-Policy, script-src needs 'wasm-unsafe-eval'`;
  }
  if (fetched) {
    if (typeof fetch !== 'function') return "this runtime has no fetch, which the browser entry loads its .wasm with: import 'jwt-wasm/inline'";
    if (isA(cause, 'CompileError')) {
      return `what was fetched as jwt_wasm_bg.wasm is not its WebAssembly module (${describe(cause)}; a server answers so, with a page, for a file it does not have): ${SERVE_IT}`;
    }
    if (isA(cause, 'LinkError')) {
      return `the .wasm fetched does not fit this version's glue (${describe(cause)}; a cached copy of another version?): serve this version's pkg/wasm/jwt_wasm_bg.wasm`;
    }
    // fetch's TypeError for a request that failed, the glue's Error for a status other than OK.
    const name = cause instanceof Error ? cause.name : '';
    if (name === 'TypeError' || name === 'Error') {
      const said = describe(cause);
      return `its WebAssembly module could not be fetched (${said}): ${PREBUNDLED.test(said) ? NOT_PREBUNDLED : SERVE_IT}`;
    }
  }
  return `its WebAssembly module could not be made (${describe(cause)})`;
}

/** Whether `value` is an instance of WebAssembly's error class `name` (false where there is none). */
function isA(value, name) {
  const Class = WebAssembly[name];
  return typeof Class === 'function' && value instanceof Class;
}

/** A thrown value's message, for a sentence: whatever it is, reading it never throws. */
function describe(value) {
  try {
    return value instanceof Error ? String(value.message) : String(value);
  } catch {
    return 'an unreadable error';
  }
}

/** What an entry that makes its instance synchronously runs at import: `init` (the glue's
 * initSync with the entry's module), refused as `wasmUnavailable` says, then the hooks. */
export function start(init) {
  try {
    init();
  } catch (error) {
    throw wasmUnavailable(error, false);
  }
  connectErrors();
}

/** Registers the hooks with the instance: by each entry once it is ready, before any other
 * call, and again for each replacement. */
export function connectErrors() {
  __connect(convert, asciiWriter, results);
}

function replaceInstance() {
  replacePending = true;
  __wbg_reset_state();
  generation += 1;
  connectErrors();
  replacePending = false;
}

/** Makes a replacement that could not be made at the time (the stack still too short), unless a
 * call is in progress. */
export function replaceIfPending() {
  if (depth === 0 && replacePending) replaceInstance();
}

/** Array.isArray's answer, false for a revoked Proxy (for which it throws): an object that
 * cannot be read, refused as the object it is rather than with the engine's TypeError. */
function isReadableArray(value) {
  try {
    return isArray(value);
  } catch {
    return false;
  }
}

/** Refuses `extra`, passed to `name()` after its `count` arguments, where the caller expects it
 * read: a function (`refuseCallback`) or an object other than an array (options, as jwt-decode's
 * `{ header: true }`, which would be ignored). Anything else, such as the index and array that
 * Array.prototype.map passes, is left unread, as JavaScript leaves it. */
export function refuseExtra(name, count, extra, objectHint = '') {
  refuseCallback(name, extra);
  if (typeof extra === 'object' && extra !== null && !isReadableArray(extra)) {
    throw new JwtError(`${name}() takes ${count === 1 ? 'one argument' : `${count} arguments`}; an object after ${count === 1 ? 'it' : 'them'} would not be read${objectHint}`, { code: 'ERR_OPTIONS_INVALID' });
  }
}

/** Refuses a function where `name()` reads options or nothing: a callback, as jsonwebtoken's
 * verify and sign take it (after the options, or in their place: `verify(token, secret,
 * callback)`) and fast-jwt's verifier, which would never be called, so a request waiting on it
 * would hang. */
export function refuseCallback(name, value) {
  if (typeof value === 'function') {
    throw new JwtError(`${name}() takes no callback: it is synchronous, so use what it returns and catch what it throws`, { code: 'ERR_OPTIONS_INVALID' });
  }
}

/** How each call that refuses an algorithm's name in its options' place says to give one. */
const inAlgorithms = (algorithm) => `for the algorithm, { algorithms: ['${algorithm}'] }`;
const ALGORITHM_OPTION = {
  __proto__: null,
  jwtVerify: inAlgorithms,
  createVerifier: inAlgorithms,
  signJwt: (algorithm) => `for the algorithm, { alg: '${algorithm}' }`,
  // SignJWT's sign(key, options): the builder sets it, not an option.
  sign: (algorithm) => `the algorithm is set by setProtectedHeader({ alg: '${algorithm}' })`,
};
/** The names a hint repeats; any other string (`'none'`, or a secret in the wrong place) is not
 * echoed, and the hint names HS512. */
const HMAC_NAMES = { __proto__: null, HS256: true, HS384: true, HS512: true };

/** Options that are not an object: a callback, or (given `after`, for `name(token, options)`) the
 * index that Array.prototype.map, filter and forEach pass there with the array after it, said as
 * such; anything else is left to the binding's refusal. */
export function refuseOptions(name, options, after) {
  refuseCallback(name, options);
  // cloudflare-worker-jwt takes the algorithm's name there: verify(token, secret, 'HS512').
  if (typeof options === 'string' && hasOwn(ALGORITHM_OPTION, name)) {
    const hint = ALGORITHM_OPTION[name](hasOwn(HMAC_NAMES, options) ? options : 'HS512');
    throw new JwtError(`${name}() takes options as a plain object, not a string: ${hint}`, { code: 'ERR_OPTIONS_INVALID' });
  }
  if (typeof options === 'number' && isReadableArray(after)) {
    throw new JwtError(`${name}() takes options as its second argument, where Array.prototype.map, filter and forEach pass an index: call it as tokens.map((token) => ${name}(token))`, { code: 'ERR_OPTIONS_INVALID' });
  }
}

/** Refuses a call of `name()` made inside MAX_DEPTH calls of the package already running. */
function refuseTooDeep(name) {
  if (depth >= MAX_DEPTH) {
    throw new JwtError(`${name}() was called inside ${MAX_DEPTH} calls of jwt-wasm already running (getters, toJSON methods or Proxies among their arguments calling back in): refused, as deeper ones would run out of the wasm stack`, { code: 'ERR_OPTIONS_INVALID' });
  }
}

/** `read()`, the reading in JavaScript of `name()`'s arguments before it calls the wasm
 * (createVerifier's key and options, SignJWT's sign() options), counted as a call: a getter
 * among them can call the package again, and that call again, each level holding the JS stack,
 * and the wasm's calls made as they return. */
export function readingArguments(name, read) {
  refuseTooDeep(name);
  depth += 1;
  try {
    return read();
  } finally {
    depth -= 1;
  }
}

/** `call()`, a second reading of arguments that the first refused, made to give the binding's
 * coded error, with every call into the package that a getter among them makes refused at once:
 * a getter that called the package during the first reading would do so again, and through a
 * nest of such calls, each level reading twice, the work doubled with every level. */
export function readingAgain(call) {
  const saved = depth;
  depth = MAX_DEPTH - 1;
  try {
    return call();
  } finally {
    depth = saved;
  }
}

/** `call`, the glue's export `name`: its failure thrown as a JwtError, its instance replaced if
 * broken, a callback in the place of its options refused, and what a caller passes after its
 * arguments refused if it is a callback or options (`refuseExtra`, with `objectHint` after the
 * message for options). The name is given, not read from `call`, which a minifier renames. */
export function guarded(call, name, objectHint = '', throwsItsFailure = false) {
  const invoke = uncurryThis(call);
  const count = call.length;
  // A call that reads no argument (free(), errorCodes()) runs no getter of the caller's, so it
  // cannot nest: never refused (a refused free() would leave a Verifier that let go of its handle
  // holding its wasm memory until collected).
  const capped = count > 0;
  function guardedCall(a, b, c, d) {
    const extra = count === 1 ? b : count === 3 ? d : count === 2 ? c : a;
    if (extra !== undefined) refuseExtra(name, count, extra, objectHint);
    // Options come last, as the second or third argument.
    const options = count === 3 ? c : count === 2 ? b : undefined;
    if (options !== undefined && typeof options !== 'object') refuseOptions(name, options, count === 2 ? extra : undefined);
    if (capped) refuseTooDeep(name);
    replaceIfPending();
    // How many refusals the binding keeps as this call starts (createVerifier only, see below).
    const refusalsBefore = throwsItsFailure ? __refusalsKept() : 0;
    let result;
    // Only this call's clock exception: one kept by a call this one is nested in (a replaced
    // built-in calling back in while that call makes its failure) waits for it.
    const outerClockException = clockException;
    clockException = NO_EXCEPTION;
    let ownClockException;
    depth += 1;
    try {
      result = invoke(this, a, b, c);
    } catch (error) {
      // Exports return their failure, but for createVerifier, whose failure the glue throws once
      // wasm has returned: a Failure thrown from it is its refusal when the binding says it is
      // the very one this call returned (asked whatever was thrown, which lets go of every
      // refusal kept since the call started). Anything else thrown unwound through wasm frames (a
      // Failure too: one made by code that caught the hooks and threw it from a replaced
      // built-in), or came from a built-in the glue calls before entering wasm or after it
      // returned (free()'s FinalizationRegistry unregister, the Verifier's registration, the
      // table read that takes a refusal, replaced with ones that throw something else than that
      // refusal; the RangeError of a refusal that could not be made): a fresh instance then
      // costs only the time. Inside an outer call (a getter calling back in), its wasm frames are
      // live: replace later.
      if (throwsItsFailure) {
        let refusal = false;
        try {
          refusal = __isRefusal(error, refusalsBefore) && error instanceof Failure;
        } catch {
          // the instance cannot answer: replaced below
        }
        if (refusal) throw thrown(error);
      }
      replacePending = true;
      if (depth === 1) {
        try {
          replaceInstance();
        } catch {
          // left pending for the next call
        }
      }
      throw error;
    } finally {
      depth -= 1;
      ownClockException = clockException;
      clockException = outerClockException;
    }
    // The clock's own exception goes on as itself: no call answers without a time (the failure
    // returned only says the clock gave none).
    if (ownClockException !== NO_EXCEPTION) throw ownClockException;
    // Exports return their failure rather than throw it (see `settled` in src/wasm.rs): a
    // Failure, or the Error (of load time) of a JS stack that ran out while it was made (which
    // createVerifier's glue throws, taken above for an unwinding).
    if (result instanceof Failure || result instanceof ErrorAtLoad) throw thrown(result);
    return result;
  }
  Object.defineProperties(guardedCall, { name: { value: name }, length: { value: count } });
  return guardedCall;
}

/** `text` as JSON.parse makes it, but every object and array without a prototype: a copy that
 * nothing added later to Object.prototype or Array.prototype (a toJSON, a getter) reaches. */
const bareParse = (text) => parse(text, bareValue);
function bareValue(_name, value) {
  if (typeof value === 'object' && value !== null) setPrototypeOf(value, null);
  return value;
}

/** Options read once, as the binding reads them (see `convert.options`): a copy as plain data
 * without prototypes, its Dates as Dates; undefined for options the binding would refuse. */
export function optionsCopy(options) {
  try {
    const read = convert.options(options);
    if (typeof read !== 'string') return undefined;
    const nul = indexOf(read, '\0');
    const copy = bareParse(nul === -1 ? read : slice(read, 0, nul));
    if (nul !== -1) {
      // The Dates put back as own data members (the copy has no prototype, so one named
      // "__proto__" stays a member).
      const times = parse(slice(read, nul + 1));
      const names = keys(times);
      for (let i = 0; i < names.length; i += 1) own(copy, names[i], new Time(times[names[i]] ?? NaN));
    }
    return copy;
  } catch {
    return undefined;
  }
}

/** A claims set as `convert.claims` read it when a SignJWT was made: its JSON text, its refusal
 * (NOT_PLAIN) or that reading it threw (THREW). `convert.claims` gives that again at `sign`,
 * whatever the object has become since. The text itself is kept, not an object parsed back from
 * it: it is what signJwt would write again, and parsing it back (with a reviver, which recurses)
 * threw a RangeError out of the constructor for claims nested a few thousand levels deep, which
 * signJwt signs. Its members are class fields, defined as its own: assigned, they would call a setter put
 * on Object.prototype, which would get hold of the instance and answer for both members at sign. */
class ReadClaims {
  read;
  threw;

  constructor(read, threw) {
    this.read = read;
    this.threw = threw;
    freeze(this);
  }
}
freeze(ReadClaims);
freeze(ReadClaims.prototype);

/** A copy of a claims set to sign, taken when a SignJWT is made (as jose's is): what `signJwt`
 * reads of it (its text, or its refusal), which `sign` gives (changing the object later changes
 * nothing either way); if the JS stack ran out while it was read, the claims themselves. */
export function claimsCopy(payload) {
  try {
    return new ReadClaims(readClaims(payload), false);
  } catch (error) {
    // The JS stack running out (a RangeError in V8 and JavaScriptCore, an InternalError in
    // SpiderMonkey) may say nothing of the claims (made near the stack's end) or that they are
    // nested too deep for it: not kept as their refusal, which would refuse every later sign(),
    // nor thrown uncoded here; the claims themselves are kept, and read again at sign(), which
    // signs them or refuses them with signJwt's code.
    if (error instanceof RangeErrorAtLoad || (InternalErrorAtLoad !== undefined && error instanceof InternalErrorAtLoad)) return payload;
    return new ReadClaims(error, true);
  }
}

/** A copy of a Verifier's key and options, read once: the Verifier is made from it, and made
 * again from it in a replaced instance, so later changes to the caller's objects (or getters
 * that answer differently, or members added to Object.prototype) change nothing, but for its
 * Dates, which are Dates of load time: a Symbol.toStringTag that reaches them since (on
 * Object.prototype) makes a remade one refuse them. For a key or
 * options the binding would refuse, the code of the part refused instead. */
export function snapshot(key, options) {
  let keyCopy = key;
  try {
    if (typeof key !== 'string') {
      const read = convert.key(key);
      if (typeof read === 'string') keyCopy = bareParse(read);
      else if (read instanceof BytesAtLoad) keyCopy = read;
      else return read === NOT_JSONABLE ? 'ERR_JWK_INVALID' : 'ERR_KEY_INVALID';
    }
  } catch {
    return 'ERR_KEY_INVALID';
  }
  if (options === undefined) return [keyCopy, undefined];
  const copy = optionsCopy(options);
  return copy === undefined ? 'ERR_OPTIONS_INVALID' : [keyCopy, copy];
}
