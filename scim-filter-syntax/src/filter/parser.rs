//! Parser for filters (RFC 7644 §3.4.2.2), attribute paths (§3.10) and PATCH paths (§3.5.2).
//!
//! The RFC grammar is left-recursive (`logExp = FILTER SP ("and" / "or") SP FILTER`) and leaves
//! precedence to prose: "not" binds tighter than "and", which binds tighter than "or". This
//! parser reads the equivalent layered form:
//!
//! ```text
//! filter      = conjunction *("or" conjunction)
//! conjunction = operand *("and" operand)
//! operand     = "not" "(" filter ")" / "(" filter ")" / attrPath "[" filter "]"
//!             / attrPath "pr" / attrPath compareOp compValue
//! ```
//!
//! It does not recurse: each `(`, `not (` and `[` pushes a [`Group`] on an explicit stack,
//! which [`ParseLimits::max_depth`] bounds, and the matching closer pops it. The parser's own
//! stack use is therefore constant whatever the input, and `and`/`or` chains of any length
//! become flat operand lists, so the depth of the resulting tree is bounded by the nesting
//! depth alone.
//!
//! `not` is a keyword only where a `(` follows it; elsewhere it is an attribute name like any
//! other, as the grammar (`*1"not" "(" FILTER ")"`) implies. `not(` without a space is accepted
//! (the RFC's examples put a space there, its ABNF does not).

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
    parser.filter_until(Closer::End)
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
    parser.claim_level_at(parser.token.start)?;
    parser.advance()?;
    let filter = parser.filter_until(Closer::Bracket)?;
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

/// The token that ends a filter or a group within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closer {
    /// The end of the input.
    End,
    /// `)` of a group or of `not (...)`.
    Paren,
    /// `]` of a value path.
    Bracket,
}

impl Closer {
    fn token(self) -> TokenKind {
        match self {
            Self::End => TokenKind::End,
            Self::Paren => TokenKind::CloseParen,
            Self::Bracket => TokenKind::CloseBracket,
        }
    }

    /// What may follow a complete operand inside a group this closes.
    fn expected(self) -> Expected {
        match self {
            Self::End => Expected::LogicalOperatorOrEnd,
            Self::Paren => Expected::LogicalOperatorOrCloseParen,
            Self::Bracket => Expected::LogicalOperatorOrCloseBracket,
        }
    }
}

/// What opened a [`Group`], which decides how it closes and what it becomes.
enum Opener {
    /// The start of the filter, which the caller's closer ends.
    Start(Closer),
    /// `(`: the group is just its content.
    Paren,
    /// `not (`: the group becomes [`Filter::Not`].
    Not,
    /// `attrPath [`: the group becomes [`Filter::ValuePath`].
    ValuePath(AttrPath),
}

/// A filter being read between an opener and its closer.
struct Group {
    opener: Opener,
    /// Finished operands of the `or` being read, each a conjunction.
    disjuncts: Vec<Filter>,
    /// Finished operands of the `and` being read.
    conjuncts: Vec<Filter>,
}

impl Group {
    fn new(opener: Opener) -> Self {
        Self {
            opener,
            disjuncts: Vec::new(),
            conjuncts: Vec::new(),
        }
    }

    fn closer(&self) -> Closer {
        match self.opener {
            Opener::Start(closer) => closer,
            Opener::Paren | Opener::Not => Closer::Paren,
            Opener::ValuePath(_) => Closer::Bracket,
        }
    }

    /// Records `operand` followed by `and`.
    fn and(&mut self, operand: Filter) {
        self.conjuncts.push(operand);
    }

    /// Records `operand` followed by `or`, ending the conjunction it belongs to.
    fn or(&mut self, operand: Filter) {
        let conjunction = join(std::mem::take(&mut self.conjuncts), operand, Filter::And);
        self.disjuncts.push(conjunction);
    }

    /// Closes the group after its last operand.
    fn close(self, last: Filter) -> Filter {
        let conjunction = join(self.conjuncts, last, Filter::And);
        let content = join(self.disjuncts, conjunction, Filter::Or);
        match self.opener {
            Opener::Start(_) | Opener::Paren => content,
            Opener::Not => Filter::Not(Box::new(content)),
            Opener::ValuePath(attr) => Filter::ValuePath(ValuePath::new(attr, content)),
        }
    }
}

/// `last` alone if nothing came before it, else all of them under `wrap`.
fn join(mut earlier: Vec<Filter>, last: Filter, wrap: fn(Operands) -> Filter) -> Filter {
    if earlier.is_empty() {
        last
    } else {
        earlier.push(last);
        wrap(Operands(earlier))
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

    /// Opens one nesting level for the opener at byte `start`, unless that goes over the limit.
    fn claim_level_at(&mut self, start: usize) -> Result<(), ParseError> {
        if self.depth >= self.max_depth {
            return Err(ParseError::TooDeep {
                column: column_of(self.input(), start),
                max_depth: self.max_depth,
            });
        }
        self.depth += 1;
        Ok(())
    }

    /// Reads a filter up to `closer`, which it leaves unconsumed.
    fn filter_until(&mut self, closer: Closer) -> Result<Filter, ParseError> {
        let mut outer: Vec<Group> = Vec::new();
        let mut group = Group::new(Opener::Start(closer));
        loop {
            // Open groups until an operand is complete.
            let mut operand = loop {
                let opener_start = self.token.start;
                let opener = match self.token.kind {
                    TokenKind::OpenParen => Opener::Paren,
                    TokenKind::Word
                        if self.is_keyword("not")
                            && self.lexer.peek_byte_after_whitespace() == Some(b'(') =>
                    {
                        self.advance()?;
                        Opener::Not
                    }
                    TokenKind::Word => {
                        let path_is_not = self.is_keyword("not");
                        let path = self.attr_path(Expected::FilterExpression)?;
                        if self.token.kind != TokenKind::OpenBracket {
                            break self.attr_test(path, path_is_not)?;
                        }
                        Opener::ValuePath(path)
                    }
                    _ => return Err(self.unexpected(Expected::FilterExpression)),
                };
                self.claim_level_at(opener_start)?;
                self.advance()?;
                outer.push(std::mem::replace(&mut group, Group::new(opener)));
            };
            // Then continue with `and` or `or`, or close groups.
            loop {
                if self.is_keyword("and") {
                    group.and(operand);
                    break;
                }
                if self.is_keyword("or") {
                    group.or(operand);
                    break;
                }
                let closer = group.closer();
                if self.token.kind != closer.token() {
                    return Err(self.unexpected(closer.expected()));
                }
                let Some(parent) = outer.pop() else {
                    return Ok(group.close(operand));
                };
                operand = std::mem::replace(&mut group, parent).close(operand);
                self.depth -= 1;
                self.advance()?;
            }
            self.advance()?;
        }
    }

    /// `attrPath "pr" / attrPath compareOp compValue`, with `path` read and the current token
    /// after it.
    fn attr_test(&mut self, path: AttrPath, path_is_not: bool) -> Result<Filter, ParseError> {
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
