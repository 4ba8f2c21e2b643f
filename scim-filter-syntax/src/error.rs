//! Errors from parsing filters and attribute paths.
//!
//! Every error that points into the input carries a 1-based column counted in characters (not
//! bytes), so it can be shown to the client that sent the filter, typically inside a SCIM
//! `invalidFilter` or `invalidPath` error response (RFC 7644 §3.12).

use core::fmt;

/// Why a filter, attribute path or PATCH path was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input does not follow the grammar at `column`.
    #[error("expected {expected} at column {column}, found {found}")]
    Unexpected {
        /// 1-based character position of the offending input.
        column: usize,
        /// What the grammar allows at that position.
        expected: Expected,
        /// What the input holds there instead.
        found: Found,
    },
    /// A string value opened at `column` is never closed.
    #[error("unterminated string starting at column {column}")]
    UnterminatedString {
        /// 1-based character position of the opening `"`.
        column: usize,
    },
    /// The input is longer than
    /// [`ParseLimits::max_length`](crate::limits::ParseLimits::max_length).
    #[error("input is {length} bytes long, longer than the limit of {max_length} bytes")]
    TooLong {
        /// Length of the input in bytes.
        length: usize,
        /// The configured limit in bytes.
        max_length: usize,
    },
    /// Parentheses, `not (...)` and value filters `[...]` nest deeper than
    /// [`ParseLimits::max_depth`](crate::limits::ParseLimits::max_depth).
    #[error("nesting deeper than the limit of {max_depth} levels at column {column}")]
    TooDeep {
        /// 1-based character position of the opening bracket that went over the limit.
        column: usize,
        /// The configured limit.
        max_depth: usize,
    },
}

impl ParseError {
    /// The 1-based character position the error points at, if it points at one.
    ///
    /// [`ParseError::TooLong`] is rejected before anything is read, so it has no column.
    pub fn column(&self) -> Option<usize> {
        match self {
            Self::Unexpected { column, .. }
            | Self::UnterminatedString { column }
            | Self::TooDeep { column, .. } => Some(*column),
            Self::TooLong { .. } => None,
        }
    }

    /// Builds an [`Unexpected`](Self::Unexpected) error for the input at byte `offset`.
    pub(crate) fn unexpected_at(input: &str, offset: usize, expected: Expected) -> Self {
        Self::Unexpected {
            column: column_of(input, offset),
            expected,
            found: Found::at(input, offset),
        }
    }
}

/// The grammar element a [`ParseError::Unexpected`] was looking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// The start of a filter expression: an attribute path, `not (` or `(`.
    FilterExpression,
    /// An attribute path (RFC 7644 §3.10).
    AttrPath,
    /// An attribute name: a letter (or `$`) followed by letters, digits, `-`, `_` or `$`
    /// (RFC 7643 §2.1).
    AttrName,
    /// The end of an attribute path, which allows a single sub-attribute (RFC 7644 §3.10).
    EndOfAttrPath,
    /// The `[` that opens a value filter, or the end of a PATCH path (RFC 7644 §3.5.2).
    ValueFilterOrEnd,
    /// A schema URI in front of an attribute name, such as
    /// `urn:ietf:params:scim:schemas:core:2.0:User` (RFC 7644 §3.10).
    SchemaUri,
    /// A comparison operator or `pr` (RFC 7644 §3.4.2.2).
    Operator,
    /// A comparison value: a JSON string, number, `true`, `false` or `null`.
    Value,
    /// `and`, `or` or the end of the input.
    LogicalOperatorOrEnd,
    /// `and`, `or` or the `)` that closes a group.
    LogicalOperatorOrCloseParen,
    /// `and`, `or` or the `]` that closes a value filter.
    LogicalOperatorOrCloseBracket,
    /// The `(` that follows `not`.
    OpenParenAfterNot,
    /// The end of a PATCH path, or a `.` and one sub-attribute after a value filter
    /// (RFC 7644 §3.5.2).
    EndOfPatchPath,
    /// One of the escapes JSON allows in a string: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`
    /// or `\uXXXX` (RFC 8259 §7).
    EscapeSequence,
    /// A `\uXXXX` escape for the low half of a UTF-16 surrogate pair (RFC 8259 §7).
    LowSurrogateEscape,
    /// A character allowed unescaped in a JSON string (anything but control characters).
    StringCharacter,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::FilterExpression => "an attribute path, \"not (\" or \"(\"",
            Self::AttrPath => "an attribute path",
            Self::AttrName => {
                "an attribute name (a letter followed by letters, digits, \"-\", \"_\" or \"$\")"
            }
            Self::EndOfAttrPath => "the end of the attribute path",
            Self::ValueFilterOrEnd => "\"[\" or the end of the path",
            Self::SchemaUri => "a schema URI before the attribute name",
            Self::Operator => "a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr)",
            Self::Value => "a value (a string, a number, true, false or null)",
            Self::LogicalOperatorOrEnd => "\"and\", \"or\" or the end of the filter",
            Self::LogicalOperatorOrCloseParen => "\"and\", \"or\" or \")\"",
            Self::LogicalOperatorOrCloseBracket => "\"and\", \"or\" or \"]\"",
            Self::OpenParenAfterNot => "\"(\" after \"not\"",
            Self::EndOfPatchPath => "the end of the path or \".\" and a sub-attribute",
            Self::EscapeSequence => {
                "an escape sequence (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"
            }
            Self::LowSurrogateEscape => "a low surrogate escape (\\uDC00 to \\uDFFF)",
            Self::StringCharacter => "a string character (control characters must be escaped)",
        })
    }
}

/// What the input held where a [`ParseError::Unexpected`] occurred.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Found {
    /// The input ended.
    EndOfInput,
    /// This text: a word, a number, or a single character, cut to a readable length.
    Text(String),
}

/// The longest excerpt of the input an error repeats back, in characters.
const MAX_FOUND_CHARS: usize = 32;

impl Found {
    /// Describes the input at byte `offset`: the run of word characters there, the string
    /// literal that starts there, or else the single character.
    pub(crate) fn at(input: &str, offset: usize) -> Self {
        let rest = input.get(offset..).unwrap_or_default();
        let Some(first) = rest.chars().next() else {
            return Self::EndOfInput;
        };
        let word_len = if is_word_char(first) {
            rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
        } else if first == '"' {
            string_literal_len(rest)
        } else {
            first.len_utf8()
        };
        let word = &rest[..word_len];
        let text = match word.char_indices().nth(MAX_FOUND_CHARS) {
            Some((cut, _)) => format!("{}…", &word[..cut]),
            None => word.to_owned(),
        };
        Self::Text(text)
    }
}

/// The length of the string literal that starts `text` with its opening quote, up to and
/// including the closing quote (or to the end if it is not closed).
fn string_literal_len(text: &str) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '"' if !escaped => return i + 1,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    text.len()
}

/// Characters that [`Found::at`] groups into one excerpt.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '$' | '.' | ':' | '+')
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EndOfInput => f.write_str("end of input"),
            Self::Text(text) => write!(f, "{text:?}"),
        }
    }
}

/// The 1-based character column of byte `offset` in `input`.
pub(crate) fn column_of(input: &str, offset: usize) -> usize {
    let mut offset = offset.min(input.len());
    while !input.is_char_boundary(offset) {
        offset -= 1;
    }
    input[..offset].chars().count() + 1
}
