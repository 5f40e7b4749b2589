//! Property tests (proptest, native only) over arbitrary claim sets, keys, algorithms, clocks and
//! tolerances. The seed is fixed, so every run draws the same cases; `PROPTEST_CASES=N` draws more.
//!
//! - Signing then verifying gives back exactly the signed claims, for every algorithm and key,
//!   through the one-shot and the prepared verifier, raw keys and JWKs alike; written with `\u`
//!   escapes, the same claims meet the same options.
//! - Any single-byte change to a signed token (substitution, deletion, insertion) is rejected,
//!   and before any claim is looked at.
//! - `expiry_info` agrees with `verify` on `exp` and `nbf` for arbitrary times and tolerances.
//! - A verifier with a cache, asked at a sequence of clocks (forwards and back), answers each time
//!   exactly as a full verification does: hits judge `exp`, `nbf` and `iat` again, and failures
//!   are not kept.
//! - A claims set nested up to 48 levels deep, with siblings and with one closer swapped, dropped
//!   or repeated, decodes exactly when serde_json accepts it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::disallowed_methods)]
#![allow(clippy::arithmetic_side_effects)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::base64url;
use jwt_wasm::{
    decode_jwt, expiry_info, sign, verify, Algorithm, CacheOption, Duration, ErrorCode, ExpiryOptions, Jwk,
    OneOrMany, SecretKey, SignOptions, UnixTime, Validation, Verifier, VerifyOptions,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{json, Map, Value};

/// A fixed seed and a bounded number of cases (`PROPTEST_CASES` overrides the count).
fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default_cases);
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x6a77_745f_7761_736d),
        // The seed is fixed, so a failure reproduces by running the test again.
        failure_persistence: None,
        max_shrink_iters: 2_000,
        max_shrink_time: 20_000,
        ..Config::default()
    }
}

const NOW: i64 = 1_700_000_000;

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop::sample::select(Algorithm::ALL.to_vec())
}

/// A secret: any bytes but zero bytes only, which HMAC takes for the empty key (refused).
fn secret() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 1..200).prop_filter("zero bytes only", |secret| secret.iter().any(|byte| *byte != 0))
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |f| f.is_finite())
}

/// Any JSON value a claim may hold (finite numbers only: JSON has no others).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        finite().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A claims set with arbitrary private claims, optional registered string claims, and time
/// claims that are valid at [`NOW`].
#[derive(Clone, Debug)]
struct Claims {
    set: Map<String, Value>,
    iss: Option<String>,
    sub: Option<String>,
    aud: Option<OneOrMany>,
}

fn claims() -> impl Strategy<Value = Claims> {
    let time_names = ["exp", "nbf", "iat", "iss", "sub", "aud"];
    (
        prop::collection::btree_map(any::<String>(), json_value(), 0..8),
        prop::option::of(1.0..1e9f64),
        prop::option::of(0.0..1e9f64),
        prop::option::of(0.0..1e6f64),
        prop::option::of(any::<String>()),
        prop::option::of(any::<String>()),
        prop::option::of(prop_oneof![
            any::<String>().prop_map(OneOrMany::One),
            prop::collection::vec(any::<String>(), 1..4).prop_map(OneOrMany::Many),
        ]),
    )
        .prop_map(move |(private, exp_in, nbf_ago, iat_ago, iss, sub, aud)| {
            let mut set: Map<String, Value> =
                private.into_iter().filter(|(name, _)| !time_names.contains(&name.as_str())).collect();
            let now = NOW as f64;
            for (name, value) in [("exp", exp_in.map(|s| now + s)), ("nbf", nbf_ago.map(|s| now - s)), ("iat", iat_ago.map(|s| now - s))] {
                if let Some(value) = value {
                    set.insert(name.into(), json!(value));
                }
            }
            for (name, value) in [("iss", &iss), ("sub", &sub)] {
                if let Some(value) = value {
                    set.insert(name.into(), json!(value));
                }
            }
            match &aud {
                Some(OneOrMany::One(one)) => set.insert("aud".into(), json!(one)),
                Some(OneOrMany::Many(many)) => set.insert("aud".into(), json!(many)),
                None => None,
            };
            Claims { set, iss, sub, aud }
        })
}

