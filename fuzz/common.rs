//! What the fuzz targets share: the fixed key, clock and options, an independent signer, and the
//! invariants every verification outcome must satisfy.
#![allow(dead_code)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use std::sync::OnceLock;
use jwt_wasm::{
    decode_jwt, decode_protected_header, Error, ErrorCode, SecretKey, UnixTime, Validation, Verified, Verifier,
    VerifyOptions,
};

/// The secret every verify target uses (and the seed tokens are signed with).
pub const KEY: &[u8] = b"jwt-wasm fuzzing key, 32+ bytes long";

/// The fixed clock: 2023-11-14T22:13:20Z.
pub const NOW_SECS: i64 = 1_700_000_000;

pub fn now() -> UnixTime {
    UnixTime::from_secs(NOW_SECS)
}

pub fn key() -> SecretKey {
    SecretKey::from_bytes(KEY.to_vec()).expect("the fuzz key is not empty")
}

/// Two fixed rule sets: the defaults (index 0), and one that exercises every claim check (1).
pub fn validations() -> [Validation; 2] {
    let strict = VerifyOptions::from_json(
        r#"{"algorithms":["HS256","HS384"],"issuer":["fuzz","other"],"audience":"api","subject":"ada",
            "typ":"JWT","clockTolerance":"30s","maxTokenAge":"1d","requiredClaims":["jti"],
            "crit":{"exp":true}}"#,
    )
    .expect("the strict options parse");
    [Validation::default(), Validation::new(&strict).expect("the strict options are valid")]
}

/// `header.payload.signature` with the HMAC over the two encoded segments.
pub fn sign_raw(alg: &str, header: &[u8], payload: &[u8]) -> String {
    let mut token = URL_SAFE_NO_PAD.encode(header);
    token.push('.');
    token.push_str(&URL_SAFE_NO_PAD.encode(payload));
    macro_rules! tag {
        ($hash:ty) => {{
            let mut mac = Hmac::<$hash>::new_from_slice(KEY).expect("HMAC takes any key length");
            mac.update(token.as_bytes());
            mac.finalize().into_bytes().to_vec()
        }};
    }
    let tag = match alg {
        "HS384" => tag!(sha2::Sha384),
        "HS512" => tag!(sha2::Sha512),
        _ => tag!(sha2::Sha256),
    };
    token.push('.');
    token.push_str(&URL_SAFE_NO_PAD.encode(tag));
    token
}

/// Verifies `token` one-shot, through a prepared verifier and twice through a prepared verifier
/// with a cache (a hit, the second time, if it verified) under rule set `which` (an index into
/// [`validations`]), checks that all agree and that the outcome is coherent, and returns it.
pub fn verify_both(token: &str, which: usize) -> Result<Verified, Error> {
    // Prepared once per process: keying three HMACs per input would dominate the run time.
    static PREPARED: OnceLock<Vec<(SecretKey, Validation, Verifier, Verifier)>> = OnceLock::new();
    let prepared = PREPARED.get_or_init(|| {
        validations()
            .into_iter()
            .map(|v| {
                let verifier = Verifier::new(key(), v.clone()).expect("the fuzz key fits");
                let cached = Verifier::with_cache(key(), v.clone(), Some(64)).expect("the fuzz key fits");
                (key(), v, verifier, cached)
            })
            .collect()
    });
    let (key, validation, verifier, cached) = &prepared[which];
    let once = jwt_wasm::verify(token, key, validation, now());
    assert_eq!(once, verifier.verify(token, now()), "one-shot and prepared verification disagree");
    for call in ["first", "second"] {
        assert_eq!(once, cached.verify(token, now()), "the cached verifier disagrees on its {call} call");
    }
    match &once {
        Ok(verified) => {
            // What was verified is what the decoders return, byte for byte.
            assert_eq!(decode_jwt(token).as_ref(), Ok(&verified.payload_json));
            assert_eq!(decode_protected_header(token).as_ref(), Ok(&verified.header_json));
        }
        Err(error) => check_error(token, error),
    }
    once
}

/// Every error has a verify code and never echoes the token.
pub fn check_error(token: &str, error: &Error) {
    assert!(
        !matches!(error.code(), ErrorCode::OptionsInvalid | ErrorCode::JwkInvalid),
        "verify raised an option or JWK error: {error}"
    );
    // Only token-shaped inputs: a short one like "WS has exactly three segments" is legitimately
    // part of a fixed message.
    if token.len() >= 8 && token.matches('.').count() >= 2 {
        assert!(!error.message().contains(token), "the message echoes the token");
    }
    let is_claim_error = matches!(error.code(), ErrorCode::Expired | ErrorCode::ClaimValidationFailed);
    assert_eq!(error.claim_name().is_some(), is_claim_error, "claim name on the wrong code: {error}");
    assert_eq!(error.reason().is_some(), is_claim_error, "reason on the wrong code: {error}");
}
