//! `decode_jwt` on arbitrary text: never panics; what it accepts is one JSON object, and it fails
//! only with its two documented codes.
#![no_main]

use jwt_wasm::{decode_jwt, ErrorCode};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

fuzz_target!(|data: &[u8]| {
    let token = String::from_utf8_lossy(data);
    match decode_jwt(&token) {
        Ok(claims) => {
            assert!(claims.trim_start().starts_with('{'), "accepted claims that are not an object");
            assert!(serde_json::from_str::<&RawValue>(&claims).is_ok(), "accepted claims that are not JSON");
        }
        Err(error) => assert!(
            matches!(error.code(), ErrorCode::JwtInvalid | ErrorCode::TokenTooLong),
            "unexpected code {error}"
        ),
    }
});
