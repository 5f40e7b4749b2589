//! A small strict JSON reader (RFC 8259) for JOSE headers, claims sets and options.
//!
//! It validates a whole document in one pass without building values: an object's top-level
//! members are kept as raw JSON text and read on demand, so a claim nobody checks costs only
//! its syntax check. Nesting is tracked with an explicit stack, never recursion, so no input
//! can exhaust the call stack. Duplicate member names are refused (RFC 7515 section 5.2 lets
//! a recipient do so), so what the core validated and what `JSON.parse` gives JavaScript can
//! never differ. Lone UTF-16 surrogates in `\u` escapes are refused too: a Rust string cannot
//! hold them, and RFC 8259 section 8.2 calls their meaning unpredictable.

use std::borrow::Cow;

/// One JSON value as raw text, already validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    /// The value's JSON text.
    pub fn text(self) -> &'a str {
        self.0
    }
}

/// The members of one JSON object, in document order, values as raw JSON text.
#[derive(Clone, Debug)]
pub struct Members<'a> {
    entries: Vec<(Cow<'a, str>, Raw<'a>)>,
}

/// Why a text is not a strict JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectError {
    /// Not JSON, or JSON that is not an object.
    NotAnObject,
    /// Two members share a name (after unescaping).
    DuplicateMember,
}

impl<'a> Members<'a> {
    /// Parses `text` as one JSON object with distinct member names.
    pub fn parse(text: &'a str) -> Result<Self, ObjectError> {
        let mut scanner = Scanner::new(text);
        scanner.skip_ws();
        if !scanner.eat(b'{') {
            return Err(ObjectError::NotAnObject);
        }
        // Sized for a typical header or access token, so that parsing one rarely reallocates.
        let mut entries = Vec::with_capacity(16);
        scanner.skip_ws();
        if !scanner.eat(b'}') {
            loop {
                scanner.skip_ws();
                let name = scanner.string(true).ok_or(ObjectError::NotAnObject)?;
                scanner.skip_ws();
                if !scanner.eat(b':') {
                    return Err(ObjectError::NotAnObject);
                }
                scanner.skip_ws();
                let start = scanner.pos;
                scanner.skip_value().ok_or(ObjectError::NotAnObject)?;
                let value = text.get(start..scanner.pos).ok_or(ObjectError::NotAnObject)?;
                entries.push((name, Raw(value)));
                scanner.skip_ws();
                if scanner.eat(b'}') {
                    break;
                }
                if !scanner.eat(b',') {
                    return Err(ObjectError::NotAnObject);
                }
            }
        }
        scanner.skip_ws();
        if !scanner.at_end() {
            return Err(ObjectError::NotAnObject);
        }
        if has_duplicate_names(&entries) {
            return Err(ObjectError::DuplicateMember);
        }
        Ok(Members { entries })
    }

    /// The raw value of member `name`, if present.
    pub fn get(&self, name: &str) -> Option<Raw<'a>> {
        self.entries.iter().find(|(key, _)| same_name(key, name)).map(|(_, value)| *value)
    }

    /// Whether member `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Raw<'a>)> + '_ {
        self.entries.iter().map(|(key, value)| (key.as_ref(), *value))
    }

}

/// The index of the first quote, backslash or control character in `bytes`, eight bytes at a
/// time: in each word, a byte equal to `"` or `\\` or below 0x20 sets its high bit in `found`
/// (higher bytes may be flagged wrongly after a borrow, the lowest never is).
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut words = bytes.chunks_exact(8);
    let mut offset: usize = 0;
    for chunk in &mut words {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let found = zero_byte(word ^ (ONES * u64::from(b'"')))
            | zero_byte(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS);
        if found != 0 {
            return offset.checked_add((found.trailing_zeros() / 8) as usize);
        }
        offset = offset.saturating_add(8);
    }
    let tail = words.remainder().iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
    offset.checked_add(tail)
}

/// Whether two member names are equal. The last byte is compared first: claim names are
/// mostly three letters ending differently, so nearly every unequal pair is told apart without
/// the byte-comparison call that `==` makes.
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// Up to this many names are compared pair by pair; more are sorted first.
const LINEAR_SCAN_LIMIT: usize = 24;

