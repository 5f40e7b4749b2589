//! Signature and claims verification of a compact JWS carrying a JWT. Checks run in a fixed
//! order, jose's: length cap, segments, header, `crit`, `alg`, allowlist, key, signature,
//! payload, claims. The algorithm always comes from the allowlist, never from the token alone.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::claims;
use crate::error::{Error, ErrorCode, Result};
use crate::header::Header;
use crate::json::{Members, ObjectError};
use crate::key::{KeyOperation, SecretKey};
use crate::time::UnixTime;
use crate::token::{check_length, decode_text, Compact};
use crate::validation::Validation;

/// A verified token: its protected header and claims set as JSON text, exactly as signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The protected header, a JSON object.
    pub header_json: String,
    /// The claims set, a JSON object.
    pub payload_json: String,
}

impl Verified {
    /// `{"payload":…,"protectedHeader":…}`: jose's result shape, as one JSON text.
    pub fn to_result_json(&self) -> String {
        let mut out = String::with_capacity(self.payload_json.len().saturating_add(self.header_json.len()).saturating_add(32));
        out.push_str("{\"payload\":");
        out.push_str(&self.payload_json);
        out.push_str(",\"protectedHeader\":");
        out.push_str(&self.header_json);
        out.push('}');
        out
    }
}

/// A key and options checked once, with keyed MAC state prepared for every allowed algorithm:
/// the verifier to reuse across requests.
#[derive(Clone)]
pub struct Verifier {
    key: SecretKey,
    validation: Validation,
}

impl Verifier {
    /// Prepares a verifier. Errors: `ERR_KEY_INVALID` if the key cannot key an HMAC.
    pub fn new(key: SecretKey, validation: Validation) -> Result<Self> {
        for alg in validation.algorithms.iter().filter(|alg| key.algorithm().is_none_or(|only| only == *alg)) {
            key.mac(alg)?;
        }
        Ok(Verifier { key, validation })
    }

    /// The key.
    pub fn key(&self) -> &SecretKey {
        &self.key
    }

    /// The checked options.
    pub fn validation(&self) -> &Validation {
        &self.validation
    }

    /// Only the HS256 signature check over `token`'s signing input, with the prepared key
    /// state: the floor a full verification is measured against (`npm run bench`).
    #[doc(hidden)]
    pub fn hs256_signature_only(&self, token: &str) -> bool {
        let Some(parts) = Compact::split(token) else { return false };
        let (Ok(mac), Some(signature)) = (self.key.mac(Algorithm::HS256), base64url::decode(parts.signature)) else {
            return false;
        };
        mac.verify(parts.signing_input.as_bytes(), &signature)
    }

    /// Verifies `token` at `now`. Errors: every code but `ERR_OPTIONS_INVALID` and
    /// `ERR_JWK_INVALID`; see [`verify`].
    pub fn verify(&self, token: &str, now: UnixTime) -> Result<Verified> {
        verify(token, &self.key, &self.validation, now)
    }
}

/// Verifies `token` once with `key` under `validation` at `now`, keying only the token's
/// algorithm. Errors: `ERR_JWT_TOO_LONG`, `ERR_JWS_INVALID`, `ERR_JOSE_NOT_SUPPORTED`,
/// `ERR_JOSE_ALG_NOT_ALLOWED`, `ERR_KEY_INVALID`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`,
/// `ERR_JWT_INVALID`, `ERR_JWT_EXPIRED`, `ERR_JWT_CLAIM_VALIDATION_FAILED`.
pub fn verify(token: &str, key: &SecretKey, validation: &Validation, now: UnixTime) -> Result<Verified> {
    check_length(token.len(), validation.max_token_len)?;
    let parts = Compact::split(token).ok_or_else(|| jws_invalid("a compact JWS has exactly three segments"))?;
    let header_json = decode_text(parts.header)
        .ok_or_else(|| jws_invalid("the protected header is not base64url-encoded UTF-8"))?;
    let header = Header::parse(&header_json, &validation.crit)?;
    let alg = validation.allowed_algorithm(header.alg())?;
    // jose's order up to the MAC: a non-ASCII payload and an undecodable signature are malformed
    // tokens (ERR_JWS_INVALID) before the key is judged against the algorithm.
    if !parts.payload.is_ascii() {
        return Err(jws_invalid("the payload is not base64url"));
    }
    let signature =
        base64url::decode(parts.signature).ok_or_else(|| jws_invalid("the signature is not base64url"))?;
    key.check_fits(alg, KeyOperation::Verify)?;
    if !key.mac(alg)?.verify(parts.signing_input.as_bytes(), &signature) {
        return Err(Error::new(ErrorCode::SignatureVerificationFailed, "signature verification failed"));
    }
    if !header.b64() {
        return Err(Error::new(ErrorCode::JwtInvalid, "a JWT must not use an unencoded payload (b64: false)"));
    }
    let payload_bytes =
        base64url::decode(parts.payload).ok_or_else(|| jws_invalid("the payload is not base64url"))?;
    let payload_json = String::from_utf8(payload_bytes)
        .map_err(|_| Error::new(ErrorCode::JwtInvalid, "the claims set is not UTF-8"))?;
    let claims_set = parse_claims(&payload_json)?;
    claims::validate(header.members(), &claims_set, &validation.claims, now)?;
    Ok(Verified { header_json, payload_json })
}

