//! The crates a user's build compiles: the model has no I/O, so a crate that only reads and
//! writes payloads compiles no HTTP crate, and each edge adds only its own.

/// The packages of `scim-runtime`'s normal dependency graph with `features`, by name.
fn graph(features: &[&str]) -> Vec<String> {
    graph_of(false, features)
}

/// The packages of the graph with the default features, if `default`, and `features`.
fn graph_of(default: bool, features: &[&str]) -> Vec<String> {
    let joined = features.join(",");
    let mut args = Vec::new();
    if !default {
        args.push("--no-default-features");
    }
    if !features.is_empty() {
        args.extend(["--features", &joined]);
    }
    test_peers::dependency_names("scim-runtime", &args)
}

const HTTP_CRATES: &[&str] = &["http", "http-body", "hyper", "reqwest", "rustls", "tokio"];

fn has(graph: &[String], name: &str) -> bool {
    graph.iter().any(|n| n == name)
}

#[test]
fn without_features_no_http_crate_is_compiled() {
    let g = graph(&[]);
    assert!(has(&g, "scim-runtime-model"), "{g:?}");
    for name in HTTP_CRATES {
        assert!(
            !has(&g, name),
            "{name} is in the graph without features: {g:?}"
        );
    }
    assert!(!has(&g, "scim-runtime-client") && !has(&g, "scim-runtime-server"));
}

#[test]
fn default_features_compile_no_http_crate_either() {
    let g = graph_of(true, &[]);
    assert!(has(&g, "scim-runtime-model"), "{g:?}");
    for name in HTTP_CRATES {
        assert!(!has(&g, name), "{name} is in the default graph: {g:?}");
    }
}

#[test]
fn the_server_adds_http_but_no_transport() {
    let g = graph(&["server"]);
    assert!(has(&g, "scim-runtime-server") && has(&g, "http"), "{g:?}");
    for name in ["reqwest", "hyper", "rustls", "tokio", "scim-runtime-client"] {
        assert!(
            !has(&g, name),
            "{name} comes with the server toolkit: {g:?}"
        );
    }
}

#[test]
fn crypto_comes_with_the_server_toolkit_only() {
    // The cursor codec's HMAC (RFC 9865 cursors) is the server's business.
    let server = graph(&["server"]);
    assert!(has(&server, "hmac") && has(&server, "sha2"), "{server:?}");
    for g in [graph(&[]), graph_of(true, &[]), graph(&["client"])] {
        for name in ["hmac", "sha2"] {
            assert!(!has(&g, name), "{name} without the server toolkit: {g:?}");
        }
    }
}

#[test]
fn the_sans_io_client_adds_no_transport() {
    let g = graph(&["client"]);
    assert!(has(&g, "scim-runtime-client") && has(&g, "http"), "{g:?}");
    for name in ["reqwest", "hyper", "rustls", "tokio", "scim-runtime-server"] {
        assert!(
            !has(&g, name),
            "{name} comes with the sans-IO client: {g:?}"
        );
    }
}

#[test]
fn the_reqwest_transport_brings_reqwest() {
    let g = graph(&["client-reqwest"]);
    assert!(has(&g, "reqwest") && has(&g, "rustls"), "{g:?}");
}

/// The major versions of `name` in `packages`: `1.0.200` is major 1, `0.3.55` is `0.3`.
fn majors(packages: &[(String, String)], name: &str) -> Vec<String> {
    let mut majors: Vec<String> = packages
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, version)| {
            let mut parts = version.split('.');
            let major = parts.next().unwrap_or_default();
            if major == "0" {
                format!("0.{}", parts.next().unwrap_or_default())
            } else {
                major.to_owned()
            }
        })
        .collect();
    majors.dedup();
    majors
}

#[test]
fn the_major_versions_are_read_from_the_versions() {
    let packages: Vec<(String, String)> =
        [("syn", "2.0.119"), ("syn", "3.0.10"), ("time", "0.3.55")]
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .to_vec();
    assert_eq!(majors(&packages, "syn"), ["2", "3"]);
    assert_eq!(majors(&packages, "time"), ["0.3"]);
    assert!(majors(&packages, "quote").is_empty());
}

#[test]
fn one_major_version_of_syn() {
    // The derive and serde_derive / thiserror share one syn: a second major version would be
    // compiled, from scratch, in every user's cold build.
    for args in [
        &[][..],
        &["--no-default-features"],
        &["--features", "server"],
    ] {
        let packages = test_peers::dependency_versions("scim-runtime", args);
        assert_eq!(majors(&packages, "syn").len(), 1, "{args:?}: {packages:?}");
    }
}
