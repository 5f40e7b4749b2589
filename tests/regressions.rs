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

/// Found by the differential test against jose: `typ` was normalised by stripping any
/// `application/` prefix, so the option `"x/y"` accepted a token with `typ: "application/x/y"`.
/// RFC 7515 section 4.1.9 prepends `application/` only to a value without a `/`, so those are
/// different media types (jose refuses it too).
#[test]
fn typ_keeps_application_prefix_before_a_media_type_with_a_slash() {
    let now = UnixTime::from_secs(1_700_000_000);
    let cases = [
        ("application/x/y", "x/y", false),
        ("x/y", "application/x/y", false),
        ("application/x/y", "application/x/y", true),
        ("Application/X/Y", "application/x/y", true),
        ("application/at+jwt", "at+jwt", true),
        ("AT+JWT", "application/at+jwt", true),
        ("jwt", "application/jwt", true),
        ("application/", "application/", true),
    ];
    for (header_typ, option, accepted) in cases {
        let sign_options = SignOptions::from_json(&format!(r#"{{"header":{{"typ":"{header_typ}"}}}}"#)).unwrap();
        let token = sign("{}", &key(), &sign_options, now).unwrap();
        let rules = VerifyOptions { typ: Some(option.into()), ..VerifyOptions::default() };
        let outcome = verify(&token, &key(), &Validation::new(&rules).unwrap(), now);
        match accepted {
            true => assert!(outcome.is_ok(), "typ {header_typ:?} against {option:?}: {outcome:?}"),
            false => {
                let error = outcome.unwrap_err();
                assert_eq!((error.code(), error.claim_name()), (ErrorCode::ClaimValidationFailed, Some("typ")), "typ {header_typ:?} against {option:?}");
            }
        }
    }
}

/// Found by the differential test against jose: a non-ASCII character in the payload segment was
/// reported as a signature failure, and a signature that is not base64url as a key misfit when
/// the JWK named another algorithm. jose (and now the core) checks in this order after the
/// allowlist: the payload is ASCII, the signature decodes, the key fits, then the MAC.
#[test]
fn malformed_payload_and_signature_are_reported_before_the_key_and_the_mac() {
    let now = UnixTime::from_secs(1_700_000_000);
    let token = sign(r#"{"sub":"ada"}"#, &key(), &SignOptions::default(), now).unwrap();
    let (signing_input, signature) = token.rsplit_once('.').unwrap();
    let (header, payload) = signing_input.split_once('.').unwrap();
    let rules = Validation::default();
    let code = |token: &str, key: &SecretKey| verify(token, key, &rules, now).unwrap_err().code();

    for changed in [format!("{header}.{payload}é.{signature}"), format!("{header}.é{payload}.{signature}")] {
        assert_eq!(code(&changed, &key()), ErrorCode::JwsInvalid, "{changed}");
    }
    // An ASCII change to the payload is still a signature failure.
    assert_eq!(code(&format!("{header}.{payload}A.{signature}"), &key()), ErrorCode::SignatureVerificationFailed);

    let jwk = jwt_wasm::Jwk {
        kty: Some("oct".into()),
        k: Some("YS1zaGFyZWQtc2VjcmV0LW9mLWF0LWxlYXN0LTMyLWJ5dGVzIQ".into()),
        alg: Some("HS384".into()),
        ..jwt_wasm::Jwk::default()
    };
    let restricted = SecretKey::from_jwk(&jwk).unwrap();
    assert_eq!(code(&format!("{token}="), &restricted), ErrorCode::JwsInvalid, "padding before the key misfit");
    assert_eq!(code(&token, &restricted), ErrorCode::KeyInvalid, "a well-formed token meets the key check");
}

/// Found by the decode differential (pkg-tests/decode-differential.test.mjs): the expiry helpers
/// read `clockTolerance` with the options but judged its value (negative, or not a duration) only
/// once the token was in hand, after the binding had checked the token's type and length. So
/// `isExpired(123, { clockTolerance: -1 })` was `ERR_JWT_INVALID` and a token over 64 KB
/// `ERR_JWT_TOO_LONG`, where `jwtVerify` (and the same call with a short string) answers
/// `ERR_OPTIONS_INVALID`. The options are now judged whole before the token.
#[test]
fn a_bad_clock_tolerance_is_refused_with_the_expiry_options() {
    for text in [
        r#"{"clockTolerance":-1}"#,
        r#"{"clockTolerance":-0.5}"#,
        r#"{"clockTolerance":"-5m"}"#,
        r#"{"clockTolerance":"5 minutes ago"}"#,
        r#"{"clockTolerance":"abc"}"#,
        r#"{"clockTolerance":""}"#,
        r#"{"clockTolerance":"1e3s"}"#,
    ] {
        let error = ExpiryOptions::from_json(text).expect_err(text);
        assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{text}");
        // The same refusal as verification's, for the same option.
        let verify_error = Validation::new(&VerifyOptions::from_json(text).unwrap()).expect_err(text);
        assert_eq!((error.code(), error.message()), (verify_error.code(), verify_error.message()), "{text}");
    }
    for (text, secs) in [(r#"{"clockTolerance":0}"#, 0.0), (r#"{"clockTolerance":"1.5m"}"#, 90.0), (r#"{"clockTolerance":2.5}"#, 2.5)] {
        let tolerance = ExpiryOptions::from_json(text).unwrap().clock_tolerance.unwrap();
        assert_eq!(tolerance.to_non_negative_secs("clockTolerance").unwrap(), secs, "{text}");
    }
}
