//! Opaque, tamper-evident cursors for cursor pagination (RFC 9865).
//!
//! A cursor carries a position in a result list (an offset, or whatever a store resumes
//! from), the time it was issued, and an HMAC-SHA-256 tag over both and over the query it
//! belongs to, keyed with a secret only the server knows; it is written in base64url without
//! padding, so it travels in a query string as it is. A client cannot read a position out of
//! it, forge one, or carry one from one query to another: each of these is a
//! [`CursorError`], a 400 `invalidCursor` (or `expiredCursor` once its time is up).
//!
//! ```
//! use scim_runtime::server::{CursorCodec, ListQuery};
//!
//! let codec = CursorCodec::new(b"a secret of the server, 32 bytes or more".to_vec());
//! let query = ListQuery::from_query("filter=userName%20sw%20%22b%22&count=10&cursor=")?;
//! // The first page: offsets 0..10 of 25 results, and the cursor of the next.
//! let page = query.cursor_page(&codec, "/Users", 25, 100)?;
//! assert_eq!(page.range, 0..10);
//! let next = page.next_cursor.unwrap();
//!
//! let query = ListQuery::from_query(&format!("filter=userName%20sw%20%22b%22&count=10&cursor={next}"))?;
//! assert_eq!(query.cursor_page(&codec, "/Users", 25, 100)?.range, 10..20);
//!
//! // The same cursor on another query is refused.
//! let other = ListQuery::from_query(&format!("count=10&cursor={next}"))?;
//! let e = other.cursor_page(&codec, "/Users", 25, 100).unwrap_err();
//! assert_eq!(e.status.as_u16(), 400);
//! assert_eq!(e.scim_type.unwrap().as_str(), "invalidCursor");
//! # Ok::<(), scim_runtime::server::ScimError>(())
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use scim_runtime_model::validation::ScimType;
use sha2::Sha256;

use super::ScimError;

type HmacSha256 = Hmac<Sha256>;

/// The format of the cursor's payload; a cursor of another version is invalid.
const VERSION: u8 = 1;
/// The tag's length in bytes: all of SHA-256.
const TAG_LEN: usize = 32;
/// Version and issue time.
const HEADER_LEN: usize = 1 + 8;

/// Makes and checks the cursors of cursor pagination (RFC 9865) with a server key.
///
/// The key should be at least 32 random bytes, the same on every instance that serves the
/// same lists, and kept secret: whoever has it can forge cursors. Its `Debug` does not show it.
#[derive(Clone)]
pub struct CursorCodec {
    key: Vec<u8>,
    timeout: Option<Duration>,
}