/// Options that each claim present must satisfy: the token's own `iss`, `sub` and one of its
/// audiences, each listed among others (empty strings are not valid options, so those are skipped).
fn matching_options(claims: &Claims, alg: Algorithm, name_algorithms: bool) -> VerifyOptions {
    let other = "some-other-value".to_string();
    let non_empty = |s: &String| (!s.is_empty()).then(|| s.clone());
    let audience = match &claims.aud {
        Some(OneOrMany::One(one)) => non_empty(one),
        Some(OneOrMany::Many(many)) => many.iter().find_map(non_empty),
        None => None,
    };
    VerifyOptions {
        algorithms: name_algorithms.then(|| vec![alg.name().to_string(), "HS512".to_string()]),
        issuer: claims.iss.as_ref().and_then(non_empty).map(|iss| OneOrMany::Many(vec![other.clone(), iss])),
        subject: claims.sub.as_ref().and_then(non_empty),
        audience: audience.map(|aud| OneOrMany::Many(vec![aud, other.clone()])),
        clock_tolerance: Some(Duration::Seconds(0.0)),
        ..VerifyOptions::default()
    }
}

/// JSON text with every non-ASCII character (which serde_json writes only inside strings) written
/// as `\u` escapes of its UTF-16 units.
fn escaped(json: &str) -> String {
    let mut out = String::new();
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

fn jwk_for(secret: &[u8], alg: Option<Algorithm>) -> SecretKey {
    let jwk = Jwk {
        kty: Some("oct".into()),
        k: Some(base64url(secret)),
        alg: alg.map(|a| a.name().into()),
        ..Jwk::default()
    };
    SecretKey::from_jwk(&jwk).unwrap()
}

fn signed(payload: &str, secret: &[u8], alg: Algorithm) -> String {
    let key = SecretKey::from_bytes(secret.to_vec()).unwrap();
    let options = SignOptions { alg: Some(alg.name().into()), ..SignOptions::default() };
    sign(payload, &key, &options, UnixTime::from_secs(NOW)).unwrap()
}

proptest! {
    #![proptest_config(config(384))]

    #[test]
    fn sign_then_verify_gives_back_exactly_the_signed_claims(
        claims in claims(),
        secret in secret(),
        alg in algorithm(),
        name_algorithms in any::<bool>(),
        jwk in any::<bool>(),
    ) {
        let now = UnixTime::from_secs(NOW);
        let payload = serde_json::to_string(&claims.set).unwrap();
        let token = signed(&payload, &secret, alg);
        let key = if jwk { jwk_for(&secret, Some(alg)) } else { SecretKey::from_bytes(secret.clone()).unwrap() };
        let validation = Validation::new(&matching_options(&claims, alg, name_algorithms)).unwrap();

        let verified = verify(&token, &key, &validation, now);
        prop_assert!(verified.is_ok(), "{:?}", verified);
        let verified = verified.unwrap();
        prop_assert_eq!(&verified.payload_json, &payload, "the verified claims are the signed text");
        let header: Value = serde_json::from_str(&verified.header_json).unwrap();
        prop_assert_eq!(header, json!({ "alg": alg.name() }));
        let prepared = Verifier::new(key, validation.clone()).unwrap().verify(&token, now);
        prop_assert_eq!(prepared.as_ref(), Ok(&verified), "the prepared verifier agrees");
        prop_assert_eq!(decode_jwt(&token), Ok(payload.clone()));

        // The same claims with every non-ASCII character written as \u escapes (UTF-16 units,
        // surrogate pairs beyond U+FFFF) are judged the same: the options still match.
        let escaped = escaped(&payload);
        let read = |text: &str| serde_json::from_str::<Map<String, Value>>(text).unwrap();
        prop_assert_eq!(read(&escaped), read(&payload), "the escaped text is the same JSON");
        let escaped_token = signed(&escaped, &secret, alg);
        let key = SecretKey::from_bytes(secret.clone()).unwrap();
        let verified = verify(&escaped_token, &key, &validation, now);
        prop_assert!(verified.is_ok(), "{:?} for {}", verified, escaped);
        prop_assert_eq!(&verified.unwrap().payload_json, &escaped);

        // The key and the algorithm both matter.
        let mut wrong = secret.clone();
        wrong[0] ^= 1;
        if wrong.iter().all(|byte| *byte == 0) {
            wrong[0] = 2;
        }
        let wrong = SecretKey::from_bytes(wrong).unwrap();
        prop_assert_eq!(verify(&token, &wrong, &validation, now).unwrap_err().code(), ErrorCode::SignatureVerificationFailed);
        let others: Vec<String> = Algorithm::ALL.iter().filter(|a| **a != alg).map(|a| a.name().to_string()).collect();
        let elsewhere = Validation::new(&VerifyOptions { algorithms: Some(others), ..VerifyOptions::default() }).unwrap();
        let key = SecretKey::from_bytes(secret).unwrap();
        prop_assert_eq!(verify(&token, &key, &elsewhere, now).unwrap_err().code(), ErrorCode::AlgNotAllowed);
    }
}

/// How a nested value's closers are spoiled, if at all.
#[derive(Clone, Debug)]
enum Spoil {
    None,
    /// One closer becomes the other kind.
    Swap(prop::sample::Index),
    /// One closer is dropped.
    Drop(prop::sample::Index),
    /// One closer is written twice.
    Repeat(prop::sample::Index),
}

/// A value nested as `levels` says (true: an array, false: an object with one member), with a
/// shallower sibling after it at `sibling` levels down, and its closers possibly spoiled.
fn nested_value(levels: &[bool], sibling: usize, spoil: &Spoil) -> String {
    let mut text = String::new();
    let mut closers = Vec::new();
    for (depth, &array) in levels.iter().enumerate() {
        text.push_str(if array { "[" } else { "{\"k\":" });
        closers.push(if array { ']' } else { '}' });
        if depth == sibling {
            // A sibling, written once the deeper value has closed back to this level.
            closers.push(if array { ',' } else { ';' });
        }
    }
    text.push('1');
    let mut tail: Vec<char> = closers.into_iter().rev().collect();
    let len = tail.len();
    match spoil {
        Spoil::Swap(at) if len > 0 => {
            let at = at.index(len);
            tail[at] = match tail[at] { ']' => '}', '}' => ']', other => other };
        }
        Spoil::Drop(at) if len > 0 => drop(tail.remove(at.index(len))),
        Spoil::Repeat(at) if len > 0 => {
            let at = at.index(len);
            tail.insert(at, tail[at]);
        }
        _ => {}
    }
    for c in tail {
        match c {
            ',' => text.push_str(",[2]"),
            ';' => text.push_str(",\"s\":[2]"),
            c => text.push(c),
        }
    }
    text
}

proptest! {
    #![proptest_config(config(1024))]

    /// The JSON reader keeps the first nesting levels inline and deeper ones on the heap; at any
    /// depth across that boundary it must accept exactly what serde_json accepts.
    #[test]
    fn deep_claims_are_accepted_exactly_when_they_are_json(
        levels in prop::collection::vec(any::<bool>(), 0..48),
        sibling in 0usize..48,
        spoil in prop_oneof![
            Just(Spoil::None),
            any::<prop::sample::Index>().prop_map(Spoil::Swap),
            any::<prop::sample::Index>().prop_map(Spoil::Drop),
            any::<prop::sample::Index>().prop_map(Spoil::Repeat),
        ],
    ) {
        let payload = format!("{{\"a\":{},\"b\":2}}", nested_value(&levels, sibling, &spoil));
        let is_json = serde_json::from_str::<Value>(&payload).is_ok();
        let token = format!("eyJhbGciOiJIUzI1NiJ9.{}.c2ln", base64url(payload.as_bytes()));
        let decoded = decode_jwt(&token);
        prop_assert_eq!(decoded.is_ok(), is_json, "{} -> {:?}", payload, decoded);
    }
}

#[derive(Clone, Debug)]
enum Change {
    Substitute(Position, char),
    Delete(Position),
    Insert(Position, char),
}

const BASE64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Mostly base64url characters (a change that still decodes is the dangerous kind), then any
/// ASCII, then anything.
fn replacement() -> impl Strategy<Value = char> {
    prop_oneof![
        5 => prop::sample::select(BASE64URL.chars().collect::<Vec<_>>()),
        3 => (0u8..128).prop_map(char::from),
        2 => any::<char>(),
    ]
}

/// Where to change: anywhere, or at a segment edge (first and last characters, next to a dot),
/// where padding bits and segment boundaries live.
#[derive(Clone, Copy, Debug)]
enum Position {
    Anywhere(prop::sample::Index),
    Edge(prop::sample::Index),
}

impl Position {
    fn resolve(self, token: &str) -> usize {
        match self {
            Position::Anywhere(i) => i.index(token.len()),
            Position::Edge(i) => {
                let mut edges = vec![0, token.len() - 1];
                for (dot, _) in token.match_indices('.') {
                    edges.extend([dot - 1, dot, dot + 1]);
                }
                edges[i.index(edges.len())]
            }
        }
    }
}

fn position() -> impl Strategy<Value = Position> {
    prop_oneof![any::<prop::sample::Index>().prop_map(Position::Anywhere), any::<prop::sample::Index>().prop_map(Position::Edge)]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (position(), replacement()).prop_map(|(p, c)| Change::Substitute(p, c)),
        1 => position().prop_map(Change::Delete),
        1 => (position(), replacement()).prop_map(|(p, c)| Change::Insert(p, c)),
    ]
}