/// Quadratic for the usual handful of members, without allocating; heap-sorted names for the
/// rare large object.
fn has_duplicate_names(entries: &[(Cow<'_, str>, Raw<'_>)]) -> bool {
    let names = entries.iter().map(|(name, _)| name.as_ref());
    if entries.len() <= LINEAR_SCAN_LIMIT {
        return repeats_pairwise(names);
    }
    repeats_a_name(names.collect())
}

/// Whether two of `names` are equal, in O(n log n) however many there are: pair by pair for a
/// handful, else heap-sorted (a hand-written heapsort: the standard library's sorts add about
/// 9 KB to the wasm) and compared with their neighbours.
pub fn repeats_a_name(mut names: Vec<&str>) -> bool {
    if names.len() <= LINEAR_SCAN_LIMIT {
        return repeats_pairwise(names.iter().copied());
    }
    heapsort(&mut names);
    names.windows(2).any(|pair| matches!(pair, [a, b] if a == b))
}

/// Whether two of `names` are equal, comparing every pair: for a handful of names only.
fn repeats_pairwise<'n>(mut names: impl Iterator<Item = &'n str> + Clone) -> bool {
    while let Some(name) = names.next() {
        if names.clone().any(|other| same_name(other, name)) {
            return true;
        }
    }
    false
}

/// Swaps `items[a]` and `items[b]`, for `a < b`, without `slice::swap`'s panic: nothing when
/// either is out of range, which the heap sort's indices never are.
fn swap_forward(items: &mut [&str], a: usize, b: usize) {
    if let Some((head, tail)) = items.split_at_mut_checked(b) {
        if let (Some(x), Some(y)) = (head.get_mut(a), tail.first_mut()) {
            core::mem::swap(x, y);
        }
    }
}

fn heapsort(items: &mut [&str]) {
    fn sift_down(items: &mut [&str], mut root: usize, end: usize) {
        loop {
            let left = root.saturating_mul(2).saturating_add(1);
            if left >= end {
                return;
            }
            let right = left.saturating_add(1);
            let child = if right < end && items.get(right) > items.get(left) { right } else { left };
            if items.get(root) >= items.get(child) {
                return;
            }
            swap_forward(items, root, child);
            root = child;
        }
    }
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len);
    }
    for end in (1..len).rev() {
        swap_forward(items, 0, end);
        sift_down(items, 0, end);
    }
}

/// A JSON string value, borrowed when it has no escapes; `None` for any other JSON type.
pub fn as_str(raw: Raw<'_>) -> Option<Cow<'_, str>> {
    string_literal(raw.0)
}

/// The value of `text` if it is exactly one JSON string literal.
pub fn string_literal(text: &str) -> Option<Cow<'_, str>> {
    let mut scanner = Scanner::new(text);
    let value = scanner.string(true)?;
    scanner.at_end().then_some(value)
}

/// A JSON number value as the nearest double, as `JSON.parse` reads it (so `1e400` is
/// infinite); `None` for any other JSON type.
pub fn as_number(raw: Raw<'_>) -> Option<f64> {
    match raw.0.as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => crate::decimal::parse_f64(raw.0),
        _ => None,
    }
}

