// Only canonical enums get the derive's `PartialEq`, `Eq` and `Hash`, so `skip_eq` elsewhere
// is a mistake.
use scim_runtime::ScimResource;

#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex, skip_eq)]
pub struct Port {
    pub number: Option<i64>,
}

fn main() {}
