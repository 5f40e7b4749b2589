//! Signature and claims verification of a compact JWS carrying a JWT. Checks run in a fixed
//! order, jose's: length cap, segments, header, `crit`, `alg`, allowlist, the key's fit to the
//! algorithm, signature, payload, claims. The key itself (type, length, a JWK's form) is judged
//! before, with the options, as configuration: a [`SecretKey`] is made before any token is read.
//! The algorithm always comes from the allowlist, never from the token alone.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::cache::{CachedVerification, TokenCache};
use crate::claims::{self, TimeClaims};
use crate::error::{Error, ErrorCode, Result};
use crate::header::Header;
use crate::key::{KeyOperation, SecretKey};
use crate::time::Now;
use crate::token::{self, decode_text, Compact, TokenCap};
use crate::validation::Validation;
use std::sync::Mutex;

/// A verified token: its protected header and claims set as JSON text, exactly as signed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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

/// A key and options checked once, with keyed MAC state prepared for every allowed algorithm,
/// and optionally a cache of the tokens it verified: the verifier to reuse across requests.
pub struct Verifier {
    key: SecretKey,
    validation: Validation,
    /// This verifier's own cache (see `cache.rs`); the lock is held only to look up or insert.
    cache: Option<Mutex<TokenCache>>,
}

impl std::fmt::Debug for Verifier {
    // The key shows as `SecretKey`'s own Debug does (its length and `alg`, never the secret).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let capacity = self.cache.as_ref().and_then(|cache| cache.lock().ok().map(|c| c.capacity()));
        f.debug_struct("Verifier").field("key", &self.key).field("validation", &self.validation).field("cache_capacity", &capacity).finish()
    }
}

impl Clone for Verifier {
    /// The same key and rules, and an empty cache of the same size: caches are never shared.
    fn clone(&self) -> Self {
        let capacity = self.cache.as_ref().and_then(|cache| cache.lock().ok().map(|c| c.capacity()));
        Verifier {
            key: self.key.clone(),
            validation: self.validation.clone(),
            cache: capacity.map(|capacity| Mutex::new(TokenCache::new(capacity))),
        }
    }
}

impl Verifier {
    /// Prepares a verifier without a cache.
    ///
    /// # Errors
    /// `ERR_KEY_INVALID` if the key cannot key an HMAC, or is a JWK that no token could verify
    /// with under `validation` (see [`Verifier::with_cache`]).
    pub fn new(key: SecretKey, validation: Validation) -> Result<Self> {
        Verifier::with_cache(key, validation, None)
    }

    /// Prepares a verifier that keeps up to `cache_entries` successful verifications, taken as 1 to
    /// 1,000,000 (`Some(0)` keeps one; none for `None`; see [`Validation::for_verifier`]). A token
    /// equal to a kept one, byte for byte, is answered from the cache after its time claims are
    /// judged again at the new `now`; failures are never kept.
    ///
    /// # Errors
    /// `ERR_KEY_INVALID` if the key cannot key an HMAC, or is a JWK that no token could verify
    /// with: its `key_ops` leave out `verify`, or the allowlist leaves out its `alg`. (A one-shot
    /// [`verify`] finds those only after the token's form and `alg`, in jose's order; a verifier
    /// is refused when it is made, as it could never verify anything.)
    pub fn with_cache(key: SecretKey, validation: Validation, cache_entries: Option<usize>) -> Result<Self> {
        if let Some(own) = key.algorithm().filter(|own| !validation.algorithms.contains(*own)) {
            let message = format!("the JWK \"alg\" ({}) is not in the allowed algorithms, so no token could verify", own.name());
            return Err(Error::new(ErrorCode::KeyInvalid, message));
        }
        // Its own alg, which fits; without one any algorithm fits, so only key_ops is judged.
        key.check_fits(key.algorithm().unwrap_or(Algorithm::HS256), KeyOperation::Verify)?;
        for alg in validation.algorithms.iter().filter(|alg| key.algorithm().is_none_or(|only| only == *alg)) {
            key.mac(alg)?;
        }
        let cache = cache_entries.map(|entries| Mutex::new(TokenCache::new(entries)));
        Ok(Verifier { key, validation, cache })
    }

