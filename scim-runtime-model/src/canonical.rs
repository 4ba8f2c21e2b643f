//! Canonical values (RFC 7643 §7 `canonicalValues`) compared as their attribute's `caseExact`
//! says (RFC 7643 §2.2).
//!
//! The open enums that `#[derive(ScimResource)]` writes for `#[scim(canonical)]` read a value
//! as a unit variant only when it is spelled exactly as the canonical value, and keep any other
//! spelling in their fallback variant, so that a value is written back as the peer sent it.
//! Their `==`, `Hash`, `known()` and `is(..)` match as this module does: `"WORK"` is `work`
//! unless the attribute is `caseExact`, just as a filter `type eq "work"` matches `"WORK"`
//! (RFC 7644 §3.4.2.2), on typed and dynamic resources alike. `match` is structural: it sees
//! `Custom("WORK")`, so match on `known()`.
//!
//! ```
//! use scim_runtime::resources::EmailType;
//!
//! let sent: EmailType = serde_json::from_str(r#""WORK""#)?;
//! assert_eq!(sent, EmailType::Work);
//! assert!(matches!(sent, EmailType::Custom(_)));
//! assert_eq!(sent.known(), Some(EmailType::Work));
//! assert!(sent.is(&EmailType::Work));
//! assert!(matches!(sent.known(), Some(EmailType::Work)));
//! // Written back as received, never rewritten to the canonical spelling.
//! assert_eq!(serde_json::to_string(&sent)?, r#""WORK""#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// Whether two string values are equal for an attribute that is not `caseExact`: ASCII case
/// folded, or full lowercase for non-ASCII text, as filters compare them (RFC 7644 §3.4.2.2).
/// It is `fold(a) == fold(b)`, so it is an equivalence that [`hash_ignore_case`] agrees with.
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// The form in which [`eq_ignore_case`] compares a value: its lowercase (RFC 7643 §2.2,
/// `caseExact: false`). Borrowed when the value has no uppercase letter.
pub fn fold(value: &str) -> Cow<'_, str> {
    // For ASCII text `to_lowercase` is `to_ascii_lowercase`, so both branches of
    // `eq_ignore_case` compare this form.
    if value.is_ascii() && !value.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(value)
    } else {
        Cow::Owned(value.to_lowercase())
    }
}

/// Hashes a value as [`eq_ignore_case`] compares it, so that values equal without case hash
/// alike: the `Hash` of a canonical enum that is not `caseExact`.
pub fn hash_ignore_case<H: Hasher>(value: &str, state: &mut H) {
    fold(value).as_ref().hash(state);
}

#[cfg(test)]
mod tests {
    use super::{eq_ignore_case, fold, hash_ignore_case};
    use std::hash::{BuildHasher, RandomState};

    /// `eq_ignore_case` is `fold` equality, and equal values hash alike, also where a
    /// non-ASCII letter lowercases to ASCII (KELVIN SIGN to `k`).
    #[test]
    fn fold_hash_and_eq_agree() {
        let state = RandomState::new();
        let hash = |s: &str| {
            let mut h = state.build_hasher();
            hash_ignore_case(s, &mut h);
            std::hash::Hasher::finish(&h)
        };
        let values = [
            "work", "WORK", "wOrK", "k", "K", "\u{212A}", "ära", "ÄRA", "Ära", "home", "", "ΣΑΣ",
            "σας",
        ];
        for a in values {
            for b in values {
                let eq = eq_ignore_case(a, b);
                assert_eq!(eq, fold(a) == fold(b), "{a:?} {b:?}");
                if eq {
                    assert_eq!(hash(a), hash(b), "{a:?} {b:?}");
                }
            }
        }
        assert!(eq_ignore_case("\u{212A}", "k"));
        assert!(matches!(fold("work"), std::borrow::Cow::Borrowed("work")));
    }

    #[test]
    fn case_is_folded_for_ascii_and_unicode() {
        assert!(eq_ignore_case("WORK", "work"));
        assert!(eq_ignore_case("ÄRA", "äRa"));
        assert!(!eq_ignore_case("work", "works"));
        assert!(!eq_ignore_case("work", "home"));
    }
}
