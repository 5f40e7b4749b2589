//! When the core asks for the time: only when a check needs it, once, and after everything jose
//! judges before its clock. A clock here counts how often it is asked, and can fail as the wasm
//! binding's does when the system clock gives no valid time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use jwt_wasm::{
    expiry_info, sign, verify, Error, ErrorCode, ExpiryOptions, Now, SecretKey, SignOptions, TimeInput, UnixTime,
    Validation, Verifier, VerifyOptions,
};
use std::cell::Cell;

const NOW: i64 = 1_700_000_000;

const SECRET: &[u8] = b"a-shared-secret-of-at-least-32-bytes!";

fn key() -> SecretKey {
    SecretKey::from_bytes(SECRET.to_vec()).unwrap()
}

/// A token over exactly `claims`, which may be ones the core's `sign` refuses.
fn token(claims: &str) -> String {
    common::hs256_as_is(SECRET, claims)
}

fn validation(options: &str) -> Validation {
    Validation::new(&VerifyOptions::from_json(options).unwrap()).unwrap()
}

/// A clock that counts its askings in `asked` and gives `NOW`, or fails when `broken`.
fn clock(asked: &Cell<u32>, broken: bool) -> impl Now + Copy + '_ {
    move || {
        asked.set(asked.get() + 1);
        if broken {
            Err(Error::new(ErrorCode::OptionsInvalid, "no clock"))
        } else {
            Ok(UnixTime::from_secs(NOW))
        }
    }
}

/// The answer of a one-shot verify under `options` with a broken clock, and how often it asked.
fn verified_with_broken_clock(token: &str, options: &str) -> (Result<(), (ErrorCode, String)>, u32) {
    let asked = Cell::new(0);
    let answer = verify(token, &key(), &validation(options), clock(&asked, true));
    (answer.map(drop).map_err(|error| (error.code(), error.message().to_owned())), asked.get())
}

