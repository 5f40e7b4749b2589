//! Claims set validation (RFC 7519 section 4.1), in jose's order and with jose's outcomes:
//! `typ`, presence, `iss`, `sub`, `aud`, then the time claims `iat`, `nbf`, `exp`, token age.

use core::cmp::Ordering;

use crate::error::{ClaimReason, Error, ErrorCode, Result};
use crate::json::{self, Members, ObjectError};
use crate::time::{Now, UnixTime};
use crate::validation::{typ_matches, ClaimRules};

/// Parses a claims set. Errors: `ERR_JWT_INVALID` unless it is a JSON object with distinct
/// member names.
pub fn parse_claims(text: &str) -> Result<Members<'_>> {
    Members::parse(text).map_err(|e| match e {
        ObjectError::NotAnObject => Error::new(ErrorCode::JwtInvalid, "the claims set is not a JSON object (or is not valid JSON, such as a string with a lone UTF-16 surrogate)"),
        ObjectError::DuplicateMember => Error::new(ErrorCode::JwtInvalid, "the claims set has a duplicate member name"),
    })
}

/// Reads a time claim (`exp`, `nbf`, `iat`): absent is `None`; present but not a finite number
/// is `ERR_JWT_CLAIM_VALIDATION_FAILED` with reason `invalid`.
pub fn time_claim(claims: &Members<'_>, name: &'static str) -> Result<Option<f64>> {
    let Some(raw) = claims.get(name) else { return Ok(None) };
    match json::as_number(raw) {
        Some(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(Error::claim(
            ErrorCode::ClaimValidationFailed,
            name,
            ClaimReason::Invalid,
            format!("the \"{name}\" claim must be a finite number"),
        )),
    }
}

/// Whether a token with this `exp` has expired: `exp <= now - tolerance` (RFC 7519 4.1.4). A
/// comparison that cannot be made (a NaN tolerance in hand-built [`ClaimRules`]) counts as
/// expired: it fails closed.
pub fn is_expired(exp: f64, now: UnixTime, tolerance_secs: f64) -> bool {
    !matches!(exp.partial_cmp(&(now.as_secs() - tolerance_secs)), Some(Ordering::Greater))
}

/// Whether a token with this `nbf` is not yet valid: `nbf > now + tolerance` (RFC 7519 4.1.5).
/// A comparison that cannot be made counts as not yet valid: it fails closed.
pub fn is_not_yet_valid(nbf: f64, now: UnixTime, tolerance_secs: f64) -> bool {
    !matches!(nbf.partial_cmp(&(now.as_secs() + tolerance_secs)), Some(Ordering::Less | Ordering::Equal))
}

/// The time claims of a claims set that passed validation, kept with a cached verification so
/// that a hit judges them again without parsing JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TimeClaims {
    /// `iat`, seconds since the epoch.
    pub iat: Option<f64>,
    /// `nbf`, seconds since the epoch.
    pub nbf: Option<f64>,
    /// `exp`, seconds since the epoch.
    pub exp: Option<f64>,
}

/// The time claims' names, in the order verification reads them (so that every caller reports
/// the same claim when several are bad).
pub const TIME_CLAIMS: [&str; 3] = [TimeClaim::Iat.name(), TimeClaim::Nbf.name(), TimeClaim::Exp.name()];

/// One of the time claims.
#[derive(Clone, Copy)]
enum TimeClaim {
    Iat,
    Nbf,
    Exp,
}

impl TimeClaim {
    const fn name(self) -> &'static str {
        match self {
            TimeClaim::Iat => "iat",
            TimeClaim::Nbf => "nbf",
            TimeClaim::Exp => "exp",
        }
    }
}

impl TimeClaims {
    fn get(&self, which: TimeClaim) -> Option<f64> {
        match which {
            TimeClaim::Iat => self.iat,
            TimeClaim::Nbf => self.nbf,
            TimeClaim::Exp => self.exp,
        }
    }
}

