// A canonical enum with a mistake reports only that mistake: the stub impls include
// `PartialEq`, `Eq` and `Hash`, so code comparing or hashing the enum adds no errors.
use scim_runtime::ScimResource;

#[derive(Clone, ScimResource)]
#[scim(canonical)]
pub enum Kind {
    Work,
    Home,
}

fn main() {
    let set: std::collections::HashSet<Kind> = [Kind::Work].into();
    let _ = Kind::Work == Kind::Home && set.contains(&Kind::Home);
}
