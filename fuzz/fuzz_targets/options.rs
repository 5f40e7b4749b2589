//! Option and key parsing from arbitrary JSON text, as the binding receives them: `VerifyOptions`,
//! `ExpiryOptions`, `SignOptions`, an `oct` JWK and a duration string. Never panics; whatever
//! is accepted works: a JWK that parses signs a token it then verifies, and `sign` with parsed
//! options writes a token that verifies apart from its time claims.
#![no_main]

#[path = "../common.rs"]
mod common;

use jwt_wasm::{
    decode_protected_header, parse_duration, sign, verify, ErrorCode, ExpiryOptions, Jwk, SecretKey, SignOptions,
    Validation, Verifier, VerifyOptions,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let now = common::now();

    if let Some(secs) = parse_duration(&text) {
        assert!(!secs.is_nan(), "a duration of NaN seconds");
    }

    let validation = VerifyOptions::from_json(&text).and_then(|options| Validation::new(&options));
    if let Err(error) = &validation {
        assert!(matches!(error.code(), ErrorCode::OptionsInvalid | ErrorCode::NotSupported), "{error}");
    }

    // A prepared verifier's options: the same rules, and a cache size in range when one is asked for.
    match VerifyOptions::from_json(&text).and_then(|options| Validation::for_verifier(&options)) {
        Ok((rules, entries)) => {
            assert!(entries.is_none_or(|n| (1..=1_000_000).contains(&n)), "a cache of {entries:?} entries");
            if entries.is_none() {
                assert_eq!(validation.as_ref().ok(), Some(&rules), "the rules differ without a cache");
            }
        }
        Err(error) => assert!(matches!(error.code(), ErrorCode::OptionsInvalid | ErrorCode::NotSupported), "{error}"),
    }

    match ExpiryOptions::from_json(&text) {
        Err(error) => assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{error}"),
        Ok(options) => {
            let token = common::sign_raw("HS256", br#"{"alg":"HS256"}"#, br#"{"exp":1700000000}"#);
            if let Err(error) = jwt_wasm::expiry_info(&token, &options, now) {
                assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{error}");
            }
        }
    }

    if let Ok(jwk) = Jwk::from_json(&text) {
        if let Ok(key) = SecretKey::from_jwk(&jwk) {
            // A usable key signs and verifies its own token, unless its JWK forbids one of the two.
            if let Ok(token) = sign("{}", &key, &SignOptions::default(), now) {
                let verified = Verifier::new(key.clone(), Validation::default()).and_then(|v| v.verify(&token, now));
                if let Err(error) = verified {
                    assert_eq!(error.code(), ErrorCode::KeyInvalid, "{error}");
                }
            }
            if let Ok(validation) = &validation {
                if let Err(error) = Verifier::new(key, validation.clone()) {
                    assert_eq!(error.code(), ErrorCode::KeyInvalid, "{error}");
                }
            }
        }
    }

    if let Ok(options) = SignOptions::from_json(&text) {
        let key = common::key();
        if let Ok(token) = sign(r#"{"sub":"ada","n":1}"#, &key, &options, now) {
            assert!(decode_protected_header(&token).is_ok());
            if let Err(error) = verify(&token, &key, &Validation::default(), now) {
                // Only the time claims the options set may make it fail.
                assert!(matches!(error.code(), ErrorCode::Expired | ErrorCode::ClaimValidationFailed), "{error}");
                assert_eq!(error.reason().map(|r| r.as_str()), Some("check_failed"), "{error}");
            }
        }
    }
});
