//! A header and claims set, correctly signed, verified against options made from serde_json's
//! reading of them: the claims' own `iss`, `sub` and an audience of theirs, the header's own
//! `typ`, and every member name of the claims set as a required claim. However the strings are
//! spelled (escapes, surrogate pairs), the core must read what serde_json reads: a token may fail
//! for other reasons (its time claims, a repeated name, an `alg` other than HS256), never because
//! a name or one of those values was read otherwise.
//!
//! Input: header bytes, a 0x00 byte, payload bytes (as for `verify_signed`).
#![no_main]

#[path = "../common.rs"]
mod common;

use jwt_wasm::{verify, ClaimReason, ErrorCode, OneOrMany, Validation, VerifyOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// A non-empty string member of `object`, as serde_json reads it.
fn text(object: &Map<String, Value>, name: &str) -> Option<String> {
    object.get(name).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |b| *b == 0);
    let header = parts.next().unwrap_or_default();
    let payload = parts.next().unwrap_or_default();
    let (Ok(header_members), Ok(claims)) =
        (serde_json::from_slice::<Map<String, Value>>(header), serde_json::from_slice::<Map<String, Value>>(payload))
    else {
        return;
    };
    let audience = match claims.get("aud") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).find(|s| !s.is_empty()).map(str::to_owned),
        _ => text(&claims, "aud"),
    };
    let options = VerifyOptions {
        algorithms: Some(vec!["HS256".into()]),
        issuer: text(&claims, "iss").map(OneOrMany::One),
        subject: text(&claims, "sub"),
        audience: audience.map(OneOrMany::One),
        typ: text(&header_members, "typ"),
        required_claims: Some(claims.keys().filter(|name| !name.is_empty()).cloned().collect()),
        ..VerifyOptions::default()
    };
    let validation = Validation::new(&options).expect("options made of strings serde_json read are valid");
    let token = common::sign_raw("HS256", header, payload);
    if let Err(error) = verify(&token, &common::key(), &validation, common::now()) {
        common::check_error(&token, &error);
        let claim = error.claim_name().unwrap_or_default();
        match error.reason() {
            Some(ClaimReason::Missing) => panic!("a member serde_json reads was missing: {error}"),
            Some(ClaimReason::CheckFailed) if error.code() == ErrorCode::ClaimValidationFailed => {
                assert!(!matches!(claim, "iss" | "sub" | "aud" | "typ"), "a value serde_json reads failed its own check: {error}");
            }
            _ => {}
        }
    }
});
