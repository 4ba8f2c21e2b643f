//! `ListResponse` (RFC 7644 §3.4.2): a page of query or search results.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::wire::lenient_u64;
use crate::context::{Context, Projection};
use crate::traits::Resource;
use crate::OtherAttributes;

/// The schema URN of list responses.
pub const LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/// A page of results (RFC 7644 §3.4.2).
///
/// `T` is a typed resource, or [`serde_json::Value`] for the mixed results of a search at the
/// root. Reading accepts every member name in any case (RFC 7643 §2.1: `Resources`,
/// `TotalResults`), and numbers sent as strings, as real servers send them; two members equal
/// but for case are an error naming the member.
///
/// Cursor pagination (RFC 9865) adds `nextCursor` and `previousCursor`: the opaque cursors of
/// the pages after and before this one; the last page has no `nextCursor`.
///
/// A list without `totalResults` is read, with `None`: servers that page by cursor
/// (RFC 9865) or simply forget it exist. RFC 7644 §3.4.2 makes it required, and the client's
/// response check reports a list without it, as scim2-models does; switching that check off
/// (`Checks::response_payload`, feature `client`) reads such lists.
#[derive(Debug, Clone, PartialEq)]
pub struct ListResponse<T> {
    /// The total number of results the query matched, across all pages; `None` when the
    /// server did not say.
    pub total_results: Option<u64>,
    /// The number of results on this page.
    pub items_per_page: Option<u64>,
    /// The 1-based index of the first result of this page.
    pub start_index: Option<u64>,
    /// The results of this page.
    pub resources: Vec<T>,
    /// The cursor of the next page (RFC 9865); `None` on the last page.
    pub next_cursor: Option<String>,
    /// The cursor of the previous page (RFC 9865), when the server offers one.
    pub previous_cursor: Option<String>,
    /// Keys this library does not know, kept as sent.
    pub other: OtherAttributes,
}

impl<T> Default for ListResponse<T> {
    fn default() -> Self {
        Self {
            total_results: None,
            items_per_page: None,
            start_index: None,
            resources: Vec::new(),
            next_cursor: None,
            previous_cursor: None,
            other: OtherAttributes::new(),
        }
    }
}

impl<T> ListResponse<T> {
    /// A page holding `resources`, with `totalResults` set to `total`.
    pub fn new(resources: Vec<T>, total: u64, start_index: u64) -> Self {
        Self {
            total_results: Some(total),
            items_per_page: Some(resources.len() as u64),
            start_index: Some(start_index),
            resources,
            next_cursor: None,
            previous_cursor: None,
            other: OtherAttributes::new(),
        }
    }

    /// A page of cursor pagination (RFC 9865): `resources`, with `nextCursor` set to `next`
    /// (`None` on the last page) and `totalResults` to `total` when the server knows it.
    pub fn with_cursor(resources: Vec<T>, total: Option<u64>, next: Option<String>) -> Self {
        Self {
            total_results: total,
            items_per_page: Some(resources.len() as u64),
            start_index: None,
            resources,
            next_cursor: next,
            previous_cursor: None,
            other: OtherAttributes::new(),
        }
    }

    /// Whether the page carries a cursor, next or previous: it belongs to cursor pagination
    /// (RFC 9865).
    pub fn has_cursor(&self) -> bool {
        self.next_cursor.is_some() || self.previous_cursor.is_some()
    }
}

