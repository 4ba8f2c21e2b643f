//! The discovery endpoints (RFC 7644 §4): `/ServiceProviderConfig`, `/Schemas` and
//! `/ResourceTypes`, each by id too.

use http::{Method, Response, StatusCode};

use scim_runtime_model::message::ListResponse;
use scim_runtime_model::schema::{ResourceType, Schema, ServiceProviderConfig};
use scim_runtime_model::validation::ScimType;
use scim_runtime_model::Reference;
use scim_runtime_model::Resource;

use super::{scim_response, ScimError};

/// What a service provider publishes about itself, built from the types it serves.
///
/// ```
/// use scim_runtime::server::Discovery;
/// use scim_runtime::{Group, ServiceProviderConfig, User};
///
/// let discovery = Discovery::new(ServiceProviderConfig::default(), "https://example.com/v2")
///     .with_resource::<User>()
///     .with_resource::<Group>();
/// let response = discovery.handle(&http::Method::GET, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", None).unwrap();
/// assert_eq!(response.status(), 200);
/// assert_eq!(discovery.schemas().len(), 3); // User, EnterpriseUser, Group
/// ```
#[derive(Debug, Clone)]
pub struct Discovery {
    base_url: String,
    config: ServiceProviderConfig,
    resource_types: Vec<ResourceType>,
    schemas: Vec<Schema>,
}

impl Discovery {
    /// Discovery documents for a server at `base_url` with this configuration.
    pub fn new(config: ServiceProviderConfig, base_url: &str) -> Self {
        let base_url = base_url.trim_end_matches('/').to_owned();
        let mut config = config;
        let meta = config.meta.get_or_insert_with(Default::default);
        meta.resource_type
            .get_or_insert_with(|| "ServiceProviderConfig".to_owned());
        meta.location
            .get_or_insert_with(|| Reference::new(format!("{base_url}/ServiceProviderConfig")));
        Self {
            base_url,
            config,
            resource_types: Vec::new(),
            schemas: Vec::new(),
        }
    }

    /// Adds a resource type and its schemas (each schema once).
    pub fn with_resource<T: Resource>(mut self) -> Self {
        let mut resource_type = T::resource_type();
        if let Some(meta) = &mut resource_type.meta {
            meta.location = meta
                .location
                .take()
                .map(|l| Reference::new(format!("{}{}", self.base_url, l.as_str())));
        }
        self.resource_types.push(resource_type);
        for mut schema in T::schemas() {
            if self.schemas.iter().any(|s| s.id == schema.id) {
                continue;
            }
            if let Some(meta) = &mut schema.meta {
                meta.location = meta
                    .location
                    .take()
                    .map(|l| Reference::new(format!("{}{}", self.base_url, l.as_str())));
            }
            self.schemas.push(schema);
        }
        self
    }

    /// The configuration.
    pub fn config(&self) -> &ServiceProviderConfig {
        &self.config
    }

    /// The resource types.
    pub fn resource_types(&self) -> &[ResourceType] {
        &self.resource_types
    }

    /// The schemas.
    pub fn schemas(&self) -> &[Schema] {
        &self.schemas
    }

