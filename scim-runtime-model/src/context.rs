//! SCIM contexts: what a payload may hold depends on the request or response it travels in.
//!
//! The rules follow RFC 7643 §7 and RFC 7644 §3.4.2.5 as scim2-models 0.12 applies them:
//!
//! | context | serializing drops | validating reports |
//! |---|---|---|
//! | [`Context::Default`] | nothing | nothing |
//! | creation, replacement requests | `readOnly` | missing `required`; `readOnly` values are dropped, not refused (RFC 7644 §3.5.1) |
//! | patch requests | `readOnly` | nothing here: the PATCH engine checks each operation's target |
//! | query and search requests | `writeOnly` | `writeOnly` values (`mutability`) |
//! | every response | `returned: never`, `returned: request` unless asked, what `attributes`/`excludedAttributes` leave out | `returned: never` present, `returned: always` missing |
//!
//! Validation in any context other than [`Context::Default`] also reports a multi-valued
//! attribute with more than one `primary: true` value (RFC 7643 §2.4).

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::attribute::{AttributeDef, Mutability, Returned};
use crate::path::IntoAttrPath;

/// The request or response a payload travels in (RFC 7644 §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Context {
    /// No context: everything is serialized, nothing is checked.
    #[default]
    Default,
    /// The body of a `POST` that creates a resource (RFC 7644 §3.3).
    CreationRequest,
    /// The resource a server answers a creation with.
    CreationResponse,
    /// A query by `GET` (RFC 7644 §3.4.1); used for the resource in query parameters.
    QueryRequest,
    /// A resource returned by `GET`.
    QueryResponse,
    /// The body of a `PUT` (RFC 7644 §3.5.1).
    ReplacementRequest,
    /// The resource a server answers a `PUT` with.
    ReplacementResponse,
    /// A value in a `PATCH` operation (RFC 7644 §3.5.2).
    PatchRequest,
    /// The resource a server answers a `PATCH` with.
    PatchResponse,
    /// A `POST /.search` body (RFC 7644 §3.4.3).
    SearchRequest,
    /// A resource in a search's `ListResponse`.
    SearchResponse,
}

impl Context {
    /// Every context, in declaration order.
    pub const ALL: [Context; 11] = [
        Self::Default,
        Self::CreationRequest,
        Self::CreationResponse,
        Self::QueryRequest,
        Self::QueryResponse,
        Self::ReplacementRequest,
        Self::ReplacementResponse,
        Self::PatchRequest,
        Self::PatchResponse,
        Self::SearchRequest,
        Self::SearchResponse,
    ];

    /// Whether a client sends this payload to a server.
    pub const fn is_request(self) -> bool {
        matches!(
            self,
            Self::CreationRequest
                | Self::QueryRequest
                | Self::ReplacementRequest
                | Self::PatchRequest
                | Self::SearchRequest
        )
    }

    /// Whether a server sends this payload to a client.
    pub const fn is_response(self) -> bool {
        matches!(
            self,
            Self::CreationResponse
                | Self::QueryResponse
                | Self::ReplacementResponse
                | Self::PatchResponse
                | Self::SearchResponse
        )
    }

    /// Whether `readOnly` attributes are left out of (and ignored in) this payload: the bodies
    /// that write a resource (RFC 7644 §3.5.1: "readOnly values provided SHALL be ignored").
    pub const fn ignores_read_only(self) -> bool {
        matches!(
            self,
            Self::CreationRequest | Self::ReplacementRequest | Self::PatchRequest
        )
    }

    /// Whether `writeOnly` attributes are refused: the payloads that read.
    pub const fn refuses_write_only(self) -> bool {
        matches!(self, Self::QueryRequest | Self::SearchRequest)
    }

    /// Whether `readOnly` values are dropped when this payload is read: the bodies that carry a
    /// whole resource. A PATCH value keeps them, so that the PATCH engine can refuse an
    /// operation on a `readOnly` attribute with `mutability` (RFC 7644 §3.5.2).
    pub const fn drops_read_only_on_input(self) -> bool {
        matches!(self, Self::CreationRequest | Self::ReplacementRequest)
    }

    /// Whether `required` attributes must be present: the bodies that carry a whole resource.
    pub const fn checks_required(self) -> bool {
        matches!(self, Self::CreationRequest | Self::ReplacementRequest)
    }

