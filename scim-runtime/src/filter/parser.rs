//! Recursive-descent parser for filters (RFC 7644 §3.4.2.2), attribute paths (§3.10) and PATCH
//! paths (§3.5.2).
//!
//! The RFC grammar is left-recursive (`logExp = FILTER SP ("and" / "or") SP FILTER`) and leaves
//! precedence to prose: "not" binds tighter than "and", which binds tighter than "or". This
//! parser uses the equivalent layered form:
//!
//! ```text
//! filter      = conjunction *("or" conjunction)
//! conjunction = operand *("and" operand)
//! operand     = "not" "(" filter ")" / "(" filter ")" / attrPath "[" filter "]"
//!             / attrPath "pr" / attrPath compareOp compValue
//! ```
//!
//! Chains of `and`/`or` are loops that collect flat operand lists; the only recursion is
//! through `(`, `not (` and `[`, each of which first claims a level of
//! [`ParseLimits::max_depth`], so the stack use is bounded whatever the input.
//!
//! `not` is a keyword only where a `(` follows it; elsewhere it is an attribute name like any
//! other, as the grammar (`*1"not" "(" FILTER ")"`) implies. `not(` without a space is accepted
//! (RFC 7644 errata 7319 notes the grammar has no space there, while the examples do).

use super::ast::{CompValue, CompareOp, Comparison, Filter, Operands, ValuePath};
use super::error::{column_of, Expected, ParseError};
use super::lexer::{Lexer, Token, TokenKind};
use super::number::{is_json_number, Number};
use super::ParseLimits;
use crate::path::attr_name::attr_name_len;
use crate::path::{AttrName, AttrPath, PatchPath};

/// Parses a whole filter.
pub(crate) fn parse_filter(input: &str, limits: &ParseLimits) -> Result<Filter, ParseError> {
    let mut parser = Parser::new(input, limits)?;
    let filter = parser.filter()?;
    parser.expect_end(Expected::LogicalOperatorOrEnd)?;
    Ok(filter)
}

/// Parses a whole attribute path.
pub(crate) fn parse_attr_path(input: &str, limits: &ParseLimits) -> Result<AttrPath, ParseError> {
    let mut parser = Parser::new(input, limits)?;
    let path = parser.attr_path(Expected::AttrPath)?;
    parser.expect_end(Expected::EndOfAttrPath)?;
    Ok(path)
}

/// Parses a whole PATCH path: `PATH = attrPath / valuePath [subAttr]` (RFC 7644 §3.5.2).
pub(crate) fn parse_patch_path(input: &str, limits: &ParseLimits) -> Result<PatchPath, ParseError> {
    let mut parser = Parser::new(input, limits)?;
    let attr = parser.attr_path(Expected::AttrPath)?;
    if parser.token.kind != TokenKind::OpenBracket {
        parser.expect_end(Expected::ValueFilterOrEnd)?;
        return Ok(PatchPath::Attr(attr));
    }
    let filter = parser.nested(Closer::Bracket)?;
    let value_path = ValuePath::new(attr, filter);
    let bracket_end = parser.token.end;
    parser.advance()?;
    let sub_attr = parser.sub_attr_after(bracket_end)?;
    parser.expect_end(Expected::EndOfPatchPath)?;
    Ok(PatchPath::ValuePath {
        value_path,
        sub_attr,
    })
}

/// The token that ends a (sub-)filter, which decides what may follow an operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closer {
    /// `)` of a group or of `not (...)`.
    Paren,
    /// `]` of a value path.
    Bracket,
}

impl Closer {
    fn token(self) -> TokenKind {
        match self {
            Self::Paren => TokenKind::CloseParen,
            Self::Bracket => TokenKind::CloseBracket,
        }
    }

    fn expected(self) -> Expected {
        match self {
            Self::Paren => Expected::LogicalOperatorOrCloseParen,
            Self::Bracket => Expected::LogicalOperatorOrCloseBracket,
        }
    }
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// The current, not yet consumed, token.
    token: Token,
    /// How many `(`, `not (` and `[` are open.
    depth: usize,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    fn new(input: &'a str, limits: &ParseLimits) -> Result<Self, ParseError> {
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

    fn input(&self) -> &'a str {
        self.lexer.input()
    }

