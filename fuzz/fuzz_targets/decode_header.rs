//! `decode_protected_header` on arbitrary text: never panics; what it accepts is one JSON
//! object, and it fails only with its two documented codes.
#![no_main]

use jwt_wasm::{decode_protected_header, ErrorCode};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

fuzz_target!(|data: &[u8]| {
    let token = String::from_utf8_lossy(data);
    match decode_protected_header(&token) {
        Ok(header) => {
            assert!(header.trim_start().starts_with('{'), "accepted a header that is not an object");
            assert!(serde_json::from_str::<&RawValue>(&header).is_ok(), "accepted a header that is not JSON");
        }
        Err(error) => assert!(
            matches!(error.code(), ErrorCode::JwsInvalid | ErrorCode::TokenTooLong),
            "unexpected code {error}"
        ),
    }
});
