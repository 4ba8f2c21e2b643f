//! Prints filters in canonical form.
//!
//! The output parses back to an equal tree (a property test checks this): operators and
//! keywords in lower case, single spaces, `not (...)` with a space, attribute paths as written,
//! strings re-escaped as JSON, and parentheses only where the tree needs them. An `and` operand
//! that is itself an `and` or an `or`, or an `or` operand that is an `or`, is parenthesized so
//! that grouping written by the client (or built in code) survives the round trip.

use core::fmt::{self, Display, Formatter, Write};

use super::ast::{CompValue, CompareOp, Comparison, Filter, Operands, ValuePath};

impl Display for Filter {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Comparison(comparison) => comparison.fmt(f),
            Self::Present(path) => write!(f, "{path} pr"),
            Self::And(operands) => write_operands(f, operands, " and ", |operand| {
                matches!(operand, Self::And(_) | Self::Or(_))
            }),
            Self::Or(operands) => write_operands(f, operands, " or ", |operand| {
                matches!(operand, Self::Or(_))
            }),
            Self::Not(operand) => write!(f, "not ({operand})"),
            Self::ValuePath(value_path) => value_path.fmt(f),
        }
    }
}

/// Writes `operands` separated by `separator`, parenthesizing those `needs_parens` picks.
fn write_operands(
    f: &mut Formatter<'_>,
    operands: &Operands,
    separator: &str,
    needs_parens: fn(&Filter) -> bool,
) -> fmt::Result {
    for (i, operand) in operands.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        if needs_parens(operand) {
            write!(f, "({operand})")?;
        } else {
            write!(f, "{operand}")?;
        }
    }
    Ok(())
}

impl Display for Comparison {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.path, self.op, self.value)
    }
}

impl Display for ValuePath {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.attr, self.filter)
    }
}

impl Display for CompareOp {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Display for CompValue {
    /// Writes the value as a JSON literal.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Bool(value) => write!(f, "{value}"),
            Self::Number(number) => write!(f, "{number}"),
            Self::String(text) => write_json_string(f, text),
        }
    }
}

/// Writes `text` as a JSON string (RFC 8259 §7): quoted, with `"`, `\` and control characters
/// escaped, everything else as is.
pub(crate) fn write_json_string(out: &mut impl Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut chunk_start = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            c if c < '\u{20}' => "",
            _ => continue,
        };
        out.write_str(&text[chunk_start..i])?;
        if escape.is_empty() {
            write!(out, "\\u{:04x}", u32::from(c))?;
        } else {
            out.write_str(escape)?;
        }
        chunk_start = i + c.len_utf8();
    }
    out.write_str(&text[chunk_start..])?;
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_strings_as_json() {
        let mut out = String::new();
        write_json_string(&mut out, "a\"b\\c\n\u{1}é)] or x").expect("write to String");
        assert_eq!(out, r#""a\"b\\c\n\u0001é)] or x""#);
    }
}