    /// The text of the current token.
    fn text(&self) -> &'a str {
        &self.input()[self.token.start..self.token.end]
    }

    fn advance(&mut self) -> Result<(), ParseError> {
        self.token = self.lexer.next_token()?;
        Ok(())
    }

    fn is_keyword(&self, keyword: &str) -> bool {
        self.token.kind == TokenKind::Word && self.text().eq_ignore_ascii_case(keyword)
    }

    /// An error saying the current token is not what `expected` describes.
    fn unexpected(&self, expected: Expected) -> ParseError {
        ParseError::unexpected_at(self.input(), self.token.start, expected)
    }

    fn expect_end(&self, expected: Expected) -> Result<(), ParseError> {
        if self.token.kind == TokenKind::End {
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// `filter = conjunction *("or" conjunction)`
    fn filter(&mut self) -> Result<Filter, ParseError> {
        let first = self.conjunction()?;
        if !self.is_keyword("or") {
            return Ok(first);
        }
        self.advance()?;
        let mut operands = Operands::new(first, self.conjunction()?);
        while self.is_keyword("or") {
            self.advance()?;
            operands.push(self.conjunction()?);
        }
        Ok(Filter::Or(operands))
    }

    /// `conjunction = operand *("and" operand)`
    fn conjunction(&mut self) -> Result<Filter, ParseError> {
        let first = self.operand()?;
        if !self.is_keyword("and") {
            return Ok(first);
        }
        self.advance()?;
        let mut operands = Operands::new(first, self.operand()?);
        while self.is_keyword("and") {
            self.advance()?;
            operands.push(self.operand()?);
        }
        Ok(Filter::And(operands))
    }

    /// `operand = "not" "(" filter ")" / "(" filter ")" / attrExp / valuePath`
    fn operand(&mut self) -> Result<Filter, ParseError> {
        match self.token.kind {
            TokenKind::OpenParen => {
                let filter = self.nested(Closer::Paren)?;
                self.advance()?;
                Ok(filter)
            }
            TokenKind::Word
                if self.is_keyword("not")
                    && self.lexer.peek_byte_after_whitespace() == Some(b'(') =>
            {
                self.claim_level()?;
                self.advance()?;
                let filter = self.nested_after_claim(Closer::Paren)?;
                self.advance()?;
                Ok(Filter::Not(Box::new(filter)))
            }
            TokenKind::Word => self.attr_expression(),
            _ => Err(self.unexpected(Expected::FilterExpression)),
        }
    }

    /// `attrPath "pr" / attrPath compareOp compValue / attrPath "[" filter "]"`, with the
    /// current token on the attribute path.
    fn attr_expression(&mut self) -> Result<Filter, ParseError> {
        let path_is_not = self.is_keyword("not");
        let path = self.attr_path(Expected::FilterExpression)?;
        if self.token.kind == TokenKind::OpenBracket {
            let filter = self.nested(Closer::Bracket)?;
            self.advance()?;
            return Ok(Filter::ValuePath(ValuePath::new(path, filter)));
        }
        if self.is_keyword("pr") {
            self.advance()?;
            return Ok(Filter::Present(path));
        }
        let op = match self.token.kind {
            TokenKind::Word => CompareOp::from_keyword(self.text()),
            _ => None,
        };
        let Some(op) = op else {
            // `not` followed by anything but `(` reads as an attribute named "not"; when no
            // operator follows, the client most likely forgot the parenthesis.
            let expected = if path_is_not && self.token.kind == TokenKind::Word {
                Expected::OpenParenAfterNot
            } else {
                Expected::Operator
            };
            return Err(self.unexpected(expected));
        };
        self.advance()?;
        let value = self.value()?;
        Ok(Filter::Comparison(Comparison { path, op, value }))
    }

    /// `compValue = false / null / true / number / string`
    fn value(&mut self) -> Result<CompValue, ParseError> {
        if let TokenKind::String(text) = &mut self.token.kind {
            let value = CompValue::String(std::mem::take(text));
            self.advance()?;
            return Ok(value);
        }
        let value = match self.token.kind {
            TokenKind::Number if is_json_number(self.text()) => {
                CompValue::Number(Number::from_validated(self.text()))
            }
            TokenKind::Word => match self.text() {
                "true" => CompValue::Bool(true),
                "false" => CompValue::Bool(false),
                "null" => CompValue::Null,
                _ => return Err(self.unexpected(Expected::Value)),
            },
            _ => return Err(self.unexpected(Expected::Value)),
        };
        self.advance()?;
        Ok(value)
    }

    /// Reads the attribute path at the current token; `expected` describes what else could
    /// have been there.
    fn attr_path(&mut self, expected: Expected) -> Result<AttrPath, ParseError> {
        if self.token.kind != TokenKind::Word {
            return Err(self.unexpected(expected));
        }
        let path = AttrPath::from_word(self.input(), self.token.start, self.token.end)?;
        self.advance()?;
        Ok(path)
    }

    /// With the current token on an opening `(` or `[`: claims a nesting level, parses the
    /// filter inside, and stops on the matching closer without consuming it.
    fn nested(&mut self, closer: Closer) -> Result<Filter, ParseError> {
        self.claim_level()?;
        self.nested_after_claim(closer)
    }

    /// Like [`nested`](Self::nested), for a level already claimed (by `not`).
    fn nested_after_claim(&mut self, closer: Closer) -> Result<Filter, ParseError> {
        if self.token.kind != TokenKind::OpenParen && closer == Closer::Paren {
            return Err(self.unexpected(Expected::OpenParenAfterNot));
        }
        self.advance()?;
        let filter = self.filter()?;
        if self.token.kind != closer.token() {
            return Err(self.unexpected(closer.expected()));
        }
        self.depth -= 1;
        Ok(filter)
    }

    /// Opens one nesting level at the current token, unless that goes over the limit.
    fn claim_level(&mut self) -> Result<(), ParseError> {
        if self.depth >= self.max_depth {
            return Err(ParseError::TooDeep {
                column: column_of(self.input(), self.token.start),
                max_depth: self.max_depth,
            });
        }
        self.depth += 1;
        Ok(())
    }

    /// Reads `"." ATTRNAME` right after the `]` that ends at `bracket_end`, if present.
    fn sub_attr_after(&mut self, bracket_end: usize) -> Result<Option<AttrName>, ParseError> {
        if self.token.kind != TokenKind::Dot || self.token.start != bracket_end {
            return Ok(None);
        }
        let name_start = self.token.end;
        self.advance()?;
        if self.token.kind != TokenKind::Word || self.token.start != name_start {
            return Err(ParseError::unexpected_at(
                self.input(),
                name_start,
                Expected::AttrName,
            ));
        }
        let text = self.text();
        let len = attr_name_len(text);
        if len != text.len() {
            return Err(ParseError::unexpected_at(
                self.input(),
                name_start + len,
                Expected::EndOfPatchPath,
            ));
        }
        let name = AttrName::from_validated(text);
        self.advance()?;
        Ok(Some(name))
    }
}
