//! Decoding without verification, as jose's `decodeJwt` and `decodeProtectedHeader`. The
//! result is unauthenticated: anyone can write any claims into an unsigned token.

use crate::error::{ErrorCode, Result};
use crate::header::members;
use crate::token::{decode_text, malformed, Compact, TokenCap};
use crate::claims::parse_claims;

/// The claims set of `token` as JSON text, unverified.
///
/// # Errors
/// `ERR_JWT_TOO_LONG`, and `ERR_JWT_INVALID` for every other failure (as jose's `decodeJwt`).
pub fn decode_jwt(token: &str) -> Result<String> {
    let payload = payload_text(token)?;
    parse_claims(&payload)?;
    Ok(payload)
}

/// The decoded payload of `token`, not yet parsed. Errors: as [`decode_jwt`].
pub(crate) fn payload_text(token: &str) -> Result<String> {
    TokenCap::DECODE.check(token.len())?;
    let invalid = |message| malformed(ErrorCode::JwtInvalid, message, token);
    let parts = Compact::split_or(token, ErrorCode::JwtInvalid, "a JWT in compact form has exactly three segments")?;
    decode_text(parts.payload).ok_or_else(|| invalid("the payload is not base64url-encoded UTF-8"))
}

/// The protected header of `token` as JSON text, unverified.
///
/// # Errors
/// `ERR_JWT_TOO_LONG`, and `ERR_JWS_INVALID` for every other failure.
pub fn decode_protected_header(token: &str) -> Result<String> {
    TokenCap::DECODE.check(token.len())?;
    let invalid = |message| malformed(ErrorCode::JwsInvalid, message, token);
    let parts = Compact::split_or(token, ErrorCode::JwsInvalid, "a compact JWS has exactly three segments")?;
    let header = decode_text(parts.header).ok_or_else(|| invalid("the protected header is not base64url-encoded UTF-8"))?;
    members(&header)?;
    Ok(header)
}
