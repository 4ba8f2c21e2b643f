//! Attribute names qualified by their schema's URN (RFC 7644 §3.10,
//! `urn:ietf:params:scim:schemas:core:2.0:User:userName`): reading them, and noting the
//! extension block an error arose in so that its path is written with the URN.
//!
//! Below the contexts and the payload reader, which use them, and re-exported from `__private`
//! for the code `#[derive(ScimResource)]` writes.

/// `urn:...:User:userName` with `urn:...:User` → `Some("userName")`; the URN is matched
/// case-insensitively (RFC 7643 §2.1).
#[inline]
pub fn strip_schema<'a>(key: &'a str, urn: &str) -> Option<&'a str> {
    if key.len() > urn.len() + 1
        && key.as_bytes()[urn.len()] == b':'
        && key[..urn.len()].eq_ignore_ascii_case(urn)
    {
        Some(&key[urn.len() + 1..])
    } else {
        None
    }
}

std::thread_local! {
    static ERROR_BLOCKS: core::cell::RefCell<Vec<&'static str>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Notes, on the error path only, that an error arose inside the extension block `urn`, so
/// that [`crate::payload`] writes its path as `<URN>:<attribute>` (RFC 7644 §3.10).
pub fn note_error_in_block<E>(urn: &'static str, error: E) -> E {
    ERROR_BLOCKS.with(|b| {
        let mut b = b.borrow_mut();
        if !b.contains(&urn) && b.len() < 64 {
            b.push(urn);
        }
    });
    error
}

/// The blocks [`note_error_in_block`] noted since the last call.
pub(crate) fn take_error_blocks() -> Vec<&'static str> {
    ERROR_BLOCKS.with(|b| core::mem::take(&mut *b.borrow_mut()))
}
