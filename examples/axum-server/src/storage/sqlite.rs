//! An SQLite store: one table of JSON documents, with SQLite's own `UNIQUE` constraints
//! guarding ids and unique keys.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};

use super::{Record, Store, StoreError};

/// Documents in an SQLite database file (or an in-memory database).
#[derive(Debug)]
pub struct SqliteStore {
    // One connection: SQLite serialises writers anyway, and every call is short.
    connection: Mutex<Connection>,
    /// Bumped after each write, while the connection is still held.
    generation: AtomicU64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS resources (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    unique_key TEXT,
    version    INTEGER NOT NULL,
    document   TEXT    NOT NULL,
    UNIQUE (kind, id),
    UNIQUE (kind, unique_key)
);";

fn backend(e: rusqlite::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] when the file cannot be opened or is not a database.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let connection = Connection::open(path).map_err(backend)?;
        // WAL keeps readers and the writer out of each other's way; NORMAL sync is durable
        // across application crashes, which is what an example needs.
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(backend)?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(backend)?;
        Self::with_connection(connection)
    }

    /// A database in memory, for tests.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] when SQLite cannot start.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::with_connection(Connection::open_in_memory().map_err(backend)?)
    }

    fn with_connection(connection: Connection) -> Result<Self, StoreError> {
        connection.execute_batch(SCHEMA).map_err(backend)?;
        Ok(Self {
            connection: Mutex::new(connection),
            generation: AtomicU64::new(0),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A statement either ran or did not: a panic elsewhere leaves the database consistent.
        self.connection.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Tells which `UNIQUE` constraint a failed write broke.
fn constraint(e: rusqlite::Error, kind: &str, id: &str, unique: Option<&str>) -> StoreError {
    if let rusqlite::Error::SqliteFailure(failure, Some(message)) = &e {
        if failure.code == rusqlite::ErrorCode::ConstraintViolation {
            if message.contains("unique_key") {
                return StoreError::Taken {
                    kind: kind.to_owned(),
                    key: unique.unwrap_or_default().to_owned(),
                };
            }
            if message.contains("resources.id") {
                return StoreError::DuplicateId(id.to_owned());
            }
        }
    }
    backend(e)
}

impl Store for SqliteStore {
    fn insert(
        &self,
        kind: &str,
        id: &str,
        unique: Option<&str>,
        document: &str,
    ) -> Result<(), StoreError> {
        let connection = self.lock();
        connection
            .execute(
                "INSERT INTO resources (kind, id, unique_key, version, document) VALUES (?1, ?2, ?3, 1, ?4)",
                params![kind, id, unique, document],
            )
            .map_err(|e| constraint(e, kind, id, unique))?;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        self.lock()
            .prepare_cached("SELECT version, document FROM resources WHERE kind = ?1 AND id = ?2")
            .and_then(|mut statement| {
                statement
                    .query_row(params![kind, id], |row| {
                        Ok(Record {
                            id: id.to_owned(),
                            version: row.get::<_, i64>(0)? as u64,
                            document: row.get(1)?,
                        })
                    })
                    .optional()
            })
            .map_err(backend)
    }

    fn find_unique(&self, kind: &str, key: &str) -> Result<Option<Record>, StoreError> {
        self.lock()
            .prepare_cached(
                "SELECT id, version, document FROM resources WHERE kind = ?1 AND unique_key = ?2",
            )
            .and_then(|mut statement| {
                statement
                    .query_row(params![kind, key], |row| {
                        Ok(Record {
                            id: row.get(0)?,
                            version: row.get::<_, i64>(1)? as u64,
                            document: row.get(2)?,
                        })
                    })
                    .optional()
            })
            .map_err(backend)
    }

    fn list(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        let connection = self.lock();
        let mut statement = connection
            .prepare_cached(
                "SELECT id, version, document FROM resources WHERE kind = ?1 ORDER BY seq",
            )
            .map_err(backend)?;
        let rows = statement
            .query_map(params![kind], |row| {
                Ok(Record {
                    id: row.get(0)?,
                    version: row.get::<_, i64>(1)? as u64,
                    document: row.get(2)?,
                })
            })
            .map_err(backend)?;
        rows.collect::<Result<_, _>>().map_err(backend)
    }

    fn versions(&self, kind: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let connection = self.lock();
        let mut statement = connection
            .prepare_cached("SELECT id, version FROM resources WHERE kind = ?1 ORDER BY seq")
            .map_err(backend)?;
        let rows = statement
            .query_map(params![kind], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64))
            })
            .map_err(backend)?;
        rows.collect::<Result<_, _>>().map_err(backend)
    }

    fn update(
        &self,
        kind: &str,
        id: &str,
        expected: u64,
        unique: Option<&str>,
        document: &str,
    ) -> Result<u64, StoreError> {
        let connection = self.lock();
        let changed = connection
            .execute(
                "UPDATE resources SET unique_key = ?3, version = version + 1, document = ?4
                 WHERE kind = ?1 AND id = ?2 AND version = ?5",
                params![kind, id, unique, document, expected as i64],
            )
            .map_err(|e| constraint(e, kind, id, unique))?;
        if changed == 1 {
            self.generation.fetch_add(1, Ordering::SeqCst);
            return Ok(expected + 1);
        }
        // Nothing changed: tell a missing document from a stale version.
        let found: Option<i64> = connection
            .query_row(
                "SELECT version FROM resources WHERE kind = ?1 AND id = ?2",
                params![kind, id],
                |row| row.get(0),
            )
            .optional()
            .map_err(backend)?;
        Err(match found {
            None => StoreError::NotFound {
                kind: kind.to_owned(),
                id: id.to_owned(),
            },
            Some(found) => StoreError::Stale {
                kind: kind.to_owned(),
                id: id.to_owned(),
                expected,
                found: found as u64,
            },
        })
    }

    fn delete(&self, kind: &str, id: &str) -> Result<bool, StoreError> {
        let connection = self.lock();
        let deleted = connection
            .execute(
                "DELETE FROM resources WHERE kind = ?1 AND id = ?2",
                params![kind, id],
            )
            .map_err(backend)?;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(deleted == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_store_contract() {
        super::super::tests::contract(&SqliteStore::in_memory().unwrap());
    }

    #[test]
    fn documents_survive_reopening_the_file() {
        let dir = std::env::temp_dir().join(format!("scim-example-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("store.db");
        let _ = std::fs::remove_file(&path);
        {
            let store = SqliteStore::open(&path).unwrap();
            store.insert("User", "a", Some("bjensen"), "{}").unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.get("User", "a").unwrap().unwrap().version, 1);
        assert!(store.insert("User", "b", Some("bjensen"), "{}").is_err());
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
