//! Inputs that fuzzing, the property tests or the differential tests against jose once caught
//! the core out on, each kept as a test of the behaviour that was fixed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use jwt_wasm::{
    expiry_info, sign, verify, Duration, ErrorCode, ExpiryOptions, SecretKey, SignOptions, UnixTime, Validation,
    VerifyOptions,
};

fn key() -> SecretKey {
    SecretKey::from_bytes(b"a-shared-secret-of-at-least-32-bytes!".to_vec()).unwrap()
}

/// Found by the `expiry_info` fuzz target: `secondsLeft` was computed as `exp - now + tolerance`,
/// which can round above zero while `exp <= now - tolerance` (the expiry test) holds, so
/// `expiryInfo` said `expired: true` with time left. The first case is the fuzzer's (a subnormal
/// tolerance); the second is an ordinary one (a fractional `exp` and a 0.1 s tolerance).
#[test]
fn seconds_left_is_zero_or_less_exactly_when_expired() {
    let cases = [
        (1_700_000_060, f64::from_bits(0x40_0000_0000), 1_700_000_060.0),
        (1_668_469_571, 0.1, 1_668_469_570.9),
        (1_723_373_865, 0.3, 1_723_373_864.7),
    ];
    for (now_secs, tolerance, exp) in cases {
        let now = UnixTime::from_secs(now_secs);
        let token = sign(&format!(r#"{{"exp":{exp}}}"#), &key(), &SignOptions::default(), now).unwrap();
        let options = ExpiryOptions { clock_tolerance: Some(Duration::Seconds(tolerance)) };
        let info = expiry_info(&token, &options, now).unwrap();
        let rules = VerifyOptions { clock_tolerance: Some(Duration::Seconds(tolerance)), ..VerifyOptions::default() };
        let verdict = verify(&token, &key(), &Validation::new(&rules).unwrap(), now);
        assert_eq!(verdict.unwrap_err().code(), ErrorCode::Expired, "verify: exp {exp} at {now_secs} - {tolerance}");
        assert!(info.expired, "expiryInfo agrees with verify");
        let left = info.seconds_left.unwrap();
        assert!(left <= 0.0, "expired with {left:e} seconds left (exp {exp}, now {now_secs}, tolerance {tolerance:e})");
    }
}
