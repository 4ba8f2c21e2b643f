//! The body of `POST /.search` (RFC 7644 §3.4.3).

use serde::{Deserialize, Deserializer, Serialize};

use crate::path::IntoAttrPath;
use crate::OtherAttributes;

/// The schema URN of search requests.
pub const SEARCH_REQUEST: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

/// The order of sorted results (RFC 7644 §3.4.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Smallest first (the default).
    #[default]
    Ascending,
    /// Largest first.
    Descending,
}

impl<'de> Deserialize<'de> for SortOrder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        if s.eq_ignore_ascii_case("ascending") {
            Ok(Self::Ascending)
        } else if s.eq_ignore_ascii_case("descending") {
            Ok(Self::Descending)
        } else {
            Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&s),
                &"`ascending` or `descending`",
            ))
        }
    }
}

/// A search request (RFC 7644 §3.4.3); also the shape of the query parameters of a `GET`.
///
/// Members are read in any case (`"Filter"`, `"STARTINDEX"`), as every SCIM attribute name
/// (RFC 7643 §2.1); two members equal but for case are an error naming the member. `schemas` is
/// always written with the SearchRequest URN (servers refuse a search without it); `Default`
/// holds it too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct SearchRequest {
    /// `["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]`.
    #[serde(default = "search_schemas", serialize_with = "write_search_schemas")]
    pub schemas: Vec<String>,
    /// The attributes to return (RFC 7644 §3.4.2.5).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "names"
    )]
    pub attributes: Vec<String>,
    /// The attributes not to return.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "names"
    )]
    pub excluded_attributes: Vec<String>,
    /// The filter (RFC 7644 §3.4.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// The attribute to sort by (RFC 7644 §3.4.2.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// The sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
    /// The 1-based index of the first result (RFC 7644 §3.4.2.4).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::wire::opt_lenient_u64"
    )]
    pub start_index: Option<u64>,
    /// The maximum number of results per page.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::wire::opt_lenient_u64"
    )]
    pub count: Option<u64>,
    /// The cursor of the page to return (RFC 9865): `Some("")` asks for the first page of
    /// cursor pagination, a `nextCursor` or `previousCursor` a server returned asks for that
    /// page. `None` pages by index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

fn search_schemas() -> Vec<String> {
    vec![SEARCH_REQUEST.to_owned()]
}

fn write_search_schemas<S: serde::Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, SEARCH_REQUEST, s)
}

impl Default for SearchRequest {
    fn default() -> Self {
        Self {
            schemas: search_schemas(),
            attributes: Vec::new(),
            excluded_attributes: Vec::new(),
            filter: None,
            sort_by: None,
            sort_order: None,
            start_index: None,
            count: None,
            cursor: None,
            other: OtherAttributes::new(),
        }
    }
}

impl SearchRequest {
    /// The same request sorted by `path` (RFC 7644 §3.4.2.3): text or a typed path such as
    /// `User::paths().name().family_name()`.
    #[must_use]
    pub fn with_sort_by(mut self, path: impl IntoAttrPath, order: SortOrder) -> Self {
        self.sort_by = Some(path.path_text().into_owned());
        self.sort_order = Some(order);
        self
    }

    /// The same request asking for these attributes (RFC 7644 §3.4.2.5): text or typed paths.
    #[must_use]
    pub fn with_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.attributes = names
            .into_iter()
            .map(|n| n.path_text().into_owned())
            .collect();
        self
    }

    /// The same request leaving these attributes out (RFC 7644 §3.4.2.5): text or typed paths.
    #[must_use]
    pub fn with_excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.excluded_attributes = names
            .into_iter()
            .map(|n| n.path_text().into_owned())
            .collect();
        self
    }
}

impl Serialize for SearchRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(
    SearchRequest,
    "a SCIM SearchRequest",
    [
        "schemas",
        "attributes",
        "excludedAttributes",
        "filter",
        "sortBy",
        "sortOrder",
        "startIndex",
        "count",
        "cursor"
    ]
);

/// A list of attribute names, or one comma-separated string as in a query parameter.
fn names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Names {
        List(Vec<String>),
        Joined(String),
    }
    Ok(match Option::<Names>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(Names::List(l)) => l,
        Some(Names::Joined(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}
