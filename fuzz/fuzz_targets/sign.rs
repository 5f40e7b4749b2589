//! `sign` on arbitrary signing options and an arbitrary claims set, as the binding receives them
//! (JSON text): never panics, fails only with signing's codes, and what it signs is a token that
//! decodes to one JSON object (exactly the claims set given when the options set no claim), whose
//! header names the algorithm used, and that verifies with the key apart from its time claims.
//!
//! Input: the options' text, a 0x00 byte, the claims set's text.
#![no_main]

#[path = "../common.rs"]
mod common;

use jwt_wasm::{decode_jwt, decode_protected_header, sign, verify, ErrorCode, SignOptions, Validation};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use std::collections::HashMap;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |b| *b == 0);
    let options = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let payload = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let Ok(options) = SignOptions::from_json(&options) else { return };
    let key = common::key();
    let now = common::now();
    let token = match sign(&payload, &key, &options, now) {
        Ok(token) => token,
        Err(error) => {
            assert!(
                matches!(
                    error.code(),
                    ErrorCode::JwtInvalid
                        | ErrorCode::OptionsInvalid
                        | ErrorCode::NotSupported
                        | ErrorCode::KeyInvalid
                        | ErrorCode::ClaimValidationFailed
                ),
                "{error}"
            );
            return;
        }
    };

    let claims = decode_jwt(&token).expect("a signed token decodes");
    assert!(serde_json::from_str::<&RawValue>(&claims).is_ok() && claims.trim_start().starts_with('{'), "signed claims that are not one JSON object");
    let sets_no_claim = options.issued_at.is_none()
        && options.expiration_time.is_none()
        && options.not_before.is_none()
        && options.issuer.is_none()
        && options.subject.is_none()
        && options.audience.is_none()
        && options.jti.is_none();
    if sets_no_claim {
        assert_eq!(claims, payload, "the claims set was not signed as given");
    }
    let header = decode_protected_header(&token).expect("a signed token's header decodes");
    // Its members as written: a header parameter may be a number no f64 holds (1e400), which a
    // serde_json::Value refuses.
    let members = serde_json::from_str::<HashMap<String, &RawValue>>(&header).expect("the header is one JSON object");
    let alg = members.get("alg").map(|raw| raw.get());
    assert!(matches!(alg, Some(r#""HS256""# | r#""HS384""# | r#""HS512""#)), "header {header}");

    if let Err(error) = verify(&token, &key, &Validation::default(), now) {
        // Only time claims (the payload's own or the options') may make it fail.
        assert!(matches!(error.code(), ErrorCode::Expired | ErrorCode::ClaimValidationFailed), "{error}");
        assert!(matches!(error.claim_name(), Some("exp" | "nbf")), "{error}");
        assert_eq!(error.reason().map(|r| r.as_str()), Some("check_failed"), "{error}");
    }
});
