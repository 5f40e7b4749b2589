//! The JWS compact serialization (RFC 7515 section 7.1): three base64url segments joined by
//! dots, and the length cap that is checked before anything is decoded.

use std::borrow::Cow;

use crate::base64url;
use crate::error::{Error, ErrorCode, Result};

/// The default cap on a token's length, in bytes: 64 KiB.
pub const DEFAULT_MAX_TOKEN_LEN: usize = 64 * 1024;

/// The three segments of a compact JWS, still encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compact<'a> {
    /// The encoded protected header.
    pub header: &'a str,
    /// The encoded payload.
    pub payload: &'a str,
    /// The encoded signature.
    pub signature: &'a str,
    /// `header "." payload`: the bytes the signature covers (RFC 7515 section 5.1).
    pub signing_input: &'a str,
}

impl<'a> Compact<'a> {
    /// Splits a token into exactly three segments; `None` for any other count.
    pub fn split(token: &'a str) -> Option<Self> {
        // Each search goes on from the dot before it, so the token is scanned once. A dot is
        // ASCII: every position found is a character boundary.
        let bytes = token.as_bytes();
        let first = find_dot(bytes)?;
        let after_first = first.saturating_add(1);
        let second = after_first.saturating_add(find_dot(bytes.get(after_first..)?)?);
        let after_second = second.saturating_add(1);
        if find_dot(bytes.get(after_second..)?).is_some() {
            return None;
        }
        Some(Compact {
            header: token.get(..first)?,
            payload: token.get(after_first..second)?,
            signature: token.get(after_second..)?,
            signing_input: token.get(..second)?,
        })
    }

    /// [`Compact::split`], or the error with `code` for a token of any other shape: `usual`
    /// (the caller's wording of three segments), or what an empty token or an encrypted one is,
    /// with [`malformed`]'s hint.
    pub fn split_or(token: &'a str, code: ErrorCode, usual: &'static str) -> Result<Self> {
        Compact::split(token).ok_or_else(|| malformed(code, segments_message(token, usual), token))
    }
}

/// The position of the first `.` in `bytes`: 16 bytes at a time with wasm SIMD, then the rest
/// one by one.
fn find_dot(bytes: &[u8]) -> Option<usize> {
    let (blocks, found) = simd::find_dot_blocks(bytes);
    let start = blocks.saturating_mul(16);
    match found {
        Some(at) => Some(start.saturating_add(at)),
        None => bytes.get(start..)?.iter().position(|&byte| byte == b'.').map(|at| start.saturating_add(at)),
    }
}

/// Whole blocks of 16 bytes compared with `.` at once: the number of blocks without one, and the
/// position of the first dot in the block after them, if any.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat};

    pub fn find_dot_blocks(bytes: &[u8]) -> (usize, Option<usize>) {
        let dot = u8x16_splat(b'.');
        let mut blocks = 0usize;
        for chunk in bytes.chunks_exact(16) {
            let Some(c) = crate::simd::load(chunk) else { break };
            let mask = u8x16_bitmask(u8x16_eq(c, dot));
            if mask != 0 {
                return (blocks, Some(mask.trailing_zeros() as usize));
            }
            blocks = blocks.saturating_add(1);
        }
        (blocks, None)
    }
}

/// Without wasm SIMD, [`find_dot`] looks at every byte.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    pub fn find_dot_blocks(_bytes: &[u8]) -> (usize, Option<usize>) {
        (0, None)
    }
}

