//! The traits every typed SCIM object implements, and what they give for free: context-aware
//! (de)serialization, validation, and the Schema and ResourceType documents of a type.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};

use crate::attribute::{AttributeDef, ResourceTypeDef, SchemaDef};
use crate::context::{Context, Projection, Scope};
use crate::payload::PayloadError;
use crate::schema::{ResourceType, Schema};
use crate::validation::validator::Validator;
use crate::validation::Violations;
use crate::value::AttributeAccess;
use crate::{Meta, OtherAttributes};

/// A SCIM object with an attribute table: a resource, an extension or a complex value.
///
/// Implemented by `#[derive(ScimResource)]`.
pub trait ScimObject: AttributeAccess + Sized {
    /// The attribute table, in declaration order. For a resource, the common attributes
    /// (`id`, `externalId`, `meta`) are not in it (RFC 7643 §3.1).
    const ATTRIBUTES: &'static [AttributeDef];

    /// Writes the object as `scope` decides.
    fn serialize_scoped<S: Serializer>(
        &self,
        serializer: S,
        scope: &Scope<'_>,
    ) -> Result<S::Ok, S::Error>;

    /// Checks the object in the validator's context, recording every violation.
    fn validate_into(&self, validator: &mut Validator);

    /// Removes what a request of `context` ignores: `readOnly` attributes in creation and
    /// replacement requests (RFC 7644 §3.5.1).
    fn drop_ignored_attributes(&mut self, context: Context);

    /// Whether no attribute is set.
    fn is_empty(&self) -> bool;

    /// Whether writing the object in `scope` writes no attribute: every attribute set is left
    /// out by the context or projection, or is itself empty there. Such a value is omitted,
    /// as unassigned (RFC 7643 §2.5), rather than written as `{}`.
    fn is_empty_in(&self, scope: &Scope<'_>) -> bool;

    /// Takes every attribute `later` assigns. Used when an extension's attributes arrive both
    /// in its block and as URN-qualified names (RFC 7644 §3.10).
    ///
    /// # Errors
    ///
    /// The name of an attribute both assign (unknown attributes compared case-insensitively,
    /// RFC 7643 §2.1): the attribute was given twice. `self` may then be partly merged.
    fn merge_from(&mut self, later: Self) -> Result<(), String>;

    /// The attributes the type does not know, kept as they were sent.
    fn other_attributes(&self) -> Option<&OtherAttributes>;
}

/// An extension schema (RFC 7643 §3.3), whose attributes travel in a block under its URN.
pub trait Extension: ScimObject {
    /// The extension's schema.
    const SCHEMA: &'static SchemaDef;
}

/// A SCIM resource with its own endpoint (RFC 7643 §3).
pub trait Resource: ScimObject + Serialize + DeserializeOwned {
    /// The resource's core schema.
    const SCHEMA: &'static SchemaDef;
    /// The resource type: name, endpoint and extensions.
    const RESOURCE_TYPE: &'static ResourceTypeDef;

    /// `id`, assigned by the service provider.
    fn id(&self) -> Option<&str>;
    /// Sets `id`.
    fn set_id(&mut self, id: Option<String>);
    /// `externalId`, assigned by the client.
    fn external_id(&self) -> Option<&str>;
    /// `meta`.
    fn meta(&self) -> Option<&Meta>;
    /// `meta`, to change.
    fn meta_mut(&mut self) -> &mut Option<Meta>;

    /// The Schema document of the core schema, as a server serves it at `/Schemas`
    /// (scim2-models `to_schema`).
    fn schema() -> Schema {
        Schema::from_def(Self::SCHEMA)
    }

    /// The Schema documents of the core schema and every extension.
    fn schemas() -> Vec<Schema> {
        core::iter::once(Self::SCHEMA)
            .chain(Self::RESOURCE_TYPE.extensions.iter().map(|e| e.schema))
            .map(Schema::from_def)
            .collect()
    }

    /// The ResourceType document (scim2-models `ResourceType.from_resource`).
    fn resource_type() -> ResourceType {
        ResourceType::from_def(Self::RESOURCE_TYPE)
    }

