//! Reads PATCH paths (RFC 7644 §3.5.2): an attribute path, or a value path with an optional
//! sub-attribute, using the attribute path and filter readers.

use super::patch_path::PatchPath;
use crate::attr::{attr_name_len, read_attr_path, AttrName};
use crate::cursor::Cursor;
use crate::error::{Expected, ParseError};
use crate::filter::parser::value_filter;
use crate::filter::ValuePath;
use crate::lexer::TokenKind;
use crate::limits::ParseLimits;

/// Parses a whole PATCH path: `PATH = attrPath / valuePath [subAttr]` (RFC 7644 §3.5.2).
pub(crate) fn parse_patch_path(input: &str, limits: &ParseLimits) -> Result<PatchPath, ParseError> {
    let mut cursor = Cursor::new(input, limits)?;
    let attr = read_attr_path(&mut cursor, Expected::AttrPath)?;
    if cursor.token.kind != TokenKind::OpenBracket {
        cursor.expect_end(Expected::ValueFilterOrEnd)?;
        return Ok(PatchPath::Attr(attr));
    }
    cursor.claim_level_at(cursor.token.start)?;
    cursor.advance()?;
    let filter = value_filter(&mut cursor)?;
    let value_path = ValuePath::new(attr, filter);
    let bracket_end = cursor.token.end;
    cursor.advance()?;
    let sub_attr = sub_attr_after(&mut cursor, bracket_end)?;
    cursor.expect_end(Expected::EndOfPatchPath)?;
    Ok(PatchPath::ValuePath {
        value_path,
        sub_attr,
    })
}

/// Reads `"." ATTRNAME` right after the `]` that ends at `bracket_end`, if present.
fn sub_attr_after(
    cursor: &mut Cursor<'_>,
    bracket_end: usize,
) -> Result<Option<AttrName>, ParseError> {
    if cursor.token.kind != TokenKind::Dot || cursor.token.start != bracket_end {
        return Ok(None);
    }
    let name_start = cursor.token.end;
    cursor.advance()?;
    if cursor.token.kind != TokenKind::Word || cursor.token.start != name_start {
        return Err(ParseError::unexpected_at(
            cursor.input(),
            name_start,
            Expected::AttrName,
        ));
    }
    let text = cursor.text();
    let len = attr_name_len(text);
    if len != text.len() {
        return Err(ParseError::unexpected_at(
            cursor.input(),
            name_start + len,
            Expected::EndOfPatchPath,
        ));
    }
    let name = AttrName::from_validated(text);
    cursor.advance()?;
    Ok(Some(name))
}
