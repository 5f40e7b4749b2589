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
    /// The time `secs` seconds after the epoch.
    pub fn from_secs(secs: i64) -> Self {
        #[allow(clippy::cast_precision_loss)] // clamped to the Date range, exact in f64
        UnixTime(secs.clamp(-8_640_000_000_000, 8_640_000_000_000) as f64)
    }

    /// The whole second containing `millis` after the epoch, as jose rounds `currentDate`
    /// (floor). Errors: `ERR_OPTIONS_INVALID` for a time outside the range of a `Date`.
    pub fn from_millis(millis: f64) -> Result<Self> {
        if !millis.is_finite() || millis.abs() > MAX_DATE_MILLIS {
            return Err(Error::new(ErrorCode::OptionsInvalid, "currentDate is not a valid Date"));
        }
        Ok(UnixTime((millis / 1000.0).floor()))
    }

    /// Seconds since the epoch.
    pub fn as_secs(self) -> f64 {
        self.0
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

impl Duration {
    /// The signed number of seconds. Errors: `ERR_OPTIONS_INVALID` naming `option`.
    pub fn to_secs(&self, option: &str) -> Result<f64> {
        let secs = match self {
            Duration::Seconds(secs) => Some(*secs),
            Duration::Text(text) => parse_duration(text),
        };
        secs.filter(|s| s.is_finite()).ok_or_else(|| {
            Error::new(ErrorCode::OptionsInvalid, format!("{option} is not a finite number of seconds or a duration string"))
        })
    }

    /// The number of seconds, which must not be negative. Errors: `ERR_OPTIONS_INVALID`.
    pub fn to_non_negative_secs(&self, option: &str) -> Result<f64> {
        let secs = self.to_secs(option)?;
        if secs < 0.0 {
            return Err(Error::new(ErrorCode::OptionsInvalid, format!("{option} must not be negative")));
        }
        Ok(secs)
    }
}

/// Parses jose's duration format: an optional sign, a number, an optional space, a unit
/// (s, sec, secs, second, seconds, m, min, mins, minute, minutes, h, hr, hrs, hour, hours, d,
/// day, days, w, week, weeks, y, yr, yrs, year, years; any case), and optionally " ago" or
/// " from now" (not with a sign). A year is 365.25 days. Rounds to whole seconds.
pub fn parse_duration(input: &str) -> Option<f64> {
    let (sign, rest) = match input.as_bytes().first() {
        Some(b'+') => (Some(1.0), input.get(1..)?),
        Some(b'-') => (Some(-1.0), input.get(1..)?),
        _ => (None, input),
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let number_len = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (number, rest) = rest.split_at_checked(number_len)?;
    if !is_decimal(number) {
        return None;
    }
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
    let value = crate::decimal::parse_f64(number)?;
    Some(direction * (value * unit_secs).round())
}

/// Parses a UTC date-time in the form `Date.prototype.toJSON` writes (`2026-01-31T12:00:00.000Z`,
/// milliseconds optional, years 0000 to 9999) to whole seconds since the epoch, rounded down as
/// jose turns a `Date` into a NumericDate. `None` for any other text or an impossible date.
pub fn parse_date_time(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let millis_ok = match b.len() {
        20 => true,
        24 => b.get(19) == Some(&b'.') && b.get(20..23)?.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !millis_ok || b.last() != Some(&b'Z') || !separators.iter().all(|(at, c)| b.get(*at) == Some(c)) {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<f64> {
        let digits = text.get(from..to)?;
        digits.bytes().all(|d| d.is_ascii_digit()).then(|| crate::decimal::parse_f64(digits)).flatten()
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    let leap = year % 4.0 == 0.0 && (year % 100.0 != 0.0 || year % 400.0 == 0.0);
    let month_days = [31.0, if leap { 29.0 } else { 28.0 }, 31.0, 30.0, 31.0, 30.0, 31.0, 31.0, 30.0, 31.0, 30.0, 31.0];
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 to 12, checked first
    let days_in_month = (1.0..=12.0).contains(&month).then(|| month_days.get((month - 1.0) as usize)).flatten()?;
    if day < 1.0 || day > *days_in_month || hour > 23.0 || minute > 59.0 || second > 59.0 {
        return None;
    }
    // Days from 1970-01-01 to the date (the civil-calendar algorithm of H. Hinnant), in f64,
    // where every intermediate value here is a small exact integer.
    let y = if month <= 2.0 { year - 1.0 } else { year };
    let era = y.div_euclid(400.0);
    let year_of_era = y - era * 400.0;
    let month_from_march = (month + 9.0) % 12.0;
    let day_of_year = ((153.0 * month_from_march + 2.0) / 5.0).floor() + day - 1.0;
    let day_of_era = year_of_era * 365.0 + (year_of_era / 4.0).floor() - (year_of_era / 100.0).floor() + day_of_year;
    let days = era * 146_097.0 + day_of_era - 719_468.0;
    Some(days * 86_400.0 + hour * 3_600.0 + minute * 60.0 + second)
}

/// `\d+` or `\d+\.\d+`.
fn is_decimal(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('.') {
        None => digits(text),
        Some((whole, fraction)) => digits(whole) && digits(fraction),
    }
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
        ];
        for (text, secs) in cases {
            assert_eq!(parse_duration(text), Some(secs), "{text}");
        }
    }

    #[test]
    fn rejects_malformed_duration_strings() {
        for text in ["", "s", "5", "5 parsecs", ".5s", "5.s", "1e3s", "-5m ago", "5m  ago", "5  m", "5m later", "５m", "--5m"] {
            assert_eq!(parse_duration(text), None, "{text:?}");
        }
    }

    #[test]
    fn parses_the_date_times_javascript_writes() {
        let cases = [
            ("1970-01-01T00:00:00.000Z", 0.0),
            ("1970-01-01T00:00:00.999Z", 0.0),
            ("2026-01-01T00:00:00.000Z", 1_767_225_600.0),
            ("2023-11-14T22:13:20Z", 1_700_000_000.0),
            ("2000-02-29T12:00:00.000Z", 951_825_600.0),
            ("1969-12-31T23:59:59.500Z", -1.0),
            ("0000-03-01T00:00:00.000Z", -62_162_035_200.0),
            ("9999-12-31T23:59:59.999Z", 253_402_300_799.0),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_date_time(text), Some(secs), "{text}");
        }
        for bad in [
            "2026-01-01", "2026-01-01T00:00:00", "2026-01-01T00:00:00.000+01:00", "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-01-32T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
            "+020260-01-01T00:00:00.000Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00.00Z", "2026-0a-01T00:00:00Z",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
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
        assert!(UnixTime::from_millis(f64::NAN).is_err());
        assert!(UnixTime::from_millis(9e15).is_err());
    }
}
