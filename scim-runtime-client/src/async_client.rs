//! The async client: [`Client`] sends what the sans-IO core prepares over a [`Transport`].

use http::{HeaderMap, Method};

use crate::call::{Call, Overrides};
use crate::checks::Checks;
use crate::discovery::DiscoveredServer;
use crate::error::{BuildError, DiscoveryError, Error, Exchange};
use crate::methods::client_methods;
use crate::paging::Pager;
use crate::query::Query;
use crate::request::{sensitive_response, Core, Operation, Prepared, QueryMethod};
use crate::transport::Transport;
use scim_runtime_model::drift::DriftReport;
use scim_runtime_model::dynamic::{DynamicResource, DynamicType};
use scim_runtime_model::exchange::{ClientResource, ListItem, Outcome};
use scim_runtime_model::message::{BulkRequest, BulkResponse, ListResponse, PatchOp};
use scim_runtime_model::schema::Schema;
use scim_runtime_model::Resource;

/// An async SCIM client over a [`Transport`].
#[derive(Debug, Clone)]
pub struct Client<T> {
    core: Core,
    transport: T,
}

client_methods!(Client);

impl<T> Client<T> {
    /// What [`ClientBuilder::build`](crate::ClientBuilder::build) makes.
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

impl<T: Transport> Client<T> {
    /// Prepares, sends and reads one operation.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn execute<O: Outcome>(&self, operation: Operation<O>) -> Result<O, Error> {
        let Prepared { request, reader } = self.core.prepare(operation)?;
        match self.transport.send(request).await {
            Ok(response) => reader.read(response),
            Err(e) => Err(reader.transport_error(e)),
        }
    }

    /// Fetches `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` (RFC 7644 §4) and
    /// keeps them: endpoints then come from the ResourceTypes, ETag headers and bulk limits
    /// from the ServiceProviderConfig.
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub async fn discover(&mut self) -> Result<&DiscoveredServer, Error> {
        self.discover_with(None).await
    }

    /// [`discover`](Self::discover) with these checks in place of the client's, for every
    /// discovery request: with `response_payload` off, a `/ResourceTypes` or `/Schemas` list
    /// without `totalResults` is read. (scim2-client always checks discovery responses; here
    /// they take the same overrides as any call.)
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub async fn discover_with(
        &mut self,
        checks: impl Into<Option<Checks>>,
    ) -> Result<&DiscoveredServer, Error> {
        let overrides = Overrides {
            checks: checks.into(),
            expected: None,
        };
        let spc = self
            .execute(overrides.apply(self.core.service_provider_config()))
            .await?;
        self.core.discovery_mut().service_provider_config = Some(spc);
        let types = self
            .execute(overrides.apply(self.core.resource_types()))
            .await?;
        self.core.discovery_mut().resource_types = types.resources;
        let schemas = self.execute(overrides.apply(self.core.schemas())).await?;
        self.core.discovery_mut().schemas = schemas.resources;
        Ok(self.core.discovery())
    }

    /// Sends any request to `path` (relative to the base URL) with the client's `Accept` and
    /// `Authorization` headers; the response is returned as it is, unchecked, with the
    /// headers that carry credentials (`Set-Cookie`, ...) marked sensitive. The request's own
    /// such headers are marked sensitive too.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a bad URL, [`Error::Transport`].
    pub async fn raw(
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
            .await
            .map(sensitive_response)
            .map_err(|source| Error::Transport {
                exchange: Exchange::new(method, url, None, &[]),
                source,
            })
    }
}

impl<T: Transport, O: Outcome> Call<'_, Client<T>, O> {
    /// Sends the request and reads the response.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn send(self) -> Result<O, Error> {
        self.client.execute(self.operation).await
    }
}

/// Sends the next page of a pager and takes it in.
async fn next_page<T: Transport, R>(
    client: &Client<T>,
    pager: &mut Pager<R>,
    overrides: &Overrides,
) -> Result<bool, Error>
where
    ListResponse<R>: Outcome,
{
    let Some(op) = pager.next_operation(&client.core) else {
        return Ok(false);
    };
    let op = overrides.apply(op);
    let Prepared { request, reader } = client.core.prepare(op)?;
    let (method, url) = (reader.method().clone(), reader.url().to_owned());
    let page = match client.transport.send(request).await {
        Ok(response) => reader.read(response)?,
        Err(e) => return Err(reader.transport_error(e)),
    };
    pager.accept(page, || Exchange::new(method, url, None, &[]))?;
    Ok(true)
}

impl<'a, T: Transport, R: 'a> Query<'a, Client<T>, R>
where
    ListResponse<R>: Outcome,
{
    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn send(self) -> Result<ListResponse<R>, Error> {
        self.client
            .execute(self.page_operation(&self.client.core))
            .await
    }

    /// Every result, fetched page by page as the stream is read ([`Pager`]). The stream ends
    /// after the first error.
    pub fn stream(self) -> impl futures_core::Stream<Item = Result<R, Error>> + 'a {
        let pager = self.pager(&self.client.core);
        let (client, overrides) = (self.client, self.overrides);
        futures_util::stream::unfold(Some(pager), move |state| {
            let overrides = overrides.clone();
            async move {
                let mut pager = state?;
                loop {
                    if let Some(item) = pager.pop() {
                        return Some((Ok(item), Some(pager)));
                    }
                    match next_page(client, &mut pager, &overrides).await {
                        Ok(true) => {}
                        Ok(false) => return None,
                        Err(e) => return Some((Err(e), None)),
                    }
                }
            }
        })
    }
}
