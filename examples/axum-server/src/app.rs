//! The application: its shared state, its configuration as published in
//! `/ServiceProviderConfig`, and the axum [`Router`] over every endpoint.

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use scim_runtime::schema::{
    AuthenticationScheme, BulkConfig, FilterConfig, PaginationConfig, Supported,
};
use scim_runtime::server::{CursorCodec, Discovery, ScimError};
use scim_runtime::{Group, Reference, ServiceProviderConfig, User};
use std::time::Duration;

use crate::storage::Store;
use crate::{auth, bulk, handlers};

/// Limits the server enforces and advertises (RFC 7644 §3.4.2.4, §3.7.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest page of a list or search; also the page size when `count` is absent.
    pub max_results: usize,
    /// The most operations in one bulk request.
    pub max_operations: usize,
    /// The largest bulk request body, in bytes.
    pub max_payload_size: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_results: 1000,
            max_operations: 1000,
            max_payload_size: 1_048_576,
        }
    }
}

/// What every request handler shares.
pub struct AppState {
    /// Where resources live.
    pub store: Box<dyn Store>,
    /// The base URL, such as `http://127.0.0.1:8080/v2`, without a trailing slash.
    pub base_url: String,
    /// The bearer token every request must carry, if any.
    pub token: Option<String>,
    /// The limits.
    pub limits: Limits,
    /// The discovery documents.
    pub discovery: Discovery,
    /// Resources decoded by earlier lists.
    pub cache: crate::resources::DecodedCache,
    /// Makes and checks the cursors of cursor pagination (RFC 9865).
    pub cursors: CursorCodec,
    /// The `userName` of the User that the bearer token authenticates as: the resource `/Me`
    /// stands for (RFC 7644 §3.11). `None`: the server has no `/Me` and answers 501.
    pub me: Option<String>,
}

/// How long a cursor stays valid, advertised as `pagination.cursorTimeout`.
pub const CURSOR_TIMEOUT: Duration = Duration::from_secs(3600);

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("base_url", &self.base_url)
            .field("limits", &self.limits)
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .field("me", &self.me)
            .finish_non_exhaustive()
    }
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

impl AppState {
    /// The state of a server at `base_url` (the URL of its `/v2` root).
    pub fn new(
        store: Box<dyn Store>,
        base_url: &str,
        token: Option<String>,
        limits: Limits,
    ) -> Self {
        let base_url = base_url.trim_end_matches('/').to_owned();
        let discovery =
            Discovery::new(service_provider_config(&limits, token.is_some()), &base_url)
                .with_resource::<User>()
                .with_resource::<Group>();
        Self {
            store,
            base_url,
            token,
            limits,
            discovery,
            cache: crate::resources::DecodedCache::default(),
            cursors: CursorCodec::new(random_key()).with_timeout(CURSOR_TIMEOUT),
            me: None,
        }
    }

    /// The bearer token (or, without one, every request) authenticates as the User with this
    /// `userName`, which `/Me` then stands for.
    #[must_use]
    pub fn with_me(mut self, user_name: impl Into<String>) -> Self {
        self.me = Some(user_name.into());
        self
    }

    /// Signs cursors with this key instead of one drawn at start, so that cursors stay valid
    /// across restarts and across instances that share the key.
    #[must_use]
    pub fn with_cursor_key(mut self, key: impl Into<Vec<u8>>) -> Self {
        self.cursors = CursorCodec::new(key).with_timeout(CURSOR_TIMEOUT);
        self
    }

    /// The URL of a resource: base URL, endpoint, id (RFC 7643 §3.1 `meta.location`).
    pub fn location(&self, endpoint: &str, id: &str) -> String {
        format!("{}{endpoint}/{id}", self.base_url)
    }
}

