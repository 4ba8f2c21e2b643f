//! Typed attribute paths: a path to an attribute of a resource type, built from the type's
//! metadata at compile time, that knows its wire form, its value type and its characteristics.
//!
//! `#[derive(ScimResource)]` writes them for every resource, generated or hand-written:
//! `User::paths()` starts at the resource, each attribute is a method named as its field, a
//! complex attribute goes on to its sub-attributes, and an extension field goes on to the
//! extension's attributes, which are written in their URN form (RFC 7644 §3.10):
//!
//! ```
//! use scim_runtime::User;
//!
//! assert_eq!(User::paths().user_name().to_string(), "userName");
//! assert_eq!(User::paths().name().given_name().to_string(), "name.givenName");
//! assert_eq!(User::paths().emails().value().to_string(), "emails.value");
//! assert_eq!(User::paths().meta().created().to_string(), "meta.created");
//! assert_eq!(
//!     User::paths().enterprise_user().manager().value().to_string(),
//!     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
//! );
//!
//! // The characteristics are the attribute's definition (RFC 7643 §7).
//! use scim_runtime::attribute::Mutability;
//! use scim_runtime::path::TypedPath;
//! assert_eq!(User::paths().groups().def().mutability, Mutability::ReadOnly);
//! ```
//!
//! A path is an [`IntoAttrPath`], which every API that takes an attribute path takes: the
//! filter builder, sorting, [`Projection`](crate::Projection), the `attributes` of a request,
//! and the typed PATCH builder on [`PatchOp`](crate::message::PatchOp), which also checks the
//! value's type and the attribute's mutability at compile time. Text stays available for the
//! dynamic case.
//!
//! The types that carry the checks: every attribute has a marker type (`User_groups`,
//! `Manager_displayName`), an [`Attribute`] whose [`Mutability`](Attribute::Mutability) is one
//! of [`ReadWrite`], [`ReadOnly`], [`Immutable`] and [`WriteOnly`]; a PATCH operation requires
//! [`AllowsAdd`], [`AllowsReplace`] or [`AllowsRemove`] of it, whose messages name the marker
//! and its mutability when it is missing.

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use scim_filter_syntax::filter::ParseError;
use scim_filter_syntax::path::{AttrPath, IntoAttrPath};

use crate::attribute::AttributeDef;
use crate::scalar::{Binary, DateTime, Decimal, Reference};

/// The attribute holds one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum One {}

/// The attribute is multi-valued (RFC 7643 §2.4): PATCH `add` takes one element or a `Vec`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Many {}

/// `mutability: readWrite` (RFC 7643 §7): every PATCH operation may target it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadWrite {}

/// `mutability: readOnly` (RFC 7643 §7): no PATCH operation may target it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {}

/// `mutability: immutable` (RFC 7643 §7): it may be added while it has no value, and never
/// replaced or removed, so PATCH only `add`s it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Immutable {}

/// `mutability: writeOnly` (RFC 7643 §7): written like `readWrite`, never returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOnly {}

/// The marker type of one attribute, which the derive writes for every attribute of every
/// resource, extension and complex type: its definition and its mutability as a type.
pub trait Attribute {
    /// [`ReadWrite`], [`ReadOnly`], [`Immutable`] or [`WriteOnly`].
    type Mutability;
    /// The attribute's definition (RFC 7643 §7).
    const DEF: &'static AttributeDef;
}

/// The mutability lets a PATCH `add` target the attribute `A` (RFC 7644 §3.5.2.1).
#[diagnostic::on_unimplemented(
    message = "`{A}` is {Self}: a PATCH `add` cannot target it",
    label = "`{A}` is {Self}",
    note = "a `readOnly` attribute is set by the service provider only (RFC 7643 §7, RFC 7644 §3.5.2)"
)]
pub trait AllowsAdd<A> {}
impl<A> AllowsAdd<A> for ReadWrite {}
impl<A> AllowsAdd<A> for WriteOnly {}
impl<A> AllowsAdd<A> for Immutable {}

