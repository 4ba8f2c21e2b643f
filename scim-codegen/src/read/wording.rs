//! The wording of warnings and errors: how values, lists and places are shown, and how repeated
//! warnings are merged.

use serde_json::Value;

use crate::error::Warning;

/// Merges warnings (from `from` on) that share file, schema and message: the first keeps its
/// path and says how many other places there were.
pub(super) fn collapse(warnings: &mut Vec<Warning>, from: usize) {
    let tail: Vec<Warning> = warnings.drain(from..).collect();
    let mut merged: Vec<(Warning, usize)> = Vec::new();
    for w in tail {
        match merged.iter_mut().find(|(m, _)| {
            m.code == w.code
                && m.file == w.file
                && m.schema_id == w.schema_id
                && m.message == w.message
        }) {
            Some((_, count)) => *count += 1,
            None => merged.push((w, 0)),
        }
    }
    for (mut w, count) in merged {
        if count > 0 {
            w.message = format!("{} (and {count} more in this schema)", w.message);
        }
        warnings.push(w);
    }
}

pub(super) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value for a message, cut to 40 characters.
pub(super) fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

pub(super) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `[1, 2, 3, 7]` → `1-3, 7`.
pub(super) fn ranges(indices: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < indices.len() {
        let start = indices[i];
        let mut end = start;
        while i + 1 < indices.len() && indices[i + 1] == end + 1 {
            i += 1;
            end += 1;
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_compact() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1-3, 7, 9-10");
    }
}
