//! # jwt-wasm
//!
//! Strict, synchronous JSON Web Token decoding, verification and expiry checks: a pure Rust
//! core, and a thin wasm-bindgen binding (`wasm.rs`, built for `wasm32` only) that makes it the
//! `jwt-wasm` npm package. Every rule about tokens lives in the core; the binding converts
//! JavaScript values and reads the clock.
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

#![forbid(unsafe_code)]

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
mod time;
mod token;
mod validation;
mod verify;

/// The wasm-bindgen binding (public so that the wasm tests can drive it with JS values).
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use algorithms::{Algorithm, AlgorithmSet};
pub use decode::{decode_jwt, decode_protected_header};
pub use error::{ClaimReason, Error, ErrorCode, Result};
pub use expiry::{expiry_info, ExpiryInfo, ExpiryOptions};
pub use key::{check_jwk_text_length, check_secret_length, Jwk, KeyOperation, SecretKey, MAX_JWK_TEXT_LEN, MAX_SECRET_LEN};
pub use options::DateOptions;
pub use sign::{sign, NumberText, SignOptions, TimeInput};
pub use time::{parse_duration, Duration, UnixTime};
pub use token::DEFAULT_MAX_TOKEN_LEN;
pub use validation::{CacheOption, ClaimRules, OneOrMany, Validation, VerifyOptions};
pub use verify::{verify, Verified, Verifier};
