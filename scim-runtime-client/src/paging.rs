//! Reading every result of a query page by page (RFC 7644 §3.4.2.4), as a sans-IO state
//! machine that the async stream and the blocking iterator both drive.

use std::collections::VecDeque;

use crate::error::{Error, Exchange};
use crate::request::{Core, Operation, QueryMethod};
use scim_runtime_model::dynamic::{DynamicResource, DynamicType};
use scim_runtime_model::exchange::{ListItem, Outcome};
use scim_runtime_model::message::{ListResponse, SearchRequest};

/// The state of a paginated query.
///
/// It asks for pages at `startIndex` = 1 (or the query's own), then at the index after the last
/// result received, with the query's `count` (RFC 7644 §3.4.2.4). It copes with servers that
/// ignore `count`, return fewer results than asked, or give a wrong `totalResults`:
///
/// - it stops on an empty page, or when the results received reach `totalResults` exactly;
/// - when more results arrive than `totalResults` said, it trusts only a page shorter than the
///   page size (the `count` asked for, or else the size of the first page) to be the last;
/// - when fewer arrived, it asks for the next page, so a server that returns fewer than `count`
///   loses nothing, and a `totalResults` that is too high costs one request that comes back
///   empty;
/// - without `totalResults` (read when the response check is off), a page shorter than the
///   page size is the last;
/// - a page whose `startIndex` is not the one asked for is an [`Error::Paging`], never a silent
///   loop over the same page.
///
/// A query whose `cursor` is set (`Some("")` for the first page) pages by cursor instead
/// (RFC 9865): it sends each page's `nextCursor` for the next, and stops on a page without
/// one, or an empty page. A server that ignores the cursor and answers with index pages
/// (no `nextCursor`, a `totalResults` above what arrived) is read on by index from there, so
/// nothing is lost and nothing loops; the same `nextCursor` twice in a row is an
/// [`Error::Paging`].
///
/// Results are typed resources ([`Pager::new`]) or dynamic ones ([`Pager::dynamic`]).
#[derive(Debug, Clone)]
pub struct Pager<T>
where
    ListResponse<T>: Outcome,
{
    path: String,
    shape: <ListResponse<T> as Outcome>::Shape,
    method: QueryMethod,
    query: SearchRequest,
    next_index: u64,
    buffer: VecDeque<T>,
    done: bool,
    pages: u64,
    page_size: Option<u64>,
    /// The cursor of the next page while paging by cursor; `None` pages by index.
    cursor: Option<String>,
    /// How many results arrived so far.
    received: u64,
}

/// How [`Query::stream`](crate::Query) and `iter()` page (RFC 7644 §3.4.2.4, RFC 9865).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Paging {
    /// By cursor when the discovered ServiceProviderConfig says `pagination.cursor: true` and
    /// the query sets no `startIndex`; by index otherwise.
    #[default]
    Auto,
    /// By `startIndex` and `count`, whatever the server advertises.
    Index,
    /// By `cursor` and `count`, whatever the server advertises.
    Cursor,
}

impl<T: ListItem> Pager<T> {
    /// A pager over the results of `query` at `path`.
    pub fn new(path: String, method: QueryMethod, query: SearchRequest) -> Self {
        Self::shaped(path, (), method, query)
    }
}

impl Pager<DynamicResource> {
    /// A pager over the results of `query` at the endpoint of the dynamic type `ty`, each
    /// read and checked against `ty`'s schemas.
    pub fn dynamic(ty: &DynamicType, method: QueryMethod, query: SearchRequest) -> Self {
        Self::shaped(ty.endpoint.clone(), ty.clone(), method, query)
    }
}