/// Applies `change` to an ASCII token; `None` for a substitution that changes nothing.
fn apply(token: &str, change: &Change) -> Option<String> {
    let mut out = token.to_string();
    match *change {
        Change::Substitute(at, c) => {
            let i = at.resolve(token);
            if c.is_ascii() && token.as_bytes()[i] == c as u8 {
                return None;
            }
            out.replace_range(i..=i, c.encode_utf8(&mut [0; 4]));
        }
        Change::Delete(at) => {
            out.remove(at.resolve(token));
        }
        Change::Insert(at, c) => out.insert(at.resolve(token), c),
    }
    Some(out)
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn any_single_byte_change_to_a_signed_token_is_rejected(
        private in prop::collection::btree_map("[a-z]{1,8}", json_value(), 0..4),
        secret in secret(),
        alg in algorithm(),
        change in change(),
    ) {
        let now = UnixTime::from_secs(NOW);
        let token = signed(&serde_json::to_string(&private).unwrap(), &secret, alg);
        let key = SecretKey::from_bytes(secret).unwrap();
        let validation = Validation::default();
        prop_assert!(verify(&token, &key, &validation, now).is_ok());
        let Some(changed) = apply(&token, &change) else { return Ok(()) };
        prop_assert_ne!(&changed, &token);
        let result = verify(&changed, &key, &validation, now);
        prop_assert!(result.is_err(), "accepted {:?} of {}", change, token);
        // Refused on the token's form or signature, never after reading the (untrusted) claims.
        let code = result.unwrap_err().code();
        prop_assert!(
            matches!(code, ErrorCode::JwsInvalid | ErrorCode::NotSupported | ErrorCode::SignatureVerificationFailed),
            "{:?} gave {:?}", change, code
        );
    }
}

