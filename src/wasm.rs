//! The JavaScript boundary. It converts JS values to core types and back, reads the clock,
//! and turns core errors into `JwtError`s. No rule about tokens lives here.

use crate::key::{check_jwk_text_length, check_secret_length};
use crate::options::{check_options_text_length, DateOptions};
use crate::sign::check_claims_to_sign_length;
use crate::token::TokenCap;
use crate::{
    decode_jwt, decode_protected_header, expiry_info, sign, verify, ClaimReason, Error, ErrorCode, ExpiryOptions, Jwk, Now,
    SecretKey, SignOptions, UnixTime, Validation, Verified, Verifier, VerifyOptions, MAX_CLAIMS_TO_SIGN_LEN, MAX_JWK_TEXT_LEN,
    MAX_OPTIONS_TEXT_LEN, MAX_SECRET_LEN,
};
use js_sys::{Array, ArrayBuffer, Date, JsString, Object, Reflect, Uint8Array, JSON};
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use std::thread::LocalKey;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type JsResult<T> = Result<T, JsValue>;

/// The heap allocator of the wasm build: talc, smaller than std's dlmalloc and nearly as fast
/// for the few short-lived allocations a call makes (see Cargo.toml). It grows wasm memory as
/// needed and reuses what calls free, so memory stays flat over any number of calls
/// (`pkg-tests/resources.test.mjs` and `npm run bench` check it). Only without threads, as talc
/// asks: a build with atomics keeps std's allocator.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// JavaScript helpers the package entry registers once the instance is ready.
struct Hooks {
    /// How options, keys and claims are read from JS values.
    convert: Convert,
}

#[wasm_bindgen]
extern "C" {
    /// The entry's `convert` (js/errors.js). Each method returns what crosses into wasm, or a
    /// refusal number below (`options`: `NOT_JSONABLE` as `[2, option, what]`; `THREW` for an
    /// exception from the caller's values: a getter, a revoked Proxy, a detached buffer), which
    /// becomes a coded error here. Every call is also `catch`, for an exception that escapes
    /// the method itself, so that none unwinds through wasm frames.
    #[derive(Clone)]
    type Convert;
    /// Options as JSON text; when some are `Date`s, those are taken out of it and follow it
    /// after a NUL, as a JSON object of their times in milliseconds (`null` for an invalid one).
    #[wasm_bindgen(method, catch)]
    fn options(this: &Convert, options: &JsValue) -> JsResult<JsValue>;
    /// A key that is not a string: a copy of its bytes in a `Uint8Array`, or a JWK as JSON text.
    #[wasm_bindgen(method, catch)]
    fn key(this: &Convert, key: &JsValue) -> JsResult<JsValue>;
    /// A claims set to sign as JSON text.
    #[wasm_bindgen(method, catch)]
    fn claims(this: &Convert, payload: &JsValue) -> JsResult<JsValue>;
    /// The system clock: `Date.now()` of the call when it is a number, else NaN. NaN too when it
    /// threw: the entry then throws that exception itself once the call has returned its failure,
    /// so that a clock that throws never unwinds through wasm frames (no `catch` here: the
    /// method catches for itself, on every call that reads the clock).
    #[wasm_bindgen(method)]
    fn now(this: &Convert) -> f64;
}

/// `convert`'s refusals: not a plain object (or, for a key, not a key type at all); a member
/// JSON cannot carry; a key that is binary data of any realm but not a `Uint8Array` (another
/// typed array, a `DataView`, an `ArrayBuffer` or a `SharedArrayBuffer`).
const NOT_PLAIN: f64 = 1.0;
const NOT_JSONABLE: f64 = 2.0;
const NOT_BYTES: f64 = 3.0;
/// Reading the value threw: refused as an exception would be (`convert` catches it rather than
/// let the glue catch it for a `catch` import, which in wasm-bindgen 0.2.130 keeps the externref
/// table slot made for the call's result, one slot a failed call for good).
const THREW: f64 = 4.0;

/// Runs `f` on the entry's `convert`, cloned so that no borrow is held while JavaScript runs;
/// `None` when no entry connected one: the raw glue, as the crate's own wasm tests use it, which
/// then reads with the laxer `unconnected_*` readers below (the package never does: every entry
/// connects before its first call, and `connect` registers all of its hooks or none).
fn converted(f: impl FnOnce(&Convert) -> JsResult<JsValue>) -> Option<JsResult<JsValue>> {
    let convert = HOOKS.with(|slot| Some(slot.try_borrow().ok()?.as_ref()?.convert.clone()));
    convert.as_ref().map(f)
}

// What a value that could not be read is refused as, whether `convert` answered `THREW` (asked
// only once the answer is none of the ones read: each question is a call into JavaScript) or an
// exception escaped it.
/// A key that could not be read.
const KEY_UNREADABLE: &str = "the key could not be read (a getter or Proxy threw, its buffer is detached, or the JS stack ran out)";
/// Options that could not be read.
const OPTIONS_UNREADABLE: &str = "the options could not be read (a getter or Proxy threw, or the JS stack ran out)";
/// A claims set to sign that could not be read.
const PAYLOAD_UNREADABLE: &str =
    "the payload could not be read or written as JSON (a circular reference, a BigInt, nesting too deep, or a getter, toJSON or Proxy that threw)";

thread_local! {
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
    /// The entry's `convert`, asked for the time when a call without a `currentDate` needs it: kept
    /// apart from `HOOKS`, whose readers clone what they take out of its `RefCell` (a crossing
    /// each), and set once, by the instance's first `connect` (the entry connects each instance
    /// once, with its one `convert`).
    static CLOCK: OnceCell<Convert> = const { OnceCell::new() };
}

