//! Creating HS256/384/512 tokens, with jose's `SignJWT` meaning for each claim setter: a number
//! is an absolute NumericDate, a duration string is relative to `now`.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::claims::{parse_claims, time_claim, TIME_CLAIMS};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Members, Raw};
use crate::key::{KeyOperation, SecretKey};
use crate::options::{options_invalid, DateOptions, OptionObject, CURRENT_DATE};
use crate::time::{parse_duration, Now, UnixTime};
use crate::validation::OneOrMany;
use std::borrow::Cow;

/// A time claim to set: `true` for now, a NumericDate, or a duration string relative to now
/// (`"2h"`, `"-5m"`, `"1 day ago"`). A JavaScript `Date` comes as a NumericDate (the binding
/// takes it out of the options).
#[derive(Clone, Debug, PartialEq)]
pub enum TimeInput {
    /// `true`: now; `false`: leave the claim as the payload has it. [`SignOptions::from_json`]
    /// takes it for `issuedAt` only (`true` for an expiry would sign a token already expired; jose
    /// refuses it too), but [`sign`] does not check a hand-built one: `Now(true)` as
    /// `expiration_time` signs an `exp` of `now`.
    Now(bool),
    /// Seconds since the epoch (a `Date`, rounded down to the second); a fraction is rounded
    /// down too.
    At(f64),
    /// A NumericDate given as a JSON number in the options' text: written as given (fractional
    /// or beyond ±2^53 too, as jose writes the number it is given).
    Number(NumberText),
    /// A duration from now.
    After(String),
}

/// The text of a finite JSON number, as [`SignOptions::from_json`] read it. Only the crate
/// makes one, so the text written into a claims set is always one number.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberText(String);

impl NumberText {
    /// The number's JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Protected header parameters to sign with (`typ`, `kid`, …): the members of one JSON object,
/// names distinct, values as JSON text. Only the crate makes one, from JSON text it has read, so
/// what `sign` writes into a header is always one well-formed object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeaderParams(Vec<(String, String)>);

impl HeaderParams {
    /// Reads a JSON object such as `{"typ":"JWT","kid":"k1"}`.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID` for anything else (text that is not JSON, another type, a name given
    /// twice).
    pub fn from_json(text: &str) -> Result<Self> {
        let members = Members::parse(text).map_err(|_| options_invalid("the header parameters must be one JSON object with distinct names"))?;
        Ok(HeaderParams::from_members(&members))
    }

    /// The `header` option's value.
    fn read(raw: Raw<'_>) -> Result<Self> {
        let members = json::as_object(raw).ok_or_else(|| options_invalid("\"header\" must be an object"))?;
        Ok(HeaderParams::from_members(&members))
    }

    fn from_members(members: &Members<'_>) -> Self {
        HeaderParams(members.iter().map(|(name, value)| (name.to_owned(), value.text().to_owned())).collect())
    }

    /// The parameters, in order: each name with its value's JSON text.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

/// Options of `signJwt` (and of `SignJWT`, which fills them in). Unknown names are refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignOptions {
    /// The algorithm. Defaults to `header.alg`, else the JWK's `alg`, else HS256.
    pub alg: Option<String>,
    /// Further protected header parameters (`typ`, `kid`, …).
    pub header: Option<HeaderParams>,
    /// Sets `iat`.
    pub issued_at: Option<TimeInput>,
    /// Sets `exp`.
    pub expiration_time: Option<TimeInput>,
    /// Sets `nbf`.
    pub not_before: Option<TimeInput>,
    /// Sets `iss`.
    pub issuer: Option<String>,
    /// Sets `sub`.
    pub subject: Option<String>,
    /// Sets `aud`: a string, or an array of strings.
    pub audience: Option<OneOrMany>,
    /// Sets `jti`.
    pub jti: Option<String>,
}

impl SignOptions {
    /// The names an unknown option's message lists (`currentDate` arrives apart, as a `Date`).
    pub(crate) const NAMES: [&'static str; 10] = [
        "alg", "header", "issuedAt", "expirationTime", "notBefore", "issuer", "subject", "audience", "jti", CURRENT_DATE,
    ];

