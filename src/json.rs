//! Strict reading of a JSON object's top-level members, as JOSE headers and claims sets need.
//!
//! Members are kept as raw JSON text, so a member nobody checks costs only a syntax check.
//! Duplicate member names are refused (RFC 7515 section 5.2 lets a recipient do so), so what
//! the core validated and what `JSON.parse` gives JavaScript can never differ.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// The members of one JSON object, in document order, values as raw JSON text.
#[derive(Debug)]
pub struct Members<'a> {
    entries: Vec<(Cow<'a, str>, &'a RawValue)>,
}

/// Why a text is not a strict JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectError {
    /// Not JSON, or JSON that is not an object (also: nesting deeper than 128).
    NotAnObject,
    /// Two members share a name (after unescaping).
    DuplicateMember,
}

impl<'a> Members<'a> {
    /// Parses `text` as one JSON object with distinct member names.
    pub fn parse(text: &'a str) -> Result<Self, ObjectError> {
        let entries: Vec<(Cow<'a, str>, &'a RawValue)> =
            serde_json::from_str::<MemberList<'a>>(text).map_err(|_| ObjectError::NotAnObject)?.0;
        if has_duplicate_names(&entries) {
            return Err(ObjectError::DuplicateMember);
        }
        Ok(Members { entries })
    }

    /// The raw value of member `name`, if present.
    pub fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.entries.iter().find(|(key, _)| key == name).map(|(_, value)| *value)
    }

    /// Whether member `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &'a RawValue)> + '_ {
        self.entries.iter().map(|(key, value)| (key.as_ref(), *value))
    }
}

/// Quadratic for the usual handful of members, sorted for the rare large object.
fn has_duplicate_names(entries: &[(Cow<'_, str>, &RawValue)]) -> bool {
    const LINEAR_SCAN_LIMIT: usize = 24;
    if entries.len() <= LINEAR_SCAN_LIMIT {
        return entries
            .iter()
            .enumerate()
            .any(|(i, (name, _))| entries.iter().skip(i.saturating_add(1)).any(|(other, _)| other == name));
    }
    let mut names: Vec<&str> = entries.iter().map(|(name, _)| name.as_ref()).collect();
    names.sort_unstable();
    names.windows(2).any(|pair| matches!(pair, [a, b] if a == b))
}

/// A JSON string value, borrowed when it has no escapes; `None` for any other JSON type.
pub fn as_str(raw: &RawValue) -> Option<Cow<'_, str>> {
    let text = raw.get();
    if !text.starts_with('"') {
        return None;
    }
    serde_json::from_str::<BorrowedText<'_>>(text).ok().map(|t| t.0)
}

/// A JSON number value as the nearest double, as `JSON.parse` reads it (so `1e400` is infinite);
/// `None` for any other JSON type.
pub fn as_number(raw: &RawValue) -> Option<f64> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => text.parse::<f64>().ok(),
        _ => None,
    }
}

/// A JSON boolean value; `None` for any other JSON type.
pub fn as_bool(raw: &RawValue) -> Option<bool> {
    match raw.get() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The elements of a JSON array as raw values; `None` if `raw` is not an array.
pub fn as_array(raw: &RawValue) -> Option<Vec<&RawValue>> {
    if !raw.get().starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok()
}

/// Writes `value` as a JSON string literal.
pub fn quote(value: &str) -> String {
    // Serialising a str cannot fail; the fallback keeps this free of panics regardless.
    serde_json::to_string(value).unwrap_or_else(|_| String::from("\"\""))
}

/// Writes a finite number the way `JSON.stringify` does for integers (no `.0`).
pub fn number(value: f64) -> String {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER {
        #[allow(clippy::cast_possible_truncation)] // integral and within ±2^53
        let integer = value as i64;
        integer.to_string()
    } else {
        serde_json::to_string(&value).unwrap_or_else(|_| String::from("null"))
    }
}

struct MemberList<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for MemberList<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = MemberList<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8).min(64));
                while let Some(BorrowedText(name)) = map.next_key()? {
                    let value: &'de RawValue = map.next_value()?;
                    entries.push((name, value));
                }
                Ok(MemberList(entries))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// A string that borrows from the input when it can.
struct BorrowedText<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for BorrowedText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = BorrowedText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(BorrowedText(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(BorrowedText(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(BorrowedText(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_members_in_document_order_as_raw_text() {
        let m = Members::parse(r#"{"b":1,"a":{"x":[1,2]},"c":"s"}"#).unwrap();
        let names: Vec<&str> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert_eq!(m.get("a").unwrap().get(), r#"{"x":[1,2]}"#);
        assert!(m.get("z").is_none());
    }

    #[test]
    fn rejects_anything_but_an_object() {
        for text in ["[]", "1", "\"s\"", "null", "", "{", "{}x", "{\"a\":}", "{'a':1}"] {
            assert_eq!(Members::parse(text).unwrap_err(), ObjectError::NotAnObject, "{text}");
        }
    }

    #[test]
    fn rejects_duplicate_names_including_escaped_ones() {
        assert_eq!(Members::parse(r#"{"a":1,"a":2}"#).unwrap_err(), ObjectError::DuplicateMember);
        assert_eq!(Members::parse(r#"{"exp":1,"\u0065xp":2}"#).unwrap_err(), ObjectError::DuplicateMember);
        let many: Vec<String> = (0..100).map(|i| format!("\"k{}\":0", i % 99)).collect();
        let text = format!("{{{}}}", many.join(","));
        assert_eq!(Members::parse(&text).unwrap_err(), ObjectError::DuplicateMember);
    }

    #[test]
    fn allows_duplicates_only_below_the_top_level() {
        // Nested objects are passed to JSON.parse untouched; only top-level names are claims.
        assert!(Members::parse(r#"{"a":{"x":1,"x":2}}"#).is_ok());
    }

    #[test]
    fn scans_deep_nesting_below_the_top_level_without_recursion() {
        // Raw values are skipped iteratively, so a 64 KiB token cannot exhaust the stack.
        let text = format!("{{\"a\":{}{}}}", "[".repeat(40_000), "]".repeat(40_000));
        assert!(Members::parse(&text).is_ok());
        let unbalanced = format!("{{\"a\":{}{}}}", "[".repeat(40_000), "]".repeat(39_999));
        assert!(Members::parse(&unbalanced).is_err());
    }

    #[test]
    fn reads_typed_values() {
        let m = Members::parse(r#"{"n":1e400,"i":-12,"s":"a\"b","t":true,"a":["x",1]}"#).unwrap();
        assert_eq!(as_number(m.get("n").unwrap()), Some(f64::INFINITY));
        assert_eq!(as_number(m.get("i").unwrap()), Some(-12.0));
        assert_eq!(as_number(m.get("s").unwrap()), None);
        assert_eq!(as_str(m.get("s").unwrap()).as_deref(), Some("a\"b"));
        assert_eq!(as_str(m.get("i").unwrap()), None);
        assert_eq!(as_bool(m.get("t").unwrap()), Some(true));
        assert_eq!(as_array(m.get("a").unwrap()).map(|a| a.len()), Some(2));
        assert!(as_array(m.get("s").unwrap()).is_none());
    }

    #[test]
    fn writes_numbers_like_json_stringify() {
        assert_eq!(number(1_300_819_380.0), "1300819380");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(number(1.5), "1.5");
    }
}
