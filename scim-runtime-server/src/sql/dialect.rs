//! What differs between SQLite and PostgreSQL: JSON access, text functions, placeholders.
//!
//! Every function here takes and returns SQL text. A "JSON expression" is one whose value is
//! JSON: text holding JSON in SQLite (`->` gives it), `jsonb` in PostgreSQL.

use scim_runtime_model::DateTime;

use super::statement::Param;

/// The SQL dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// SQLite 3.38 or later (`->`, `->>`, `json_each`, `unixepoch`), placeholders `?N`. The
    /// resource column holds JSON text.
    Sqlite,
    /// PostgreSQL 12 or later (`jsonb` operators, `jsonb_array_elements`), placeholders
    /// `$N` with a cast naming their type. The resource column is `jsonb`.
    Postgres,
}

/// SQL's `'...'` literal of trusted text (names from the metadata, never filter values).
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A `"..."` identifier.
pub(super) fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The characters other than ASCII letters whose Unicode lower case holds an ASCII character,
/// with that lower case: folding them first makes ASCII `lower` agree with
/// `str::to_lowercase` whenever the other side of the comparison is ASCII.
pub(super) const ASCII_YIELDING_LOWER: [(char, &str); 2] =
    [('\u{0130}', "i\u{0307}"), ('\u{212A}', "k")];

impl Dialect {
    /// The placeholder of parameter `n` (1-based) holding `param`.
    pub(super) fn placeholder(self, n: usize, param: &Param) -> String {
        match self {
            Self::Sqlite => format!("?{n}"),
            Self::Postgres => {
                let ty = match param {
                    Param::Text(_) => "text",
                    Param::Integer(_) => "bigint",
                    Param::Real(_) => "float8",
                    Param::Bool(_) => "boolean",
                };
                format!("${n}::{ty}")
            }
        }
    }

    /// The member `key` of the JSON object `json` (NULL when absent or not an object).
    pub(super) fn member(self, json: &str, key: &str) -> String {
        match self {
            Self::Sqlite => format!("({json} -> {})", literal(&format!("$.\"{key}\""))),
            Self::Postgres => format!("({json} -> {})", literal(key)),
        }
    }

    /// Whether `json` is assigned (RFC 7643 §2.5): not SQL NULL, not JSON `null`, not `{}`
    /// nor `[]` (the model writes no other unassigned value).
    pub(super) fn assigned(self, json: &str) -> String {
        match self {
            Self::Sqlite => {
                format!("(json_type({json}) <> 'null' AND {json} NOT IN ('{{}}', '[]'))")
            }
            Self::Postgres => format!(
                "(jsonb_typeof({json}) <> 'null' AND {json} NOT IN ('{{}}'::jsonb, '[]'::jsonb))"
            ),
        }
    }

    /// Whether `json` is a JSON string.
    pub(super) fn is_string(self, json: &str) -> String {
        match self {
            Self::Sqlite => format!("json_type({json}) = 'text'"),
            Self::Postgres => format!("jsonb_typeof({json}) = 'string'"),
        }
    }

    /// Whether `json` is a JSON number.
    pub(super) fn is_number(self, json: &str) -> String {
        match self {
            Self::Sqlite => format!("json_type({json}) IN ('integer', 'real')"),
            Self::Postgres => format!("jsonb_typeof({json}) = 'number'"),
        }
    }

    /// Whether `json` is a JSON boolean.
    pub(super) fn is_boolean(self, json: &str) -> String {
        match self {
            Self::Sqlite => format!("json_type({json}) IN ('true', 'false')"),
            Self::Postgres => format!("jsonb_typeof({json}) = 'boolean'"),
        }
    }

    /// The text of a JSON string.
    pub(super) fn text(self, json: &str) -> String {
        match self {
            Self::Sqlite => format!("({json} ->> '$')"),
            Self::Postgres => format!("({json} #>> '{{}}')"),
        }
    }

    /// A JSON number as a number: exact in PostgreSQL (`numeric`); in SQLite an `INTEGER`, or
    /// a `REAL` for a number with a fraction or beyond `i64`. NULL for any other JSON.
    pub(super) fn number(self, json: &str) -> String {
        match self {
            Self::Sqlite => format!("({json} ->> '$')"),
            // A CASE, because PostgreSQL does not promise to test the type first in an AND.
            Self::Postgres => format!(
                "(CASE WHEN jsonb_typeof({json}) = 'number' THEN CAST({json} AS numeric) END)"
            ),
        }
    }

    /// A number operand written as `placeholder` (text in PostgreSQL, cast to `numeric`).
    pub(super) fn number_operand(self, placeholder: &str) -> String {
        match self {
            Self::Sqlite => placeholder.to_owned(),
            Self::Postgres => format!("CAST({placeholder} AS numeric)"),
        }
    }