/// Validates a claims set against `rules` at `now`, which is asked for the time only after `typ`,
/// the required claims, `iss`, `sub` and `aud` passed (jose's order). `header` supplies `typ`.
/// Returns the time claims it read.
/// Errors: `ERR_JWT_EXPIRED` (claim `exp`, or `iat` past `maxTokenAge`) and
/// `ERR_JWT_CLAIM_VALIDATION_FAILED` for everything else, each with `claim` and `reason`.
pub fn validate(header: &Members<'_>, claims: &Members<'_>, rules: &ClaimRules, now: impl Now) -> Result<TimeClaims> {
    if let Some(expected) = &rules.typ {
        // check_failed either way, as in jose: the option asks for the header parameter.
        let Some(typ) = header.get("typ") else {
            return Err(check_failed("typ", "the \"typ\" header parameter is missing"));
        };
        if json::as_str(typ).is_none_or(|typ| !typ_matches(&typ, expected)) {
            return Err(check_failed("typ", "the \"typ\" header parameter does not match the \"typ\" option"));
        }
    }
    for name in required_claims(rules) {
        if !claims.contains(name) {
            return Err(Error::claim(
                ErrorCode::ClaimValidationFailed,
                name,
                ClaimReason::Missing,
                format!("the required \"{name}\" claim is missing"),
            ));
        }
    }
    if let Some(issuers) = &rules.issuer {
        if !string_claim_in(claims, "iss", issuers) {
            return Err(check_failed("iss", "the \"iss\" claim does not match the \"issuer\" option"));
        }
    }
    if let Some(subject) = &rules.subject {
        if !string_claim_in(claims, "sub", std::slice::from_ref(subject)) {
            return Err(check_failed("sub", "the \"sub\" claim does not match the \"subject\" option"));
        }
    }
    if let Some(audiences) = &rules.audience {
        if !audience_matches(claims, audiences) {
            return Err(check_failed("aud", "the \"aud\" claim holds none of the \"audience\" option's values"));
        }
    }
    check_times(|which| time_claim(claims, which.name()), rules, now)
}

/// Judges the time claims of a token that passed [`validate`] earlier (a cache hit) at `now`:
/// the same checks, errors and order as a full validation, which differs only in the time.
pub fn recheck_times(times: &TimeClaims, rules: &ClaimRules, now: impl Now) -> Result<()> {
    check_times(|which| Ok(times.get(which)), rules, now).map(|_| ())
}

/// The time checks, for a full validation and a cache hit alike, in jose's order: the clock
/// asked, `iat` read, `nbf` read and checked, `exp` read and checked, then the age from `iat`.
/// `read` gives a claim's value: parsed from the claims set, or kept from an earlier validation.
fn check_times(
    mut read: impl FnMut(TimeClaim) -> Result<Option<f64>>,
    rules: &ClaimRules,
    now: impl Now,
) -> Result<TimeClaims> {
    let now = now.now()?;
    let tolerance = rules.clock_tolerance_secs;
    let iat = read(TimeClaim::Iat)?;
    let nbf = read(TimeClaim::Nbf)?;
    if let Some(nbf) = nbf {
        if is_not_yet_valid(nbf, now, tolerance) {
            return Err(check_failed("nbf", "the token is not valid yet (\"nbf\" is in the future)"));
        }
    }
    let exp = read(TimeClaim::Exp)?;
    if let Some(exp) = exp {
        if is_expired(exp, now, tolerance) {
            return Err(Error::claim(ErrorCode::Expired, "exp", ClaimReason::CheckFailed, "the token has expired"));
        }
    }
    if let (Some(max_age), Some(iat)) = (rules.max_token_age_secs, iat) {
        let age = now.as_secs() - iat;
        // Too old unless known not to be (a NaN in hand-built rules fails closed).
        if !matches!((age - tolerance).partial_cmp(&max_age), Some(Ordering::Less | Ordering::Equal)) {
            return Err(Error::claim(
                ErrorCode::Expired,
                "iat",
                ClaimReason::CheckFailed,
                "the token is older than the \"maxTokenAge\" option allows",
            ));
        }
        if age < -tolerance {
            return Err(check_failed("iat", "the \"iat\" claim is in the future"));
        }
    }
    Ok(TimeClaims { iat, nbf, exp })
}

