//! What the client needs of a resource it sends: where it lives, its id and version, and its
//! payload in a request context. Typed resources and dynamic resources both provide it, so
//! that one set of operations serves both.

use super::read::Outcome;
use crate::dynamic::DynamicResource;
use crate::payload::PayloadError;
use crate::validation::Violations;
use crate::{Context, Resource};

/// A resource the client sends and reads back: a typed [`Resource`] (its schemas known at
/// compile time) or a [`DynamicResource`] (its schemas discovered at run time).
///
/// The client's `create`, `replace`, `patch`, `delete` and `refresh`
/// take either.
pub trait ClientResource: Outcome {
    /// The endpoint, such as `/Users`: for a typed resource, the discovered ResourceType whose
    /// schema is the resource's, or else its own; for a dynamic one, its type's.
    /// `discovered` gives the endpoint a server's `/ResourceTypes` lists for a schema URN.
    fn endpoint<'a>(&'a self, discovered: &dyn Fn(&str) -> Option<&'a str>) -> &'a str;

    /// `id`, assigned by the service provider.
    fn resource_id(&self) -> Option<&str>;

    /// `meta.version`, sent in `If-Match` and `If-None-Match` (RFC 7644 §3.14).
    fn version(&self) -> Option<&str>;

    /// The request body in `context` (RFC 7644 §3.3, §3.5.1): without `readOnly` attributes.
    fn body_in(&self, context: Context) -> Vec<u8>;

    /// Every violation of the rules of `context`.
    fn check_in(&self, context: Context) -> Result<(), Violations>;

    /// How the response to a request about this resource is read.
    fn shape(&self) -> Self::Shape;
}

impl<T: Resource> ClientResource for T {
    fn endpoint<'a>(&'a self, discovered: &dyn Fn(&str) -> Option<&'a str>) -> &'a str {
        discovered(T::SCHEMA.id).unwrap_or(T::RESOURCE_TYPE.endpoint)
    }

    fn resource_id(&self) -> Option<&str> {
        self.id()
    }

    fn version(&self) -> Option<&str> {
        self.meta().and_then(|m| m.version.as_deref())
    }

    fn body_in(&self, context: Context) -> Vec<u8> {
        // Serializing SCIM values cannot fail: keys are strings and every value is JSON.
        serde_json::to_vec(&self.in_context(context, None)).unwrap_or_default()
    }

    fn check_in(&self, context: Context) -> Result<(), Violations> {
        self.validate(context)
    }

    fn shape(&self) {}
}

impl ClientResource for DynamicResource {
    fn endpoint<'a>(&'a self, _: &dyn Fn(&str) -> Option<&'a str>) -> &'a str {
        &self.resource_type().endpoint
    }

    fn resource_id(&self) -> Option<&str> {
        self.id()
    }

    fn version(&self) -> Option<&str> {
        self.meta_version()
    }

    fn body_in(&self, context: Context) -> Vec<u8> {
        serde_json::to_vec(&self.to_json_in(context, None)).unwrap_or_default()
    }

    fn check_in(&self, context: Context) -> Result<(), Violations> {
        self.validate(context)
    }

    fn shape(&self) -> Self::Shape {
        self.resource_type().clone()
    }
}

/// PATCH answers with the resource, or with nothing (`204 No Content`, RFC 7644 §3.5.2).
impl<T: ClientResource> Outcome for Option<T> {
    type Shape = T::Shape;

    fn from_body(
        shape: &T::Shape,
        body: &[u8],
        context: Context,
        check: bool,
    ) -> Result<Self, PayloadError> {
        T::from_body(shape, body, context, check).map(Some)
    }

    fn no_content() -> Option<Self> {
        Some(None)
    }

    fn set_version(&mut self, etag: &str) {
        if let Some(resource) = self {
            resource.set_version(etag);
        }
    }
}