    /// A JSON boolean as a value that orders `false` before `true`; NULL for other JSON.
    pub(super) fn boolean(self, json: &str) -> String {
        match self {
            Self::Sqlite => {
                format!("(CASE json_type({json}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)")
            }
            Self::Postgres => format!(
                "(CASE WHEN jsonb_typeof({json}) = 'boolean' THEN CAST({json} AS boolean) END)"
            ),
        }
    }

    /// A boolean operand written as `placeholder`, comparable with [`Self::boolean`].
    pub(super) fn boolean_operand(self, placeholder: &str) -> String {
        placeholder.to_owned()
    }

    /// The rows of the JSON array `json` (a value that is not an array is one row, as the
    /// engine reads a single value where a list is declared): the FROM item, aliased `alias`,
    /// and the JSON expression of the row's element.
    pub(super) fn elements(self, json: &str, alias: &str) -> (String, String) {
        match self {
            Self::Sqlite => (
                format!("json_each({json}) AS {alias}"),
                format!("({json} -> {alias}.fullkey)"),
            ),
            Self::Postgres => (
                format!(
                    "jsonb_array_elements(CASE WHEN jsonb_typeof({json}) = 'array' THEN {json} \
                     ELSE jsonb_build_array({json}) END) WITH ORDINALITY AS {alias}(v, i)"
                ),
                format!("{alias}.v"),
            ),
        }
    }

    /// 0 for an element of [`Self::elements`] whose member `key` is `true`, else 1: how a
    /// list's `primary` value sorts first. Reads the row itself, as SQLite resolves no outer
    /// column in a subquery's `ORDER BY`.
    pub(super) fn element_primary_rank(self, alias: &str, key: &str) -> String {
        match self {
            Self::Sqlite => format!(
                "(CASE WHEN {alias}.type <> 'object' THEN 1 \
                 WHEN json_type({alias}.value, {}) = 'true' THEN 0 ELSE 1 END)",
                literal(&format!("$.\"{key}\""))
            ),
            Self::Postgres => format!(
                "(CASE WHEN COALESCE(({alias}.v -> {}) = 'true'::jsonb, FALSE) THEN 0 ELSE 1 END)",
                literal(key)
            ),
        }
    }

    /// The position of an element of [`Self::elements`], to keep the list's order.
    pub(super) fn element_position(self, alias: &str) -> String {
        match self {
            Self::Sqlite => format!("{alias}.id"),
            Self::Postgres => format!("{alias}.i"),
        }
    }

    /// Text folded to lower case the way the engine folds ASCII: ASCII letters, and the two
    /// other letters whose lower case holds ASCII ([`ASCII_YIELDING_LOWER`]), so that it
    /// compares with ASCII lower-case text exactly as `str::to_lowercase` does.
    pub(super) fn fold_ascii(self, text: &str) -> String {
        let mut folded = text.to_owned();
        for (from, to) in ASCII_YIELDING_LOWER {
            folded = format!("replace({folded}, '{from}', '{to}')");
        }
        match self {
            // SQLite's built-in lower() folds ASCII only (without the ICU extension).
            Self::Sqlite => format!("lower({folded})"),
            // PostgreSQL's lower() follows the collation; translate() is ASCII whatever it is.
            Self::Postgres => format!(
                "translate({folded}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
            ),
        }
    }

    /// `text` in the byte order Rust compares strings by.
    pub(super) fn ordered_text(self, text: &str) -> String {
        match self {
            // BINARY, SQLite's default collation, compares UTF-8 bytes.
            Self::Sqlite => text.to_owned(),
            Self::Postgres => format!("({text} COLLATE \"C\")"),
        }
    }

    /// Whether `hay` contains `needle` (both text); an empty needle is contained.
    pub(super) fn contains(self, hay: &str, needle: &str) -> String {
        match self {
            Self::Sqlite => format!("instr({hay}, {needle}) > 0"),
            Self::Postgres => format!("strpos({hay}, {needle}) > 0"),
        }
    }

    /// Whether `hay` starts with `needle`.
    pub(super) fn starts_with(self, hay: &str, needle: &str) -> String {
        match self {
            Self::Sqlite => format!("substr({hay}, 1, length({needle})) = {needle}"),
            Self::Postgres => format!("left({hay}, length({needle})) = {needle}"),
        }
    }

    /// Whether `hay` ends with `needle`.
    pub(super) fn ends_with(self, hay: &str, needle: &str) -> String {
        match self {
            // substr(x, -0) is all of x, so the empty needle is its own case.
            Self::Sqlite => {
                format!("(length({needle}) = 0 OR substr({hay}, -length({needle})) = {needle})")
            }
            Self::Postgres => format!("right({hay}, length({needle})) = {needle}"),
        }
    }

