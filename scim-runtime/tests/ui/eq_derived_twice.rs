// `#[derive(ScimResource)]` writes `PartialEq`, `Eq` and `Hash` for a canonical enum, comparing
// as the attribute's `caseExact` says (`Custom("WORK") == Work`): deriving them as well is a
// conflict. Drop them from the list, or add `#[scim(skip_eq)]` to keep structural ones.
use scim_runtime::ScimResource;

#[derive(Clone, PartialEq, Eq, Hash, ScimResource)]
#[scim(canonical)]
pub enum Kind {
    Work,
    #[scim(other)]
    Custom(String),
}

fn main() {}
