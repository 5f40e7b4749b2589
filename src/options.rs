//! Reading the caller's option objects, given as JSON text, into typed values. Unknown names
//! and wrongly typed values are errors that name the option. `null` is refused rather than
//! taken as absent: `issuer: null` must not quietly turn the issuer check off.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Members, Raw};
use crate::time::{Duration, UnixTime, DURATION_EXPECTED};
use crate::sign::SignOptions;
use crate::validation::{OneOrMany, VerifyOptions};

/// The longest JSON text of an options object accepted, in bytes (64 MiB, as for claims to sign):
/// far beyond any real options, and short of what could exhaust wasm memory.
pub const MAX_OPTIONS_TEXT_LEN: usize = 64 << 20;
// The message below says this limit in words.
const _: () = assert!(MAX_OPTIONS_TEXT_LEN == 64 * 1024 * 1024, "64 MiB");

/// Refuses an options text longer than [`MAX_OPTIONS_TEXT_LEN`]; the binding checks it before
/// copying the text into wasm memory. Errors: `ERR_OPTIONS_INVALID`.
pub fn check_options_text_length(len: usize) -> Result<()> {
    if len > MAX_OPTIONS_TEXT_LEN {
        return Err(options_invalid("the options are longer than 64 MiB of JSON text"));
    }
    Ok(())
}

/// An `ERR_OPTIONS_INVALID` error.
pub(crate) fn options_invalid(message: impl Into<std::borrow::Cow<'static, str>>) -> Error {
    Error::new(ErrorCode::OptionsInvalid, message)
}

/// An option object: its members, and the code its errors carry.
pub struct OptionObject<'a> {
    members: Members<'a>,
    code: ErrorCode,
}

/// A member name as a message shows it: quoted as a JSON string (a newline or an escape code in
/// it cannot forge a line of a log), whole up to 64 characters, else its first 64 and "...".
pub fn shown_name(name: &str) -> String {
    match name.char_indices().nth(64) {
        Some((cut, _)) => json::quote(&format!("{}...", name.get(..cut).unwrap_or_default())),
        None => json::quote(name),
    }
}

/// Signing options of jsonwebtoken's and fast-jwt's, with what to write instead.
const FOREIGN_SIGNING: &[(&str, &str)] = &[
    ("expiresIn", "use expirationTime, a duration such as \"15m\" (a number there is an absolute NumericDate)"),
    ("algorithm", "use alg"),
    ("jwtid", "use jti"),
    ("keyid", "use header: { kid }"),
    ("kid", "use header: { kid }"),
    ("noTimestamp", "leave out issuedAt (no iat is the default)"),
    ("iss", "use issuer"),
    ("sub", "use subject"),
    ("aud", "use audience"),
    ("typ", "use header: { typ }"),
    ("nonce", "set nonce in the claims"),
    ("clockTimestamp", "use currentDate, a Date"),
    ("mutatePayload", "none here: the claims given are never changed"),
    ("encoding", "none here: claims are signed as UTF-8"),
    ("allowInsecureKeySizes", "none needed: no minimum key length is enforced"),
    ("allowInvalidAsymmetricKeyTypes", "none needed: only HMAC secrets are taken"),
    ("key", "the key is the argument before the options"),
];
/// Verification options of jsonwebtoken's and fast-jwt's, with what to write instead.
const FOREIGN_VERIFYING: &[(&str, &str)] = &[
    ("maxAge", "use maxTokenAge (seconds, or a duration such as \"2h\")"),
    ("clockTimestamp", "use currentDate, a Date"),
    ("algorithm", "use algorithms, an array"),
    ("allowedAud", "use audience"),
    ("allowedIss", "use issuer"),
    ("allowedSub", "use subject"),
    ("jwtid", "use requiredClaims: [\"jti\"], then compare the payload's jti"),
    ("allowedJti", "use requiredClaims: [\"jti\"], then compare the payload's jti"),
    ("ignoreExpiration", "none here: verify, then take the claims of a token refused for exp alone"),
    ("ignoreNotBefore", "none here: a token is refused until its nbf, less clockTolerance"),
    ("complete", "none needed: the result is always { payload, protectedHeader }"),
    ("key", "the key is the argument before the options"),
    ("checkTyp", "use typ"),
    ("nonce", "use requiredClaims: [\"nonce\"], then compare the payload's nonce"),
    ("allowedNonce", "use requiredClaims: [\"nonce\"], then compare the payload's nonce"),
    ("allowedCritHeaders", "use crit: { name: true }"),
    ("cacheTTL", "none here: a cached token is kept until evicted, its exp and nbf judged at each hit"),
    ("errorCacheTTL", "none here: failures are never cached"),
    ("cacheKeyBuilder", "none here: the cache is keyed by the whole token"),
    ("allowInvalidAsymmetricKeyTypes", "none needed: only HMAC secrets are taken"),
    ("throwError", "none needed: every refusal throws"),
];

