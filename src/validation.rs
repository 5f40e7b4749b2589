//! Verification options: what the caller passes ([`VerifyOptions`], jose's names) and the
//! checked, normalised form the verifier runs on ([`Validation`]).

use crate::algorithms::{Algorithm, AlgorithmSet};
use crate::cache::{DEFAULT_CACHE_ENTRIES, MAX_CACHE_ENTRIES};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Raw};
use crate::options::{options_invalid, OptionObject, CURRENT_DATE};
use crate::time::Duration;
use crate::token::DEFAULT_MAX_TOKEN_LEN;

/// A string or a list of strings, as jose's `issuer` and `audience` options.
#[derive(Clone, Debug, PartialEq)]
pub enum OneOrMany {
    /// One value.
    One(String),
    /// Any of several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values as a non-empty list of non-empty strings.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID`.
    pub fn to_list(&self, option: &str) -> Result<Vec<String>> {
        let list = match self {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        };
        if list.is_empty() || list.iter().any(String::is_empty) {
            return Err(options_invalid(format!("\"{option}\" must be a non-empty string or a non-empty array of them")));
        }
        Ok(list)
    }
}

/// The `cache` option of `createVerifier`, as given (`false` reads as absent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CacheOption {
    /// `true`: 1000 entries.
    DefaultSize,
    /// A number of entries: a whole number from 1 to 1,000,000 (checked by
    /// [`Validation::for_verifier`]).
    Entries(f64),
}

impl CacheOption {
    /// The number of entries.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID` out of range.
    pub fn entries(self) -> Result<usize> {
        match self {
            CacheOption::DefaultSize => Ok(DEFAULT_CACHE_ENTRIES),
            CacheOption::Entries(entries) => {
                #[allow(clippy::cast_precision_loss)] // a million is exact in f64
                let max = MAX_CACHE_ENTRIES as f64;
                whole_in_range(entries, max).ok_or_else(|| options_invalid(CACHE_EXPECTED))
            }
        }
    }

    /// Reads the option: `true`, `false` (absent) or a number. Errors: `ERR_OPTIONS_INVALID`.
    fn read(object: &OptionObject<'_>, name: &str, raw: Raw<'_>) -> Result<Option<Self>> {
        match object.boolean(name, raw) {
            Ok(on) => Ok(on.then_some(CacheOption::DefaultSize)),
            Err(_) => {
                let entries = object.number(name, raw).map_err(|_| match json::is_null(raw) {
                    true => options_invalid(CACHE_NULL),
                    false => options_invalid(CACHE_EXPECTED),
                })?;
                Ok(Some(CacheOption::Entries(entries)))
            }
        }
    }
}

const CACHE_EXPECTED: &str = "\"cache\" must be true, false or a whole number of entries from 1 to 1000000";
const CACHE_NULL: &str =
    "\"cache\" must be true, false or a whole number of entries from 1 to 1000000, not null (leave it out for no cache)";
// CACHE_EXPECTED, CACHE_NULL and CacheOption's docs say these in words.
const _: () = assert!(MAX_CACHE_ENTRIES == 1_000_000 && DEFAULT_CACHE_ENTRIES == 1000, "1,000,000 and 1000");

/// The largest `maxTokenLength` accepted: 2^32 bytes.
const MAX_TOKEN_LENGTH_OPTION: f64 = 4_294_967_296.0;

/// Options of `jwtVerify` and `createVerifier`, with jose's names. Unknown names are refused.
/// (`currentDate` is read by the JavaScript binding, which turns it into the `now` argument.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyOptions {
    /// Allowed `alg` values. Defaults to HS256, HS384 and HS512.
    pub algorithms: Option<Vec<String>>,
    /// Required `iss`, or any of several. Defaults to no check.
    pub issuer: Option<OneOrMany>,
    /// Required `aud` (any overlap with the token's). Defaults to no check.
    pub audience: Option<OneOrMany>,
    /// Required `sub`. Defaults to no check.
    pub subject: Option<String>,
    /// Required header `typ`, case-insensitive, `application/` optional. Defaults to no check.
    pub typ: Option<String>,
    /// Leeway for `exp`, `nbf` and `iat` checks. Defaults to 0 seconds.
    pub clock_tolerance: Option<Duration>,
    /// Largest accepted age (now minus `iat`); makes `iat` required. Defaults to no limit.
    pub max_token_age: Option<Duration>,
    /// Claims that must be present. Defaults to none.
    pub required_claims: Option<Vec<String>>,
    /// Critical header extensions the caller understands (name to jose's "must be integrity
    /// protected" flag, which every compact-JWS header parameter is, so only the names count).
    /// Defaults to none beyond `b64`.
    pub crit: Option<Vec<(String, bool)>>,
    /// Longest accepted token in bytes. Defaults to 65536.
    pub max_token_length: Option<f64>,
    /// `createVerifier` only: keep successful verifications for exact repeats of a token.
    /// Defaults to no cache.
    pub cache: Option<CacheOption>,
}

