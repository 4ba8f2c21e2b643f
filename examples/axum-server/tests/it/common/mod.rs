//! Starting the example server inside a test: its router for in-process calls, or served on a
//! free loopback port by a task of the test's runtime.

#![allow(dead_code)] // Each test binary uses part of this.

use std::sync::Arc;

use scim_example_server::storage::{MemoryStore, SqliteStore, Store};
use scim_example_server::{bind, router, AppState, Limits, Shared};

/// The base URL in-process clients use; the router ignores the host.
pub const IN_PROCESS: &str = "http://in-process/v2";

/// The state of a server with an in-memory store.
pub fn memory_state(base_url: &str, token: Option<&str>) -> Shared {
    state(Box::new(MemoryStore::new()), base_url, token)
}

/// The state of a server with an SQLite store in memory.
pub fn sqlite_state(base_url: &str, token: Option<&str>) -> Shared {
    state(
        Box::new(SqliteStore::in_memory().expect("SQLite")),
        base_url,
        token,
    )
}

fn state(store: Box<dyn Store>, base_url: &str, token: Option<&str>) -> Shared {
    Arc::new(AppState::new(
        store,
        base_url,
        token.map(str::to_owned),
        Limits::default(),
    ))
}

/// Serves a fresh SQLite-backed server on a free loopback port; its base URL and state.
pub async fn loopback(token: Option<&str>) -> (String, Shared) {
    let (listener, base_url) = bind(0).await.expect("bind a free port");
    let state = sqlite_state(&base_url, token);
    let app = router(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base_url, state)
}
