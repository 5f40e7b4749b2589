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
//! The table is the crate's own (a ring of entries, and buckets chaining the entries whose
//! tokens hash alike), not the standard library's `HashMap`: it costs a fraction of the wasm
//! size, and a lookup hashes only the token's last 16 bytes (part of its MAC tag) instead of all
//! of it. Those bytes are the attacker's to choose in a presented token, but only tokens that
//! verified are inserted, so an attacker without the key can neither fill the cache nor choose
//! which entries share a bucket: a crafted token costs at most one walk along a short chain,
//! then a full verification.

use crate::claims::TimeClaims;
use crate::verify::Verified;
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

/// A token's bucket selector.
type HashFn = fn(&[u8]) -> u64;

/// At most `capacity` verified tokens, oldest evicted first.
#[derive(Debug)]
pub struct TokenCache {
    capacity: usize,
    /// The entries, in insertion order until the ring is full; then `next` is the oldest.
    slots: Vec<Slot>,
    /// Where the next insertion goes once the ring is full.
    next: usize,
    /// Per bucket, the first entry of its chain as `index + 1`, 0 for none. A power-of-two count
    /// of at least `capacity` (made at the first insertion).
    buckets: Vec<u32>,
    hash: HashFn,
}

#[derive(Debug)]
struct Slot {
    token: Box<str>,
    entry: CachedVerification,
    /// The next entry in the same bucket as `index + 1`, 0 for the end of the chain.
    chain: u32,
}

impl TokenCache {
    /// An empty cache for up to `capacity` entries (at least one, at most
    /// [`MAX_CACHE_ENTRIES`]).
    pub fn new(capacity: usize) -> Self {
        TokenCache::with_hash(capacity, tail_hash)
    }

    fn with_hash(capacity: usize, hash: HashFn) -> Self {
        let capacity = capacity.clamp(1, MAX_CACHE_ENTRIES);
        TokenCache { capacity, slots: Vec::new(), next: 0, buckets: Vec::new(), hash }
    }

    /// The most entries it keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How many entries it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// The tokens held, oldest first.
    #[cfg(test)]
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        let (newer, older) = self.slots.split_at_checked(self.next).unwrap_or((&self.slots, &[]));
        older.iter().chain(newer).map(|slot| &*slot.token)
    }

    /// The entry for exactly `token`.
    pub fn get(&self, token: &str) -> Option<&CachedVerification> {
        let mut link = *self.buckets.get(self.bucket(token))?;
        // Every entry is in exactly one chain, so a walk visits at most every entry once.
        for _ in 0..=self.slots.len() {
            let slot = self.slot(link)?;
            if same_bytes(slot.token.as_bytes(), token.as_bytes()) {
                return Some(&slot.entry);
            }
            link = slot.chain;
        }
        None
    }

    /// Keeps `entry` for `token`, evicting the oldest entry when the cache is full. A token
    /// already present keeps its entry and its place (two threads may verify it at once).
    pub fn insert(&mut self, token: &str, entry: CachedVerification) {
        if self.get(token).is_some() {
            return;
        }
        if self.buckets.is_empty() {
            self.buckets = vec![0; self.capacity.next_power_of_two()];
        }
        let bucket = self.bucket(token);
        let Some(head) = self.buckets.get(bucket).copied() else { return };
        let slot = Slot { token: token.into(), entry, chain: head };
        let index = if self.slots.len() < self.capacity {
            self.slots.push(slot);
            self.slots.len().saturating_sub(1)
        } else {
            let oldest = self.next;
            self.unlink(oldest);
            // The unlinked entry may have headed this same bucket.
            let head = self.buckets.get(bucket).copied().unwrap_or(0);
            let Some(place) = self.slots.get_mut(oldest) else { return };
            *place = Slot { chain: head, ..slot };
            self.next = oldest.saturating_add(1).checked_rem(self.capacity).unwrap_or(0);
            oldest
        };
        if let (Some(head), Ok(link)) = (self.buckets.get_mut(bucket), u32::try_from(index.saturating_add(1))) {
            *head = link;
        }
    }

    /// Takes the entry at `index` out of its bucket's chain.
    fn unlink(&mut self, index: usize) {
        let Some(slot) = self.slots.get(index) else { return };
        let (bucket, after) = (self.bucket(&slot.token), slot.chain);
        let Ok(target) = u32::try_from(index.saturating_add(1)) else { return };
        let Some(head) = self.buckets.get_mut(bucket) else { return };
        if *head == target {
            *head = after;
            return;
        }
        let mut link = *head;
        for _ in 0..=self.slots.len() {
            let Some(previous) = link.checked_sub(1).and_then(|i| self.slots.get_mut(i as usize)) else { return };
            if previous.chain == target {
                previous.chain = after;
                return;
            }
            link = previous.chain;
        }
    }

    fn slot(&self, link: u32) -> Option<&Slot> {
        self.slots.get(usize::try_from(link.checked_sub(1)?).ok()?)
    }

    fn bucket(&self, token: &str) -> usize {
        let mask = self.buckets.len().saturating_sub(1) as u64;
        usize::try_from((self.hash)(token.as_bytes()) & mask).unwrap_or(0)
    }
}

