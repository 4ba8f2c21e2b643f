//! A list or search to shape, then to send for one page or to read in full ([`Query`]).

use core::fmt::Display;
use core::marker::PhantomData;

use crate::call::Overrides;
use crate::checks::Checks;
use crate::paging::{Pager, Paging};
use crate::request::{Core, Operation, QueryMethod};
use scim_runtime_model::exchange::Outcome;
use scim_runtime_model::message::{ListResponse, SearchRequest, SortOrder};
use scim_runtime_model::path::IntoAttrPath;
use scim_runtime_model::schema::ServiceProviderConfig;

/// A query or search to shape, then `send` for one page or read in full with `stream()`
/// (async) or `iter()` (blocking).
#[derive(Debug)]
#[must_use = "a query does nothing until it is sent"]
pub struct Query<'a, C, T>
where
    ListResponse<T>: Outcome,
{
    pub(crate) client: &'a C,
    path: String,
    shape: <ListResponse<T> as Outcome>::Shape,
    method: QueryMethod,
    request: SearchRequest,
    paging: Paging,
    pub(crate) overrides: Overrides,
    item: PhantomData<fn() -> T>,
}

impl<'a, C, T> Query<'a, C, T>
where
    ListResponse<T>: Outcome,
{
    /// A query of the whole list at `path`, before any parameter is set.
    pub(crate) fn new(
        client: &'a C,
        path: &str,
        shape: <ListResponse<T> as Outcome>::Shape,
        method: QueryMethod,
    ) -> Self {
        Self {
            client,
            path: path.to_owned(),
            shape,
            method,
            request: SearchRequest::default(),
            paging: Paging::Auto,
            overrides: Overrides::default(),
            item: PhantomData,
        }
    }

    /// Only the results matching `filter` (RFC 7644 §3.4.2.2): a [`Filter`] built or parsed,
    /// or filter text.
    ///
    /// [`Filter`]: scim_runtime_model::filter::Filter
    pub fn filter(mut self, filter: impl Display) -> Self {
        self.request.filter = Some(filter.to_string());
        self
    }

    /// Sorts by this attribute (RFC 7644 §3.4.2.3): text or a typed path.
    pub fn sort_by(mut self, attribute: impl IntoAttrPath) -> Self {
        self.request.sort_by = Some(attribute.path_text().into_owned());
        self
    }

    /// The sort order.
    pub fn sort_order(mut self, order: SortOrder) -> Self {
        self.request.sort_order = Some(order);
        self
    }

    /// The 1-based index of the first result (RFC 7644 §3.4.2.4).
    pub fn start_index(mut self, index: u64) -> Self {
        self.request.start_index = Some(index);
        self
    }

    /// The number of results per page.
    pub fn count(mut self, count: u64) -> Self {
        self.request.count = Some(count);
        self
    }

    /// The page at this cursor (RFC 9865): `""` for the first page of cursor pagination, or
    /// a `nextCursor` or `previousCursor` the server returned. `stream()` and `iter()` then
    /// page by cursor from there.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.request.cursor = Some(cursor.into());
        self
    }

    /// How `stream()` and `iter()` page: [`Paging::Auto`] (the default) by cursor when the
    /// discovered ServiceProviderConfig advertises `pagination.cursor`, by index otherwise.
    pub fn paging(mut self, paging: Paging) -> Self {
        self.paging = paging;
        self
    }

    /// Asks for these attributes (RFC 7644 §3.4.2.5).
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.request = self.request.with_attributes(names);
        self
    }

    /// Leaves these attributes out (RFC 7644 §3.4.2.5).
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.request = self.request.with_excluded_attributes(names);
        self
    }

    /// Overrides the client's checks for every page.
    pub fn checks(mut self, checks: Checks) -> Self {
        self.overrides.checks = Some(checks);
        self
    }

    /// Accepts these statuses for every page instead of the operation's
    /// ([`Operation::expected_statuses`]); an empty list accepts any.
    pub fn expected_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.overrides.expected = Some(statuses.into_iter().collect());
        self
    }

    /// The query as a SearchRequest.
    pub fn search_request(&self) -> &SearchRequest {
        &self.request
    }
}

impl<C, T> Query<'_, C, T>
where
    ListResponse<T>: Outcome,
{
    pub(crate) fn page_operation(&self, core: &Core) -> Operation<ListResponse<T>> {
        self.overrides.apply(core.query_shaped(
            &self.path,
            self.shape.clone(),
            self.method,
            &self.request,
        ))
    }

    /// The pager of every page, by cursor or by index as [`Query::paging`] and what `core`
    /// discovered decide.
    pub(crate) fn pager(&self, core: &Core) -> Pager<T> {
        let mut request = self.request.clone();
        let by_cursor = match self.paging {
            Paging::Cursor => true,
            Paging::Index => false,
            Paging::Auto => {
                request.cursor.is_some()
                    || (request.start_index.is_none()
                        && core
                            .discovery()
                            .service_provider_config
                            .as_ref()
                            .is_some_and(ServiceProviderConfig::cursor_pagination_supported))
            }
        };
        if by_cursor {
            request.cursor.get_or_insert_with(String::new);
            request.start_index = None;
        } else {
            request.cursor = None;
        }
        Pager::shaped(self.path.clone(), self.shape.clone(), self.method, request)
    }
}