/// Claims that must be present: the options that name a claim, then `requiredClaims` in
/// reverse (the order jose reports a missing claim in). A name listed twice is simply checked
/// twice: the first missing claim is the same as with duplicates removed, and nothing allocates.
fn required_claims(rules: &ClaimRules) -> impl Iterator<Item = &str> {
    let implied = [
        ("iss", rules.issuer.is_some()),
        ("sub", rules.subject.is_some()),
        ("aud", rules.audience.is_some()),
        ("iat", rules.max_token_age_secs.is_some()),
    ];
    let implied = implied.into_iter().filter(|(_, on)| *on).map(|(name, _)| name);
    implied.chain(rules.required.iter().rev().map(String::as_str))
}

fn string_claim_in(claims: &Members<'_>, name: &str, accepted: &[String]) -> bool {
    claims.get(name).and_then(json::as_str).is_some_and(|value| accepted.iter().any(|a| *a == value))
}

/// `aud` may be one string or an array; any string in common passes (RFC 7519 4.1.3).
fn audience_matches(claims: &Members<'_>, accepted: &[String]) -> bool {
    let Some(aud) = claims.get("aud") else { return false };
    if let Some(one) = json::as_str(aud) {
        return accepted.iter().any(|a| *a == one);
    }
    json::as_array(aud).is_some_and(|items| {
        items.into_iter().filter_map(json::as_str).any(|item| accepted.iter().any(|a| *a == item))
    })
}