#[test]
fn a_verify_asks_the_clock_only_at_the_time_claims_as_jose_does() {
    let good = token(r#"{"iss":"me","sub":"s","aud":"a","iat":1700000000,"exp":1800000000}"#);
    let forged = format!("{}AA", &good[..good.len() - 2]);
    let not_mine = token(r#"{"iss":"you","exp":1800000000}"#);
    // Faults judged before the clock: each is its own error, and the clock is never asked.
    let before = [
        ("a.b", "{}", ErrorCode::JwsInvalid),
        ("x", r#"{"maxTokenLength":1}"#, ErrorCode::JwsInvalid),
        (&good[..], r#"{"maxTokenLength":10}"#, ErrorCode::TokenTooLong),
        (&good[..], r#"{"algorithms":["HS512"]}"#, ErrorCode::AlgNotAllowed),
        (&forged[..], "{}", ErrorCode::SignatureVerificationFailed),
        (&not_mine[..], r#"{"issuer":"me"}"#, ErrorCode::ClaimValidationFailed),
        (&good[..], r#"{"subject":"t"}"#, ErrorCode::ClaimValidationFailed),
        (&good[..], r#"{"audience":"b"}"#, ErrorCode::ClaimValidationFailed),
        (&good[..], r#"{"requiredClaims":["jti"]}"#, ErrorCode::ClaimValidationFailed),
        (&good[..], r#"{"typ":"JWT"}"#, ErrorCode::ClaimValidationFailed),
    ];
    for (token, options, code) in before {
        let (answer, asked) = verified_with_broken_clock(token, options);
        assert_eq!(answer.map_err(|(code, _)| code), Err(code), "{token} under {options}");
        assert_eq!(asked, 0, "{token} under {options}");
    }
    let claims_not_json = token("{\"a\":1,\"a\":2}");
    assert_eq!(verified_with_broken_clock(&claims_not_json, "{}"), (Err((ErrorCode::JwtInvalid, "the claims set has a duplicate member name".into())), 0));
    // From the time claims on, the clock's answer: jose reads its clock before it reads `iat`,
    // so an `iat` that is not a number meets the broken clock first.
    let clock_error = Err((ErrorCode::OptionsInvalid, "no clock".to_owned()));
    for claims in ["{}", r#"{"iat":"yesterday"}"#, r#"{"exp":1}"#] {
        assert_eq!(verified_with_broken_clock(&token(claims), "{}"), (clock_error.clone(), 1), "{claims}");
    }
    assert_eq!(verified_with_broken_clock(&good, r#"{"issuer":"me","subject":"s","audience":"a","maxTokenAge":60}"#), (clock_error, 1));
}

#[test]
fn a_verify_asks_a_working_clock_once_and_judges_at_its_answer() {
    let asked = Cell::new(0);
    let now = clock(&asked, false);
    let options = r#"{"maxTokenAge":"1h","clockTolerance":5}"#;
    let fresh = token(&format!(r#"{{"iat":{NOW},"nbf":{NOW},"exp":{}}}"#, NOW + 1));
    verify(&fresh, &key(), &validation(options), now).unwrap();
    assert_eq!(asked.get(), 1);
    let expired = token(&format!(r#"{{"exp":{}}}"#, NOW - 5));
    assert_eq!(verify(&expired, &key(), &validation("{}"), now).unwrap_err().code(), ErrorCode::Expired);
    assert_eq!(asked.get(), 2);
}

#[test]
fn a_cached_verifier_asks_the_clock_at_every_hit_and_never_for_a_failure() {
    let (validation, entries) = Validation::for_verifier(&VerifyOptions::from_json(r#"{"cache":4}"#).unwrap()).unwrap();
    let verifier = Verifier::with_cache(key(), validation, entries).unwrap();
    let good = token(&format!(r#"{{"exp":{}}}"#, NOW + 60));
    let asked = Cell::new(0);
    for round in 1..=3 {
        verifier.verify(&good, clock(&asked, false)).unwrap();
        assert_eq!(asked.get(), round);
    }
    // A hit judged at a broken clock is the clock's error, not a stale success.
    assert_eq!(verifier.verify(&good, clock(&asked, true)).unwrap_err().code(), ErrorCode::OptionsInvalid);
    assert_eq!(asked.get(), 4);
    assert_eq!(verifier.verify("a.b.c", clock(&asked, true)).unwrap_err().code(), ErrorCode::JwsInvalid);
    assert_eq!(asked.get(), 4);
}

#[test]
fn a_sign_asks_the_clock_only_for_a_time_relative_to_now_and_once() {
    let signed = |options: &str, broken: bool| {
        let asked = Cell::new(0);
        let token = sign(r#"{"sub":"s"}"#, &key(), &SignOptions::from_json(options).unwrap(), clock(&asked, broken));
        (token.map_err(|error| error.code()), asked.get())
    };
    // No time option, or only absolute ones: the clock is never asked, even a broken one.
    for options in ["{}", r#"{"issuer":"me","audience":["a","b"]}"#, r#"{"issuedAt":5,"expirationTime":1800000000,"notBefore":1700000000}"#] {
        let (token, asked) = signed(options, true);
        assert!(token.is_ok(), "{options}");
        assert_eq!(asked, 0, "{options}");
    }
    let (token, asked) = signed(r#"{"issuedAt":true,"expirationTime":"2h","notBefore":"-1m"}"#, false);
    assert_eq!(asked, 1);
    let claims = jwt_wasm::decode_jwt(&token.unwrap()).unwrap();
    assert_eq!(claims, format!(r#"{{"sub":"s","iat":{NOW},"exp":{},"nbf":{}}}"#, NOW + 7200, NOW - 60));
    for options in [r#"{"issuedAt":true}"#, r#"{"issuedAt":7,"expirationTime":"2h"}"#] {
        assert_eq!(signed(options, true), (Err(ErrorCode::OptionsInvalid), 1), "{options}");
    }
    // The clock is asked last: an option or a claims set at fault is its own error, even when an
    // option relative to now comes before it.
    assert_eq!(signed(r#"{"alg":"RS256","issuedAt":true}"#, true), (Err(ErrorCode::NotSupported), 0));
    assert_eq!(signed(r#"{"issuedAt":true,"expirationTime":"one fortnight"}"#, true), (Err(ErrorCode::OptionsInvalid), 0));
    let asked = Cell::new(0);
    // A Date beyond 2^53 - 1 seconds (as the binding hands one over).
    let far = SignOptions { issued_at: Some(TimeInput::Now(true)), not_before: Some(TimeInput::At(1e300)), ..SignOptions::default() };
    assert_eq!(sign("{}", &key(), &far, clock(&asked, true)).unwrap_err().message(), "\"notBefore\" puts \"nbf\" more than 2^53 - 1 seconds from 1970");
    let options = SignOptions::from_json(r#"{"issuedAt":true,"expirationTime":"1h"}"#).unwrap();
    for claims in [r#"{"nbf":"soon"}"#, r#"{"iat":1,"nbf":null}"#] {
        let error = sign(claims, &key(), &options, clock(&asked, true)).unwrap_err();
        assert_eq!((error.code(), error.claim_name()), (ErrorCode::ClaimValidationFailed, Some("nbf")), "{claims}");
    }
    assert_eq!(asked.get(), 0);
    // An option at fault is named before the claims set, as before the clock was lazy.
    let fortnight = SignOptions::from_json(r#"{"expirationTime":"one fortnight"}"#).unwrap();
    assert_eq!(sign(r#"{"nbf":"soon"}"#, &key(), &fortnight, clock(&asked, false)).unwrap_err().code(), ErrorCode::OptionsInvalid);
    // A time relative to now is judged in range at the clock's time, not at the epoch's.
    let far_back = SignOptions::from_json(r#"{"expirationTime":"-9007200000000000s"}"#).unwrap();
    let token = sign("{}", &key(), &far_back, clock(&asked, false)).unwrap();
    assert_eq!(jwt_wasm::decode_jwt(&token).unwrap(), format!(r#"{{"exp":{}}}"#, NOW - 9_007_200_000_000_000));
    assert_eq!(asked.get(), 1);
}

#[test]
fn expiry_info_asks_the_clock_only_after_reading_the_token() {
    let options = ExpiryOptions::default();
    let asked = Cell::new(0);
    for (token, code) in [("a.b.c", ErrorCode::JwtInvalid), (&token(r#"{"exp":"soon"}"#)[..], ErrorCode::ClaimValidationFailed)] {
        assert_eq!(expiry_info(token, &options, clock(&asked, true)).unwrap_err().code(), code, "{token}");
    }
    assert_eq!(asked.get(), 0);
    let info = expiry_info(&token(&format!(r#"{{"exp":{}}}"#, NOW + 60)), &options, clock(&asked, false)).unwrap();
    assert_eq!((asked.get(), info.expired, info.seconds_left), (1, false, Some(60.0)));
    let broken = expiry_info(&token("{}"), &options, clock(&asked, true)).unwrap_err();
    assert_eq!((broken.code(), asked.get()), (ErrorCode::OptionsInvalid, 2));
}
