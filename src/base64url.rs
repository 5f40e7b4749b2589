//! Strict base64url without padding (RFC 7515 section 2): no `=`, no `+` or `/`, no white
//! space, and no non-canonical trailing bits, so one byte string has exactly one encoding.
//! Hand-written (a table and shifts) to keep the wasm small and the hot path allocation-light.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const INVALID: u8 = 0xff;

/// Each byte's 6-bit value, or `INVALID`. (Indexing in a const block is checked at compile time.)
#[allow(clippy::indexing_slicing)]
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Decodes strict base64url; `None` for any character or length that is not canonical.
pub fn decode(segment: &str) -> Option<Vec<u8>> {
    decode_with(segment.as_bytes(), simd::decode_blocks)
}

/// Whether `segment`, which [`decode`] refused, failed only for its trailing bits: every character
/// is base64url and the length could be, so its last character carries bits beyond the data (an
/// encoder never writes them; a hand-altered last character does).
pub fn only_trailing_bits_wrong(segment: &str) -> bool {
    segment.len() % 4 != 1 && segment.bytes().all(|byte| DECODE.get(usize::from(byte)).is_some_and(|&v| v != INVALID))
}

/// Decodes how many whole blocks it can at the start of the input into the start of the output,
/// returning `INVALID` if it met a character that is not base64url (else 0) and the block count.
type BlockDecoder = fn(&[u8], &mut [u8]) -> (u32, usize);

/// [`decode`] of any bytes (a non-ASCII byte is never base64url): the blocks `blocks` decodes
/// (16 characters at a time with SIMD where the build has it), then the rest with the table.
fn decode_with(input: &[u8], blocks: BlockDecoder) -> Option<Vec<u8>> {
    let full = input.len() / 4;
    let tail = match input.len() % 4 {
        0 => 0,
        2 => 1,
        3 => 2,
        _ => return None,
    };
    let mut out = vec![0u8; full.saturating_mul(3).saturating_add(tail)];
    // Invalid characters map to 0xff; OR-ing every looked-up value and testing the high bit once
    // at the end keeps the loop free of per-character branches.
    let value = |byte: u8| u32::from(DECODE.get(usize::from(byte)).copied().unwrap_or(INVALID));
    let (mut seen, blocks) = blocks(input, &mut out);
    let done = blocks.saturating_mul(BLOCK_CHARS);
    let written = blocks.saturating_mul(BLOCK_BYTES);
    let (input_rest, out_rest) = (input.get(done..)?, out.get_mut(written..)?);
    for (chunk, target) in input_rest.chunks_exact(4).zip(out_rest.chunks_exact_mut(3)) {
        if let ([a, b, c, d], [x, y, z]) = (chunk, target) {
            let (va, vb, vc, vd) = (value(*a), value(*b), value(*c), value(*d));
            seen |= va | vb | vc | vd;
            let word = (va << 18) | (vb << 12) | (vc << 6) | vd;
            *x = (word >> 16) as u8;
            *y = (word >> 8) as u8;
            *z = word as u8;
        }
    }
    let rest = input.get(full.saturating_mul(4)..)?;
    let mut word = 0u32;
    for &byte in rest {
        let v = value(byte);
        seen |= v;
        word = (word << 6) | (v & 63);
    }
    if seen & 0x80 != 0 {
        return None;
    }
    // Two characters carry one byte and four spare bits; three carry two bytes and two spare
    // bits. Spare bits must be zero, so that each byte string has one encoding.
    let tail_bytes = out.get_mut(full.saturating_mul(3)..)?;
    match (rest.len(), tail_bytes) {
        (0, []) => {}
        (2, [x]) if word & 0xf == 0 => *x = (word >> 4) as u8,
        (3, [x, y]) if word & 0x3 == 0 => {
            *x = (word >> 10) as u8;
            *y = (word >> 2) as u8;
        }
        _ => return None,
    }
    Some(out)
}

/// The characters of one block the SIMD path decodes at a time, and the bytes they make.
const BLOCK_CHARS: usize = 16;
const BLOCK_BYTES: usize = 12;

