//! Interop generator, Rust: tokens made by the `jsonwebtoken` crate for
//! pkg-tests/interop-vectors.json, and its verdicts on the tokens jwt-wasm signs (the reverse
//! direction).
//!
//! Not run by CI or the tests: the fixture it feeds is committed. To rerun it, in a scratch cargo
//! project outside this repository (crates.io only):
//!
//!   cargo new /tmp/interop/rust && cp scripts/interop/rust.rs /tmp/interop/rust/src/main.rs
//!   cd /tmp/interop/rust && cargo add jsonwebtoken@11.1.0 --features rust_crypto && cargo add serde --features derive && cargo add serde_json
//!   cargo run -q -- /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/rust.json
//!
//! then scripts/interop/assemble.mjs (which says the whole sequence).
//!
//! Each case's "code" is the source text of the expression that made the token (stringify!).
//! "payloadJson" and "headerJson" are what the crate itself decodes from the token without
//! verifying it (`dangerous::insecure_decode`), written back by serde_json; "expect" is written
//! by hand: the outcome a jose-compatible verifier must give with "options" at "now".
//! "libraryVerdict" is the crate's own `decode` with the equivalent `Validation`, except that
//! exp and nbf are not checked there: the crate reads the system clock, which cannot be set to
//! "now".
use std::collections::{BTreeMap, HashMap};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, dangerous, decode, encode};
use serde::Serialize;
use serde_json::{Value, json};

const NOW: u64 = 1_700_000_000;
const SECRET: &[u8] = b"interop-secret-of-at-least-32-bytes!!";
const OTHER_SECRET: &[u8] = b"not-the-secret-the-token-was-signed-with";

fn binary_secret() -> Vec<u8> {
    (0..64u32).map(|i| ((i * 37 + 11) % 256) as u8).collect()
}

fn key(secret: &[u8]) -> EncodingKey {
    EncodingKey::from_secret(secret)
}

fn header(alg: Algorithm, kid: Option<&str>, typ: Option<&str>) -> Header {
    let mut h = Header::new(alg);
    h.kid = kid.map(str::to_owned);
    if let Some(typ) = typ {
        h.typ = Some(typ.to_owned());
    }
    h
}

/// How Rust services usually declare claims: a struct, times as u64 seconds.
#[derive(Serialize)]
struct Access {
    iss: String,
    sub: String,
    aud: String,
    iat: u64,
    nbf: u64,
    exp: u64,
    jti: String,
    scope: String,
    roles: Vec<String>,
}

#[derive(Serialize)]
struct AccessMany {
    sub: String,
    aud: Vec<String>,
    exp: u64,
}

#[derive(Serialize)]
struct AppMetadata {
    provider: String,
    providers: Vec<String>,
}

#[derive(Serialize)]
struct Supabase {
    iss: String,
    sub: String,
    aud: String,
    exp: u64,
    iat: u64,
    email: String,
    phone: String,
    app_metadata: AppMetadata,
    user_metadata: BTreeMap<String, Value>,
    role: String,
    aal: String,
    amr: Vec<Value>,
    session_id: String,
    is_anonymous: bool,
}

/// SystemTime::now().duration_since(UNIX_EPOCH).as_secs_f64() + 600.0: f64 NumericDates.
#[derive(Serialize)]
struct FloatTimes {
    sub: String,
    iat: f64,
    exp: f64,
}

/// A u128 field: serde_json writes all of its digits (a serde_json::Value could not hold it).
#[derive(Serialize)]
struct Big {
    sub: String,
    big: u128,
}

/// An Option without skip_serializing_if: None is written "exp":null.
#[derive(Serialize)]
struct OptionalExp {
    sub: String,
    exp: Option<u64>,
}

/// serde(flatten) beside a field of the same name: serde_json writes both members.
#[derive(Serialize)]
struct WithExtra {
    sub: String,
    exp: u64,
    #[serde(flatten)]
    extra: HashMap<String, Value>,
}

fn access() -> Access {
    Access {
        iss: "https://auth.example".into(),
        sub: "user-42".into(),
        aud: "api".into(),
        iat: NOW - 60,
        nbf: NOW - 60,
        exp: NOW + 900,
        jti: "6c1f2d0e-8f5a-4c7e-9a39-2c1b7f1e0a11".into(),
        scope: "read write".into(),
        roles: vec!["user".into()],
    }
}

