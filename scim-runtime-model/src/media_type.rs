//! The SCIM media type (RFC 7644 §8.1) and which `Content-Type`s carry a SCIM body.
//!
//! ```
//! use scim_runtime::media_type::{is_scim_json, SCIM_JSON};
//!
//! assert_eq!(SCIM_JSON, "application/scim+json");
//! assert!(is_scim_json("application/scim+json; charset=utf-8"));
//! assert!(is_scim_json("Application/JSON")); // older peers, RFC 7644 §3.8
//! assert!(!is_scim_json("text/html"));
//! ```

/// `application/scim+json`, the media type of every SCIM body (RFC 7644 §8.1): what a client
/// sends in `Content-Type` and `Accept`, and what a service provider answers with.
pub const SCIM_JSON: &str = "application/scim+json";

/// Whether a `Content-Type` value carries a SCIM body: `application/scim+json`,
/// `application/json` (RFC 7644 §3.8 lets peers use it), or any other `application/*+json`
/// (a JSON structured-syntax suffix, RFC 6839 §3.1), whatever its parameters and case.
///
/// The one rule for both sides: the client reads a response with it, the server toolkit a
/// request, as scim2-server does. Lenient on purpose, since a peer that labels JSON with a
/// vendor `+json` type still sends JSON; the payload is checked after.
pub fn is_scim_json(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = media.split_once('/') else {
        return false;
    };
    if !kind.eq_ignore_ascii_case("application") {
        return false;
    }
    let suffixed = subtype.len() > "+json".len()
        && subtype
            .get(subtype.len() - "+json".len()..)
            .is_some_and(|s| s.eq_ignore_ascii_case("+json"));
    subtype.eq_ignore_ascii_case("json") || suffixed
}

#[cfg(test)]
mod tests {
    use super::is_scim_json;

    #[test]
    fn json_and_suffixed_json_in_any_case_with_parameters() {
        for yes in [
            "application/scim+json",
            "application/json",
            "APPLICATION/SCIM+JSON",
            "application/json;charset=utf-8",
            " application/scim+json ; charset=UTF-8",
            "application/vnd.example+json",
        ] {
            assert!(is_scim_json(yes), "{yes}");
        }
    }

    #[test]
    fn other_types_and_malformed_values_are_not() {
        for no in [
            "",
            "json",
            "application/",
            "application/+json",
            "text/json",
            "text/html",
            "application/xml",
            "application/jsonx",
            "application/scim+jsonp",
            "multipart/form-data; boundary=x+json",
            "application/ジェイソン",
        ] {
            assert!(!is_scim_json(no), "{no:?}");
        }
    }
}
