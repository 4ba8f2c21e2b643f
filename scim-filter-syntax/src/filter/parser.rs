//! Parser for filters (RFC 7644 §3.4.2.2), over the [`Cursor`] that attribute paths (§3.10) and
//! PATCH paths (§3.5.2) are read with too.
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
use super::number::{is_json_number, Number};
use crate::attr::{read_attr_path, AttrPath};
use crate::cursor::Cursor;
use crate::error::{Expected, ParseError};
use crate::lexer::TokenKind;
use crate::limits::ParseLimits;

/// Parses a whole filter.
pub(crate) fn parse_filter(input: &str, limits: &ParseLimits) -> Result<Filter, ParseError> {
    let mut cursor = Cursor::new(input, limits)?;
    filter_until(&mut cursor, Closer::End)
}

/// Reads the filter of a value path, with the cursor just past its `[`, up to the `]`, which it
/// leaves unconsumed.
pub(crate) fn value_filter(cursor: &mut Cursor<'_>) -> Result<Filter, ParseError> {
    filter_until(cursor, Closer::Bracket)
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

/// Reads a filter up to `closer`, which it leaves unconsumed.
fn filter_until(cursor: &mut Cursor<'_>, closer: Closer) -> Result<Filter, ParseError> {
    let mut outer: Vec<Group> = Vec::new();
    let mut group = Group::new(Opener::Start(closer));
    loop {
        // Open groups until an operand is complete.
        let mut operand = loop {
            let opener_start = cursor.token.start;
            let opener = match cursor.token.kind {
                TokenKind::OpenParen => Opener::Paren,
                TokenKind::Word
                    if cursor.is_keyword("not")
                        && cursor.peek_byte_after_whitespace() == Some(b'(') =>
                {
                    cursor.advance()?;
                    Opener::Not
                }
                TokenKind::Word => {
                    let path_is_not = cursor.is_keyword("not");
                    let path = read_attr_path(cursor, Expected::FilterExpression)?;
                    if cursor.token.kind != TokenKind::OpenBracket {
                        break attr_test(cursor, path, path_is_not)?;
                    }
                    Opener::ValuePath(path)
                }
                _ => return Err(cursor.unexpected(Expected::FilterExpression)),
            };
            cursor.claim_level_at(opener_start)?;
            cursor.advance()?;
            outer.push(std::mem::replace(&mut group, Group::new(opener)));
        };
        // Then continue with `and` or `or`, or close groups.
        loop {
            if cursor.is_keyword("and") {
                group.and(operand);
                break;
            }
            if cursor.is_keyword("or") {
                group.or(operand);
                break;
            }
            let closer = group.closer();
            if cursor.token.kind != closer.token() {
                return Err(cursor.unexpected(closer.expected()));
            }
            let Some(parent) = outer.pop() else {
                return Ok(group.close(operand));
            };
            operand = std::mem::replace(&mut group, parent).close(operand);
            cursor.release_level();
            cursor.advance()?;
        }
        cursor.advance()?;
    }
}

/// `attrPath "pr" / attrPath compareOp compValue`, with `path` read and the cursor after it.
fn attr_test(
    cursor: &mut Cursor<'_>,
    path: AttrPath,
    path_is_not: bool,
) -> Result<Filter, ParseError> {
    if cursor.is_keyword("pr") {
        cursor.advance()?;
        return Ok(Filter::Present(path));
    }
    let op = match cursor.token.kind {
        TokenKind::Word => CompareOp::from_keyword(cursor.text()),
        _ => None,
    };
    let Some(op) = op else {
        // `not` followed by anything but `(` reads as an attribute named "not"; when no
        // operator follows, the client most likely forgot the parenthesis.
        let expected = if path_is_not && cursor.token.kind == TokenKind::Word {
            Expected::OpenParenAfterNot
        } else {
            Expected::Operator
        };
        return Err(cursor.unexpected(expected));
    };
    cursor.advance()?;
    let value = value(cursor)?;
    Ok(Filter::Comparison(Comparison { path, op, value }))
}

/// `compValue = false / null / true / number / string`
fn value(cursor: &mut Cursor<'_>) -> Result<CompValue, ParseError> {
    if let TokenKind::String(text) = &mut cursor.token.kind {
        let value = CompValue::String(std::mem::take(text));
        cursor.advance()?;
        return Ok(value);
    }
    let value = match cursor.token.kind {
        TokenKind::Number if is_json_number(cursor.text()) => {
            CompValue::Number(Number::from_validated(cursor.text()))
        }
        TokenKind::Word => match cursor.text() {
            "true" => CompValue::Bool(true),
            "false" => CompValue::Bool(false),
            "null" => CompValue::Null,
            _ => return Err(cursor.unexpected(Expected::Value)),
        },
        _ => return Err(cursor.unexpected(Expected::Value)),
    };
    cursor.advance()?;
    Ok(value)
}
