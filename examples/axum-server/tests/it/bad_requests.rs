//! Bad requests get the right SCIM status and scimType, and leave the stored data as it was
//! (read back after each one).

use crate::common;

use http::header::{AUTHORIZATION, CONTENT_TYPE, IF_MATCH};
use http::{HeaderMap, HeaderValue, Method};
use scim_example_server::{router, Shared};
use scim_runtime::client::{Auth, Client, TowerTransport};
use serde_json::{json, Value};

const TOKEN: &str = "bad-requests-token";

struct Server {
    client: Client<TowerTransport<axum::Router>>,
    anonymous: Client<TowerTransport<axum::Router>>,
    state: Shared,
    id: String,
}

impl Server {
    async fn start(state: Shared) -> Self {
        let app = router(state.clone());
        let client = Client::builder(common::IN_PROCESS)
            .auth(Auth::bearer(TOKEN))
            .build(TowerTransport::new(app.clone()))
            .unwrap();
        let anonymous = Client::new(common::IN_PROCESS, TowerTransport::new(app)).unwrap();
        let mut server = Self {
            client,
            anonymous,
            state,
            id: String::new(),
        };
        let (status, body) = server
            .send(
                Method::POST,
                "/Users",
                Some("application/scim+json"),
                json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "bjensen", "displayName": "Babs",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"}})
                .to_string(),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        server.id = body["id"].as_str().unwrap().to_owned();
        let (status, _) = server
            .send(
                Method::POST,
                "/Users",
                Some("application/scim+json"),
                json!({"userName": "jsmith"}).to_string(),
            )
            .await;
        assert_eq!(status, 201);
        server
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: String,
    ) -> (u16, Value) {
        self.send_with(
            &self.client,
            method,
            path,
            content_type,
            HeaderMap::new(),
            body,
        )
        .await
    }

    async fn send_with(
        &self,
        client: &Client<TowerTransport<axum::Router>>,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        mut headers: HeaderMap,
        body: String,
    ) -> (u16, Value) {
        if let Some(ct) = content_type {
            headers.insert(CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        }
        let response = client
            .raw(method, path, headers, body.into_bytes())
            .await
            .expect("a response");
        assert_eq!(
            response.headers()[CONTENT_TYPE],
            "application/scim+json",
            "every answer is SCIM JSON"
        );
        let body = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
        (response.status().as_u16(), body)
    }

    /// Everything stored, as the server returns it and as the store holds it.
    async fn snapshot(&self) -> (Value, Value, Vec<String>) {
        let (_, user) = self
            .send(
                Method::GET,
                &format!("/Users/{}", self.id),
                None,
                String::new(),
            )
            .await;
        let (_, list) = self.send(Method::GET, "/Users", None, String::new()).await;
        let stored = self
            .state
            .store
            .list("User")
            .unwrap()
            .into_iter()
            .map(|r| format!("{} {} {}", r.id, r.version, r.document))
            .collect();
        (user, list, stored)
    }

    /// Sends a bad request; checks its status and scimType and that nothing changed.
    async fn refused(
        &self,
        client: Option<&Client<TowerTransport<axum::Router>>>,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: &str,
        expected: (u16, Option<&str>),
    ) {
        let before = self.snapshot().await;
        let path = path.replace("{id}", &self.id);
        let (status, error) = self
            .send_with(
                client.unwrap_or(&self.client),
                method.clone(),
                &path,
                None,
                headers,
                body.to_owned(),
            )
            .await;
        assert_eq!(
            (status, error["scimType"].as_str()),
            expected,
            "{method} {path} {body}: {error}"
        );
        assert_eq!(
            error["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:Error"
        );
        assert_eq!(
            error["status"],
            expected.0.to_string(),
            "status is a string"
        );
        assert_eq!(
            self.snapshot().await,
            before,
            "{method} {path} changed the data"
        );
    }
}

/// Request headers with this content type.
fn headers(content_type: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(ct) = content_type {
        headers.insert(CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
    }
    headers
}

async fn every_bad_request_is_refused_and_changes_nothing(state: Shared) {
    let server = Server::start(state).await;
    let scim = Some("application/scim+json");
    let user = "/Users/{id}";

    // Invalid JSON: 400 invalidSyntax (RFC 7644 §3.12).
    for (method, path) in [
        (Method::POST, "/Users"),
        (Method::PUT, user),
        (Method::PATCH, user),
    ] {
        server
            .refused(
                None,
                method,
                path,
                headers(scim),
                r#"{"userName": "x",,}"#,
                (400, Some("invalidSyntax")),
            )
            .await;
    }
    server
        .refused(
            None,
            Method::POST,
            "/Users/.search",
            headers(scim),
            "[",
            (400, Some("invalidSyntax")),
        )
        .await;

    // An attribute the schema does not define: 400 invalidSyntax, as scim2-server answers.
    server
        .refused(
            None,
            Method::POST,
            "/Users",
            headers(scim),
            r#"{"userName": "new", "favouriteColour": "blue"}"#,
            (400, Some("invalidSyntax")),
        )
        .await;
    server
        .refused(
            None,
            Method::PUT,
            user,
            headers(scim),
            r#"{"userName": "bjensen", "displayName": "B", "favouriteColour": "blue"}"#,
            (400, Some("invalidSyntax")),
        )
        .await;

    // A bad filter: 400 invalidFilter (RFC 7644 §3.4.2.2), on GET and in a search body.
    server
        .refused(
            None,
            Method::GET,
            "/Users?filter=userName%20eq",
            headers(None),
            "",
            (400, Some("invalidFilter")),
        )
        .await;
    server
        .refused(None, Method::POST, "/.search", headers(scim),
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "filter": "userName zz \"x\""}"#,
            (400, Some("invalidFilter")))
        .await;
    // Ordering a boolean or a binary attribute "SHALL cause a failed response" with
    // invalidFilter (RFC 7644 §3.4.2.2).
    for filter in [
        "active%20gt%20false",
        "x509Certificates.value%20lt%20%22MIID%22",
    ] {
        server
            .refused(
                None,
                Method::GET,
                &format!("/Users?filter={filter}"),
                headers(None),
                "",
                (400, Some("invalidFilter")),
            )
            .await;
    }

    // A readOnly attribute in PATCH: 400 mutability (RFC 7644 §3.5.2); atomic, so the valid
    // first operation is not applied either.
    let patch = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
        {"op": "replace", "path": "displayName", "value": "Changed"},
        {"op": "replace", "path": "id", "value": "another-id"}]});
    server
        .refused(
            None,
            Method::PATCH,
            user,
            headers(scim),
            &patch.to_string(),
            (400, Some("mutability")),
        )
        .await;

