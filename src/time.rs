//! Points in time and durations, in seconds, with jose's duration strings ("30s", "5m", "2 hours
//! ago"). All arithmetic is in `f64`, so it cannot overflow or wrap; non-finite values are refused
//! where they come in.

use crate::error::{Error, ErrorCode, Result};

/// The largest magnitude of a JavaScript `Date`, in milliseconds (ECMA-262 section 21.4.1.22).
const MAX_DATE_MILLIS: f64 = 8.64e15;

/// A NumericDate (RFC 7519 section 2): whole seconds since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct UnixTime(f64);

impl UnixTime {
    /// The time `secs` seconds after the epoch, clamped to the range of a JavaScript `Date`
    /// (±8.64e12 seconds, about 273,790 years either way).
    pub fn from_secs(secs: i64) -> Self {
        #[allow(clippy::cast_precision_loss)] // clamped to the Date range, exact in f64
        UnixTime(secs.clamp(-8_640_000_000_000, 8_640_000_000_000) as f64)
    }

    /// The whole second containing `millis` after the epoch, as jose rounds a `Date` (floor);
    /// `None` for a time outside the range of a `Date` (or NaN, an invalid one).
    pub fn from_millis(millis: f64) -> Option<Self> {
        (millis.is_finite() && millis.abs() <= MAX_DATE_MILLIS).then(|| UnixTime((millis / 1000.0).floor()))
    }

    /// Seconds since the epoch.
    pub fn as_secs(self) -> f64 {
        self.0
    }
}

/// Where a check takes "now" from: a [`UnixTime`] given, or a clock (any `FnOnce` giving one)
/// asked once and only when a check needs the time. `verify` asks it when it reaches the time
/// claims, after the signature and the other claims, where jose reads its clock; `expiry_info`
/// after it has read the token; `sign` only for an option relative to now. So a token or an
/// option at fault gets its own error whatever the clock says, and a sign that sets no time
/// never asks.
pub trait Now {
    /// The time to judge at.
    ///
    /// # Errors
    /// Whatever the clock's own error is (the wasm binding's: `ERR_OPTIONS_INVALID` when the
    /// system clock gives no valid time).
    fn now(self) -> Result<UnixTime>;
}

impl Now for UnixTime {
    fn now(self) -> Result<UnixTime> {
        Ok(self)
    }
}

impl<F: FnOnce() -> Result<UnixTime>> Now for F {
    fn now(self) -> Result<UnixTime> {
        self()
    }
}

/// A duration option: seconds as a number, or a duration string such as `"30s"` or `"5 min"`.
#[derive(Clone, Debug, PartialEq)]
pub enum Duration {
    /// A number of seconds.
    Seconds(f64),
    /// A duration string in jose's format.
    Text(String),
}

/// What a duration option must be, as its messages say.
pub const DURATION_EXPECTED: &str = "a number of seconds or a duration string such as \"30s\" or \"5 min\"";

impl Duration {
    /// The signed number of seconds.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID` naming `option`.
    pub fn to_secs(&self, option: &str) -> Result<f64> {
        let secs = match self {
            Duration::Seconds(secs) => Some(*secs),
            Duration::Text(text) => parse_duration(text),
        };
        secs.filter(|s| s.is_finite())
            .ok_or_else(|| Error::new(ErrorCode::OptionsInvalid, format!("\"{option}\" must be {DURATION_EXPECTED}")))
    }

    /// The number of seconds, which must not be negative.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID`.
    pub fn to_non_negative_secs(&self, option: &str) -> Result<f64> {
        let secs = self.to_secs(option)?;
        if secs < 0.0 {
            return Err(Error::new(ErrorCode::OptionsInvalid, format!("\"{option}\" must not be negative")));
        }
        Ok(secs)
    }
}

/// Parses jose's duration format: an optional sign, an optional space, a number, an optional
/// space, a unit (s, sec, secs, second, seconds, m, min, mins, minute, minutes, h, hr, hrs, hour,
/// hours, d, day, days, w, week, weeks, y, yr, yrs, year, years; any case), and optionally " ago"
/// or " from now" (not with a sign). A year is 365.25 days. Rounds to whole seconds; a number too
/// large for a double gives an infinite duration, which every caller refuses.
pub fn parse_duration(input: &str) -> Option<f64> {
    let (sign, rest) = match input.as_bytes().first() {
        Some(b'+') => (Some(1.0), input.get(1..)?),
        Some(b'-') => (Some(-1.0), input.get(1..)?),
        _ => (None, input),
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let number_len = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (number, rest) = rest.split_at_checked(number_len)?;
    // Only digits and dots: the decimal reader's grammar leaves jose's `\d+` or `\d+\.\d+`.
    let value = crate::decimal::parse_f64(number)?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (unit, suffix) = rest.split_at_checked(unit_len)?;
    let unit_secs = match unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "week" | "weeks" => 604_800.0,
        "y" | "yr" | "yrs" | "year" | "years" => 31_557_600.0,
        _ => return None,
    };
    let direction = match suffix.to_ascii_lowercase().as_str() {
        "" => sign.unwrap_or(1.0),
        " ago" if sign.is_none() => -1.0,
        " from now" if sign.is_none() => 1.0,
        _ => return None,
    };
    Some(direction * (value * unit_secs).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_jose_duration_strings() {
        let cases = [
            ("30s", 30.0),
            ("30 seconds", 30.0),
            ("5m", 300.0),
            ("5 mins", 300.0),
            ("1.5h", 5_400.0),
            ("2 HOURS", 7_200.0),
            ("1d", 86_400.0),
            ("1w", 604_800.0),
            ("1y", 31_557_600.0),
            ("-1h", -3_600.0),
            ("+1h", 3_600.0),
            ("- 1h", -3_600.0),
            ("2 days ago", -172_800.0),
            ("2 days from now", 172_800.0),
            ("0.4s", 0.0),
            ("0.5s", 1.0),
            (" 5m", 300.0),
            ("007s", 7.0),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_duration(text), Some(secs), "{text}");
        }
    }

    #[test]
    fn rejects_malformed_duration_strings() {
        for text in ["", "s", "5", "5 parsecs", ".5s", "5.s", "1e3s", "-5m ago", "+5m ago", "-5m from now", "+5m from now", "1.2.3s", "1..5s", "5m  ago", "5  m", "5m later", "５m", "--5m"] {
            assert_eq!(parse_duration(text), None, "{text:?}");
        }
    }

    #[test]
    fn durations_must_be_finite_and_tolerances_non_negative() {
        assert_eq!(Duration::Seconds(f64::NAN).to_secs("x").unwrap_err().code(), ErrorCode::OptionsInvalid);
        assert_eq!(Duration::Seconds(f64::INFINITY).to_secs("x").unwrap_err().code(), ErrorCode::OptionsInvalid);
        assert_eq!(Duration::Text("-5s".into()).to_non_negative_secs("x").unwrap_err().code(), ErrorCode::OptionsInvalid);
        assert_eq!(Duration::Text("5s".into()).to_non_negative_secs("x").unwrap(), 5.0);
    }

    #[test]
    fn current_date_floors_to_the_second_and_must_be_a_real_date() {
        assert_eq!(UnixTime::from_millis(1_999.0).unwrap().as_secs(), 1.0);
        assert_eq!(UnixTime::from_millis(-1.0).unwrap().as_secs(), -1.0);
        assert!(UnixTime::from_millis(f64::NAN).is_none());
        assert!(UnixTime::from_millis(9e15).is_none());
        assert_eq!(UnixTime::from_millis(-8.64e15).unwrap().as_secs(), -8.64e12);
    }
}