impl<T> Pager<T>
where
    ListResponse<T>: Outcome,
{
    /// A pager whose pages are read as `shape` describes.
    pub(crate) fn shaped(
        path: String,
        shape: <ListResponse<T> as Outcome>::Shape,
        method: QueryMethod,
        query: SearchRequest,
    ) -> Self {
        let next_index = query.start_index.unwrap_or(1).max(1);
        let cursor = query.cursor.clone();
        Self {
            path,
            shape,
            method,
            query,
            next_index,
            buffer: VecDeque::new(),
            done: false,
            pages: 0,
            page_size: None,
            cursor,
            received: 0,
        }
    }

    /// Whether the next page is asked for by cursor (RFC 9865) rather than by index.
    pub fn is_cursor_paging(&self) -> bool {
        self.cursor.is_some()
    }

    /// The next buffered result.
    pub fn pop(&mut self) -> Option<T> {
        self.buffer.pop_front()
    }

    /// Whether no page is left to fetch.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// How many pages were fetched.
    pub fn pages(&self) -> u64 {
        self.pages
    }

    /// The operation fetching the next page, or `None` when the pager is done.
    pub fn next_operation(&self, core: &Core) -> Option<Operation<ListResponse<T>>> {
        if self.done {
            return None;
        }
        let mut query = self.query.clone();
        match &self.cursor {
            Some(cursor) => {
                query.cursor = Some(cursor.clone());
                query.start_index = None;
            }
            None => {
                query.cursor = None;
                query.start_index = Some(self.next_index);
            }
        }
        Some(core.query_shaped(&self.path, self.shape.clone(), self.method, &query))
    }

    /// Takes in a page; its results are then given by [`Pager::pop`].
    ///
    /// # Errors
    ///
    /// [`Error::Paging`] when the page starts elsewhere than asked, or gives the cursor it was
    /// asked with as the next one. The pager is then done.
    pub fn accept(
        &mut self,
        page: ListResponse<T>,
        exchange: impl FnOnce() -> Box<Exchange>,
    ) -> Result<(), Error> {
        if let Some(sent) = self.cursor.take() {
            return self.accept_cursor_page(sent, page, exchange);
        }
        self.accept_index_page(page, exchange)
    }

    fn accept_cursor_page(
        &mut self,
        sent: String,
        page: ListResponse<T>,
        exchange: impl FnOnce() -> Box<Exchange>,
    ) -> Result<(), Error> {
        self.pages += 1;
        let received = page.resources.len() as u64;
        self.received += received;
        match page.next_cursor.clone() {
            Some(next) if next == sent => {
                self.done = true;
                return Err(Error::Paging {
                    exchange: exchange(),
                    reason: format!("the page asked for with cursor `{sent}` has it as nextCursor"),
                });
            }
            Some(next) if received > 0 && self.query.count != Some(0) => {
                self.cursor = Some(next);
            }
            Some(_) => self.done = true,
            None => {
                // No cursor: the last page, unless the server paged by index instead and says
                // more results remain; then read on by index after what arrived.
                let more = page.total_results.is_some_and(|t| t > self.received);
                self.done = received == 0 || !more || self.query.count == Some(0);
                self.next_index = self.received + 1;
                self.page_size = Some(self.query.count.unwrap_or(received));
            }
        }
        self.buffer.extend(page.resources);
        Ok(())
    }

    fn accept_index_page(
        &mut self,
        page: ListResponse<T>,
        exchange: impl FnOnce() -> Box<Exchange>,
    ) -> Result<(), Error> {
        self.pages += 1;
        if let Some(start) = page.start_index {
            // Servers answering the first page of `startIndex=0` with 1 are right to clamp.
            if start != self.next_index {
                self.done = true;
                return Err(Error::Paging {
                    exchange: exchange(),
                    reason: format!(
                        "asked for startIndex {}, the page has startIndex {start}",
                        self.next_index
                    ),
                });
            }
        }
        let received = page.resources.len() as u64;
        let page_size = *self
            .page_size
            .get_or_insert(self.query.count.unwrap_or(received));
        let last = self.next_index - 1 + received; // the index of this page's last result
        let short = received < page_size;
        self.done = received == 0
            || self.query.count == Some(0)
            || match page.total_results {
                // The server's count is trusted when it matches exactly...
                Some(total) => {
                    last == total
                    // ...and once it is shown to be too low, only a short page ends the results.
                    || (last > total && short)
                }
                // Without a count (checks relaxed), a short page is the last.
                None => short,
            };
        let end = last + 1;
        self.next_index = end;
        self.received += received;
        self.buffer.extend(page.resources);
        Ok(())
    }
}