    // A body that is not JSON: 415.
    for (method, path) in [
        (Method::POST, "/Users"),
        (Method::PUT, user),
        (Method::PATCH, user),
        (Method::POST, "/Bulk"),
    ] {
        server
            .refused(
                None,
                method,
                path,
                headers(Some("text/plain")),
                r#"{"userName": "x"}"#,
                (415, None),
            )
            .await;
    }

    // No token, or a wrong one: 401.
    for method in [Method::GET, Method::DELETE] {
        server
            .refused(
                Some(&server.anonymous),
                method,
                user,
                headers(None),
                "",
                (401, None),
            )
            .await;
    }
    let mut wrong = headers(scim);
    wrong.insert(
        AUTHORIZATION,
        HeaderValue::from_static("Bearer not-the-token"),
    );
    server
        .refused(
            Some(&server.anonymous),
            Method::POST,
            "/Users",
            wrong,
            r#"{"userName": "x"}"#,
            (401, None),
        )
        .await;

    // A userName taken in another case: 409 uniqueness (RFC 7643 §4.1.1).
    server
        .refused(
            None,
            Method::POST,
            "/Users",
            headers(scim),
            r#"{"userName": "BJensen"}"#,
            (409, Some("uniqueness")),
        )
        .await;
    server
        .refused(
            None,
            Method::PUT,
            user,
            headers(scim),
            r#"{"userName": "JSMITH"}"#,
            (409, Some("uniqueness")),
        )
        .await;

    // A stale If-Match: 412 (RFC 7644 §3.14).
    let mut stale = HeaderMap::new();
    stale.insert(IF_MATCH, HeaderValue::from_static("W/\"0\""));
    server
        .refused(None, Method::DELETE, user, stale, "", (412, None))
        .await;

    // A group member that does not exist: 400 invalidValue.
    server
        .refused(
            None,
            Method::POST,
            "/Groups",
            headers(scim),
            r#"{"displayName": "G", "members": [{"value": "no-such-id"}]}"#,
            (400, Some("invalidValue")),
        )
        .await;
}

#[tokio::test]
async fn with_the_memory_store() {
    every_bad_request_is_refused_and_changes_nothing(common::memory_state(
        common::IN_PROCESS,
        Some(TOKEN),
    ))
    .await;
}

#[tokio::test]
async fn with_the_sqlite_store() {
    every_bad_request_is_refused_and_changes_nothing(common::sqlite_state(
        common::IN_PROCESS,
        Some(TOKEN),
    ))
    .await;
}