    /// Only the HS256 signature check over `token`'s signing input, with the prepared key
    /// state: the floor a full verification is measured against (`npm run bench`). Crate-only:
    /// it checks nothing else (no allowlist, no key restriction, no claims).
    #[cfg_attr(not(all(target_arch = "wasm32", feature = "js")), allow(dead_code))]
    pub(crate) fn hs256_signature_only(&self, token: &str) -> bool {
        let Some(parts) = Compact::split(token) else { return false };
        let (Ok(mac), Some(signature)) = (self.key.mac(Algorithm::HS256), base64url::decode(parts.signature)) else {
            return false;
        };
        mac.verify(parts.signing_input.as_bytes(), &signature)
    }

    /// Verifies `token` at `now`, with the same answer whether or not it comes from the cache
    /// (`now` is asked only when the time claims are judged, see [`Now`]).
    ///
    /// # Errors
    /// Every code but `ERR_OPTIONS_INVALID` and `ERR_JWK_INVALID`, see [`verify`], and the
    /// clock's own error.
    pub fn verify(&self, token: &str, now: impl Now) -> Result<Verified> {
        let Some(cache) = &self.cache else {
            return verify(token, &self.key, &self.validation, now);
        };
        // Everything but the time claims was decided when the entry was made, with this key and
        // these rules, so only they are judged again. (A poisoned lock only means no cache.)
        let hit = cache.lock().ok().and_then(|cache| cache.get(token).cloned());
        if let Some(hit) = hit {
            claims::recheck_times(&hit.times, &self.validation.claims, now)?;
            return Ok(hit.verified);
        }
        let (verified, times) = verify_in_full(token, &self.key, &self.validation, now)?;
        if let Ok(mut cache) = cache.lock() {
            cache.insert(token, CachedVerification { verified: verified.clone(), times });
        }
        Ok(verified)
    }
}

/// Verifies `token` once with `key` under `validation` at `now`, keying only the token's algorithm.
/// `now` is asked only once the signature and the claims other than the time claims have passed,
/// where jose reads its clock (see [`Now`]).
///
/// # Errors
/// `ERR_JWT_TOO_LONG`, `ERR_JWS_INVALID`, `ERR_JOSE_NOT_SUPPORTED`, `ERR_JOSE_ALG_NOT_ALLOWED`,
/// `ERR_KEY_INVALID`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`, `ERR_JWT_INVALID`,
/// `ERR_JWT_EXPIRED`, `ERR_JWT_CLAIM_VALIDATION_FAILED`, and the clock's own error.
pub fn verify(token: &str, key: &SecretKey, validation: &Validation, now: impl Now) -> Result<Verified> {
    verify_in_full(token, key, validation, now).map(|(verified, _)| verified)
}

