use scim_runtime::ScimResource;

// `sensitive` marks an attribute; the common attributes and the unknown ones have fixed rules.
#[derive(Default, ScimResource)]
#[scim(resource, schema = "urn:example:Thing", name = "Thing", endpoint = "/Things")]
struct Thing {
    #[scim(sensitive)]
    id: Option<String>,
    external_id: Option<String>,
    meta: Option<scim_runtime::Meta>,
    #[scim(other, sensitive)]
    other: scim_runtime::OtherAttributes,
}

// `case_exact` on a type is the canonical enum's; a struct's is set on each field.
#[derive(Default, ScimResource)]
#[scim(complex, case_exact)]
struct Value {
    value: Option<String>,
}

fn main() {}