/// What to write instead of an option of jsonwebtoken's or fast-jwt's that the call does not
/// take, for the signing options (those with `expirationTime`) and the verification options
/// (those with `algorithms`): the names people bring with them.
fn foreign_hint(name: &str, known: &[&str]) -> Option<&'static str> {
    let table = if known.contains(&"expirationTime") {
        FOREIGN_SIGNING
    } else if known.contains(&"algorithms") {
        FOREIGN_VERIFYING
    } else {
        return None;
    };
    hint_in(table, name)
}

/// The hint `table` gives for `name`. Not inlined: unrolled over the constant tables, the
/// comparisons took about 2 KB of wasm.
#[inline(never)]
fn hint_in(table: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    table.iter().find(|(foreign, _)| *foreign == name).map(|(_, hint)| *hint)
}

/// Whether `name` is an option of this library's (to verify or to sign) or one of
/// jsonwebtoken's or fast-jwt's that the hints know: what marks an object given as a key as
/// options. (`alg` and `kid`, also a JWK's members, are for the caller to tell apart.)
pub(crate) fn is_option_name(name: &str) -> bool {
    // Each list passed to a function that is not inlined, as hint_in is: unrolled over these
    // constant lists, the comparisons took about 2 KB of wasm.
    #[inline(never)]
    fn listed_in(list: &[&str], name: &str) -> bool {
        list.iter().any(|listed| names(listed, name))
    }
    listed_in(&VerifyOptions::NAMES, name)
        || listed_in(&SignOptions::NAMES, name)
        || hint_in(FOREIGN_SIGNING, name).is_some()
        || hint_in(FOREIGN_VERIFYING, name).is_some()
}

