//! The attack catalogue (vectors/attacks.json, written by scripts/make-attacks.mjs) through the
//! native core: one test per kind of attack, each case refused with its expected code (or, for
//! the look-alikes that are legitimate, accepted with exactly the signed claims), through both
//! `verify` and a prepared `Verifier`, with no message echoing the token; after every case a
//! long-lived verifier still accepts a good token. pkg-tests/attacks.test.mjs runs the same
//! catalogue through the wasm package.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![allow(clippy::arithmetic_side_effects)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{error_json, KeyInput};
use jwt_wasm::{verify, Error, ErrorCode, Jwk, SecretKey, UnixTime, Validation, Verified, Verifier, VerifyOptions};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Catalogue {
    now: i64,
    key: KeyInput,
    good: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    group: String,
    name: String,
    token: Option<String>,
    build: Option<Build>,
    key: Option<KeyInput>,
    options: Option<Value>,
    expect: Value,
}

/// A token too large to store: `prefix`, `repeat` written `times` times, `suffix`.
#[derive(Deserialize)]
struct Build {
    prefix: String,
    repeat: String,
    times: usize,
    suffix: String,
}

impl Case {
    fn token(&self) -> String {
        match (&self.token, &self.build) {
            (Some(token), None) => token.clone(),
            (None, Some(b)) => format!("{}{}{}", b.prefix, b.repeat.repeat(b.times), b.suffix),
            _ => panic!("{}: a case has either a token or a build", self.name),
        }
    }
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| serde_json::from_str(include_str!("../vectors/attacks.json")).expect("attacks.json parses"))
}

fn key(input: &KeyInput) -> Result<SecretKey, Error> {
    match input {
        // As the package takes a string key: its UTF-8 bytes, through the same checks.
        KeyInput::Utf8(text) => SecretKey::from_secret(text.as_bytes().to_vec()),
        KeyInput::Jwk(value) => SecretKey::from_jwk(&Jwk::from_json(&value.to_string())?),
    }
}

fn setup(case: &Case) -> Result<(SecretKey, Validation), Error> {
    let options = VerifyOptions::from_json(&case.options.clone().unwrap_or(json!({})).to_string())?;
    let validation = Validation::new(&options)?;
    Ok((key(case.key.as_ref().unwrap_or(&catalogue().key))?, validation))
}

/// Whether `result` is what the case expects. An accepted token must give back exactly its
/// own payload segment, decoded.
fn judge(case: &Case, token: &str, result: &Result<Verified, Error>) -> Option<String> {
    match result {
        Ok(verified) if case.expect == json!({ "valid": true }) => {
            let segment = token.split('.').nth(1).unwrap();
            let decoded = String::from_utf8(base64url_decode(segment)).unwrap();
            (verified.payload_json != decoded).then(|| "accepted, but returned other claims than it verified".into())
        }
        Ok(_) => Some(format!("accepted; expected {}", case.expect)),
        Err(error) => {
            let got = error_json(error);
            if got != case.expect {
                return Some(format!("expected {}, got {got}", case.expect));
            }
            leaks(token, error).map(|part| format!("the message {:?} echoes {part:?}", error.message()))
        }
    }
}

/// Decodes base64url (no padding), written out here so the check does not share the core's decoder.
fn base64url_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let sextets: Vec<u32> = text.chars().map(|c| ALPHABET.find(c).unwrap() as u32).collect();
    let mut out = Vec::new();
    for chunk in sextets.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, s)| n | s << (18 - 6 * i));
        out.extend(n.to_be_bytes()[1..chunk.len()].iter());
    }
    out
}

/// A piece of the token (the whole of it, or a segment of 12 characters or more) that the
/// error message repeats.
fn leaks(token: &str, error: &Error) -> Option<String> {
    let message = error.message();
    std::iter::once(token)
        .chain(token.split('.'))
        .filter(|part| part.len() >= 12)
        .find(|part| message.contains(part))
        .map(|part| part.chars().take(40).collect())
}

/// Runs every case of `group`; after each, the long-lived verifier must still accept the good
/// token.
fn run_group(group: &str) {
    let catalogue = catalogue();
    let now = UnixTime::from_secs(catalogue.now);
    let instance = Verifier::new(key(&catalogue.key).unwrap(), Validation::default()).unwrap();
    let cases: Vec<&Case> = catalogue.cases.iter().filter(|case| case.group == group).collect();
    assert!(!cases.is_empty(), "the catalogue has no {group} cases");
    let mut failures = Vec::new();
    for case in cases {
        let token = case.token();
        let once = setup(case).and_then(|(key, validation)| verify(&token, &key, &validation, now));
        let prepared = setup(case)
            .and_then(|(key, validation)| Verifier::new(key, validation))
            .and_then(|verifier| verifier.verify(&token, now));
        for (how, result) in [("verify", &once), ("Verifier", &prepared)] {
            if let Some(failure) = judge(case, &token, result) {
                failures.push(format!("{} ({how}): {failure}", case.name));
            }
        }
        if let Err(error) = instance.verify(&catalogue.good, now) {
            failures.push(format!("{}: the good token fails afterwards with {error}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of the {group} cases failed:\n{}", failures.len(), failures.join("\n"));
}

macro_rules! attack_tests {
    ($($test:ident => $group:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_group($group);
            }
        )*
        const GROUPS: &[&str] = &[$($group),*];
    };
}

attack_tests! {
    alg_none_in_every_casing_is_refused => "alg-none",
    a_missing_alg_is_refused => "alg-missing",
    an_alg_that_is_not_a_string_is_refused => "alg-not-a-string",
    an_unknown_alg_is_refused => "alg-unknown",
    an_empty_or_absent_key_is_refused => "key-empty-or-absent",
    key_confusion_is_refused => "key-confusion",
    crit_is_enforced => "crit",
    b64_false_is_refused_for_a_jwt => "b64-false",
    empty_truncated_padded_and_over_long_signatures_are_refused => "signature",
    any_segment_count_but_three_is_refused => "segments",
    white_space_in_segments_is_refused => "white-space",
    non_ascii_in_segments_is_refused => "non-ascii",
    duplicate_header_and_claim_names_are_refused => "duplicate-names",
    time_claims_of_the_wrong_type_are_refused => "time-claim-types",
    aud_of_mixed_types_matches_strings_only => "aud-mixed-types",
    json_nested_thousands_deep_is_handled => "deep-nesting",
    a_huge_token_is_refused_before_decoding => "huge-token",
    a_payload_that_is_not_an_object_is_refused => "payload-not-an-object",
}

#[test]
fn every_group_in_the_catalogue_has_its_test() {
    let in_file: BTreeSet<&str> = catalogue().cases.iter().map(|case| case.group.as_str()).collect();
    let tested: BTreeSet<&str> = GROUPS.iter().copied().collect();
    assert_eq!(in_file, tested);
}

#[test]
fn the_catalogue_reaches_every_refusal_code() {
    let expected: BTreeSet<String> =
        catalogue().cases.iter().filter_map(|case| case.expect["code"].as_str().map(str::to_owned)).collect();
    for code in ErrorCode::ALL.iter().filter(|code| **code != ErrorCode::OptionsInvalid) {
        assert!(expected.contains(code.as_str()), "no attack expects {code}");
    }
    assert!(catalogue().cases.len() >= 200, "the catalogue lost cases");
}