/// Registers the strict conversions, the ASCII writer and the result and failure builder of the
/// package entry. A slot in use by a call in progress (only a patched built-in
/// calling back in could make it so) keeps what it had rather than trapping.
///
/// Fails closed: hooks that cannot be read (the JS stack running out while an instance is
/// replaced) throw, and nothing is registered, rather than leaving the instance on the lax
/// readers of the raw glue; the entry then keeps the replacement pending and makes it again
/// before the next call.
#[wasm_bindgen(js_name = "__connect", skip_typescript)]
pub fn connect(convert: JsValue, ascii_writer: JsValue, results: JsValue) -> JsResult<()> {
    fn set<T>(slot: &RefCell<T>, value: T) {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = value;
        }
    }
    /// Whether every one of `names` is a function of `object`; an error if one cannot be read.
    fn has_all(object: &JsValue, names: &[&str]) -> JsResult<bool> {
        for name in names {
            if !Reflect::get(object, &JsValue::from_str(name))?.is_function() {
                return Ok(false);
            }
        }
        Ok(true)
    }
    if !has_all(&convert, &["options", "key", "claims", "now"])? || !has_all(&results, &["parse", "header", "verified", "expiry", "failure"])? {
        return Err(js_sys::TypeError::new("__connect: the entry's hooks are incomplete").into());
    }
    let convert = convert.unchecked_into::<Convert>();
    // Already set only by a `connect` of this instance before (the entry's one and only `convert`).
    CLOCK.with(|slot| drop(slot.set(convert.clone())));
    let results = Some(results.unchecked_into::<ResultBuilder>());
    HOOKS.with(|slot| set(slot, Some(Hooks { convert })));
    let writer = ascii_writer.is_object().then(|| ascii_writer.unchecked_into::<AsciiWriter>());
    WRITER.with(|slot| set(slot, writer));
    RESULTS.with(|slot| set(slot, results));
    KEPT_HEADERS.with(|slot| set(slot, Vec::new()));
    // The strings and the encoder the binding keeps are made now, as the entry loads (and again
    // for each replaced instance, right after the call that failed, with the built-ins it left in
    // place: SECURITY.md), rather than in the first call that needs them, which a caller's getter
    // could run with a replaced TextDecoder or TextEncoder: kept, they would carry that call's
    // built-ins into every later one.
    NAMES.with(|_| ());
    ENCODER.with(|_| ());
    Ok(())
}

/// JS strings the binding would otherwise make from Rust text on each use, made once: a JS string
/// made from Rust text is a boundary crossing of its own each time. On the package's path (an
/// entry connected) only the error codes and claim reasons are used, for every failure; the member
/// names serve the raw glue's fallbacks (no entry connected), which set members one by one.
struct Names {
    code: JsValue,
    claim: JsValue,
    reason: JsValue,
    /// Each error code's string, in the order of [`ErrorCode::ALL`].
    codes: [JsValue; ErrorCode::ALL.len()],
    /// Each claim reason's string, in the order of [`ClaimReason::ALL`].
    reasons: [JsValue; ClaimReason::ALL.len()],
    /// The members of an `expiryInfo` result as the fallback sets them, in the order of its values.
    expiry: [JsValue; 6],
}

thread_local! {
    static NAMES: Names = Names {
        code: JsValue::from_str("code"),
        claim: JsValue::from_str("claim"),
        reason: JsValue::from_str("reason"),
        codes: ErrorCode::ALL.map(|code| JsValue::from_str(code.as_str())),
        reasons: ClaimReason::ALL.map(|reason| JsValue::from_str(reason.as_str())),
        expiry: ["expiresAt", "issuedAt", "notBefore", "expired", "notYetValid", "secondsLeft"].map(JsValue::from_str),
    };
}

/// The string kept in `strings` for `item`, by its place in `all` (the order `strings` was made
/// in); `None` for an item `all` lacks.
fn kept_string<'a, T: PartialEq>(all: &[T], strings: &'a [JsValue], item: &T) -> Option<&'a JsValue> {
    all.iter().position(|known| known == item).and_then(|i| strings.get(i))
}

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        // The kept strings, or ones made now for a variant `ALL` would miss.
        let (code, claim, reason) = NAMES.with(|names| {
            let kept = |kept: Option<&JsValue>, text: &str| kept.cloned().unwrap_or_else(|| text.into());
            let code = error.code();
            (
                kept(kept_string(&ErrorCode::ALL, &names.codes, &code), code.as_str()),
                error.claim_name().map_or(JsValue::UNDEFINED, JsValue::from),
                error.reason().map_or(JsValue::UNDEFINED, |reason| kept(kept_string(&ClaimReason::ALL, &names.reasons, &reason), reason.as_str())),
            )
        });
        // The entry's `results.failure` makes it with the entry's own class, called as a method:
        // no Reflect.construct, Array.of or Function.prototype.apply of the time is on the way
        // (code that replaced one once had a failure returned as a call's result).
        if let Some(builder) = result_builder() {
            return builder.failure(error.message(), &code, &claim, &reason);
        }
        // Not registered (the raw glue used directly): a plain Error with the same fields.
        let plain: JsValue = js_sys::Error::new(error.message()).into();
        NAMES.with(|names| {
            for (name, value) in [(&names.code, &code), (&names.claim, &claim), (&names.reason, &reason)] {
                if !value.is_undefined() {
                    let _ = Reflect::set(&plain, name, value);
                }
            }
        });
        plain
    }
}

/// Runs `f` on a token argument, refusing a non-string and applying the length cap before the
/// text is copied into wasm memory (a UTF-16 length over the cap means a UTF-8 length over it).
/// A short ASCII token is lent to `f` straight from the scratch buffer, without a copy.
fn with_token<T>(
    token: &JsValue,
    cap: TokenCap,
    code: ErrorCode,
    f: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    // The one-call path takes only strings within the cap, so it never copies a longer one.
    if let Some(ascii) = AsciiText::write(token, cap.max_len) {
        if let Some(text) = ascii.as_str() {
            return f(text);
        }
    }
    f(&owned_token(token, cap, code)?)
}

/// The general path of [`with_token`], kept out of line: every caller shares one copy.
#[inline(never)]
fn owned_token(token: &JsValue, cap: TokenCap, code: ErrorCode) -> Result<String, Error> {
    let text = token.dyn_ref::<JsString>().ok_or_else(|| not_a_token(token, code))?;
    encode_capped(text, cap.max_len, &|len| cap.check(len))
}

