//! Bounds that keep hostile filters from exhausting memory or the stack.

/// Bounds applied while parsing filters and PATCH paths.
///
/// Filters arrive from the network (RFC 7644 §3.4.2.2 `filter` query parameter, §3.4.3 search
/// requests, §3.5.2 PATCH `path`), so the parser refuses input that is too long or nests too
/// deeply before it can cost much.
///
/// The parser itself does not recurse: it keeps open groups on a heap stack whose height
/// [`max_depth`](Self::max_depth) bounds. The tree it returns is at most about twice as deep as
/// the nesting (`and`/`or` chains of any length are flat operand lists), so whatever later walks
/// the tree recursively (printing, comparing, dropping, evaluating) is bounded as well; the
/// [ceiling](Self::MAX_DEPTH_CEILING) keeps that walk well within a thread's stack.
///
/// ```
/// use scim_filter_syntax::filter::{parse_filter_with_limits, ParseError, ParseLimits};
///
/// let strict = ParseLimits::default().with_max_depth(1);
/// assert!(parse_filter_with_limits("(a pr)", &strict).is_ok());
/// assert!(matches!(
///     parse_filter_with_limits("((a pr))", &strict),
///     Err(ParseError::TooDeep { column: 2, max_depth: 1 })
/// ));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseLimits {
    max_length: usize,
    max_depth: usize,
}

impl ParseLimits {
    /// The default maximum input length: 16 KiB.
    pub const DEFAULT_MAX_LENGTH: usize = 16 * 1024;
    /// The default maximum nesting depth: 64 levels.
    pub const DEFAULT_MAX_DEPTH: usize = 64;
    /// The largest nesting depth [`with_max_depth`](Self::with_max_depth) accepts; larger values
    /// are lowered to it, so no configuration lets input overflow a thread's stack.
    pub const MAX_DEPTH_CEILING: usize = 512;

    /// The default limits: 16 KiB and 64 levels of nesting.
    pub const fn new() -> Self {
        Self {
            max_length: Self::DEFAULT_MAX_LENGTH,
            max_depth: Self::DEFAULT_MAX_DEPTH,
        }
    }

    /// The same limits with a different maximum input length, in bytes.
    #[must_use]
    pub const fn with_max_length(mut self, max_length: usize) -> Self {
        self.max_length = max_length;
        self
    }

    /// The same limits with a different maximum nesting depth, at most
    /// [`MAX_DEPTH_CEILING`](Self::MAX_DEPTH_CEILING).
    ///
    /// Each `(`, `not (` and `[` opens one level; a depth of 0 allows only flat filters such as
    /// `a eq 1 and b pr`.
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = if max_depth > Self::MAX_DEPTH_CEILING {
            Self::MAX_DEPTH_CEILING
        } else {
            max_depth
        };
        self
    }

    /// The maximum input length, in bytes.
    pub const fn max_length(&self) -> usize {
        self.max_length
    }

    /// The maximum nesting depth of `(`, `not (` and `[`.
    pub const fn max_depth(&self) -> usize {
        self.max_depth
    }
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self::new()
    }
}