/// Why `token` did not split into three segments: `usual`, or what an empty token or an
/// encrypted one (five segments, RFC 7516 section 7.1) is.
#[cold]
#[inline(never)]
fn segments_message(token: &str, usual: &'static str) -> &'static str {
    if token.is_empty() {
        "the token is empty"
    } else if token.trim_ascii().is_empty() {
        "the token is only white space"
    } else if token.bytes().filter(|&byte| byte == b'.').count() == 4 {
        "the token has five segments, as an encrypted JWT (JWE) has; only signed tokens (JWS, three segments) are supported"
    } else {
        usual
    }
}

/// How long a token may be, in bytes, and whether an option sets that: a verify's cap is the
/// `maxTokenLength` option's, and its refusal names the option, so that a deployment whose
/// tokens are longer learns what to set; a decode's is fixed.
#[derive(Clone, Copy, Debug)]
pub struct TokenCap {
    /// The longest token taken, in bytes.
    pub max_len: usize,
    by_option: bool,
}

impl TokenCap {
    /// A decode's cap, which no option changes: [`DEFAULT_MAX_TOKEN_LEN`].
    pub const DECODE: TokenCap = TokenCap { max_len: DEFAULT_MAX_TOKEN_LEN, by_option: false };

    /// A verify's cap, as its `maxTokenLength` option sets it.
    pub fn verify(max_len: usize) -> TokenCap {
        TokenCap { max_len, by_option: true }
    }

    /// Refuses a token of `len` bytes over the cap. Errors: `ERR_JWT_TOO_LONG`.
    pub fn check(self, len: usize) -> Result<()> {
        let max_len = self.max_len;
        if len <= max_len {
            return Ok(());
        }
        let message = if self.by_option {
            format!("the token is longer than {max_len} bytes, the \"maxTokenLength\" option's cap ({DEFAULT_MAX_TOKEN_LEN} unless set)")
        } else {
            format!("the token is longer than {max_len} bytes")
        };
        Err(Error::new(ErrorCode::TokenTooLong, message))
    }
}

/// The error for a token that failed to split, decode or verify: `message`, with a hint when the
/// token shows one of the commonest slips: a leftover `Bearer ` scheme (an `Authorization` header
/// passed whole), white space around it (trim it), and white space within it (another scheme, a
/// header's name, a token wrapped over lines: a JWT has none). Only failures pay for the look.
#[cold]
#[inline(never)]
pub fn malformed(code: ErrorCode, message: &'static str, token: &str) -> Error {
    let bytes = token.as_bytes();
    let start = bytes.iter().position(|byte| !byte.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|byte| !byte.is_ascii_whitespace()).map_or(start, |last| last.saturating_add(1));
    let inner = bytes.get(start..end).unwrap_or_default();
    let scheme = bytes.get(start..).and_then(|rest| rest.get(..7)).is_some_and(|word| word.eq_ignore_ascii_case(b"bearer "))
        || inner.eq_ignore_ascii_case(b"bearer");
    let hint = if scheme {
        "; pass the token without the \"Bearer \" scheme before it"
    } else if inner.iter().any(u8::is_ascii_whitespace) {
        "; the token contains white space, which a JWT never does (pass the token alone, without a scheme or a header's name, on one line)"
    } else if !inner.is_empty() && inner.len() < bytes.len() {
        "; the token has white space around it (trim it)"
    } else if matches!(inner, [b'"', .., b'"'] | [b'\'', .., b'\'']) {
        // As copied from JSON, a shell or a log, or stored with JSON.stringify.
        "; the token is in quotes (remove them)"
    } else {
        return Error::new(code, message);
    };
    let mut text = String::with_capacity(message.len().saturating_add(hint.len()));
    text.push_str(message);
    text.push_str(hint);
    Error::new(code, Cow::Owned(text))
}

/// Decodes a base64url segment holding UTF-8 text; `None` if either step fails.
pub fn decode_text(segment: &str) -> Option<String> {
    String::from_utf8(base64url::decode(segment)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_exactly_three_segments() {
        let parts = Compact::split("aa.bb.cc").unwrap();
        assert_eq!((parts.header, parts.payload, parts.signature), ("aa", "bb", "cc"));
        assert_eq!(parts.signing_input, "aa.bb");
        let empty = Compact::split("..").unwrap();
        assert_eq!(empty.signing_input, ".");
        for bad in ["", "aa", "aa.bb", "aa.bb.cc.dd", "a.b.c.d.e"] {
            assert_eq!(Compact::split(bad), None, "{bad}");
        }
    }

    // Run in the wasm build too (wasm-pack test), where `find_dot` takes the SIMD path.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[allow(clippy::arithmetic_side_effects)]
    fn finds_the_first_dot_as_a_plain_search_does() {
        // Every length up to several blocks, with the dot at every position, before and after
        // another one, and in none.
        for len in 0..=70 {
            let plain = vec![b'a'; len];
            assert_eq!(find_dot(&plain), None, "{len}");
            for at in 0..len {
                let mut one = plain.clone();
                one[at] = b'.';
                assert_eq!(find_dot(&one), Some(at), "{len} {at}");
                for later in at + 1..len {
                    let mut two = one.clone();
                    two[later] = b'.';
                    assert_eq!(find_dot(&two), Some(at), "{len} {at} {later}");
                }
            }
        }
        // Bytes that differ from `.` by one bit, or are it with the high bit set, are not dots.
        for near in [b'.' ^ 1, b'.' ^ 0x80, b'.' ^ 0x10, 0xae] {
            assert_eq!(find_dot(&[near; 40]), None, "{near}");
        }
        let token = format!("{}.{}.{}", "h".repeat(37), "p".repeat(300), "s".repeat(43));
        let parts = Compact::split(&token).unwrap();
        assert_eq!((parts.header.len(), parts.payload.len(), parts.signature.len()), (37, 300, 43));
        assert_eq!(parts.signing_input.len(), 338);
        assert_eq!(Compact::split(&format!("{token}.")), None);
    }

    #[test]
    fn an_empty_token_and_an_encrypted_one_are_named() {
        assert_eq!(segments_message("", "usual"), "the token is empty");
        assert_eq!(segments_message(" \n", "usual"), "the token is only white space");
        assert!(segments_message("a.b.c.d.e", "usual").contains("encrypted JWT (JWE)"));
        for other in ["a", "a.b", "a.b.c.d", "a.b.c.d.e.f", " a "] {
            assert_eq!(segments_message(other, "usual"), "usual", "{other}");
        }
    }

    #[test]
    fn length_cap_is_inclusive() {
        let fixed = TokenCap { max_len: 10, ..TokenCap::DECODE };
        assert!(fixed.check(10).is_ok());
        assert_eq!(fixed.check(11).unwrap_err().code(), ErrorCode::TokenTooLong);
        assert!(TokenCap::verify(10).check(10).is_ok());
        assert_eq!(TokenCap::verify(11).check(12).unwrap_err().code(), ErrorCode::TokenTooLong);
    }

    #[test]
    fn a_verify_names_the_option_that_sets_its_cap() {
        let fixed = TokenCap { max_len: 10, ..TokenCap::DECODE };
        assert_eq!(fixed.check(11).unwrap_err().message(), "the token is longer than 10 bytes");
        let message = TokenCap::verify(DEFAULT_MAX_TOKEN_LEN).check(65_537).unwrap_err().message().to_owned();
        assert_eq!(message, "the token is longer than 65536 bytes, the \"maxTokenLength\" option's cap (65536 unless set)");
    }

    #[test]
    fn malformed_tokens_get_a_hint_for_a_scheme_or_whitespace() {
        let message = |token: &str| malformed(ErrorCode::JwsInvalid, "bad", token).message().to_owned();
        for scheme in ["Bearer a.b.c", "bearer a.b.c", "BEARER a", " Bearer a.b.c", "Bearer a.b.c\n", "Bearer ", "bearer", "Bearer\n"] {
            assert_eq!(message(scheme), "bad; pass the token without the \"Bearer \" scheme before it", "{scheme}");
        }
        for around in ["a.b.c\n", " a.b.c", "a.b.c\r\n", "\ta.b.c "] {
            assert_eq!(message(around), "bad; the token has white space around it (trim it)", "{around:?}");
        }
        for within in ["a.b\t.c", "Bearer\ta.b.c", "a.b\n.c\n", "Token a.b.c", "Authorization: Bearer a.b.c", " a. b.c "] {
            assert_eq!(
                message(within),
                "bad; the token contains white space, which a JWT never does (pass the token alone, without a scheme or a header's name, on one line)",
                "{within:?}"
            );
        }
        for quoted in ["\"a.b.c\"", "'a.b.c'", "\"\""] {
            assert_eq!(message(quoted), "bad; the token is in quotes (remove them)", "{quoted}");
        }
        for unquoted in ["\"a.b.c", "a.b.c'", "\"a.b.c'", "\""] {
            assert_eq!(message(unquoted), "bad", "{unquoted}");
        }
        // White space alone is said by the message (segments_message), not by a hint.
        for plain in ["a.b.c", "", "Bearera.b.c", "a.b.c\u{a0}", " ", "\n\t"] {
            assert_eq!(message(plain), "bad", "{plain:?}");
        }
        assert_eq!(malformed(ErrorCode::JwtInvalid, "bad", "x y").code(), ErrorCode::JwtInvalid);
    }

    #[test]
    fn decodes_only_utf8_text() {
        assert_eq!(decode_text("e30").as_deref(), Some("{}"));
        assert_eq!(decode_text("_w"), None, "0xff is not UTF-8");
        assert_eq!(decode_text("e30="), None);
    }
}