/// The error for a token that is no string, naming what it is (its type only, never its value):
/// a missing one (undefined, as an absent header or cookie reads) is the commonest.
fn not_a_token(token: &JsValue, code: ErrorCode) -> Error {
    let got = if token.is_null() { "null".to_owned() } else { token.js_typeof().as_string().unwrap_or_default() };
    let hint = if token.is_undefined() || token.is_null() { ": is the header or cookie it comes from missing?" } else { "" };
    Error::new(code, format!("the token must be a string (got {got}){hint}"))
}

/// The longest string the one-call ASCII path takes; longer ones take [`encode_utf8_within`].
const ASCII_SCRATCH_LEN: usize = 8192;

#[wasm_bindgen]
extern "C" {
    /// The entry's `asciiWriter`: `write(value, view)` encodes a string of at most `view.length`
    /// ASCII characters into `view` and returns its length; anything else returns -1.
    type AsciiWriter;
    #[wasm_bindgen(method)]
    fn write(this: &AsciiWriter, value: &JsValue, view: &mut [u8]) -> f64;
}

thread_local! {
    static WRITER: RefCell<Option<AsciiWriter>> = const { RefCell::new(None) };
}

thread_local! {
    /// What the one-call path writes into, lent to one [`AsciiText`] at a time, which puts it
    /// back when dropped. A call that finds it lent (a nested call, or any call after an
    /// exception unwound past a holder, which then never put it back) uses a new buffer, so
    /// nothing can leave the one-call path closed for good.
    static ASCII_SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// A short ASCII string held in the scratch buffer until this is dropped.
struct AsciiText {
    scratch: Vec<u8>,
    len: usize,
}

impl Drop for AsciiText {
    fn drop(&mut self) {
        let scratch = std::mem::take(&mut self.scratch);
        ASCII_SCRATCH.with(|slot| slot.set(scratch));
    }
}

impl AsciiText {
    /// `value` if it is an ASCII string of at most `max_len` and at most [`ASCII_SCRATCH_LEN`]
    /// characters (every token, key and options text in practice), written into wasm memory in a
    /// single call (type check, length and `encodeInto` together, against five calls for
    /// [`encode_utf8_within`]); `None` for anything else, which the callers then judge the slow way.
    fn write(value: &JsValue, max_len: usize) -> Option<AsciiText> {
        WRITER.with(|writer| {
            let writer = writer.try_borrow().ok()?;
            let writer = writer.as_ref()?;
            let mut text = AsciiText { scratch: ASCII_SCRATCH.with(Cell::take), len: 0 };
            if text.scratch.len() < ASCII_SCRATCH_LEN {
                text.scratch.resize(ASCII_SCRATCH_LEN, 0);
            }
            let view = text.scratch.get_mut(..max_len.min(ASCII_SCRATCH_LEN))?;
            let written = writer.write(value, view);
            if !(0.0..=view.len() as f64).contains(&written) {
                return None;
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked just above
            let len = written as usize;
            // The writer promised ASCII; the bytes are checked rather than trusted.
            view.get(..len)?.is_ascii().then_some(())?;
            text.len = len;
            Some(text)
        })
    }

    /// The text (ASCII, so always valid UTF-8).
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.scratch.get(..self.len)?).ok()
    }
}

/// [`encode_capped`], in one call if `text` is short ASCII.
#[inline(never)]
fn utf8_capped(text: &JsString, max_len: usize, check: &dyn Fn(usize) -> Result<(), Error>) -> Result<String, Error> {
    let ascii = AsciiText::write(text, ASCII_SCRATCH_LEN.min(max_len));
    match ascii.as_ref().and_then(AsciiText::as_str) {
        Some(ascii) => Ok(ascii.to_owned()),
        None => encode_capped(text, max_len, check),
    }
}

/// A JS string that the core caps at `max_len` bytes (a token, a secret, a JWK's text), as
/// UTF-8, never copied whole when longer: `check`, the core's length check, judges its UTF-16
/// length first (a lower bound of its UTF-8 length), then its UTF-8 length, which encoding stops
/// a byte past the cap. The core checks the bytes again.
#[inline(never)]
fn encode_capped(text: &JsString, max_len: usize, check: &dyn Fn(usize) -> Result<(), Error>) -> Result<String, Error> {
    check(text.length() as usize)?;
    let limit = max_len.saturating_add(1);
    let utf8 = encode_utf8_within(text, limit);
    check(utf8.as_ref().map_or(limit, String::len))?;
    Ok(utf8.unwrap_or_default())
}

/// A JS string as UTF-8, if that takes at most `limit` bytes. TextEncoder.encodeInto writes
/// straight into wasm memory, far faster than the glue's per-character copy; lone surrogates
/// become U+FFFD, as in every encoder. `None` if it takes more, having written at most `limit`
/// of them (encodeInto stops at the buffer's end).
fn encode_utf8_within(text: &JsString, limit: usize) -> Option<String> {
    let units = text.length();
    // One byte per UTF-16 unit fits any ASCII text (every valid token); otherwise encode again
    // into the most UTF-8 can need, 3 bytes per unit, or the limit if that is less.
    let mut buffer = vec![0u8; (units as usize).min(limit)];
    let mut result = ENCODER.with(|encoder| encoder.encode_into(text, &mut buffer));
    if result.read() < units {
        // The first buffer freed before the second is made, rather than both at once.
        drop(core::mem::take(&mut buffer));
        buffer = vec![0u8; (units as usize).saturating_mul(3).min(limit)];
        result = ENCODER.with(|encoder| encoder.encode_into(text, &mut buffer));
        if result.read() < units {
            return None;
        }
    }
    buffer.truncate(result.written() as usize);
    Some(String::from_utf8(buffer).unwrap_or_default())
}

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &mut [u8]) -> EncodeIntoResult;
    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeIntoResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

