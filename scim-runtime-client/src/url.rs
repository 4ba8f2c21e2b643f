//! The base URL (RFC 7644 §1.3): its credentials taken out, and endpoints joined to it.

use crate::auth::Auth;
use crate::error::{BuildError, RequestError};

/// Where the authority of `url` is: after `scheme://` (or from the start without one), up to
/// the first `/`, `?` or `#`.
fn authority_range(url: &str) -> (usize, usize) {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url[start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| start + i);
    (start, end)
}

/// The end of the user information of `url` (the index of the `@` that ends it), if it has
/// any. RFC 3986 wants `@`, `:` and `/` percent-encoded in a password, but people paste them
/// as they are, so the user information runs to the **last** `@` before any query or
/// fragment: `https://alice:p@ss/w0rd@host/v2` is `alice` with `p@ss/w0rd` at `host`. The
/// price: an `@` in a base URL's path must be percent-encoded (`%40`), or what precedes it is
/// taken for credentials (never shown, never sent as a host) rather than a password being
/// taken for a host and shown.
fn userinfo_end(url: &str) -> Option<usize> {
    let (start, _) = authority_range(url);
    let end = url[start..]
        .find(['?', '#'])
        .map_or(url.len(), |i| start + i);
    url[start..end].rfind('@').map(|i| start + i)
}

/// `url` with the user information of its authority (`user:password@`, RFC 3986 §3.2.1)
/// replaced by `***@`: what errors and `Debug` show of a URL given by the caller.
pub(crate) fn redact_userinfo(url: &str) -> String {
    let (start, _) = authority_range(url);
    match userinfo_end(url) {
        Some(at) => format!("{}***{}", &url[..start], &url[at..]),
        None => url.to_owned(),
    }
}

