//! Creating HS256/384/512 tokens, with jose's `SignJWT` meaning for each claim setter: a number
//! is an absolute NumericDate, a duration string is relative to `now`.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::claims::time_claim;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Members, Raw};
use crate::key::{KeyOperation, SecretKey};
use crate::options::OptionObject;
use crate::time::{parse_duration, UnixTime};
use crate::validation::OneOrMany;
use crate::verify::parse_claims;

/// A time claim to set: `true` for now, a NumericDate, or a duration string relative to now
/// (`"2h"`, `"-5m"`, `"1 day ago"`).
#[derive(Clone, Debug, PartialEq)]
pub enum TimeInput {
    /// `true`: now; `false`: leave the claim as the payload has it.
    Now(bool),
    /// Whole seconds since the epoch.
    At(f64),
    /// A duration from now.
    After(String),
}

/// Options of `signJwt` (and of `SignJWT`, which fills them in). Unknown names are refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignOptions {
    /// The algorithm. Defaults to `header.alg`, else the JWK's `alg`, else HS256.
    pub alg: Option<String>,
    /// Further protected header parameters (`typ`, `kid`, …), values as JSON text.
    pub header: Option<Vec<(String, String)>>,
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
    const NAMES: [&'static str; 10] = [
        "alg", "header", "issuedAt", "expirationTime", "notBefore", "issuer", "subject", "audience", "jti",
        "currentDate",
    ];

    /// Reads options from a JSON object. Errors: `ERR_OPTIONS_INVALID`.
    pub fn from_json(text: &str) -> Result<Self> {
        let object = OptionObject::parse(text, ErrorCode::OptionsInvalid)?;
        let mut options = SignOptions::default();
        for (name, raw) in object.present() {
            match name {
                "alg" => options.alg = Some(object.string(name, raw)?),
                "header" => options.header = Some(header_members(raw)?),
                "issuedAt" => options.issued_at = Some(time_input(name, raw)?),
                "expirationTime" => options.expiration_time = Some(time_input(name, raw)?),
                "notBefore" => options.not_before = Some(time_input(name, raw)?),
                "issuer" => options.issuer = Some(object.string(name, raw)?),
                "subject" => options.subject = Some(object.string(name, raw)?),
                "audience" => options.audience = Some(object.one_or_many(name, raw)?),
                "jti" => options.jti = Some(object.string(name, raw)?),
                _ => return Err(object.unknown(name, &Self::NAMES)),
            }
        }
        Ok(options)
    }
}

fn header_members(raw: Raw<'_>) -> Result<Vec<(String, String)>> {
    let members = json::as_object(raw).ok_or_else(|| options_invalid("\"header\" must be an object"))?;
    Ok(members.iter().map(|(name, value)| (name.to_owned(), value.text().to_owned())).collect())
}

fn time_input(name: &str, raw: Raw<'_>) -> Result<TimeInput> {
    if let Some(flag) = json::as_bool(raw) {
        return Ok(TimeInput::Now(flag));
    }
    if let Some(text) = json::as_str(raw) {
        return Ok(TimeInput::After(text.into_owned()));
    }
    json::as_number(raw)
        .map(TimeInput::At)
        .ok_or_else(|| options_invalid(format!("\"{name}\" must be a number, a duration string or true")))
}

/// Signs the claims set `payload_json` (a JSON object) with `key`, at `now`.
/// Errors: `ERR_JWT_INVALID` (payload not an object), `ERR_OPTIONS_INVALID`,
/// `ERR_JOSE_NOT_SUPPORTED` (algorithm), `ERR_KEY_INVALID` (key unfit for the algorithm),
/// `ERR_JWT_CLAIM_VALIDATION_FAILED` (an `exp`, `nbf` or `iat` that is not a finite number).
pub fn sign(payload_json: &str, key: &SecretKey, options: &SignOptions, now: UnixTime) -> Result<String> {
    let alg = choose_algorithm(key, options)?;
    key.check_fits(alg, KeyOperation::Sign)?;
    let header = header_json(alg, options.header.as_ref())?;
    let payload = claims_json(payload_json, options, now)?;

    let mut token = String::with_capacity(header.len().saturating_add(payload.len()).saturating_mul(2));
    base64url::encode_into(header.as_bytes(), &mut token);
    token.push('.');
    base64url::encode_into(payload.as_bytes(), &mut token);
    let signature = key.mac(alg)?.sign(token.as_bytes());
    token.push('.');
    base64url::encode_into(&signature, &mut token);
    Ok(token)
}

