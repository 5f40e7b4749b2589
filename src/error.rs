//! The one error type of the crate. Each [`ErrorCode`] maps to one stable code string; messages
//! may change, codes never do. Messages never contain the token or the key.

use std::borrow::Cow;
use std::fmt;

/// Why a token, key or option was refused. Codes are jose's where the meaning is the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// Malformed compact JWS: segment count, base64url, header JSON, `alg`, `crit`.
    JwsInvalid,
    /// Malformed JWT: claims set not a JSON object, unencoded payload; every `decodeJwt` failure
    /// but a token over the cap.
    JwtInvalid,
    /// The signature does not match the key.
    SignatureVerificationFailed,
    /// The token's `alg` is not in the `algorithms` option.
    AlgNotAllowed,
    /// An algorithm or a `crit` extension this library does not implement (including `none`);
    /// for a token's `alg`, only when the caller named no `algorithms` (else `AlgNotAllowed`).
    NotSupported,
    /// `exp` has passed, or the token is older than `maxTokenAge`.
    Expired,
    /// Any other claim check failed; the error names the claim and the reason.
    ClaimValidationFailed,
    /// A JSON Web Key that is malformed.
    JwkInvalid,
    /// A key of the wrong type, an empty key (or one of zero bytes only), or a key unfit for the
    /// algorithm.
    KeyInvalid,
    /// An unknown option name or an option value of the wrong type or range.
    OptionsInvalid,
    /// The token is longer than the length cap (checked before any decoding).
    TokenTooLong,
}

impl ErrorCode {
    /// Every code, in a fixed order.
    pub const ALL: [ErrorCode; 11] = [
        ErrorCode::JwsInvalid,
        ErrorCode::JwtInvalid,
        ErrorCode::SignatureVerificationFailed,
        ErrorCode::AlgNotAllowed,
        ErrorCode::NotSupported,
        ErrorCode::Expired,
        ErrorCode::ClaimValidationFailed,
        ErrorCode::JwkInvalid,
        ErrorCode::KeyInvalid,
        ErrorCode::OptionsInvalid,
        ErrorCode::TokenTooLong,
    ];

    /// The stable code string, as JavaScript sees it in `err.code`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::JwsInvalid => "ERR_JWS_INVALID",
            ErrorCode::JwtInvalid => "ERR_JWT_INVALID",
            ErrorCode::SignatureVerificationFailed => "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
            ErrorCode::AlgNotAllowed => "ERR_JOSE_ALG_NOT_ALLOWED",
            ErrorCode::NotSupported => "ERR_JOSE_NOT_SUPPORTED",
            ErrorCode::Expired => "ERR_JWT_EXPIRED",
            ErrorCode::ClaimValidationFailed => "ERR_JWT_CLAIM_VALIDATION_FAILED",
            ErrorCode::JwkInvalid => "ERR_JWK_INVALID",
            ErrorCode::KeyInvalid => "ERR_KEY_INVALID",
            ErrorCode::OptionsInvalid => "ERR_OPTIONS_INVALID",
            ErrorCode::TokenTooLong => "ERR_JWT_TOO_LONG",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a claim failed, as jose's `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimReason {
    /// The claim is required but absent.
    Missing,
    /// An `exp`, `nbf` or `iat` that is present but not a finite number.
    Invalid,
    /// Any other failure: a wrong value, or a wrong type for any other claim (`iss: 5` against an
    /// issuer), or a `typ` header parameter that is missing or unexpected.
    CheckFailed,
}

impl ClaimReason {
    /// Every reason.
    pub const ALL: [ClaimReason; 3] = [ClaimReason::Missing, ClaimReason::Invalid, ClaimReason::CheckFailed];

    /// The stable reason string: `missing`, `invalid` or `check_failed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimReason::Missing => "missing",
            ClaimReason::Invalid => "invalid",
            ClaimReason::CheckFailed => "check_failed",
        }
    }
}

impl fmt::Display for ClaimReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure with a stable code, a human message, and for claim failures the claim and reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: Cow<'static, str>,
    claim: Option<Box<str>>,
    reason: Option<ClaimReason>,
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error with a code and a message.
    #[must_use]
    pub fn new(code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        Error { code, message: message.into(), claim: None, reason: None }
    }

    /// A claim error: `code` is [`ErrorCode::Expired`] or [`ErrorCode::ClaimValidationFailed`].
    pub(crate) fn claim(
        code: ErrorCode,
        claim: &str,
        reason: ClaimReason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Error { code, message: message.into(), claim: Some(claim.into()), reason: Some(reason) }
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human message (may change between versions; match on [`Error::code`]).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The claim a claim error is about.
    pub fn claim_name(&self) -> Option<&str> {
        self.claim.as_deref()
    }

    /// Why the claim failed.
    pub fn reason(&self) -> Option<ClaimReason> {
        self.reason
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_variant_once() {
        // Exhaustive matches: a new variant does not compile here until it has its place in ALL,
        // which errorCodes() and the binding's kept strings are made from.
        let code_at = |code: ErrorCode| match code {
            ErrorCode::JwsInvalid => 0,
            ErrorCode::JwtInvalid => 1,
            ErrorCode::SignatureVerificationFailed => 2,
            ErrorCode::AlgNotAllowed => 3,
            ErrorCode::NotSupported => 4,
            ErrorCode::Expired => 5,
            ErrorCode::ClaimValidationFailed => 6,
            ErrorCode::JwkInvalid => 7,
            ErrorCode::KeyInvalid => 8,
            ErrorCode::OptionsInvalid => 9,
            ErrorCode::TokenTooLong => 10,
        };
        let places: Vec<usize> = ErrorCode::ALL.iter().map(|code| code_at(*code)).collect();
        assert_eq!(places, (0..11).collect::<Vec<_>>());
        let reason_at = |reason: ClaimReason| match reason {
            ClaimReason::Missing => 0,
            ClaimReason::Invalid => 1,
            ClaimReason::CheckFailed => 2,
        };
        let places: Vec<usize> = ClaimReason::ALL.iter().map(|reason| reason_at(*reason)).collect();
        assert_eq!(places, vec![0, 1, 2]);
        for reason in ClaimReason::ALL {
            assert_eq!(reason.to_string(), reason.as_str());
        }
    }

    #[test]
    fn every_code_is_distinct_and_prefixed() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(code.as_str().starts_with("ERR_"), "{code}");
            assert!(seen.insert(code.as_str()), "duplicate {code}");
        }
    }

    #[test]
    fn display_starts_with_the_code() {
        let e = Error::claim(ErrorCode::Expired, "exp", ClaimReason::CheckFailed, "expired");
        assert_eq!(e.to_string(), "ERR_JWT_EXPIRED: expired");
        assert_eq!(e.claim_name(), Some("exp"));
        assert_eq!(e.reason().map(ClaimReason::as_str), Some("check_failed"));
    }
}