/// Decodes `%XX` sequences (RFC 3986 §2.1); a `%` not followed by two hex digits is kept as
/// it is, as WHATWG URL parsers do for a password pasted unencoded. `None` when the decoded
/// bytes are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = s
            .get(i + 1..i + 3)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        if let (b'%', Some(hex)) = (bytes[i], hex) {
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A base URL split into what requests are built from.
pub(crate) struct Base {
    /// `scheme://host[:port]/path`, without credentials or a trailing `/`.
    pub(crate) base: String,
    /// The length of `scheme://host[:port]` in `base`.
    pub(crate) origin_len: usize,
    /// The credentials the URL held, as HTTP Basic.
    pub(crate) auth: Option<Auth>,
}

/// Reads a base URL. Credentials in it (`https://alice:pw@host/v2`) are taken out into
/// [`Auth::Basic`], percent-decoded (RFC 3986 §3.2.1): a password holding `@` or `:` is read
/// whole (the last `@` ends the user information, the first `:` ends the user name), and the
/// URL the client keeps, shows and sends to has none.
pub(crate) fn parse_base(base_url: &str) -> Result<Base, BuildError> {
    let invalid = || BuildError::InvalidBaseUrl(redact_userinfo(base_url));
    let trimmed = base_url.trim_end_matches('/');
    let (start, _) = authority_range(trimmed);
    let (url, auth) = match userinfo_end(trimmed) {
        Some(at) => {
            let userinfo = &trimmed[start..at];
            let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
            let user = percent_decode(user).ok_or(BuildError::InvalidCredentials)?;
            let password = percent_decode(password).ok_or(BuildError::InvalidCredentials)?;
            let url = format!("{}{}", &trimmed[..start], &trimmed[at + 1..]);
            (url, Some(Auth::basic(user, password)))
        }
        None => (trimmed.to_owned(), None),
    };
    let uri: http::Uri = url.parse().map_err(|_| invalid())?;
    let http = matches!(uri.scheme_str(), Some("http" | "https"));
    if !http || uri.authority().is_none() || uri.query().is_some() || url.contains('#') {
        return Err(invalid());
    }
    let (_, origin_len) = authority_range(&url);
    Ok(Base {
        base: url,
        origin_len,
        auth,
    })
}

/// The URL of `endpoint` under `base` (`origin_len` bytes of which are the origin).
///
/// - A relative endpoint is appended to the base URL: `/Users` under `https://h/scim/v2` is
///   `https://h/scim/v2/Users`.
/// - An endpoint that already starts with the base URL's path is not doubled: servers such as
///   those behind a gateway advertise `"endpoint": "/scim/v2/Users"`, which means
///   `https://h/scim/v2/Users`, not `https://h/scim/v2/scim/v2/Users`. (scim2-client joins it
///   as any other relative path; a server with an endpoint really at `/scim/v2/scim/v2/...`
///   would have to be given the full URL.)
/// - An absolute `http(s)` endpoint is used as it is when it is on the base URL's origin, and
///   refused otherwise ([`RequestError::ForeignEndpoint`]): the credentials go to the service
///   provider only. scim2-client refuses every absolute endpoint.
pub(crate) fn join(base: &str, origin_len: usize, endpoint: &str) -> Result<String, RequestError> {
    let lower = endpoint.get(..8).unwrap_or(endpoint).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let (_, end) = authority_range(endpoint);
        let same = endpoint[..end].eq_ignore_ascii_case(&base[..origin_len]);
        return if same {
            Ok(endpoint.to_owned())
        } else {
            Err(RequestError::ForeignEndpoint(redact_userinfo(endpoint)))
        };
    }
    let base_path = &base[origin_len..];
    let mut url = String::with_capacity(base.len() + endpoint.len() + 1);
    let holds_base_path = !base_path.is_empty()
        && endpoint.starts_with('/')
        && endpoint.starts_with(base_path)
        && matches!(endpoint.as_bytes().get(base_path.len()), None | Some(b'/'));
    if holds_base_path {
        url.push_str(&base[..origin_len]);
    } else {
        url.push_str(base);
        if !endpoint.is_empty() && !endpoint.starts_with('/') {
            url.push('/');
        }
    }
    url.push_str(endpoint);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the password, encoded or pasted as it is: it becomes the Basic password,
        /// the URL keeps none of it, and nothing shows it.
        #[test]
        fn any_password_is_taken_out_and_hidden(
            user in "[a-zA-Z0-9._~-]{1,12}",
            tail in "[a-zA-Z0-9@:/%é!$&'()*+,;= ._~-]{0,24}",
            encode in any::<bool>(),
        ) {
            // A prefix no Debug output holds, so that finding the password means a leak.
            let password = format!("Zq{tail}");
            let written = if encode {
                let mut e = String::new();
                crate::request::percent_encode(&password, &mut e);
                e
            } else {
                password.clone()
            };
            let url = format!("https://{user}:{written}@example.com:8443/scim/v2/");
            let b = match parse_base(&url) {
                Ok(b) => b,
                Err(error) => {
                    // Pasted as it is, `%aA` is an escape that decodes to no UTF-8: refused, as
                    // `%FF` is below, and the error shows none of it either.
                    prop_assert!(!encode && percent_decode(&written).is_none(), "{:?}", error);
                    prop_assert_eq!(&error, &BuildError::InvalidCredentials);
                    let shown = format!("{error} {error:?}");
                    prop_assert!(!shown.contains(&password), "{}", shown);
                    return Ok(());
                }
            };
            prop_assert_eq!(&b.base, "https://example.com:8443/scim/v2");
            if encode || !password.contains('%') {
                prop_assert_eq!(b.auth, Some(Auth::basic(user.clone(), password.clone())));
            }
            let core = crate::Core::new(&url).unwrap();
            let shown = format!("{core:?} {}", redact_userinfo(&url));
            prop_assert!(!shown.contains(&password) && !shown.contains(&written), "{}", shown);
            let bad = format!("{url}?x");
            let error = parse_base(&bad).err().unwrap();
            let shown = format!("{error} {error:?}");
            prop_assert!(!shown.contains(&password) && !shown.contains(&written), "{}", shown);
        }

        /// No base URL or endpoint makes the client panic.
        #[test]
        fn no_url_panics(base in "\\PC{0,40}", endpoint in "\\PC{0,40}") {
            let _ = redact_userinfo(&base);
            if let Ok(b) = parse_base(&base) {
                let _ = join(&b.base, b.origin_len, &endpoint);
            }
        }
    }

    fn url(base: &str, endpoint: &str) -> Result<String, RequestError> {
        let b = parse_base(base).unwrap();
        join(&b.base, b.origin_len, endpoint)
    }

    #[test]
    fn endpoints_holding_the_base_path_are_not_doubled() {
        for base in [
            "https://h/scim/v2",
            "https://h/scim/v2/",
            "https://h/scim/v2//",
        ] {
            for (endpoint, expected) in [
                ("/Users", "https://h/scim/v2/Users"),
                ("Users", "https://h/scim/v2/Users"),
                ("/scim/v2/Users", "https://h/scim/v2/Users"),
                ("/scim/v2/Users/", "https://h/scim/v2/Users/"),
                ("/scim/v2", "https://h/scim/v2"),
                // Only whole segments: `/scim/v2x` is not under `/scim/v2`.
                ("/scim/v2x/Users", "https://h/scim/v2/scim/v2x/Users"),
                ("https://h/scim/v2/Users", "https://h/scim/v2/Users"),
                ("HTTPS://H/scim/v2/Users", "HTTPS://H/scim/v2/Users"),
                ("", "https://h/scim/v2"),
            ] {
                assert_eq!(
                    url(base, endpoint).unwrap(),
                    expected,
                    "{base} + {endpoint}"
                );
            }
        }
        assert_eq!(url("https://h", "/Users").unwrap(), "https://h/Users");
        assert_eq!(
            url("http://h:8080/v2", "/v2/Groups").unwrap(),
            "http://h:8080/v2/Groups"
        );
        for foreign in [
            "https://evil.example/scim/v2/Users",
            "http://h/scim/v2/Users",
            "https://h:8443/scim/v2/Users",
            "https://h.evil/scim/v2/Users",
        ] {
            assert!(
                matches!(
                    url("https://h/scim/v2", foreign),
                    Err(RequestError::ForeignEndpoint(_))
                ),
                "{foreign}"
            );
        }
    }

    #[test]
    fn credentials_are_taken_out_of_the_base_url() {
        for (base, user, password) in [
            ("https://alice:s3cr3t@h/v2", "alice", "s3cr3t"),
            ("https://alice:p%40ss%3Aw0rd@h/v2", "alice", "p@ss:w0rd"),
            ("https://alice:p@ss:w0rd@h/v2", "alice", "p@ss:w0rd"),
            ("https://alice:p@ss:w0rd/%é@h/v2", "alice", "p@ss:w0rd/%é"),
            ("https://alice:pa/ss@h:8443/v2", "alice", "pa/ss"),
            ("https://alice:12/x@h/v2", "alice", "12/x"),
            ("https://alice:pa%zz@h/v2", "alice", "pa%zz"),
            ("https://al%20ice@h/v2", "al ice", ""),
            ("https://alice:@h:8443/v2/", "alice", ""),
        ] {
            let b = parse_base(base).unwrap();
            assert!(!b.base.contains('@'), "{}", b.base);
            assert!(b.base.ends_with("/v2"), "{}", b.base);
            assert_eq!(b.auth, Some(Auth::basic(user, password)), "{base}");
        }
        assert_eq!(
            parse_base("https://alice:%FF@h/v2").err(),
            Some(BuildError::InvalidCredentials),
            "not UTF-8"
        );
        // An encoded `@` in the path is no credential.
        let b = parse_base("https://h:8443/v2/a%40b").unwrap();
        assert_eq!((b.base.as_str(), b.auth), ("https://h:8443/v2/a%40b", None));
        let err = parse_base("https://alice:s3cr3t@h/v2?x=1").err().unwrap();
        assert!(!format!("{err} {err:?}").contains("s3cr3t"), "{err}");
        assert_eq!(
            redact_userinfo("ftp://a:b@h/x"),
            "ftp://***@h/x",
            "the user information is cut out"
        );
    }
}
