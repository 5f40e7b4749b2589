//! Expiry status of an unverified token: is it expired, when, how long is left. For client-side
//! decisions (refresh a session early); it does not verify the signature.

use crate::claims::{is_expired, is_not_yet_valid, parse_claims, time_claim, TIME_CLAIMS};
use crate::decode::payload_text;
use crate::error::{ErrorCode, Result};
use crate::options::{OptionObject, CURRENT_DATE};
use crate::time::{Duration, Now};

/// Options of `isExpired` and `expiryInfo` (`currentDate` is read by the binding).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExpiryOptions {
    /// Leeway for `exp` and `nbf`. Defaults to 0 seconds.
    pub clock_tolerance: Option<Duration>,
}

impl ExpiryOptions {
    /// Reads options from a JSON object.
    ///
    /// # Errors
    /// `ERR_OPTIONS_INVALID`.
    pub fn from_json(text: &str) -> Result<Self> {
        let object = OptionObject::parse(text, ErrorCode::OptionsInvalid)?;
        let mut options = ExpiryOptions::default();
        for (name, raw) in object.present() {
            match name {
                "clockTolerance" => {
                    let tolerance = object.duration(name, raw)?;
                    // Judged here, with the other options and before the token is read (as
                    // verification judges it), so that a bad tolerance is the same error
                    // whatever the token: not one about a token that is not a string or too long.
                    tolerance.to_non_negative_secs(name)?;
                    options.clock_tolerance = Some(tolerance);
                }
                _ => return Err(object.unknown(name, &["clockTolerance", CURRENT_DATE])),
            }
        }
        Ok(options)
    }
}

/// The time claims of a token and the verdicts `jwtVerify` would reach on them.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ExpiryInfo {
    /// `exp`, seconds since the epoch.
    pub expires_at_secs: Option<f64>,
    /// `iat`, seconds since the epoch.
    pub issued_at_secs: Option<f64>,
    /// `nbf`, seconds since the epoch.
    pub not_before_secs: Option<f64>,
    /// `exp <= now - clockTolerance`; false without `exp`.
    pub expired: bool,
    /// `nbf > now + clockTolerance`; false without `nbf`.
    pub not_yet_valid: bool,
    /// `exp - now + clockTolerance`: positive while unexpired; `None` without `exp`.
    pub seconds_left: Option<f64>,
}

/// Reads the time claims of `token` (unverified) and judges them at `now`, asked once the token and
/// its time claims have been read.
///
/// # Errors
/// `ERR_JWT_TOO_LONG`, `ERR_JWT_INVALID` (malformed token), `ERR_OPTIONS_INVALID`, and
/// `ERR_JWT_CLAIM_VALIDATION_FAILED` with reason `invalid` for a time claim that is not a number,
/// and the clock's own error.
pub fn expiry_info(token: &str, options: &ExpiryOptions, now: impl Now) -> Result<ExpiryInfo> {
    let tolerance = match &options.clock_tolerance {
        Some(duration) => duration.to_non_negative_secs("clockTolerance")?,
        None => 0.0,
    };
    let payload = payload_text(token)?;
    let claims = parse_claims(&payload)?;
    // In the order jwtVerify reads them, so both report the same claim when several are bad.
    let [iat, nbf, exp] = TIME_CLAIMS;
    let issued_at = time_claim(&claims, iat)?;
    let not_before = time_claim(&claims, nbf)?;
    let expires_at = time_claim(&claims, exp)?;
    let now = now.now()?;
    Ok(ExpiryInfo {
        expires_at_secs: expires_at,
        issued_at_secs: issued_at,
        not_before_secs: not_before,
        expired: expires_at.is_some_and(|exp| is_expired(exp, now, tolerance)),
        not_yet_valid: not_before.is_some_and(|nbf| is_not_yet_valid(nbf, now, tolerance)),
        // Measured from the same threshold `is_expired` compares with, so that `expired` holds
        // exactly when `seconds_left <= 0` (`exp - now + tolerance` can round the other way).
        seconds_left: expires_at.map(|exp| exp - (now.as_secs() - tolerance)),
    })
}