    /// The kebab-case name used on the command line (`creation-request`, `query-response`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::CreationRequest => "creation-request",
            Self::CreationResponse => "creation-response",
            Self::QueryRequest => "query-request",
            Self::QueryResponse => "query-response",
            Self::ReplacementRequest => "replacement-request",
            Self::ReplacementResponse => "replacement-response",
            Self::PatchRequest => "patch-request",
            Self::PatchResponse => "patch-response",
            Self::SearchRequest => "search-request",
            Self::SearchResponse => "search-response",
        }
    }
}

/// Writes [`Context::as_str`], the kebab-case name (`creation-request`), which
/// [`FromStr`](core::str::FromStr) reads back.
impl core::fmt::Display for Context {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads a context by name, in any case, with `-`, `_` or nothing between the words: the name
/// [`Display`](core::fmt::Display) writes (`creation-request`), the Rust variant
/// (`CreationRequest`), and the scim2-models `Context` member (`RESOURCE_CREATION_REQUEST`,
/// `SEARCH_REQUEST`, `DEFAULT`), whose resource contexts carry a `RESOURCE_` prefix.
///
/// ```
/// use scim_runtime::Context;
///
/// assert_eq!("creation-request".parse(), Ok(Context::CreationRequest));
/// assert_eq!("RESOURCE_QUERY_RESPONSE".parse(), Ok(Context::QueryResponse));
/// assert_eq!("SearchRequest".parse(), Ok(Context::SearchRequest));
/// assert_eq!(Context::PatchResponse.to_string().parse(), Ok(Context::PatchResponse));
/// assert!("creation".parse::<Context>().is_err());
/// ```
impl core::str::FromStr for Context {
    type Err = UnknownContext;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Compare word letters only: `creation-request`, `creation_request` and
        // `CreationRequest` all fold to `creationrequest`.
        let folded: String = s
            .chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect();
        let bare = folded.strip_prefix("resource").unwrap_or(&folded);
        Self::ALL
            .into_iter()
            .find(|c| {
                let name = c.as_str().replace('-', "");
                name == folded
                    // `RESOURCE_CREATION_REQUEST`, but not `RESOURCE_SEARCH_REQUEST` or
                    // `RESOURCE_DEFAULT`, which scim2-models does not have.
                    || (name == bare && !matches!(c, Self::Default | Self::SearchRequest | Self::SearchResponse))
            })
            .ok_or_else(|| UnknownContext(s.to_owned()))
    }
}

/// A context name that [`Context`]'s `FromStr` does not know; holds the name as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown context `{0}`: expected one of default, creation-request, creation-response, query-request, query-response, replacement-request, replacement-response, patch-request, patch-response, search-request, search-response (or the scim2-models name, such as RESOURCE_CREATION_REQUEST)")]
pub struct UnknownContext(pub String);

/// The `attributes` and `excludedAttributes` of a request (RFC 7644 §3.4.2.5), which shape the
/// resources of a response.
///
/// Names may be short (`userName`, `name.givenName`) or fully qualified with their schema URN
/// (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`), and are
/// compared case-insensitively (RFC 7643 §2.1). They are given as any
/// [`IntoAttrPath`]: text, or typed paths such as `User::paths().name().given_name()`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Projection {
    attributes: Vec<String>,
    excluded: Vec<String>,
}

impl Projection {
    /// No projection: every attribute returned by default is returned.
    pub const fn none() -> Self {
        Self {
            attributes: Vec::new(),
            excluded: Vec::new(),
        }
    }

    /// Only these attributes, and those `returned: always`.
    pub fn attributes<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        Self {
            attributes: lowered(names),
            excluded: Vec::new(),
        }
    }

    /// Every attribute returned by default except these.
    pub fn excluded_attributes<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        Self {
            attributes: Vec::new(),
            excluded: lowered(names),
        }
    }

    /// Both lists, as a request may carry them (a server that gets both applies `attributes`
    /// first, as scim2-models does).
    pub fn new<I, J, S, T>(attributes: I, excluded: J) -> Self
    where
        I: IntoIterator<Item = S>,
        J: IntoIterator<Item = T>,
        S: IntoAttrPath,
        T: IntoAttrPath,
    {
        Self {
            attributes: lowered(attributes),
            excluded: lowered(excluded),
        }
    }

    /// Whether neither list names anything.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.excluded.is_empty()
    }

    /// The requested attributes, lower-cased.
    pub fn requested(&self) -> &[String] {
        &self.attributes
    }

    /// The excluded attributes, lower-cased.
    pub fn excluded(&self) -> &[String] {
        &self.excluded
    }

    /// Whether an attribute with this `returned` characteristic, at this fully qualified
    /// position, is part of the response (scim2-models `_is_returned`).
    fn keeps(&self, returned: Returned, position: &Position<'_>) -> bool {
        match returned {
            Returned::Never => false,
            Returned::Always => true,
            Returned::Default => {
                (self.attributes.is_empty()
                    || self.attributes.iter().any(|r| position.related_to(r)))
                    && !self.excluded.iter().any(|r| position.is(r))
            }
            Returned::Request => self.attributes.iter().any(|r| position.is_or_parent_of(r)),
        }
    }
}

