//! Creating HS256/384/512 tokens, with jose's `SignJWT` meaning for each claim setter: a number
//! is an absolute NumericDate, a duration string is relative to `now`.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::claims::time_claim;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Members};
use crate::key::{KeyOperation, SecretKey};
use crate::time::{parse_duration, UnixTime};
use crate::validation::OneOrMany;
use crate::verify::parse_claims;
use serde::Deserialize;
use serde_json::{Map, Value};

/// A time claim to set: `true` for now, a NumericDate, or a duration string relative to now
/// (`"2h"`, `"-5m"`, `"1 day ago"`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum TimeInput {
    /// `true`: now; `false`: leave the claim as the payload has it.
    Now(bool),
    /// Seconds since the epoch.
    At(f64),
    /// A duration from now.
    After(String),
}

/// Options of `signJwt` (and of `SignJWT`, which fills them in). Unknown names are refused.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SignOptions {
    /// The algorithm. Defaults to `header.alg`, else the JWK's `alg`, else HS256.
    pub alg: Option<String>,
    /// Further protected header parameters (`typ`, `kid`, …).
    pub header: Option<Map<String, Value>>,
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
    let from_header = match options.header.as_ref().and_then(|h| h.get("alg")) {
        None => None,
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => return Err(options_invalid("header.alg must be a string")),
    };
    let name = match (options.alg.as_deref(), from_header) {
        (Some(a), Some(b)) if a != b => return Err(options_invalid("alg and header.alg differ")),
        (Some(name), _) | (None, Some(name)) => name,
        (None, None) => return Ok(key.algorithm().unwrap_or(Algorithm::HS256)),
    };
    Algorithm::parse(name)
}

/// `{"alg":…}` followed by the caller's other header parameters.
fn header_json(alg: Algorithm, extra: Option<&Map<String, Value>>) -> Result<String> {
    let mut out = format!("{{\"alg\":\"{}\"", alg.name());
    for (name, value) in extra.into_iter().flatten().filter(|(name, _)| *name != "alg") {
        if name == "b64" || name == "crit" {
            return Err(options_invalid("header.b64 and header.crit are not supported for a JWT"));
        }
        let value = serde_json::to_string(value).map_err(|_| options_invalid("a header value is not JSON"))?;
        push_member(&mut out, name, &value);
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
            set.push((name, json::number(value)));
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
        push_member(&mut out, name, replaced.as_deref().unwrap_or(raw.get()));
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

fn resolve_time(input: &TimeInput, now: UnixTime, claim: &str) -> Result<Option<f64>> {
    let value = match input {
        TimeInput::Now(false) => return Ok(None),
        TimeInput::Now(true) => now.as_secs(),
        TimeInput::At(at) => *at,
        TimeInput::After(text) => match parse_duration(text) {
            Some(offset) => now.as_secs() + offset,
            None => return Err(options_invalid(format!("the \"{claim}\" time is not a duration string"))),
        },
    };
    if !value.is_finite() {
        return Err(options_invalid(format!("the \"{claim}\" time must be finite")));
    }
    Ok(Some(value))
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