fn tolerance() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), 0.0..120.0f64, (0u32..3600).prop_map(f64::from), finite().prop_map(f64::abs)]
}

fn clock() -> impl Strategy<Value = i64> {
    prop_oneof![NOW - 200..NOW + 200, any::<i64>()]
}

/// A time claim: anywhere in the finite range, near the clock, or at the very edge `edge` of
/// the window (exactly, one ulp either side, or rounded to a tenth), where rounding lives.
fn time_near(now: f64, edge: f64) -> impl Strategy<Value = f64> {
    let ulp = |x: f64, up: bool| match (x == 0.0, up == (x > 0.0)) {
        (true, _) => if up { f64::from_bits(1) } else { -f64::from_bits(1) },
        (false, true) => f64::from_bits(x.to_bits() + 1),
        (false, false) => f64::from_bits(x.to_bits() - 1),
    };
    prop_oneof![
        finite(),
        (-100i64..100).prop_map(move |d| now + d as f64),
        (-100.0..100.0f64).prop_map(move |d| now + d),
        Just(edge),
        Just(ulp(edge, true)).prop_filter("finite", |t| t.is_finite()),
        Just(ulp(edge, false)).prop_filter("finite", |t| t.is_finite()),
        Just((edge * 10.0).round() / 10.0).prop_filter("finite", |t| t.is_finite()),
    ]
}