    /// A view that serializes the resource in `context`, shaped by `projection` in responses.
    fn in_context<'a>(
        &'a self,
        context: Context,
        projection: Option<&'a Projection>,
    ) -> InContext<'a, Self> {
        InContext {
            value: self,
            context,
            projection,
        }
    }

    /// The resource as JSON bytes in `context`, the body of a request or response: written
    /// straight from the resource into the buffer, with no [`serde_json::Value`] between, at
    /// the cost of plain `serde_json::to_vec`. The way to send a resource; prefer it to
    /// [`Resource::to_json_in`], which builds a tree of values.
    ///
    /// ```
    /// use scim_runtime::{Context, Resource, User};
    ///
    /// let user = User {
    ///     id: Some("2819c223".into()),
    ///     user_name: Some("bjensen".into()),
    ///     password: Some("t1meMa$heen".into()),
    ///     ..User::default()
    /// };
    /// // A response never returns `password` (`returned: never`, RFC 7643 §4.1.1).
    /// let body = user.to_vec_in(Context::QueryResponse, None);
    /// assert_eq!(
    ///     body,
    ///     br#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","userName":"bjensen"}"#
    /// );
    /// ```
    fn to_vec_in(&self, context: Context, projection: Option<&Projection>) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        // Writing into a Vec cannot fail: keys are strings and every value is JSON.
        let _ = serde_json::to_writer(&mut out, &self.in_context(context, projection));
        out
    }

    /// Writes the resource as JSON in `context` into `writer`, as [`Resource::to_vec_in`]
    /// does into a buffer.
    ///
    /// # Errors
    ///
    /// What `writer` fails with.
    fn to_writer_in<W: std::io::Write>(
        &self,
        writer: W,
        context: Context,
        projection: Option<&Projection>,
    ) -> serde_json::Result<()> {
        serde_json::to_writer(writer, &self.in_context(context, projection))
    }

    /// The resource as a JSON value in `context`, to inspect or change before it is sent; to
    /// send it, [`Resource::to_vec_in`] writes the same JSON without building values.
    fn to_json_in(&self, context: Context, projection: Option<&Projection>) -> serde_json::Value {
        // Serializing to a Value cannot fail: keys are strings and every value is JSON.
        serde_json::to_value(self.in_context(context, projection))
            .unwrap_or(serde_json::Value::Null)
    }

    /// The resource as JSON text in `context`; as [`Resource::to_vec_in`], as a `String`.
    fn to_string_in(&self, context: Context, projection: Option<&Projection>) -> String {
        serde_json::to_string(&self.in_context(context, projection)).unwrap_or_default()
    }

    /// Every violation of the rules of `context` (see [`Context`]).
    fn validate(&self, context: Context) -> Result<(), Violations> {
        let mut validator = Validator::new(context);
        self.validate_into(&mut validator);
        validator.finish().into_result()
    }

    /// Like [`Resource::validate`], and also refuses attributes the schema does not define
    /// (what a service provider does with request bodies).
    fn validate_strict(&self, context: Context) -> Result<(), Violations> {
        let mut validator = Validator::strict(context);
        self.validate_into(&mut validator);
        validator.finish().into_result()
    }

    /// Reads a payload received in `context`: parses it, drops what the context ignores, and
    /// checks it (scim2-models `model_validate(.., scim_ctx=..)`).
    fn from_json_in(json: &str, context: Context) -> Result<Self, PayloadError> {
        let mut value: Self = crate::payload::from_str(json)?;
        value.drop_ignored_attributes(context);
        value.validate(context).map_err(PayloadError::Violations)?;
        Ok(value)
    }

    /// Like [`Resource::from_json_in`], from JSON bytes.
    fn from_slice_in(json: &[u8], context: Context) -> Result<Self, PayloadError> {
        let mut value: Self = crate::payload::from_slice(json)?;
        value.drop_ignored_attributes(context);
        value.validate(context).map_err(PayloadError::Violations)?;
        Ok(value)
    }

    /// Like [`Resource::from_json_in`], from parsed JSON.
    fn from_value_in(json: serde_json::Value, context: Context) -> Result<Self, PayloadError> {
        let mut value: Self = crate::payload::from_value(json)?;
        value.drop_ignored_attributes(context);
        value.validate(context).map_err(PayloadError::Violations)?;
        Ok(value)
    }
}

/// A resource serialized in a context; see [`Resource::in_context`].
#[derive(Debug, Clone, Copy)]
pub struct InContext<'a, T> {
    value: &'a T,
    context: Context,
    projection: Option<&'a Projection>,
}

impl<T: Resource> Serialize for InContext<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let scope = Scope::new(self.context, self.projection, T::SCHEMA.id);
        self.value.serialize_scoped(serializer, &scope)
    }
}
