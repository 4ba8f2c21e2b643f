//! Canonical values (RFC 7643 §7 `canonicalValues`) compared as their attribute's `caseExact`
//! says (RFC 7643 §2.2).
//!
//! The open enums that `#[derive(ScimResource)]` writes for `#[scim(canonical)]` read a value
//! as a unit variant only when it is spelled exactly as the canonical value, and keep any other
//! spelling in their fallback variant, so that a value is written back as the peer sent it.
//! Their `known()` and `is(..)` methods match as this module does: `"WORK"` is `work` unless
//! the attribute is `caseExact`, just as a filter `type eq "work"` matches `"WORK"`
//! (RFC 7644 §3.4.2.2), on typed and dynamic resources alike.
//!
//! ```
//! use scim_runtime::resources::UserEmailType;
//!
//! let sent: UserEmailType = serde_json::from_str(r#""WORK""#)?;
//! assert_eq!(sent.known(), Some(UserEmailType::Work));
//! assert!(sent.is(&UserEmailType::Work));
//! assert!(matches!(sent.known(), Some(UserEmailType::Work)));
//! // Written back as received, never rewritten to the canonical spelling.
//! assert_eq!(serde_json::to_string(&sent)?, r#""WORK""#);
//! # Ok::<(), serde_json::Error>(())
//! ```

/// Whether two string values are equal for an attribute that is not `caseExact`: ASCII case
/// folded, or full lowercase for non-ASCII text, as filters compare them (RFC 7644 §3.4.2.2).
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::eq_ignore_case;

    #[test]
    fn case_is_folded_for_ascii_and_unicode() {
        assert!(eq_ignore_case("WORK", "work"));
        assert!(eq_ignore_case("ÄRA", "äRa"));
        assert!(!eq_ignore_case("work", "works"));
        assert!(!eq_ignore_case("work", "home"));
    }
}
