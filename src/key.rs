//! Secret keys for the HMAC algorithms: raw bytes or an `oct` JSON Web Key (RFC 7517 section
//! 4, RFC 7518 section 6.4), and keyed MAC state prepared once for reuse.

use crate::algorithms::Algorithm;
use crate::base64url;
use crate::error::{Error, ErrorCode, Result};
use crate::json;
use crate::options::OptionObject;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};
use std::sync::OnceLock;
use subtle::ConstantTimeEq;

/// What a key is used for, checked against a JWK's `use` and `key_ops`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOperation {
    /// Verifying signatures.
    Verify,
    /// Creating signatures.
    Sign,
}

impl KeyOperation {
    const fn jwk_name(self) -> &'static str {
        match self {
            KeyOperation::Verify => "verify",
            KeyOperation::Sign => "sign",
        }
    }
}

/// A JSON Web Key as given by the caller; only the members this library checks. Its `Debug`
/// leaves the secret out.
#[derive(Clone, Default, PartialEq)]
pub struct Jwk {
    /// Key type; must be `oct` for a secret key.
    pub kty: Option<String>,
    /// The secret, base64url without padding.
    pub k: Option<String>,
    /// The one algorithm the key is for, if stated.
    pub alg: Option<String>,
    /// Intended use; must be `sig` if present.
    pub use_: Option<String>,
    /// Permitted operations, if stated.
    pub key_ops: Option<Vec<String>>,
}

impl Jwk {
    /// Reads a JWK from JSON; members other than these five and `ext` are ignored (a JWK may carry
    /// `kid` and more).
    ///
    /// # Errors
    /// `ERR_KEY_INVALID` for a text over [`MAX_JWK_TEXT_LEN`]; `ERR_JWK_INVALID` for a member of
    /// the wrong type, an `ext` (Web Crypto's extractable flag) that is not a boolean, or a
    /// `key_ops` that names an operation twice (RFC 7517 section 4.3), as jose refuses them, and
    /// for an object without `kty` holding a `key` or `secret` or option names (said as such).
    pub fn from_json(text: &str) -> Result<Self> {
        check_jwk_text_length(text.len())?;
        let object = OptionObject::parse(text, ErrorCode::JwkInvalid)?;
        let mut jwk = Jwk::default();
        let mut misplaced = None;
        for (name, raw) in object.present() {
            match name {
                "kty" => jwk.kty = Some(object.string(name, raw)?),
                "k" => jwk.k = Some(object.string(name, raw)?),
                "alg" => jwk.alg = Some(object.string(name, raw)?),
                "use" => jwk.use_ = Some(object.string(name, raw)?),
                "key_ops" => {
                    let ops = object.strings(name, raw)?;
                    if json::repeats_a_name(ops.iter().map(String::as_str).collect()) {
                        return Err(jwk_invalid("the JWK \"key_ops\" names an operation twice"));
                    }
                    jwk.key_ops = Some(ops);
                }
                "ext" => {
                    object.boolean(name, raw)?;
                }
                // Asked only while no kty has been read: a JWK's other members cost nothing.
                _ if jwk.kty.is_none() => misplaced = misplaced.max(NotAJwk::of_member(name)),
                _ => {}
            }
        }
        match misplaced {
            Some(what) if jwk.kty.is_none() => Err(jwk_invalid(what.message())),
            _ => Ok(jwk),
        }
    }
}

/// What an object without `kty` that has a member of another use is, most telling last.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NotAJwk {
    /// Options given in the key's place.
    Options,
    /// The holder of a secret that fast-jwt's and jsonwebtoken's options take (`{ key }`).
    SecretHolder,
}

impl NotAJwk {
    fn of_member(name: &str) -> Option<Self> {
        // A JWK's own members that are also option names (`alg` to sign, and `kid`, which
        // jsonwebtoken's `keyid` hint names) say nothing either way.
        const JWK_MEMBERS: &[&str] = &["alg", "kid"];
        match name {
            "key" | "secret" => Some(NotAJwk::SecretHolder),
            _ if !JWK_MEMBERS.contains(&name) && crate::options::is_option_name(name) => Some(NotAJwk::Options),
            _ => None,
        }
    }

