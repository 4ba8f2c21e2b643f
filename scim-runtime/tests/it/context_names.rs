//! `Context` is read and written by name: `Display` writes the kebab-case name and `FromStr`
//! reads it back in any case, with the Rust variant names and the scim2-models `Context`
//! member names as well; an unknown name is a typed error that holds it.

use scim_runtime::context::UnknownContext;
use scim_runtime::Context;

#[test]
fn every_context_round_trips_through_its_display_name() {
    for context in Context::ALL {
        let name = context.to_string();
        assert_eq!(name, context.as_str());
        assert_eq!(name.parse::<Context>(), Ok(context), "{name}");
        assert_eq!(
            name.to_uppercase().parse::<Context>(),
            Ok(context),
            "{name}"
        );
        assert_eq!(
            name.replace('-', "_").parse::<Context>(),
            Ok(context),
            "{name}"
        );
        // The Rust variant name, as `Debug` prints it.
        assert_eq!(format!("{context:?}").parse::<Context>(), Ok(context));
    }
}

#[test]
fn the_scim2_models_names_are_read() {
    for (name, context) in [
        ("DEFAULT", Context::Default),
        ("RESOURCE_CREATION_REQUEST", Context::CreationRequest),
        ("RESOURCE_CREATION_RESPONSE", Context::CreationResponse),
        ("RESOURCE_QUERY_REQUEST", Context::QueryRequest),
        ("RESOURCE_QUERY_RESPONSE", Context::QueryResponse),
        ("RESOURCE_REPLACEMENT_REQUEST", Context::ReplacementRequest),
        (
            "RESOURCE_REPLACEMENT_RESPONSE",
            Context::ReplacementResponse,
        ),
        ("RESOURCE_PATCH_REQUEST", Context::PatchRequest),
        ("RESOURCE_PATCH_RESPONSE", Context::PatchResponse),
        ("SEARCH_REQUEST", Context::SearchRequest),
        ("SEARCH_RESPONSE", Context::SearchResponse),
        ("resource_query_response", Context::QueryResponse),
    ] {
        assert_eq!(name.parse::<Context>(), Ok(context), "{name}");
    }
}

#[test]
fn unknown_names_are_a_typed_error_holding_the_name() {
    for name in [
        "",
        "creation",
        "request",
        "resource",
        "RESOURCE_SEARCH_REQUEST",
        "RESOURCE_DEFAULT",
        "query-requests",
        "creation request",
    ] {
        let error = name.parse::<Context>().unwrap_err();
        assert_eq!(error, UnknownContext(name.to_owned()));
        let message = error.to_string();
        assert!(message.contains(&format!("`{name}`")), "{message}");
        assert!(message.contains("creation-request"), "{message}");
    }
}