/// A JSON boolean value; `None` for any other JSON type.
pub fn as_bool(raw: Raw<'_>) -> Option<bool> {
    match raw.0 {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Whether the value is `null`.
pub fn is_null(raw: Raw<'_>) -> bool {
    raw.0 == "null"
}

/// The elements of a JSON array as raw values; `None` if `raw` is not an array.
pub fn as_array(raw: Raw<'_>) -> Option<Vec<Raw<'_>>> {
    let text = raw.0;
    let mut scanner = Scanner::new(text);
    if !scanner.eat(b'[') {
        return None;
    }
    let mut items = Vec::new();
    scanner.skip_ws();
    if scanner.eat(b']') {
        return Some(items);
    }
    loop {
        scanner.skip_ws();
        let start = scanner.pos;
        scanner.skip_value()?;
        items.push(Raw(text.get(start..scanner.pos)?));
        scanner.skip_ws();
        if scanner.eat(b']') {
            return Some(items);
        }
        if !scanner.eat(b',') {
            return None;
        }
    }
}

/// The members of a JSON object value; `None` if `raw` is not an object (or repeats a name).
pub fn as_object(raw: Raw<'_>) -> Option<Members<'_>> {
    match raw.0.as_bytes().first() {
        Some(b'{') => Members::parse(raw.0).ok(),
        _ => None,
    }
}

/// Writes `value` as a JSON string literal.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len().saturating_add(2));
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = usize::from(c as u8);
                out.push_str("\\u00");
                out.push(char::from(HEX.get(n >> 4).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(n & 15).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes an integral number within ±(2^53 − 1) as JSON (`JSON.stringify`'s form); `None` for
/// any other value, whose text the caller must keep as given.
pub fn integer(value: f64) -> Option<String> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    #[allow(clippy::cast_possible_truncation)] // integral and within ±(2^53 − 1), checked first
    let integral = (value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER).then_some(value as i64);
    integral.map(|i| i.to_string())
}

/// The closers a value still expects, innermost last: the nesting lives here, not on the call
/// stack. The first levels sit in an array, so the shallow values of real tokens (an array of
/// roles) allocate nothing; deeper levels go to the heap, which always holds exactly the levels
/// beyond the array's (`deep.len() == depth - 16` once `depth > 16`, else empty).
#[derive(Default)]
struct Closers {
    shallow: [u8; 16],
    deep: Vec<u8>,
    depth: usize,
}

impl Closers {
    fn push(&mut self, closer: u8) {
        match self.shallow.get_mut(self.depth) {
            Some(slot) => *slot = closer,
            None => self.deep.push(closer),
        }
        self.depth = self.depth.saturating_add(1);
    }

    fn last(&self) -> Option<u8> {
        let top = self.depth.checked_sub(1)?;
        self.shallow.get(top).or_else(|| self.deep.last()).copied()
    }

    fn pop(&mut self) {
        if self.depth > self.shallow.len() {
            self.deep.pop();
        }
        self.depth = self.depth.saturating_sub(1);
    }
}

/// A cursor over JSON text that validates as it skips.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner { text, bytes: text.as_bytes(), pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.bump();
        }
        found
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Skips one value of any depth; `None` if it is not valid JSON.
    fn skip_value(&mut self) -> Option<()> {
        let mut open = Closers::default();
        loop {
            self.skip_ws();
            match self.peek()? {
                b'{' => {
                    self.bump();
                    self.skip_ws();
                    if !self.eat(b'}') {
                        open.push(b'}');
                        self.member_name()?;
                        continue;
                    }
                }
                b'[' => {
                    self.bump();
                    self.skip_ws();
                    if !self.eat(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                b'"' => {
                    self.string(false)?;
                }
                b't' => self.literal("true")?,
                b'f' => self.literal("false")?,
                b'n' => self.literal("null")?,
                _ => self.number()?,
            }
            // A value ended: close what it ended, or move on to the next element or member.
            loop {
                let Some(closer) = open.last() else { return Some(()) };
                self.skip_ws();
                if self.eat(closer) {
                    open.pop();
                    continue;
                }
                if !self.eat(b',') {
                    return None;
                }
                if closer == b'}' {
                    self.skip_ws();
                    self.member_name()?;
                }
                break;
            }
        }
    }

    fn member_name(&mut self) -> Option<()> {
        self.string(false)?;
        self.skip_ws();
        self.eat(b':').then_some(())
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let end = self.pos.checked_add(word.len())?;
        (self.bytes.get(self.pos..end)? == word.as_bytes()).then(|| self.pos = end)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.bump(),
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.bump();
        }
    }

    /// Reads a string literal at the cursor. With `decode`, returns its value (borrowed when
    /// it has no escapes); without, only validates it and returns an empty value.
    fn string(&mut self, decode: bool) -> Option<Cow<'a, str>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.pos;
        let mut decoded: Option<String> = None;
        // Start of the plain run not yet copied into `decoded`.
        let mut run = start;
        loop {
            // Bytes of a multi-byte UTF-8 character are all >= 0x80, so scanning bytes for the
            // quote, the backslash and control characters is exact.
            let rest = self.bytes.get(self.pos..)?;
            let skip = string_end(rest)?;
            self.pos = self.pos.checked_add(skip)?;
            match self.peek()? {
                b'"' => {
                    let plain = self.text.get(run..self.pos)?;
                    self.bump();
                    return Some(match decoded {
                        Some(mut text) => {
                            text.push_str(plain);
                            Cow::Owned(text)
                        }
                        None if decode => Cow::Borrowed(plain),
                        None => Cow::Borrowed(""),
                    });
                }
                b'\\' => {
                    let plain = self.text.get(run..self.pos)?;
                    let c = self.escape()?;
                    if decode {
                        let out = decoded.get_or_insert_with(String::new);
                        out.push_str(plain);
                        out.push(c);
                    }
                    run = self.pos;
                }
                _ => return None,
            }
        }
    }

    /// Reads one escape after the backslash, joining a surrogate pair.
    fn escape(&mut self) -> Option<char> {
        self.bump();
        let c = match self.peek()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.bump();
                let unit = self.hex4()?;
                return match unit {
                    0xD800..=0xDBFF => {
                        if !(self.eat(b'\\') && self.eat(b'u')) {
                            return None;
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        // U+10000 plus the pair's 20 bits: added, not OR'd, since the high
                        // surrogate's bits reach past bit 16 (U+20000 and above).
                        let high_bits = (unit & 0x3FF) << 10;
                        char::from_u32(0x1_0000_u32.checked_add(high_bits)?.checked_add(low & 0x3FF)?)
                    }
                    0xDC00..=0xDFFF => None,
                    _ => char::from_u32(unit),
                };
            }
            _ => return None,
        };
        self.bump();
        Some(c)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = char::from(self.peek()?).to_digit(16)?;
            value = (value << 4) | digit;
            self.bump();
        }
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_end_finds_the_first_quote_backslash_or_control_character() {
        let naive = |bytes: &[u8]| bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for length in 0..40 {
            for _ in 0..500 {
                let bytes: Vec<u8> = (0..length)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        // Mostly plain text, sometimes a special byte or a high byte.
                        match seed % 16 {
                            0 => b'"',
                            1 => b'\\',
                            2 => (seed >> 8) as u8 % 0x20,
                            3 => 0x80 | (seed >> 8) as u8,
                            4 => [0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0xff][(seed >> 8) as usize % 7],
                            _ => b'a' + (seed >> 8) as u8 % 26,
                        }
                    })
                    .collect();
                assert_eq!(string_end(&bytes), naive(&bytes), "{bytes:?}");
            }
        }
    }

    #[test]
    fn keeps_members_in_document_order_as_raw_text() {
        let m = Members::parse(r#" {"b":1, "a" : {"x":[1,2]},"c":"s"} "#).unwrap();
        let names: Vec<&str> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert_eq!(m.get("a").unwrap().text(), r#"{"x":[1,2]}"#);
        assert!(m.get("z").is_none());
        assert_eq!(Members::parse("{}").unwrap().iter().count(), 0);
    }

    #[test]
    fn rejects_anything_but_an_object() {
        for text in ["[]", "1", "\"s\"", "null", "", "{", "{}x", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{,}", "{\"a\"}"] {
            assert_eq!(Members::parse(text).unwrap_err(), ObjectError::NotAnObject, "{text}");
        }
    }

    #[test]
    fn validates_every_value_even_unread_ones() {
        let bad = [
            "[1,]", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "[-]", "[tru]", "[nul]", "[\"\\x\"]", "[\"\\u12\"]",
            "[\"a\tb\"]", "[1 2]", "{\"k\" 1}", "{\"k\":1 \"j\":2}", "[[]", "[]]", "{\"k\":[}", "[\"\\ud800\"]",
            "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[NaN]", "[Infinity]", "[1,\u{a0}2]",
        ];
        for value in bad {
            let text = format!("{{\"a\":{value}}}");
            assert_eq!(Members::parse(&text).unwrap_err(), ObjectError::NotAnObject, "{text}");
        }
        let good = [
            "[]", "{}", "[1,-0,0.5,1e5,1E+5,-1.5e-5,123456789012345678901234567890]", "[true,false,null]",
            "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"]", "{\"x\":{\"y\":[{\"z\":null}]}}", " [ 1 , 2 ] ",
            "\"é😀\"",
        ];
        for value in good {
            let text = format!("{{\"a\":{value}}}");
            assert!(Members::parse(&text).is_ok(), "{text}");
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
    fn heapsort_sorts() {
        let mut words: Vec<&str> = "the quick brown fox jumps over the lazy dog a b c".split(' ').collect();
        let mut expected = words.clone();
        expected.sort_unstable();
        heapsort(&mut words);
        assert_eq!(words, expected);
        for n in 0..40 {
            let owned: Vec<String> = (0..n).map(|i| format!("k{}", (i * 7919) % 41)).collect();
            let mut items: Vec<&str> = owned.iter().map(String::as_str).collect();
            heapsort(&mut items);
            assert!(items.windows(2).all(|w| w[0] <= w[1]), "{n}");
        }
        let distinct: Vec<String> = (0..100).map(|i| format!("\"k{i}\":0")).collect();
        assert!(Members::parse(&format!("{{{}}}", distinct.join(","))).is_ok());
    }

    #[test]
    fn finds_a_repeated_name_among_many_quickly() {
        for n in [0, 1, 2, 24, 25, 65_536] {
            let owned: Vec<String> = (0..n).map(|i| format!("op{i}")).collect();
            let names = || owned.iter().map(String::as_str).collect::<Vec<_>>();
            assert!(!repeats_a_name(names()), "{n} distinct");
            if n > 1 {
                let mut repeated = names();
                repeated.push(owned[n / 2].as_str());
                assert!(repeats_a_name(repeated), "{n} with a repeat");
            }
        }
    }

    #[test]
    fn allows_duplicates_only_below_the_top_level() {
        // Nested objects go to JSON.parse untouched; only top-level names are claims.
        assert!(Members::parse(r#"{"a":{"x":1,"x":2}}"#).is_ok());
    }

    #[test]
    fn scans_deep_nesting_without_recursion() {
        let text = format!("{{\"a\":{}{}}}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(Members::parse(&text).is_ok());
        let objects = format!("{{\"a\":{}1{}}}", "{\"k\":".repeat(100_000), "}".repeat(100_000));
        assert!(Members::parse(&objects).is_ok());
        let unbalanced = format!("{{\"a\":{}{}}}", "[".repeat(40_000), "]".repeat(39_999));
        assert!(Members::parse(&unbalanced).is_err());
        let crossed = "{\"a\":[{]}}";
        assert!(Members::parse(crossed).is_err());
    }

    #[test]
    fn matches_each_closer_at_every_depth_around_the_inline_levels() {
        // Whether level i is an array or an object follows the Thue-Morse sequence (the parity of
        // i's set bits), which has no period: a stack that lost or reused levels (16 kept inline,
        // deeper ones on the heap) would expect a wrong closer somewhere.
        let is_array = |i: u32| i.count_ones().is_multiple_of(2);
        let nested = |depth: u32| -> (String, String) {
            let open = (0..depth).map(|i| if is_array(i) { "[" } else { "{\"k\":" }).collect();
            let close = (0..depth).rev().map(|i| if is_array(i) { "]" } else { "}" }).collect();
            (open, close)
        };
        for depth in [1, 15, 16, 17, 18, 31, 32, 33, 40] {
            let (open, close) = nested(depth);
            let value = format!("{open}1{close}");
            // Siblings after a deep value reuse the levels it popped.
            let (short_open, short_close) = nested(depth / 2);
            let text = format!("{{\"a\":[{value},{value},{short_open}2{short_close}],\"b\":{value}}}");
            assert!(Members::parse(&text).is_ok(), "depth {depth}");
            // The same closers with one of them swapped, at each position, must be refused.
            for wrong in 0..close.len() {
                let mut swapped: Vec<char> = close.chars().collect();
                swapped[wrong] = if swapped[wrong] == ']' { '}' } else { ']' };
                let swapped: String = swapped.into_iter().collect();
                let text = format!("{{\"a\":[{value},{open}1{swapped}]}}");
                assert!(Members::parse(&text).is_err(), "depth {depth}, closer {wrong}");
            }
        }
    }

    #[test]
    fn reads_typed_values() {
        let m = Members::parse(r#"{"n":1e400,"i":-12,"s":"a\"b","t":true,"a":["x",1,{"k":[]}],"o":{"k":1},"z":null}"#).unwrap();
        assert_eq!(as_number(m.get("n").unwrap()), Some(f64::INFINITY));
        assert_eq!(as_number(m.get("i").unwrap()), Some(-12.0));
        assert_eq!(as_number(m.get("s").unwrap()), None);
        assert_eq!(as_str(m.get("s").unwrap()).as_deref(), Some("a\"b"));
        assert_eq!(as_str(m.get("i").unwrap()), None);
        assert_eq!(as_bool(m.get("t").unwrap()), Some(true));
        let items = as_array(m.get("a").unwrap()).unwrap();
        assert_eq!(items.iter().map(|r| r.text()).collect::<Vec<_>>(), ["\"x\"", "1", "{\"k\":[]}"]);
        assert!(as_array(m.get("s").unwrap()).is_none());
        assert_eq!(as_object(m.get("o").unwrap()).unwrap().get("k").unwrap().text(), "1");
        assert!(as_object(m.get("a").unwrap()).is_none());
        assert!(is_null(m.get("z").unwrap()));
    }

    #[test]
    fn decodes_escapes_and_borrows_plain_strings() {
        let m = Members::parse(r#"{"p":"plain","e":"\u00e9\ud83d\ude00\n"}"#).unwrap();
        assert!(matches!(as_str(m.get("p").unwrap()), Some(Cow::Borrowed("plain"))));
        assert_eq!(as_str(m.get("e").unwrap()).as_deref(), Some("é😀\n"));
    }

    #[test]
    fn decodes_every_surrogate_pair_as_utf16_does() {
        let pairs = (0xD800..=0xDBFF_u16)
            .flat_map(|high| [0xDC00, 0xDE5A, 0xDFFF].map(|low| (high, low)))
            .chain([0xD800, 0xD83D, 0xD840, 0xDBFF].into_iter().flat_map(|high| (0xDC00..=0xDFFF_u16).map(move |low| (high, low))));
        for (high, low) in pairs {
            let expected: String = char::decode_utf16([high, low]).map(|c| c.unwrap()).collect();
            let text = format!(r#"{{"s":"\u{high:04x}\u{low:04X}"}}"#);
            let m = Members::parse(&text).unwrap();
            assert_eq!(as_str(m.get("s").unwrap()).as_deref(), Some(expected.as_str()), "{text}");
        }
        // Names too: U+20000 and U+10000 are two members, each found by its own name.
        let m = Members::parse(r#"{"\ud840\udc00":1,"\ud800\udc00":2,"\udbff\udfff":3}"#).unwrap();
        for (name, value) in [("\u{20000}", "1"), ("\u{10000}", "2"), ("\u{10FFFF}", "3")] {
            assert_eq!(m.get(name).unwrap().text(), value, "{name}");
        }
    }

    #[test]
    fn quotes_strings_as_json() {
        assert_eq!(quote("a\"b\\c\n\u{1}é"), r#""a\"b\\c\n\u0001é""#);
        // As JSON.stringify writes them: space, DEL, `/` and non-ASCII stay as they are.
        assert_eq!(quote(" \u{7f}/\u{2028}😀"), "\" \u{7f}/\u{2028}😀\"");
        // Every control character as JSON.stringify writes it: the short forms, else \u00XX.
        let controls: String = (0..0x20_u8).map(char::from).collect();
        let short = [(8, "\\b"), (9, "\\t"), (10, "\\n"), (12, "\\f"), (13, "\\r")];
        let expected: String = (0..0x20_u8)
            .map(|c| short.iter().find(|(n, _)| *n == c).map_or_else(|| format!("\\u{c:04x}"), |(_, s)| (*s).to_owned()))
            .collect();
        assert_eq!(quote(&controls), format!("\"{expected}\""));
        let quoted = quote("x\u{1f}y");
        let text = format!("{{\"k\":{quoted}}}");
        let m = Members::parse(&text).unwrap();
        assert_eq!(as_str(m.get("k").unwrap()).as_deref(), Some("x\u{1f}y"));
    }

    #[test]
    fn writes_integers_like_json_stringify() {
        assert_eq!(integer(1_300_819_380.0).as_deref(), Some("1300819380"));
        assert_eq!(integer(-5.0).as_deref(), Some("-5"));
        assert_eq!(integer(1.5), None);
        assert_eq!(integer(1e300), None);
    }
}