fn choose_algorithm(key: &SecretKey, options: &SignOptions) -> Result<Algorithm> {
    let header_alg = options.header.iter().flatten().find(|(name, _)| name == "alg");
    let from_header = match header_alg {
        None => None,
        Some((_, raw)) => Some(json::string_literal(raw).ok_or_else(|| options_invalid("header.alg must be a string"))?),
    };
    let name = match (options.alg.as_deref(), from_header.as_deref()) {
        (Some(a), Some(b)) if a != b => return Err(options_invalid("alg and header.alg differ")),
        (Some(name), _) | (None, Some(name)) => name,
        (None, None) => return Ok(key.algorithm().unwrap_or(Algorithm::HS256)),
    };
    Algorithm::parse(name)
}

/// `{"alg":…}` followed by the caller's other header parameters.
fn header_json(alg: Algorithm, extra: Option<&Vec<(String, String)>>) -> Result<String> {
    let mut out = format!("{{\"alg\":\"{}\"", alg.name());
    for (name, value) in extra.into_iter().flatten().filter(|(name, _)| name != "alg") {
        if name == "b64" || name == "crit" {
            return Err(options_invalid("header.b64 and header.crit are not supported for a JWT"));
        }
        push_member(&mut out, name, value);
    }
    out.push('}');
    Ok(out)
}

/// The payload's members in order, with the claims the options set replaced in place or
/// appended (as assigning to a JavaScript object does).
fn claims_json(payload_json: &str, options: &SignOptions, now: UnixTime) -> Result<String> {
    let payload = parse_claims(payload_json)?;
    let mut set: Vec<(&str, String)> = Vec::new();
    let times = [("iat", &options.issued_at), ("exp", &options.expiration_time), ("nbf", &options.not_before)];
    for (name, input) in times {
        if let Some(value) = input.as_ref().map(|input| resolve_time(input, now, name)).transpose()?.flatten() {
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

    let mut out = String::from("{");
    for (name, raw) in payload.iter() {
        let replaced = set.iter().position(|(claim, _)| *claim == name).map(|at| set.swap_remove(at).1);
        push_member(&mut out, name, replaced.as_deref().unwrap_or(raw.text()));
    }
    for (name, value) in &set {
        push_member(&mut out, name, value);
    }
    out.push('}');
    check_time_claims(&out)?;
    Ok(out)
}

/// The claims `sign` writes must pass the same type checks `verify` applies.
fn check_time_claims(claims_json: &str) -> Result<()> {
    let claims: Members<'_> = parse_claims(claims_json)?;
    for name in ["iat", "nbf", "exp"] {
        time_claim(&claims, name)?;
    }
    Ok(())
}

/// The claim's JSON number text. NumericDates written here are whole seconds, which keeps
/// float formatting (and its code size) out of the build.
fn resolve_time(input: &TimeInput, now: UnixTime, claim: &str) -> Result<Option<String>> {
    let value = match input {
        TimeInput::Now(false) => return Ok(None),
        TimeInput::Now(true) => now.as_secs(),
        TimeInput::At(at) => *at,
        TimeInput::After(text) => match parse_duration(text) {
            Some(offset) => now.as_secs() + offset,
            None => return Err(options_invalid(format!("the \"{claim}\" time is not a duration string"))),
        },
    };
    json::integer(value)
        .map(Some)
        .ok_or_else(|| options_invalid(format!("the \"{claim}\" time must be a whole number of seconds within ±2^53")))
}

fn push_member(out: &mut String, name: &str, raw_value: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push_str(&json::quote(name));
    out.push(':');
    out.push_str(raw_value);
}

fn options_invalid(message: impl Into<std::borrow::Cow<'static, str>>) -> Error {
    Error::new(ErrorCode::OptionsInvalid, message)
}
