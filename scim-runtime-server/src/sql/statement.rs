//! SQL text and the values bound to its placeholders.

/// A value bound to a placeholder, in placeholder order.
///
/// Filter values never appear in the SQL text: each one is a parameter, so a value such as
/// `x' OR '1'='1` is only ever compared, never run.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Param {
    /// Text: a string operand, a sort key, the digits of an instant.
    Text(String),
    /// A 64-bit integer: an `integer` operand in SQLite, a page's limit or offset.
    Integer(i64),
    /// A 64-bit float that is exactly the operand's value (SQLite only).
    Real(f64),
    /// A boolean.
    Bool(bool),
}

/// SQL text with its parameters: placeholder `?N` (SQLite) or `$N` (PostgreSQL) is
/// `params[N - 1]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sql {
    /// The SQL text.
    pub text: String,
    /// The parameters, in placeholder order from 1.
    pub params: Vec<Param>,
}
