//! Filters, sorting and paging as SQL, for SQLite and PostgreSQL (docs to come).

mod dialect;
mod error;
mod filter;
mod scope;
mod sort;
mod statement;
mod translator;
mod writer;

pub use dialect::{CaseFolding, Dialect};
pub use error::{Clause, SqlError, Untranslatable};
pub use statement::{Param, Sql};
pub use translator::Translator;
