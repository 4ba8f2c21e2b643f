//! Fetching a server's discovery documents (RFC 7644 §4: `/ServiceProviderConfig`,
//! `/ResourceTypes`, `/Schemas`) into one dump that [`Config`] reads.
//!
//! This is the command's only network code; it lives here, not in the generator library, so a
//! build script that generates from files compiles no HTTP client.
//!
//! The documents are kept exactly as served, quirks included, so the generator's lenient reader
//! sees what the server says; the HTTP exchange is checked as `scim-runtime`'s client checks
//! every response (status, content type, SCIM Error bodies).

use std::time::Duration;

use scim_runtime::client::{Auth, BlockingClient, BlockingReqwestTransport, Client};
use serde_json::Value;

use scim_codegen::Config;

/// How long one request may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The three documents, as served.
#[derive(Debug, Clone, PartialEq)]
pub struct Dump {
    /// The body of `GET /Schemas`.
    pub schemas: Value,
    /// The body of `GET /ResourceTypes`.
    pub resource_types: Value,
    /// The body of `GET /ServiceProviderConfig`.
    pub service_provider_config: Value,
}

impl Dump {
    /// The combined document `{"Schemas": .., "ResourceTypes": .., "ServiceProviderConfig": ..}`,
    /// pretty-printed: the shape [`Config::input`] reads as a document holding Schemas,
    /// ResourceTypes and a ServiceProviderConfig together.
    pub fn to_json(&self) -> String {
        let mut document = serde_json::Map::new();
        document.insert("Schemas".to_owned(), self.schemas.clone());
        document.insert("ResourceTypes".to_owned(), self.resource_types.clone());
        document.insert(
            "ServiceProviderConfig".to_owned(),
            self.service_provider_config.clone(),
        );
        let mut text = serde_json::to_string_pretty(&Value::Object(document))
            .unwrap_or_else(|_| String::from("{}"));
        text.push('\n');
        text
    }
}

/// Why a dump could not be fetched. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The base URL cannot be used.
    #[error("invalid base URL `{url}`: {source}")]
    BaseUrl {
        /// The URL as given.
        url: String,
        /// Why the client refused it.
        source: scim_runtime::client::BuildError,
    },
    /// The HTTP client could not be set up.
    #[error("cannot start the HTTP client: {0}")]
    Client(scim_runtime::client::TransportError),
    /// The server could not be reached, or answered with the wrong status, content type or a
    /// body that is not JSON, or with a SCIM Error; the message has the method, URL and status.
    #[error("{document}: {source}")]
    Request {
        /// `/Schemas`, `/ResourceTypes` or `/ServiceProviderConfig`.
        document: &'static str,
        /// The client's error.
        source: Box<scim_runtime::client::Error>,
    },
    /// The server answered with JSON the generator cannot read.
    #[error("{document}: the response cannot be read as {expected}: {reason}")]
    Unreadable {
        /// `/Schemas`, `/ResourceTypes` or `/ServiceProviderConfig`.
        document: &'static str,
        /// What it should have been.
        expected: &'static str,
        /// What the reader said.
        reason: String,
    },
}

/// Fetches `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` from `base_url`, with a
/// bearer token if given, over `scim-runtime`'s blocking client.
///
/// # Errors
///
/// See [`FetchError`]. The Schemas and ResourceTypes are also read as the generator reads them:
/// a response it cannot read, or `/Schemas` without any schema, is an error here rather than
/// when generating.
pub fn fetch(base_url: &str, bearer: Option<&str>) -> Result<Dump, FetchError> {
    let transport = BlockingReqwestTransport::with_timeout(TIMEOUT).map_err(FetchError::Client)?;
    let mut builder = Client::builder(base_url);
    if let Some(token) = bearer {
        builder = builder.auth(Auth::bearer(token));
    }
    let client = builder
        .build_blocking(transport)
        .map_err(|source| FetchError::BaseUrl {
            url: base_url.to_owned(),
            source,
        })?;
    let service_provider_config = get(&client, "/ServiceProviderConfig")?;
    if !service_provider_config.is_object() {
        return Err(FetchError::Unreadable {
            document: "/ServiceProviderConfig",
            expected: "a ServiceProviderConfig object",
            reason: format!("found {}", kind_of(&service_provider_config)),
        });
    }
    let resource_types = get(&client, "/ResourceTypes")?;
    let schemas = get(&client, "/Schemas")?;
    let dump = Dump {
        schemas,
        resource_types,
        service_provider_config,
    };
    check_readable(&dump)?;
    Ok(dump)
}

fn get<T: scim_runtime::client::BlockingTransport>(
    client: &BlockingClient<T>,
    document: &'static str,
) -> Result<Value, FetchError> {
    client
        .execute(client.core().get_json(document))
        .map_err(|source| FetchError::Request {
            document,
            source: Box::new(source),
        })
}

/// Reads the documents as `generate` will, so a dump that cannot be used is refused now.
fn check_readable(dump: &Dump) -> Result<(), FetchError> {
    let read = |document: &'static str, expected: &'static str, value: &Value| {
        let documents = Config::new()
            .input_json(document, value.to_string())
            .read_documents()
            .map_err(|e| FetchError::Unreadable {
                document,
                expected,
                reason: e.to_string().replace(['\n', '\r'], " "),
            })?;
        Ok::<_, FetchError>(documents)
    };
    let schemas = read("/Schemas", "Schemas", &dump.schemas)?;
    if schemas.schemas.is_empty() {
        return Err(FetchError::Unreadable {
            document: "/Schemas",
            expected: "Schemas",
            reason: "it holds no schema".to_owned(),
        });
    }
    read("/ResourceTypes", "ResourceTypes", &dump.resource_types)?;
    Ok(())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dump_is_one_document_the_generator_reads() {
        let dump = Dump {
            schemas: serde_json::json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": 1,
                "Resources": [{"id": "urn:example:2.0:Device", "name": "Device",
                    "attributes": [{"name": "serial", "type": "string"}]}]
            }),
            resource_types: serde_json::json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": 1,
                "Resources": [{"id": "Device", "name": "Device", "endpoint": "/Devices",
                    "schema": "urn:example:2.0:Device"}]
            }),
            service_provider_config: serde_json::json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                "patch": {"supported": true}
            }),
        };
        check_readable(&dump).unwrap();
        let documents = Config::new()
            .input_json("dump.json", dump.to_json())
            .read_documents()
            .unwrap();
        assert_eq!(documents.schemas.len(), 1);
        assert_eq!(documents.resource_types.len(), 1);
        assert_eq!(
            documents.resource_types[0].endpoint.as_deref(),
            Some("/Devices")
        );
        let back: Value = serde_json::from_str(&dump.to_json()).unwrap();
        assert_eq!(back["ServiceProviderConfig"], dump.service_provider_config);
    }

    #[test]
    fn schemas_without_a_schema_are_refused() {
        let empty = serde_json::json!({"Resources": []});
        let dump = Dump {
            schemas: empty.clone(),
            resource_types: empty,
            service_provider_config: serde_json::json!({}),
        };
        let error = check_readable(&dump).unwrap_err();
        assert_eq!(
            error.to_string(),
            "/Schemas: the response cannot be read as Schemas: it holds no schema"
        );
    }
}