    /// Reads options from a JSON object.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID`.
    pub fn from_json(text: &str) -> Result<Self> {
        let object = OptionObject::parse(text, ErrorCode::OptionsInvalid)?;
        let mut options = SignOptions::default();
        for (name, raw) in object.present() {
            match name {
                "alg" => options.alg = Some(object.string(name, raw)?),
                "header" => options.header = Some(HeaderParams::read(raw)?),
                "issuedAt" => options.issued_at = Some(time_input(name, raw, Flags::Allowed)?),
                "expirationTime" => options.expiration_time = Some(time_input(name, raw, Flags::Refused)?),
                "notBefore" => options.not_before = Some(time_input(name, raw, Flags::Refused)?),
                "issuer" => options.issuer = Some(object.string(name, raw)?),
                "subject" => options.subject = Some(object.string(name, raw)?),
                "audience" => options.audience = Some(object.one_or_many(name, raw)?),
                "jti" => options.jti = Some(object.string(name, raw)?),
                _ => return Err(object.unknown(name, &Self::NAMES)),
            }
        }
        Ok(options)
    }

    /// The options given as `Date`s: `issuedAt`, `expirationTime` and `notBefore` as NumericDates
    /// (rounded down to the second, as jose does), and `currentDate`, returned as the time to sign
    /// at. Errors: `ERR_OPTIONS_INVALID` for an invalid `Date` or a `Date` given for another option.
    #[cfg_attr(not(all(target_arch = "wasm32", feature = "js")), allow(dead_code))]
    pub(crate) fn take_dates(&mut self, dates: &DateOptions) -> Result<Option<UnixTime>> {
        dates.only(&[CURRENT_DATE, "issuedAt", "expirationTime", "notBefore"], "currentDate, issuedAt, expirationTime and notBefore")?;
        let slots = [
            ("issuedAt", &mut self.issued_at),
            ("expirationTime", &mut self.expiration_time),
            ("notBefore", &mut self.not_before),
        ];
        for (name, slot) in slots {
            if let Some(at) = dates.time(name)? {
                *slot = Some(TimeInput::At(at.as_secs()));
            }
        }
        dates.time(CURRENT_DATE)
    }
}

/// Whether a time option takes `true` (now) and `false` (leave the claim alone).
#[derive(Clone, Copy)]
enum Flags {
    Allowed,
    Refused,
}

fn time_input(name: &str, raw: Raw<'_>, flags: Flags) -> Result<TimeInput> {
    let input = match (json::as_bool(raw), flags) {
        (Some(flag), Flags::Allowed) => Some(TimeInput::Now(flag)),
        (Some(_), Flags::Refused) => None,
        (None, _) => json::as_str(raw)
            .map(|text| TimeInput::After(text.into_owned()))
            .or_else(|| json::as_number(raw).filter(|value| value.is_finite()).map(|_| TimeInput::Number(NumberText(raw.text().to_owned())))),
    };
    input.ok_or_else(|| {
        // "(not a boolean)" only where one was given: an object or array is refused as such.
        let expected = match (flags, json::as_bool(raw).is_some()) {
            (Flags::Allowed, _) => "a NumericDate, a duration string such as \"2h\", a Date or true",
            (Flags::Refused, true) => "a NumericDate, a duration string such as \"2h\" or a Date (not a boolean)",
            (Flags::Refused, false) => "a NumericDate, a duration string such as \"2h\" or a Date",
        };
        options_invalid(format!("\"{name}\" must be {expected}"))
    })
}

/// The longest claims set [`sign`] takes, in bytes of JSON text (64 MiB, a token of about 85
/// MiB): far beyond any real token, and short of what could exhaust wasm memory while signing.
pub const MAX_CLAIMS_TO_SIGN_LEN: usize = 64 << 20;
// The message below says this limit in words.
const _: () = assert!(MAX_CLAIMS_TO_SIGN_LEN == 64 * 1024 * 1024, "64 MiB");

/// Refuses a claims set to sign longer than [`MAX_CLAIMS_TO_SIGN_LEN`]; the binding checks it
/// before copying the text into wasm memory. Errors: `ERR_JWT_TOO_LONG`.
pub fn check_claims_to_sign_length(len: usize) -> Result<()> {
    if len > MAX_CLAIMS_TO_SIGN_LEN {
        return Err(Error::new(ErrorCode::TokenTooLong, "the claims set to sign is longer than 64 MiB of JSON text"));
    }
    Ok(())
}

/// Signs the claims set `payload_json` (a JSON object) with `key`, at `now`, which is asked only
/// for a time option relative to now (`true`, or a duration string). When the options set no
/// claim, the text is signed exactly as given (JavaScript callers pass `JSON.stringify` output);
/// otherwise the object is written anew, see `claims_json`.
///
/// # Errors
/// `ERR_JWT_TOO_LONG` (payload over [`MAX_CLAIMS_TO_SIGN_LEN`], judged first), `ERR_JWT_INVALID`
/// (payload not an object), `ERR_OPTIONS_INVALID`, `ERR_JOSE_NOT_SUPPORTED` (algorithm),
/// `ERR_KEY_INVALID` (key unfit for the algorithm), `ERR_JWT_CLAIM_VALIDATION_FAILED` (an `exp`,
/// `nbf` or `iat` that is not a finite number), and the clock's own error (asked once every
/// option has been read and the claims set checked).
pub fn sign(payload_json: &str, key: &SecretKey, options: &SignOptions, now: impl Now) -> Result<String> {
    check_claims_to_sign_length(payload_json.len())?;
    let alg = choose_algorithm(key, options)?;
    key.check_fits(alg, KeyOperation::Sign)?;
    let header = header_json(alg, options.header.as_ref())?;
    let payload = claims_json(payload_json, options, now)?;

    // base64url takes 4 characters per 3 bytes; the signature is at most 64 bytes.
    let capacity = header.len().saturating_add(payload.len()).saturating_add(64).saturating_mul(4) / 3;
    let mut token = Vec::with_capacity(capacity.saturating_add(8));
    base64url::encode_into(header.as_bytes(), &mut token);
    token.push(b'.');
    base64url::encode_into(payload.as_bytes(), &mut token);
    let signature = key.mac(alg)?.sign(&token);
    token.push(b'.');
    base64url::encode_into(&signature, &mut token);
    // base64url and the dots are ASCII, so this never fails.
    String::from_utf8(token).map_err(|_| Error::new(ErrorCode::JwtInvalid, "the token is not ASCII"))
}

fn choose_algorithm(key: &SecretKey, options: &SignOptions) -> Result<Algorithm> {
    let header_alg = options.header.iter().flat_map(HeaderParams::iter).find(|(name, _)| *name == "alg");
    let from_header = match header_alg {
        None => None,
        Some((_, raw)) => Some(json::string_literal(raw).ok_or_else(|| options_invalid("\"header.alg\" must be a string"))?),
    };
    let name = match (options.alg.as_deref(), from_header.as_deref()) {
        (Some(a), Some(b)) if a != b => return Err(options_invalid("\"alg\" and \"header.alg\" differ")),
        (Some(name), _) | (None, Some(name)) => name,
        (None, None) => return Ok(key.algorithm().unwrap_or(Algorithm::HS256)),
    };
    // An empty name is a malformed option (jose: ERR_JWS_INVALID), not an unsupported algorithm.
    if name.is_empty() {
        return Err(options_invalid("\"alg\" must not be empty"));
    }
    Algorithm::parse(name, "\"alg\"")
}

/// `{"alg":…}` followed by the caller's other header parameters.
fn header_json(alg: Algorithm, extra: Option<&HeaderParams>) -> Result<String> {
    let mut out = format!("{{\"alg\":\"{}\"", alg.name());
    for (name, value) in extra.into_iter().flat_map(HeaderParams::iter).filter(|(name, _)| *name != "alg") {
        if name == "b64" || name == "crit" {
            return Err(options_invalid("header.b64 and header.crit are not supported for a JWT"));
        }
        push_member(&mut out, name, value);
    }
    out.push('}');
    Ok(out)
}

/// The claims set to sign: `payload_json` itself when the options set no claim; else its
/// members in order (names written anew, values as given), with the claims the options set
/// replaced in place or appended (as assigning to a JavaScript object does).
fn claims_json<'a>(payload_json: &'a str, options: &SignOptions, now: impl Now) -> Result<Cow<'a, str>> {
    let payload = parse_claims(payload_json)?;
    let mut set: Vec<(&str, String)> = Vec::new();
    let times = [
        ("iat", "issuedAt", &options.issued_at),
        ("exp", "expirationTime", &options.expiration_time),
        ("nbf", "notBefore", &options.not_before),
    ];
    // Every time option is read first, then the claims set's time claims that the options do not
    // set must pass the type checks `verify` applies (the ones the options set are finite numbers
    // by construction, see `resolve_time`); the clock is asked after both, once, and only for an
    // option relative to now, so that an option or a claims set at fault is its own error whatever
    // the clock says. (Only a time relative to now that lands beyond 2^53 - 1 seconds is judged
    // at the clock's time, after it.)
    for (name, option, input) in times {
        if let Some(input) = input {
            resolve_time(input, None, option, name)?;
        }
    }
    for name in TIME_CLAIMS {
        if !times.iter().any(|(claim, _, input)| *claim == name && !matches!(input, None | Some(TimeInput::Now(false)))) {
            time_claim(&payload, name)?;
        }
    }
    let from_now = times.iter().any(|(_, _, input)| matches!(input, Some(TimeInput::Now(true) | TimeInput::After(_))));
    let now = if from_now { Some(now.now()?) } else { None };
    for (name, option, input) in times {
        if let Some(value) = input.as_ref().map(|input| resolve_time(input, now, option, name)).transpose()?.flatten() {
            set.push((name, value));
        }
    }
    let strings = [("iss", &options.issuer), ("sub", &options.subject), ("jti", &options.jti)];
    for (name, value) in strings {
        if let Some(value) = value {
            set.push((name, json::quote(value)));
        }
    }
    if let Some(audience) = &options.audience {
        let aud = match audience {
            OneOrMany::One(one) => json::quote(one),
            OneOrMany::Many(many) => format!("[{}]", many.iter().map(|a| json::quote(a)).collect::<Vec<_>>().join(",")),
        };
        set.push(("aud", aud));
    }

    if set.is_empty() {
        // Nothing to replace or add: the claims set is signed as given (already checked to be
        // one strict JSON object).
        return Ok(Cow::Borrowed(payload_json));
    }
    let mut out = String::with_capacity(payload_json.len().saturating_add(128));
    out.push('{');
    for (name, raw) in payload.iter() {
        let replaced = set.extract_if(.., |(claim, _)| *claim == name).next().map(|(_, value)| value);
        push_member(&mut out, name, replaced.as_deref().unwrap_or(raw.text()));
    }
    for (name, value) in &set {
        push_member(&mut out, name, value);
    }
    out.push('}');
    Ok(Cow::Owned(out))
}