/// Whether `listed`, an accepted name as messages list it ("cache (createVerifier only)"), is `name`.
fn names(listed: &str, name: &str) -> bool {
    listed.strip_prefix(name).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Writes an unknown option's name as messages show it, with what to write instead if known.
fn push_unknown(out: &mut String, name: &str, known: &[&str]) {
    out.push_str(&shown_name(name));
    if let Some(hint) = foreign_hint(name, known) {
        out.push_str(": ");
        out.push_str(hint);
    }
}

impl<'a> OptionObject<'a> {
    /// Parses an object; `code` is `ERR_OPTIONS_INVALID` or `ERR_JWK_INVALID`. Options over
    /// [`MAX_OPTIONS_TEXT_LEN`] are refused (a JWK's text has its own, lower cap).
    pub fn parse(text: &'a str, code: ErrorCode) -> Result<Self> {
        if code == ErrorCode::OptionsInvalid {
            check_options_text_length(text.len())?;
        }
        let members = json::Members::parse(text)
            // From the entries, the text is JSON.stringify's, so a lone surrogate (which it escapes
            // and the reader refuses) is the likelier cause: named, since nothing else says so.
            .map_err(|_| {
                let message = match code {
                    ErrorCode::JwkInvalid => "the JWK holds a string with a lone UTF-16 surrogate (or is not an object with distinct member names)",
                    _ => "the options hold a string with a lone UTF-16 surrogate (or are not an object with distinct member names)",
                };
                Error::new(code, message)
            })?;
        Ok(OptionObject { members, code })
    }

    /// The members, in order, `null` ones included: no typed reader accepts `null`.
    pub fn present(&self) -> impl Iterator<Item = (&str, Raw<'a>)> + '_ {
        self.members.iter()
    }

    /// The error for a member this object does not accept, naming too the other members it does
    /// not accept (up to 8), so that options brought from another library are mended in one go.
    /// `known` lists the accepted names, each as the message shows it (its first word is the
    /// name). (`currentDate` comes as a [`DateOptions`] entry when it is a `Date`; in the JSON
    /// text it was something else.)
    pub fn unknown(&self, name: &str, known: &[&str]) -> Error {
        const MAX_OTHERS_SHOWN: usize = 8;
        if name == CURRENT_DATE {
            return Error::new(self.code, "\"currentDate\" must be a valid Date (leave it out for the time of each call)");
        }
        let mut message = String::from("unknown option ");
        push_unknown(&mut message, name, known);
        let mut others = 0usize;
        for (member, _) in self.present() {
            if member == name || member == CURRENT_DATE || known.iter().any(|known| names(known, member)) {
                continue;
            }
            if others < MAX_OTHERS_SHOWN {
                message.push_str(if others == 0 { "; also unknown: " } else { "; " });
                push_unknown(&mut message, member, known);
            }
            others = others.saturating_add(1);
        }
        if others > MAX_OTHERS_SHOWN {
            message.push_str(&format!("; and {} more", others.saturating_sub(MAX_OTHERS_SHOWN)));
        }
        message.push_str(" (expected one of: ");
        message.push_str(&known.join(", "));
        message.push(')');
        Error::new(self.code, message)
    }

    /// The error for a member of the wrong type; for `null` in options, the hint to leave it out
    /// (a JWK's members have no default).
    pub fn wrong(&self, name: &str, raw: Raw<'_>, expected: &str) -> Error {
        let hint = match json::is_null(raw) {
            true if self.code == ErrorCode::JwkInvalid => ", not null",
            true => ", not null (leave it out for the default)",
            false => "",
        };
        Error::new(self.code, format!("\"{name}\" must be {expected}{hint}"))
    }

    /// A string.
    pub fn string(&self, name: &str, raw: Raw<'_>) -> Result<String> {
        json::as_str(raw).map(|s| s.into_owned()).ok_or_else(|| self.wrong(name, raw, "a string"))
    }

    /// `true` or `false`.
    pub fn boolean(&self, name: &str, raw: Raw<'_>) -> Result<bool> {
        json::as_bool(raw).ok_or_else(|| self.wrong(name, raw, "true or false"))
    }

    /// A finite number.
    pub fn number(&self, name: &str, raw: Raw<'_>) -> Result<f64> {
        json::as_number(raw).filter(|n| n.is_finite()).ok_or_else(|| self.wrong(name, raw, "a finite number"))
    }

    /// An array of strings.
    pub fn strings(&self, name: &str, raw: Raw<'_>) -> Result<Vec<String>> {
        json::as_array(raw)
            .and_then(|items| items.into_iter().map(|item| json::as_str(item).map(|s| s.into_owned())).collect())
            .ok_or_else(|| self.wrong(name, raw, "an array of strings"))
    }

    /// A string or an array of strings.
    pub fn one_or_many(&self, name: &str, raw: Raw<'_>) -> Result<OneOrMany> {
        match json::as_str(raw) {
            Some(one) => Ok(OneOrMany::One(one.into_owned())),
            None => self.strings(name, raw).map(OneOrMany::Many).map_err(|_| self.wrong(name, raw, "a string or an array of strings")),
        }
    }

    /// A number of seconds or a duration string.
    pub fn duration(&self, name: &str, raw: Raw<'_>) -> Result<Duration> {
        if let Some(text) = json::as_str(raw) {
            return Ok(Duration::Text(text.into_owned()));
        }
        self.number(name, raw).map(Duration::Seconds).map_err(|_| self.wrong(name, raw, DURATION_EXPECTED))
    }

    /// An object whose values are all booleans.
    pub fn flags(&self, name: &str, raw: Raw<'_>) -> Result<Vec<(String, bool)>> {
        json::as_object(raw)
            .and_then(|members| {
                members.iter().map(|(key, value)| json::as_bool(value).map(|flag| (key.to_owned(), flag))).collect()
            })
            .ok_or_else(|| self.wrong(name, raw, "an object of booleans"))
    }
}

/// The option every call with a clock takes: the time to check or sign at, as a `Date`.
pub const CURRENT_DATE: &str = "currentDate";

/// The options a caller gave as JavaScript `Date`s, which JSON text cannot carry: the binding takes
/// each `Date` member out of the options object and passes its name with its time in milliseconds
/// since the epoch (NaN for an invalid `Date`). Which options may be a `Date` is decided here: a
/// `Date` given where a string is expected must be refused, not read as its ISO text.
/// Only the binding makes one (a Rust caller passes the time as `now`).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(all(target_arch = "wasm32", feature = "js")), allow(dead_code))]
pub(crate) struct DateOptions(Vec<(String, f64)>);

#[cfg_attr(not(all(target_arch = "wasm32", feature = "js")), allow(dead_code))]
impl DateOptions {
    /// The `Date` members, by name, with their times in milliseconds.
    pub fn new(dates: Vec<(String, f64)>) -> Self {
        DateOptions(dates)
    }

    /// The `Date` members as the binding writes them: a JSON object of their times in
    /// milliseconds, `null` for an invalid `Date`. Errors: `ERR_OPTIONS_INVALID`.
    pub fn from_json(text: &str) -> Result<Self> {
        let object = OptionObject::parse(text, ErrorCode::OptionsInvalid)?;
        let mut dates = Vec::new();
        for (name, raw) in object.present() {
            let millis = if json::is_null(raw) { f64::NAN } else { object.number(name, raw)? };
            dates.push((name.to_owned(), millis));
        }
        Ok(DateOptions(dates))
    }

    /// Refuses a `Date` given for any option not in `allowed` (which `naming_them` lists, for the
    /// message). Errors: `ERR_OPTIONS_INVALID`.
    pub fn only(&self, allowed: &[&str], naming_them: &str) -> Result<()> {
        match self.0.iter().find(|(name, _)| !allowed.contains(&name.as_str())) {
            Some((name, _)) => {
                Err(Error::new(ErrorCode::OptionsInvalid, format!("\"{name}\" cannot be a Date (only {naming_them} can)")))
            }
            None => Ok(()),
        }
    }

    /// The time of the `Date` given as `name`, rounded down to the second as jose rounds one.
    /// Errors: `ERR_OPTIONS_INVALID` for an invalid `Date`.
    pub fn time(&self, name: &str) -> Result<Option<UnixTime>> {
        let Some((_, millis)) = self.0.iter().find(|(given, _)| given == name) else { return Ok(None) };
        UnixTime::from_millis(*millis)
            .map(Some)
            .ok_or_else(|| Error::new(ErrorCode::OptionsInvalid, format!("\"{name}\" must be a valid Date, not an Invalid Date (its time is NaN)")))
    }

    /// The clock of a verification or expiry check: `currentDate`, the one option of theirs that
    /// may be a `Date`. Errors: `ERR_OPTIONS_INVALID`.
    pub fn current_date_only(&self) -> Result<Option<UnixTime>> {
        self.only(&[CURRENT_DATE], CURRENT_DATE)?;
        self.time(CURRENT_DATE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_over_64_mib_of_text_are_refused_and_a_jwk_is_left_to_its_own_cap() {
        let longest = format!(r#"{{"issuer":"{}"}}"#, "a".repeat(MAX_OPTIONS_TEXT_LEN - 13));
        assert_eq!(longest.len(), MAX_OPTIONS_TEXT_LEN);
        assert!(OptionObject::parse(&longest, ErrorCode::OptionsInvalid).is_ok());
        let over = format!("{longest} ");
        let error = OptionObject::parse(&over, ErrorCode::OptionsInvalid).err().unwrap();
        assert_eq!((error.code(), error.message()), (ErrorCode::OptionsInvalid, "the options are longer than 64 MiB of JSON text"));
        assert!(OptionObject::parse(&over, ErrorCode::JwkInvalid).is_ok());
    }

    #[test]
    fn dates_are_taken_only_where_an_option_is_a_time() {
        let none = DateOptions::default();
        assert_eq!(none.current_date_only().unwrap(), None);
        let clock = DateOptions::new(vec![("currentDate".into(), 1_999.0)]);
        assert_eq!(clock.current_date_only().unwrap(), Some(UnixTime::from_secs(1)));
        let issuer = DateOptions::new(vec![("currentDate".into(), 0.0), ("issuer".into(), 0.0)]);
        let error = issuer.current_date_only().unwrap_err();
        assert_eq!(error.code(), ErrorCode::OptionsInvalid);
        assert!(error.message().contains("\"issuer\" cannot be a Date"), "{}", error.message());
        assert!(issuer.only(&["currentDate", "issuer"], "currentDate and issuer").is_ok());
        let written = DateOptions::from_json(r#"{"currentDate":1999,"issuer":null}"#).unwrap();
        assert_eq!(written.time("currentDate").unwrap(), Some(UnixTime::from_secs(1)));
        assert!(written.time("issuer").is_err(), "null is an invalid Date");
        assert!(DateOptions::from_json(r#"{"currentDate":"1999"}"#).is_err());
        let invalid = DateOptions::new(vec![("expirationTime".into(), f64::NAN)]);
        let error = invalid.time("expirationTime").unwrap_err();
        assert_eq!((error.code(), error.message()), (ErrorCode::OptionsInvalid, "\"expirationTime\" must be a valid Date, not an Invalid Date (its time is NaN)"));
        assert_eq!(invalid.time("notBefore").unwrap(), None);
    }

    #[test]
    fn names_are_shown_up_to_64_characters() {
        let exact = "é".repeat(64);
        assert_eq!(shown_name(&exact), format!("\"{exact}\""));
        assert_eq!(shown_name(&format!("{exact}x")), format!("\"{exact}...\""));
        assert_eq!(shown_name("issuer"), "\"issuer\"");
        assert_eq!(shown_name("a\nb\u{1b}[31m\""), r#""a\nb\u001b[31m\"""#);
    }

    #[test]
    fn a_current_date_in_the_text_was_not_a_date() {
        let o = object(r#"{"currentDate":"2026-01-01T00:00:00.000Z"}"#);
        let error = o.unknown("currentDate", &["issuer"]);
        assert!(error.message().starts_with("\"currentDate\" must be a valid Date"), "{}", error.message());
        assert!(o.unknown("isuer", &["issuer"]).message().contains("expected one of: issuer"));
        // jsonwebtoken's and fast-jwt's names get what to write instead, in the call they belong to.
        assert_eq!(
            o.unknown("expiresIn", &["alg", "expirationTime"]).message(),
            "unknown option \"expiresIn\": use expirationTime, a duration such as \"15m\" (a number there is an absolute NumericDate) (expected one of: alg, expirationTime)"
        );
        assert_eq!(o.unknown("maxAge", &["algorithms"]).message(), "unknown option \"maxAge\": use maxTokenAge (seconds, or a duration such as \"2h\") (expected one of: algorithms)");
        assert_eq!(o.unknown("maxAge", &["clockTolerance"]).message(), "unknown option \"maxAge\" (expected one of: clockTolerance)");
        assert_eq!(o.unknown("algorithm", &["alg", "expirationTime"]).message(), "unknown option \"algorithm\": use alg (expected one of: alg, expirationTime)");
    }

    #[test]
    fn an_unknown_option_is_named_with_the_others_unknown_and_their_hints() {
        let o = OptionObject::parse(r#"{"expiresIn":"1h","issuer":"me","jwtid":"j","x":1,"keyid":"k"}"#, ErrorCode::OptionsInvalid).unwrap();
        let known = ["alg", "issuer", "expirationTime", "cache (createVerifier only)"];
        assert_eq!(
            o.unknown("expiresIn", &known).message(),
            concat!(
                "unknown option \"expiresIn\": use expirationTime, a duration such as \"15m\" (a number there is an absolute NumericDate); ",
                "also unknown: \"jwtid\": use jti; \"x\"; \"keyid\": use header: { kid } ",
                "(expected one of: alg, issuer, expirationTime, cache (createVerifier only))"
            )
        );
        // A name listed with words after it is accepted all the same.
        let cache = OptionObject::parse(r#"{"a":1,"cache":{}}"#, ErrorCode::OptionsInvalid).unwrap();
        assert_eq!(cache.unknown("a", &known).message(), "unknown option \"a\" (expected one of: alg, issuer, expirationTime, cache (createVerifier only))");
        // At most 8 others are shown.
        let members: Vec<String> = (0..12).map(|i| format!("\"n{i}\":1")).collect();
        let text = format!("{{{}}}", members.join(","));
        let many = OptionObject::parse(&text, ErrorCode::OptionsInvalid).unwrap();
        let message = many.unknown("n0", &known).message().to_owned();
        assert!(message.contains("\"n8\"; and 3 more (expected"), "{message}");
        assert!(!message.contains("\"n9\""), "{message}");
    }

    fn object(text: &str) -> OptionObject<'_> {
        OptionObject::parse(text, ErrorCode::OptionsInvalid).unwrap()
    }

    #[test]
    fn no_typed_reader_takes_null_and_the_error_says_to_leave_it_out() {
        let o = object(r#"{"a":null,"b":1}"#);
        assert_eq!(o.present().map(|(k, _)| k).collect::<Vec<_>>(), ["a", "b"]);
        let null = o.members.get("a").unwrap();
        let errors = [
            o.string("a", null).err(),
            o.boolean("a", null).err(),
            o.number("a", null).err(),
            o.strings("a", null).err(),
            o.one_or_many("a", null).err(),
            o.duration("a", null).err(),
            o.flags("a", null).err(),
        ];
        for error in errors {
            let error = error.unwrap();
            assert_eq!(error.code(), ErrorCode::OptionsInvalid);
            assert!(error.message().ends_with("not null (leave it out for the default)"), "{}", error.message());
        }
        assert!(!o.string("b", o.members.get("b").unwrap()).unwrap_err().message().contains("null"));
        // A JWK's members have no default to fall back to: no hint to leave them out.
        let jwk = OptionObject::parse(r#"{"k":null}"#, ErrorCode::JwkInvalid).unwrap();
        let error = jwk.string("k", jwk.members.get("k").unwrap()).unwrap_err();
        assert_eq!((error.code(), error.message()), (ErrorCode::JwkInvalid, "\"k\" must be a string, not null"));
    }

    #[test]
    fn typed_readers_accept_their_type_only() {
        let o = object(r#"{"s":"x","n":2.5,"l":["a","b"],"m":["a",1],"f":{"a":true},"g":{"a":1},"big":1e400}"#);
        let get = |name| o.members.get(name).unwrap();
        assert_eq!(o.string("s", get("s")).unwrap(), "x");
        assert_eq!(o.string("n", get("n")).unwrap_err().code(), ErrorCode::OptionsInvalid);
        assert_eq!(o.number("n", get("n")).unwrap(), 2.5);
        assert!(o.number("big", get("big")).is_err());
        assert_eq!(o.strings("l", get("l")).unwrap(), ["a", "b"]);
        assert!(o.strings("m", get("m")).is_err());
        assert_eq!(o.one_or_many("s", get("s")).unwrap(), OneOrMany::One("x".into()));
        assert_eq!(o.one_or_many("l", get("l")).unwrap(), OneOrMany::Many(vec!["a".into(), "b".into()]));
        assert_eq!(o.duration("s", get("s")).unwrap(), Duration::Text("x".into()));
        assert_eq!(o.duration("n", get("n")).unwrap(), Duration::Seconds(2.5));
        assert_eq!(o.flags("f", get("f")).unwrap(), [("a".to_string(), true)]);
        assert!(o.flags("g", get("g")).is_err());
    }

    #[test]
    fn errors_name_the_option_and_carry_the_object_code() {
        let o = OptionObject::parse(r#"{"k":1}"#, ErrorCode::JwkInvalid).unwrap();
        let e = o.string("k", o.members.get("k").unwrap()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::JwkInvalid);
        assert!(e.message().contains("\"k\""));
        assert_eq!(OptionObject::parse("[]", ErrorCode::OptionsInvalid).err().map(|e| e.code()), Some(ErrorCode::OptionsInvalid));
    }

    #[test]
    fn an_unreadable_object_is_named_as_a_jwk_or_as_the_options() {
        for text in [r#"{"kid":"\ud800"}"#, "[]", r#"{"k":"a","k":"b"}"#] {
            let jwk = OptionObject::parse(text, ErrorCode::JwkInvalid).err().unwrap();
            assert_eq!(jwk.code(), ErrorCode::JwkInvalid, "{text}");
            assert!(jwk.message().starts_with("the JWK holds a string with a lone UTF-16 surrogate"), "{text}: {}", jwk.message());
            let options = OptionObject::parse(text, ErrorCode::OptionsInvalid).err().unwrap();
            assert_eq!(options.code(), ErrorCode::OptionsInvalid, "{text}");
            assert!(options.message().starts_with("the options hold a string with a lone UTF-16 surrogate"), "{text}: {}", options.message());
        }
    }
}
