//! The integration tests of scim-runtime-server, one binary (see ARCHITECTURE.md).

mod sql_equivalence;
mod sql_golden;
mod sql_postgres;
mod sql_schema;
mod sql_sort;
mod sql_sqlite;
mod support;