fn read_key(key: &JsValue) -> Result<SecretKey, Error> {
    // The length cap first, before any copy.
    if let Some(text) = key.dyn_ref::<JsString>() {
        return SecretKey::from_secret(utf8_capped(text, MAX_SECRET_LEN, &check_secret_length)?.into_bytes());
    }
    let material = match converted(|convert| convert.key(key)) {
        Some(read) => read.map_err(|_| Error::new(ErrorCode::KeyInvalid, KEY_UNREADABLE))?,
        None => unconnected_key(key),
    };
    if let Some(bytes) = material.dyn_ref::<Uint8Array>() {
        check_secret_length(bytes.length() as usize)?;
        return SecretKey::from_secret(bytes.to_vec());
    }
    if let Some(text) = material.dyn_ref::<JsString>() {
        return SecretKey::from_jwk(&Jwk::from_json(&utf8_capped(text, MAX_JWK_TEXT_LEN, &check_jwk_text_length)?)?);
    }
    let refusal = material.as_f64();
    if refusal == Some(NOT_JSONABLE) {
        return Err(Error::new(ErrorCode::JwkInvalid, "a JWK holds only JSON data (plain objects, arrays of up to 65,536 items, strings, finite numbers, booleans and null), at most 32 levels deep"));
    }
    if refusal == Some(THREW) {
        return Err(Error::new(ErrorCode::KeyInvalid, KEY_UNREADABLE));
    }
    // Only an object can be a CryptoKey or KeyObject; a missing key is usually an unset variable.
    let message = if key.is_undefined() || key.is_null() {
        "the key is missing (undefined or null): pass the secret as a string, a Uint8Array or an \"oct\" JWK object"
    } else if key.is_function() {
        "the key must be a string, a Uint8Array or an \"oct\" JWK object (not a function: choose the key before the call, where jose would call a key resolver)"
    } else if refusal == Some(NOT_BYTES) || ArrayBuffer::is_view(key) || key.is_instance_of::<ArrayBuffer>() {
        "the key must be a string, a Uint8Array or an \"oct\" JWK object (for an ArrayBuffer, a DataView or another typed array, pass a Uint8Array over the same bytes: new Uint8Array(buffer, offset, length))"
    } else if key.is_object() {
        "the key must be a string, a Uint8Array or an \"oct\" JWK object (a CryptoKey or KeyObject is not taken either: pass the secret's bytes)"
    } else {
        "the key must be a string, a Uint8Array or an \"oct\" JWK object"
    };
    Err(Error::new(ErrorCode::KeyInvalid, message))
}

/// `convert.key` without an entry: JSON.stringify's view of an object.
fn unconnected_key(key: &JsValue) -> JsValue {
    if key.is_instance_of::<Uint8Array>() {
        return key.clone();
    }
    if !key.is_object() || Array::is_array(key) {
        return JsValue::from_f64(NOT_PLAIN);
    }
    JSON::stringify(key).map_or(JsValue::from_f64(NOT_JSONABLE), JsValue::from)
}

/// Where "now" comes from: the `currentDate` option, or the system clock, asked when the core
/// needs the time (see [`Now`]).
#[derive(Clone, Copy)]
enum Clock {
    Fixed(UnixTime),
    System,
}

impl Clock {
    /// The time the options fixed, if they fixed one, else the system clock.
    fn at(fixed: Option<UnixTime>) -> Self {
        fixed.map_or(Clock::System, Clock::Fixed)
    }
}

impl Now for Clock {
    fn now(self) -> Result<UnixTime, Error> {
        match self {
            Clock::Fixed(at) => Ok(at),
            Clock::System => {
                // The raw glue (no entry connected) asks `Date.now` itself.
                let millis = CLOCK.with(|clock| clock.get().map(Convert::now)).unwrap_or_else(Date::now);
                UnixTime::from_millis(millis)
                    .ok_or_else(|| Error::new(ErrorCode::OptionsInvalid, "the system clock (Date.now) gave no valid time"))
            }
        }
    }
}

/// Reads an options object as JSON text for the core, with its `Date` members taken out (the core
/// decides which options may be one).
fn read_options(options: &JsValue) -> Result<(String, DateOptions), Error> {
    options_from(options_read(options)?.as_ref(), options)
}

/// The options' JSON text and `Date` members: from what `convert.options` read them as, if it
/// did (see `options_read`), else none or as the raw glue reads them.
fn options_from(read: Option<&JsValue>, options: &JsValue) -> Result<(String, DateOptions), Error> {
    match read {
        Some(read) => options_text(read),
        None if options.is_undefined() => Ok((String::from("{}"), DateOptions::default())),
        None => unconnected_options(options),
    }
}

/// What `convert.options` read an options object as: its text (see `options_text`) or a refusal.
/// None without options, or without an entry.
fn options_read(options: &JsValue) -> Result<Option<JsValue>, Error> {
    if options.is_undefined() {
        return Ok(None);
    }
    converted(|convert| convert.options(options)).transpose().map_err(|_| Error::new(ErrorCode::OptionsInvalid, OPTIONS_UNREADABLE))
}

/// The options' JSON text and `Date` members from what `convert.options` read, or its refusal.
fn options_text(read: &JsValue) -> Result<(String, DateOptions), Error> {
    let invalid = |message| Error::new(ErrorCode::OptionsInvalid, message);
    if let Some(text) = read.dyn_ref::<JsString>() {
        let mut text = options_utf8(text)?;
        // JSON.stringify never writes a NUL unescaped: one here ends the options' own text.
        let Some(nul) = text.bytes().position(|byte| byte == 0) else { return Ok((text, DateOptions::default())) };
        let dates = DateOptions::from_json(text.get(nul.saturating_add(1)..).unwrap_or_default())?;
        #[expect(clippy::disallowed_methods, reason = "`nul` is a 0 byte's position: UTF-8 uses 0 for NUL only, so a char boundary")]
        text.truncate(nul);
        return Ok((text, dates));
    }
    if let Some(detail) = read.dyn_ref::<Array>() {
        return Err(Error::new(ErrorCode::OptionsInvalid, not_jsonable(&detail.get(1), &detail.get(2))));
    }
    Err(invalid(if read.as_f64() == Some(THREW) { OPTIONS_UNREADABLE } else { "options must be a plain object" }))
}

