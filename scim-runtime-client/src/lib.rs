#![doc = include_str!("../README.md")]

mod async_client;
mod auth;
mod blocking;
mod builder;
mod call;
mod checks;
mod discovery;
mod error;
mod methods;
mod operation_kind;
mod paging;
mod query;
mod request;
mod response;
mod transport;
mod url;

#[cfg(test)]
mod tests;

pub use async_client::Client;
pub use auth::{Auth, Secret};
pub use blocking::BlockingClient;
pub use builder::ClientBuilder;
pub use call::Call;
pub use checks::Checks;
pub use discovery::DiscoveredServer;
#[allow(deprecated)]
pub use discovery::Discovery;
pub use error::{
    BuildError, DiscoveryError, Error, Exchange, RequestError, TransportError, TransportErrorKind,
    BODY_EXCERPT_LEN,
};
pub use operation_kind::OperationKind;
pub use paging::{Pager, Paging};
pub use query::Query;
pub use request::{Core, Operation, Prepared, QueryMethod};
pub use response::Reader;
pub use scim_runtime_model::exchange::{ClientResource, ListItem, Outcome};
pub use transport::{BlockingTransport, Transport};
#[allow(deprecated)]
pub use {request::SCIM_JSON, response::is_scim_content_type};

#[cfg(feature = "reqwest")]
pub use transport::reqwest_async::ReqwestTransport;
#[cfg(feature = "blocking")]
pub use transport::reqwest_blocking::BlockingReqwestTransport;
#[cfg(feature = "tower")]
pub use transport::tower::TowerTransport;
