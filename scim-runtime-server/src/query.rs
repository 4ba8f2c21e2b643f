//! The query parameters of a list and the body of a search (RFC 7644 §3.4.2, §3.4.3).

use scim_runtime_model::context::Projection;
use scim_runtime_model::filter::{parse_filter, Filter};
use scim_runtime_model::message::{SearchRequest, SortOrder};
use scim_runtime_model::path::{parse_path, AttrPath};
use scim_runtime_model::validation::ScimType;

use super::{CursorCodec, ScimError};

/// A list or search request, checked and parsed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListQuery {
    /// The filter (RFC 7644 §3.4.2.2).
    pub filter: Option<Filter>,
    /// The attribute to sort by (RFC 7644 §3.4.2.3).
    pub sort_by: Option<AttrPath>,
    /// The sort order; ascending by default.
    pub sort_order: SortOrder,
    /// The 1-based index of the first result; values below 1 are read as 1 (RFC 7644 §3.4.2.4).
    pub start_index: u64,
    /// The page size; a negative value is read as 0 (RFC 7644 §3.4.2.4). `None` lets the server
    /// choose.
    pub count: Option<u64>,
    /// The attributes to return.
    pub attributes: Vec<String>,
    /// The attributes not to return.
    pub excluded_attributes: Vec<String>,
    /// The cursor of cursor pagination (RFC 9865): `Some("")` for the first page, `None`
    /// when the request pages by index.
    pub cursor: Option<String>,
}

/// The page a cursor asks for ([`ListQuery::cursor_page`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorPage {
    /// The 0-based indexes of the results of this page.
    pub range: core::ops::Range<usize>,
    /// The cursor of the next page (`nextCursor`); `None` on the last page.
    pub next_cursor: Option<String>,
    /// The cursor of the page before (`previousCursor`); `None` on the first page.
    pub previous_cursor: Option<String>,
}

impl ListQuery {
    /// Reads the query string of a `GET` (without the leading `?`), percent-decoded. Parameter
    /// names are matched case-insensitively; unknown parameters are ignored.
    ///
    /// # Errors
    ///
    /// A 400 `invalidFilter` for a bad filter, `invalidValue` for a bad number, sort order or
    /// attribute name.
    pub fn from_query(query: &str) -> Result<Self, ScimError> {
        let mut request = SearchRequest::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            let number = |v: &str| -> Result<i64, ScimError> {
                v.trim().parse().map_err(|_| {
                    ScimError::bad_request(
                        ScimType::InvalidValue,
                        format!("`{key}` must be an integer, not `{v}`"),
                    )
                })
            };
            match key.to_ascii_lowercase().as_str() {
                "filter" => request.filter = Some(value),
                "sortby" => request.sort_by = Some(value),
                "sortorder" => {
                    request.sort_order = Some(serde_json::from_value(serde_json::Value::String(value.clone())).map_err(|_| {
                        ScimError::bad_request(
                            ScimType::InvalidValue,
                            format!("`sortOrder` must be `ascending` or `descending`, not `{value}`"),
                        )
                    })?)
                }
                "startindex" => request.start_index = Some(number(&value)?.max(1) as u64),
                "count" => request.count = Some(number(&value)?.max(0) as u64),
                "cursor" => request.cursor = Some(value),
                "attributes" => request.attributes.extend(split_names(&value)),
                "excludedattributes" => request.excluded_attributes.extend(split_names(&value)),
                _ => {}
            }
        }
        Self::from_search_request(&request)
    }

    /// Reads the body of a `POST .search` (RFC 7644 §3.4.3).
    ///
    /// # Errors
    ///
    /// As [`ListQuery::from_query`], and a 400 `invalidValue` for a request with both
    /// `startIndex` and `cursor`: it cannot page both ways at once (RFC 9865).
    pub fn from_search_request(request: &SearchRequest) -> Result<Self, ScimError> {
        if request.cursor.is_some() && request.start_index.is_some() {
            return Err(ScimError::bad_request(
                ScimType::InvalidValue,
                "`startIndex` and `cursor` cannot be used together (RFC 9865)",
            ));
        }
        let filter = match &request.filter {
            Some(text) => Some(parse_filter(text).map_err(|e| {
                ScimError::bad_request(ScimType::InvalidFilter, format!("invalid filter: {e}"))
            })?),
            None => None,
        };
        let sort_by = match &request.sort_by {
            Some(text) => Some(parse_path(text).map_err(|e| {
                ScimError::bad_request(ScimType::InvalidValue, format!("invalid sortBy: {e}"))
            })?),
            None => None,
        };
        for name in request
            .attributes
            .iter()
            .chain(&request.excluded_attributes)
        {
            parse_path(name).map_err(|e| {
                ScimError::bad_request(
                    ScimType::InvalidValue,
                    format!("invalid attribute name `{name}`: {e}"),
                )
            })?;
        }
        Ok(Self {
            filter,
            sort_by,
            sort_order: request.sort_order.unwrap_or_default(),
            start_index: request.start_index.unwrap_or(1).max(1),
            count: request.count,
            attributes: request.attributes.clone(),
            excluded_attributes: request.excluded_attributes.clone(),
            cursor: request.cursor.clone(),
        })
    }

    /// Whether the request pages by cursor (RFC 9865).
    pub fn is_cursor_paging(&self) -> bool {
        self.cursor.is_some()
    }

    /// What a cursor of this query is bound to: the endpoint, the filter and the sort. A
    /// cursor made for one query is refused by another ([`CursorCodec`]); `count` and the
    /// projection may change from page to page.
    pub fn cursor_scope(&self, endpoint: &str) -> String {
        let filter = self.filter.as_ref().map(ToString::to_string);
        let sort_by = self.sort_by.as_ref().map(ToString::to_string);
        format!(
            "{endpoint}\n{}\n{}\n{:?}",
            filter.unwrap_or_default(),
            sort_by.unwrap_or_default(),
            self.sort_order
        )
    }

    /// The page of `total` results this query's cursor asks for (the first page for an empty
    /// or absent cursor), at most `count` or `max_results` long, with the cursors of the
    /// pages after and before it, made by `codec` for this query at `endpoint`.
    ///
    /// # Errors
    ///
    /// 400 `invalidCursor` for a cursor that `codec` did not make for this query, or that was
    /// altered; 400 `expiredCursor` for one past the codec's timeout.
    pub fn cursor_page(
        &self,
        codec: &CursorCodec,
        endpoint: &str,
        total: usize,
        max_results: usize,
    ) -> Result<CursorPage, ScimError> {
        let scope = self.cursor_scope(endpoint);
        let start = match self.cursor.as_deref() {
            None | Some("") => 0,
            Some(cursor) => codec.decode_offset(cursor, &scope)?,
        };
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(total);
        let count = self.count.map_or(max_results, |c| {
            usize::try_from(c).unwrap_or(usize::MAX).min(max_results)
        });
        let end = start.saturating_add(count).min(total);
        let offset = |n: usize| codec.encode_offset(n as u64, &scope);
        Ok(CursorPage {
            range: start..end,
            next_cursor: (end < total && end > start).then(|| offset(end)),
            previous_cursor: (start > 0).then(|| offset(start.saturating_sub(count))),
        })
    }

    /// The `attributes`/`excludedAttributes` projection for the response.
    pub fn projection(&self) -> Projection {
        Projection::new(&self.attributes, &self.excluded_attributes)
    }

    /// The page of `total` results this query asks for, as a range of 0-based indexes, given
    /// the server's largest page `max_results`.
    pub fn page(&self, total: usize, max_results: usize) -> core::ops::Range<usize> {
        let start = usize::try_from(self.start_index - 1)
            .unwrap_or(usize::MAX)
            .min(total);
        let count = self.count.map_or(max_results, |c| {
            usize::try_from(c).unwrap_or(usize::MAX).min(max_results)
        });
        start..start.saturating_add(count).min(total)
    }
}