    /// The instant of an `xsd:dateTime` text as the model reads it (any offset or none, `T`
    /// or `t`, a fraction of any length of which nanoseconds count, `23:59:60` as the last
    /// nanosecond of `23:59:59`), as text that orders as the instants do: the UTC seconds
    /// since 1970 plus 10^12, in 13 digits, then nine digits of nanoseconds.
    /// [`instant_key_of`] writes the same key in Rust.
    pub(super) fn instant_key(self, text: &str) -> String {
        // t is the text, z its zone: what is left after the seconds and fraction.
        let local = "substr(t, 1, 10) || ' ' || substr(t, 12, 6) || \
             (CASE WHEN substr(t, 18, 2) = '60' THEN '59' ELSE substr(t, 18, 2) END)";
        let offset = "(CASE WHEN z IN ('', 'Z', 'z') THEN 0 ELSE \
             (CASE WHEN substr(z, 1, 1) = '-' THEN -1 ELSE 1 END) * \
             (CAST(substr(z, 2, 2) AS integer) * 3600 + CAST((CASE length(z) WHEN 3 THEN '0' \
             WHEN 5 THEN substr(z, 4, 2) ELSE substr(z, 5, 2) END) AS integer) * 60) END)";
        let nanos = "(CASE WHEN substr(t, 18, 2) = '60' THEN '999999999' \
             WHEN substr(t, 20, 1) = '.' THEN \
             substr(substr(t, 21, length(t) - 20 - length(z)) || '000000000', 1, 9) \
             ELSE '000000000' END)";
        let (seconds, digits) = match self {
            Self::Sqlite => (
                format!("unixepoch({local})"),
                "printf('%013d', {s} - {o} + 1000000000000)",
            ),
            Self::Postgres => (
                format!("CAST(extract(epoch FROM CAST({local} AS timestamp)) AS bigint)"),
                "lpad(CAST({s} - {o} + 1000000000000 AS text), 13, '0')",
            ),
        };
        let digits = digits.replace("{s}", &seconds).replace("{o}", offset);
        format!(
            "(SELECT {digits} || {nanos} FROM (SELECT t, ltrim(substr(t, 20), '.0123456789') \
             AS z FROM (SELECT {text} AS t) AS t0) AS t1)"
        )
    }
}

/// The key [`Dialect::instant_key`] computes, for an instant.
pub(super) fn instant_key_of(value: &DateTime) -> String {
    let instant = value.instant();
    format!(
        "{:013}{:09}",
        instant.unix_timestamp() + 1_000_000_000_000,
        instant.nanosecond()
    )
}

/// How case-insensitive text (RFC 7643 §2.3.1, `caseExact` false) is folded in SQL.
///
/// The engine lower-cases both sides with `str::to_lowercase` (all of Unicode); a database's
/// built-in `lower` does not do the same, so the choice is explicit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CaseFolding {
    /// ASCII folding, which both databases have built in. Exact whenever the comparison value
    /// is ASCII, whatever the stored text holds; a case-insensitive comparison with non-ASCII
    /// text is refused ([`Untranslatable::NonAsciiCaseInsensitive`](super::Untranslatable)).
    /// Sorting by a case-insensitive attribute orders non-ASCII capitals by their code point
    /// (`É` after `z`), where the engine lower-cases them first.
    #[default]
    Ascii,
    /// A SQL function of one text argument that returns `str::to_lowercase` of it, registered
    /// by the store under this name (with rusqlite: `create_scalar_function`, deterministic).
    /// Every case-insensitive comparison and sort is then exact. The name is an identifier,
    /// optionally qualified (`scim_lower`, `app.scim_lower`); any other text is refused
    /// ([`Untranslatable::UnsafeName`](super::Untranslatable)) rather than written as SQL.
    Function(String),
}

/// Whether `name` can be written as a function name as it is: identifiers of ASCII letters,
/// digits and `_`, not starting with a digit, joined by `.`.
pub(super) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::ASCII_YIELDING_LOWER;

    /// ASCII folding is exact against ASCII text only if no other character lower-cases to
    /// something holding ASCII, except those folded first: every `char` is checked.
    #[test]
    fn the_letters_folded_first_are_all_that_lower_case_to_ascii() {
        let found: Vec<(char, String)> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
            .map(|c| (c, c.to_lowercase().collect::<String>()))
            .filter(|(_, lower)| lower.chars().any(|l| l.is_ascii()))
            .collect();
        let expected: Vec<(char, String)> = ASCII_YIELDING_LOWER
            .iter()
            .map(|(c, l)| (*c, (*l).to_owned()))
            .collect();
        assert_eq!(found, expected);
    }
}
