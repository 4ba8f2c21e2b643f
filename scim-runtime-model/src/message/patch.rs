//! PATCH request bodies (RFC 7644 §3.5.2), as data. Applying them to a resource is the job of
//! the PATCH engine.

use core::borrow::Borrow;
use core::fmt::Write as _;
use core::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize};

use crate::filter::Filter;
use crate::path::typed::{AllowsAdd, AllowsRemove, AllowsReplace, Attribute, Many, One};
use crate::path::TypedPath;
use crate::value::scoped::Scoped;
use crate::value::AttributeValue;
use crate::{OtherAttributes, Scope};

/// The schema URN of PATCH requests.
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// What a PATCH operation does (RFC 7644 §3.5.2).
///
/// Read case-insensitively: Entra ID sends `"Replace"` and `"Add"`, and scim2-models accepts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchOperationKind {
    /// Add values (RFC 7644 §3.5.2.1).
    Add,
    /// Remove values (RFC 7644 §3.5.2.2).
    Remove,
    /// Replace values (RFC 7644 §3.5.2.3).
    Replace,
}

impl<'de> Deserialize<'de> for PatchOperationKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        [Self::Add, Self::Remove, Self::Replace]
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(&s))
            .ok_or_else(|| {
                serde::de::Error::invalid_value(
                    serde::de::Unexpected::Str(&s),
                    &"`add`, `remove` or `replace`",
                )
            })
    }
}

impl PatchOperationKind {
    /// The keyword as written on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Add => "add",
            Self::Remove => "remove",
            Self::Replace => "replace",
        }
    }
}

/// One operation of a PATCH request.
///
/// Its members `op`, `path` and `value` are read in any case (`"OP"`, `"Path"`, `"VALUE"`),
/// as every SCIM attribute name (RFC 7643 §2.1); two members equal but for case are an error.
///
/// Its `Debug` (in `message/debug.rs`) leaves the value out: it may hold a password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct PatchOperation {
    /// `add`, `remove` or `replace`.
    pub op: PatchOperationKind,
    /// The attribute path (RFC 7644 §3.5.2, `PATH`), absent to target the whole resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The value: required for `add` and `replace`. A `null` sent is kept as
    /// `Some(Value::Null)` (a `replace` to `null` unassigns its target), apart from an absent
    /// value (`None`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present_value"
    )]
    pub value: Option<serde_json::Value>,
}

impl Serialize for PatchOperation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(
    PatchOperation,
    "a PATCH operation",
    ["op", "path", "value"]
);

/// Reads a `value` that is present, `null` included, as `Some`.
fn present_value<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

/// A PATCH request body (RFC 7644 §3.5.2) for resources of type `T`.
///
/// Members are read in any case (`"operations"`, `"OPERATIONS"`, `"Schemas"`), as every SCIM
/// attribute name (RFC 7643 §2.1); two members equal but for case are an error naming the
/// member. `schemas` is always written with the PatchOp URN, even when built with an empty list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", remote = "Self")]
pub struct PatchOp<T = serde_json::Value> {
    /// `["urn:ietf:params:scim:api:messages:2.0:PatchOp"]`.
    #[serde(default = "patch_schemas", serialize_with = "write_patch_schemas")]
    pub schemas: Vec<String>,
    /// The operations, applied in order.
    #[serde(rename = "Operations")]
    pub operations: Vec<PatchOperation>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
    #[serde(skip)]
    resource: PhantomData<fn() -> T>,
}

impl<T> Default for PatchOp<T> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

fn patch_schemas() -> Vec<String> {
    vec![PATCH_OP.to_owned()]
}

fn write_patch_schemas<S: serde::Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, PATCH_OP, s)
}

impl<T> Serialize for PatchOp<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(PatchOp<T>, "a SCIM PatchOp", ["schemas", "Operations"]);

impl<T> PatchOp<T> {
    /// A PATCH request with these operations.
    pub fn new(operations: Vec<PatchOperation>) -> Self {
        Self {
            schemas: patch_schemas(),
            operations,
            other: OtherAttributes::new(),
            resource: PhantomData,
        }
    }

    /// Adds an operation.
    pub fn with(
        mut self,
        op: PatchOperationKind,
        path: Option<&str>,
        value: Option<serde_json::Value>,
    ) -> Self {
        self.operations.push(PatchOperation {
            op,
            path: path.map(str::to_owned),
            value,
        });
        self
    }
}

/// A value that a typed PATCH operation writes to an attribute whose values are `V`, one or
/// many as `K` ([`One`] or [`Many`]) says: a `V` or a `&V` (or a `&str` for a `String`), and
/// for a multi-valued attribute also a `Vec<V>` or a `&[V]`, written as a JSON array either way
/// (RFC 7644 §3.5.2.1).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value of this attribute, whose values are `{V}`",
    label = "expected a value of type `{V}`",
    note = "a multi-valued attribute takes one element or a `Vec` of them"
)]
pub trait IntoPatchValue<V, K> {
    /// The value as JSON, as a PATCH request sends it (RFC 7644 §3.5.2).
    fn into_patch_value(self) -> serde_json::Value;
}

/// A value as JSON, as `serde_json::to_value` writes it: what the hand-written request holds,
/// so that the typed one is the same request and costs the same to build.
#[inline]
fn patch_json<V: AttributeValue>(value: &V) -> serde_json::Value {
    // Serializing to a Value cannot fail: keys are strings and every value is JSON.
    serde_json::to_value(Scoped::new(value, &Scope::DEFAULT)).unwrap_or(serde_json::Value::Null)
}