fn supabase() -> Supabase {
    Supabase {
        iss: "https://project.supabase.co/auth/v1".into(),
        sub: "8d1a2b3c-0000-4000-8000-000000000042".into(),
        aud: "authenticated".into(),
        exp: NOW + 3600,
        iat: NOW,
        email: "ada@example.com".into(),
        phone: String::new(),
        app_metadata: AppMetadata { provider: "email".into(), providers: vec!["email".into()] },
        user_metadata: BTreeMap::from([("full_name".into(), json!("Ada Lovelace")), ("avatar_url".into(), Value::Null)]),
        role: "authenticated".into(),
        aal: "aal1".into(),
        amr: vec![json!({ "method": "password", "timestamp": NOW })],
        session_id: "5f2b1c1e-0000-4000-8000-000000000001".into(),
        is_anonymous: false,
    }
}

fn basic() -> Value {
    json!({ "sub": "user-42", "iat": NOW - 60, "exp": NOW + 900 })
}

fn secret_record(secret: &[u8]) -> Value {
    match std::str::from_utf8(secret) {
        Ok(text) if secret != binary_secret().as_slice() => json!({ "utf8": text }),
        _ => {
            use base64_alphabet::encode;
            json!({ "base64url": encode(secret) })
        }
    }
}

/// base64url without padding (no extra crate for 20 lines).
mod base64_alphabet {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }
    pub fn decode(text: &str) -> Vec<u8> {
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for c in text.bytes() {
            let v = ALPHABET.iter().position(|a| *a == c).expect("base64url") as u32;
            bits = (bits << 6) | v;
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        out
    }
}

fn fail(code: &str) -> Value {
    json!({ "code": code })
}

fn fail_claim(code: &str, claim: &str, reason: &str) -> Value {
    json!({ "code": code, "claim": claim, "reason": reason })
}

struct Case {
    key: Vec<u8>,
    verify_key: Option<Vec<u8>>,
    options: Value,
    now: u64,
    expect: Value,
    decode: Value,
    jose: Option<Value>,
    difference: Option<&'static str>,
    header_decode: Value,
}

impl Default for Case {
    fn default() -> Self {
        Case { key: SECRET.to_vec(), verify_key: None, options: json!({}), now: NOW, expect: json!("ok"), decode: json!("ok"), jose: None, difference: None, header_decode: json!("ok") }
    }
}

fn unverified(token: &str) -> (Value, Value) {
    let header = match dangerous::insecure_decode::<Value>(token) {
        Ok(data) => serde_json::to_value(&data.header).unwrap_or(Value::Null),
        Err(error) => json!({ "error": error.to_string() }),
    };
    (header, dangerous::insecure_decode_claims::<Value>(token).unwrap_or(Value::Null))
}

fn algorithm(name: &str) -> Algorithm {
    match name {
        "HS384" => Algorithm::HS384,
        "HS512" => Algorithm::HS512,
        _ => Algorithm::HS256,
    }
}

fn verdict(token: &str, secret: &[u8], options: &Value) -> String {
    let algorithms: Vec<Algorithm> = options["algorithms"].as_array().unwrap().iter().map(|a| algorithm(a.as_str().unwrap())).collect();
    let mut validation = Validation::new(algorithms[0]);
    validation.algorithms = algorithms;
    validation.validate_exp = false; // the crate reads the system clock: not checked here
    validation.validate_nbf = false;
    validation.leeway = 0;
    validation.required_spec_claims.clear();
    if let Some(required) = options["requiredClaims"].as_array() {
        for claim in required {
            validation.required_spec_claims.insert(claim.as_str().unwrap().to_owned());
        }
    }
    match &options["audience"] {
        Value::String(aud) => validation.set_audience(&[aud]),
        Value::Array(list) => validation.set_audience(&list.iter().map(|a| a.as_str().unwrap()).collect::<Vec<_>>()),
        _ => validation.validate_aud = false,
    }
    match &options["issuer"] {
        Value::String(iss) => validation.set_issuer(&[iss]),
        Value::Array(list) => validation.set_issuer(&list.iter().map(|a| a.as_str().unwrap()).collect::<Vec<_>>()),
        _ => {}
    }
    if let Some(sub) = options["subject"].as_str() {
        validation.sub = Some(sub.to_owned());
    }
    let mut answer = match decode::<Value>(token, &DecodingKey::from_secret(secret), &validation) {
        Ok(_) => "ok".to_owned(),
        Err(error) => format!("{:?}: {error}", error.kind()),
    };
    let skipped: Vec<&str> = ["typ", "maxTokenAge", "crit", "clockTolerance"].into_iter().filter(|name| options.get(*name).is_some()).collect();
    answer.push_str(" (exp and nbf not checked: the crate reads the system clock");
    if !skipped.is_empty() {
        answer.push_str(&format!("; options without an equivalent here, not checked: {}", skipped.join(", ")));
    }
    answer.push(')');
    answer
}