impl VerifyOptions {
    /// The names an unknown option's message lists (`currentDate` arrives apart, as a `Date`).
    pub(crate) const NAMES: [&'static str; 12] = [
        "algorithms", "issuer", "audience", "subject", "typ", "clockTolerance", "maxTokenAge",
        "requiredClaims", "crit", "maxTokenLength", CURRENT_DATE, "cache (createVerifier only)",
    ];

    /// Reads options from a JSON object, e.g. `{"issuer":"me","clockTolerance":"30s"}`.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID` for an unknown name or a value of the wrong type.
    pub fn from_json(text: &str) -> Result<Self> {
        let object = OptionObject::parse(text, ErrorCode::OptionsInvalid)?;
        let mut options = VerifyOptions::default();
        for (name, raw) in object.present() {
            match name {
                "algorithms" => options.algorithms = Some(object.strings(name, raw)?),
                "issuer" => options.issuer = Some(object.one_or_many(name, raw)?),
                "audience" => options.audience = Some(object.one_or_many(name, raw)?),
                "subject" => options.subject = Some(object.string(name, raw)?),
                "typ" => options.typ = Some(object.string(name, raw)?),
                "clockTolerance" => options.clock_tolerance = Some(object.duration(name, raw)?),
                "maxTokenAge" => options.max_token_age = Some(object.duration(name, raw)?),
                "requiredClaims" => options.required_claims = Some(object.strings(name, raw)?),
                "crit" => options.crit = Some(object.flags(name, raw)?),
                "maxTokenLength" => options.max_token_length = Some(object.number(name, raw)?),
                "cache" => options.cache = CacheOption::read(&object, name, raw)?,
                _ => return Err(object.unknown(name, &Self::NAMES)),
            }
        }
        Ok(options)
    }
}

/// Checked, normalised verification rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// Allowed algorithms.
    pub algorithms: AlgorithmSet,
    /// Whether the caller named the algorithms (decides `ERR_JOSE_ALG_NOT_ALLOWED` versus
    /// `ERR_JOSE_NOT_SUPPORTED` for an `alg` outside them, as jose does).
    pub algorithms_explicit: bool,
    /// Critical extensions the caller recognises.
    pub crit: Vec<String>,
    /// Longest accepted token in bytes.
    pub max_token_len: usize,
    /// Claim rules.
    pub claims: ClaimRules,
}

/// Rules for the claims set and the header `typ`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimRules {
    /// Accepted `iss` values.
    pub issuer: Option<Vec<String>>,
    /// Required `sub`.
    pub subject: Option<String>,
    /// Accepted `aud` values.
    pub audience: Option<Vec<String>>,
    /// Required `typ`, compared with the header's ignoring ASCII case only (jose lower-cases all
    /// of Unicode), with an `application/` prefix optional where RFC 7515 section 4.1.9 lets a
    /// producer omit it.
    pub typ: Option<String>,
    /// Claims that must be present, in the caller's order.
    pub required: Vec<String>,
    /// Leeway in seconds for time claims. [`Validation::new`] makes it finite and not negative; a
    /// value set by hand is not checked (an infinite one accepts every expired token; a NaN makes
    /// every time check refuse). Defaults to 0.
    pub clock_tolerance_secs: f64,
    /// Largest accepted age in seconds, counted from `iat`. [`Validation::new`] makes it finite and
    /// not negative; a value set by hand is not checked (infinity is no limit; a NaN refuses every
    /// token with an `iat`). Defaults to none.
    pub max_token_age_secs: Option<f64>,
}

impl Default for Validation {
    fn default() -> Self {
        Validation {
            algorithms: AlgorithmSet::HMAC,
            algorithms_explicit: false,
            crit: Vec::new(),
            max_token_len: DEFAULT_MAX_TOKEN_LEN,
            claims: ClaimRules::default(),
        }
    }
}

