//! What the wasm SIMD readers share (token.rs's dot finder, base64url.rs's decoder): a block of
//! 16 input bytes as one vector.

use core::arch::wasm32::{u64x2, v128};

/// The 16 bytes of `block` as one vector, in memory order; `None` for a block of another length.
pub fn load(block: &[u8]) -> Option<v128> {
    if block.len() != 16 {
        return None;
    }
    let (low, high) = (block.first_chunk::<8>()?, block.last_chunk::<8>()?);
    Some(u64x2(u64::from_le_bytes(*low), u64::from_le_bytes(*high)))
}
