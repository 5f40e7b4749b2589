//! The shared vector file (vectors/jwt.json) and how the core answers each case. Used by the
//! native tests (vectors.rs) and the wasm tests (wasm.rs), so both builds meet the same answers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]
#![allow(dead_code)]

use jwt_wasm::{
    expiry_info, verify, ExpiryOptions, Jwk, SecretKey, UnixTime, Validation, Verifier, VerifyOptions,
};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
pub struct Vectors {
    pub verify: Vec<VerifyCase>,
    pub expiry: Vec<ExpiryCase>,
}

#[derive(Deserialize)]
pub struct VerifyCase {
    pub name: String,
    pub token: String,
    pub key: KeyInput,
    #[serde(default)]
    pub options: Option<Value>,
    pub now: i64,
    pub expect: Value,
}

#[derive(Deserialize)]
pub struct ExpiryCase {
    pub name: String,
    pub token: String,
    #[serde(default)]
    pub options: Option<Value>,
    pub now: i64,
    pub expect: Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyInput {
    Utf8(String),
    Jwk(Value),
}

/// The vector file, refused when it lost cases: every test that loops over a list would pass
/// with an empty one.
pub fn load() -> Vectors {
    let vectors: Vectors = serde_json::from_str(include_str!("../../vectors/jwt.json")).expect("vectors/jwt.json parses");
    assert!(vectors.verify.len() >= 50, "the vector file lost verify cases ({})", vectors.verify.len());
    assert!(vectors.expiry.len() >= 9, "the vector file lost expiry cases ({})", vectors.expiry.len());
    vectors
}

/// An error as the vector file writes it: `{code}` plus `claim` and `reason` when present.
pub fn error_json(error: &jwt_wasm::Error) -> Value {
    let mut out = json!({ "code": error.code().as_str() });
    if let Some(claim) = error.claim_name() {
        out["claim"] = json!(claim);
    }
    if let Some(reason) = error.reason() {
        out["reason"] = json!(reason.as_str());
    }
    out
}

fn setup(case: &VerifyCase) -> Result<(SecretKey, Validation), jwt_wasm::Error> {
    let options = match &case.options {
        Some(value) => VerifyOptions::from_json(&value.to_string())?,
        None => VerifyOptions::default(),
    };
    let validation = Validation::new(&options)?;
    let key = match &case.key {
        KeyInput::Utf8(text) => SecretKey::from_secret(text.as_bytes().to_vec())?,
        KeyInput::Jwk(value) => {
            SecretKey::from_jwk(&Jwk::from_json(&value.to_string())?)?
        }
    };
    Ok((key, validation))
}

fn outcome(result: Result<jwt_wasm::Verified, jwt_wasm::Error>) -> Value {
    match result {
        Ok(verified) => json!({
            "payload": serde_json::from_str::<Value>(&verified.payload_json).unwrap(),
            "header": serde_json::from_str::<Value>(&verified.header_json).unwrap(),
        }),
        Err(error) => error_json(&error),
    }
}

/// The one-shot `verify` answer.
pub fn verify_once(case: &VerifyCase) -> Value {
    let now = UnixTime::from_secs(case.now);
    outcome(setup(case).and_then(|(key, validation)| verify(&case.token, &key, &validation, now)))
}

/// The prepared `Verifier` answer.
pub fn verify_prepared(case: &VerifyCase) -> Value {
    let now = UnixTime::from_secs(case.now);
    outcome(
        setup(case)
            .and_then(|(key, validation)| Verifier::new(key, validation))
            .and_then(|verifier| verifier.verify(&case.token, now)),
    )
}

/// A prepared `Verifier` with a cache, asked twice: the answer of the first, full verification
/// and of the second (a cache hit when the first succeeded).
pub fn verify_cached(case: &VerifyCase) -> [Value; 2] {
    let now = UnixTime::from_secs(case.now);
    let verifier = setup(case).and_then(|(key, validation)| Verifier::with_cache(key, validation, Some(4)));
    let answer = || outcome(verifier.as_ref().map_err(Clone::clone).and_then(|verifier| verifier.verify(&case.token, now)));
    [answer(), answer()]
}

/// The `expiry_info` answer, with times as seconds.
pub fn expiry(case: &ExpiryCase) -> Value {
    let options = match &case.options {
        Some(value) => ExpiryOptions::from_json(&value.to_string()),
        None => Ok(ExpiryOptions::default()),
    };
    match options.and_then(|options| expiry_info(&case.token, &options, UnixTime::from_secs(case.now))) {
        Ok(info) => json!({
            "expiresAt": info.expires_at_secs,
            "issuedAt": info.issued_at_secs,
            "notBefore": info.not_before_secs,
            "expired": info.expired,
            "notYetValid": info.not_yet_valid,
            "secondsLeft": info.seconds_left,
        }),
        Err(error) => error_json(&error),
    }
}

/// Numbers compare by value, so that `600` and `600.0` agree.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// base64url without padding (RFC 4648 section 5), written out here so the test does not share
/// the core's encoder.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// An HS256 token over exactly these claims, signed here with `hmac` rather than by the core's
/// `sign` (which refuses claims a verifier must refuse too).
pub fn hs256_as_is(secret: &[u8], claims: &str) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let input = format!("{}.{}", base64url(br#"{"alg":"HS256"}"#), base64url(claims.as_bytes()));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", base64url(&mac.finalize().into_bytes()))
}
