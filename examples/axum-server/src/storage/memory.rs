//! An in-memory store: documents lost when the process ends.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

use super::{Record, Store, StoreError};

#[derive(Debug, Default)]
struct Kind {
    /// Creation sequence number → document, so listing keeps creation order.
    records: BTreeMap<u64, Record>,
    /// Id → sequence number.
    ids: HashMap<String, u64>,
    /// Unique key → id.
    unique: HashMap<String, String>,
    /// Id → unique key.
    keys: HashMap<String, String>,
}

/// Documents in a map behind a mutex.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    generation: u64,
    kinds: HashMap<String, Kind>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-written document: every change
        // below is made after its checks, so the data is still consistent.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn taken(kind: &str, key: &str) -> StoreError {
    StoreError::Taken {
        kind: kind.to_owned(),
        key: key.to_owned(),
    }
}

impl Store for MemoryStore {
    fn insert(
        &self,
        kind: &str,
        id: &str,
        unique: Option<&str>,
        document: &str,
    ) -> Result<(), StoreError> {
        let mut inner = self.lock();
        inner.next += 1;
        let seq = inner.next;
        let k = inner.kinds.entry(kind.to_owned()).or_default();
        if k.ids.contains_key(id) {
            return Err(StoreError::DuplicateId(id.to_owned()));
        }
        if let Some(key) = unique {
            if k.unique.contains_key(key) {
                return Err(taken(kind, key));
            }
            k.unique.insert(key.to_owned(), id.to_owned());
            k.keys.insert(id.to_owned(), key.to_owned());
        }
        k.ids.insert(id.to_owned(), seq);
        k.records.insert(
            seq,
            Record {
                id: id.to_owned(),
                version: 1,
                document: document.to_owned(),
            },
        );
        inner.generation += 1;
        Ok(())
    }

    fn generation(&self) -> u64 {
        self.lock().generation
    }

    fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        let inner = self.lock();
        Ok(inner
            .kinds
            .get(kind)
            .and_then(|k| k.ids.get(id).and_then(|seq| k.records.get(seq)))
            .cloned())
    }

    fn find_unique(&self, kind: &str, key: &str) -> Result<Option<Record>, StoreError> {
        let inner = self.lock();
        Ok(inner.kinds.get(kind).and_then(|k| {
            let id = k.unique.get(key)?;
            k.ids.get(id).and_then(|seq| k.records.get(seq)).cloned()
        }))
    }

    fn list(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        let inner = self.lock();
        Ok(inner
            .kinds
            .get(kind)
            .map(|k| k.records.values().cloned().collect())
            .unwrap_or_default())
    }

    fn versions(&self, kind: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let inner = self.lock();
        Ok(inner
            .kinds
            .get(kind)
            .map(|k| {
                k.records
                    .values()
                    .map(|r| (r.id.clone(), r.version))
                    .collect()
            })
            .unwrap_or_default())
    }

    fn update(
        &self,
        kind: &str,
        id: &str,
        expected: u64,
        unique: Option<&str>,
        document: &str,
    ) -> Result<u64, StoreError> {
        let mut inner = self.lock();
        let not_found = || StoreError::NotFound {
            kind: kind.to_owned(),
            id: id.to_owned(),
        };
        let k = inner.kinds.get_mut(kind).ok_or_else(not_found)?;
        let seq = *k.ids.get(id).ok_or_else(not_found)?;
        let found = k.records.get(&seq).map_or(0, |r| r.version);
        if found != expected {
            return Err(StoreError::Stale {
                kind: kind.to_owned(),
                id: id.to_owned(),
                expected,
                found,
            });
        }
        if let Some(key) = unique {
            if k.unique.get(key).is_some_and(|holder| holder != id) {
                return Err(taken(kind, key));
            }
        }
        if let Some(old) = k.keys.remove(id) {
            k.unique.remove(&old);
        }
        if let Some(key) = unique {
            k.unique.insert(key.to_owned(), id.to_owned());
            k.keys.insert(id.to_owned(), key.to_owned());
        }
        let record = k.records.get_mut(&seq).ok_or_else(not_found)?;
        record.version = expected + 1;
        record.document = document.to_owned();
        let version = record.version;
        inner.generation += 1;
        Ok(version)
    }

    fn delete(&self, kind: &str, id: &str) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        let Some(k) = inner.kinds.get_mut(kind) else {
            return Ok(false);
        };
        let Some(seq) = k.ids.remove(id) else {
            return Ok(false);
        };
        k.records.remove(&seq);
        if let Some(key) = k.keys.remove(id) {
            k.unique.remove(&key);
        }
        inner.generation += 1;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_store_contract() {
        super::super::tests::contract(&super::MemoryStore::new());
    }
}