    fn message(self) -> &'static str {
        match self {
            NotAJwk::SecretHolder => "the JWK has no \"kty\": an object holding the secret as \"key\" or \"secret\" (fast-jwt's and jsonwebtoken's form) is not a key here; pass the secret itself as the key, and the options apart",
            NotAJwk::Options => "the JWK has no \"kty\": the object given as the key looks like options; pass the key first, then the options",
        }
    }
}

/// The longest secret accepted, in bytes (1 MiB): far beyond any real HMAC key (longer ones
/// are hashed to the hash's size anyway), and short of what could exhaust wasm memory.
pub const MAX_SECRET_LEN: usize = 1 << 20;

/// The longest JSON text of a JWK accepted, in UTF-16 units or bytes (2 MiB): room for the
/// base64url of a [`MAX_SECRET_LEN`] secret (4/3 of it) and its other members.
pub const MAX_JWK_TEXT_LEN: usize = 2 << 20;
// The messages below say these limits in words.
const _: () = assert!(MAX_SECRET_LEN == 1024 * 1024 && MAX_JWK_TEXT_LEN == 2 * 1024 * 1024, "1 MiB and 2 MiB");

/// Refuses a JWK's JSON text longer than [`MAX_JWK_TEXT_LEN`]; the binding checks it before
/// copying the text into wasm memory. Errors: `ERR_KEY_INVALID`.
pub fn check_jwk_text_length(len: usize) -> Result<()> {
    if len > MAX_JWK_TEXT_LEN {
        return Err(Error::new(ErrorCode::KeyInvalid, "the JWK is longer than 2 MiB of JSON text (its secret is at most 1 MiB)"));
    }
    Ok(())
}

/// Refuses a secret longer than [`MAX_SECRET_LEN`] bytes; the binding checks it before copying
/// a key into wasm memory. Errors: `ERR_KEY_INVALID`.
pub fn check_secret_length(len: usize) -> Result<()> {
    if len > MAX_SECRET_LEN {
        return Err(Error::new(ErrorCode::KeyInvalid, "the secret key is longer than 1 MiB"));
    }
    Ok(())
}

/// Whether a secret is, in all likelihood, the JSON text of a JWK: braces around it (ASCII
/// whitespace aside) and a `"kty"` inside. Not a full JSON read: a string like that is no sane
/// secret, and the check stays a few bytes of code on a path every string key takes.
fn looks_like_jwk_text(secret: &[u8]) -> bool {
    const KTY: &[u8] = b"\"kty\"";
    let bytes = secret.trim_ascii();
    let [b'{', .., b'}'] = bytes else { return false };
    let mut matched = 0usize;
    for byte in bytes {
        matched = match KTY.get(matched) {
            Some(next) if next == byte => matched.saturating_add(1),
            _ => usize::from(*byte == b'"'),
        };
        if matched == KTY.len() {
            return true;
        }
    }
    false
}

/// A secret key with the restrictions its JWK stated, and its keyed MAC state per algorithm,
/// computed on first use and kept: reusing a key skips the two key blocks of every HMAC.
#[derive(Clone)]
pub struct SecretKey {
    secret: Vec<u8>,
    alg: Option<Algorithm>,
    operations: Option<Vec<String>>,
    macs: [OnceLock<KeyedMac>; 3],
}

impl std::fmt::Debug for Jwk {
    // Never print the secret: only whether there is one, and how long its text is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jwk")
            .field("kty", &self.kty)
            .field("k_len", &self.k.as_ref().map(String::len))
            .field("alg", &self.alg)
            .field("use_", &self.use_)
            .field("key_ops", &self.key_ops)
            .finish()
    }
}

impl std::fmt::Debug for SecretKey {
    // Never print the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretKey").field("len", &self.secret.len()).field("alg", &self.alg).finish()
    }
}