/// What the server supports, as `/ServiceProviderConfig` says it (RFC 7643 §5).
fn service_provider_config(limits: &Limits, bearer: bool) -> ServiceProviderConfig {
    let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let authentication_schemes = if bearer {
        vec![AuthenticationScheme {
            r#type: Some("oauthbearertoken".into()),
            name: Some("OAuth Bearer Token".into()),
            description: Some("Authentication with a bearer token (RFC 6750)".into()),
            spec_uri: Some(Reference::new("https://www.rfc-editor.org/rfc/rfc6750")),
            primary: Some(true),
            ..Default::default()
        }]
    } else {
        Vec::new()
    };
    ServiceProviderConfig {
        patch: Some(Supported::new(true)),
        bulk: Some(BulkConfig {
            supported: Some(true),
            max_operations: Some(to_i64(limits.max_operations)),
            max_payload_size: Some(to_i64(limits.max_payload_size)),
            ..Default::default()
        }),
        filter: Some(FilterConfig {
            supported: Some(true),
            max_results: Some(to_i64(limits.max_results)),
            ..Default::default()
        }),
        change_password: Some(Supported::new(true)),
        sort: Some(Supported::new(true)),
        etag: Some(Supported::new(true)),
        authentication_schemes,
        // Both ways of paging (RFC 9865); index by default, as RFC 7644 clients expect.
        pagination: Some(PaginationConfig {
            cursor: Some(true),
            index: Some(true),
            default_pagination_method: Some("index".into()),
            default_page_size: Some(to_i64(limits.max_results)),
            max_page_size: Some(to_i64(limits.max_results)),
            cursor_timeout: Some(i64::try_from(CURSOR_TIMEOUT.as_secs()).unwrap_or(i64::MAX)),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A key for the cursors of one run: 256 bits from four hashers, each seeded by the
/// standard library from the operating system's randomness. A real service configures a
/// key it keeps secret ([`AppState::with_cursor_key`]).
fn random_key() -> Vec<u8> {
    use std::hash::{BuildHasher, Hasher};
    let mut key = Vec::with_capacity(32);
    for i in 0..4u64 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(i);
        key.extend_from_slice(&hasher.finish().to_be_bytes());
    }
    key
}

/// The router: every endpoint under `/v2` (RFC 7644 §3.2), behind bearer authentication when
/// a token is set. Paths no route takes go to the discovery endpoints, then to a SCIM 404.
pub fn router(state: Shared) -> Router {
    let v2 = Router::new()
        .route(
            "/Users",
            get(handlers::list::<User>).post(handlers::create::<User>),
        )
        .route(
            "/Users/{id}",
            get(handlers::read::<User>)
                .put(handlers::replace::<User>)
                .patch(handlers::patch::<User>)
                .delete(handlers::delete::<User>),
        )
        .route("/Users/.search", post(handlers::search::<User>))
        .route(
            "/Groups",
            get(handlers::list::<Group>).post(handlers::create::<Group>),
        )
        .route(
            "/Groups/{id}",
            get(handlers::read::<Group>)
                .put(handlers::replace::<Group>)
                .patch(handlers::patch::<Group>)
                .delete(handlers::delete::<Group>),
        )
        .route("/Groups/.search", post(handlers::search::<Group>))
        .route(
            "/Me",
            get(handlers::me_read)
                .put(handlers::me_replace)
                .patch(handlers::me_patch)
                .delete(handlers::me_delete),
        )
        .route("/.search", post(handlers::search_all))
        .route("/Bulk", post(bulk::handle))
        .fallback(handlers::fallback)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_bearer,
        ))
        .with_state(state);
    Router::new().nest("/v2", v2).fallback(handlers::not_found)
}

/// Turns a store failure into the SCIM error a client sees.
pub(crate) fn store_error(error: crate::storage::StoreError) -> ScimError {
    use crate::storage::StoreError as E;
    match &error {
        E::Taken { .. } => ScimError::uniqueness(error.to_string()),
        E::NotFound { .. } => ScimError::not_found(error.to_string()),
        E::Stale { .. } => ScimError::precondition_failed(error.to_string()),
        E::DuplicateId(_) | E::Backend(_) => ScimError::new(
            http::StatusCode::INTERNAL_SERVER_ERROR,
            None,
            error.to_string(),
        ),
    }
}