fn lowered<I, S>(names: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: IntoAttrPath,
{
    names
        .into_iter()
        .flat_map(|n| {
            // `attributes=a,b` arrives as one comma-separated query parameter.
            n.path_text()
                .split(',')
                .map(|p| p.trim().to_ascii_lowercase())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Where an attribute sits: its schema URN and its short path (`name` or `name.givenName`).
struct Position<'a> {
    schema: &'a str,
    parent: Option<&'a str>,
    name: &'a str,
}

impl Position<'_> {
    /// `requested` names exactly this attribute (no parent/child relation).
    fn is(&self, requested: &str) -> bool {
        match split_urn(requested) {
            Some((urn, path)) => urn.eq_ignore_ascii_case(self.schema) && self.short_is(path),
            None => self.short_is(requested),
        }
    }

    /// `requested` names this attribute or one of its sub-attributes.
    fn is_or_parent_of(&self, requested: &str) -> bool {
        let (urn, path) = match split_urn(requested) {
            Some((urn, path)) => (Some(urn), path),
            None => (None, requested),
        };
        if urn.is_some_and(|u| !u.eq_ignore_ascii_case(self.schema)) {
            return false;
        }
        self.short_is(path) || self.short_is_prefix_of(path)
    }

    /// `requested` names this attribute, one of its sub-attributes, or its parent
    /// (scim2-models `_attr_matches`). A fully qualified `requested` that names the whole schema
    /// (the extension URN alone) also matches.
    fn related_to(&self, requested: &str) -> bool {
        if requested.contains(':') {
            if let Some((urn, path)) = split_urn(requested) {
                if urn.eq_ignore_ascii_case(self.schema) {
                    return self.short_is(path)
                        || self.short_is_prefix_of(path)
                        || self.short_has_prefix(path);
                }
            }
            // The requested name may be the schema URN itself, naming every attribute in it.
            return requested.eq_ignore_ascii_case(self.schema);
        }
        self.short_is(requested)
            || self.short_is_prefix_of(requested)
            || self.short_has_prefix(requested)
    }

    fn short_is(&self, path: &str) -> bool {
        match self.parent {
            None => path.eq_ignore_ascii_case(self.name),
            Some(parent) => match path.split_once('.') {
                Some((p, s)) => p.eq_ignore_ascii_case(parent) && s.eq_ignore_ascii_case(self.name),
                None => false,
            },
        }
    }

    /// `path` is a sub-attribute of this attribute (`name` for `name.givenName`).
    fn short_is_prefix_of(&self, path: &str) -> bool {
        match (self.parent, path.split_once('.')) {
            (None, Some((p, _))) => p.eq_ignore_ascii_case(self.name),
            _ => false,
        }
    }

    /// `path` is the parent of this attribute (`name.givenName` under `name`).
    fn short_has_prefix(&self, path: &str) -> bool {
        match self.parent {
            Some(parent) => !path.contains('.') && path.eq_ignore_ascii_case(parent),
            None => false,
        }
    }
}

/// Splits `urn:...:Schema:attr.sub` into the URN and the attribute path. The URN is everything
/// before the last `:` (RFC 7644 §3.10).
fn split_urn(name: &str) -> Option<(&str, &str)> {
    if !name
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("urn:"))
    {
        return None;
    }
    name.rsplit_once(':')
}

/// Whether `value` is an empty object or array, which is never written (RFC 7643 §2.5).
fn is_empty_container(value: &Value) -> bool {
    match value {
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The block of an unknown extension: `key` starts with `urn:`, `value` is an object, and
/// `key` is neither one of the `known` schemas nor an attribute of one (`<URN>:<attribute>`,
/// RFC 7644 §3.10), which would be a value, not a schema.
pub(crate) fn unknown_block<'v>(
    key: &str,
    value: &'v Value,
    known: &[&str],
) -> Option<&'v Map<String, Value>> {
    let block = value.as_object()?;
    let is_urn = key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:"));
    // A key that is a known URN itself (the core schema's, which has no block) is no unknown
    // block either: listing it would name that schema twice.
    let qualified = known
        .iter()
        .any(|urn| urn.eq_ignore_ascii_case(key) || crate::urn::strip_schema(key, urn).is_some());
    (is_urn && !qualified).then_some(block)
}

/// Where serialization is in a payload: the context, the projection, and the schema and parent
/// attribute being written. Generated code threads it through nested values.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    context: Context,
    projection: Option<&'a Projection>,
    schema: &'a str,
    parent: Option<&'static str>,
}