impl SecretKey {
    /// A key from raw secret bytes.
    ///
    /// # Errors
    /// `ERR_KEY_INVALID` when empty, all zero bytes, or longer than [`MAX_SECRET_LEN`].
    pub fn from_bytes(secret: impl Into<Vec<u8>>) -> Result<Self> {
        let secret = secret.into();
        if secret.is_empty() {
            return Err(Error::new(ErrorCode::KeyInvalid, "the secret key is empty (is the variable or file it comes from empty?)"));
        }
        check_secret_length(secret.len())?;
        // A key of zero bytes only (an unfilled `new Uint8Array(32)` or `Buffer.alloc(32)`) is a
        // constant anyone can guess; up to the hash's block size (64 bytes for SHA-256, 128 for
        // SHA-384 and SHA-512) it is the very key HMAC makes of the empty one, which it pads with
        // zero bytes (RFC 2104 section 2). Every byte is read, with no early exit: the key is secret.
        if secret.iter().fold(0u8, |any, byte| any | byte) == 0 {
            return Err(Error::new(
                ErrorCode::KeyInvalid,
                "the secret key is all zero bytes, a key anyone can guess (HMAC takes a short one for the empty key)",
            ));
        }
        Ok(SecretKey { secret, alg: None, operations: None, macs: Default::default() })
    }

    /// A key from a secret as a caller gives it (a string's UTF-8 bytes, or bytes).
    ///
    /// # Errors
    /// As [`SecretKey::from_bytes`], and `ERR_KEY_INVALID` for a text in braces with a `"kty"`
    /// inside. That is a JWK left unparsed (read from an environment variable or a file, say): used
    /// as a secret, every token would fail its signature check with nothing to say why. Also
    /// `ERR_KEY_INVALID` for PEM text (`-----BEGIN `, after white space): an RSA or EC public key
    /// taken as an HMAC secret would let anyone who has it sign tokens.
    pub fn from_secret(secret: impl Into<Vec<u8>>) -> Result<Self> {
        let secret = secret.into();
        // A public key taken as an HMAC secret is the algorithm-confusion attack's way in: anyone
        // who has the key (it is public) could sign tokens with it. jsonwebtoken's verify refuses
        // an HS256 token with one; jose takes its bytes.
        if secret.trim_ascii_start().starts_with(b"-----BEGIN ") {
            return Err(Error::new(
                ErrorCode::KeyInvalid,
                "the key is PEM text (-----BEGIN ...), not a secret: this library signs and verifies with HMAC secrets only (HS256, HS384, HS512), and a public key taken as one would let anyone who has it sign tokens",
            ));
        }
        if looks_like_jwk_text(&secret) {
            return Err(Error::new(
                ErrorCode::KeyInvalid,
                "the key is a JWK's JSON text, not a secret: pass the JWK object (JSON.parse the text first)",
            ));
        }
        SecretKey::from_bytes(secret)
    }

    /// A key from an `oct` JWK.
    ///
    /// # Errors
    /// `ERR_JWK_INVALID` for a malformed JWK (no `kty` or an unknown one, no `k`, a `k` that is not
    /// base64url), `ERR_KEY_INVALID` for a JWK of another known key type (`RSA`, `EC`, `OKP`), a
    /// `use` other than `sig`, or a secret that is empty, all zero bytes or longer than
    /// [`MAX_SECRET_LEN`], and `ERR_JOSE_NOT_SUPPORTED` for an `alg` this library does not
    /// implement.
    pub fn from_jwk(jwk: &Jwk) -> Result<Self> {
        let kty = jwk.kty.as_deref().ok_or_else(|| jwk_invalid("the JWK has no \"kty\""))?;
        match kty {
            "oct" => {}
            "RSA" | "EC" | "OKP" => {
                return Err(Error::new(ErrorCode::KeyInvalid, "an HMAC algorithm needs an \"oct\" JWK"))
            }
            _ => return Err(jwk_invalid("the JWK \"kty\" is not a known key type")),
        }
        let k = jwk.k.as_deref().ok_or_else(|| jwk_invalid("the \"oct\" JWK has no \"k\""))?;
        let secret = base64url::decode(k).ok_or_else(|| jwk_invalid("the JWK \"k\" is not base64url"))?;
        if let Some(use_) = jwk.use_.as_deref() {
            if use_ != "sig" {
                return Err(Error::new(ErrorCode::KeyInvalid, "the JWK \"use\" is not \"sig\""));
            }
        }
        let alg = jwk.alg.as_deref().map(|name| Algorithm::parse(name, "the JWK \"alg\"")).transpose()?;
        let mut key = SecretKey::from_bytes(secret)?;
        key.alg = alg;
        key.operations = jwk.key_ops.clone();
        Ok(key)
    }

