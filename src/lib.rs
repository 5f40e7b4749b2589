//! # jwt-wasm
//!
//! Strict, synchronous JSON Web Token decoding, verification and expiry checks: a pure Rust
//! core, and a thin wasm-bindgen binding (`wasm.rs`, built for `wasm32` only, with the default
//! feature `js`) that makes it the `jwt-wasm` npm package. Every rule about tokens lives in the
//! core; the binding converts JavaScript values and reads the clock.
//!
//! ```
//! use jwt_wasm::{sign, verify, SecretKey, SignOptions, TimeInput, UnixTime, Validation};
//!
//! let key = SecretKey::from_bytes(b"a secret of at least 32 bytes long!!".to_vec())?;
//! let now = UnixTime::from_secs(1_700_000_000);
//! let options = SignOptions { expiration_time: Some(TimeInput::After("1h".into())), ..Default::default() };
//! let token = sign(r#"{"sub":"ada"}"#, &key, &options, now)?;
//!
//! let verified = verify(&token, &key, &Validation::default(), now)?;
//! assert_eq!(verified.payload_json, r#"{"sub":"ada","exp":1700003600}"#);
//! # Ok::<(), jwt_wasm::Error>(())
//! ```
//!
//! A verifier prepared once (key and rules checked, HMAC state keyed) and reused, with options
//! read from JSON under jose's names; reading a token without verifying it; and its expiry:
//!
//! ```
//! use jwt_wasm::{decode_jwt, expiry_info, sign, ErrorCode, ExpiryOptions, SecretKey, SignOptions, UnixTime};
//! use jwt_wasm::{Validation, Verifier, VerifyOptions};
//!
//! let key = SecretKey::from_bytes(b"a secret of at least 32 bytes long!!".to_vec())?;
//! let now = UnixTime::from_secs(1_700_000_000);
//! let options = SignOptions::from_json(r#"{"issuer":"https://auth.example","expirationTime":"15m"}"#)?;
//! let token = sign(r#"{"sub":"ada"}"#, &key, &options, now)?;
//!
//! let rules = Validation::new(&VerifyOptions::from_json(r#"{"issuer":"https://auth.example","clockTolerance":"30s"}"#)?)?;
//! let verifier = Verifier::new(key, rules)?;
//! assert!(verifier.verify(&token, now).is_ok());
//! let later = UnixTime::from_secs(1_700_000_000 + 15 * 60 + 31);
//! assert_eq!(verifier.verify(&token, later).unwrap_err().code(), ErrorCode::Expired);
//!
//! assert_eq!(decode_jwt(&token)?, r#"{"sub":"ada","exp":1700000900,"iss":"https://auth.example"}"#);
//! let info = expiry_info(&token, &ExpiryOptions::default(), later)?;
//! assert!(info.expired && info.seconds_left.is_some_and(|left| left < 0.0));
//! # Ok::<(), jwt_wasm::Error>(())
//! ```

#![forbid(unsafe_code)]

// The wasm32 unit tests of the SIMD code (base64url, token) compare it with the plain code: they
// must not build without simd128, which a RUSTFLAGS in the environment would drop (it replaces
// .cargo/config.toml's), leaving the plain code compared with itself.
#[cfg(all(test, target_arch = "wasm32"))]
const _: () = assert!(cfg!(target_feature = "simd128"), "wasm32 unit tests built without simd128");

mod algorithms;
mod base64url;
mod cache;
mod claims;
mod decimal;
mod decode;
mod error;
mod expiry;
mod header;
mod json;
mod key;
mod options;
mod sign;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;
mod time;
mod token;
mod validation;
mod verify;

/// The wasm-bindgen binding (public so that the wasm tests can drive it with JS values): in a
/// wasm32 build with the default feature `js`.
#[cfg(all(target_arch = "wasm32", feature = "js"))]
#[doc(hidden)]
pub mod wasm;

pub use algorithms::{Algorithm, AlgorithmSet};
pub use decode::{decode_jwt, decode_protected_header};
pub use error::{ClaimReason, Error, ErrorCode, Result};
pub use expiry::{expiry_info, ExpiryInfo, ExpiryOptions};
pub use key::{Jwk, SecretKey, MAX_JWK_TEXT_LEN, MAX_SECRET_LEN};
pub use options::MAX_OPTIONS_TEXT_LEN;
pub use sign::{sign, HeaderParams, NumberText, SignOptions, TimeInput, MAX_CLAIMS_TO_SIGN_LEN};
pub use time::{parse_duration, Duration, Now, UnixTime};
pub use token::DEFAULT_MAX_TOKEN_LEN;
pub use validation::{CacheOption, ClaimRules, OneOrMany, Validation, VerifyOptions};
pub use verify::{verify, Verified, Verifier};
