//! The JOSE protected header (RFC 7515 section 4): `alg`, `crit` and `b64` rules.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{self, Members, ObjectError};
use std::borrow::Cow;

/// Extension parameters every verifier understands (RFC 7797 section 3: `b64`).
const BUILT_IN_EXTENSIONS: [&str; 1] = ["b64"];

/// A parsed protected header whose `crit` and `alg` are well formed.
#[derive(Debug)]
pub struct Header<'a> {
    members: Members<'a>,
    alg: Cow<'a, str>,
    b64: bool,
}

impl<'a> Header<'a> {
    /// Parses header JSON, applying RFC 7515 section 4.1.11 to `crit` with `recognised` as the
    /// caller's extension names. Errors: `ERR_JWS_INVALID` for a malformed header, `crit` or
    /// `alg`; `ERR_JOSE_NOT_SUPPORTED` for a critical extension nobody recognises.
    pub fn parse(text: &'a str, recognised: &[String]) -> Result<Self> {
        let members = members(text)?;
        let critical = critical_extensions(&members, recognised)?;
        let b64 = match critical.iter().any(|name| name == "b64") {
            true => members
                .get("b64")
                .and_then(json::as_bool)
                .ok_or_else(|| invalid("the \"b64\" header parameter must be a boolean"))?,
            false => true,
        };
        let alg = members
            .get("alg")
            .and_then(json::as_str)
            .filter(|alg| !alg.is_empty())
            .ok_or_else(|| invalid("the \"alg\" header parameter is missing or not a non-empty string"))?;
        Ok(Header { members, alg, b64 })
    }

    /// The `alg` value, not yet checked against any allowlist.
    pub fn alg(&self) -> &str {
        &self.alg
    }

    /// False when the payload is unencoded (`b64: false` listed in `crit`).
    pub fn b64(&self) -> bool {
        self.b64
    }

    /// All header members.
    pub fn members(&self) -> &Members<'a> {
        &self.members
    }
}

/// The names listed in `crit`, after checking each is recognised and present. A name may be
/// listed more than once (jose accepts that too), so each distinct name is looked up among the
/// members once: the distinct names are all recognised ones, which the caller's options bound,
/// so a header the signature has not yet vouched for cannot make this quadratic in its length.
fn critical_extensions<'a>(members: &Members<'a>, recognised: &[String]) -> Result<Vec<Cow<'a, str>>> {
    let Some(crit) = members.get("crit") else { return Ok(Vec::new()) };
    let names: Vec<Cow<'a, str>> = json::as_array(crit)
        .filter(|items| !items.is_empty())
        .map(|items| items.into_iter().map(json::as_str).collect::<Option<Vec<_>>>())
        .unwrap_or(None)
        .filter(|names| names.iter().all(|name| !name.is_empty()))
        .ok_or_else(|| invalid("the \"crit\" header parameter must be a non-empty array of non-empty strings"))?;
    let mut present: Vec<&str> = Vec::new();
    for name in &names {
        if present.contains(&name.as_ref()) {
            continue;
        }
        let known = BUILT_IN_EXTENSIONS.contains(&name.as_ref()) || recognised.iter().any(|r| r == name);
        if !known {
            // The name comes from the token, so it is not echoed.
            return Err(Error::new(ErrorCode::NotSupported, "a critical header extension is not recognised (one the application checks itself is named in the \"crit\" option: { crit: { name: true } })"));
        }
        if !members.contains(name) {
            return Err(invalid("a critical header extension is listed in \"crit\" but absent"));
        }
        present.push(name);
    }
    Ok(names)
}

/// The members of a protected header's JSON text. Errors: `ERR_JWS_INVALID`, saying whether it
/// is not a JSON object or repeats a name.
pub fn members(text: &str) -> Result<Members<'_>> {
    Members::parse(text).map_err(|error| match error {
        ObjectError::NotAnObject => invalid("the protected header is not a JSON object"),
        ObjectError::DuplicateMember => invalid("the protected header has a duplicate member name"),
    })
}

fn invalid(message: &'static str) -> Error {
    Error::new(ErrorCode::JwsInvalid, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, recognised: &[String]) -> ErrorCode {
        Header::parse(text, recognised).unwrap_err().code()
    }

    #[test]
    fn reads_alg_and_defaults_b64_to_true() {
        let h = Header::parse(r#"{"alg":"HS256","typ":"JWT"}"#, &[]).unwrap();
        assert_eq!(h.alg(), "HS256");
        assert!(h.b64());
        assert!(h.members().contains("typ"));
    }

    #[test]
    fn requires_a_non_empty_string_alg() {
        for text in [r#"{}"#, r#"{"alg":""}"#, r#"{"alg":1}"#, r#"{"alg":null}"#, r#"{"alg":["HS256"]}"#] {
            assert_eq!(code(text, &[]), ErrorCode::JwsInvalid, "{text}");
        }
    }

    #[test]
    fn refuses_headers_that_are_not_objects_or_repeat_names() {
        assert_eq!(code("[]", &[]), ErrorCode::JwsInvalid);
        assert_eq!(code(r#"{"alg":"HS256","alg":"none"}"#, &[]), ErrorCode::JwsInvalid);
    }

    #[test]
    fn applies_crit_rules() {
        let ours = vec!["exp".to_string()];
        assert_eq!(code(r#"{"alg":"HS256","crit":[]}"#, &[]), ErrorCode::JwsInvalid);
        assert_eq!(code(r#"{"alg":"HS256","crit":"exp"}"#, &[]), ErrorCode::JwsInvalid);
        assert_eq!(code(r#"{"alg":"HS256","crit":[""]}"#, &[]), ErrorCode::JwsInvalid);
        assert_eq!(code(r#"{"alg":"HS256","crit":[1]}"#, &[]), ErrorCode::JwsInvalid);
        assert_eq!(code(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, &[]), ErrorCode::NotSupported);
        assert_eq!(code(r#"{"alg":"HS256","crit":["exp"]}"#, &ours), ErrorCode::JwsInvalid, "listed but absent");
        assert!(Header::parse(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, &ours).is_ok());
    }

    #[test]
    fn a_name_repeated_in_crit_is_judged_like_one_listing() {
        let ours = vec!["exp".to_string()];
        let repeated = Header::parse(r#"{"alg":"HS256","crit":["b64","exp","b64","exp"],"b64":true,"exp":1}"#, &ours);
        assert!(repeated.unwrap().b64());
        // Repeats do not hide a name that is unknown or absent, wherever it comes.
        assert_eq!(code(r#"{"alg":"HS256","crit":["b64","b64","nope"],"b64":true}"#, &[]), ErrorCode::NotSupported);
        assert_eq!(code(r#"{"alg":"HS256","crit":["b64","exp","b64","exp"],"b64":true}"#, &ours), ErrorCode::JwsInvalid);
        let many = format!(r#"{{"alg":"HS256","crit":[{}],"b64":false}}"#, vec![r#""b64""#; 5000].join(","));
        assert!(!Header::parse(&many, &[]).unwrap().b64());
    }

    #[test]
    fn reads_b64_only_when_critical() {
        let h = Header::parse(r#"{"alg":"HS256","crit":["b64"],"b64":false}"#, &[]).unwrap();
        assert!(!h.b64());
        let ignored = Header::parse(r#"{"alg":"HS256","b64":false}"#, &[]).unwrap();
        assert!(ignored.b64(), "b64 outside crit has no effect (RFC 7797 section 6)");
        assert_eq!(code(r#"{"alg":"HS256","crit":["b64"],"b64":"no"}"#, &[]), ErrorCode::JwsInvalid);
    }
}