/// `(now, tolerance, exp, nbf)`.
fn times() -> impl Strategy<Value = (i64, f64, Option<f64>, Option<f64>)> {
    (clock(), tolerance()).prop_flat_map(|(now_secs, tolerance)| {
        let now = UnixTime::from_secs(now_secs).as_secs();
        (
            Just(now_secs),
            Just(tolerance),
            prop::option::of(time_near(now, now - tolerance)),
            prop::option::of(time_near(now, now + tolerance)),
        )
    })
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn expiry_info_agrees_with_verify_on_exp_and_nbf((now_secs, tolerance, exp, nbf) in times()) {
        let now = UnixTime::from_secs(now_secs);
        let mut claims = Map::new();
        if let Some(exp) = exp { claims.insert("exp".into(), json!(exp)); }
        if let Some(nbf) = nbf { claims.insert("nbf".into(), json!(nbf)); }
        let secret = b"a-shared-secret-of-at-least-32-bytes!";
        let token = signed(&serde_json::to_string(&claims).unwrap(), secret, Algorithm::HS256);

        let info = expiry_info(&token, &ExpiryOptions { clock_tolerance: Some(Duration::Seconds(tolerance)) }, now).unwrap();
        let rules = VerifyOptions { clock_tolerance: Some(Duration::Seconds(tolerance)), ..VerifyOptions::default() };
        let verdict = verify(&token, &SecretKey::from_bytes(secret.to_vec()).unwrap(), &Validation::new(&rules).unwrap(), now);

        // The rules themselves (RFC 7519 sections 4.1.4 and 4.1.5, as jose applies them).
        let t = now.as_secs();
        prop_assert_eq!(info.expired, exp.is_some_and(|exp| exp <= t - tolerance));
        prop_assert_eq!(info.not_yet_valid, nbf.is_some_and(|nbf| nbf > t + tolerance));
        prop_assert_eq!(info.seconds_left.is_some_and(|left| left <= 0.0), info.expired, "secondsLeft {:?}", info.seconds_left);
        // verify reports nbf before exp, as jose does.
        let failure = verdict.as_ref().err().map(|e| (e.code(), e.claim_name().map(str::to_owned)));
        let expected = if info.not_yet_valid {
            Some((ErrorCode::ClaimValidationFailed, Some("nbf".to_owned())))
        } else if info.expired {
            Some((ErrorCode::Expired, Some("exp".to_owned())))
        } else {
            None
        };
        prop_assert_eq!(failure, expected);
    }
}

/// A time claim within a minute of NOW: whole seconds (where the edges are) or fractional.
fn claim_near_now() -> impl Strategy<Value = Option<f64>> {
    let now = NOW as f64;
    prop::option::of(prop_oneof![(-60i32..60).prop_map(move |d| now + f64::from(d)), (-60.0..60.0f64).prop_map(move |d| now + d)])
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn a_cached_verifier_answers_as_a_full_verification_at_every_clock(
        (iat, nbf, exp) in (claim_near_now(), claim_near_now(), claim_near_now()),
        tolerance in prop_oneof![Just(0u32), 0u32..10],
        max_age in prop::option::of(0u32..60),
        clocks in prop::collection::vec(NOW - 70..NOW + 70, 1..16),
    ) {
        let mut claims = Map::new();
        for (name, value) in [("iat", iat), ("nbf", nbf), ("exp", exp)] {
            if let Some(value) = value { claims.insert(name.into(), json!(value)); }
        }
        let secret = b"a-shared-secret-of-at-least-32-bytes!";
        let token = signed(&serde_json::to_string(&claims).unwrap(), secret, Algorithm::HS256);
        let key = SecretKey::from_bytes(secret.to_vec()).unwrap();
        let options = VerifyOptions {
            clock_tolerance: Some(Duration::Seconds(f64::from(tolerance))),
            max_token_age: max_age.map(|age| Duration::Seconds(f64::from(age))),
            cache: Some(CacheOption::Entries(4.0)),
            ..VerifyOptions::default()
        };
        let (validation, entries) = Validation::for_verifier(&options).unwrap();
        prop_assert_eq!(entries, Some(4));
        let cached = Verifier::with_cache(key.clone(), validation.clone(), entries).unwrap();
        for now in clocks.into_iter().map(UnixTime::from_secs) {
            prop_assert_eq!(cached.verify(&token, now), verify(&token, &key, &validation, now), "at {:?}", now);
        }
    }
}
