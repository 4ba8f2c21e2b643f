//! Transports: what sends an `http::Request<Vec<u8>>` and brings back an
//! `http::Response<Vec<u8>>`. The client does the SCIM part; a transport only moves bytes.

use core::future::Future;

use crate::error::TransportError;

/// An async transport.
///
/// Implement it to use any HTTP stack. The crate has two, each behind a feature of its own
/// (`scim-runtime` names them `client-reqwest` and `client-tower`); a link shows the ones
/// this build has:
///
// The links are written only when their feature is on, so that the docs build without
// broken links whatever the features.
#[cfg_attr(
    feature = "reqwest",
    doc = "- [`ReqwestTransport`](crate::ReqwestTransport) (feature `reqwest`)"
)]
#[cfg_attr(
    not(feature = "reqwest"),
    doc = "- `ReqwestTransport` (feature `reqwest`)"
)]
#[cfg_attr(
    feature = "tower",
    doc = "- [`TowerTransport`](crate::TowerTransport) (feature `tower`)"
)]
#[cfg_attr(not(feature = "tower"), doc = "- `TowerTransport` (feature `tower`)")]
pub trait Transport {
    /// Sends a request (with an absolute URI) and reads the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send;
}

/// A blocking transport, for [`BlockingClient`](crate::BlockingClient).
///
/// Implement it to use any HTTP stack. The crate has one, behind its feature `blocking`
/// (`client-blocking` in `scim-runtime`):
///
#[cfg_attr(
    feature = "blocking",
    doc = "- [`BlockingReqwestTransport`](crate::BlockingReqwestTransport)"
)]
#[cfg_attr(not(feature = "blocking"), doc = "- `BlockingReqwestTransport`")]
pub trait BlockingTransport {
    /// Sends a request (with an absolute URI) and reads the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError>;
}

impl<T: Transport + Sync> Transport for &T {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send {
        (**self).send(request)
    }
}

impl<T: BlockingTransport> BlockingTransport for &T {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        (**self).send(request)
    }
}

#[cfg(any(feature = "reqwest", feature = "blocking"))]
fn reqwest_error(error: reqwest::Error) -> TransportError {
    use crate::error::TransportErrorKind as Kind;
    let kind = if error.is_timeout() {
        Kind::Timeout
    } else if error.is_connect() {
        Kind::Connect
    } else if error.is_body() || error.is_decode() {
        Kind::Body
    } else {
        Kind::Other
    };
    TransportError::new(kind, error)
}

// The transports are re-exported by the crate root, not here, so that this module, which they
// import the traits from, does not import them back.
#[cfg(feature = "reqwest")]
pub(crate) mod reqwest_async {
    use std::time::Duration;

    use super::{reqwest_error, Transport, TransportError};

    /// An async transport over [`reqwest`] with rustls (feature `client-reqwest`).
    #[derive(Debug, Clone)]
    pub struct ReqwestTransport {
        client: reqwest::Client,
    }

    impl ReqwestTransport {
        /// A transport with reqwest's defaults and a 30 s timeout.
        ///
        /// # Errors
        ///
        /// When the TLS backend cannot be initialised.
        pub fn new() -> Result<Self, TransportError> {
            Self::with_timeout(Duration::from_secs(30))
        }

        /// A transport that gives up on a request after `timeout`.
        ///
        /// # Errors
        ///
        /// When the TLS backend cannot be initialised.
        pub fn with_timeout(timeout: Duration) -> Result<Self, TransportError> {
            reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .map(Self::from_client)
                .map_err(reqwest_error)
        }

        /// A transport over a configured client (proxies, certificates, connection pool).
        pub fn from_client(client: reqwest::Client) -> Self {
            Self { client }
        }
    }

    impl Transport for ReqwestTransport {
        async fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            let request = reqwest::Request::try_from(request).map_err(reqwest_error)?;
            let response = self.client.execute(request).await.map_err(reqwest_error)?;
            let mut builder = http::Response::builder()
                .status(response.status())
                .version(response.version());
            if let Some(headers) = builder.headers_mut() {
                headers.extend(response.headers().clone());
            }
            let body = response.bytes().await.map_err(reqwest_error)?;
            builder
                .body(body.to_vec())
                .map_err(|e| TransportError::new(crate::error::TransportErrorKind::Other, e))
        }
    }
}

#[cfg(feature = "blocking")]
pub(crate) mod reqwest_blocking {
    use std::time::Duration;

    use super::{reqwest_error, BlockingTransport, TransportError};

    /// A blocking transport over `reqwest::blocking` with rustls (feature `client-blocking`).
    ///
    /// Like `reqwest::blocking`, it runs its own runtime: do not use it inside an async task.
    #[derive(Debug, Clone)]
    pub struct BlockingReqwestTransport {
        client: reqwest::blocking::Client,
    }

    impl BlockingReqwestTransport {
        /// A transport with reqwest's defaults and a 30 s timeout.
        ///
        /// # Errors
        ///
        /// When the TLS backend cannot be initialised.
        pub fn new() -> Result<Self, TransportError> {
            Self::with_timeout(Duration::from_secs(30))
        }