    /// The algorithm the key is restricted to, if its JWK named one.
    pub fn algorithm(&self) -> Option<Algorithm> {
        self.alg
    }

    /// Checks that the key may be used with `alg` for `operation`.
    /// Errors: `ERR_KEY_INVALID`.
    pub(crate) fn check_fits(&self, alg: Algorithm, operation: KeyOperation) -> Result<()> {
        if let Some(own) = self.alg.filter(|own| *own != alg) {
            let message = format!("the JWK \"alg\" ({}) differs from the algorithm in use ({})", own.name(), alg.name());
            return Err(Error::new(ErrorCode::KeyInvalid, message));
        }
        if let Some(ops) = &self.operations {
            let needed = operation.jwk_name();
            if !ops.iter().any(|op| op == needed) {
                return Err(Error::new(ErrorCode::KeyInvalid, format!("the JWK \"key_ops\" does not include \"{needed}\"")));
            }
        }
        Ok(())
    }

    fn mac_slot(&self, alg: Algorithm) -> &OnceLock<KeyedMac> {
        match alg {
            Algorithm::HS256 => &self.macs[0],
            Algorithm::HS384 => &self.macs[1],
            Algorithm::HS512 => &self.macs[2],
        }
    }

    /// The algorithms whose keyed state is computed already.
    #[cfg(test)]
    pub fn keyed_algorithms(&self) -> Vec<Algorithm> {
        Algorithm::ALL.into_iter().filter(|alg| self.mac_slot(*alg).get().is_some()).collect()
    }

    /// Keyed MAC state for `alg`: computed on first use, then kept with the key. Errors:
    /// `ERR_KEY_INVALID` should the HMAC refuse the key (hmac 0.13 takes any length).
    pub(crate) fn mac(&self, alg: Algorithm) -> Result<&KeyedMac> {
        let slot = self.mac_slot(alg);
        if let Some(mac) = slot.get() {
            return Ok(mac);
        }
        let invalid = |_| Error::new(ErrorCode::KeyInvalid, "the key cannot key an HMAC");
        let mac = match alg {
            Algorithm::HS256 => KeyedMac::Sha256(Hmac::new_from_slice(&self.secret).map_err(invalid)?),
            Algorithm::HS384 => KeyedMac::Sha384(Hmac::new_from_slice(&self.secret).map_err(invalid)?),
            Algorithm::HS512 => KeyedMac::Sha512(Hmac::new_from_slice(&self.secret).map_err(invalid)?),
        };
        Ok(slot.get_or_init(|| mac))
    }

    /// Whether `other` is the same key with the same restrictions (the secrets are compared in
    /// constant time), so that a caller may keep using this one and its keyed MAC state.
    pub fn same_as(&self, other: &SecretKey) -> bool {
        let same_secret = self.secret.len() == other.secret.len() && bool::from(self.secret.ct_eq(&other.secret));
        same_secret && self.alg == other.alg && self.operations == other.operations
    }
}

fn jwk_invalid(message: &'static str) -> Error {
    Error::new(ErrorCode::JwkInvalid, message)
}

/// HMAC state after the key has been absorbed: cloning it skips the two key blocks per message.
#[derive(Clone)]
pub enum KeyedMac {
    /// HS256.
    Sha256(Hmac<Sha256>),
    /// HS384.
    Sha384(Hmac<Sha384>),
    /// HS512.
    Sha512(Hmac<Sha512>),
}

