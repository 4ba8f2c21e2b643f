//! The state of one translation: the dialect, the parameters bound so far, fresh aliases.

use super::dialect::{CaseFolding, Dialect};
use super::statement::Param;

/// Writes one statement: numbers its placeholders and names its row aliases.
pub(super) struct Writer<'a> {
    pub(super) dialect: Dialect,
    pub(super) folding: &'a CaseFolding,
    pub(super) params: Vec<Param>,
    /// The number of the first placeholder.
    first: usize,
    aliases: usize,
}

impl<'a> Writer<'a> {
    pub(super) fn new(dialect: Dialect, folding: &'a CaseFolding) -> Self {
        Self::numbered_from(dialect, folding, 1)
    }

    /// A writer whose first placeholder is number `first`.
    pub(super) fn numbered_from(dialect: Dialect, folding: &'a CaseFolding, first: usize) -> Self {
        Self {
            dialect,
            folding,
            params: Vec::new(),
            first,
            aliases: 0,
        }
    }

    /// Binds `param` and returns its placeholder.
    pub(super) fn bind(&mut self, param: Param) -> String {
        let placeholder = self
            .dialect
            .placeholder(self.first + self.params.len(), &param);
        self.params.push(param);
        placeholder
    }

    /// A row alias not used before in this statement.
    pub(super) fn alias(&mut self) -> String {
        self.aliases += 1;
        format!("e{}", self.aliases)
    }

    /// Whether any assigned value of `json` satisfies `pred` (given the JSON expression of one
    /// value): the values of a list when `multi`, else the value itself. Never NULL.
    pub(super) fn any<E>(
        &mut self,
        json: &str,
        multi: bool,
        pred: &mut dyn FnMut(&mut Self, &str) -> Result<String, E>,
    ) -> Result<String, E> {
        if multi {
            let alias = self.alias();
            let (from, element) = self.dialect.elements(json, &alias);
            let assigned = self.dialect.assigned(&element);
            let condition = pred(self, &element)?;
            Ok(format!(
                "EXISTS (SELECT 1 FROM {from} WHERE {assigned} AND {condition})"
            ))
        } else {
            let assigned = self.dialect.assigned(json);
            let condition = pred(self, json)?;
            Ok(format!("COALESCE(({assigned} AND {condition}), FALSE)"))
        }
    }
}