impl<'a> Scope<'a> {
    /// The scope of plain serialization: everything, no context.
    pub const DEFAULT: Scope<'static> = Scope {
        context: Context::Default,
        projection: None,
        schema: "",
        parent: None,
    };

    /// The scope at the top of a payload of schema `schema`.
    pub fn new(context: Context, projection: Option<&'a Projection>, schema: &'a str) -> Self {
        let projection = projection.filter(|p| !p.is_empty() && context.is_response());
        Self {
            context,
            projection,
            schema,
            parent: None,
        }
    }

    /// The context.
    #[inline]
    pub fn context(&self) -> Context {
        self.context
    }

    /// The same scope inside an extension block of schema `schema`.
    pub fn in_extension(&self, schema: &'a str) -> Self {
        Self {
            schema,
            parent: None,
            ..*self
        }
    }

    /// Whether the extension block of schema `urn` is written (its attributes are then decided
    /// one by one).
    pub fn keeps_extension(&self, urn: &str) -> bool {
        match self.projection {
            None => true,
            Some(p) => {
                let requested = |r: &String| {
                    r.eq_ignore_ascii_case(urn)
                        || (r.len() > urn.len()
                            && r.as_bytes()[urn.len()] == b':'
                            && r[..urn.len()].eq_ignore_ascii_case(urn))
                };
                (p.attributes.is_empty() || p.attributes.iter().any(requested))
                    && !p.excluded.iter().any(|r| r.eq_ignore_ascii_case(urn))
            }
        }
    }

    /// Whether an attribute the type does not know is written. Unknown attributes carry no
    /// characteristics, so they are treated as `readWrite` and `returned: default`.
    pub fn keeps_unknown(&self, name: &str) -> bool {
        match self.projection {
            None => true,
            Some(p) => p.keeps(
                Returned::Default,
                &Position {
                    schema: self.schema,
                    parent: self.parent,
                    name,
                },
            ),
        }
    }

    /// What is written of the attribute `name`, which the type does not know, holding `value`:
    /// `None` when it is left out. Unknown attributes carry no characteristics, so they are
    /// treated as `readWrite` and `returned: default`, and are otherwise written as sent.
    ///
    /// A projection reaches one level into an unknown complex value (or into each object of an
    /// unknown multi-valued one), as it does into a known one: `attributes=foo.bar` writes
    /// `foo` with only `bar`. An object or list that the projection empties is left out, as
    /// unassigned (RFC 7643 §2.5), never written as `{}` or `[]`.
    pub fn unknown_value<'v>(&self, name: &str, value: &'v Value) -> Option<Cow<'v, Value>> {
        let Some(p) = self.projection else {
            return Some(Cow::Borrowed(value));
        };
        let here = Position {
            schema: self.schema,
            parent: self.parent,
            name,
        };
        if !p.keeps(Returned::Default, &here) {
            return None;
        }
        // Below the second level values are written whole, as known ones are.
        if self.parent.is_some() || is_empty_container(value) {
            return Some(Cow::Borrowed(value));
        }
        let sub = |map: &Map<String, Value>| -> Map<String, Value> {
            map.iter()
                .filter(|(k, _)| {
                    p.keeps(
                        Returned::Default,
                        &Position {
                            schema: self.schema,
                            parent: Some(name),
                            name: k,
                        },
                    )
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let projected = match value {
            Value::Object(map) => Value::Object(sub(map)),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .filter_map(|item| match item {
                        Value::Object(map) if !map.is_empty() => {
                            let kept = sub(map);
                            (!kept.is_empty()).then_some(Value::Object(kept))
                        }
                        other => Some(other.clone()),
                    })
                    .collect(),
            ),
            other => return Some(Cow::Borrowed(other)),
        };
        (!is_empty_container(&projected)).then_some(Cow::Owned(projected))
    }

    /// What is written of the top-level attribute `key` of a resource, which the type does not
    /// know, holding `value`. `known` lists the resource's schema URNs (core and extensions).
    ///
    /// A key that starts with `urn:` and holds an object, and is not `<known URN>:<attribute>`,
    /// is the block of an extension the type does not know (RFC 7643 §3.3): `attributes` and
    /// `excludedAttributes` keep or drop it by its URN, and reach its attributes by their
    /// URN-qualified paths (RFC 7644 §3.10, §3.4.2.5), case-insensitively. A block the
    /// projection empties is left out.
    pub fn unknown_top_value<'v>(
        &self,
        key: &'v str,
        value: &'v Value,
        known: &[&str],
    ) -> Option<Cow<'v, Value>> {
        let Some(block) = unknown_block(key, value, known) else {
            return self.unknown_value(key, value);
        };
        if self.projection.is_none() || block.is_empty() {
            return self.keeps_extension(key).then_some(Cow::Borrowed(value));
        }
        if !self.keeps_extension(key) {
            return None;
        }
        let inner = self.in_extension(key);
        let kept: Map<String, Value> = block
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), inner.unknown_value(k, v)?.into_owned())))
            .collect();
        (!kept.is_empty()).then_some(Cow::Owned(Value::Object(kept)))
    }

    /// Decides whether `attribute` (present in the value) is written, and gives the scope for
    /// its sub-attributes if it is.
    #[inline]
    pub fn child(&self, attribute: &'static AttributeDef) -> Option<Scope<'a>> {
        let keep = match self.context {
            Context::Default => true,
            c if c.is_request() => match attribute.mutability {
                Mutability::ReadOnly => !c.ignores_read_only(),
                Mutability::WriteOnly => !c.refuses_write_only(),
                _ => true,
            },
            _ => match self.projection {
                None => matches!(attribute.returned, Returned::Always | Returned::Default),
                Some(p) => p.keeps(
                    attribute.returned,
                    &Position {
                        schema: self.schema,
                        parent: self.parent,
                        name: attribute.name,
                    },
                ),
            },
        };
        keep.then(|| Scope {
            parent: if self.parent.is_none() {
                Some(attribute.name)
            } else {
                // SCIM has two levels; deeper values (some real schemas nest further) are
                // projected as a whole with their parent.
                self.parent
            },
            projection: if self.parent.is_some() {
                None
            } else {
                self.projection
            },
            ..*self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::{AttributeDef, AttributeType};

    const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
    const NAME: AttributeDef = AttributeDef::new("name", AttributeType::Complex);
    const GIVEN: AttributeDef = AttributeDef::new("givenName", AttributeType::String);
    const FAMILY: AttributeDef = AttributeDef::new("familyName", AttributeType::String);

    fn keeps(p: &Projection, path: &[&'static AttributeDef]) -> bool {
        let mut scope = Scope::new(Context::QueryResponse, Some(p), USER);
        for a in path {
            match scope.child(a) {
                Some(s) => scope = s,
                None => return false,
            }
        }
        true
    }

    #[test]
    fn attributes_select_parents_and_children() {
        let p = Projection::attributes(["name.givenName"]);
        assert!(keeps(&p, &[&NAME, &GIVEN]));
        assert!(!keeps(&p, &[&NAME, &FAMILY]));
        let p = Projection::attributes(["NAME"]);
        assert!(keeps(&p, &[&NAME, &GIVEN]));
        let p = Projection::attributes([format!("{USER}:name.givenName")]);
        assert!(keeps(&p, &[&NAME, &GIVEN]));
        assert!(!keeps(&p, &[&NAME, &FAMILY]));
    }

    #[test]
    fn excluded_attributes_match_exactly() {
        let p = Projection::excluded_attributes(["name.givenName"]);
        assert!(keeps(&p, &[&NAME, &FAMILY]));
        assert!(!keeps(&p, &[&NAME, &GIVEN]));
        let p = Projection::excluded_attributes(["name"]);
        assert!(!keeps(&p, &[&NAME]));
    }

    #[test]
    fn comma_separated_lists_are_split() {
        let p = Projection::attributes(["userName, name.givenName"]);
        assert_eq!(p.requested(), ["username", "name.givenname"]);
    }

    #[test]
    fn context_names_round_trip() {
        for c in Context::ALL {
            assert_eq!(c.as_str().parse::<Context>(), Ok(c));
        }
        assert!("creation".parse::<Context>().is_err());
    }
}
