//! The verified-token cache of a prepared [`Verifier`](crate::Verifier) (`createVerifier`'s
//! `cache` option): successful verifications only, looked up by the exact token, bounded.
//!
//! - **Exact match.** The key is the whole token. The hash only picks a bucket; the map then
//!   compares the stored token with the presented one in full, in constant time (a token ends
//!   with its MAC tag), so two tokens whose hashes collide never share an entry.
//! - **Time re-checked.** An entry keeps the token's time claims (`iat`, `nbf`, `exp`), already
//!   parsed, and the verifier judges them again at every hit ([`crate::claims::recheck_times`]).
//! - **Bounded, first in first out.** At most `capacity` entries; inserting into a full cache
//!   evicts the oldest entry, in O(1). A hit does not refresh an entry (that would make hits
//!   write): a token in steady use is verified in full again once per `capacity` insertions. An
//!   entry whose token has expired stays until it is evicted, and answers `ERR_JWT_EXPIRED` until
//!   then.
//!
//! The map uses the standard library's SipHash, whose keys are not random on wasm32. That is
//! enough: only tokens that verified are inserted, so an attacker without the key can neither
//! fill the cache nor choose the keys that share a bucket.

use crate::claims::TimeClaims;
use crate::verify::Verified;
use std::borrow::Borrow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hash, Hasher, RandomState};
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// Entries kept by `cache: true`.
pub const DEFAULT_CACHE_ENTRIES: usize = 1000;

/// The largest accepted `cache` size.
pub const MAX_CACHE_ENTRIES: usize = 1_000_000;

/// What a successful verification leaves in the cache: its result, and the time claims to judge
/// again at each hit.
#[derive(Clone, Debug, PartialEq)]
pub struct CachedVerification {
    /// The result a full verification returned.
    pub verified: Verified,
    /// The token's `iat`, `nbf` and `exp`.
    pub times: TimeClaims,
}

/// At most `capacity` verified tokens, oldest evicted first.
#[derive(Debug)]
pub struct TokenCache<S = RandomState> {
    capacity: usize,
    entries: HashMap<TokenKey, CachedVerification, S>,
    /// The keys of `entries` in insertion order, oldest first: the eviction queue. It holds
    /// exactly the keys of `entries` (entries leave only by eviction), so both stay bounded.
    order: VecDeque<TokenKey>,
}

impl TokenCache {
    /// An empty cache for up to `capacity` entries (at least one).
    pub fn new(capacity: usize) -> Self {
        TokenCache::with_hasher(capacity, RandomState::new())
    }
}

impl<S: BuildHasher> TokenCache<S> {
    /// An empty cache for up to `capacity` entries (at least one), hashing with `hasher`.
    pub fn with_hasher(capacity: usize, hasher: S) -> Self {
        TokenCache { capacity: capacity.max(1), entries: HashMap::with_hasher(hasher), order: VecDeque::new() }
    }

    /// The most entries it keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How many entries it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The tokens held, oldest first.
    #[cfg(test)]
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(|key| &*key.0)
    }

    /// The entry for exactly `token`.
    pub fn get(&self, token: &str) -> Option<&CachedVerification> {
        self.entries.get(&token as &dyn TokenBytes)
    }

    /// Keeps `entry` for `token`, evicting the oldest entries while the cache is full. A token
    /// already present keeps its entry and its place (two threads may verify it at once).
    pub fn insert(&mut self, token: &str, entry: CachedVerification) {
        if self.entries.contains_key(&token as &dyn TokenBytes) {
            return;
        }
        while self.entries.len() >= self.capacity {
            let Some(oldest) = self.order.pop_front() else { break };
            self.entries.remove(&oldest);
        }
        let key = TokenKey(Arc::from(token));
        self.order.push_back(key.clone());
        self.entries.insert(key, entry);
    }
}

/// A stored token, hashed and compared as [`TokenBytes`].
#[derive(Clone, Debug)]
struct TokenKey(Arc<str>);

/// The bytes of a token, stored ([`TokenKey`]) or presented (`&str`): the one view that map
/// lookups hash and compare, so that a presented token needs no copy.
trait TokenBytes {
    fn token_bytes(&self) -> &[u8];
}

impl TokenBytes for TokenKey {
    fn token_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl TokenBytes for &str {
    fn token_bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Hash for dyn TokenBytes + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(self.token_bytes());
    }
}

impl PartialEq for dyn TokenBytes + '_ {
    fn eq(&self, other: &Self) -> bool {
        same_bytes(self.token_bytes(), other.token_bytes())
    }
}

impl Eq for dyn TokenBytes + '_ {}

