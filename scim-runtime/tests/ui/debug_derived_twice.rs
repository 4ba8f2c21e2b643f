// `#[derive(ScimResource)]` writes `Debug` itself, redacting secrets: deriving `Debug` as
// well is a conflict. Drop `Debug` from the list, or add `#[scim(skip_debug)]` to write it.
use scim_runtime::ScimResource;

#[derive(Debug, Default, ScimResource)]
#[scim(complex)]
struct Credential {
    #[scim(mutability = "writeOnly")]
    secret: Option<String>,
}

fn main() {}