/// The claim's JSON number text. A number given is written as given; the others are whole
/// seconds, which keeps float formatting (and its code size) out of the build. Without `now` (the
/// clock not asked yet) the option is only read: one relative to now resolves to nothing. Errors
/// name the `option` the caller wrote (`SignJWT`'s setters set the same names) and the `claim`
/// it sets.
fn resolve_time(input: &TimeInput, now: Option<UnixTime>, option: &str, claim: &str) -> Result<Option<String>> {
    let value = match input {
        TimeInput::Now(false) => return Ok(None),
        TimeInput::Number(number) => return Ok(Some(number.0.clone())),
        TimeInput::Now(true) => match now {
            Some(now) => now.as_secs(),
            None => return Ok(None),
        },
        TimeInput::At(at) if !at.is_finite() => return Err(options_invalid(format!("\"{option}\" is not a finite time"))),
        TimeInput::At(at) => at.floor(),
        TimeInput::After(text) => match (parse_duration(text), now) {
            (Some(offset), Some(now)) => now.as_secs() + offset,
            (Some(_), None) => return Ok(None),
            (None, _) => return Err(options_invalid(format!("\"{option}\" is not a duration string such as \"2h\" (it sets \"{claim}\")"))),
        },
    };
    json::integer(value)
        .map(Some)
        .ok_or_else(|| options_invalid(format!("\"{option}\" puts \"{claim}\" more than 2^53 - 1 seconds from 1970")))
}