impl Validation {
    /// Checks and normalises the options of a one-shot verification.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID` for a value out of range and for `cache` (only a prepared verifier
    /// keeps one), `ERR_JOSE_NOT_SUPPORTED` for an algorithm this library does not implement.
    pub fn new(options: &VerifyOptions) -> Result<Self> {
        if options.cache.is_some() {
            return Err(options_invalid("cache applies to createVerifier: a one-shot jwtVerify keeps nothing"));
        }
        Validation::rules(options)
    }

    /// Checks and normalises the options of a prepared verifier: the rules, and how many verified
    /// tokens it keeps (`None`: no cache).
    ///
    /// # Errors
    /// As [`Validation::new`], with `cache` allowed.
    pub fn for_verifier(options: &VerifyOptions) -> Result<(Self, Option<usize>)> {
        let validation = Validation::rules(options)?;
        let cache_entries = options.cache.map(CacheOption::entries).transpose()?;
        Ok((validation, cache_entries))
    }

    fn rules(options: &VerifyOptions) -> Result<Self> {
        let mut validation = Validation::default();
        if let Some(names) = &options.algorithms {
            if names.is_empty() || names.iter().any(String::is_empty) {
                return Err(options_invalid("\"algorithms\" must be a non-empty array of algorithm names"));
            }
            validation.algorithms = names.iter().map(|name| Algorithm::parse(name, "\"algorithms\"")).collect::<Result<_>>()?;
            validation.algorithms_explicit = true;
        }
        if let Some(crit) = &options.crit {
            validation.crit = crit.iter().map(|(name, _)| name.clone()).collect();
        }
        if let Some(max) = options.max_token_length {
            validation.max_token_len = whole_in_range(max, MAX_TOKEN_LENGTH_OPTION)
                .ok_or_else(|| options_invalid("\"maxTokenLength\" must be a whole number of bytes from 1 to 2^32"))?;
        }
        let claims = &mut validation.claims;
        claims.issuer = options.issuer.as_ref().map(|v| v.to_list("issuer")).transpose()?;
        claims.audience = options.audience.as_ref().map(|v| v.to_list("audience")).transpose()?;
        claims.subject = non_empty(options.subject.as_ref(), "subject")?;
        claims.typ = non_empty(options.typ.as_ref(), "typ")?;
        claims.required = options.required_claims.clone().unwrap_or_default();
        if claims.required.iter().any(String::is_empty) {
            return Err(options_invalid("\"requiredClaims\" must hold non-empty claim names"));
        }
        if let Some(tolerance) = &options.clock_tolerance {
            claims.clock_tolerance_secs = tolerance.to_non_negative_secs("clockTolerance")?;
        }
        claims.max_token_age_secs =
            options.max_token_age.as_ref().map(|age| age.to_non_negative_secs("maxTokenAge")).transpose()?;
        Ok(validation)
    }

    /// The algorithm for a token's `alg`, if allowed.
    ///
    /// # Errors
    /// `ERR_JOSE_ALG_NOT_ALLOWED` when the caller named the algorithms (or left out one this
    /// library implements, as a Rust caller may by setting `algorithms` alone), else
    /// `ERR_JOSE_NOT_SUPPORTED` (unknown or `none`).
    pub fn allowed_algorithm(&self, alg: &str) -> Result<Algorithm> {
        let known = Algorithm::from_name(alg);
        match known {
            Some(alg) if self.algorithms.contains(alg) => Ok(alg),
            _ if self.algorithms_explicit || known.is_some() => {
                Err(Error::new(ErrorCode::AlgNotAllowed, "the token's \"alg\" is not in the \"algorithms\" option"))
            }
            // An unsecured token is said as such: it is never accepted, whatever the options.
            _ if alg == "none" => Err(Error::new(ErrorCode::NotSupported, "the token is unsecured (\"alg\": \"none\"), which is never accepted")),
            _ => Err(Error::new(ErrorCode::NotSupported, format!("the token's \"alg\" is not supported ({})", crate::algorithms::SUPPORTED))),
        }
    }
}

/// Whether a token's `typ` is the `expected` one, as jose compares them but for case: ignoring
/// ASCII case only (media types are ASCII, RFC 2045; jose lower-cases all of Unicode), and with
/// `application/` dropped only where RFC 7515 section 4.1.9 lets a producer omit it (when no
/// other `/` follows), so `application/x/y` stays distinct from the media type `x/y`. Both sides
/// are treated alike, with no allocation.
pub fn typ_matches(typ: &str, expected: &str) -> bool {
    fn short(typ: &str) -> &str {
        const PREFIX: &str = "application/";
        match (typ.get(..PREFIX.len()), typ.get(PREFIX.len()..)) {
            (Some(head), Some(rest)) if head.eq_ignore_ascii_case(PREFIX) && !rest.contains('/') => rest,
            _ => typ,
        }
    }
    short(typ).eq_ignore_ascii_case(short(expected))
}