/// The mutability lets a PATCH `replace` target the attribute `A` (RFC 7644 §3.5.2.3).
#[diagnostic::on_unimplemented(
    message = "`{A}` is {Self}: a PATCH `replace` cannot target it",
    label = "`{A}` is {Self}",
    note = "only `readWrite` and `writeOnly` attributes are replaced; an `immutable` one is only added while it has no value (RFC 7643 §7, RFC 7644 §3.5.2)"
)]
pub trait AllowsReplace<A> {}
impl<A> AllowsReplace<A> for ReadWrite {}
impl<A> AllowsReplace<A> for WriteOnly {}

/// The mutability lets a PATCH `remove` target the attribute `A` (RFC 7644 §3.5.2.2).
#[diagnostic::on_unimplemented(
    message = "`{A}` is {Self}: a PATCH `remove` cannot target it",
    label = "`{A}` is {Self}",
    note = "only `readWrite` and `writeOnly` attributes are removed; an `immutable` one is only added while it has no value (RFC 7643 §7, RFC 7644 §3.5.2)"
)]
pub trait AllowsRemove<A> {}
impl<A> AllowsRemove<A> for ReadWrite {}
impl<A> AllowsRemove<A> for WriteOnly {}

/// A typed path to an attribute of resources of type `R`, whose values are `V` (one of them,
/// or many as `K` says), and whose marker type is `A`.
///
/// Written as `[schema:]attr[.subAttr]` (RFC 7644 §3.10) by `Display`; the schema URI is there
/// for the attributes of an extension only.
pub struct Path<R, V, K, A> {
    schema: Option<&'static str>,
    parent: Option<&'static str>,
    name: &'static str,
    marker: PhantomData<Marker<R, V, K, A>>,
}

/// The type parameters of a [`Path`], held as a function's output so that a path is `Send`,
/// `Sync` and `Copy` whatever they are.
type Marker<R, V, K, A> = fn() -> (R, V, K, A);

impl<R, V, K, A> Clone for Path<R, V, K, A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, V, K, A> Copy for Path<R, V, K, A> {}

impl<R, V, K, A: Attribute> Path<R, V, K, A> {
    /// A path to a top-level attribute, in the extension `schema` if given. Generated code
    /// calls it with names it checked at compile time.
    #[doc(hidden)]
    pub const fn __top(schema: Option<&'static str>) -> Self {
        Self {
            schema,
            parent: None,
            name: A::DEF.name,
            marker: PhantomData,
        }
    }

    /// The path to the sub-attribute of marker `A` of the complex attribute `parent`.
    #[doc(hidden)]
    pub const fn __sub<P, PK, PA>(parent: Path<R, P, PK, PA>) -> Self {
        Self {
            schema: parent.schema,
            parent: Some(parent.name),
            name: A::DEF.name,
            marker: PhantomData,
        }
    }
}

impl<R, V, K, A> Path<R, V, K, A> {
    /// The schema URI of an extension attribute; `None` in the core schema.
    pub fn schema(&self) -> Option<&'static str> {
        self.schema
    }

    /// The top-level attribute's name (`emails` of `emails.value`).
    pub fn attribute(&self) -> &'static str {
        self.parent.unwrap_or(self.name)
    }

    /// The sub-attribute's name (`value` of `emails.value`), if the path has one.
    pub fn sub_attribute(&self) -> Option<&'static str> {
        self.parent.map(|_| self.name)
    }

    /// The wire form, `[schema:]attr[.subAttr]`: what `to_string` gives, written into one
    /// allocation of the exact size.
    #[inline]
    pub fn wire(&self) -> String {
        self.wire_with_room(0)
    }

    /// The wire form in a string with room for `extra` more bytes.
    #[inline]
    pub(crate) fn wire_with_room(&self, extra: usize) -> String {
        if self.schema.is_none() && self.parent.is_none() && extra == 0 {
            return self.name.to_owned();
        }
        let len = self.schema.map_or(0, |s| s.len() + 1)
            + self.parent.map_or(0, |p| p.len() + 1)
            + self.name.len();
        let mut out = String::with_capacity(len + extra);
        if let Some(schema) = self.schema {
            out.push_str(schema);
            out.push(':');
        }
        if let Some(parent) = self.parent {
            out.push_str(parent);
            out.push('.');
        }
        out.push_str(self.name);
        out
    }
}