/// [`verify`], also returning the time claims it read (what a cache entry keeps).
fn verify_in_full(
    token: &str,
    key: &SecretKey,
    validation: &Validation,
    now: impl Now,
) -> Result<(Verified, TimeClaims)> {
    TokenCap::verify(validation.max_token_len).check(token.len())?;
    let malformed = |message| token::malformed(ErrorCode::JwsInvalid, message, token);
    let parts = Compact::split_or(token, ErrorCode::JwsInvalid, "a compact JWS has exactly three segments")?;
    let header_json = decode_text(parts.header)
        .ok_or_else(|| malformed("the protected header is not base64url-encoded UTF-8"))?;
    let header = Header::parse(&header_json, &validation.crit)?;
    let alg = validation.allowed_algorithm(header.alg());
    // jose's order up to the MAC: a non-ASCII payload and an undecodable signature are malformed
    // tokens (ERR_JWS_INVALID) before the key is judged against the algorithm; for an unencoded
    // payload (b64: false), jose reads its characters even before it looks the algorithm up.
    let unknown_unencoded = !header.b64() && matches!(&alg, Err(error) if error.code() == ErrorCode::NotSupported);
    if (alg.is_ok() || unknown_unencoded) && !parts.payload.is_ascii() {
        return Err(malformed("the payload is not base64url"));
    }
    let alg = alg?;
    let signature = base64url::decode(parts.signature).ok_or_else(|| {
        malformed(if base64url::only_trailing_bits_wrong(parts.signature) {
            "the signature is not canonical base64url: its last character holds bits beyond the signature (was it cut short or altered?)"
        } else {
            "the signature is not base64url"
        })
    })?;
    key.check_fits(alg, KeyOperation::Verify)?;
    if !key.mac(alg)?.verify(parts.signing_input.as_bytes(), &signature) {
        // White space in the payload segment reaches this far (the segment is decoded after the
        // MAC, as jose does): the hint tells a wrapped token from a forged one.
        return Err(token::malformed(ErrorCode::SignatureVerificationFailed, "signature verification failed", token));
    }
    if !header.b64() {
        return Err(Error::new(ErrorCode::JwtInvalid, "a JWT must not use an unencoded payload (b64: false)"));
    }
    let payload_bytes = base64url::decode(parts.payload).ok_or_else(|| malformed("the payload is not base64url"))?;
    let payload_json = String::from_utf8(payload_bytes)
        .map_err(|_| Error::new(ErrorCode::JwtInvalid, "the claims set is not UTF-8"))?;
    let claims_set = claims::parse_claims(&payload_json)?;
    let times = claims::validate(header.members(), &claims_set, &validation.claims, now)?;
    Ok((Verified { header_json, payload_json }, times))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::{sign, SignOptions};
    use crate::key::Jwk;
    use crate::time::UnixTime;
    use crate::validation::VerifyOptions;

    const NOW: i64 = 1_700_000_000;

    fn key() -> SecretKey {
        SecretKey::from_bytes(b"a-test-secret-of-32-bytes-or-more".to_vec()).unwrap()
    }

    fn token(payload: &str, alg: &str) -> String {
        let options = SignOptions { alg: Some(alg.into()), ..SignOptions::default() };
        sign(payload, &key(), &options, UnixTime::from_secs(NOW)).unwrap()
    }

    #[test]
    fn a_signature_altered_in_its_last_character_is_said_to_be() {
        let good = token(r#"{"sub":"a"}"#, "HS256");
        // An HS256 signature ends in a character whose last two bits are zero; "B" sets one.
        let altered = format!("{}B", good.get(..good.len() - 1).unwrap());
        let error = verify(&altered, &key(), &Validation::new(&VerifyOptions::default()).unwrap(), UnixTime::from_secs(NOW)).unwrap_err();
        assert_eq!(error.code(), ErrorCode::JwsInvalid);
        assert!(error.message().starts_with("the signature is not canonical base64url: its last character"), "{}", error.message());
        let garbled = format!("{}*", good.get(..good.len() - 1).unwrap());
        let error = verify(&garbled, &key(), &Validation::new(&VerifyOptions::default()).unwrap(), UnixTime::from_secs(NOW)).unwrap_err();
        assert_eq!(error.message(), "the signature is not base64url");
    }

    fn code(token: &str, options: &str) -> ErrorCode {
        let validation = Validation::new(&VerifyOptions::from_json(options).unwrap()).unwrap();
        verify(token, &key(), &validation, UnixTime::from_secs(NOW)).unwrap_err().code()
    }

    #[test]
    fn debug_output_shows_the_rules_but_never_the_secret() {
        let (validation, cache) = Validation::for_verifier(&VerifyOptions::from_json(r#"{"issuer":"me","cache":5}"#).unwrap()).unwrap();
        let shown = format!("{:?}", Verifier::with_cache(key(), validation, cache).unwrap());
        assert!(!shown.contains("a-test-secret"), "{shown}");
        assert!(shown.starts_with("Verifier { key: SecretKey { len: 33, alg: None }, validation: Validation {"), "{shown}");
        assert!(shown.contains("\"me\"") && shown.ends_with("cache_capacity: Some(5) }"), "{shown}");
    }

    #[test]
    fn the_length_cap_comes_before_everything() {
        assert_eq!(code("x", r#"{"maxTokenLength":1}"#), ErrorCode::JwsInvalid);
        assert_eq!(code("xx", r#"{"maxTokenLength":1}"#), ErrorCode::TokenTooLong);
        // The cap is an option's: the refusal names it.
        let validation = Validation::new(&VerifyOptions::from_json(r#"{"maxTokenLength":1}"#).unwrap()).unwrap();
        let error = verify("xx", &key(), &validation, UnixTime::from_secs(NOW)).unwrap_err();
        assert_eq!(error.message(), "the token is longer than 1 bytes, the \"maxTokenLength\" option's cap (65536 unless set)");
    }

    #[test]
    fn the_allowlist_is_checked_before_the_signature() {
        let mut forged = token(r#"{"exp":1}"#, "HS512");
        forged.push('A');
        assert_eq!(code(&forged, r#"{"algorithms":["HS256"]}"#), ErrorCode::AlgNotAllowed);
    }

    #[test]
    fn the_signature_is_checked_before_the_claims() {
        let expired = token(r#"{"exp":1}"#, "HS256");
        assert_eq!(code(&expired, "{}"), ErrorCode::Expired);
        let expired = format!("{}AA", &expired[..expired.len() - 2]);
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

    /// A prepared verifier keys its HMACs up front, for the algorithms it can accept only.
    #[test]
    fn preparing_keys_each_usable_algorithm_once() {
        let prepared = |key: SecretKey, options: &str| {
            let validation = Validation::new(&VerifyOptions::from_json(options).unwrap()).unwrap();
            Verifier::new(key, validation).unwrap().key.keyed_algorithms()
        };
        assert_eq!(prepared(key(), "{}"), Algorithm::ALL);
        assert_eq!(prepared(key(), r#"{"algorithms":["HS512"]}"#), [Algorithm::HS512]);
        let jwk = Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","alg":"HS384"}"#).unwrap();
        assert_eq!(prepared(SecretKey::from_jwk(&jwk).unwrap(), "{}"), [Algorithm::HS384]);
    }

    /// A verifier that could verify nothing is refused when made: a JWK whose `alg` the allowlist
    /// leaves out, or whose `key_ops` leave out `verify`.
    #[test]
    fn a_key_no_token_could_verify_with_is_refused_when_prepared() {
        let made = |jwk: &str, options: &str| {
            let key = SecretKey::from_jwk(&Jwk::from_json(jwk).unwrap()).unwrap();
            Verifier::new(key, Validation::new(&VerifyOptions::from_json(options).unwrap()).unwrap()).map(|_| ())
        };
        let refused = |jwk: &str, options: &str| made(jwk, options).unwrap_err();
        let hs384 = r#"{"kty":"oct","k":"c2VjcmV0","alg":"HS384"}"#;
        let error = refused(hs384, r#"{"algorithms":["HS256","HS512"]}"#);
        assert_eq!(error.code(), ErrorCode::KeyInvalid);
        assert_eq!(error.message(), "the JWK \"alg\" (HS384) is not in the allowed algorithms, so no token could verify");
        for ops in [r#"["sign"]"#, "[]"] {
            let jwk = format!(r#"{{"kty":"oct","k":"c2VjcmV0","key_ops":{ops}}}"#);
            assert_eq!(refused(&jwk, "{}").message(), "the JWK \"key_ops\" does not include \"verify\"", "{ops}");
            assert_eq!(refused(&jwk.replace('{', r#"{"alg":"HS384","#), "{}").code(), ErrorCode::KeyInvalid, "{ops}");
        }
        made(hs384, "{}").unwrap();
        made(hs384, r#"{"algorithms":["HS384"]}"#).unwrap();
        made(r#"{"kty":"oct","k":"c2VjcmV0","key_ops":["sign","verify"]}"#, r#"{"algorithms":["HS512"]}"#).unwrap();
        // The one-shot function judges the token first, as jose does.
        let key = SecretKey::from_jwk(&Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","key_ops":["sign"]}"#).unwrap()).unwrap();
        let now = UnixTime::from_secs(NOW);
        assert_eq!(verify("not.a.token", &key, &Validation::default(), now).unwrap_err().code(), ErrorCode::JwsInvalid);
        assert_eq!(verify(&token("{}", "HS256"), &key, &Validation::default(), now).unwrap_err().code(), ErrorCode::KeyInvalid);
    }

    fn cached_verifier(options: &str) -> Verifier {
        cached_verifier_with(key(), options)
    }

    fn cached_verifier_with(key: SecretKey, options: &str) -> Verifier {
        let (validation, entries) = Validation::for_verifier(&VerifyOptions::from_json(options).unwrap()).unwrap();
        Verifier::with_cache(key, validation, entries).unwrap()
    }

    fn cached(verifier: &Verifier) -> Vec<String> {
        let cache = verifier.cache.as_ref().unwrap().lock().unwrap();
        cache.tokens().map(str::to_owned).collect()
    }

    fn at(secs: i64) -> UnixTime {
        UnixTime::from_secs(secs)
    }

    #[test]
    fn a_hit_is_answered_from_the_cache_with_the_full_result() {
        let verifier = cached_verifier(r#"{"cache":true}"#);
        let token = token(r#"{"sub":"ada","exp":1700000100}"#, "HS256");
        let full = verify(&token, &key(), &Validation::default(), at(NOW)).unwrap();
        assert_eq!(verifier.verify(&token, at(NOW)), Ok(full.clone()));
        assert_eq!(cached(&verifier), [token.as_str()]);
        assert_eq!(verifier.verify(&token, at(NOW + 1)), Ok(full));
        // The second answer came from the entry: a planted entry is what a hit returns.
        let planted = Verified { header_json: "{}".into(), payload_json: r#"{"planted":1}"#.into() };
        let entry = CachedVerification { verified: planted.clone(), times: TimeClaims::default() };
        let mut cache = TokenCache::new(1);
        cache.insert(&token, entry);
        let verifier = Verifier { cache: Some(Mutex::new(cache)), ..verifier };
        assert_eq!(verifier.verify(&token, at(NOW)), Ok(planted));
    }

    #[test]
    fn a_token_changed_in_any_segment_misses_and_fails() {
        let verifier = cached_verifier(r#"{"cache":10}"#);
        let token = token(r#"{"sub":"ada"}"#, "HS256");
        verifier.verify(&token, at(NOW)).unwrap();
        let dots: Vec<usize> = token.match_indices('.').map(|(i, _)| i).collect();
        for at_byte in [0, dots[0] + 1, dots[1] + 1, token.len() - 1] {
            let mut bytes = token.clone().into_bytes();
            bytes[at_byte] = if bytes[at_byte] == b'A' { b'B' } else { b'A' };
            let tampered = String::from_utf8(bytes).unwrap();
            assert!(verifier.verify(&tampered, at(NOW)).is_err(), "{tampered}");
        }
        for changed in [format!("{token}A"), token[..token.len() - 1].to_owned(), format!(" {token}")] {
            assert!(verifier.verify(&changed, at(NOW)).is_err(), "{changed}");
        }
        assert_eq!(cached(&verifier), [token]);
    }

    #[test]
    fn a_hit_expires_at_exp_with_the_clock_tolerance() {
        let token = token(r#"{"exp":1700000010}"#, "HS256");
        let strict = cached_verifier(r#"{"cache":true}"#);
        let lenient = cached_verifier(r#"{"cache":true,"clockTolerance":5}"#);
        for verifier in [&strict, &lenient] {
            verifier.verify(&token, at(NOW)).unwrap();
            assert_eq!(cached(verifier), [token.as_str()]);
        }
        assert!(strict.verify(&token, at(NOW + 9)).is_ok());
        let expired = strict.verify(&token, at(NOW + 10)).unwrap_err();
        assert_eq!((expired.code(), expired.claim_name()), (ErrorCode::Expired, Some("exp")));
        assert!(lenient.verify(&token, at(NOW + 14)).is_ok());
        assert_eq!(lenient.verify(&token, at(NOW + 15)).unwrap_err().code(), ErrorCode::Expired);
    }

    #[test]
    fn a_hit_honours_max_token_age() {
        let token = token(r#"{"iat":1700000000}"#, "HS256");
        let verifier = cached_verifier(r#"{"cache":true,"maxTokenAge":"30s"}"#);
        verifier.verify(&token, at(NOW)).unwrap();
        assert!(verifier.verify(&token, at(NOW + 30)).is_ok());
        let old = verifier.verify(&token, at(NOW + 31)).unwrap_err();
        assert_eq!((old.code(), old.claim_name()), (ErrorCode::Expired, Some("iat")));
        assert_eq!(cached(&verifier), [token], "checked by the hit path");
    }

    #[test]
    fn a_failure_is_never_kept_and_a_hit_checks_nbf() {
        let token = token(r#"{"nbf":1700000100}"#, "HS256");
        let verifier = cached_verifier(r#"{"cache":true}"#);
        let early = verifier.verify(&token, at(NOW)).unwrap_err();
        assert_eq!((early.code(), early.claim_name()), (ErrorCode::ClaimValidationFailed, Some("nbf")));
        assert!(cached(&verifier).is_empty());
        // Once valid it verifies in full and is kept; a clock set back then fails on the hit.
        assert!(verifier.verify(&token, at(NOW + 100)).is_ok());
        assert_eq!(cached(&verifier), [token.as_str()]);
        assert_eq!(verifier.verify(&token, at(NOW + 99)), Err(early));
        for options in [r#"{"cache":true,"audience":"api"}"#, r#"{"cache":true,"algorithms":["HS512"]}"#] {
            let wrong = cached_verifier(options);
            for _ in 0..2 {
                assert!(wrong.verify(&token, at(NOW + 100)).is_err());
            }
            assert!(cached(&wrong).is_empty());
        }
    }

    #[test]
    fn the_cache_is_bounded_and_evicts_the_oldest() {
        let verifier = cached_verifier(r#"{"cache":3}"#);
        let tokens: Vec<String> = (0..10).map(|n| token(&format!(r#"{{"n":{n}}}"#), "HS256")).collect();
        for token in &tokens {
            verifier.verify(token, at(NOW)).unwrap();
            assert!(cached(&verifier).len() <= 3);
        }
        assert_eq!(cached(&verifier), tokens[7..]);
        // An evicted token is verified in full again, and comes back as the newest.
        assert_eq!(verifier.verify(&tokens[0], at(NOW)), verify(&tokens[0], &key(), &Validation::default(), at(NOW)));
        assert_eq!(cached(&verifier), [tokens[8].as_str(), &tokens[9], &tokens[0]]);
    }

    #[test]
    fn caches_belong_to_one_verifier() {
        let token = token(r#"{"sub":"ada"}"#, "HS256");
        let verifier = cached_verifier(r#"{"cache":true}"#);
        verifier.verify(&token, at(NOW)).unwrap();
        let copy = verifier.clone();
        assert!(cached(&copy).is_empty(), "a clone starts empty");
        assert_eq!(copy.cache.as_ref().unwrap().lock().unwrap().capacity(), 1000);
        let other_key = SecretKey::from_bytes(b"another-secret-of-32-bytes-or-more".to_vec()).unwrap();
        let other = cached_verifier_with(other_key, r#"{"cache":true}"#);
        assert_eq!(other.verify(&token, at(NOW)).unwrap_err().code(), ErrorCode::SignatureVerificationFailed);
        assert!(Verifier::new(key(), Validation::default()).unwrap().cache.is_none());
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
