//! Arbitrary header and payload bytes, correctly signed with the fuzz key, then verified: this
//! reaches the header, `crit`, claims and time checks that random tokens never get past the
//! signature to. A correctly signed token never fails on its signature, and `expiry_info` agrees
//! with `verify` on `exp` and `nbf`.
//!
//! Input: header bytes, a 0x00 byte, payload bytes.
#![no_main]

#[path = "../common.rs"]
mod common;

use jwt_wasm::{expiry_info, ErrorCode, ExpiryOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |b| *b == 0);
    let header = parts.next().unwrap_or_default();
    let payload = parts.next().unwrap_or_default();
    // Sign with the algorithm the header names, so the signature is right whenever the header
    // is readable. Members are read as raw JSON: a value such as 1e400 must not hide `alg`.
    let alg = serde_json::from_slice::<BTreeMap<String, Box<RawValue>>>(header)
        .ok()
        .and_then(|h| h.get("alg").and_then(|a| serde_json::from_str::<String>(a.get()).ok()))
        .unwrap_or_default();
    let token = common::sign_raw(&alg, header, payload);

    let _ = common::verify_both(&token, 1);
    let outcome = common::verify_both(&token, 0);
    if let Err(error) = &outcome {
        assert_ne!(error.code(), ErrorCode::SignatureVerificationFailed, "a correctly signed token failed");
    }

    let info = expiry_info(&token, &ExpiryOptions::default(), common::now());
    match &outcome {
        Ok(_) => {
            let info = info.expect("a verified token has readable time claims");
            assert!(!info.expired && !info.not_yet_valid, "verify accepted what expiry_info calls expired or early");
        }
        Err(error) if error.code() == ErrorCode::Expired && error.claim_name() == Some("exp") => {
            assert!(info.expect("expired tokens have readable time claims").expired);
        }
        Err(error) if error.claim_name() == Some("nbf") && error.code() == ErrorCode::ClaimValidationFailed => {
            if let Ok(info) = info {
                assert!(info.not_yet_valid || error.reason().map(|r| r.as_str()) == Some("invalid"));
            }
        }
        Err(_) => {}
    }
});