    /// Answers a request for a discovery endpoint, or `None` when `path` (relative to the base
    /// URL, e.g. `/Schemas/urn:...:User`) is not one. A `filter` on these endpoints is answered
    /// with 403, as RFC 7644 §4 says.
    pub fn handle(
        &self,
        method: &Method,
        path: &str,
        query: Option<&str>,
    ) -> Option<Response<Vec<u8>>> {
        let path = path.trim_end_matches('/');
        let (collection, id) = match path.trim_start_matches('/').split_once('/') {
            Some((c, id)) => (c, Some(id)),
            None => (path.trim_start_matches('/'), None),
        };
        let known = ["ServiceProviderConfig", "Schemas", "ResourceTypes"];
        if !known.iter().any(|k| k.eq_ignore_ascii_case(collection)) {
            return None;
        }
        if method != Method::GET {
            return Some(
                ScimError::new(
                    StatusCode::METHOD_NOT_ALLOWED,
                    None,
                    format!("{method} is not allowed on /{collection}"),
                )
                .into_response(),
            );
        }
        if query.is_some_and(|q| {
            form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k.eq_ignore_ascii_case("filter"))
        }) {
            return Some(
                ScimError::new(
                    StatusCode::FORBIDDEN,
                    None,
                    "discovery endpoints cannot be filtered",
                )
                .into_response(),
            );
        }
        let json = |value: serde_json::Result<Vec<u8>>| {
            scim_response(StatusCode::OK, value.unwrap_or_default())
        };
        let not_found = |what: &str, id: &str| {
            ScimError::not_found(format!("no {what} `{id}`")).into_response()
        };
        Some(match (collection.to_ascii_lowercase().as_str(), id) {
            ("serviceproviderconfig", None) => json(serde_json::to_vec(&self.config)),
            ("serviceproviderconfig", Some(_)) => ScimError::bad_request(
                ScimType::InvalidPath,
                "/ServiceProviderConfig has no members",
            )
            .into_response(),
            ("schemas", None) => json(serde_json::to_vec(&list(self.schemas.clone()))),
            ("schemas", Some(id)) => {
                match self.schemas.iter().find(|s| s.id.eq_ignore_ascii_case(id)) {
                    Some(s) => json(serde_json::to_vec(s)),
                    None => not_found("schema", id),
                }
            }
            ("resourcetypes", None) => json(serde_json::to_vec(&list(self.resource_types.clone()))),
            (_, Some(id)) => match self
                .resource_types
                .iter()
                .find(|r| r.id.as_deref().is_some_and(|i| i.eq_ignore_ascii_case(id)))
            {
                Some(r) => json(serde_json::to_vec(r)),
                None => not_found("resource type", id),
            },
            (_, None) => return None,
        })
    }
}

fn list<T>(items: Vec<T>) -> ListResponse<T> {
    let total = items.len() as u64;
    ListResponse::new(items, total, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scim_runtime_model::{Group, User};

    fn discovery() -> Discovery {
        Discovery::new(ServiceProviderConfig::default(), "https://example.com/v2/")
            .with_resource::<User>()
            .with_resource::<Group>()
    }

    fn get(path: &str) -> (StatusCode, serde_json::Value) {
        let r = discovery()
            .handle(&Method::GET, path, None)
            .expect("a discovery endpoint");
        (r.status(), serde_json::from_slice(r.body()).unwrap())
    }

    #[test]
    fn serves_every_endpoint() {
        let (status, body) = get("/Schemas");
        assert_eq!(
            (status, body["totalResults"].as_u64()),
            (StatusCode::OK, Some(3))
        );
        let (_, body) = get("/ResourceTypes/User");
        assert_eq!(body["endpoint"], "/Users");
        assert_eq!(
            body["meta"]["location"],
            "https://example.com/v2/ResourceTypes/User"
        );
        assert_eq!(
            body["schemaExtensions"][0]["schema"],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        );
        let (_, body) = get("/schemas/URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER");
        assert_eq!(body["attributes"][0]["name"], "userName");
        let (_, body) = get("/ServiceProviderConfig");
        assert_eq!(
            body["meta"]["location"],
            "https://example.com/v2/ServiceProviderConfig"
        );
        let (status, body) = get("/ResourceTypes/Printer");
        assert_eq!(
            (status, body["status"].as_str()),
            (StatusCode::NOT_FOUND, Some("404"))
        );
        assert!(discovery().handle(&Method::GET, "/Users", None).is_none());
        let r = discovery()
            .handle(&Method::GET, "/Schemas", Some("filter=id+pr"))
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = discovery().handle(&Method::POST, "/Schemas", None).unwrap();
        assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    }
}