        /// A transport that gives up on a request after `timeout`.
        ///
        /// # Errors
        ///
        /// When the TLS backend cannot be initialised.
        pub fn with_timeout(timeout: Duration) -> Result<Self, TransportError> {
            reqwest::blocking::Client::builder()
                .timeout(timeout)
                .build()
                .map(Self::from_client)
                .map_err(reqwest_error)
        }

        /// A transport over a configured client.
        pub fn from_client(client: reqwest::blocking::Client) -> Self {
            Self { client }
        }
    }

    impl BlockingTransport for BlockingReqwestTransport {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            let request = reqwest::blocking::Request::try_from(request).map_err(reqwest_error)?;
            let response = self.client.execute(request).map_err(reqwest_error)?;
            let mut builder = http::Response::builder()
                .status(response.status())
                .version(response.version());
            if let Some(headers) = builder.headers_mut() {
                headers.extend(response.headers().clone());
            }
            let body = response.bytes().map_err(reqwest_error)?;
            builder
                .body(body.to_vec())
                .map_err(|e| TransportError::new(crate::error::TransportErrorKind::Other, e))
        }
    }
}

#[cfg(feature = "tower")]
pub(crate) mod tower {
    use core::marker::PhantomData;

    use bytes::Bytes;
    use http_body_util::{BodyExt, Full};
    use tower_service::Service;

    use super::{Transport, TransportError};
    use crate::error::TransportErrorKind;

    type BoxError = Box<dyn std::error::Error + Send + Sync>;

    /// An in-process transport over any `tower::Service` taking `http::Request<B>`, such as an
    /// axum `Router` (feature `client-tower`). Requests go straight to the service: no socket,
    /// which is what a server's own tests want.
    ///
    /// The request body type `B` is `http_body_util::Full<Bytes>` unless chosen with
    /// [`TowerTransport::with_body`]. The service is cloned for each request, as
    /// `tower::ServiceExt::oneshot` would use it.
    ///
    /// # How the base URL maps onto the router
    ///
    /// The service gets the request with the absolute URI the client built: the scheme and
    /// host of the base URL are not used to connect anywhere (any will do, such as
    /// `http://localhost`), and routing sees the URI's **path as it is, base path included**.
    /// With a base URL of `http://localhost/scim/v2`, `GET /Users/1` reaches the router as
    /// `/scim/v2/Users/1`: the router must serve the SCIM endpoints under `/scim/v2` (axum:
    /// `Router::new().nest("/scim/v2", scim_routes)`), or the base URL must have no path
    /// (`http://localhost`) for a router serving `/Users` at its root. Endpoints the server
    /// advertises that already hold the base path (`/scim/v2/Users`) are not doubled
    /// ([`Core::url`](crate::Core::url)).
    pub struct TowerTransport<S, B = Full<Bytes>> {
        service: S,
        body: PhantomData<fn() -> B>,
    }

    impl<S: Clone, B> Clone for TowerTransport<S, B> {
        fn clone(&self) -> Self {
            Self {
                service: self.service.clone(),
                body: PhantomData,
            }
        }
    }

    impl<S: core::fmt::Debug, B> core::fmt::Debug for TowerTransport<S, B> {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("TowerTransport")
                .field("service", &self.service)
                .finish()
        }
    }

    impl<S> TowerTransport<S> {
        /// A transport over `service`, sending `Full<Bytes>` bodies.
        pub fn new(service: S) -> Self {
            Self::with_body(service)
        }
    }

    impl<S, B> TowerTransport<S, B> {
        /// A transport over `service`, sending bodies of type `B` (such as `axum::body::Body`).
        pub fn with_body(service: S) -> Self {
            Self {
                service,
                body: PhantomData,
            }
        }

        /// The service.
        pub fn service(&self) -> &S {
            &self.service
        }
    }

    impl<S, B, RB> Transport for TowerTransport<S, B>
    where
        S: Service<http::Request<B>, Response = http::Response<RB>> + Clone + Send + Sync,
        S::Future: Send,
        S::Error: Into<BoxError>,
        B: From<Vec<u8>> + Send,
        RB: http_body::Body + Send,
        RB::Data: Send,
        RB::Error: Into<BoxError>,
    {
        async fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            let mut service = self.service.clone();
            core::future::poll_fn(|cx| service.poll_ready(cx))
                .await
                .map_err(|e| TransportError::new(TransportErrorKind::Other, e))?;
            let response = service
                .call(request.map(B::from))
                .await
                .map_err(|e| TransportError::new(TransportErrorKind::Other, e))?;
            let (parts, body) = response.into_parts();
            let bytes = body
                .collect()
                .await
                .map_err(|e| TransportError::new(TransportErrorKind::Body, e))?
                .to_bytes();
            Ok(http::Response::from_parts(parts, bytes.to_vec()))
        }
    }
}