/// An options object's text as UTF-8, capped as the core caps it, with room besides for the
/// `Date` members the entry writes after a NUL, which are not the options' JSON text (the core
/// judges that text alone when it reads it).
fn options_utf8(text: &JsString) -> Result<String, Error> {
    const DATES_ROOM: usize = 4096;
    utf8_capped(text, MAX_OPTIONS_TEXT_LEN.saturating_add(DATES_ROOM), &|len| check_options_text_length(len.saturating_sub(DATES_ROOM)))
}

/// The message for options JSON cannot carry, naming the option (cut to 64 characters) and what
/// its value was, as `convert.options` reported them.
fn not_jsonable(option: &JsValue, what: &JsValue) -> String {
    const RULE: &str = "options hold only plain objects, arrays (of up to 65,536 items), strings, finite numbers and booleans, at most 32 levels deep, and Dates as the values of time options";
    let what = what.as_string().unwrap_or_default();
    let option = option.as_string().unwrap_or_default();
    match (option.is_empty(), what.is_empty()) {
        (_, true) => RULE.to_owned(),
        (true, false) => format!("the options hold {what}, which they cannot carry ({RULE})"),
        (false, false) => format!("{} holds {what}, which options cannot carry ({RULE})", crate::options::shown_name(&option)),
    }
}

/// `convert.options` without an entry: the `Date` members taken out, and JSON.stringify's view of
/// the rest.
fn unconnected_options(options: &JsValue) -> Result<(String, DateOptions), Error> {
    let invalid = |message| Error::new(ErrorCode::OptionsInvalid, message);
    if !options.is_object() || Array::is_array(options) {
        return Err(invalid("options must be a plain object"));
    }
    let rest = Object::assign(&Object::new(), options.unchecked_ref());
    let mut dates = Vec::new();
    for name in Object::keys(&rest).iter() {
        if let Some(date) = Reflect::get(&rest, &name).ok().and_then(|value| value.dyn_into::<Date>().ok()) {
            dates.push((name.as_string().unwrap_or_default(), date.get_time()));
            let _ = Reflect::delete_property(&rest, &name);
        }
    }
    let text = JSON::stringify(&rest).map_err(|_| invalid("options must be a plain object"))?;
    Ok((options_utf8(&text)?, DateOptions::new(dates)))
}

/// An object from JSON text the core has checked: by the entry's builder, so that every result
/// comes from the same `JSON.parse` (the one of load time); by the global one if unconnected.
fn parse_json(text: &str) -> JsResult<JsValue> {
    match result_builder() {
        Some(builder) => builder.parse(text),
        None => JSON::parse(text),
    }
}

/// The entry's result builder, cloned so that no borrow is held while JavaScript runs.
fn result_builder() -> Option<ResultBuilder> {
    RESULTS.with(|slot| slot.try_borrow().ok().and_then(|builder| builder.clone()))
}

#[wasm_bindgen]
extern "C" {
    /// The entry's `results`. `parse(text)` is `JSON.parse`; `header(text)` parses a protected
    /// header and returns it frozen if every member is a string, number, boolean or null, else
    /// `null`; `verified(payload, header)` returns
    /// `{ payload: JSON.parse(payload), protectedHeader: { ...header } }`. All use the
    /// `JSON.parse` of the time the package loaded.
    #[derive(Clone)]
    type ResultBuilder;
    #[wasm_bindgen(method, catch)]
    fn parse(this: &ResultBuilder, text: &str) -> JsResult<JsValue>;
    #[wasm_bindgen(method, catch)]
    fn header(this: &ResultBuilder, text: &str) -> JsResult<JsValue>;
    #[wasm_bindgen(method, catch)]
    fn verified(this: &ResultBuilder, payload: &str, header: &JsValue) -> JsResult<JsValue>;
    /// An `expiryInfo` result from its members, in the order of `Names::expiry`, as an object
    /// literal makes it (a setter inherited from `Object.prototype` is not called).
    #[wasm_bindgen(method, catch)]
    fn expiry(
        this: &ResultBuilder,
        expires_at: &JsValue,
        issued_at: &JsValue,
        not_before: &JsValue,
        expired: &JsValue,
        not_yet_valid: &JsValue,
        seconds_left: &JsValue,
    ) -> JsResult<JsValue>;
    /// A failure to report: an instance of the entry's `Failure`, whose members are its own
    /// (nothing inherited is set), from which the entry makes the `JwtError` it throws. No
    /// `catch` (the glue would call it through `Function.prototype.apply` as it is at the time):
    /// the method catches for itself, and answers the `RangeError` of a JS stack that ran out
    /// while it made the failure, which the entry throws as it is.
    #[wasm_bindgen(method)]
    fn failure(this: &ResultBuilder, message: &str, code: &JsValue, claim: &JsValue, reason: &JsValue) -> JsValue;
}

/// How many protected headers are kept (key rotation and a few issuers alternate headers).
const KEPT_HEADERS_MAX: usize = 4;
/// Longer protected headers are not kept.
const KEPT_HEADER_MAX_LEN: usize = 256;

thread_local! {
    static RESULTS: RefCell<Option<ResultBuilder>> = const { RefCell::new(None) };
    /// The last four protected headers first seen (a header seen again does not stay longer), by
    /// JSON text, each with the frozen object made of it
    /// if all its members are scalars (`None`: it has nested values, so each result parses it).
    /// The objects themselves are never handed out; each result gets a shallow copy, which for
    /// such an object is a full copy.
    static KEPT_HEADERS: RefCell<Vec<(String, Option<JsValue>)>> = const { RefCell::new(Vec::new()) };
}