/// FNV-1a over the last 16 bytes and the length: a verified token's last bytes are its MAC tag,
/// which spreads the entries evenly.
fn tail_hash(bytes: &[u8]) -> u64 {
    let tail = bytes.get(bytes.len().saturating_sub(16)..).unwrap_or(bytes);
    tail.iter().fold(0xcbf2_9ce4_8422_2325_u64 ^ bytes.len() as u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

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

    /// Every entry sits in exactly one chain, its own bucket's, and no chain loops.
    fn assert_chains_sound(cache: &TokenCache) {
        let mut seen = vec![false; cache.slots.len()];
        for (bucket, head) in cache.buckets.iter().enumerate() {
            let mut link = *head;
            while link != 0 {
                let index = link.wrapping_sub(1) as usize;
                assert!(!seen[index], "entry {index} reached twice");
                seen[index] = true;
                assert_eq!(cache.bucket(&cache.slots[index].token), bucket, "entry {index} in a foreign chain");
                link = cache.slots[index].chain;
            }
        }
        assert!(seen.iter().all(|s| *s), "an entry no chain reaches");
    }

    /// Pseudo-random numbers below the bound given at each call (a fixed sequence per seed).
    #[allow(clippy::arithmetic_side_effects)]
    fn random_below(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |below| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below
        }
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
        // Two bytes changed alike (the same bit) must not cancel out, in whole words or in the
        // tail that is shorter than a word.
        for (first, second) in [(0, 8), (3, 11), (token.len() - 2, token.len() - 1), (5, token.len() - 1)] {
            let mut other = token.to_vec();
            other[first] ^= 1;
            other[second] ^= 1;
            assert!(!same_bytes(token, &other), "bytes {first} and {second}");
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
        // Every token hashes alike: every lookup walks one chain of all the entries.
        let mut cache = TokenCache::with_hash(8, |_| 7);
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
        assert_eq!(cache.tokens().collect::<Vec<_>>(), ["7", "8", "9"]);
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
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.get("a"), Some(&entry(1)));
        cache.insert("c", entry(4));
        assert_eq!(cache.get("a"), None, "\"a\" kept its place as the oldest");
        assert_eq!(cache.get("b"), Some(&entry(2)));
    }

    /// Random inserts and lookups against a plain first-in-first-out list, with the real hash,
    /// with every token in one bucket, and with a hash that makes many partial collisions (so
    /// that evictions unlink entries from the head, middle and end of chains).
    #[test]
    fn agrees_with_a_plain_fifo_list() {
        let hashes: [HashFn; 4] =
            [tail_hash, |_| 7, |bytes| bytes.len() as u64, |bytes| bytes.iter().map(|b| u64::from(*b)).sum::<u64>() % 5];
        let mut random = random_below(0x9e37_79b9);
        for hash in hashes {
            for capacity in [1, 2, 3, 5, 8, 13, 40] {
                let mut cache = TokenCache::with_hash(capacity, hash);
                let mut model: std::collections::VecDeque<(String, u32)> = Default::default();
                for step in 0..2_000 {
                    let token = format!("tok-{}", "x".repeat(random(3) as usize)) + &random(60).to_string();
                    if random(2) == 0 {
                        let n = step;
                        cache.insert(&token, entry(n));
                        if !model.iter().any(|(t, _)| *t == token) {
                            if model.len() == capacity {
                                model.pop_front();
                            }
                            model.push_back((token.clone(), n));
                        }
                    }
                    let expected = model.iter().find(|(t, _)| *t == token).map(|(_, n)| entry(*n));
                    assert_eq!(cache.get(&token).cloned(), expected, "capacity {capacity}, step {step}");
                    assert_eq!(cache.tokens().collect::<Vec<_>>(), model.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>());
                    assert_chains_sound(&cache);
                }
            }
        }
    }

    /// The module's promise that a crafted token walks only a short chain: with tokens that end
    /// in MAC-like bytes, a full cache of the default size spreads over its buckets.
    #[test]
    fn the_real_hash_keeps_chains_short() {
        let mut cache = TokenCache::new(DEFAULT_CACHE_ENTRIES);
        let mut random = random_below(0x2545_f491);
        for n in 0..DEFAULT_CACHE_ENTRIES {
            let mut token = format!("eyJhbGciOiJIUzI1NiJ9.eyJuIjo{n}fQ.").into_bytes();
            let tag: Vec<u8> = (0..32).map(|_| random(256) as u8).collect();
            crate::base64url::encode_into(&tag, &mut token);
            cache.insert(std::str::from_utf8(&token).unwrap(), entry(n as u32));
        }
        let longest = cache
            .buckets
            .iter()
            .map(|head| std::iter::successors(cache.slot(*head), |slot| cache.slot(slot.chain)).count())
            .max();
        // 1,000 entries in 1,024 buckets: the longest chain of a uniform hash is about 5.
        assert!(longest.is_some_and(|n| (1..=8).contains(&n)), "longest chain {longest:?}");
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
