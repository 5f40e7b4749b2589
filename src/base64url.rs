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
    let input = segment.as_bytes();
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
    let mut seen = 0u32;
    for (chunk, target) in input.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
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
        for bad in ["QQ==", "QQ=", "+_8", "/_8", "QU I", " QUI", "QUI\n", "QUé", "Q"] {
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

    #[test]
    fn rejects_non_canonical_trailing_bits() {
        // "QQ" is the canonical encoding of "A"; "QR" decodes to the same byte with stray bits.
        assert_eq!(decode("QQ"), Some(b"A".to_vec()));
        assert_eq!(decode("QR"), None);
    }
}