impl<'a> Borrow<dyn TokenBytes + 'a> for TokenKey {
    fn borrow(&self) -> &(dyn TokenBytes + 'a) {
        self
    }
}

impl Hash for TokenKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Borrow::<dyn TokenBytes>::borrow(self).hash(state);
    }
}

impl PartialEq for TokenKey {
    fn eq(&self, other: &Self) -> bool {
        Borrow::<dyn TokenBytes>::borrow(self) == Borrow::<dyn TokenBytes>::borrow(other)
    }
}

impl Eq for TokenKey {}

/// Whether `a` and `b` are equal, with no early exit: the time depends on the length only (with
/// the limits SECURITY.md states). Eight bytes at a time, then one `subtle` comparison: `subtle`'s
/// byte-wise slice comparison took longer than the whole rest of a hit on a 450-byte token.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    let (a_words, b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail = a_words.remainder().iter().zip(b_words.remainder());
    let tail = tail.fold(0u64, |diff, (x, y)| diff | u64::from(x ^ y));
    let diff = a_words.zip(b_words).fold(tail, |diff, (x, y)| diff | (word(x) ^ word(y)));
    bool::from(diff.ct_eq(&0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasherDefault, Hasher};

    /// A hasher that sends every key to the same bucket: every lookup is a collision.
    #[derive(Default)]
    struct Colliding;

    impl Hasher for Colliding {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    fn entry(n: u32) -> CachedVerification {
        CachedVerification {
            verified: Verified { header_json: r#"{"alg":"HS256"}"#.into(), payload_json: format!(r#"{{"n":{n}}}"#) },
            times: TimeClaims { iat: None, nbf: None, exp: Some(f64::from(n)) },
        }
    }

    #[test]
    fn compares_every_byte() {
        let token = b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.signature-bytes";
        assert!(same_bytes(token, token) && same_bytes(b"", b""));
        for at in 0..token.len() {
            let mut other = token.to_vec();
            other[at] ^= 1;
            assert!(!same_bytes(token, &other), "byte {at}");
        }
        assert!(!same_bytes(token, &token[..token.len() - 1]));
        assert!(!same_bytes(b"abcdefgh", b"abcdefghi"));
    }

    #[test]
    fn finds_only_the_exact_token() {
        let mut cache = TokenCache::new(4);
        cache.insert("a.b.c", entry(1));
        assert_eq!(cache.get("a.b.c"), Some(&entry(1)));
        for other in ["a.b.C", "a.b.c ", "a.b", "", "A.b.c", "a.b.c.d"] {
            assert_eq!(cache.get(other), None, "{other}");
        }
    }

    #[test]
    fn colliding_hashes_never_confuse_entries() {
        let mut cache = TokenCache::with_hasher(8, BuildHasherDefault::<Colliding>::default());
        for n in 0..8 {
            cache.insert(&format!("token-{n}"), entry(n));
        }
        for n in 0..8 {
            assert_eq!(cache.get(&format!("token-{n}")), Some(&entry(n)));
        }
        assert_eq!(cache.get("token-8"), None);
        assert_eq!(cache.get("token-"), None);
    }

    #[test]
    fn evicts_the_oldest_first_and_never_holds_more_than_its_capacity() {
        let mut cache = TokenCache::new(3);
        for n in 0..10 {
            cache.insert(&n.to_string(), entry(n));
            assert!(cache.len() <= 3);
            // A hit does not refresh: "0".."n-3" are gone in insertion order.
            let _ = cache.get(&n.saturating_sub(1).to_string());
        }
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.order.len(), 3);
        for n in 0..7 {
            assert_eq!(cache.get(&n.to_string()), None, "{n}");
        }
        for n in 7..10 {
            assert_eq!(cache.get(&n.to_string()), Some(&entry(n)), "{n}");
        }
    }

    #[test]
    fn inserting_a_present_token_changes_nothing() {
        let mut cache = TokenCache::new(2);
        cache.insert("a", entry(1));
        cache.insert("b", entry(2));
        cache.insert("a", entry(3));
        assert_eq!((cache.len(), cache.order.len()), (2, 2));
        assert_eq!(cache.get("a"), Some(&entry(1)));
        cache.insert("c", entry(4));
        assert_eq!(cache.get("a"), None, "\"a\" kept its place as the oldest");
        assert_eq!(cache.get("b"), Some(&entry(2)));
    }

    #[test]
    fn a_capacity_of_zero_is_read_as_one() {
        let mut cache = TokenCache::new(0);
        assert_eq!(cache.capacity(), 1);
        cache.insert("a", entry(1));
        cache.insert("b", entry(2));
        assert_eq!((cache.len(), cache.get("b")), (1, Some(&entry(2))));
    }
}