fn non_empty(value: Option<&String>, option: &str) -> Result<Option<String>> {
    match value {
        Some(v) if v.is_empty() => Err(options_invalid(format!("\"{option}\" must be a non-empty string"))),
        other => Ok(other.cloned()),
    }
}

/// A whole number from 1 to `max`.
fn whole_in_range(value: f64, max: f64) -> Option<usize> {
    let in_range = value.fract() == 0.0 && (1.0..=max).contains(&value);
    // Whole and in range; on a 32-bit target (wasm32) 2^32 saturates to usize::MAX, a length no
    // string reaches.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    in_range.then_some(value as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(json: &str) -> VerifyOptions {
        VerifyOptions::from_json(json).unwrap()
    }

    #[test]
    fn defaults_allow_the_hmac_family_only() {
        let v = Validation::new(&VerifyOptions::default()).unwrap();
        assert_eq!(v.algorithms, AlgorithmSet::HMAC);
        assert_eq!(v.max_token_len, 65_536);
        assert_eq!(v.allowed_algorithm("none").unwrap_err().code(), ErrorCode::NotSupported);
        assert_eq!(v.allowed_algorithm("RS256").unwrap_err().code(), ErrorCode::NotSupported);
    }

    #[test]
    fn an_unsecured_token_is_said_as_such_and_only_alg_none_is() {
        let v = Validation::new(&VerifyOptions::default()).unwrap();
        let none = v.allowed_algorithm("none").unwrap_err();
        assert_eq!((none.code(), none.message()), (ErrorCode::NotSupported, "the token is unsecured (\"alg\": \"none\"), which is never accepted"));
        for other in ["RS256", "None", "NONE", "none ", ""] {
            let error = v.allowed_algorithm(other).unwrap_err();
            assert_eq!(error.code(), ErrorCode::NotSupported, "{other:?}");
            assert!(error.message().starts_with("the token's \"alg\" is not supported ("), "{other:?}: {}", error.message());
        }
    }

    #[test]
    fn named_algorithms_are_an_allowlist() {
        let v = Validation::new(&options(r#"{"algorithms":["HS512"]}"#)).unwrap();
        assert_eq!(v.allowed_algorithm("HS512").unwrap(), Algorithm::HS512);
        assert_eq!(v.allowed_algorithm("HS256").unwrap_err().code(), ErrorCode::AlgNotAllowed);
        assert_eq!(v.allowed_algorithm("none").unwrap_err().code(), ErrorCode::AlgNotAllowed);
        // Set from Rust without algorithms_explicit: an implemented algorithm left out is not
        // allowed, not "not supported"; what is not implemented stays not supported.
        let rust = Validation { algorithms: AlgorithmSet::EMPTY.with(Algorithm::HS512), ..Validation::default() };
        assert_eq!(rust.allowed_algorithm("HS256").unwrap_err().code(), ErrorCode::AlgNotAllowed);
        assert_eq!(rust.allowed_algorithm("RS256").unwrap_err().code(), ErrorCode::NotSupported);
        assert_eq!(rust.allowed_algorithm("none").unwrap_err().code(), ErrorCode::NotSupported);
    }

    #[test]
    fn refuses_unknown_names_and_wrong_types() {
        for json in [
            r#"{"issuers":"a"}"#, r#"{"issuer":5}"#, r#"{"clockTolerance":true}"#, r#"{"algorithms":"HS256"}"#,
            r#"{"crit":{"x":1}}"#, r#"{"maxTokenLength":"1"}"#, r#"[]"#, r#"{"subject":"a","subject":"b"}"#,
        ] {
            assert_eq!(VerifyOptions::from_json(json).unwrap_err().code(), ErrorCode::OptionsInvalid, "{json}");
        }
        // null is refused, never taken as "no check".
        for json in [r#"{"issuer":null}"#, r#"{"audience":null}"#, r#"{"maxTokenAge":null}"#, r#"{"subject":null}"#] {
            assert_eq!(VerifyOptions::from_json(json).unwrap_err().code(), ErrorCode::OptionsInvalid, "{json}");
        }
    }

    #[test]
    fn refuses_values_out_of_range() {
        let cases = [
            (r#"{"algorithms":[]}"#, ErrorCode::OptionsInvalid),
            (r#"{"algorithms":[""]}"#, ErrorCode::OptionsInvalid),
            (r#"{"algorithms":["HS256",""]}"#, ErrorCode::OptionsInvalid),
            (r#"{"algorithms":["none"]}"#, ErrorCode::NotSupported),
            (r#"{"algorithms":["RS256"]}"#, ErrorCode::NotSupported),
            (r#"{"issuer":[]}"#, ErrorCode::OptionsInvalid),
            (r#"{"audience":""}"#, ErrorCode::OptionsInvalid),
            (r#"{"subject":""}"#, ErrorCode::OptionsInvalid),
            (r#"{"clockTolerance":-1}"#, ErrorCode::OptionsInvalid),
            (r#"{"clockTolerance":"soon"}"#, ErrorCode::OptionsInvalid),
            (r#"{"maxTokenAge":"-1h"}"#, ErrorCode::OptionsInvalid),
            (r#"{"maxTokenLength":0}"#, ErrorCode::OptionsInvalid),
            (r#"{"maxTokenLength":1.5}"#, ErrorCode::OptionsInvalid),
            (r#"{"requiredClaims":[""]}"#, ErrorCode::OptionsInvalid),
        ];
        for (json, code) in cases {
            assert_eq!(Validation::new(&options(json)).unwrap_err().code(), code, "{json}");
        }
    }

    #[test]
    fn cache_is_true_false_or_a_whole_number_of_entries() {
        let entries = |json: &str| Validation::for_verifier(&options(json)).map(|(_, entries)| entries);
        assert_eq!(entries("{}"), Ok(None));
        assert_eq!(entries(r#"{"cache":false}"#), Ok(None));
        assert_eq!(VerifyOptions::from_json(r#"{"cache":null}"#).unwrap_err().code(), ErrorCode::OptionsInvalid);
        assert_eq!(entries(r#"{"cache":true}"#), Ok(Some(1000)));
        assert_eq!(entries(r#"{"cache":1}"#), Ok(Some(1)));
        assert_eq!(entries(r#"{"cache":1e6}"#), Ok(Some(1_000_000)));
        let out_of_range =
            [r#"{"cache":0}"#, r#"{"cache":-1}"#, r#"{"cache":1.5}"#, r#"{"cache":1000001}"#, r#"{"cache":-0}"#];
        for json in out_of_range {
            assert_eq!(entries(json).unwrap_err().code(), ErrorCode::OptionsInvalid, "{json}");
        }
        let wrong_type =
            [r#"{"cache":"1000"}"#, r#"{"cache":{}}"#, r#"{"cache":[1]}"#, r#"{"cache":"true"}"#, r#"{"cache":1e400}"#];
        for json in wrong_type {
            assert_eq!(VerifyOptions::from_json(json).unwrap_err().code(), ErrorCode::OptionsInvalid, "{json}");
        }
    }

    #[test]
    fn a_one_shot_verification_refuses_cache() {
        for json in [r#"{"cache":true}"#, r#"{"cache":10}"#, r#"{"cache":0}"#] {
            let error = Validation::new(&options(json)).unwrap_err();
            assert_eq!(error.code(), ErrorCode::OptionsInvalid, "{json}");
            assert!(error.message().contains("createVerifier"), "{}", error.message());
        }
        assert!(Validation::new(&options(r#"{"cache":false}"#)).is_ok(), "false is no cache");
    }

    #[test]
    fn the_prepared_verifier_checks_the_same_rules() {
        for json in [r#"{"algorithms":[]}"#, r#"{"clockTolerance":-1}"#, r#"{"algorithms":["RS256"]}"#] {
            let refused = Validation::new(&options(json)).unwrap_err();
            assert_eq!(Validation::for_verifier(&options(json)).unwrap_err(), refused, "{json}");
        }
        let json = r#"{"issuer":"me","clockTolerance":5,"maxTokenAge":"1h"}"#;
        assert_eq!(Validation::for_verifier(&options(json)).unwrap(), (Validation::new(&options(json)).unwrap(), None));
    }

    #[test]
    fn normalises_durations_and_keeps_typ_as_given() {
        let v = Validation::new(&options(r#"{"clockTolerance":"2m","maxTokenAge":30,"typ":"Application/AT+JWT"}"#)).unwrap();
        assert_eq!(v.claims.clock_tolerance_secs, 120.0);
        assert_eq!(v.claims.max_token_age_secs, Some(30.0));
        // Compared by typ_matches, which treats both sides alike.
        assert_eq!(v.claims.typ.as_deref(), Some("Application/AT+JWT"));
    }
}