/// Whole blocks of 16 characters (12 bytes) decoded with wasm SIMD: every character's value is
/// found by range (`A-Z`, `a-z`, `0-9`, `-`, `_`), then the 6-bit values are packed with shifts and
/// one byte shuffle. Returns `INVALID` (as `u32`) if a character was not base64url, else 0, and the
/// number of blocks written; the table loop takes the rest.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::{BLOCK_BYTES, BLOCK_CHARS};
    use core::arch::wasm32::{
        i16x8_shl, i32x4_extract_lane, i32x4_shl, i64x2_extract_lane, u16x8_shr, u16x8_splat, u32x4_shr,
        u32x4_splat, u8x16, u8x16_add, u8x16_all_true, u8x16_eq, u8x16_ge, u8x16_le, u8x16_splat,
        u8x16_swizzle, v128, v128_and, v128_or,
    };

    fn within(c: v128, low: u8, high: u8) -> v128 {
        v128_and(u8x16_ge(c, u8x16_splat(low)), u8x16_le(c, u8x16_splat(high)))
    }

    pub fn decode_blocks(input: &[u8], out: &mut [u8]) -> (u32, usize) {
        let mut valid = u8x16_splat(0xff);
        let mut blocks = 0usize;
        for (chunk, target) in input.chunks_exact(BLOCK_CHARS).zip(out.chunks_exact_mut(BLOCK_BYTES)) {
            let Some(c) = crate::simd::load(chunk) else { break };
            let (upper, lower, digit) = (within(c, b'A', b'Z'), within(c, b'a', b'z'), within(c, b'0', b'9'));
            let (dash, underscore) = (u8x16_eq(c, u8x16_splat(b'-')), u8x16_eq(c, u8x16_splat(b'_')));
            valid = v128_and(valid, v128_or(v128_or(upper, lower), v128_or(digit, v128_or(dash, underscore))));
            // What each range adds (wrapping) to reach its 6-bit value: A is 0, a is 26, 0 is 52,
            // - is 62, _ is 63.
            let add = |mask: v128, delta: u8| v128_and(mask, u8x16_splat(delta));
            let offset = v128_or(
                v128_or(add(upper, 0u8.wrapping_sub(b'A')), add(lower, 26u8.wrapping_sub(b'a'))),
                v128_or(add(digit, 52u8.wrapping_sub(b'0')), v128_or(add(dash, 62u8.wrapping_sub(b'-')), add(underscore, 63u8.wrapping_sub(b'_')))),
            );
            let values = u8x16_add(c, offset);
            // Pairs of values into 12 bits, then pairs of those into 24 bits per 32-bit lane.
            let pairs = v128_or(i16x8_shl(v128_and(values, u16x8_splat(0x00ff)), 6), u16x8_shr(values, 8));
            let words = v128_or(i32x4_shl(v128_and(pairs, u32x4_splat(0xffff)), 12), u32x4_shr(pairs, 16));
            // The three bytes of each lane, most significant first; lanes 12 to 15 are not used.
            let order = u8x16(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80);
            let bytes = u8x16_swizzle(words, order);
            let (first, second) = (i64x2_extract_lane::<0>(bytes), i32x4_extract_lane::<2>(bytes));
            if let Some((a, rest)) = target.split_first_chunk_mut::<8>() {
                if let Some(b) = rest.first_chunk_mut::<4>() {
                    *a = first.to_le_bytes();
                    *b = second.to_le_bytes();
                }
            }
            blocks = blocks.saturating_add(1);
        }
        (if u8x16_all_true(valid) { 0 } else { u32::from(super::INVALID) }, blocks)
    }
}

/// Without wasm SIMD, the table loop decodes everything.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    pub fn decode_blocks(_input: &[u8], _out: &mut [u8]) -> (u32, usize) {
        (0, 0)
    }
}