fn push_member(out: &mut String, name: &str, raw_value: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push_str(&json::quote(name));
    out.push(':');
    out.push_str(raw_value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{decode_jwt, decode_protected_header};
    use crate::validation::Validation;
    use crate::verify::verify;

    const NOW: i64 = 1_700_000_000;

    fn key() -> SecretKey {
        SecretKey::from_bytes(b"a-test-secret-of-32-bytes-or-more".to_vec()).unwrap()
    }

    fn signed(payload: &str, options: &str) -> Result<String> {
        sign(payload, &key(), &SignOptions::from_json(options)?, UnixTime::from_secs(NOW))
    }

    #[test]
    fn refuses_a_claims_set_over_64_mib_before_anything_else() {
        let longest = format!(r#"{{"pad":"{}"}}"#, "a".repeat(MAX_CLAIMS_TO_SIGN_LEN - 10));
        assert_eq!(longest.len(), MAX_CLAIMS_TO_SIGN_LEN);
        assert!(signed(&longest, "{}").is_ok());
        let over = format!(r#"{{"pad":"{}"}}"#, "a".repeat(MAX_CLAIMS_TO_SIGN_LEN - 9));
        // Judged before the algorithm, which is unsupported here.
        let options = SignOptions::from_json(r#"{"alg":"RS256"}"#).unwrap();
        let error = sign(&over, &key(), &options, UnixTime::from_secs(NOW)).unwrap_err();
        assert_eq!((error.code(), error.message()), (ErrorCode::TokenTooLong, "the claims set to sign is longer than 64 MiB of JSON text"));
    }

    #[test]
    fn keeps_payload_order_and_replaces_claims_in_place() {
        let token = signed(r#"{"b":1,"exp":5,"a":"x"}"#, r#"{"expirationTime":"1h","issuer":"me","issuedAt":true}"#).unwrap();
        assert_eq!(decode_jwt(&token).unwrap(), r#"{"b":1,"exp":1700003600,"a":"x","iat":1700000000,"iss":"me"}"#);
        assert_eq!(decode_protected_header(&token).unwrap(), r#"{"alg":"HS256"}"#);
    }

    #[test]
    fn appends_claims_in_the_order_the_options_set_them() {
        let token = signed(r#"{"iat":1}"#, r#"{"issuedAt":true,"expirationTime":60,"issuer":"me","subject":"s"}"#).unwrap();
        assert_eq!(decode_jwt(&token).unwrap(), r#"{"iat":1700000000,"exp":60,"iss":"me","sub":"s"}"#);
    }

    #[test]
    fn sets_audience_as_given_and_jti() {
        let one = signed(r#"{"aud":"old"}"#, r#"{"audience":"api","jti":"id-\"1"}"#).unwrap();
        assert_eq!(decode_jwt(&one).unwrap(), r#"{"aud":"api","jti":"id-\"1"}"#);
        let many = signed("{}", r#"{"audience":["a","b"]}"#).unwrap();
        assert_eq!(decode_jwt(&many).unwrap(), r#"{"aud":["a","b"]}"#);
        assert_eq!(signed("{}", r#"{"audience":1}"#).unwrap_err().code(), ErrorCode::OptionsInvalid);
    }

    #[test]
    fn signs_a_claims_set_the_options_leave_alone_byte_for_byte() {
        let payload = "{\"sub\":\"a\\u0062\", \"n\":[1, 2]}";
        assert_eq!(decode_jwt(&signed(payload, "{}").unwrap()).unwrap(), payload);
        let untouched = signed(r#"{"iat":7}"#, r#"{"issuedAt":false}"#).unwrap();
        assert_eq!(decode_jwt(&untouched).unwrap(), r#"{"iat":7}"#);
        // Still checked first: a duplicate name or a bad time claim is refused, not copied.
        assert_eq!(signed(r#"{"a":1,"a":1}"#, "{}").unwrap_err().code(), ErrorCode::JwtInvalid);
        assert_eq!(signed(r#"{"exp":true}"#, "{}").unwrap_err().code(), ErrorCode::ClaimValidationFailed);
    }

    #[test]
    fn resolves_every_time_input() {
        let token = signed("{}", r#"{"issuedAt":1,"notBefore":"-5m","expirationTime":"2 days from now"}"#).unwrap();
        assert_eq!(decode_jwt(&token).unwrap(), r#"{"iat":1,"exp":1700172800,"nbf":1699999700}"#);
        let untouched = signed(r#"{"iat":7}"#, r#"{"issuedAt":false}"#).unwrap();
        assert_eq!(decode_jwt(&untouched).unwrap(), r#"{"iat":7}"#);
    }

    #[test]
    fn writes_a_number_given_as_given_as_jose_does() {
        // Fractional, beyond ±2^53 and negative: each written as the options text has it
        // (JSON.stringify's text, from JavaScript).
        let token = signed("{}", r#"{"expirationTime":1772366400.5,"notBefore":1e+21,"issuedAt":-1.25}"#).unwrap();
        assert_eq!(decode_jwt(&token).unwrap(), r#"{"iat":-1.25,"exp":1772366400.5,"nbf":1e+21}"#);
        let verified = verify(&token, &key(), &Validation::default(), UnixTime::from_secs(NOW));
        assert_eq!(verified.unwrap_err().code(), ErrorCode::ClaimValidationFailed, "nbf is far in the future");
        // A number JSON can write but not as a finite double is refused.
        let error = signed("{}", r#"{"expirationTime":1e400}"#).unwrap_err();
        assert_eq!(error.code(), ErrorCode::OptionsInvalid);
        // The text kept is the options' own, written as given.
        let options = SignOptions::from_json(r#"{"expirationTime":-2.5e3}"#).unwrap();
        assert!(matches!(&options.expiration_time, Some(TimeInput::Number(text)) if text.as_str() == "-2.5e3"));
        assert_eq!(decode_jwt(&sign("{}", &key(), &options, UnixTime::from_secs(NOW)).unwrap()).unwrap(), r#"{"exp":-2.5e3}"#);
    }

    #[test]
    fn takes_dates_as_absolute_times_rounded_down_and_refuses_them_elsewhere() {
        let dates = DateOptions::new(vec![
            ("expirationTime".into(), 1_767_225_630_999.0),
            ("notBefore".into(), 1_000.0),
            ("currentDate".into(), 5_500.0),
        ]);
        let mut options = SignOptions::from_json(r#"{"issuedAt":true}"#).unwrap();
        let now = options.take_dates(&dates).unwrap();
        assert_eq!(now, Some(UnixTime::from_secs(5)));
        let token = sign("{}", &key(), &options, now.unwrap()).unwrap();
        assert_eq!(decode_jwt(&token).unwrap(), r#"{"iat":5,"exp":1767225630,"nbf":1}"#);
        // A Date's ISO text is a string like any other: not a duration, so refused.
        let iso = signed("{}", r#"{"expirationTime":"2026-01-01T00:00:30.999Z"}"#).unwrap_err();
        assert_eq!(iso.code(), ErrorCode::OptionsInvalid);
        for name in ["issuer", "subject", "jti", "audience", "alg", "header"] {
            let error = SignOptions::default().take_dates(&DateOptions::new(vec![(name.into(), 0.0)])).unwrap_err();
            assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{name}");
        }
        let invalid = SignOptions::default().take_dates(&DateOptions::new(vec![("notBefore".into(), f64::NAN)]));
        assert_eq!(invalid.unwrap_err().message(), "\"notBefore\" must be a valid Date, not an Invalid Date (its time is NaN)");
    }

    #[test]
    fn writes_the_header_with_alg_first() {
        let token = signed("{}", r#"{"header":{"typ":"JWT","kid":"k1","alg":"HS384"}}"#).unwrap();
        assert_eq!(decode_protected_header(&token).unwrap(), r#"{"alg":"HS384","typ":"JWT","kid":"k1"}"#);
        let both = signed("{}", r#"{"alg":"HS512","header":{"alg":"HS512"}}"#).unwrap();
        assert_eq!(decode_protected_header(&both).unwrap(), r#"{"alg":"HS512"}"#, "alg and header.alg may agree");
    }

    #[test]
    fn round_trips_through_verify() {
        for alg in ["HS256", "HS384", "HS512"] {
            let token = signed(r#"{"sub":"ada","n":[1,{"x":null}]}"#, &format!(r#"{{"alg":"{alg}","expirationTime":"1m"}}"#)).unwrap();
            let verified = verify(&token, &key(), &Validation::default(), UnixTime::from_secs(NOW)).unwrap();
            assert_eq!(verified.payload_json, r#"{"sub":"ada","n":[1,{"x":null}],"exp":1700000060}"#);
        }
    }

    #[test]
    fn only_issued_at_takes_a_boolean() {
        assert_eq!(signed(r#"{"iat":1}"#, r#"{"issuedAt":false}"#).unwrap(), signed(r#"{"iat":1}"#, "{}").unwrap());
        let now_claims = decode_jwt(&signed("{}", r#"{"issuedAt":true}"#).unwrap()).unwrap();
        assert_eq!(now_claims, format!(r#"{{"iat":{NOW}}}"#));
        // An expiry of `true` would be now: a token already expired when signed.
        for name in ["expirationTime", "notBefore"] {
            for flag in ["true", "false"] {
                let error = signed("{}", &format!(r#"{{"{name}":{flag}}}"#)).unwrap_err();
                assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{name} {flag}");
                assert_eq!(
                    error.message(),
                    format!(r#""{name}" must be a NumericDate, a duration string such as "2h" or a Date (not a boolean)"#)
                );
            }
        }
        for (name, value) in [("expirationTime", "{}"), ("notBefore", "[1]"), ("expirationTime", "null")] {
            let error = signed("{}", &format!(r#"{{"{name}":{value}}}"#)).unwrap_err();
            assert_eq!(error.message(), format!(r#""{name}" must be a NumericDate, a duration string such as "2h" or a Date"#), "{value}");
        }
        let error = signed("{}", r#"{"issuedAt":"x","expirationTime":null}"#).unwrap_err();
        assert_eq!(error.code(), ErrorCode::OptionsInvalid);
        let error = signed("{}", r#"{"issuedAt":[1]}"#).unwrap_err();
        assert_eq!(error.message(), r#""issuedAt" must be a NumericDate, a duration string such as "2h", a Date or true"#);
    }

    #[test]
    fn refuses_bad_inputs_with_codes() {
        let cases = [
            ("[]", "{}", ErrorCode::JwtInvalid),
            (r#"{"a":1,"a":2}"#, "{}", ErrorCode::JwtInvalid),
            (r#"{"exp":"soon"}"#, "{}", ErrorCode::ClaimValidationFailed),
            // Time claims the options leave alone are checked when other claims are set, too.
            (r#"{"exp":"soon"}"#, r#"{"issuer":"me"}"#, ErrorCode::ClaimValidationFailed),
            (r#"{"nbf":null}"#, r#"{"issuedAt":true}"#, ErrorCode::ClaimValidationFailed),
            ("{}", r#"{"alg":"none"}"#, ErrorCode::NotSupported),
            ("{}", r#"{"alg":""}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"header":{"alg":""}}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"alg":"HS256","header":{"alg":"HS512"}}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"header":{"alg":1}}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"header":{"crit":["b64"],"b64":false}}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"expirationTime":"later"}"#, ErrorCode::OptionsInvalid),
            ("{}", r#"{"expiresIn":"1h"}"#, ErrorCode::OptionsInvalid),
        ];
        for (payload, options, code) in cases {
            assert_eq!(signed(payload, options).unwrap_err().code(), code, "{payload} {options}");
        }
    }

    #[test]
    fn header_parameters_are_one_json_object_with_distinct_names() {
        // What a Rust caller can give: a value that is not JSON, one that would write a second
        // "alg" into the header, a name given twice, another type; all refused when read.
        for text in [r#"{"typ":JWT}"#, r#"{"typ":1,"alg":"none"}x"#, r#"{"typ":"a","typ":"b"}"#, r#"["typ"]"#, ""] {
            assert_eq!(HeaderParams::from_json(text).unwrap_err().code(), ErrorCode::OptionsInvalid, "{text}");
        }
        let many = format!("{{{}}}", (0..30_000).map(|i| format!("\"p{i}\":1")).collect::<Vec<_>>().join(","));
        assert!(HeaderParams::from_json(&many).is_ok());
        assert!(HeaderParams::from_json(&many.replacen("}", ",\"p0\":2}", 1)).is_err());
        let header = HeaderParams::from_json(r#" {"typ":"JWT","kid":{"a":[1]}} "#).unwrap();
        let options = SignOptions { header: Some(header), ..SignOptions::default() };
        let key = SecretKey::from_bytes(b"secret").unwrap();
        let token = sign("{}", &key, &options, UnixTime::from_secs(NOW)).unwrap();
        let written = base64url::decode(token.split('.').next().unwrap()).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), r#"{"alg":"HS256","typ":"JWT","kid":{"a":[1]}}"#);
    }

    #[test]
    fn a_fraction_of_a_second_set_from_rust_is_rounded_down() {
        let key = SecretKey::from_bytes(b"secret").unwrap();
        let options = SignOptions { expiration_time: Some(TimeInput::At(1_700_000_000.5)), ..SignOptions::default() };
        let token = sign("{}", &key, &options, UnixTime::from_secs(NOW)).unwrap();
        let payload = base64url::decode(token.split('.').nth(1).unwrap()).unwrap();
        assert_eq!(String::from_utf8(payload).unwrap(), r#"{"exp":1700000000}"#);
        for at in [f64::NAN, f64::INFINITY] {
            let options = SignOptions { not_before: Some(TimeInput::At(at)), ..SignOptions::default() };
            let error = sign("{}", &key, &options, UnixTime::from_secs(NOW)).unwrap_err();
            assert_eq!(error.message(), r#""notBefore" is not a finite time"#);
        }
    }

    #[test]
    fn a_jwk_restricted_to_verify_cannot_sign() {
        let jwk = crate::key::Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","key_ops":["verify"]}"#).unwrap();
        let key = SecretKey::from_jwk(&jwk).unwrap();
        let error = sign("{}", &key, &SignOptions::default(), UnixTime::from_secs(NOW)).unwrap_err();
        assert_eq!(error.code(), ErrorCode::KeyInvalid);
    }
}
