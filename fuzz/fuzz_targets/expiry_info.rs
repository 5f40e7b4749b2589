//! `expiry_info` on arbitrary text with an arbitrary clock and tolerance: never panics; its
//! verdicts are consistent with its own numbers, and it fails only with its documented codes.
//!
//! Input: 8 bytes of clock (seconds, i64), 8 bytes of tolerance (f64), then the token.
#![no_main]

use jwt_wasm::{decode_jwt, expiry_info, Duration, ErrorCode, ExpiryOptions, UnixTime};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (Some(clock), Some(tolerance)) = (data.get(..8), data.get(8..16)) else { return };
    let now = UnixTime::from_secs(i64::from_le_bytes(clock.try_into().unwrap_or_default()));
    let tolerance = f64::from_le_bytes(tolerance.try_into().unwrap_or_default());
    let token = String::from_utf8_lossy(data.get(16..).unwrap_or_default());
    let options = ExpiryOptions { clock_tolerance: Some(Duration::Seconds(tolerance)) };
    match expiry_info(&token, &options, now) {
        Ok(info) => {
            assert!(tolerance.is_finite() && tolerance >= 0.0, "accepted a bad tolerance {tolerance}");
            assert!(decode_jwt(&token).is_ok(), "expiry_info read a token decode_jwt refuses");
            assert_eq!(info.seconds_left.is_some(), info.expires_at_secs.is_some());
            assert_eq!(info.expired, info.expires_at_secs.is_some_and(|exp| exp <= now.as_secs() - tolerance));
            assert_eq!(info.not_yet_valid, info.not_before_secs.is_some_and(|nbf| nbf > now.as_secs() + tolerance));
            if let Some(left) = info.seconds_left {
                assert!(!left.is_nan(), "secondsLeft is NaN");
                assert_eq!(info.expired, left <= 0.0, "expired disagrees with secondsLeft {left}");
            }
        }
        Err(error) => match error.code() {
            ErrorCode::TokenTooLong | ErrorCode::JwtInvalid | ErrorCode::OptionsInvalid => {}
            ErrorCode::ClaimValidationFailed => {
                assert!(matches!(error.claim_name(), Some("exp" | "nbf" | "iat")));
                assert_eq!(error.reason().map(|r| r.as_str()), Some("invalid"));
            }
            _ => panic!("unexpected code {error}"),
        },
    }
});