impl KeyedMac {
    /// The tag over `message`.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        fn tag<M: Mac + Clone>(mac: &M, message: &[u8]) -> Vec<u8> {
            let mut mac = mac.clone();
            mac.update(message);
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            KeyedMac::Sha256(mac) => tag(mac, message),
            KeyedMac::Sha384(mac) => tag(mac, message),
            KeyedMac::Sha512(mac) => tag(mac, message),
        }
    }

    /// Whether `signature` is the tag over `message`, compared in constant time.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        fn check<M: Mac + Clone>(mac: &M, message: &[u8], signature: &[u8]) -> bool {
            let mut mac = mac.clone();
            mac.update(message);
            mac.verify_slice(signature).is_ok()
        }
        match self {
            KeyedMac::Sha256(mac) => check(mac, message, signature),
            KeyedMac::Sha384(mac) => check(mac, message, signature),
            KeyedMac::Sha512(mac) => check(mac, message, signature),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::arithmetic_side_effects)]
    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// RFC 4231 test cases 1, 2, 4 and 6 (a key longer than the block), all three SHA-2 sizes.
    #[test]
    fn matches_rfc_4231_vectors() {
        let cases: [(Vec<u8>, Vec<u8>, [&str; 3]); 4] = [
            (vec![0x0b; 20], b"Hi There".to_vec(), [
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
                "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
            ]),
            (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), [
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
            ]),
            (hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), vec![0xcd; 50], [
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
                "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
            ]),
            (vec![0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(), [
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
            ]),
        ];
        for (key, message, tags) in cases {
            let key = SecretKey::from_bytes(key).unwrap();
            for (alg, tag) in Algorithm::ALL.into_iter().zip(tags) {
                let mac = key.mac(alg).unwrap();
                assert_eq!(mac.sign(&message), hex(tag), "{alg:?}");
                assert!(mac.verify(&message, &hex(tag)));
                let mut wrong = hex(tag);
                wrong[0] ^= 1;
                assert!(!mac.verify(&message, &wrong));
                assert!(!mac.verify(&message, &hex(tag)[..16]), "a truncated tag must fail");
            }
        }
    }

    #[test]
    fn reads_a_jwk_from_json_ignoring_other_members() {
        let jwk = Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","kid":"1","use":"sig","key_ops":["sign"],"ext":true}"#).unwrap();
        assert_eq!(jwk.k.as_deref(), Some("c2VjcmV0"));
        assert_eq!(jwk.key_ops, Some(vec!["sign".to_string()]));
        assert_eq!((jwk.kty.as_deref(), jwk.use_.as_deref(), jwk.alg), (Some("oct"), Some("sig"), None));
        let encryption = Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","use":"enc","alg":"HS256"}"#).unwrap();
        assert_eq!((encryption.use_.as_deref(), encryption.alg.as_deref()), (Some("enc"), Some("HS256")));
        assert_eq!(SecretKey::from_jwk(&encryption).unwrap_err().code(), ErrorCode::KeyInvalid);
        assert_eq!(Jwk::from_json(r#"{"kty":"oct","k":5}"#).unwrap_err().code(), ErrorCode::JwkInvalid);
        assert_eq!(Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","use":1}"#).unwrap_err().code(), ErrorCode::JwkInvalid);
        assert!(Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","ext":false,"key_ops":["sign","verify"]}"#).is_ok());
        for bad in [r#"{"kty":"oct","k":"c2VjcmV0","ext":"x"}"#, r#"{"kty":"oct","k":"c2VjcmV0","key_ops":["verify","verify"]}"#] {
            assert_eq!(Jwk::from_json(bad).unwrap_err().code(), ErrorCode::JwkInvalid, "{bad}");
        }
        assert_eq!(Jwk::from_json("[]").unwrap_err().code(), ErrorCode::JwkInvalid);
    }

    #[test]
    fn pem_text_is_refused_as_a_secret() {
        let public = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n";
        for text in [public.to_owned(), format!("\n  {public}"), "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----".to_owned()] {
            let error = SecretKey::from_secret(text.into_bytes()).unwrap_err();
            assert_eq!(error.code(), ErrorCode::KeyInvalid);
            assert!(error.message().starts_with("the key is PEM text"), "{}", error.message());
        }
        // Not PEM: dashes alone, or the marker later in the text.
        assert!(SecretKey::from_secret(b"-----BEGIN".to_vec()).is_ok());
        assert!(SecretKey::from_secret(b"my secret -----BEGIN PUBLIC KEY-----".to_vec()).is_ok());
        // The raw constructor of the Rust API takes any bytes.
        assert!(SecretKey::from_bytes(public.as_bytes().to_vec()).is_ok());
    }

    #[test]
    fn an_object_without_kty_that_holds_a_key_or_options_is_named_for_what_it_is() {
        let holder = Jwk::from_json(r#"{"key":"s3cret","algorithms":["HS256"]}"#).unwrap_err();
        assert_eq!(holder.code(), ErrorCode::JwkInvalid);
        assert!(holder.message().contains("fast-jwt's and jsonwebtoken's form"), "{}", holder.message());
        // Every option name marks options: this library's, to verify and to sign, and the peers'
        // that the hints know; a JWK's own alg and kid do not.
        for name in ["cache", "maxTokenLength", "typ", "crit", "header", "jti", "allowedAud", "expiresIn", "algorithm", "currentDate"] {
            let text = format!(r#"{{"{name}":1}}"#);
            assert!(Jwk::from_json(&text).unwrap_err().message().contains("looks like options"), "{name}");
        }
        for name in ["alg", "kid", "x5c", "n"] {
            let text = format!(r#"{{"{name}":"x"}}"#);
            assert!(Jwk::from_json(&text).is_ok(), "{name}");
        }
        let holder_after = Jwk::from_json(r#"{"algorithms":["HS256"],"secret":"s3cret"}"#).unwrap_err();
        assert_eq!(holder_after.message(), holder.message());
        let options = Jwk::from_json(r#"{"issuer":"me","algorithms":["HS256"]}"#).unwrap_err();
        assert!(options.message().contains("looks like options"), "{}", options.message());
        // With a kty, such members are a JWK's extra members, ignored as before.
        let jwk = Jwk::from_json(r#"{"kty":"oct","k":"c2VjcmV0","key":"x","issuer":"me"}"#).unwrap();
        assert!(SecretKey::from_jwk(&jwk).is_ok());
        // Without one and without such members, the message is the plain one.
        let plain = SecretKey::from_jwk(&Jwk::from_json(r#"{"k":"c2VjcmV0"}"#).unwrap()).unwrap_err();
        assert_eq!(plain.message(), "the JWK has no \"kty\"");
    }

    #[test]
    fn refuses_an_empty_secret() {
        assert_eq!(SecretKey::from_bytes(Vec::new()).unwrap_err().code(), ErrorCode::KeyInvalid);
        let jwk = Jwk { kty: Some("oct".into()), k: Some(String::new()), ..Jwk::default() };
        assert_eq!(SecretKey::from_jwk(&jwk).unwrap_err().code(), ErrorCode::KeyInvalid);
    }

    #[test]
    fn refuses_a_secret_of_zero_bytes_only_which_hmac_takes_for_the_empty_key() {
        for len in [1, 32, 64, 200] {
            let error = SecretKey::from_bytes(vec![0u8; len]).unwrap_err();
            assert_eq!((error.code(), error.message().contains("all zero bytes")), (ErrorCode::KeyInvalid, true), "{len}");
            assert_eq!(SecretKey::from_secret(vec![0u8; len]).unwrap_err().code(), ErrorCode::KeyInvalid, "{len}");
        }
        let jwk = Jwk { kty: Some("oct".into()), k: Some("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()), ..Jwk::default() };
        assert_eq!(SecretKey::from_jwk(&jwk).unwrap_err().code(), ErrorCode::KeyInvalid);
        // One byte that is not zero, anywhere, makes a key.
        for at in [0, 31] {
            let mut secret = vec![0u8; 32];
            secret[at] = 1;
            assert!(SecretKey::from_bytes(secret).is_ok(), "{at}");
        }
    }

    #[test]
    fn refuses_a_secret_that_is_a_jwk_text() {
        for text in [r#"{"kty":"oct","k":"c2VjcmV0"}"#, " \n{ \"k\": \"c2VjcmV0\", \"kty\": \"oct\" }\n", r#"{"kty":"RSA","n":"x","e":"AQAB"}"#] {
            let error = SecretKey::from_secret(text.as_bytes()).unwrap_err();
            assert_eq!(error.code(), ErrorCode::KeyInvalid, "{text}");
            assert!(error.message().contains("JWK's JSON text"), "{text}");
            assert!(!error.message().contains("c2VjcmV0"), "the message echoes the secret");
        }
        // Strings that are not such a text stay secrets, as given.
        for text in ["{kty}", r#"{"k":"c2VjcmV0"}"#, r#"{"kty":"oct""#, r#"["kty"]"#, r#"x{"kty":"oct"}"#, r#"{"kty":"oct"}x"#, "a-shared-secret"] {
            let key = SecretKey::from_secret(text.as_bytes()).unwrap();
            assert!(key.same_as(&SecretKey::from_bytes(text.as_bytes()).unwrap()), "{text}");
        }
    }

    #[test]
    fn refuses_a_secret_over_one_mebibyte() {
        assert!(SecretKey::from_bytes(vec![7u8; MAX_SECRET_LEN]).is_ok());
        assert_eq!(SecretKey::from_bytes(vec![7u8; MAX_SECRET_LEN + 1]).unwrap_err().code(), ErrorCode::KeyInvalid);
        let mut k = Vec::new();
        base64url::encode_into(&vec![7u8; MAX_SECRET_LEN + 1], &mut k);
        let k = String::from_utf8(k).unwrap();
        let jwk = Jwk { kty: Some("oct".into()), k: Some(k), ..Jwk::default() };
        assert_eq!(SecretKey::from_jwk(&jwk).unwrap_err().code(), ErrorCode::KeyInvalid);
    }

    #[test]
    fn a_jwk_text_holds_a_whole_secret_but_no_more_than_two_mebibytes() {
        // The largest secret's JWK, with room for its other members, is within the text cap.
        let mut k = Vec::new();
        base64url::encode_into(&vec![7u8; MAX_SECRET_LEN], &mut k);
        let text = format!(r#"{{"kty":"oct","kid":"{}","k":"{}"}}"#, "i".repeat(4096), String::from_utf8(k).unwrap());
        assert!(text.len() <= MAX_JWK_TEXT_LEN);
        assert!(SecretKey::from_jwk(&Jwk::from_json(&text).unwrap()).is_ok());
        // A longer text is refused before it is read, whatever makes it long.
        let padded = format!(r#"{{"kty":"oct","k":"c2VjcmV0","kid":"{}"}}"#, "i".repeat(MAX_JWK_TEXT_LEN));
        let error = Jwk::from_json(&padded).unwrap_err();
        assert_eq!(error.code(), ErrorCode::KeyInvalid);
        assert!(error.message().contains("2 MiB"), "{}", error.message());
        assert!(check_jwk_text_length(MAX_JWK_TEXT_LEN).is_ok());
        assert!(check_jwk_text_length(MAX_JWK_TEXT_LEN + 1).is_err());
    }

    #[test]
    fn reads_an_oct_jwk_and_enforces_its_restrictions() {
        let jwk = Jwk {
            kty: Some("oct".into()),
            k: Some("c2VjcmV0".into()),
            alg: Some("HS384".into()),
            use_: Some("sig".into()),
            key_ops: Some(vec!["verify".into()]),
        };
        let key = SecretKey::from_jwk(&jwk).unwrap();
        assert_eq!(key.algorithm(), Some(Algorithm::HS384));
        assert!(key.check_fits(Algorithm::HS384, KeyOperation::Verify).is_ok());
        assert_eq!(key.check_fits(Algorithm::HS256, KeyOperation::Verify).unwrap_err().code(), ErrorCode::KeyInvalid);
        assert_eq!(key.check_fits(Algorithm::HS384, KeyOperation::Sign).unwrap_err().code(), ErrorCode::KeyInvalid);
        // The messages name what differs (algorithm and operation names are not secrets).
        assert_eq!(
            key.check_fits(Algorithm::HS256, KeyOperation::Verify).unwrap_err().message(),
            "the JWK \"alg\" (HS384) differs from the algorithm in use (HS256)"
        );
        assert_eq!(key.check_fits(Algorithm::HS384, KeyOperation::Sign).unwrap_err().message(), "the JWK \"key_ops\" does not include \"sign\"");
    }

    #[test]
    fn classifies_bad_jwks() {
        let base = Jwk { kty: Some("oct".into()), k: Some("c2VjcmV0".into()), ..Jwk::default() };
        let cases = [
            (Jwk { kty: None, ..base.clone() }, ErrorCode::JwkInvalid),
            (Jwk { kty: Some("oops".into()), ..base.clone() }, ErrorCode::JwkInvalid),
            (Jwk { kty: Some("RSA".into()), ..base.clone() }, ErrorCode::KeyInvalid),
            (Jwk { k: None, ..base.clone() }, ErrorCode::JwkInvalid),
            (Jwk { k: Some("c2Vj=".into()), ..base.clone() }, ErrorCode::JwkInvalid),
            (Jwk { use_: Some("enc".into()), ..base.clone() }, ErrorCode::KeyInvalid),
            (Jwk { alg: Some("none".into()), ..base.clone() }, ErrorCode::NotSupported),
        ];
        for (jwk, code) in cases {
            assert_eq!(SecretKey::from_jwk(&jwk).unwrap_err().code(), code, "{jwk:?}");
        }
    }

    #[test]
    fn keeps_its_keyed_state_and_knows_an_equal_key() {
        let key = SecretKey::from_bytes(b"k1".to_vec()).unwrap();
        let first: *const KeyedMac = key.mac(Algorithm::HS256).unwrap();
        let again: *const KeyedMac = key.mac(Algorithm::HS256).unwrap();
        assert_eq!(first, again, "the keyed state is computed once");
        assert!(key.same_as(&SecretKey::from_bytes(b"k1".to_vec()).unwrap()));
        assert!(!key.same_as(&SecretKey::from_bytes(b"k2".to_vec()).unwrap()));
        assert!(!key.same_as(&SecretKey::from_bytes(b"k1-longer".to_vec()).unwrap()));
        let restricted = SecretKey::from_jwk(&Jwk { kty: Some("oct".into()), k: Some("azE".into()), alg: Some("HS256".into()), ..Jwk::default() }).unwrap();
        assert!(!key.same_as(&restricted), "a JWK's restrictions are part of the key");
        let ops = |ops: Option<&[&str]>| {
            let key_ops = ops.map(|ops| ops.iter().map(|op| (*op).to_owned()).collect());
            SecretKey::from_jwk(&Jwk { kty: Some("oct".into()), k: Some("azE".into()), key_ops, ..Jwk::default() }).unwrap()
        };
        assert!(key.same_as(&ops(None)), "a JWK with no restriction is the same key");
        assert!(!key.same_as(&ops(Some(&["verify"]))), "key_ops is part of the key");
        assert!(!ops(Some(&["verify"])).same_as(&key));
        assert!(!ops(Some(&["verify"])).same_as(&ops(Some(&["sign"]))));
        assert!(!ops(Some(&["verify"])).same_as(&ops(Some(&[]))));
        assert!(ops(Some(&["verify"])).same_as(&ops(Some(&["verify"]))));
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let key = SecretKey::from_bytes(b"hunter2-secret".to_vec()).unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(shown, "SecretKey { len: 14, alg: None }");
        // Nor a JWK's: "aHVudGVyMi1zZWNyZXQ" is "hunter2-secret" in base64url.
        let jwk = Jwk::from_json(r#"{"kty":"oct","k":"aHVudGVyMi1zZWNyZXQ","alg":"HS256"}"#).unwrap();
        let shown = format!("{jwk:?}");
        assert!(!shown.contains("aHVudGVy"), "{shown}");
        assert_eq!(shown, r#"Jwk { kty: Some("oct"), k_len: Some(19), alg: Some("HS256"), use_: None, key_ops: None }"#);
    }
}