impl core::fmt::Debug for CursorCodec {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CursorCodec")
            .field("key", &"<secret>")
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Why a cursor was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CursorError {
    /// Not a cursor this server writes: not base64url, too short, or of another version.
    #[error("the cursor `{0}` is not one this service provider issued")]
    Malformed(String),
    /// The tag does not match: the cursor was altered, made with another key, or belongs
    /// to another query (another endpoint, filter or sort).
    #[error("the cursor `{0}` was altered or belongs to another query")]
    Forged(String),
    /// The cursor is older than the server's cursor timeout.
    #[error("the cursor expired: issued {age} seconds ago, valid for {timeout} seconds")]
    Expired {
        /// Seconds since it was issued.
        age: u64,
        /// The timeout, in seconds (`cursorTimeout`).
        timeout: u64,
    },
}

impl From<CursorError> for ScimError {
    /// 400 `expiredCursor` for an expired cursor, 400 `invalidCursor` otherwise (RFC 9865).
    fn from(error: CursorError) -> Self {
        let scim_type = match error {
            CursorError::Expired { .. } => ScimType::ExpiredCursor,
            _ => ScimType::InvalidCursor,
        };
        Self::bad_request(scim_type, error.to_string())
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl CursorCodec {
    /// A codec with this secret key, whose cursors never expire.
    pub fn new(key: impl Into<Vec<u8>>) -> Self {
        Self {
            key: key.into(),
            timeout: None,
        }
    }

    /// Cursors expire this long after they are issued; advertise it as `cursorTimeout`.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The timeout, if cursors expire.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    fn tag(&self, payload: &[u8], scope: &str) -> HmacSha256 {
        // `new_from_slice` takes a key of any length for HMAC.
        let mut mac = HmacSha256::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(payload);
        // The scope after a separator that no payload length can fake: its length first.
        mac.update(&(scope.len() as u64).to_be_bytes());
        mac.update(scope.as_bytes());
        mac
    }

    /// The cursor of `position` in the list that `scope` names (such as the endpoint, filter
    /// and sort of the query: [`ListQuery::cursor_scope`](super::ListQuery::cursor_scope)).
    pub fn encode(&self, position: &[u8], scope: &str) -> String {
        self.encode_at(position, scope, now())
    }

    /// [`CursorCodec::encode`] as if the time were `issued` (seconds since the Unix epoch).
    pub fn encode_at(&self, position: &[u8], scope: &str, issued: u64) -> String {
        let mut bytes = Vec::with_capacity(HEADER_LEN + position.len() + TAG_LEN);
        bytes.push(VERSION);
        bytes.extend_from_slice(&issued.to_be_bytes());
        bytes.extend_from_slice(position);
        let tag = self.tag(&bytes, scope).finalize().into_bytes();
        bytes.extend_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The position a cursor holds, once its tag, scope and age are checked.
    ///
    /// # Errors
    ///
    /// [`CursorError`]: malformed, forged or foreign, or expired.
    pub fn decode(&self, cursor: &str, scope: &str) -> Result<Vec<u8>, CursorError> {
        self.decode_at(cursor, scope, now())
    }

    /// [`CursorCodec::decode`] as if the time were `now` (seconds since the Unix epoch).
    ///
    /// # Errors
    ///
    /// As [`CursorCodec::decode`].
    pub fn decode_at(&self, cursor: &str, scope: &str, now: u64) -> Result<Vec<u8>, CursorError> {
        let malformed = || CursorError::Malformed(excerpt(cursor));
        let bytes = URL_SAFE_NO_PAD
            .decode(cursor.as_bytes())
            .map_err(|_| malformed())?;
        if bytes.len() < HEADER_LEN + TAG_LEN || bytes[0] != VERSION {
            return Err(malformed());
        }
        let (payload, tag) = bytes.split_at(bytes.len() - TAG_LEN);
        // `verify_slice` compares in constant time.
        self.tag(payload, scope)
            .verify_slice(tag)
            .map_err(|_| CursorError::Forged(excerpt(cursor)))?;
        let mut issued = [0u8; 8];
        issued.copy_from_slice(&payload[1..HEADER_LEN]);
        let issued = u64::from_be_bytes(issued);
        if let Some(timeout) = self.timeout {
            let age = now.saturating_sub(issued);
            if age > timeout.as_secs() {
                return Err(CursorError::Expired {
                    age,
                    timeout: timeout.as_secs(),
                });
            }
        }
        Ok(payload[HEADER_LEN..].to_vec())
    }

    /// The cursor of a 0-based offset in the list `scope` names.
    pub fn encode_offset(&self, offset: u64, scope: &str) -> String {
        self.encode(&offset.to_be_bytes(), scope)
    }

    /// The offset a cursor of [`CursorCodec::encode_offset`] holds.
    ///
    /// # Errors
    ///
    /// As [`CursorCodec::decode`], and [`CursorError::Malformed`] when the position is not an
    /// offset.
    pub fn decode_offset(&self, cursor: &str, scope: &str) -> Result<u64, CursorError> {
        let position = self.decode(cursor, scope)?;
        let bytes: [u8; 8] = position
            .try_into()
            .map_err(|_| CursorError::Malformed(excerpt(cursor)))?;
        Ok(u64::from_be_bytes(bytes))
    }
}

/// The start of a cursor, for an error message: enough to recognise it.
fn excerpt(cursor: &str) -> String {
    match cursor.char_indices().nth(24) {
        Some((i, _)) => format!("{}...", &cursor[..i]),
        None => cursor.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codec() -> CursorCodec {
        CursorCodec::new(b"0123456789abcdef0123456789abcdef".to_vec())
    }

    #[test]
    fn round_trips_and_is_url_safe() {
        let cursor = codec().encode_offset(40, "/Users");
        assert!(cursor
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(codec().decode_offset(&cursor, "/Users"), Ok(40));
    }

    #[test]
    fn a_changed_byte_another_key_or_another_scope_is_refused() {
        let cursor = codec().encode_offset(40, "/Users");
        // Flip one bit of the position, then re-encode: the tag no longer matches.
        let mut bytes = URL_SAFE_NO_PAD.decode(&cursor).unwrap();
        bytes[HEADER_LEN + 7] ^= 1;
        let tampered = URL_SAFE_NO_PAD.encode(&bytes);
        assert!(matches!(
            codec().decode_offset(&tampered, "/Users"),
            Err(CursorError::Forged(_))
        ));
        let other = CursorCodec::new(b"another key".to_vec());
        assert!(matches!(
            other.decode_offset(&cursor, "/Users"),
            Err(CursorError::Forged(_))
        ));
        assert!(matches!(
            codec().decode_offset(&cursor, "/Groups"),
            Err(CursorError::Forged(_))
        ));
        for bad in ["", "not base64!", "AAAA"] {
            assert!(matches!(
                codec().decode_offset(bad, "/Users"),
                Err(CursorError::Malformed(_))
            ));
        }
        let e = ScimError::from(codec().decode_offset(&tampered, "/Users").unwrap_err());
        assert_eq!(
            (e.status.as_u16(), e.scim_type),
            (400, Some(ScimType::InvalidCursor))
        );
    }

    #[test]
    fn cursors_expire_after_the_timeout() {
        let codec = codec().with_timeout(Duration::from_secs(60));
        let cursor = codec.encode_at(&7u64.to_be_bytes(), "/Users", 1_000);
        assert!(codec.decode_at(&cursor, "/Users", 1_060).is_ok());
        let e = codec.decode_at(&cursor, "/Users", 1_061).unwrap_err();
        assert_eq!(
            e,
            CursorError::Expired {
                age: 61,
                timeout: 60
            }
        );
        assert_eq!(ScimError::from(e).scim_type, Some(ScimType::ExpiredCursor));
        assert!(
            !format!("{codec:?}").contains("0123"),
            "the key stays hidden"
        );
    }
}
