//! The public entry point: a table's metadata and dialect, and the statements it writes.

use scim_runtime_model::attribute::SchemaDef;
use scim_runtime_model::dynamic::DynamicType;
use scim_runtime_model::filter::Filter;
use scim_runtime_model::message::SortOrder;
use scim_runtime_model::path::AttrPath;
use scim_runtime_model::Resource;

use super::dialect::{identifier, CaseFolding, Dialect};
use super::error::SqlError;
use super::scope::{Schemas, Scope};
use super::statement::Sql;
use super::writer::Writer;
use super::{filter, sort};
use crate::ListQuery;

/// Translates filters, sorts and pages over one table of resources into SQL; see the
/// [module documentation](super) for the layout it assumes and what it translates.
///
/// ```
/// use scim_runtime::server::sql::{Dialect, Translator};
/// use scim_runtime::User;
///
/// let users = Translator::for_resource::<User>(Dialect::Postgres);
/// let sql = users.condition(&r#"userName eq "bjensen""#.parse()?)?;
/// assert!(sql.text.contains(r#"("resource" -> 'userName')"#));
/// assert_eq!(sql.params.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Translator {
    dialect: Dialect,
    schemas: Schemas,
    column: String,
    folding: CaseFolding,
}

impl Translator {
    /// A table of resources of schema `core` with the extensions `extensions`, whose JSON is in
    /// the column `resource`.
    pub fn new(
        dialect: Dialect,
        core: &'static SchemaDef,
        extensions: &[&'static SchemaDef],
    ) -> Self {
        Self {
            dialect,
            schemas: Schemas {
                core,
                extensions: extensions.to_vec(),
            },
            column: "resource".to_owned(),
            folding: CaseFolding::default(),
        }
    }

    /// A table of typed resources `R`: its schema and its resource type's extensions.
    pub fn for_resource<R: Resource>(dialect: Dialect) -> Self {
        let extensions: Vec<&'static SchemaDef> = R::RESOURCE_TYPE
            .extensions
            .iter()
            .map(|e| e.schema)
            .collect();
        Self::new(dialect, R::SCHEMA, &extensions)
    }

    /// A table of dynamic resources of type `ty`, read from a server's `/Schemas` and
    /// `/ResourceTypes`: the same translation as for a typed resource with the same schemas.
    pub fn for_dynamic(dialect: Dialect, ty: &DynamicType) -> Self {
        let extensions: Vec<&'static SchemaDef> = ty.extensions.iter().map(|(s, _)| *s).collect();
        Self::new(dialect, ty.schema, &extensions)
    }

    /// The column holding each resource's JSON (`resource` unless set).
    pub fn with_column(mut self, column: &str) -> Self {
        column.clone_into(&mut self.column);
        self
    }

    /// How case-insensitive text is folded ([`CaseFolding::Ascii`] unless set).
    pub fn with_case_folding(mut self, folding: CaseFolding) -> Self {
        self.folding = folding;
        self
    }

    /// The dialect written.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    fn scope<'a>(&'a self, column: &'a str) -> Scope<'a> {
        Scope::Resource {
            json: column,
            schemas: &self.schemas,
        }
    }

    /// The condition `filter` sets on a row (for a `WHERE`), its placeholders numbered from 1.
    ///
    /// # Errors
    ///
    /// [`SqlError`]: an unknown attribute, a filter the engine refuses too, or a construct
    /// this module does not translate exactly.
    pub fn condition(&self, filter: &Filter) -> Result<Sql, SqlError> {
        self.condition_from(filter, 1)
    }

    /// As [`condition`](Self::condition), with placeholders numbered from `first`: for a
    /// statement that binds `first - 1` parameters of its own before the condition's.
    ///
    /// ```
    /// use scim_runtime::server::sql::{Dialect, Translator};
    /// use scim_runtime::User;
    ///
    /// let users = Translator::for_resource::<User>(Dialect::Sqlite);
    /// let sql = users.condition_from(&r#"userName eq "bjensen""#.parse()?, 3)?;
    /// assert!(sql.text.contains("?3") && !sql.text.contains("?1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`condition`](Self::condition).
    pub fn condition_from(&self, filter: &Filter, first: usize) -> Result<Sql, SqlError> {
        let mut w = Writer::numbered_from(self.dialect, &self.folding, first.max(1));
        let column = identifier(&self.column);
        let text = filter::condition(&mut w, self.scope(&column), filter)?;
        Ok(Sql {
            text,
            params: w.params,
        })
    }

    /// The `ORDER BY` list (without the keywords) for `sort_by` in `order`.
    ///
    /// # Errors
    ///
    /// [`SqlError`] for an unknown attribute or a sort this module does not translate
    /// exactly (a `decimal` in SQLite).
    pub fn order_by(&self, sort_by: &AttrPath, order: SortOrder) -> Result<String, SqlError> {
        let mut w = Writer::new(self.dialect, &self.folding);
        let column = identifier(&self.column);
        sort::order_by(&mut w, self.scope(&column), &column, sort_by, order)
    }

    /// `SELECT` of the resource column from `table` for a list or search: its filter, its
    /// sort and its page (`startIndex`, `count`).
    ///
    /// `count` is taken as it is: a server with a largest page (RFC 7644 §3.4.2.4) caps it
    /// first, as [`ListQuery::page`] does for lists in memory. Without a `sortBy` the rows are
    /// ordered by `id`, so that pages of one result never overlap (SQL leaves the order of
    /// rows unspecified otherwise).
    ///
    /// # Errors
    ///
    /// As [`condition`](Self::condition) and [`order_by`](Self::order_by).
    pub fn select(&self, table: &str, query: &ListQuery) -> Result<Sql, SqlError> {
        let mut w = Writer::new(self.dialect, &self.folding);
        let column = identifier(&self.column);
        let mut text = format!("SELECT {column} FROM {}", identifier(table));
        if let Some(f) = &query.filter {
            text.push_str(" WHERE ");
            text.push_str(&filter::condition(&mut w, self.scope(&column), f)?);
        }
        text.push_str(" ORDER BY ");
        match &query.sort_by {
            Some(sort_by) => text.push_str(&sort::order_by(
                &mut w,
                self.scope(&column),
                &column,
                sort_by,
                query.sort_order,
            )?),
            None => text.push_str(&sort::by_id(self.dialect, &column)),
        }
        text.push(' ');
        text.push_str(&sort::page(&mut w, query.start_index, query.count));
        Ok(Sql {
            text,
            params: w.params,
        })
    }

    /// `SELECT count(*)` of the rows of `table` that `filter` matches (a list's
    /// `totalResults`).
    ///
    /// # Errors
    ///
    /// As [`condition`](Self::condition).
    pub fn count(&self, table: &str, filter: Option<&Filter>) -> Result<Sql, SqlError> {
        let mut w = Writer::new(self.dialect, &self.folding);
        let column = identifier(&self.column);
        let mut text = format!("SELECT count(*) FROM {}", identifier(table));
        if let Some(f) = filter {
            text.push_str(" WHERE ");
            text.push_str(&filter::condition(&mut w, self.scope(&column), f)?);
        }
        Ok(Sql {
            text,
            params: w.params,
        })
    }
}