/// `{ payload, protectedHeader }` of a verified token, the same object `JSON.parse` makes of
/// [`Verified::to_result_json`]. A protected header among the last four first seen and without
/// nested values (nearly every token: `{"alg":"HS256","typ":"JWT"}`) is copied from the object
/// kept for it rather than parsed again, which saves a third of the conversion.
fn verified_to_js(verified: &Verified) -> JsResult<JsValue> {
    let Some(builder) = result_builder() else { return JSON::parse(&verified.to_result_json()) };
    match kept_header(&builder, &verified.header_json) {
        Some(header) => builder.verified(&verified.payload_json, &header),
        None => builder.parse(&verified.to_result_json()),
    }
}

/// The kept object for a protected header without nested values; `None` for one with nested
/// values, one too long to keep, or if the builder failed.
fn kept_header(builder: &ResultBuilder, text: &str) -> Option<JsValue> {
    let seen = KEPT_HEADERS.with(|slot| {
        let kept = slot.try_borrow().ok()?;
        kept.iter().find(|(kept, _)| kept == text).map(|(_, header)| header.clone())
    });
    if let Some(header) = seen {
        return header;
    }
    if text.len() > KEPT_HEADER_MAX_LEN {
        return None;
    }
    let header = builder.header(text).ok().filter(JsValue::is_object);
    KEPT_HEADERS.with(|slot| {
        if let Ok(mut kept) = slot.try_borrow_mut() {
            if kept.len() >= KEPT_HEADERS_MAX {
                // The oldest goes: `remove(0)` without its panic (a VecDeque made the wasm 575
                // bytes larger).
                let mut oldest = true;
                kept.retain(|_| !core::mem::take(&mut oldest));
            }
            kept.push((text.to_owned(), header.clone()));
        }
    });
    header
}

/// Decodes the claims set of a token without verifying it. Throws `ERR_JWT_INVALID`,
/// `ERR_JWT_TOO_LONG`.
pub fn decode_jwt_js(token: JsValue) -> JsResult<JsValue> {
    parse_json(&with_token(&token, TokenCap::DECODE, ErrorCode::JwtInvalid, decode_jwt)?)
}

/// Decodes the protected header of a token without verifying it. Throws `ERR_JWS_INVALID`,
/// `ERR_JWT_TOO_LONG`.
pub fn decode_protected_header_js(token: JsValue) -> JsResult<JsValue> {
    parse_json(&with_token(&token, TokenCap::DECODE, ErrorCode::JwsInvalid, decode_protected_header)?)
}

/// Verifies a token's signature and claims once. Returns `{ payload, protectedHeader }`. Throws
/// `ERR_OPTIONS_INVALID` and the key's codes (`ERR_KEY_INVALID`, `ERR_JWK_INVALID`) first, then
/// the token's, as [`verify`] says.
pub fn jwt_verify_js(token: JsValue, key: JsValue, options: JsValue) -> JsResult<JsValue> {
    let (validation, clock) = with_read_options(&VERIFY_OPTIONS, &options, |text, dates| {
        Ok((remembered_validation(text)?, Clock::at(dates.current_date_only()?)))
    })?;
    let key = read_key(&key)?;
    // The core asks the clock only when it reaches the time claims, as in `Verifier.verify`.
    let verified = with_remembered_key(key, |key| {
        with_token(&token, TokenCap::verify(validation.max_token_len), ErrorCode::JwsInvalid, |token| {
            verify(token, key, &validation, clock)
        })
    })?;
    verified_to_js(&verified)
}

thread_local! {
    /// The key of the last one-shot call (`jwtVerify`, `signJwt`) with its keyed HMAC state, and
    /// the options text of the last `jwtVerify` with its checked form: a caller passing the same
    /// secret and options again skips re-keying the HMAC and re-checking the options.
    static LAST_KEY: RefCell<Option<SecretKey>> = const { RefCell::new(None) };
    static LAST_VALIDATION: RefCell<Option<(String, Rc<Validation>)>> = const { RefCell::new(None) };
    /// What the last `jwtVerify` and the last `signJwt` made of their options (a `jwtVerify`
    /// whose options read otherwise but for their `Date`s still finds its checked options above).
    static VERIFY_OPTIONS: RefCell<Option<ReadOptions<Validation>>> = const { RefCell::new(None) };
    static SIGN_OPTIONS: RefCell<Option<ReadOptions<SignOptions>>> = const { RefCell::new(None) };
}

/// What a one-shot call made of its options (and the clock they set), kept with the string
/// `convert.options` read them as. The next call whose options read as the same string (`===`:
/// the same text and the same `Date`s, and nearly always the very string, which the entry reuses
/// for options that are the same data) reuses it without copying the text into wasm or reading
/// it again (about 6% of a one-shot verify under Node).
struct ReadOptions<T> {
    read: JsValue,
    made: Rc<T>,
    clock: Clock,
}

/// `options` as `make` makes them from their text and `Date`s, or as it made them for the last
/// call (in `slot`) when they read the same.
fn with_read_options<T>(
    slot: &'static LocalKey<RefCell<Option<ReadOptions<T>>>>,
    options: &JsValue,
    make: impl FnOnce(String, DateOptions) -> Result<(Rc<T>, Clock), Error>,
) -> Result<(Rc<T>, Clock), Error> {
    let read = options_read(options)?;
    let kept = read.as_ref().and_then(|read| {
        slot.with(|slot| {
            let slot = slot.try_borrow().ok()?;
            slot.as_ref().filter(|kept| kept.read == *read).map(|kept| (Rc::clone(&kept.made), kept.clock))
        })
    });
    if let Some(kept) = kept {
        return Ok(kept);
    }
    let (text, dates) = options_from(read.as_ref(), options)?;
    let (made, clock) = make(text, dates)?;
    if let Some(read) = read {
        slot.with(|slot| {
            if let Ok(mut slot) = slot.try_borrow_mut() {
                *slot = Some(ReadOptions { read, made: Rc::clone(&made), clock });
            }
        });
    }
    Ok((made, clock))
}

/// Runs `f` with `key`, or with the remembered key if it is the same key (compared in constant
/// time), which keeps its keyed HMAC state.
fn with_remembered_key<T>(key: SecretKey, f: impl FnOnce(&SecretKey) -> T) -> T {
    let remembered = LAST_KEY.with(|slot| slot.try_borrow_mut().ok().and_then(|mut slot| slot.take()));
    let key = match remembered {
        Some(previous) if previous.same_as(&key) => previous,
        _ => key,
    };
    let out = f(&key);
    LAST_KEY.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some(key);
        }
    });
    out
}

