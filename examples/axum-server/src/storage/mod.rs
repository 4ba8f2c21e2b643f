//! Where resources live: one [`Store`] trait over JSON documents, with an in-memory map
//! ([`MemoryStore`]) and an SQLite database ([`SqliteStore`]).
//!
//! A store knows nothing of SCIM beyond what it must enforce atomically: ids, a version per
//! document for optimistic concurrency (the ETag, RFC 7644 §3.14), and one unique key per
//! document (the lowercased `userName`, unique case-insensitively by RFC 7643 §4.1.1).

mod memory;
mod sqlite;

pub use memory::MemoryStore;
pub use sqlite::SqliteStore;

/// A stored document.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The resource id.
    pub id: String,
    /// The version, 1 on creation and one more on every change.
    pub version: u64,
    /// The resource as JSON, with every attribute (also `writeOnly` ones).
    pub document: String,
}

/// What a store refuses.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// Another document of the same kind holds the unique key.
    #[error("`{key}` is already taken by another {kind}")]
    Taken {
        /// The resource type.
        kind: String,
        /// The unique key.
        key: String,
    },
    /// The id is already in use.
    #[error("id `{0}` is already in use")]
    DuplicateId(String),
    /// No document with this id.
    #[error("no {kind} with id `{id}`")]
    NotFound {
        /// The resource type.
        kind: String,
        /// The id.
        id: String,
    },
    /// The document changed since it was read.
    #[error("{kind} `{id}` changed: version {found}, expected {expected}")]
    Stale {
        /// The resource type.
        kind: String,
        /// The id.
        id: String,
        /// The version the caller read.
        expected: u64,
        /// The version stored now.
        found: u64,
    },
    /// The database failed.
    #[error("storage failure: {0}")]
    Backend(String),
}

/// Storage of JSON documents by resource type (`kind`, such as `User`) and id.
///
/// Every method is atomic on its own; the server reads, changes and writes back with
/// [`Store::update`]'s `expected` version, so a concurrent change is noticed, never lost.
pub trait Store: Send + Sync + 'static {
    /// Stores a new document at version 1.
    ///
    /// # Errors
    ///
    /// [`StoreError::Taken`] when `unique` is held by another document of `kind`,
    /// [`StoreError::DuplicateId`] when the id is in use.
    fn insert(
        &self,
        kind: &str,
        id: &str,
        unique: Option<&str>,
        document: &str,
    ) -> Result<(), StoreError>;

    /// A number that changes after every successful insert, update or delete through this
    /// store, so a reader can keep what it derived from the documents until it changes.
    /// (Writes by another process to the same SQLite file are not seen.)
    fn generation(&self) -> u64;

    /// The document with this id, if any.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] only.
    fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError>;

    /// The document of `kind` holding the unique key, if any: the index a `userName eq`
    /// filter uses instead of a scan.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] only.
    fn find_unique(&self, kind: &str, key: &str) -> Result<Option<Record>, StoreError>;

    /// Every document of `kind`, in creation order.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] only.
    fn list(&self, kind: &str) -> Result<Vec<Record>, StoreError>;

    /// The id and version of every document of `kind`, in creation order: what a reader
    /// needs to tell which documents it already holds decoded.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] only.
    fn versions(&self, kind: &str) -> Result<Vec<(String, u64)>, StoreError>;

    /// Replaces the document if its version is still `expected`; returns the new version.
    ///
    /// # Errors
    ///
    /// [`StoreError::NotFound`], [`StoreError::Stale`] or [`StoreError::Taken`].
    fn update(
        &self,
        kind: &str,
        id: &str,
        expected: u64,
        unique: Option<&str>,
        document: &str,
    ) -> Result<u64, StoreError>;

    /// Deletes the document; whether it existed.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] only.
    fn delete(&self, kind: &str, id: &str) -> Result<bool, StoreError>;
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The contract every store keeps.
    pub(crate) fn contract(store: &dyn Store) {
        store
            .insert("User", "a", Some("bjensen"), "{\"n\":1}")
            .unwrap();
        store
            .insert("User", "b", Some("jsmith"), "{\"n\":2}")
            .unwrap();
        store.insert("Group", "g", None, "{}").unwrap();
        store.insert("Group", "h", None, "{}").unwrap();
        assert!(matches!(
            store.insert("User", "c", Some("bjensen"), "{}"),
            Err(StoreError::Taken { .. })
        ));
        assert!(matches!(
            store.insert("User", "a", Some("other"), "{}"),
            Err(StoreError::DuplicateId(_))
        ));
        // The refused insert left nothing behind.
        assert_eq!(store.get("User", "c").unwrap(), None);
        let ids: Vec<String> = store
            .list("User")
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(
            store.versions("User").unwrap(),
            [("a".to_owned(), 1), ("b".to_owned(), 1)]
        );

        assert_eq!(
            store.find_unique("User", "jsmith").unwrap().unwrap().id,
            "b"
        );
        assert_eq!(store.find_unique("User", "nobody").unwrap(), None);
        assert_eq!(store.find_unique("Group", "jsmith").unwrap(), None);
        let record = store.get("User", "a").unwrap().unwrap();
        assert_eq!((record.version, record.document.as_str()), (1, "{\"n\":1}"));
        assert!(matches!(
            store.update("User", "a", 1, Some("jsmith"), "{}"),
            Err(StoreError::Taken { .. })
        ));
        assert_eq!(
            store
                .update("User", "a", 1, Some("babs"), "{\"n\":3}")
                .unwrap(),
            2
        );
        assert_eq!(store.versions("User").unwrap()[0], ("a".to_owned(), 2));
        assert!(matches!(
            store.update("User", "a", 1, Some("babs"), "{}"),
            Err(StoreError::Stale {
                expected: 1,
                found: 2,
                ..
            })
        ));
        assert!(matches!(
            store.update("User", "zz", 1, None, "{}"),
            Err(StoreError::NotFound { .. })
        ));
        // The old key is free again, the new one taken.
        store.insert("User", "d", Some("bjensen"), "{}").unwrap();
        assert!(store.insert("User", "e", Some("babs"), "{}").is_err());

        let before = store.generation();
        assert!(store.delete("User", "a").unwrap());
        assert_ne!(
            store.generation(),
            before,
            "a delete changes the generation"
        );
        assert!(!store.delete("User", "a").unwrap());
        store.insert("User", "f", Some("babs"), "{}").unwrap();
        assert_eq!(store.get("Group", "a").unwrap(), None, "kinds are separate");
        assert_eq!(store.list("Group").unwrap().len(), 2);
    }
}