fn record(name: &str, code: &str, token: String, case: Case) -> Value {
    let (header, payload) = unverified(&token);
    let mut options = json!({ "algorithms": ["HS256", "HS384", "HS512"] });
    for (k, v) in case.options.as_object().unwrap() {
        options[k] = v.clone();
    }
    let verify_key = case.verify_key.clone().unwrap_or_else(|| case.key.clone());
    let as_json = |v: &Value| if v.is_null() { Value::Null } else { Value::String(serde_json::to_string(v).unwrap()) };
    let mut out = json!({
        "library": "jsonwebtoken (Rust)", "name": name, "code": code.split_whitespace().collect::<Vec<_>>().join(" "), "given": null,
        "secret": secret_record(&verify_key), "options": options, "now": case.now, "token": token,
        "headerJson": if header.get("error").is_some() { Value::Null } else { as_json(&header) },
        "payloadJson": as_json(&payload), "expect": case.expect, "expectDecode": case.decode, "expectHeaderDecode": case.header_decode,
        "libraryVerdict": verdict(&token, &verify_key, &options),
    });
    if let Some(error) = header.get("error") {
        out["note"] = json!(format!("the crate's own insecure_decode refuses this header: {}", error.as_str().unwrap_or("")));
    }
    if verify_key != case.key {
        out["signedWith"] = secret_record(&case.key);
    }
    if let Some(jose) = case.jose {
        out["jose"] = jose;
        out["difference"] = json!(case.difference);
    }
    out
}

macro_rules! add {
    ($cases:ident, $name:expr, $make:expr, $case:expr) => {
        $cases.push(record($name, stringify!($make), $make.expect($name), $case))
    };
}