/// The checked options for this options text, reusing the last ones when the text is equal.
fn remembered_validation(options: String) -> Result<Rc<Validation>, Error> {
    let hit = LAST_VALIDATION.with(|slot| {
        slot.try_borrow().ok()?.as_ref().filter(|(text, _)| *text == options).map(|(_, validation)| Rc::clone(validation))
    });
    if let Some(validation) = hit {
        return Ok(validation);
    }
    let validation = Rc::new(Validation::new(&VerifyOptions::from_json(&options)?)?);
    LAST_VALIDATION.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some((options, Rc::clone(&validation)));
        }
    });
    Ok(validation)
}

/// A verifier with its key and options parsed once and its HMAC state prepared.
#[wasm_bindgen(js_name = Verifier, skip_typescript)]
pub struct JsVerifier {
    inner: Verifier,
    max_token_len: usize,
    clock: Clock,
}

impl JsVerifier {
    /// Verifies a token. Returns `{ payload, protectedHeader }`. Throws the token's codes, as
    /// [`Verifier::verify`] says.
    pub fn verify(&self, token: JsValue) -> JsResult<JsValue> {
        let verified = with_token(&token, TokenCap::verify(self.max_token_len), ErrorCode::JwsInvalid, |token| {
            self.inner.verify(token, self.clock)
        })?;
        verified_to_js(&verified)
    }

    /// The same token conversion as `verify`, then only an HS256 signature check: the floor
    /// that `npm run bench` compares `verify` against. Not part of the API.
    pub fn bench_signature_only(&self, token: JsValue) -> JsResult<bool> {
        Ok(with_token(&token, TokenCap::verify(self.max_token_len), ErrorCode::JwsInvalid, |token| {
            Ok(self.inner.hs256_signature_only(token))
        })?)
    }
}

thread_local! {
    /// The refusals `createVerifier` returned that the entry's guard has not yet matched, the
    /// innermost last. Each call's guard notes how many are kept as the call starts, and asks
    /// whether the one thrown is the one its own call added: a failure thrown from that call is
    /// its refusal only then, and otherwise an exception that unwound through wasm frames (one
    /// thrown from a replaced built-in). Asking lets go of every refusal kept since the call
    /// started, so that a call made in between (from a built-in the glue calls as it throws) can
    /// neither take, leave behind nor answer for another's.
    static REFUSALS: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
}

/// `createVerifier` for the package: the glue throws its refusal, and makes the `Verifier` once
/// wasm has returned (see `settled`).
#[wasm_bindgen(js_name = createVerifier, skip_typescript)]
pub fn create_verifier_export(key: JsValue, options: JsValue) -> JsResult<JsVerifier> {
    let made = create_verifier_js(key, options);
    if let Err(refusal) = &made {
        REFUSALS.with(|refusals| refusals.try_borrow_mut().map(|mut refusals| refusals.push(refusal.clone())).ok());
    }
    made
}

/// How many refusals are kept, as a `createVerifier` call starts.
#[wasm_bindgen(js_name = "__refusalsKept", skip_typescript)]
pub fn refusals_kept() -> usize {
    REFUSALS.with(|refusals| refusals.try_borrow().map_or(0, |refusals| refusals.len()))
}

/// Whether `thrown` is the one refusal kept since a `createVerifier` call started with `base`
/// kept (that is, the one it returned); every refusal kept since is let go either way.
#[wasm_bindgen(js_name = "__isRefusal", skip_typescript)]
pub fn is_refusal(thrown: &JsValue, base: usize) -> bool {
    REFUSALS.with(|refusals| {
        let Ok(mut refusals) = refusals.try_borrow_mut() else { return false };
        let matched = refusals.len().checked_sub(1) == Some(base) && refusals.get(base).is_some_and(|refusal| refusal == thrown);
        refusals.truncate(base);
        matched
    })
}

/// Parses a key and options once for many `verify` calls, with the cache the options ask for.
/// Throws `ERR_OPTIONS_INVALID`, `ERR_KEY_INVALID`, `ERR_JWK_INVALID`, `ERR_JOSE_NOT_SUPPORTED`.
pub fn create_verifier_js(key: JsValue, options: JsValue) -> JsResult<JsVerifier> {
    let (options, dates) = read_options(&options)?;
    let (validation, cache_entries) = Validation::for_verifier(&VerifyOptions::from_json(&options)?)?;
    let clock = Clock::at(dates.current_date_only()?);
    let max_token_len = validation.max_token_len;
    let inner = Verifier::with_cache(read_key(&key)?, validation, cache_entries)?;
    Ok(JsVerifier { inner, max_token_len, clock })
}

fn expiry(token: &JsValue, options: &JsValue) -> Result<crate::ExpiryInfo, Error> {
    let (options, dates) = read_options(options)?;
    let options = ExpiryOptions::from_json(&options)?;
    let clock = Clock::at(dates.current_date_only()?);
    with_token(token, TokenCap::DECODE, ErrorCode::JwtInvalid, |token| expiry_info(token, &options, clock))
}

/// Whether an unverified token's `exp` has passed. Throws `ERR_OPTIONS_INVALID`,
/// `ERR_JWT_INVALID`, `ERR_JWT_TOO_LONG`, `ERR_JWT_CLAIM_VALIDATION_FAILED`.
pub fn is_expired_js(token: JsValue, options: JsValue) -> JsResult<bool> {
    Ok(expiry(&token, &options)?.expired)
}

