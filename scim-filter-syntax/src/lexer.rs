//! Splits filter and path text into tokens, on demand.
//!
//! Whitespace (space, tab, CR, LF) separates tokens and is otherwise ignored: the RFC grammar asks
//! for single spaces, but real clients send filters wrapped over several lines or with doubled
//! spaces, and nothing becomes ambiguous by accepting them. Words are maximal runs of
//! characters that can appear in attribute paths and keywords, so `prand` never reads as `pr and`.
//!
//! The lexer works on bytes: every character with a meaning outside strings is ASCII, and
//! non-ASCII text is only valid inside strings, where it is copied through untouched.

use crate::error::{column_of, Expected, Found, ParseError};

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters, digits, `-`, `_`, `$`, `.` and `:` starting with a letter or `$`:
    /// an attribute path, an operator or a keyword, told apart by the parser.
    Word,
    /// A run of characters starting with `-` or a digit, validated as a JSON number by the
    /// parser.
    Number,
    /// A JSON string, already unescaped.
    String(String),
    /// `(`.
    OpenParen,
    /// `)`.
    CloseParen,
    /// `[`.
    OpenBracket,
    /// `]`.
    CloseBracket,
    /// `.` outside a word or number (the sub-attribute after a PATCH value path).
    Dot,
    /// Any other character.
    Other,
    /// The end of the input.
    End,
}

/// A token and where it lies in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: TokenKind,
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset just past the last byte.
    pub(crate) end: usize,
}

/// A cursor over the input that produces one [`Token`] at a time.
pub(crate) struct Lexer<'a> {
    input: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Self { input, pos: 0 }
    }

    pub(crate) fn input(&self) -> &'a str {
        self.input
    }

    /// The first byte after any whitespace, without consuming anything.
    pub(crate) fn peek_byte_after_whitespace(&self) -> Option<u8> {
        self.input.as_bytes()[self.pos..]
            .iter()
            .copied()
            .find(|b| !is_whitespace(*b))
    }

    /// Reads the next token.
    ///
    /// # Errors
    ///
    /// Only for malformed strings; every other character becomes a token and the parser
    /// decides whether it fits.
    pub(crate) fn next_token(&mut self) -> Result<Token, ParseError> {
        let bytes = self.input.as_bytes();
        while bytes.get(self.pos).copied().is_some_and(is_whitespace) {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(&first) = bytes.get(start) else {
            return Ok(Token {
                kind: TokenKind::End,
                start,
                end: start,
            });
        };
        let (kind, end) = match first {
            b'(' => (TokenKind::OpenParen, start + 1),
            b')' => (TokenKind::CloseParen, start + 1),
            b'[' => (TokenKind::OpenBracket, start + 1),
            b']' => (TokenKind::CloseBracket, start + 1),
            b'.' => (TokenKind::Dot, start + 1),
            b'"' => {
                let (value, end) = self.string(start)?;
                (TokenKind::String(value), end)
            }
            b'-' | b'0'..=b'9' => (TokenKind::Number, self.run_end(start, is_number_char)),
            b'$' | b'a'..=b'z' | b'A'..=b'Z' => {
                (TokenKind::Word, self.run_end(start, is_word_char))
            }
            _ => {
                let width = self.input[start..].chars().next().map_or(1, char::len_utf8);
                (TokenKind::Other, start + width)
            }
        };
        self.pos = end;
        Ok(Token { kind, start, end })
    }

    /// The end of the run of bytes from `start` that satisfy `belongs`.
    fn run_end(&self, start: usize, belongs: fn(u8) -> bool) -> usize {
        let bytes = self.input.as_bytes();
        bytes[start..]
            .iter()
            .position(|b| !belongs(*b))
            .map_or(bytes.len(), |len| start + len)
    }

    /// Reads the JSON string (RFC 8259 §7) whose opening quote is at `open`; returns its value
    /// and the offset just past its closing quote.
    fn string(&self, open: usize) -> Result<(String, usize), ParseError> {
        let input = self.input;
        let bytes = input.as_bytes();
        let mut value = String::new();
        let mut chunk_start = open + 1;
        let mut i = chunk_start;
        loop {
            match bytes.get(i) {
                None => {
                    return Err(ParseError::UnterminatedString {
                        column: column_of(input, open),
                    })
                }
                Some(b'"') => {
                    value.push_str(&input[chunk_start..i]);
                    return Ok((value, i + 1));
                }
                Some(b'\\') => {
                    value.push_str(&input[chunk_start..i]);
                    let (c, len) = escape(input, i)?;
                    value.push(c);
                    i += len;
                    chunk_start = i;
                }
                Some(byte) if *byte < 0x20 => {
                    return Err(ParseError::unexpected_at(
                        input,
                        i,
                        Expected::StringCharacter,
                    ));
                }
                // Continuation bytes of multi-byte characters are >= 0x80, so `i` only ever
                // stops on character boundaries.
                Some(_) => i += 1,
            }
        }
    }
}

