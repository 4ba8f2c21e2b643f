//! Keeping secrets out of `Debug`, `Display` and error messages.
//!
//! An attribute is *sensitive* when its schema says it is never to be read back: `mutability:
//! writeOnly` or `returned: never` (RFC 7643 §7; the `password` of RFC 7643 §4.1.1 is both).
//! `#[derive(ScimResource)]` writes a `Debug` that shows such a field as `<redacted>` when it is
//! set (`None` and `[]` stay visible, the length never is), the `Debug` of
//! [`DynamicResource`](crate::dynamic::DynamicResource) does the same from its run-time schemas,
//! and an error about a sensitive value names the attribute and what was expected, never the
//! value.

use core::fmt;

use crate::meta::{AttributeDef, Mutability, Returned};

/// What `Debug` shows in place of a sensitive value.
pub const REDACTED: &str = "<redacted>";

/// A value that is not shown: its `Debug` and `Display` write `<redacted>`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl AttributeDef {
    /// Whether values of this attribute are secrets that are never printed: `writeOnly` or
    /// `returned: never` (RFC 7643 §7). `Debug` shows them as `<redacted>` and errors about
    /// them leave the value out.
    pub const fn is_sensitive(&self) -> bool {
        matches!(self.mutability, Mutability::WriteOnly) || matches!(self.returned, Returned::Never)
    }
}

/// The message of an error about the sensitive attribute `name`, without the value it was
/// given: what was expected, if `message` says (`..., expected a boolean`), and nothing else.
///
/// serde's messages quote the value (`invalid type: string "t1meMa$heen", expected ...`), and
/// so do some of this crate's; the expectation comes from the type, never from the input.
pub fn redacted_message(name: &str, message: &str) -> String {
    let expected = message
        .find(", expected ")
        .map(|at| &message[at + ", expected ".len()..])
        // serde_json appends the position; the error that replaces this one gets its own.
        .map(|rest| rest.find(" at line ").map_or(rest, |end| &rest[..end]));
    match expected {
        Some(expected) => format!(
            "invalid value for `{name}` (not shown: the attribute is writeOnly or returned never), expected {expected}"
        ),
        None => format!(
            "invalid value for `{name}` (not shown: the attribute is writeOnly or returned never)"
        ),
    }
}

/// The same error with its message replaced by [`redacted_message`]. Generated code calls it
/// on the result of reading a sensitive field.
pub fn sensitive_error<E: serde::de::Error>(error: E, name: &str) -> E {
    E::custom(redacted_message(name, &error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_keeps_the_expectation_and_drops_the_value_and_position() {
        let m = redacted_message(
            "password",
            "invalid type: string \"t1meMa$heen\", expected a boolean at line 1 column 20",
        );
        assert_eq!(
            m,
            "invalid value for `password` (not shown: the attribute is writeOnly or returned never), expected a boolean"
        );
        let m = redacted_message("pin", "invalid dateTime \"s3cr3t\": bad month");
        assert!(!m.contains("s3cr3t"), "{m}");
        assert!(m.contains("`pin`"), "{m}");
    }

    #[test]
    fn redacted_prints_the_marker_only() {
        assert_eq!(format!("{Redacted:?}"), "<redacted>");
        assert_eq!(format!("{Redacted:#?}"), "<redacted>");
        assert_eq!(Redacted.to_string(), "<redacted>");
    }
}