fn main() {
    let mut cases: Vec<Value> = Vec::new();
    let expired = fail_claim("ERR_JWT_EXPIRED", "exp", "check_failed");
    let duplicate = Some(json!({ "verify": "ok", "decode": "ok" }));
    let non_ascii = json!({
        "sub": "user-42", "exp": NOW + 900, "name": "José Müller", "emoji": "😀👍🏽", "clef": "𝄞", "city": "東京",
        "seps": "\u{2028}\u{2029}", "rtl": "\u{202e}nimda", "ctrl": "\u{0}\u{1f}\t\n", "html": "</script><b>&amp;", "clé": "valeur",
    });
    // Characters at and beyond U+20000 (a surrogate pair's high half carries bits past bit 16),
    // which serde_json writes as raw UTF-8: 𠮷野家 (U+20BB7) as sub, U+2A6D6 in iss and aud, an
    // emoji (U+1F600) beside them, in a custom claim and a claim name; and the options that check
    // them (a reading 0x10000 too low, U+10BB7 or U+1A6D6, would not match).
    let astral = json!({
        "iss": "https://\u{2A6D6}.example", "sub": "\u{20BB7}野家", "aud": "\u{2A6D6}-api", "exp": NOW + 900,
        "shop": "😀\u{20BB7}野家😀", "\u{20BB7}": "a name beyond U+20000",
    });
    let astral_options = json!({ "issuer": "https://\u{2A6D6}.example", "subject": "\u{20BB7}野家", "audience": "\u{2A6D6}-api", "requiredClaims": ["\u{20BB7}"] });
    let numbers = json!({
        "sub": "user-42", "exp": NOW + 900, "f16": 1e16, "f21": 1e21, "tiny": 1e-7, "sum": 0.1 + 0.2, "one": 1.0,
        "u64max": u64::MAX, "i64min": i64::MIN, "negzero": -0.0, "neg": -1.5, "yes": true, "nothing": null,
    });
    let hasura = json!({
        "sub": "42", "iat": NOW, "exp": NOW + 3600,
        "https://hasura.io/jwt/claims": {
            "x-hasura-allowed-roles": ["user", "editor"], "x-hasura-default-role": "user", "x-hasura-user-id": "42", "x-hasura-org-id": "7",
        },
    });

    add!(cases, "access token, default header {typ JWT, alg}", encode(&Header::default(), &access(), &key(SECRET)), Case { options: json!({ "algorithms": ["HS256"], "issuer": "https://auth.example", "audience": "api", "requiredClaims": ["exp", "iat", "jti"] }), ..Case::default() });
    add!(cases, "HS384 with kid, aud a Vec", encode(&header(Algorithm::HS384, Some("key-2024"), None), &AccessMany { sub: "user-42".into(), aud: vec!["api".into(), "web".into()], exp: NOW + 900 }, &key(SECRET)), Case { options: json!({ "algorithms": ["HS384"], "audience": "web" }), ..Case::default() });
    add!(cases, "HS512 with typ at+jwt (RFC 9068)", encode(&header(Algorithm::HS512, None, Some("at+jwt")), &access(), &key(SECRET)), Case { options: json!({ "typ": "application/at+jwt", "audience": "api" }), ..Case::default() });
    add!(cases, "non-ASCII claims, raw UTF-8 (serde_json escapes only controls)", encode(&Header::default(), &non_ascii, &key(SECRET)), Case::default());
    add!(cases, "claims beyond U+20000 (𠮷野家, U+2A6D6), raw UTF-8, checked by issuer, subject, audience", encode(&Header::default(), &astral, &key(SECRET)), Case { options: astral_options, ..Case::default() });
    add!(cases, "sub 𠮷野家 (U+20BB7, raw) where the subject is U+10BB7 (0x10000 lower)", encode(&Header::default(), &astral, &key(SECRET)), Case { options: json!({ "subject": "\u{10BB7}野家", "audience": "\u{2A6D6}-api" }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"), ..Case::default() });
    add!(cases, "aud with U+2A6D6 (raw) where the audience has U+1A6D6 (0x10000 lower)", encode(&Header::default(), &astral, &key(SECRET)), Case { options: json!({ "audience": "\u{1A6D6}-api" }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed"), ..Case::default() });
    add!(cases, "numbers as serde_json writes them (1e16, 1e21, 1e-7, 1.0, -0.0, u64::MAX, i64::MIN)", encode(&Header::default(), &numbers, &key(SECRET)), Case::default());
    add!(cases, "u128::MAX in a claim", encode(&Header::default(), &Big { sub: "user-42".into(), big: u128::MAX }, &key(SECRET)), Case::default());
    add!(cases, "Supabase-style claims (structs)", encode(&Header::default(), &supabase(), &key(SECRET)), Case { options: json!({ "audience": "authenticated", "issuer": "https://project.supabase.co/auth/v1" }), ..Case::default() });
    add!(cases, "Hasura-style claims", encode(&header(Algorithm::HS256, Some("hasura"), None), &hasura, &key(SECRET)), Case { options: json!({ "requiredClaims": ["https://hasura.io/jwt/claims"] }), ..Case::default() });
    add!(cases, "f64 iat and exp (as_secs_f64() + 600.0)", encode(&Header::default(), &FloatTimes { sub: "user-42".into(), iat: NOW as f64 - 0.876543, exp: NOW as f64 + 600.123456 }, &key(SECRET)), Case { options: json!({ "maxTokenAge": "1m" }), ..Case::default() });
    add!(cases, "a 64-byte binary secret, HS512", encode(&header(Algorithm::HS512, None, None), &basic(), &key(&binary_secret())), Case { key: binary_secret(), ..Case::default() });
    add!(cases, "wrong secret", encode(&Header::default(), &basic(), &key(SECRET)), Case { verify_key: Some(OTHER_SECRET.to_vec()), expect: fail("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"), ..Case::default() });
    add!(cases, "expired a second ago", encode(&Header::default(), &json!({ "sub": "user-42", "exp": NOW - 1 }), &key(SECRET)), Case { expect: expired.clone(), ..Case::default() });
    add!(cases, "exp equal to now is expired", encode(&Header::default(), &json!({ "sub": "user-42", "exp": NOW }), &key(SECRET)), Case { expect: expired.clone(), ..Case::default() });
    add!(cases, "expired 50 s ago, within clockTolerance 1m (the crate's default leeway is 60)", encode(&Header::default(), &json!({ "sub": "user-42", "exp": NOW - 50 }), &key(SECRET)), Case { options: json!({ "clockTolerance": "1m" }), ..Case::default() });
    add!(cases, "nbf in the future", encode(&Header::default(), &json!({ "sub": "user-42", "nbf": NOW + 120, "exp": NOW + 900 }), &key(SECRET)), Case { expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "check_failed"), ..Case::default() });
    add!(cases, "wrong audience", encode(&Header::default(), &access(), &key(SECRET)), Case { options: json!({ "audience": ["billing", "admin"] }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed"), ..Case::default() });
    add!(cases, "wrong issuer", encode(&Header::default(), &access(), &key(SECRET)), Case { options: json!({ "issuer": "https://evil.example" }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "iss", "check_failed"), ..Case::default() });
    add!(cases, "wrong subject", encode(&Header::default(), &access(), &key(SECRET)), Case { options: json!({ "subject": "user-43" }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"), ..Case::default() });
    add!(cases, "HS384 token where only HS512 is allowed", encode(&header(Algorithm::HS384, None, None), &basic(), &key(SECRET)), Case { options: json!({ "algorithms": ["HS512"] }), expect: fail("ERR_JOSE_ALG_NOT_ALLOWED"), ..Case::default() });
    add!(cases, "typ JWT where at+jwt is required", encode(&Header::default(), &basic(), &key(SECRET)), Case { options: json!({ "typ": "at+jwt" }), expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "typ", "check_failed"), ..Case::default() });
    add!(cases, "older than maxTokenAge", encode(&Header::default(), &json!({ "sub": "user-42", "iat": NOW - 3600, "exp": NOW + 900 }), &key(SECRET)), Case { options: json!({ "maxTokenAge": 1800 }), expect: fail_claim("ERR_JWT_EXPIRED", "iat", "check_failed"), ..Case::default() });
    add!(cases, "Option<u64> exp of None without skip_serializing_if is written null", encode(&Header::default(), &OptionalExp { sub: "user-42".into(), exp: None }, &key(SECRET)), Case { expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"), ..Case::default() });
    add!(cases, "f64::NAN as exp is written null by serde_json", encode(&Header::default(), &FloatTimes { sub: "user-42".into(), iat: NOW as f64, exp: f64::NAN }, &key(SECRET)), Case { expect: fail_claim("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"), ..Case::default() });
    add!(cases, "duplicate claim names: serde(flatten) extras holding a field's name", encode(&Header::default(), &WithExtra { sub: "user-42".into(), exp: NOW + 900, extra: HashMap::from([("sub".to_owned(), json!("admin"))]) }, &key(SECRET)), Case { expect: fail("ERR_JWT_INVALID"), decode: fail("ERR_JWT_INVALID"), jose: duplicate.clone(), difference: Some("duplicate member names"), ..Case::default() });
    add!(cases, "duplicate header names: Header.kid and a kid in Header.extras", encode(&{ let mut h = header(Algorithm::HS256, Some("key-a"), None); h.extras.insert("kid", "key-b"); h }, &basic(), &key(SECRET)), Case { expect: fail("ERR_JWS_INVALID"), header_decode: fail("ERR_JWS_INVALID"), jose: duplicate.clone(), difference: Some("duplicate member names"), ..Case::default() });

    let reverse = std::env::args().nth(1).map(|path| verify_reverse(&path)).unwrap_or_default();
    // The crate's version as Cargo.lock of the scratch project pins it, and the compiler's.
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).expect("Cargo.lock");
    let version = lock.split("[[package]]").find(|p| p.contains("name = \"jsonwebtoken\"")).and_then(|p| p.split("version = \"").nth(1)).and_then(|v| v.split('"').next()).unwrap_or("?").to_owned();
    let rustc = std::process::Command::new("rustc").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned()).unwrap_or_default();
    let out = json!({
        "libraries": { "jsonwebtoken (Rust)": { "language": "Rust", "package": "jsonwebtoken (crates.io), rust_crypto backend", "version": version, "runtime": rustc } },
        "cases": cases,
        "reverse": reverse,
        "verifiedAt": std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}

fn verify_reverse(path: &str) -> Vec<Value> {
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the jwt-wasm tokens file")).expect("JSON");
    let mut results = Vec::new();
    for token in file["tokens"].as_array().unwrap() {
        let v = &token["verify"];
        let secret = match v["secret"]["utf8"].as_str() {
            Some(text) => text.as_bytes().to_vec(),
            None => base64_alphabet::decode(v["secret"]["base64url"].as_str().unwrap()),
        };
        let mut validation = Validation::new(algorithm(v["alg"].as_str().unwrap()));
        validation.leeway = 0;
        match v["audience"].as_str() {
            Some(aud) => validation.set_audience(&[aud]),
            None => validation.validate_aud = false,
        }
        if let Some(iss) = v["issuer"].as_str() {
            validation.set_issuer(&[iss]);
        }
        if v["noExpRequired"].as_bool() == Some(true) {
            validation.required_spec_claims.clear();
        }
        let name = token["name"].clone();
        results.push(match decode::<Value>(token["token"].as_str().unwrap(), &DecodingKey::from_secret(&secret), &validation) {
            Ok(data) => json!({ "library": "jsonwebtoken (Rust)", "name": name, "verdict": "ok", "payloadJson": serde_json::to_string(&data.claims).unwrap() }),
            Err(error) => json!({ "library": "jsonwebtoken (Rust)", "name": name, "verdict": "error", "error": format!("{:?}: {error}", error.kind()) }),
        });
    }
    results
}