/// Appends the base64url encoding of `bytes`, without padding, to `out` (ASCII bytes only).
pub fn encode_into(bytes: &[u8], out: &mut Vec<u8>) {
    let symbol = |word: u32, shift: u32| ALPHABET.get(((word >> shift) & 63) as usize).copied().unwrap_or(b'A');
    let full = bytes.len() / 3;
    let start = out.len();
    // The whole output is sized once, then written in place four symbols at a time.
    out.resize(start.saturating_add(full.saturating_mul(4)), 0);
    if let Some(target) = out.get_mut(start..) {
        for (chunk, symbols) in bytes.chunks_exact(3).zip(target.chunks_exact_mut(4)) {
            if let ([a, b, c], [w, x, y, z]) = (chunk, symbols) {
                let word = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
                (*w, *x, *y, *z) = (symbol(word, 18), symbol(word, 12), symbol(word, 6), symbol(word, 0));
            }
        }
    }
    match *bytes.chunks_exact(3).remainder() {
        [a] => {
            let word = u32::from(a) << 16;
            out.extend_from_slice(&[symbol(word, 18), symbol(word, 12)]);
        }
        [a, b] => {
            let word = (u32::from(a) << 16) | (u32::from(b) << 8);
            out.extend_from_slice(&[symbol(word, 18), symbol(word, 12), symbol(word, 6)]);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        encode_into(bytes, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn round_trips_every_length_mod_three() {
        for len in 0..10u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(77).wrapping_add(250)).collect();
            let text = encode(&bytes);
            assert!(!text.contains('='));
            assert_eq!(decode(&text), Some(bytes));
        }
    }

    #[test]
    fn uses_the_url_safe_alphabet() {
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8"), Some(vec![0xfb, 0xff]));
    }

    #[test]
    fn rejects_padding_standard_alphabet_white_space_and_non_ascii() {
        // Several bad characters in one group of four, or in the tail, must not cancel out.
        let several = ["!!AA", "A!!A", "AA!!", "!A!A", "!!!!", "ABCD!!", "ABCD!!!", "**==", "é"];
        for bad in ["QQ==", "QQ=", "+_8", "/_8", "QU I", " QUI", "QUI\n", "QUé", "Q"].into_iter().chain(several) {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn matches_rfc_4648_test_vectors() {
        // RFC 4648 section 10, in the URL-safe alphabet without padding.
        for (plain, encoded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded), Some(plain.as_bytes().to_vec()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all)), Some(all));
    }

    /// The table alone, with no block decoder: what the SIMD blocks must agree with.
    fn decode_by_table(input: &[u8]) -> Option<Vec<u8>> {
        decode_with(input, |_, _| (0, 0))
    }

    // Run in the wasm build too (wasm-pack test), where `decode` takes the SIMD path.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[allow(clippy::arithmetic_side_effects)]
    fn blocks_decode_exactly_as_the_table_does() {
        let mut state = 0x2545_f491_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        // Every length up to several blocks, each in many random strings of valid characters.
        for len in 0..=100 {
            for _ in 0..20 {
                let text: Vec<u8> = (0..len).map(|_| ALPHABET[(next() % 64) as usize]).collect();
                assert_eq!(decode_with(&text, simd::decode_blocks), decode_by_table(&text), "{len}");
            }
        }
        // Every byte value in every position of a string of three blocks, a group of four and a
        // tail of two (whose last character must leave its four spare bits zero).
        let mut base: Vec<u8> = (0..54).map(|_| ALPHABET[(next() % 64) as usize]).collect();
        base[53] = b'Q';
        assert!(decode(std::str::from_utf8(&base).unwrap()).is_some());
        for at in 0..base.len() {
            for byte in 0..=255u8 {
                let mut text = base.clone();
                text[at] = byte;
                let simd = decode_with(&text, simd::decode_blocks);
                assert_eq!(simd, decode_by_table(&text), "{byte} at {at}");
                let value = DECODE[usize::from(byte)];
                assert_eq!(simd.is_some(), value != INVALID && (at != 53 || value & 0xf == 0), "{byte} at {at}");
            }
        }
        // Two bad characters anywhere, alike or not, in blocks, groups or tail.
        for first in 0..base.len() {
            for second in first + 1..base.len() {
                for (x, y) in [(b'!', b'!'), (b'=', b'+'), (0x80, 0xff)] {
                    let mut text = base.clone();
                    (text[first], text[second]) = (x, y);
                    assert_eq!(decode_with(&text, simd::decode_blocks), None, "{x} at {first}, {y} at {second}");
                }
            }
        }
        // Round trips of every byte value through blocks.
        let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for start in 0..24 {
            let bytes = &all[start..];
            assert_eq!(decode(&encode(bytes)).as_deref(), Some(bytes));
        }
    }

    #[test]
    fn rejects_non_canonical_trailing_bits() {
        // "QQ" is the canonical encoding of "A"; "QR" decodes to the same byte with stray bits.
        assert_eq!(decode("QQ"), Some(b"A".to_vec()));
        assert_eq!(decode("QR"), None);
        // Told apart from other refusals, for the message.
        assert!(only_trailing_bits_wrong("QR") && only_trailing_bits_wrong("QUR"));
        for other in ["Q", "QQ=", "Q+", "Q R", "QRSTU"] {
            assert!(!only_trailing_bits_wrong(other), "{other}");
        }
    }
}
