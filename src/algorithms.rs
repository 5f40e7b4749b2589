//! The JWS algorithms this build implements (RFC 7518 section 3.2: HMAC with SHA-2) and sets of
//! them for allowlists.

use crate::error::{Error, ErrorCode, Result};

/// The names this build implements, as messages list them.
pub const SUPPORTED: &str = "supported: HS256, HS384, HS512; names are case-sensitive";

/// A JWS `alg` this library can verify and sign with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC using SHA-256.
    HS256,
    /// HMAC using SHA-384.
    HS384,
    /// HMAC using SHA-512.
    HS512,
}

impl Algorithm {
    /// Every implemented algorithm.
    pub const ALL: [Algorithm; 3] = [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512];

    /// The algorithm with this exact (case-sensitive) `alg` name; `none` and anything unknown
    /// are `None`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "HS256" => Some(Algorithm::HS256),
            "HS384" => Some(Algorithm::HS384),
            "HS512" => Some(Algorithm::HS512),
            _ => None,
        }
    }

    /// Parses a name the caller gave in `source` (named in the message: `"algorithms"`, the
    /// JWK's `"alg"`, signing's `alg`); errors with `ERR_JOSE_NOT_SUPPORTED`.
    pub(crate) fn parse(name: &str, source: &str) -> Result<Self> {
        Algorithm::from_name(name).ok_or_else(|| {
            Error::new(ErrorCode::NotSupported, format!("{source} names an algorithm that is not supported ({SUPPORTED})"))
        })
    }

    /// The `alg` header value.
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::HS256 => "HS256",
            Algorithm::HS384 => "HS384",
            Algorithm::HS512 => "HS512",
        }
    }

    const fn bit(self) -> u8 {
        match self {
            Algorithm::HS256 => 1,
            Algorithm::HS384 => 2,
            Algorithm::HS512 => 4,
        }
    }
}

/// A set of algorithms, such as an allowlist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlgorithmSet(u8);

impl AlgorithmSet {
    /// The empty set.
    pub const EMPTY: AlgorithmSet = AlgorithmSet(0);
    /// Every HMAC algorithm: the default allowlist for a secret key.
    pub const HMAC: AlgorithmSet = AlgorithmSet::EMPTY.with(Algorithm::HS256).with(Algorithm::HS384).with(Algorithm::HS512);

    /// The set with `alg` added.
    #[must_use]
    pub const fn with(self, alg: Algorithm) -> Self {
        AlgorithmSet(self.0 | alg.bit())
    }

    /// Whether `alg` is in the set.
    pub const fn contains(self, alg: Algorithm) -> bool {
        self.0 & alg.bit() != 0
    }

    /// The members, in the order of [`Algorithm::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Algorithm> {
        Algorithm::ALL.into_iter().filter(move |alg| self.contains(*alg))
    }
}

impl FromIterator<Algorithm> for AlgorithmSet {
    fn from_iter<I: IntoIterator<Item = Algorithm>>(iter: I) -> Self {
        iter.into_iter().fold(AlgorithmSet::EMPTY, AlgorithmSet::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_case_sensitive_and_none_is_unknown() {
        assert_eq!(Algorithm::from_name("HS256"), Some(Algorithm::HS256));
        for name in ["hs256", "Hs256", "none", "None", "NONE", "RS256", "", "HS256 "] {
            assert_eq!(Algorithm::from_name(name), None, "{name}");
        }
        let none = Algorithm::parse("none", "\"algorithms\"").unwrap_err();
        assert_eq!(none.code(), ErrorCode::NotSupported);
        assert_eq!(
            none.message(),
            "\"algorithms\" names an algorithm that is not supported (supported: HS256, HS384, HS512; names are case-sensitive)"
        );
    }

    #[test]
    fn names_round_trip() {
        for alg in Algorithm::ALL {
            assert_eq!(Algorithm::from_name(alg.name()), Some(alg));
        }
    }

    #[test]
    fn sets_hold_what_was_added() {
        let set: AlgorithmSet = [Algorithm::HS512].into_iter().collect();
        assert!(set.contains(Algorithm::HS512));
        assert!(!set.contains(Algorithm::HS256));
        assert_eq!(AlgorithmSet::EMPTY.iter().count(), 0);
        assert_eq!(AlgorithmSet::HMAC.iter().count(), 3);
    }
}