impl<R, V, K, A> fmt::Display for Path<R, V, K, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(schema) = self.schema {
            f.write_str(schema)?;
            f.write_str(":")?;
        }
        if let Some(parent) = self.parent {
            f.write_str(parent)?;
            f.write_str(".")?;
        }
        f.write_str(self.name)
    }
}

impl<R, V, K, A> fmt::Debug for Path<R, V, K, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

impl<R, V, K, A> PartialEq for Path<R, V, K, A> {
    fn eq(&self, other: &Self) -> bool {
        self.schema == other.schema && self.parent == other.parent && self.name == other.name
    }
}

impl<R, V, K, A> Eq for Path<R, V, K, A> {}

impl<R, V, K, A> IntoAttrPath for Path<R, V, K, A> {
    fn path_text(&self) -> Cow<'_, str> {
        match (self.schema, self.parent) {
            (None, None) => Cow::Borrowed(self.name),
            _ => Cow::Owned(self.wire()),
        }
    }

    fn into_attr_path(self) -> Result<AttrPath, ParseError> {
        AttrPath::parse(&self.path_text())
    }
}

impl<R, V, K, A> From<Path<R, V, K, A>> for String {
    fn from(path: Path<R, V, K, A>) -> Self {
        path.wire()
    }
}

/// A typed path: a [`Path`], or the builder of a complex attribute's sub-attributes, which is
/// a path to the complex attribute itself.
pub trait TypedPath: Copy {
    /// The resource type the path starts at.
    type Resource;
    /// The type of one value of the attribute.
    type Value;
    /// [`One`] or [`Many`].
    type Multiplicity;
    /// The attribute's marker type.
    type Attribute: Attribute;

    /// The path itself.
    fn path(&self) -> Path<Self::Resource, Self::Value, Self::Multiplicity, Self::Attribute>;

    /// The attribute's characteristics (RFC 7643 §7).
    fn def(&self) -> &'static AttributeDef {
        <Self::Attribute as Attribute>::DEF
    }
}

impl<R, V, K, A: Attribute> TypedPath for Path<R, V, K, A> {
    type Resource = R;
    type Value = V;
    type Multiplicity = K;
    type Attribute = A;

    fn path(&self) -> Self {
        *self
    }
}

/// A value type of attributes, and what a path to such an attribute goes on to: nothing for
/// a scalar, its sub-attributes for a complex type (which the derive writes).
pub trait PathValue: Sized {
    /// What the path to an attribute of this type is: [`Path`] for a scalar.
    type Paths<R, K, A: Attribute>: TypedPath;

    /// Turns the path to an attribute of this type into [`Self::Paths`].
    fn paths<R, K, A: Attribute>(path: Path<R, Self, K, A>) -> Self::Paths<R, K, A>;
}

macro_rules! scalar_paths {
    ($($ty:ty),*) => {$(
        impl PathValue for $ty {
            type Paths<R, K, A: Attribute> = Path<R, Self, K, A>;
            fn paths<R, K, A: Attribute>(path: Path<R, Self, K, A>) -> Path<R, Self, K, A> {
                path
            }
        }
    )*};
}

scalar_paths!(String, bool, i64, Decimal, DateTime, Binary, Reference);

/// An extension schema whose attributes a resource's paths go on to; the derive writes it.
pub trait ExtensionPaths {
    /// The builder of the extension's attribute paths, under resources of type `R`.
    type Paths<R>;

    /// The builder.
    fn paths<R>() -> Self::Paths<R>;
}