/// The time claims of an unverified token and their verdicts. Throws as [`is_expired_js`].
pub fn expiry_info_js(token: JsValue, options: JsValue) -> JsResult<JsValue> {
    let info = expiry(&token, &options)?;
    let date = |secs: Option<f64>| secs.map_or(JsValue::NULL, |s| Date::new(&JsValue::from_f64(s * 1000.0)).into());
    // In the order of `Names::expiry` and of the builder's `expiry` arguments.
    let values: [JsValue; 6] = [
        date(info.expires_at_secs),
        date(info.issued_at_secs),
        date(info.not_before_secs),
        info.expired.into(),
        info.not_yet_valid.into(),
        info.seconds_left.map_or(JsValue::NULL, JsValue::from_f64),
    ];
    if let Some(builder) = result_builder() {
        let [expires_at, issued_at, not_before, expired, not_yet_valid, seconds_left] = &values;
        return builder.expiry(expires_at, issued_at, not_before, expired, not_yet_valid, seconds_left);
    }
    // Not registered (the raw glue used directly): set one by one.
    let result = Object::new();
    NAMES.with(|names| names.expiry.iter().zip(&values).try_for_each(|(name, value)| Reflect::set(&result, name, value).map(drop)))?;
    Ok(result.into())
}

/// Signs a claims set with an HMAC key. Returns the compact token. Throws `ERR_OPTIONS_INVALID`
/// and the key's codes first, then those of [`sign`].
pub fn sign_jwt_js(payload: JsValue, key: JsValue, options: JsValue) -> JsResult<String> {
    let (options, clock) = with_read_options(&SIGN_OPTIONS, &options, |text, dates| {
        let mut options = SignOptions::from_json(&text)?;
        let clock = Clock::at(options.take_dates(&dates)?);
        Ok((Rc::new(options), clock))
    })?;
    let key = read_key(&key)?;
    let not_object = || Error::new(ErrorCode::JwtInvalid, "the payload must be a plain object that JSON can carry");
    let read = match converted(|convert| convert.claims(&payload)) {
        Some(read) => read.map_err(|_| Error::new(ErrorCode::JwtInvalid, PAYLOAD_UNREADABLE)),
        None => payload.is_object().then(|| JSON::stringify(&payload).ok().map(JsValue::from)).flatten().ok_or_else(not_object),
    }?;
    let Some(text) = read.dyn_ref::<JsString>() else {
        return Err(if read.as_f64() == Some(THREW) { Error::new(ErrorCode::JwtInvalid, PAYLOAD_UNREADABLE) } else { not_object() }.into());
    };
    let json = utf8_capped(text, MAX_CLAIMS_TO_SIGN_LEN, &check_claims_to_sign_length)?;
    Ok(with_remembered_key(key, |key| sign(&json, key, &options, clock))?)
}

/// Every error code this library throws.
#[wasm_bindgen(js_name = errorCodes, skip_typescript)]
pub fn error_codes_js() -> JsValue {
    // As JSON text for the JSON.parse of load time, which defines the array's items (the glue's
    // arrays are filled by pushing, which calls a setter for an index on Object.prototype).
    let quoted: Vec<String> = ErrorCode::ALL.iter().map(|code| crate::json::quote(code.as_str())).collect();
    settled(parse_json(&format!("[{}]", quoted.join(","))))
}

/// What each export but `createVerifier` returns: its result, or its failure as a value, from
/// which the package entry makes and throws the `JwtError` (`guarded` in js/errors.js), outside
/// the `try` that watches for exceptions unwinding through wasm. No result is a failure or an
/// `Error`.
/// (`createVerifier` returns a `Verifier`, which the glue makes, and registers for finalization,
/// once wasm has returned; made inside the call, as `JsValue::from` would, a loop of them ended
/// Node 20 and 22 with a V8 fatal error. Its failure the glue throws, and the entry asks
/// `__isRefusal` whether the call returned it.)
fn settled<T: Into<JsValue>>(result: JsResult<T>) -> JsValue {
    result.map_or_else(|error| error, Into::into)
}

/// Decodes the claims set of a token without verifying it (`ERR_JWT_INVALID`, `ERR_JWT_TOO_LONG`).
#[wasm_bindgen(js_name = decodeJwt, skip_typescript)]
pub fn decode_jwt_export(token: JsValue) -> JsValue {
    settled(decode_jwt_js(token))
}

/// Decodes the protected header of a token without verifying it (`ERR_JWS_INVALID`,
/// `ERR_JWT_TOO_LONG`).
#[wasm_bindgen(js_name = decodeProtectedHeader, skip_typescript)]
pub fn decode_protected_header_export(token: JsValue) -> JsValue {
    settled(decode_protected_header_js(token))
}

/// Verifies a token's signature and claims once: `{ payload, protectedHeader }`.
#[wasm_bindgen(js_name = jwtVerify, skip_typescript)]
pub fn jwt_verify_export(token: JsValue, key: JsValue, options: JsValue) -> JsValue {
    settled(jwt_verify_js(token, key, options))
}

#[wasm_bindgen(js_class = Verifier)]
impl JsVerifier {
    /// Verifies a token: `{ payload, protectedHeader }`.
    #[wasm_bindgen(js_name = verify)]
    pub fn verify_export(&self, token: JsValue) -> JsValue {
        settled(self.verify(token))
    }

    /// See [`JsVerifier::bench_signature_only`]. Not part of the API.
    #[wasm_bindgen(js_name = "__benchSignatureOnly", skip_typescript)]
    pub fn bench_signature_only_export(&self, token: JsValue) -> JsValue {
        settled(self.bench_signature_only(token))
    }
}

/// Whether an unverified token's `exp` has passed.
#[wasm_bindgen(js_name = isExpired, skip_typescript)]
pub fn is_expired_export(token: JsValue, options: JsValue) -> JsValue {
    settled(is_expired_js(token, options))
}

/// The time claims of an unverified token and their verdicts.
#[wasm_bindgen(js_name = expiryInfo, skip_typescript)]
pub fn expiry_info_export(token: JsValue, options: JsValue) -> JsValue {
    settled(expiry_info_js(token, options))
}

/// Signs a claims set with an HMAC key: the compact token.
#[wasm_bindgen(js_name = signJwt, skip_typescript)]
pub fn sign_jwt_export(payload: JsValue, key: JsValue, options: JsValue) -> JsValue {
    settled(sign_jwt_js(payload, key, options))
}