/// Parses a claims set. Errors: `ERR_JWT_INVALID` unless it is a JSON object with distinct
/// member names.
pub fn parse_claims(text: &str) -> Result<Members<'_>> {
    Members::parse(text).map_err(|e| match e {
        ObjectError::NotAnObject => Error::new(ErrorCode::JwtInvalid, "the claims set is not a JSON object"),
        ObjectError::DuplicateMember => Error::new(ErrorCode::JwtInvalid, "the claims set has a duplicate member name"),
    })
}

fn jws_invalid(message: &'static str) -> Error {
    Error::new(ErrorCode::JwsInvalid, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::{sign, SignOptions};
    use crate::validation::VerifyOptions;

    const NOW: i64 = 1_700_000_000;

    fn key() -> SecretKey {
        SecretKey::from_bytes(b"a-test-secret-of-32-bytes-or-more".to_vec()).unwrap()
    }

    fn token(payload: &str, alg: &str) -> String {
        let options = SignOptions { alg: Some(alg.into()), ..SignOptions::default() };
        sign(payload, &key(), &options, UnixTime::from_secs(NOW)).unwrap()
    }

    fn code(token: &str, options: &str) -> ErrorCode {
        let validation = Validation::new(&VerifyOptions::from_json(options).unwrap()).unwrap();
        verify(token, &key(), &validation, UnixTime::from_secs(NOW)).unwrap_err().code()
    }

    #[test]
    fn the_length_cap_comes_before_everything() {
        assert_eq!(code("x", r#"{"maxTokenLength":1}"#), ErrorCode::JwsInvalid);
        assert_eq!(code("xx", r#"{"maxTokenLength":1}"#), ErrorCode::TokenTooLong);
    }

    #[test]
    fn the_allowlist_is_checked_before_the_signature() {
        let mut forged = token(r#"{"exp":1}"#, "HS512");
        forged.push('A');
        assert_eq!(code(&forged, r#"{"algorithms":["HS256"]}"#), ErrorCode::AlgNotAllowed);
    }

    #[test]
    fn the_signature_is_checked_before_the_claims() {
        let mut expired = token(r#"{"exp":1}"#, "HS256");
        assert_eq!(code(&expired, "{}"), ErrorCode::Expired);
        expired.replace_range(expired.len() - 2.., "AA");
        assert_eq!(code(&expired, "{}"), ErrorCode::SignatureVerificationFailed);
    }

    #[test]
    fn a_prepared_verifier_answers_as_the_one_shot_function() {
        let validation = Validation::new(&VerifyOptions::from_json(r#"{"algorithms":["HS384"]}"#).unwrap()).unwrap();
        let verifier = Verifier::new(key(), validation.clone()).unwrap();
        for token in [token(r#"{"a":1}"#, "HS384"), token(r#"{"a":1}"#, "HS256"), token("{\"exp\":2}", "HS384")] {
            let now = UnixTime::from_secs(NOW);
            assert_eq!(verifier.verify(&token, now), verify(&token, &key(), &validation, now));
        }
    }

    #[test]
    fn the_result_holds_header_and_payload_as_signed() {
        let token = token(r#"{"sub":"ada"}"#, "HS256");
        let verified = verify(&token, &key(), &Validation::default(), UnixTime::from_secs(NOW)).unwrap();
        assert_eq!(verified.to_result_json(), r#"{"payload":{"sub":"ada"},"protectedHeader":{"alg":"HS256"}}"#);
    }

    #[test]
    fn the_signature_only_floor_checks_just_the_mac() {
        let verifier = Verifier::new(key(), Validation::default()).unwrap();
        let expired = token(r#"{"exp":1}"#, "HS256");
        assert!(verifier.hs256_signature_only(&expired));
        assert!(!verifier.hs256_signature_only(&format!("{expired}A")));
    }
}