fn split_names(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_parameter() {
        let q = ListQuery::from_query(
            "filter=userName+sw+%22J%22&sortBy=name.familyName&SORTORDER=descending&startIndex=3&count=2&attributes=userName,name&excludedAttributes=emails",
        )
        .unwrap();
        assert_eq!(q.filter.unwrap().to_string(), r#"userName sw "J""#);
        assert_eq!(q.sort_by.unwrap().to_string(), "name.familyName");
        assert_eq!(q.sort_order, SortOrder::Descending);
        assert_eq!((q.start_index, q.count), (3, Some(2)));
        assert_eq!(q.attributes, ["userName", "name"]);
        assert_eq!(q.excluded_attributes, ["emails"]);
    }

    #[test]
    fn clamps_like_rfc_7644_section_3_4_2_4() {
        let q = ListQuery::from_query("startIndex=0&count=-5").unwrap();
        assert_eq!((q.start_index, q.count), (1, Some(0)));
        assert_eq!(q.page(10, 100), 0..0);
        let q = ListQuery::from_query("startIndex=9&count=5").unwrap();
        assert_eq!(q.page(10, 100), 8..10);
        assert_eq!(ListQuery::from_query("").unwrap().page(250, 100), 0..100);
    }

    #[test]
    fn cursor_pages_cover_every_result_once() {
        let codec = CursorCodec::new(b"k".to_vec());
        let mut query = ListQuery::from_query("count=10&cursor=").unwrap();
        assert!(query.is_cursor_paging());
        let mut seen = Vec::new();
        loop {
            let page = query.cursor_page(&codec, "/Users", 25, 100).unwrap();
            seen.extend(page.range.clone());
            match page.next_cursor {
                Some(next) => query.cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen, (0..25).collect::<Vec<_>>());
        let e = ListQuery::from_query("startIndex=2&cursor=").unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidValue));
        let forged = ListQuery::from_query(
            "cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )
        .unwrap();
        let e = forged.cursor_page(&codec, "/Users", 25, 100).unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidCursor));
    }

    #[test]
    fn bad_input_is_a_scim_400() {
        let e = ListQuery::from_query("filter=userName+equals+%22x%22").unwrap_err();
        assert_eq!(
            (e.status.as_u16(), e.scim_type),
            (400, Some(ScimType::InvalidFilter))
        );
        assert!(e.detail.contains("column 10"), "{}", e.detail);
        let e = ListQuery::from_query("count=ten").unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidValue));
        let e = ListQuery::from_query("sortOrder=sideways").unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidValue));
        let e = ListQuery::from_query("attributes=a%20b").unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidValue));
    }
}
