//! Writing the impls, split by what they write. Every path is fully qualified from the root of
//! [`Paths`] (`::scim_runtime`, or `#[scim(crate = "..")]`), and everything is wrapped in
//! `const _: () = { ... };`, so the output neither depends on nor disturbs the user's names.

mod access;
mod canonical;
mod debug;
mod deserialize;
mod fallback;
mod metadata;
mod paths;
mod serialize;
mod typed_paths;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Kind};

pub use fallback::stub;
use paths::Paths;

/// The impls of a checked input.
pub fn expand(c: &Container<'_>) -> TokenStream {
    let p = Paths::new(c.root.as_ref());
    let body = match c.kind {
        Kind::Canonical => {
            let values = canonical::expand_values(c, &p);
            let matching = canonical::expand(c, &p);
            let paths = typed_paths::expand(c, &p);
            quote!(#values #matching #paths)
        }
        _ => {
            let methods = [
                serialize::serialize_scoped(c, &p),
                validate::validate_into(c, &p),
                validate::drop_ignored(c, &p),
                metadata::is_empty(c),
                serialize::is_empty_in(c, &p),
                deserialize::merge_from(c, &p),
            ];
            let object = metadata::scim_object(c, &p, quote!(#(#methods)*));
            let kind = metadata::kind_impls(c, &p);
            let access = access::expand(c, &p);
            let value = metadata::attribute_value(c, &p);
            let serialize = serialize::serialize(c, &p);
            let deserialize = deserialize::deserialize(c, &p);
            let field_checks = canonical::field_checks(c, &p);
            let paths = typed_paths::expand(c, &p);
            quote! {
                #object
                #kind
                #access
                #value
                #serialize
                #deserialize
                #field_checks
                #paths
            }
        }
    };
    let debug = debug::expand(c, &p);
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #body
            #debug
        };
    }
}
