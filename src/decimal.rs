//! Decimal text to the nearest double, rounding half to even: the number `JSON.parse` reads from
//! the same text, so claims compare as JavaScript sees them.
//!
//! Why not `str::parse::<f64>`: its Eisel-Lemire step carries a 10 KB table of powers of five,
//! the largest single item in the wasm. Here, integers of at most 15 digits (every whole-second
//! NumericDate in practice) are read directly; numbers of at most 19 significant digits that a
//! double holds exactly, times a power of ten a double holds exactly, take one correctly rounded
//! IEEE operation (Clinger's fast path: fractional NumericDates and durations). Everything
//! else takes a slow exact path over a decimal digit buffer (the "simple decimal conversion"
//! of Nigel Tao's write-up of Go's `strconv`): the number is halved or doubled by powers of two,
//! digit by digit, until it lies in [0.5, 1), then its 53 leading bits are read off and rounded.
//! 800 digits and a sticky "nonzero digits dropped" flag decide every halfway case exactly.

/// Significant digits kept; more than the 768 an exact halfway case between doubles can need.
const MAX_DIGITS: usize = 800;
/// Largest shift per step: a digit times 2^60 plus a carry fits in a u64.
const MAX_SHIFT: u32 = 60;
/// Exact powers of ten as doubles, 10^0 to 10^22.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];
/// Largest integer a double holds with all smaller integers: 2^53.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// Parses `-?digits(.digits)?([eE][+-]?digits)?` (leading zeros allowed) to the nearest double;
/// magnitudes beyond the largest double are infinite, below the smallest subnormal zero. `None`
/// for any other text.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text.as_bytes()),
    };
    let (whole, rest) = digits(body);
    if whole.is_empty() {
        return None;
    }
    let (fraction, rest) = match rest.split_first() {
        Some((b'.', after)) => match digits(after) {
            (fraction, rest) if !fraction.is_empty() => (fraction, rest),
            _ => return None,
        },
        _ => (&[][..], rest),
    };
    let exponent = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', after)) => exponent(after)?,
        Some(_) => return None,
    };
    let magnitude = match small_integer(whole) {
        Some(value) if fraction.is_empty() && exponent == 0 => value,
        _ => {
            let decimal = Decimal::new(whole, fraction, exponent);
            decimal.exact_fast().unwrap_or_else(|| decimal.into_f64())
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// A run of at most 15 digits (every whole-second NumericDate in practice) as its double,
/// which holds it exactly.
fn small_integer(digits: &[u8]) -> Option<f64> {
    if digits.len() > 15 {
        return None;
    }
    let value = digits.iter().fold(0_u64, |acc, d| acc.wrapping_mul(10).wrapping_add(u64::from(d.wrapping_sub(b'0'))));
    #[allow(clippy::cast_precision_loss)] // below 10^15 < 2^53: exact
    Some(value as f64)
}

/// The leading ASCII digits of `bytes` and what follows them.
fn digits(bytes: &[u8]) -> (&[u8], &[u8]) {
    let count = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    bytes.split_at_checked(count).unwrap_or((bytes, &[]))
}

/// `[+-]?digits`, saturated at the ends of `i64` (not lower: a number may carry millions of
/// digits that an exponent of the same size cancels).
fn exponent(bytes: &[u8]) -> Option<i64> {
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let (exponent_digits, after) = digits(rest);
    if exponent_digits.is_empty() || !after.is_empty() {
        return None;
    }
    let value = exponent_digits
        .iter()
        .fold(0_i64, |acc, d| acc.saturating_mul(10).saturating_add(i64::from(d.wrapping_sub(b'0'))));
    Some(if negative { value.saturating_neg() } else { value })
}

/// A non-negative decimal `0.d1 d2 d3 … × 10^point` with digits 0 to 9, no leading or trailing
/// zeros (no digits: zero). `truncated` records nonzero digits dropped beyond [`MAX_DIGITS`].
#[derive(Debug)]
struct Decimal {
    digits: Vec<u8>,
    point: i64,
    truncated: bool,
}

impl Decimal {
    fn new(whole: &[u8], fraction: &[u8], exponent: i64) -> Self {
        let mut decimal = Decimal { digits: Vec::new(), point: 0, truncated: false };
        for &ascii in whole {
            let digit = ascii.wrapping_sub(b'0');
            if digit != 0 || !decimal.digits.is_empty() {
                decimal.push(digit);
                decimal.point = decimal.point.saturating_add(1);
            }
        }
        for &ascii in fraction {
            let digit = ascii.wrapping_sub(b'0');
            if digit == 0 && decimal.digits.is_empty() {
                decimal.point = decimal.point.saturating_sub(1);
            } else {
                decimal.push(digit);
            }
        }
        decimal.point = decimal.point.saturating_add(exponent);
        decimal.trim();
        decimal
    }

    fn push(&mut self, digit: u8) {
        if self.digits.len() < MAX_DIGITS {
            self.digits.push(digit);
        } else if digit != 0 {
            self.truncated = true;
        }
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
    }

    /// Clinger's fast path: an integer of at most 2^53 times or divided by an exact power of ten is
    /// one correctly rounded operation. `None` when the number needs the exact path.
    fn exact_fast(&self) -> Option<f64> {
        if self.digits.is_empty() {
            return Some(0.0);
        }
        if self.truncated || self.digits.len() > 19 {
            return None;
        }
        let mantissa = self.digits.iter().fold(0_u64, |acc, d| acc.wrapping_mul(10).wrapping_add(u64::from(*d)));
        let length = i64::try_from(self.digits.len()).ok()?;
        // The value is mantissa × 10^scale.
        let scale = self.point.checked_sub(length)?;
        if mantissa > MAX_EXACT_INTEGER {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // at most 2^53: exact
        let mantissa_f64 = mantissa as f64;
        let power = |exponent: i64| usize::try_from(exponent).ok().and_then(|e| POWERS_OF_TEN.get(e)).copied();
        if scale >= 0 {
            if let Some(power) = power(scale) {
                return Some(mantissa_f64 * power);
            }
            // 123e25 = 123000e22: move zeros into the mantissa while it stays exact.
            let shifted = mantissa.checked_mul(10_u64.checked_pow(u32::try_from(scale.checked_sub(22)?).ok()?)?)?;
            #[allow(clippy::cast_precision_loss)] // at most 2^53: exact
            return (shifted <= MAX_EXACT_INTEGER).then_some(shifted as f64 * 1e22);
        }
        power(scale.checked_neg()?).map(|power| mantissa_f64 / power)
    }

    /// The exact path: scale by powers of two into [0.5, 1), then read off 53 bits, rounding
    /// half to even (a dropped nonzero digit makes a seeming half round up).
    fn into_f64(mut self) -> f64 {
        // Beyond these the value is certainly infinite or certainly rounds to zero.
        if self.digits.is_empty() || self.point < -330 {
            return 0.0;
        }
        if self.point > 310 {
            return f64::INFINITY;
        }
        let mut binary_exponent: i64 = 0;
        while self.point > 0 {
            let shift = Self::shift_for(self.point);
            self.shift_right(shift);
            binary_exponent = binary_exponent.saturating_add(i64::from(shift));
        }
        while self.point < 0 || (self.point == 0 && self.digits.first().is_some_and(|d| *d < 5)) {
            let shift = Self::shift_for(self.point.saturating_neg());
            self.shift_left(shift);
            binary_exponent = binary_exponent.saturating_sub(i64::from(shift));
        }
        // The value is now in [0.5, 1) × 2^binary_exponent; a double's significand is in [1, 2).
        binary_exponent = binary_exponent.saturating_sub(1);
        // Below the smallest normal exponent: a subnormal, with fewer bits of precision.
        if binary_exponent < -1022 {
            let shift = (-1022_i64).saturating_sub(binary_exponent);
            self.shift_right_by(shift);
            binary_exponent = -1022;
        }
        if binary_exponent > 1023 {
            return f64::INFINITY;
        }
        self.shift_left(53);
        let mut significand = self.rounded_integer();
        if significand == MAX_EXACT_INTEGER {
            // Rounding carried into a 54th bit.
            significand >>= 1;
            binary_exponent = binary_exponent.saturating_add(1);
            if binary_exponent > 1023 {
                return f64::INFINITY;
            }
        }
        let biased = if significand & (1 << 52) == 0 { 0 } else { binary_exponent.saturating_add(1023) };
        let biased = u64::try_from(biased).unwrap_or(0);
        f64::from_bits((significand & ((1 << 52) - 1)) | (biased << 52))
    }

    /// A shift that moves the decimal point by about `point` digits without overshooting.
    fn shift_for(point: i64) -> u32 {
        const SHIFTS: [u32; 9] = [1, 3, 6, 9, 13, 16, 19, 23, 26];
        usize::try_from(point).ok().and_then(|p| SHIFTS.get(p)).copied().unwrap_or(27)
    }

    fn shift_right_by(&mut self, mut shift: i64) {
        while shift > 0 {
            let step = u32::try_from(shift.min(i64::from(MAX_SHIFT))).unwrap_or(MAX_SHIFT);
            self.shift_right(step);
            shift = shift.saturating_sub(i64::from(step));
        }
    }

    /// Multiplies by 2^shift (`shift` at most [`MAX_SHIFT`]), from the last digit up.
    fn shift_left(&mut self, shift: u32) {
        let mut reversed = Vec::with_capacity(self.digits.len().saturating_add(20));
        let mut carry: u64 = 0;
        for &digit in self.digits.iter().rev() {
            // digit × 2^60 + carry < 10 × 2^60 < 2^64.
            let n = (u64::from(digit) << shift).wrapping_add(carry);
            reversed.push(Self::low_digit(n));
            carry = n / 10;
        }
        let mut added: i64 = 0;
        while carry > 0 {
            reversed.push(Self::low_digit(carry));
            carry /= 10;
            added = added.saturating_add(1);
        }
        self.point = self.point.saturating_add(added);
        self.digits.clear();
        for digit in reversed.into_iter().rev() {
            self.push(digit);
        }
        self.trim();
    }

    /// Divides by 2^shift (`shift` at most [`MAX_SHIFT`]), from the first digit down.
    fn shift_right(&mut self, shift: u32) {
        let mut read: usize = 0;
        let mut n: u64 = 0;
        // Take leading digits until the first output digit is nonzero.
        while n >> shift == 0 {
            match self.digits.get(read) {
                Some(digit) => n = n.wrapping_mul(10).wrapping_add(u64::from(*digit)),
                None if n == 0 => {
                    self.digits.clear();
                    return;
                }
                None => n = n.wrapping_mul(10),
            }
            read = read.saturating_add(1);
        }
        self.point = self.point.saturating_sub(i64::try_from(read).unwrap_or(i64::MAX)).saturating_add(1);
        let mask = (1_u64 << shift).wrapping_sub(1);
        let mut out = Vec::with_capacity(self.digits.len().saturating_add(20));
        // n < 10 × 2^shift throughout, so n × 10 + 9 fits in a u64.
        for &digit in self.digits.get(read..).unwrap_or(&[]) {
            out.push(Self::low_digit(n >> shift));
            n = (n & mask).wrapping_mul(10).wrapping_add(u64::from(digit));
        }
        while n > 0 {
            let digit = Self::low_digit(n >> shift);
            if out.len() < MAX_DIGITS {
                out.push(digit);
            } else if digit != 0 {
                self.truncated = true;
            }
            n = (n & mask).wrapping_mul(10);
        }
        self.digits = out;
        self.trim();
    }

    /// The last decimal digit of `n`.
    fn low_digit(n: u64) -> u8 {
        #[allow(clippy::cast_possible_truncation)] // below 10
        let digit = (n % 10) as u8;
        digit
    }

    /// The integer part, rounded half to even on the digits after the point.
    fn rounded_integer(&self) -> u64 {
        let Ok(point) = usize::try_from(self.point) else { return 0 };
        if point > 20 {
            return u64::MAX;
        }
        let mut n = (0..point).fold(0_u64, |acc, i| {
            acc.wrapping_mul(10).wrapping_add(u64::from(self.digits.get(i).copied().unwrap_or(0)))
        });
        let round_up = match self.digits.get(point) {
            None => false,
            // Exactly half (5 is the last digit): to even, unless dropped digits made it more.
            Some(5) if point.saturating_add(1) == self.digits.len() => self.truncated || n % 2 == 1,
            Some(digit) => *digit >= 5,
        };
        if round_up {
            n = n.wrapping_add(1);
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let expected: f64 = text.parse().unwrap();
        let actual = parse_f64(text).unwrap_or_else(|| panic!("{text} refused"));
        assert_eq!(actual.to_bits(), expected.to_bits(), "{text}: {actual:e} against {expected:e}");
    }

    #[test]
    fn agrees_with_std_on_hard_cases() {
        for text in [
            "0", "-0", "0.0", "1", "-1", "1700000000", "1700000000.5", "0.1", "0.30000000000000004", "9007199254740992",
            "9007199254740993", "9007199254740995", "18446744073709551615", "18446744073709551616", "1e22", "1e23",
            "123e25", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "1e400",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324", "5e-324", "2e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "0.000001", "1.5e-7", "7.038531e-26",
            "8.98846567431158e307", "3.0000000000000004", "1448997445238699", "0.1e1", "100e-2", "00012", "1E5",
            "1e+5", "1e-0", "6.631236846766476e-316", "3.2379086165851934e-319", "1.00000005960464477539062499",
            "1.000000059604644775390625", "1.00000005960464477539062501", "1.00000017881393432617187499",
            "2.00000000000000011102230246251565404236316680908203125",
            "2.00000000000000011102230246251565404236316680908203124",
            "2.00000000000000011102230246251565404236316680908203126", "1e-1000000000", "1e1000000000",
            // Rounding that carries into the next binade: up to 2^1023, and from the largest
            // subnormal up to the smallest normal double.
            "8.9884656743115795e307", "1.797693134862315807e308", "2.2250738585072012e-308", "2.2250738585072013e-308",
            // Either side of the 15-digit integer shortcut.
            "999999999999999", "-999999999999999", "000000000000000", "1000000000000000", "-0000000000000001",
        ] {
            same(text);
        }
    }

    #[test]
    fn many_digits_halfway_is_exact() {
        // 2^-1075, exactly half the smallest subnormal, in full (to even: zero), then nudged.
        let long = String::from("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324");
        same(&long);
        same(&format!("{}0001e-324", long.trim_end_matches("e-324")));
        same(&format!("{}e-324", long.trim_end_matches("5e-324")));
        same(&format!("1.{}1", "0".repeat(900)));
        same(&format!("9007199254740993{}", "0".repeat(900)));
        same(&format!("9007199254740993.{}1", "0".repeat(900)));
    }

    #[test]
    fn digits_and_exponent_cancel_at_any_size() {
        // Exactly 10, however many zeros the exponent cancels (a review found 1e10 here when the
        // exponent was capped at a million).
        for zeros in [10, 799, 800, 801, 70_000, 1_000_010] {
            let text = format!("1{}e-{}", "0".repeat(zeros), zeros - 1);
            assert_eq!(parse_f64(&text), Some(10.0), "{zeros} zeros");
            assert_eq!(parse_f64(&format!("0.{}1e{}", "0".repeat(zeros), zeros + 2)), Some(10.0), "{zeros} zeros");
        }
        // 0.999…9 (a million nines) × 10: rounds to 10. (std's parser stops reading exponents
        // past 65536 and makes this infinite, so it is no oracle here.)
        assert_eq!(parse_f64(&format!("{}e-1000009", "9".repeat(1_000_010))), Some(10.0));
        same("1e-99999999999");
        same("1e99999999999");
        same("1e-99999999999999999999999");
        same("0e99999999999999999999999");
    }

    #[test]
    fn refuses_other_text() {
        for text in ["", "-", ".5", "5.", "1e", "1e+", "+1", "1.2.3", "1e5x", "0x10", " 1", "1 ", "Infinity", "NaN", "--1"] {
            assert_eq!(parse_f64(text), None, "{text:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::parse_f64;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        #[test]
        fn agrees_with_std(
            negative in any::<bool>(),
            whole in "[0-9]{1,30}|[0-9]{700,900}",
            fraction in proptest::option::of("[0-9]{1,30}|[0-9]{700,900}"),
            exponent in proptest::option::of(-1200_i32..1200),
        ) {
            let mut text = String::new();
            if negative { text.push('-'); }
            text.push_str(&whole);
            if let Some(fraction) = fraction { text.push('.'); text.push_str(&fraction); }
            if let Some(exponent) = exponent { text.push_str(&format!("e{exponent}")); }
            let expected: f64 = text.parse().unwrap();
            prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(expected.to_bits()), "{}", text);
        }

        #[test]
        fn reads_back_every_double(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            for text in [format!("{value:e}"), format!("{value:?}")] {
                // Debug writes forms like "1e-7" and "0.1"; both are in the grammar.
                prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(bits), "{}", text);
            }
        }
    }
}