fn check_failed(claim: &str, message: &'static str) -> Error {
    Error::claim(ErrorCode::ClaimValidationFailed, claim, ClaimReason::CheckFailed, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    fn check(claims: &str, rules: &ClaimRules) -> Result<()> {
        check_with_header(r#"{"alg":"HS256"}"#, claims, rules)
    }

    fn check_with_header(header: &str, claims: &str, rules: &ClaimRules) -> Result<()> {
        validate(&Members::parse(header).unwrap(), &Members::parse(claims).unwrap(), rules, UnixTime::from_secs(NOW))
            .map(|_| ())
    }

    fn failure(result: Result<()>) -> (ErrorCode, String, &'static str) {
        let e = result.unwrap_err();
        (e.code(), e.claim_name().unwrap_or_default().to_owned(), e.reason().map_or("", ClaimReason::as_str))
    }

    #[test]
    fn time_rules_that_cannot_be_compared_fail_closed() {
        // Rules built by hand can hold a NaN, which no comparison orders: every check it takes
        // part in refuses, rather than passing a token it cannot judge.
        let tolerance = ClaimRules { clock_tolerance_secs: f64::NAN, ..ClaimRules::default() };
        assert_eq!(failure(check(r#"{"exp":2000000}"#, &tolerance)).0, ErrorCode::Expired);
        assert_eq!(failure(check(r#"{"nbf":1}"#, &tolerance)).1, "nbf");
        let age = ClaimRules { max_token_age_secs: Some(f64::NAN), ..ClaimRules::default() };
        assert_eq!(failure(check(r#"{"iat":999999}"#, &age)), (ErrorCode::Expired, "iat".into(), "check_failed"));
        // Ordered comparisons are unchanged.
        assert!(check(r#"{"iat":999999,"nbf":1000000,"exp":1000001}"#, &ClaimRules { max_token_age_secs: Some(1.0), ..ClaimRules::default() }).is_ok());
    }

    #[test]
    fn expires_exactly_at_exp_unless_tolerated() {
        let rules = ClaimRules::default();
        assert!(check(r#"{"exp":1000001}"#, &rules).is_ok());
        assert_eq!(failure(check(r#"{"exp":1000000}"#, &rules)), (ErrorCode::Expired, "exp".into(), "check_failed"));
        let lenient = ClaimRules { clock_tolerance_secs: 1.0, ..ClaimRules::default() };
        assert!(check(r#"{"exp":1000000}"#, &lenient).is_ok());
        assert!(check(r#"{"exp":999999}"#, &lenient).is_err());
    }

    #[test]
    fn is_not_valid_before_nbf_unless_tolerated() {
        let rules = ClaimRules::default();
        assert!(check(r#"{"nbf":1000000}"#, &rules).is_ok());
        assert_eq!(
            failure(check(r#"{"nbf":1000001}"#, &rules)),
            (ErrorCode::ClaimValidationFailed, "nbf".into(), "check_failed")
        );
        let lenient = ClaimRules { clock_tolerance_secs: 1.0, ..ClaimRules::default() };
        assert!(check(r#"{"nbf":1000001}"#, &lenient).is_ok());
    }

    #[test]
    fn time_claims_must_be_finite_numbers() {
        for (claims, name) in [
            (r#"{"exp":"1000001"}"#, "exp"),
            (r#"{"exp":null}"#, "exp"),
            (r#"{"exp":true}"#, "exp"),
            (r#"{"exp":1e400}"#, "exp"),
            (r#"{"nbf":[1]}"#, "nbf"),
            (r#"{"iat":{}}"#, "iat"),
        ] {
            assert_eq!(
                failure(check(claims, &ClaimRules::default())),
                (ErrorCode::ClaimValidationFailed, name.into(), "invalid"),
                "{claims}"
            );
        }
    }

    #[test]
    fn huge_and_negative_times_do_not_overflow() {
        assert!(check(r#"{"exp":1.7976931348623157e308}"#, &ClaimRules::default()).is_ok());
        assert!(check(r#"{"exp":-1.7976931348623157e308}"#, &ClaimRules::default()).is_err());
        let huge = ClaimRules { clock_tolerance_secs: f64::MAX, ..ClaimRules::default() };
        assert!(check(r#"{"exp":-1e308,"nbf":1e308}"#, &huge).is_ok());
    }

    #[test]
    fn an_option_naming_a_claim_makes_it_required() {
        let rules = ClaimRules { issuer: Some(vec!["a".into()]), ..ClaimRules::default() };
        assert_eq!(failure(check("{}", &rules)), (ErrorCode::ClaimValidationFailed, "iss".into(), "missing"));
        let rules = ClaimRules { max_token_age_secs: Some(10.0), ..ClaimRules::default() };
        assert_eq!(failure(check("{}", &rules)), (ErrorCode::ClaimValidationFailed, "iat".into(), "missing"));
    }

    #[test]
    fn reports_missing_claims_in_jose_order() {
        let rules = ClaimRules {
            subject: Some("s".into()),
            required: vec!["a".into(), "b".into()],
            ..ClaimRules::default()
        };
        assert_eq!(failure(check("{}", &rules)).1, "sub");
        assert_eq!(failure(check(r#"{"sub":"s"}"#, &rules)).1, "b");
        assert_eq!(failure(check(r#"{"sub":"s","b":0}"#, &rules)).1, "a");
        assert!(check(r#"{"sub":"s","a":null,"b":0}"#, &rules).is_ok());
    }

    #[test]
    fn issuer_and_subject_must_match_as_strings() {
        let rules = ClaimRules { issuer: Some(vec!["a".into(), "b".into()]), ..ClaimRules::default() };
        assert!(check(r#"{"iss":"b"}"#, &rules).is_ok());
        assert_eq!(failure(check(r#"{"iss":"c"}"#, &rules)).2, "check_failed");
        assert_eq!(failure(check(r#"{"iss":["a"]}"#, &rules)).2, "check_failed");
        let rules = ClaimRules { subject: Some("1".into()), ..ClaimRules::default() };
        assert_eq!(failure(check(r#"{"sub":1}"#, &rules)).2, "check_failed");
    }

    #[test]
    fn audience_passes_on_any_overlap() {
        let rules = ClaimRules { audience: Some(vec!["api".into(), "web".into()]), ..ClaimRules::default() };
        assert!(check(r#"{"aud":"web"}"#, &rules).is_ok());
        assert!(check(r#"{"aud":["x","api"]}"#, &rules).is_ok());
        assert!(check(r#"{"aud":[1,null,"api"]}"#, &rules).is_ok());
        for aud in [r#""x""#, r#"["x"]"#, "[]", "1", "null", r#"{"api":1}"#] {
            let claims = format!(r#"{{"aud":{aud}}}"#);
            assert_eq!(failure(check(&claims, &rules)), (ErrorCode::ClaimValidationFailed, "aud".into(), "check_failed"));
        }
    }

    #[test]
    fn typ_is_case_insensitive_and_application_prefix_optional() {
        // Either side in any case, with or without the prefix: rules built by hand are compared
        // as those Validation::new makes from options.
        for expected in ["at+jwt", "AT+JWT", "application/at+jwt", "Application/At+Jwt"] {
            let rules = ClaimRules { typ: Some(expected.into()), ..ClaimRules::default() };
            for typ in ["at+jwt", "AT+JWT", "application/at+jwt", "Application/At+Jwt"] {
                let header = format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#);
                assert!(check_with_header(&header, "{}", &rules).is_ok(), "{typ} {expected}");
            }
        }
        let rules = ClaimRules { typ: Some("at+jwt".into()), ..ClaimRules::default() };
        for (header, message) in [
            (r#"{"alg":"HS256","typ":"JWT"}"#, "the \"typ\" header parameter does not match the \"typ\" option"),
            (r#"{"alg":"HS256","typ":1}"#, "the \"typ\" header parameter does not match the \"typ\" option"),
            (r#"{"alg":"HS256"}"#, "the \"typ\" header parameter is missing"),
        ] {
            assert_eq!(failure(check_with_header(header, "{}", &rules)).1, "typ", "{header}");
            assert_eq!(check_with_header(header, "{}", &rules).unwrap_err().message(), message, "{header}");
        }
    }

    #[test]
    fn max_token_age_counts_from_iat() {
        let rules = ClaimRules { max_token_age_secs: Some(60.0), ..ClaimRules::default() };
        assert!(check(r#"{"iat":999940}"#, &rules).is_ok());
        assert_eq!(failure(check(r#"{"iat":999939}"#, &rules)), (ErrorCode::Expired, "iat".into(), "check_failed"));
        assert_eq!(
            failure(check(r#"{"iat":1000001}"#, &rules)),
            (ErrorCode::ClaimValidationFailed, "iat".into(), "check_failed")
        );
    }

    /// The tolerance widens both edges of the age check, as in jose: an `iat` up to
    /// `maxTokenAge + tolerance` in the past, or up to `tolerance` in the future, passes.
    #[test]
    fn max_token_age_allows_the_clock_tolerance_on_both_sides() {
        let rules = ClaimRules { max_token_age_secs: Some(60.0), clock_tolerance_secs: 10.0, ..ClaimRules::default() };
        for iat in [999_930, 999_995, 1_000_000, 1_000_005, 1_000_010] {
            assert!(check(&format!(r#"{{"iat":{iat}}}"#), &rules).is_ok(), "iat {iat}");
        }
        assert_eq!(failure(check(r#"{"iat":999929}"#, &rules)), (ErrorCode::Expired, "iat".into(), "check_failed"));
        assert_eq!(
            failure(check(r#"{"iat":1000011}"#, &rules)),
            (ErrorCode::ClaimValidationFailed, "iat".into(), "check_failed")
        );
    }

    #[test]
    fn validate_returns_the_time_claims_it_read() {
        let claims = Members::parse(r#"{"iat":999990,"exp":1000060.5,"sub":"x"}"#).unwrap();
        let header = Members::parse(r#"{"alg":"HS256"}"#).unwrap();
        let times = validate(&header, &claims, &ClaimRules::default(), UnixTime::from_secs(NOW)).unwrap();
        assert_eq!(times, TimeClaims { iat: Some(999_990.0), nbf: None, exp: Some(1_000_060.5) });
    }

    #[test]
    fn a_recheck_answers_as_a_full_validation_at_every_time() {
        // Claims that pass at NOW, judged again later and earlier: the kept values must give
        // exactly the error (code, claim, reason, message) a full validation gives at that time.
        let header = Members::parse(r#"{"alg":"HS256"}"#).unwrap();
        let rule_sets = [
            ClaimRules::default(),
            ClaimRules { clock_tolerance_secs: 5.0, ..ClaimRules::default() },
            ClaimRules { max_token_age_secs: Some(30.0), ..ClaimRules::default() },
            ClaimRules { max_token_age_secs: Some(30.0), clock_tolerance_secs: 5.0, ..ClaimRules::default() },
        ];
        let claim_sets = [
            "{}",
            r#"{"exp":1000010}"#,
            r#"{"nbf":999995,"exp":1000010}"#,
            r#"{"iat":999990,"nbf":1000000,"exp":1000020}"#,
            r#"{"iat":1000000,"exp":1000000.5}"#,
        ];
        for rules in &rule_sets {
            for text in claim_sets {
                let claims = Members::parse(text).unwrap();
                let Ok(kept) = validate(&header, &claims, rules, UnixTime::from_secs(NOW)) else { continue };
                for now in (NOW - 40..=NOW + 60).map(UnixTime::from_secs) {
                    let full = validate(&header, &claims, rules, now).map(|_| ());
                    assert_eq!(recheck_times(&kept, rules, now), full, "{text} at {now:?} under {rules:?}");
                }
            }
        }
    }

    #[test]
    fn a_recheck_reports_expiry_nbf_and_age_with_their_codes() {
        let times = TimeClaims { iat: Some(999_990.0), nbf: Some(999_995.0), exp: Some(1_000_010.0) };
        let at = |secs| UnixTime::from_secs(secs);
        let rules = ClaimRules::default();
        assert!(recheck_times(&times, &rules, at(NOW)).is_ok());
        let expired = failure(recheck_times(&times, &rules, at(1_000_010)));
        assert_eq!(expired, (ErrorCode::Expired, "exp".into(), "check_failed"));
        let lenient = ClaimRules { clock_tolerance_secs: 1.0, ..ClaimRules::default() };
        assert!(recheck_times(&times, &lenient, at(1_000_010)).is_ok());
        assert!(recheck_times(&times, &lenient, at(1_000_011)).is_err());
        assert_eq!(
            failure(recheck_times(&times, &rules, at(999_994))),
            (ErrorCode::ClaimValidationFailed, "nbf".into(), "check_failed")
        );
        let aged = ClaimRules { max_token_age_secs: Some(15.0), ..ClaimRules::default() };
        assert!(recheck_times(&times, &aged, at(1_000_005)).is_ok());
        let too_old = failure(recheck_times(&times, &aged, at(1_000_006)));
        assert_eq!(too_old, (ErrorCode::Expired, "iat".into(), "check_failed"));
    }

    #[test]
    fn checks_run_in_jose_order() {
        // Both aud and exp fail: aud is reported first.
        let rules = ClaimRules { audience: Some(vec!["api".into()]), ..ClaimRules::default() };
        assert_eq!(failure(check(r#"{"aud":"x","exp":1}"#, &rules)).1, "aud");
        // Both nbf and exp fail: nbf is reported first.
        assert_eq!(failure(check(r#"{"nbf":2000000,"exp":1}"#, &ClaimRules::default())).1, "nbf");
        // An invalid iat is reported before an expired exp.
        assert_eq!(failure(check(r#"{"iat":"x","exp":1}"#, &ClaimRules::default())).1, "iat");
    }
}