impl<V: AttributeValue> IntoPatchValue<V, One> for V {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        patch_json(&self)
    }
}

impl<V: AttributeValue> IntoPatchValue<V, One> for &V {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        patch_json(self)
    }
}

impl IntoPatchValue<String, One> for &str {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::String(self.to_owned())
    }
}

impl IntoPatchValue<String, Many> for &str {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::Array(vec![serde_json::Value::String(self.to_owned())])
    }
}

impl<V: AttributeValue> IntoPatchValue<V, Many> for V {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::Array(vec![patch_json(&self)])
    }
}

impl<V: AttributeValue> IntoPatchValue<V, Many> for &V {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::Array(vec![patch_json(self)])
    }
}

impl<V: AttributeValue> IntoPatchValue<V, Many> for &[V] {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::Array(self.iter().map(patch_json).collect())
    }
}

impl<V: AttributeValue> IntoPatchValue<V, Many> for Vec<V> {
    #[inline]
    fn into_patch_value(self) -> serde_json::Value {
        serde_json::Value::Array(self.iter().map(patch_json).collect())
    }
}

/// The typed PATCH builder: operations on typed paths, whose value types and mutability are
/// checked at compile time (RFC 7643 §7, RFC 7644 §3.5.2).
///
/// A `readOnly` target does not compile; an `immutable` one takes only [`add`](Self::add); a
/// value must be of the attribute's type (for a multi-valued attribute, one element or a
/// `Vec`). The JSON written is that of RFC 7644 §3.5.2, as a hand-written request has it.
///
/// ```
/// use scim_runtime::message::PatchOp;
/// use scim_runtime::resources::user::Email;
/// use scim_runtime::filter::Filter;
/// use scim_runtime::User;
///
/// let email = Email { value: Some("babs@example.com".into()), ..Email::default() };
/// let op = PatchOp::<User>::default()
///     .replace(User::paths().display_name(), "Babs")
///     .add(User::paths().emails(), email)
///     .remove_where(User::paths().emails(), Filter::attr("type")?.eq("home"))
///     .remove(User::paths().enterprise_user().manager());
/// assert_eq!(
///     serde_json::to_value(&op)?,
///     serde_json::json!({
///         "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
///         "Operations": [
///             {"op": "replace", "path": "displayName", "value": "Babs"},
///             {"op": "add", "path": "emails", "value": [{"value": "babs@example.com"}]},
///             {"op": "remove", "path": "emails[type eq \"home\"]"},
///             {"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}
///         ]
///     })
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```compile_fail
/// // `meta.created` is readOnly.
/// use scim_runtime::{message::PatchOp, DateTime, User};
/// let created: DateTime = "2011-08-01T21:32:44.882Z".parse().unwrap();
/// let op = PatchOp::<User>::default().replace(User::paths().meta().created(), created);
/// ```
impl<T> PatchOp<T> {
    #[inline]
    fn push_typed(
        mut self,
        op: PatchOperationKind,
        path: String,
        value: Option<serde_json::Value>,
    ) -> Self {
        self.operations.push(PatchOperation {
            op,
            path: Some(path),
            value,
        });
        self
    }

    /// `add` the value to the attribute `path` (RFC 7644 §3.5.2.1): to a multi-valued
    /// attribute, the values are added to those it has.
    #[must_use]
    #[inline]
    pub fn add<P, V>(self, path: P, value: V) -> Self
    where
        P: TypedPath<Resource = T>,
        <P::Attribute as Attribute>::Mutability: AllowsAdd<P::Attribute>,
        V: IntoPatchValue<P::Value, P::Multiplicity>,
    {
        let value = value.into_patch_value();
        self.push_typed(PatchOperationKind::Add, path.path().wire(), Some(value))
    }

    /// `replace` the attribute `path` with the value (RFC 7644 §3.5.2.3): all the values of a
    /// multi-valued attribute.
    #[must_use]
    #[inline]
    pub fn replace<P, V>(self, path: P, value: V) -> Self
    where
        P: TypedPath<Resource = T>,
        <P::Attribute as Attribute>::Mutability: AllowsReplace<P::Attribute>,
        V: IntoPatchValue<P::Value, P::Multiplicity>,
    {
        let value = value.into_patch_value();
        self.push_typed(PatchOperationKind::Replace, path.path().wire(), Some(value))
    }

    /// `remove` the attribute `path` (RFC 7644 §3.5.2.2): every value of a multi-valued one.
    #[must_use]
    #[inline]
    pub fn remove<P>(self, path: P) -> Self
    where
        P: TypedPath<Resource = T>,
        <P::Attribute as Attribute>::Mutability: AllowsRemove<P::Attribute>,
    {
        self.push_typed(PatchOperationKind::Remove, path.path().wire(), None)
    }

    /// `remove` the values of the multi-valued attribute `path` that match `filter`, whose
    /// paths name sub-attributes of the values: `emails[type eq "work"]` (RFC 7644 §3.5.2.2).
    #[must_use]
    #[inline]
    pub fn remove_where<P>(self, path: P, filter: impl Borrow<Filter>) -> Self
    where
        P: TypedPath<Resource = T, Multiplicity = Many>,
        <P::Attribute as Attribute>::Mutability: AllowsRemove<P::Attribute>,
    {
        // Written into one string with room for a short filter, as `format!` would size it.
        let mut text = path.path().wire_with_room(2 + 32);
        text.push('[');
        // Writing into a String cannot fail.
        let _ = write!(text, "{}", filter.borrow());
        text.push(']');
        self.push_typed(PatchOperationKind::Remove, text, None)
    }
}
