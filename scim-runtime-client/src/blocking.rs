//! The blocking client: [`BlockingClient`] sends what the sans-IO core prepares over a
//! [`BlockingTransport`].

use http::{HeaderMap, Method};

use crate::call::{Call, Overrides};
use crate::checks::Checks;
use crate::discovery::DiscoveredServer;
use crate::error::{BuildError, DiscoveryError, Error, Exchange};
use crate::methods::client_methods;
use crate::query::Query;
use crate::request::{sensitive_response, Core, Operation, Prepared, QueryMethod};
use crate::transport::BlockingTransport;
use scim_runtime_model::drift::DriftReport;
use scim_runtime_model::dynamic::{DynamicResource, DynamicType};
use scim_runtime_model::exchange::{ClientResource, ListItem, Outcome};
use scim_runtime_model::message::{BulkRequest, BulkResponse, ListResponse, PatchOp};
use scim_runtime_model::schema::Schema;
use scim_runtime_model::Resource;

/// A blocking SCIM client over a [`BlockingTransport`].
#[derive(Debug, Clone)]
pub struct BlockingClient<T> {
    core: Core,
    transport: T,
}

client_methods!(BlockingClient);

impl<T> BlockingClient<T> {
    /// What [`ClientBuilder::build_blocking`](crate::ClientBuilder::build_blocking) makes.
    pub(crate) fn from_core(core: Core, transport: T) -> Self {
        Self { core, transport }
    }

    /// A client with no credentials and every check on.
    ///
    /// # Errors
    ///
    /// An invalid base URL.
    pub fn new(base_url: &str, transport: T) -> Result<Self, BuildError> {
        Ok(Self {
            core: Core::new(base_url)?,
            transport,
        })
    }
}

impl<T: BlockingTransport> BlockingClient<T> {
    /// Prepares, sends and reads one operation.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn execute<O: Outcome>(&self, operation: Operation<O>) -> Result<O, Error> {
        let Prepared { request, reader } = self.core.prepare(operation)?;
        match self.transport.send(request) {
            Ok(response) => reader.read(response),
            Err(e) => Err(reader.transport_error(e)),
        }
    }

    /// Fetches `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` (RFC 7644 §4), as
    /// [`Client::discover`](crate::Client::discover).
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub fn discover(&mut self) -> Result<&DiscoveredServer, Error> {
        self.discover_with(None)
    }

    /// [`discover`](Self::discover) with these checks in place of the client's, as
    /// [`Client::discover_with`](crate::Client::discover_with).
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub fn discover_with(
        &mut self,
        checks: impl Into<Option<Checks>>,
    ) -> Result<&DiscoveredServer, Error> {
        let overrides = Overrides {
            checks: checks.into(),
            expected: None,
        };
        let spc = self.execute(overrides.apply(self.core.service_provider_config()))?;
        self.core.discovery_mut().service_provider_config = Some(spc);
        let types = self.execute(overrides.apply(self.core.resource_types()))?;
        self.core.discovery_mut().resource_types = types.resources;
        let schemas = self.execute(overrides.apply(self.core.schemas()))?;
        self.core.discovery_mut().schemas = schemas.resources;
        Ok(self.core.discovery())
    }

    /// Sends any request, unchecked, as [`Client::raw`](crate::Client::raw).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a bad URL, [`Error::Transport`].
    pub fn raw(
        &self,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let request = self.core.raw_request(method.clone(), path, headers, body)?;
        let url = request.uri().to_string();
        self.transport
            .send(request)
            .map(sensitive_response)
            .map_err(|source| Error::Transport {
                exchange: Exchange::new(method, url, None, &[]),
                source,
            })
    }
}

impl<T: BlockingTransport, O: Outcome> Call<'_, BlockingClient<T>, O> {
    /// Sends the request and reads the response.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn send(self) -> Result<O, Error> {
        self.client.execute(self.operation)
    }
}

impl<'a, T: BlockingTransport, R: 'a> Query<'a, BlockingClient<T>, R>
where
    ListResponse<R>: Outcome,
{
    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn send(self) -> Result<ListResponse<R>, Error> {
        self.client.execute(self.page_operation(&self.client.core))
    }

    /// Every result, fetched page by page as the iterator is read ([`Pager`](crate::Pager)).
    /// The iterator ends after the first error.
    pub fn iter(self) -> impl Iterator<Item = Result<R, Error>> + 'a {
        let mut pager = Some(self.pager(&self.client.core));
        let (client, overrides) = (self.client, self.overrides);
        core::iter::from_fn(move || loop {
            let p = pager.as_mut()?;
            if let Some(item) = p.pop() {
                return Some(Ok(item));
            }
            let Some(op) = p.next_operation(&client.core) else {
                pager = None;
                return None;
            };
            let op = overrides.apply(op);
            let result = client
                .core
                .prepare(op)
                .and_then(|Prepared { request, reader }| {
                    let (method, url) = (reader.method().clone(), reader.url().to_owned());
                    let page = match client.transport.send(request) {
                        Ok(response) => reader.read(response)?,
                        Err(e) => return Err(reader.transport_error(e)),
                    };
                    p.accept(page, || Exchange::new(method, url, None, &[]))
                });
            if let Err(e) = result {
                pager = None;
                return Some(Err(e));
            }
        })
    }
}