/// Decodes the escape sequence whose backslash is at `backslash`; returns the character and
/// the length of the sequence in bytes.
fn escape(input: &str, backslash: usize) -> Result<(char, usize), ParseError> {
    let bytes = input.as_bytes();
    let simple = match bytes.get(backslash + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode_escape(input, backslash),
        None => {
            return Err(ParseError::UnterminatedString {
                column: column_of(input, backslash),
            })
        }
        Some(_) => return Err(escape_error(input, backslash, Expected::EscapeSequence)),
    };
    Ok((simple, 2))
}

/// Decodes `\uXXXX`, or a `\uXXXX\uXXXX` surrogate pair, at `backslash`.
fn unicode_escape(input: &str, backslash: usize) -> Result<(char, usize), ParseError> {
    let unit = hex4(input, backslash + 2)
        .ok_or_else(|| escape_error(input, backslash, Expected::EscapeSequence))?;
    match unit {
        0xD800..=0xDBFF => {
            let low_at = backslash + 6;
            let low = (input.as_bytes().get(low_at..low_at + 2) == Some(b"\\u"))
                .then(|| hex4(input, low_at + 2))
                .flatten()
                .filter(|low| (0xDC00..=0xDFFF).contains(low))
                .ok_or_else(|| escape_error(input, low_at, Expected::LowSurrogateEscape))?;
            let scalar = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
            let c = char::from_u32(scalar)
                .ok_or_else(|| escape_error(input, backslash, Expected::EscapeSequence))?;
            Ok((c, 12))
        }
        0xDC00..=0xDFFF => Err(escape_error(input, backslash, Expected::EscapeSequence)),
        _ => {
            let c = char::from_u32(u32::from(unit))
                .ok_or_else(|| escape_error(input, backslash, Expected::EscapeSequence))?;
            Ok((c, 6))
        }
    }
}

/// The four hex digits at `at`, as a UTF-16 code unit.
fn hex4(input: &str, at: usize) -> Option<u16> {
    let digits = input.as_bytes().get(at..at + 4)?;
    digits.iter().try_fold(0u16, |acc, digit| {
        let value = char::from(*digit).to_digit(16)?;
        Some((acc << 4) | value as u16)
    })
}

/// An error pointing at the escape sequence starting at `at`, quoting up to six characters of it.
fn escape_error(input: &str, at: usize, expected: Expected) -> ParseError {
    let text: String = input[at..].chars().take(6).collect();
    let found = if text.is_empty() {
        Found::EndOfInput
    } else {
        Found::Text(text)
    };
    ParseError::Unexpected {
        column: column_of(input, at),
        expected,
        found,
    }
}

/// Whitespace between tokens.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// Bytes that continue a word: attribute names, sub-attributes, schema URIs and keywords.
fn is_word_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'$' | b'.' | b':')
}

/// Bytes that continue a number, generously: the run is validated as a whole, so `01`, `1x` or
/// `2011-05-13` are reported as one malformed value rather than as two confusing tokens.
fn is_number_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'+' | b'.' | b'_' | b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<TokenKind> {
        let mut lexer = Lexer::new(input);
        let mut kinds = Vec::new();
        loop {
            let token = lexer.next_token().expect("valid tokens");
            if token.kind == TokenKind::End {
                return kinds;
            }
            kinds.push(token.kind);
        }
    }

    #[test]
    fn splits_words_punctuation_and_values() {
        use TokenKind::*;
        assert_eq!(
            kinds("not(emails[type eq \"w\"]) or x.y gt -1.5e3"),
            vec![
                Word,
                OpenParen,
                Word,
                OpenBracket,
                Word,
                Word,
                String("w".into()),
                CloseBracket,
                CloseParen,
                Word,
                Word,
                Word,
                Number
            ]
        );
    }

    #[test]
    fn decodes_every_json_escape() {
        assert_eq!(
            kinds(r#""\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00""#),
            vec![TokenKind::String(
                "\" \\ / \u{8} \u{c} \n \r \t é 😀".into()
            )]
        );
    }

    #[test]
    fn rejects_broken_strings() {
        let error = |input: &str| Lexer::new(input).next_token().expect_err("invalid string");
        assert_eq!(
            error(r#""abc"#),
            ParseError::UnterminatedString { column: 1 }
        );
        assert_eq!(
            error(r#""abc\"#),
            ParseError::UnterminatedString { column: 5 }
        );
        assert_eq!(error(r#""\x""#).column(), Some(2));
        assert_eq!(error(r#""\u12G4""#).column(), Some(2));
        assert_eq!(error(r#""\ud83d""#).column(), Some(8));
        assert_eq!(error(r#""\ude00""#).column(), Some(2));
        assert_eq!(error("\"a\nb\"").column(), Some(3));
    }
}
