//! The parser's position in the token stream, shared by every grammar of the crate.
//!
//! Filters (RFC 7644 §3.4.2.2), attribute paths (§3.10) and PATCH paths (§3.5.2) are read from
//! the same tokens under the same [`ParseLimits`]. A [`Cursor`] holds the current token and the
//! nesting depth; the attribute path, filter and PATCH path readers are functions over it, each
//! in the module of what it reads, so this module depends on none of them.

use crate::error::{column_of, Expected, ParseError};
use crate::lexer::{Lexer, Token, TokenKind};
use crate::limits::ParseLimits;

/// The current token of an input being parsed, and how deeply the input nests so far.
pub(crate) struct Cursor<'a> {
    lexer: Lexer<'a>,
    /// The current, not yet consumed, token.
    pub(crate) token: Token,
    /// How many `(`, `not (` and `[` are open.
    depth: usize,
    max_depth: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor on the first token of `input`.
    ///
    /// # Errors
    ///
    /// [`ParseError::TooLong`] if `input` is longer than `limits` allow, checked before
    /// anything is read; an error for a malformed first token.
    pub(crate) fn new(input: &'a str, limits: &ParseLimits) -> Result<Self, ParseError> {
        if input.len() > limits.max_length() {
            return Err(ParseError::TooLong {
                length: input.len(),
                max_length: limits.max_length(),
            });
        }
        let mut lexer = Lexer::new(input);
        let token = lexer.next_token()?;
        Ok(Self {
            lexer,
            token,
            depth: 0,
            max_depth: limits.max_depth(),
        })
    }

    /// The whole input.
    pub(crate) fn input(&self) -> &'a str {
        self.lexer.input()
    }

    /// The text of the current token.
    pub(crate) fn text(&self) -> &'a str {
        &self.input()[self.token.start..self.token.end]
    }

    /// The first byte after any whitespace following the current token.
    pub(crate) fn peek_byte_after_whitespace(&self) -> Option<u8> {
        self.lexer.peek_byte_after_whitespace()
    }

    /// Moves on to the next token.
    pub(crate) fn advance(&mut self) -> Result<(), ParseError> {
        self.token = self.lexer.next_token()?;
        Ok(())
    }

    /// Whether the current token is the word `keyword`, in any case.
    pub(crate) fn is_keyword(&self, keyword: &str) -> bool {
        self.token.kind == TokenKind::Word && self.text().eq_ignore_ascii_case(keyword)
    }

    /// An error saying the current token is not what `expected` describes.
    pub(crate) fn unexpected(&self, expected: Expected) -> ParseError {
        ParseError::unexpected_at(self.input(), self.token.start, expected)
    }

    /// Succeeds at the end of the input; else an error saying `expected` should be there.
    pub(crate) fn expect_end(&self, expected: Expected) -> Result<(), ParseError> {
        if self.token.kind == TokenKind::End {
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// Opens one nesting level for the opener at byte `start`, unless that goes over the limit.
    pub(crate) fn claim_level_at(&mut self, start: usize) -> Result<(), ParseError> {
        if self.depth >= self.max_depth {
            return Err(ParseError::TooDeep {
                column: column_of(self.input(), start),
                max_depth: self.max_depth,
            });
        }
        self.depth += 1;
        Ok(())
    }

    /// Closes the innermost nesting level that [`claim_level_at`](Self::claim_level_at) opened.
    pub(crate) fn release_level(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