impl<T: Resource> ListResponse<T> {
    /// A view that serializes every resource in `context` (a query or search response),
    /// shaped by `projection`.
    pub fn in_context<'a>(
        &'a self,
        context: Context,
        projection: Option<&'a Projection>,
    ) -> ListInContext<'a, T> {
        ListInContext {
            list: self,
            context,
            projection,
        }
    }

    /// The page as JSON bytes, every resource in `context` (RFC 7644 §3.4.2): written
    /// straight into the buffer, with no [`serde_json::Value`] between, as
    /// [`Resource::to_vec_in`] writes one resource.
    ///
    /// ```
    /// use scim_runtime::message::ListResponse;
    /// use scim_runtime::{Context, User};
    ///
    /// let user = User { user_name: Some("bjensen".into()), ..User::default() };
    /// let page = ListResponse::new(vec![user], 1, 1);
    /// let body = page.to_vec_in(Context::QueryResponse, None);
    /// let json: serde_json::Value = serde_json::from_slice(&body)?;
    /// assert_eq!(json["Resources"][0]["userName"], "bjensen");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_vec_in(&self, context: Context, projection: Option<&Projection>) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 * (1 + self.resources.len()));
        // Writing into a Vec cannot fail: keys are strings and every value is JSON.
        let _ = serde_json::to_writer(&mut out, &self.in_context(context, projection));
        out
    }

    /// Writes the page as JSON, every resource in `context`, into `writer`.
    ///
    /// # Errors
    ///
    /// What `writer` fails with.
    pub fn to_writer_in<W: std::io::Write>(
        &self,
        writer: W,
        context: Context,
        projection: Option<&Projection>,
    ) -> serde_json::Result<()> {
        serde_json::to_writer(writer, &self.in_context(context, projection))
    }
}

fn write_list<S, F>(
    list: &ListResponse<F>,
    serializer: S,
    resources: impl Serialize,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry("schemas", &[LIST_RESPONSE])?;
    if let Some(n) = list.total_results {
        map.serialize_entry("totalResults", &n)?;
    }
    if let Some(n) = list.items_per_page {
        map.serialize_entry("itemsPerPage", &n)?;
    }
    if let Some(n) = list.start_index {
        map.serialize_entry("startIndex", &n)?;
    }
    if let Some(c) = &list.next_cursor {
        map.serialize_entry("nextCursor", c)?;
    }
    if let Some(c) = &list.previous_cursor {
        map.serialize_entry("previousCursor", c)?;
    }
    map.serialize_entry("Resources", &resources)?;
    for (k, v) in &list.other {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

impl<T: Serialize> Serialize for ListResponse<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_list(self, serializer, &self.resources)
    }
}

/// A list response serialized in a context; see [`ListResponse::in_context`].
pub struct ListInContext<'a, T> {
    list: &'a ListResponse<T>,
    context: Context,
    projection: Option<&'a Projection>,
}

struct ResourcesInContext<'a, T>(&'a ListInContext<'a, T>);

impl<T: Resource> Serialize for ResourcesInContext<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.0
                .list
                .resources
                .iter()
                .map(|r| r.in_context(self.0.context, self.0.projection)),
        )
    }
}

impl<T: Resource> Serialize for ListInContext<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_list(self.list, serializer, ResourcesInContext(self))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListResponse<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ListResponse<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a SCIM ListResponse")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = ListResponse::default();
                let mut seen: Vec<String> = Vec::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let folded = key.to_lowercase();
                    if seen.contains(&folded) {
                        return Err(de::Error::custom(format_args!(
                            "duplicate member `{key}`: member names are case-insensitive \
                             (RFC 7643 §2.1)"
                        )));
                    }
                    seen.push(folded);
                    if key.eq_ignore_ascii_case("totalResults") {
                        out.total_results = lenient_u64(map.next_value()?);
                    } else if key.eq_ignore_ascii_case("itemsPerPage") {
                        out.items_per_page = lenient_u64(map.next_value()?);
                    } else if key.eq_ignore_ascii_case("startIndex") {
                        out.start_index = lenient_u64(map.next_value()?);
                    } else if key.eq_ignore_ascii_case("nextCursor") {
                        // `"nextCursor": null` or `""` is the last page, as no cursor is.
                        out.next_cursor = map
                            .next_value::<Option<String>>()?
                            .filter(|c| !c.is_empty());
                    } else if key.eq_ignore_ascii_case("previousCursor") {
                        out.previous_cursor = map
                            .next_value::<Option<String>>()?
                            .filter(|c| !c.is_empty());
                    } else if key.eq_ignore_ascii_case("Resources") {
                        // `"Resources": null` is an empty page.
                        out.resources = map.next_value::<Option<Vec<T>>>()?.unwrap_or_default();
                    } else if key.eq_ignore_ascii_case("schemas") {
                        map.next_value::<de::IgnoredAny>()?;
                    } else {
                        out.other.insert(key.into_owned(), map.next_value()?);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(V(PhantomData))
    }
}
